package calibrate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ErrInvalid is satisfied by every error about the input files: a file is
// not the REST output expected, or a record is malformed. The message
// names the file and the JSON path of the value at fault; the error is an
// *Error, whose Message says it in the interface language.
var ErrInvalid = errors.New("cannot calibrate from the portal's history")

// Limits of an input file, as for the other imports: beyond them a browser
// tab runs out of memory before it runs out of patience.
const (
	MaxFileBytes = 50 << 20
	MaxDepth     = 64
	// MaxRecords bounds the stage-history records of all files together.
	MaxRecords = 2_000_000
)

// History record types (crm.stagehistory.list TYPE_ID).
const (
	TypeCreated  = 1 // the item was created in this stage
	TypeMoved    = 2 // moved to an intermediate stage
	TypeFinal    = 3 // moved to a final stage
	TypePipeline = 5 // moved to a stage of another pipeline
)

// Record is one crm.stagehistory.list item.
type Record struct {
	ID       int
	Type     int
	Owner    int
	At       time.Time
	Category int
	// Stage is STAGE_ID (deals, invoices, smart processes) or STATUS_ID
	// (leads); Lead is true for the latter.
	Stage string
	Lead  bool
	// Where names the record for messages: file and JSON path.
	Where string
}

// Fields is one crm.deal.list / crm.item.list record: the values the
// calibration fits for new items.
type Fields struct {
	ID          int
	Opportunity *float64
	Source      string
	Assigned    int
}

// checkShape refuses a file over MaxFileBytes or nested deeper than
// MaxDepth, before it is decoded.
func checkShape(data []byte, file string) error {
	if len(data) > MaxFileBytes {
		return fileError(file, "input.tooBig", "size", strconv.Itoa(len(data)), "max", strconv.Itoa(MaxFileBytes>>20))
	}
	depth, inStr, esc := 0, false, false
	for _, c := range data {
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
			if depth > MaxDepth {
				return fileError(file, "input.tooDeep", "max", strconv.Itoa(MaxDepth))
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// decode reads a whole file as JSON with numbers kept as json.Number.
func decode(data []byte, file string) (any, error) {
	if err := checkShape(data, file); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(data, int(se.Offset)-1)
			return nil, &Error{Place: file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col), Code: "input.notJSON", Cause: err}
		}
		return nil, &Error{Place: file, Code: "input.notJSON", Cause: err}
	}
	if dec.More() {
		return nil, fileError(file, "input.manyValues")
	}
	return v, nil
}

func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// records finds the item list of a saved REST output: one response page
// {"result": {"items": […]}} or {"result": […]}, the bare result
// {"items": […]}, an array of such pages, or a bare array of items.
func records(v any, path string, visit func(rec map[string]any, path string) error) error {
	switch x := v.(type) {
	case map[string]any:
		if e, ok := x["error"]; ok {
			return atRoot(badField(path, "input.restFailed", "error", fmt.Sprint(e), "description", fmt.Sprint(x["error_description"])), path)
		}
		if res, ok := x["result"]; ok {
			return records(res, joinKey(path, "result"), visit)
		}
		if items, ok := x["items"]; ok {
			list, ok := items.([]any)
			if !ok {
				return badValue(joinKey(path, "items"), "input.items", items)
			}
			return each(list, joinKey(path, "items"), visit)
		}
		return atRoot(badField(path, "input.objectKeys", "keys", keysOf(x)), path)
	case []any:
		pages := len(x) > 0
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				pages = false
				break
			}
			_, r := m["result"]
			_, it := m["items"]
			if !r && !it {
				pages = false
				break
			}
		}
		if pages {
			for i, e := range x {
				if err := records(e, path+"["+strconv.Itoa(i)+"]", visit); err != nil {
					return err
				}
			}
			return nil
		}
		return each(x, path, visit)
	default:
		return atRoot(badValue(path, "input.notREST", v), path)
	}
}

func each(list []any, path string, visit func(map[string]any, string) error) error {
	for i, e := range list {
		p := path + "[" + strconv.Itoa(i) + "]"
		m, ok := e.(map[string]any)
		if !ok {
			return badValue(p, "input.item", e)
		}
		if err := visit(m, p); err != nil {
			return err
		}
	}
	return nil
}

func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func keysOf(m map[string]any) string {
	var ks []string
	for k := range m {
		ks = append(ks, strconv.Quote(k))
	}
	sort.Strings(ks)
	if len(ks) > 6 {
		ks = append(ks[:6], "…")
	}
	return strings.Join(ks, ", ")
}

// field returns rec[key] under any of its spellings (crm.item.list uses
// camelCase) and the path of the key found.
func field(rec map[string]any, path string, keys ...string) (any, string, bool) {
	for _, k := range keys {
		if v, ok := rec[k]; ok && v != nil {
			return v, joinKey(path, k), true
		}
	}
	return nil, joinKey(path, keys[0]), false
}

