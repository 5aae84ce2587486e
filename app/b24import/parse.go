package b24import

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParseCategories reads saved crm.category.list output: a response
// {"result": {"categories": [...]}}, the bare {"categories": [...]}, the
// bare array, or an array of any of these. Empty input means no categories.
func ParseCategories(data []byte) ([]Category, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var out []Category
	if err := categoriesOf(json.RawMessage(data), "crm.category.list", &out); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return out, nil
}

func categoriesOf(raw json.RawMessage, where string, out *[]Category) error {
	raw, err := unwrap(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	var obj struct {
		Categories *[]json.RawMessage `json:"categories"`
	}
	if json.Unmarshal(raw, &obj) == nil && obj.Categories != nil {
		return categoryList(*obj.Categories, where+" result.categories", out)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%s: expected {\"result\": {\"categories\": [...]}} as crm.category.list returns it: %v", where, err)
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

func categoryList(list []json.RawMessage, where string, out *[]Category) error {
	for i, item := range list {
		var rec map[string]any
		if err := json.Unmarshal(item, &rec); err != nil {
			return fmt.Errorf("%s[%d]: expected a category object: %v", where, i, err)
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
	var out []Status
	if err := statusesOf(json.RawMessage(data), "crm.status.list", &out); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return out, nil
}

func statusesOf(raw json.RawMessage, where string, out *[]Status) error {
	raw, err := unwrap(raw)
	if err != nil {
		return fmt.Errorf("%s: %w", where, err)
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return fmt.Errorf("%s: expected {\"result\": [...]} as crm.status.list returns it: %v", where, err)
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
		var rec map[string]any
		if err := json.Unmarshal(item, &rec); err != nil {
			return fmt.Errorf("%s[%d]: expected a status object: %v", where, i, err)
		}
		here := fmt.Sprintf("%s[%d]", where, i)
		var s Status
		var err error
		if id, ok := rec["ID"]; ok {
			s.ID = scalarText(id)
		}
		here = fmt.Sprintf("%s (ID %s)", here, s.ID)
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
func looksLikeResponse(raw json.RawMessage) bool {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return false
	}
	_, ok := obj["result"]
	return ok
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
			return 0, fmt.Errorf("%s: expected an integer, got %q", key, v)
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
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
