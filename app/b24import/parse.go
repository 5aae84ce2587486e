package b24import

import (
	"bytes"
	"encoding/json"
	"errors"
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
		return nil, fmt.Errorf("%s: the file is %.1f MB, more than the %d MB the import reads; is it the right file?",
			where, float64(len(data))/1e6, MaxInput/1_000_000)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if line, col, deep := tooDeep(data); deep {
		return nil, fmt.Errorf("%s: line %d, column %d: nesting is deeper than %d levels; %s", where, line, col, MaxDepth, expected)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := position(data, se.Offset)
			return nil, fmt.Errorf("%s: line %d, column %d: %v; %s", where, line, col, err, expected)
		}
		return nil, fmt.Errorf("%s: %v; %s", where, err, expected)
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
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	var out []Category
	if err := categoriesOf(v, "crm.category.list", &out); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return out, nil
}

func categoriesOf(v any, where string, out *[]Category) error {
	v, err := unwrap(v)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	if obj, ok := v.(map[string]any); ok {
		if list, ok := obj["categories"].([]any); ok {
			return categoryList(list, where+" result.categories", out)
		}
	}
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s: %s, got %s", where, categoriesExpected, jsonType(v))
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
			return fmt.Errorf("%s[%d]: expected a category object, got %s", where, i, jsonType(item))
		}
		here := fmt.Sprintf("%s[%d]", where, i)
		var c Category
		var err error
		if c.ID, err = intField(rec, "id", true); err != nil {
			return fmt.Errorf("%s: %w", here, err)
		}
		here = fmt.Sprintf("%s (category %d)", here, c.ID)
		if c.Name, err = stringField(rec, "name"); err != nil {
			return fmt.Errorf("%s: %w", here, err)
		}
		if c.Sort, err = intField(rec, "sort", false); err != nil {
			return fmt.Errorf("%s: %w", here, err)
		}
		if c.EntityTypeID, err = intField(rec, "entityTypeId", true); err != nil {
			return fmt.Errorf("%s: %w", here, err)
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
		return nil, fmt.Errorf("%w: the crm.status.list output is empty", ErrInvalid)
	}
	v, err := decode(data, "crm.status.list", statusesExpected)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	var out []Status
	if err := statusesOf(v, "crm.status.list", &out); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return out, nil
}

func statusesOf(v any, where string, out *[]Status) error {
	v, err := unwrap(v)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s: %s, got %s", where, statusesExpected, jsonType(v))
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
			return fmt.Errorf("%s[%d]: expected a status object, got %s", where, i, jsonType(item))
		}
		here := fmt.Sprintf("%s[%d]", where, i)
		var s Status
		var err error
		if id, ok := rec["ID"]; ok {
			s.ID = scalarText(id)
		}
		here = fmt.Sprintf("%s (ID %s)", here, short(s.ID))
		if s.EntityID, err = stringField(rec, "ENTITY_ID"); err != nil || s.EntityID == "" {
			return fmt.Errorf("%s: ENTITY_ID: expected a string such as \"DEAL_STAGE\"", here)
		}
		if s.StatusID, err = stringField(rec, "STATUS_ID"); err != nil || s.StatusID == "" {
			return fmt.Errorf("%s: STATUS_ID: expected a string such as \"NEW\"", here)
		}
		if s.Name, err = stringField(rec, "NAME"); err != nil {
			return fmt.Errorf("%s: %w", here, err)
		}
		if s.Sort, err = intField(rec, "SORT", false); err != nil {
			return fmt.Errorf("%s: %w", here, err)
		}
		if s.Color, err = stringField(rec, "COLOR"); err != nil {
			return fmt.Errorf("%s: %w", here, err)
		}
		if s.Semantics, err = stringField(rec, "SEMANTICS"); err != nil {
			return fmt.Errorf("%s: %w", here, err)
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
			n, err := intField(rec, "CATEGORY_ID", false)
			if err != nil {
				return fmt.Errorf("%s: %w", here, err)
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
func unwrap(v any) (any, error) {
	if obj, ok := v.(map[string]any); ok {
		if errText, ok := obj["error"]; ok {
			return nil, fmt.Errorf("the REST call failed: error %s %s", short(scalarText(errText)), short(scalarText(obj["error_description"])))
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
func stringField(rec map[string]any, key string) (string, error) {
	switch v := rec[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	default:
		return "", fmt.Errorf("%s: expected a string, got %s", key, jsonType(v))
	}
}

// intField reads an integer given as a number or as a string of digits
// (Bitrix24 returns both).
func intField(rec map[string]any, key string, required bool) (int, error) {
	switch v := rec[key].(type) {
	case nil:
		if required {
			return 0, fmt.Errorf("%s: missing", key)
		}
		return 0, nil
	case float64:
		if v != math.Trunc(v) || math.Abs(v) > 1<<31 {
			return 0, fmt.Errorf("%s: expected an integer, got %v", key, v)
		}
		return int(v), nil
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			return 0, fmt.Errorf("%s: expected an integer, got %q", key, short(v))
		}
		return n, nil
	default:
		return 0, fmt.Errorf("%s: expected an integer, got %s", key, jsonType(v))
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