// integer reads an integer given as a number or a numeric string (REST
// returns most numbers as strings).
func integer(v any, path string) (int, error) {
	var s string
	switch x := v.(type) {
	case json.Number:
		s = x.String()
	case string:
		s = strings.TrimSpace(x)
	default:
		return 0, badValue(path, "input.whole", v)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 1<<31-1 {
		return 0, badValue(path, "input.natural", v)
	}
	return n, nil
}

// ParseHistory reads one saved crm.stagehistory.list output. file names
// it in errors.
func ParseHistory(data []byte, file string) ([]Record, error) {
	v, err := decode(data, file)
	if err != nil {
		return nil, err
	}
	var out []Record
	err = records(v, "", func(rec map[string]any, path string) error {
		if len(out) >= MaxRecords {
			return badField("", "input.fileRecords", "max", strconv.Itoa(MaxRecords))
		}
		r, err := historyRecord(rec, path)
		if err != nil {
			return err
		}
		r.Where = file + ": " + path
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, &Error{Place: file, Cause: err}
	}
	return out, nil
}

func historyRecord(rec map[string]any, path string) (Record, error) {
	var r Record
	need := func(keys ...string) (any, string, error) {
		v, p, ok := field(rec, path, keys...)
		if !ok {
			return nil, p, badField(p, "input.missing", "key", keys[0])
		}
		return v, p, nil
	}
	v, p, err := need("ID")
	if err != nil {
		return r, err
	}
	if r.ID, err = integer(v, p); err != nil {
		return r, err
	}
	if v, p, err = need("TYPE_ID"); err != nil {
		return r, err
	}
	if r.Type, err = integer(v, p); err != nil {
		return r, err
	}
	switch r.Type {
	case TypeCreated, TypeMoved, TypeFinal, TypePipeline:
	default:
		return r, badField(p, "input.type", "type", strconv.Itoa(r.Type))
	}
	if v, p, err = need("OWNER_ID"); err != nil {
		return r, err
	}
	if r.Owner, err = integer(v, p); err != nil {
		return r, err
	}
	if v, p, err = need("CREATED_TIME"); err != nil {
		return r, err
	}
	s, _ := v.(string)
	t, perr := time.Parse(time.RFC3339, s)
	if perr != nil {
		return r, badValue(p, "input.time", v)
	}
	r.At = t
	if st, sp, ok := field(rec, path, "STAGE_ID"); ok {
		s, isStr := st.(string)
		if !isStr || s == "" {
			return r, badValue(sp, "input.stage", st)
		}
		r.Stage = s
		if c, cp, ok := field(rec, path, "CATEGORY_ID"); ok {
			if r.Category, err = integer(c, cp); err != nil {
				return r, err
			}
		}
		return r, nil
	}
	st, sp, ok := field(rec, path, "STATUS_ID")
	if !ok {
		return r, badField(path, "input.noStage")
	}
	s, isStr := st.(string)
	if !isStr || s == "" {
		return r, badValue(sp, "input.status", st)
	}
	r.Stage, r.Lead = s, true
	return r, nil
}

// ParseFields reads one saved crm.deal.list (or crm.item.list,
// crm.lead.list) output: the values of OPPORTUNITY, SOURCE_ID and
// ASSIGNED_BY_ID of each record.
func ParseFields(data []byte, file string) ([]Fields, error) {
	v, err := decode(data, file)
	if err != nil {
		return nil, err
	}
	var out []Fields
	err = records(v, "", func(rec map[string]any, path string) error {
		var f Fields
		id, p, ok := field(rec, path, "ID", "id")
		if !ok {
			return badField(p, "input.missingID")
		}
		var err error
		if f.ID, err = integer(id, p); err != nil {
			return err
		}
		if o, p, ok := field(rec, path, "OPPORTUNITY", "opportunity"); ok {
			var s string
			switch x := o.(type) {
			case json.Number:
				s = x.String()
			case string:
				s = strings.TrimSpace(x)
			}
			if s != "" {
				x, err := strconv.ParseFloat(s, 64)
				if err != nil || x < 0 || x > 1e15 {
					return badValue(p, "input.amount", o)
				}
				f.Opportunity = &x
			}
		}
		if s, p, ok := field(rec, path, "SOURCE_ID", "sourceId"); ok {
			str, isStr := s.(string)
			if !isStr {
				return badValue(p, "input.source", s)
			}
			f.Source = str
		}
		if a, p, ok := field(rec, path, "ASSIGNED_BY_ID", "assignedById"); ok {
			if f.Assigned, err = integer(a, p); err != nil {
				return err
			}
		}
		out = append(out, f)
		return nil
	})
	if err != nil {
		return nil, &Error{Place: file, Cause: err}
	}
	return out, nil
}
