package b24import

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/triggersim/triggersim/engine"
)

// MaxInput is the largest REST output the import reads, in bytes: the
// same as a scenario file (export.MaxImport). A portal's whole
// crm.status.list is a few hundred kilobytes.
const MaxInput = 50_000_000

// MaxDepth bounds the nesting of the REST output, as the scenario reader
// bounds a scenario's (engine.MaxJSONDepth). The real output nests four
// levels deep; an array of responses adds one.
const MaxDepth = engine.MaxJSONDepth

// decode reads one saved REST output in a single pass: its size and
// nesting are checked first (without building anything), then it is
// unmarshalled once into a tree that the readers below walk. Nothing is
// parsed twice, so reading is linear in the input whatever its shape.
func decode(data []byte, where, expected string) (any, error) {
	if len(data) > MaxInput {
		return nil, fail(at(where), phrase("b24.tooBig", strconv.FormatFloat(float64(len(data))/1e6, 'f', 1, 64), itoa(MaxInput/1_000_000)))
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if line, col, deep := tooDeep(data); deep {
		return nil, fail(at(where), phrase("b24.deep", itoa(line), itoa(col), itoa(MaxDepth), expected))
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		if se := engine.JSONSyntaxError(data); se != nil {
			return nil, &problemError{Problem{Place: at(where), Reader: se, What: phrase("b24.expected", expected)}}
		}
		return nil, fail(at(where), phrase("b24.json", err.Error(), expected))
	}
	return v, nil
}

// tooDeep scans for an array or object nested deeper than MaxDepth and
// returns where it opens (1-based line and column, in bytes). It looks
// only at brackets outside strings; syntax is json.Unmarshal's business.
func tooDeep(data []byte) (line, col int, deep bool) {
	depth := 0
	inString, escaped := false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > MaxDepth {
				line, col = position(data, int64(i))
				return line, col, true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return 0, 0, false
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	head := data[:off]
	line = bytes.Count(head, []byte("\n")) + 1
	col = int(off) - (bytes.LastIndexByte(head, '\n') + 1) + 1
	return line, col
}

const (
	categoriesExpected = "expected {\"result\": {\"categories\": [...]}} as crm.category.list returns it"
	statusesExpected   = "expected {\"result\": [...]} as crm.status.list returns it"
)

// ParseCategories reads saved crm.category.list output: a response
// {"result": {"categories": [...]}}, the bare {"categories": [...]}, the
// bare array, or an array of any of these. Empty input means no categories.
func ParseCategories(data []byte) ([]Category, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	v, err := decode(data, "crm.category.list", categoriesExpected)
	if err != nil {
		return nil, asError(err)
	}
	var out []Category
	if err := categoriesOf(v, "crm.category.list", &out); err != nil {
		return nil, asError(err)
	}
	return out, nil
}

func categoriesOf(v any, where string, out *[]Category) error {
	v, failed := unwrap(v)
	if failed != nil {
		return fail(at(where), *failed)
	}
	if obj, ok := v.(map[string]any); ok {
		if list, ok := obj["categories"].([]any); ok {
			return categoryList(list, where+" result.categories", out)
		}
	}
	list, ok := v.([]any)
	if !ok {
		return fail(at(where), phrase("b24.got", categoriesExpected, jsonType(v)))
	}
	// An array of responses (one call per entity type) or of categories.
	if len(list) > 0 && looksLikeResponse(list[0]) {
		for i, item := range list {
			if err := categoriesOf(item, fmt.Sprintf("%s[%d]", where, i), out); err != nil {
				return err
			}
		}
		return nil
	}
	return categoryList(list, where, out)
}

func categoryList(list []any, where string, out *[]Category) error {
	for i, item := range list {
		rec, ok := item.(map[string]any)
		if !ok {
			return fail(at(fmt.Sprintf("%s[%d]", where, i)), phrase("b24.notCategory", jsonType(item)))
		}
		here := at(fmt.Sprintf("%s[%d]", where, i))
		var c Category
		var bad *Phrase
		if c.ID, bad = intField(rec, "id", true); bad != nil {
			return fail(here, *bad)
		}
		here = phrase("b24.category", fmt.Sprintf("%s[%d]", where, i), itoa(c.ID))
		if c.Name, bad = stringField(rec, "name"); bad != nil {
			return fail(here, *bad)
		}
		if c.Sort, bad = intField(rec, "sort", false); bad != nil {
			return fail(here, *bad)
		}
		if c.EntityTypeID, bad = intField(rec, "entityTypeId", true); bad != nil {
			return fail(here, *bad)
		}
		def, _ := stringField(rec, "isDefault")
		c.IsDefault = def == "Y"
		*out = append(*out, c)
	}
	return nil
}

// ParseStatuses reads saved crm.status.list or crm.status.entity.items
// output: a response {"result": [...]}, the bare array, or an array of
// responses.
func ParseStatuses(data []byte) ([]Status, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, one(Phrase{}, phrase("b24.empty"))
	}
	v, err := decode(data, "crm.status.list", statusesExpected)
	if err != nil {
		return nil, asError(err)
	}
	var out []Status
	if err := statusesOf(v, "crm.status.list", &out); err != nil {
		return nil, asError(err)
	}
	return out, nil
}

func statusesOf(v any, where string, out *[]Status) error {
	v, failed := unwrap(v)
	if failed != nil {
		return fail(at(where), *failed)
	}
	list, ok := v.([]any)
	if !ok {
		return fail(at(where), phrase("b24.got", statusesExpected, jsonType(v)))
	}
	if len(list) > 0 && looksLikeResponse(list[0]) {
		for i, item := range list {
			if err := statusesOf(item, fmt.Sprintf("%s[%d]", where, i), out); err != nil {
				return err
			}
		}
		return nil
	}
	for i, item := range list {
		rec, ok := item.(map[string]any)
		if !ok {
			return fail(at(fmt.Sprintf("%s[%d]", where, i)), phrase("b24.notStatus", jsonType(item)))
		}
		var s Status
		var bad *Phrase
		if id, ok := rec["ID"]; ok {
			s.ID = scalarText(id)
		}
		here := phrase("b24.status", fmt.Sprintf("%s[%d]", where, i), short(s.ID))
		if s.EntityID, bad = stringField(rec, "ENTITY_ID"); bad != nil || s.EntityID == "" {
			return fail(here, phrase("b24.entityID"))
		}
		if s.StatusID, bad = stringField(rec, "STATUS_ID"); bad != nil || s.StatusID == "" {
			return fail(here, phrase("b24.statusID"))
		}
		if s.Name, bad = stringField(rec, "NAME"); bad != nil {
			return fail(here, *bad)
		}
		if s.Sort, bad = intField(rec, "SORT", false); bad != nil {
			return fail(here, *bad)
		}
		if s.Color, bad = stringField(rec, "COLOR"); bad != nil {
			return fail(here, *bad)
		}
		if s.Semantics, bad = stringField(rec, "SEMANTICS"); bad != nil {
			return fail(here, *bad)
		}
		// Older portals keep colour and semantics under EXTRA only.
		if extra, ok := rec["EXTRA"].(map[string]any); ok {
			if s.Color == "" {
				s.Color, _ = stringField(extra, "COLOR")
			}
			if s.Semantics == "" {
				s.Semantics, _ = stringField(extra, "SEMANTICS")
			}
		}
		if _, ok := rec["CATEGORY_ID"]; ok && rec["CATEGORY_ID"] != nil {
			n, bad := intField(rec, "CATEGORY_ID", false)
			if bad != nil {
				return fail(here, *bad)
			}
			s.CategoryID = &n
		}
		*out = append(*out, s)
	}
	return nil
}

// looksLikeResponse reports whether an array element is a whole REST
// response rather than a record.
func looksLikeResponse(v any) bool {
	obj, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, ok = obj["result"]
	return ok
}

// unwrap returns the value of a REST response's "result" key, or the input
// itself when it is the bare result.
func unwrap(v any) (any, *Phrase) {
	if obj, ok := v.(map[string]any); ok {
		if errText, ok := obj["error"]; ok {
			p := phrase("b24.restFailed", short(scalarText(errText)), short(scalarText(obj["error_description"])))
			return nil, &p
		}
		if res, ok := obj["result"]; ok {
			return res, nil
		}
	}
	return v, nil
}

// short cuts a piece of the portal's output for a message to its first 40
// characters: a message never echoes a huge value whole.
func short(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) > most {
		r := []rune(s)
		s = string(r[:most]) + "…"
	}
	return s
}

// stringField reads a string; null and absence are "". Bitrix24 returns
// some values as numbers, which are accepted as their text.
func stringField(rec map[string]any, key string) (string, *Phrase) {
	switch v := rec[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	default:
		p := phrase("b24.string", key, jsonType(v))
		return "", &p
	}
}

// intField reads an integer given as a number or as a string of digits
// (Bitrix24 returns both).
func intField(rec map[string]any, key string, required bool) (int, *Phrase) {
	switch v := rec[key].(type) {
	case nil:
		if required {
			p := phrase("b24.missing", key)
			return 0, &p
		}
		return 0, nil
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > 1<<31 {
			p := phrase("b24.int", key, fmt.Sprint(v))
			return 0, &p
		}
		return int(v), nil
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			p := phrase("b24.int", key, strconv.Quote(short(v)))
			return 0, &p
		}
		return n, nil
	default:
		p := phrase("b24.int", key, jsonType(v))
		return 0, &p
	}
}

// scalarText prints a string or number id.
func scalarText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// jsonType names a decoded JSON value's type for messages.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
