package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/text"
)

// The readers of this package work on encoding/json's RawMessage, walked
// member by member so that key order is kept, duplicate keys are refused
// and every error names its JSON path, as the scenario reader does.

// member is one key of a JSON object with its raw value.
type member struct {
	key string
	val json.RawMessage
}

// errs collects reading errors up to engine.MaxErrors.
type errs struct{ list engine.Errors }

func (e *errs) add(path, format string, args ...any) {
	if len(e.list) >= engine.MaxErrors {
		return
	}
	e.list = append(e.list, &engine.Error{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// addCode records an error whose message is the key code of Texts with
// args: its English text is Msg, and engine.Error.Message renders it in
// any language.
func (e *errs) addCode(path, code string, args ...string) {
	if len(e.list) >= engine.MaxErrors {
		return
	}
	e.list = append(e.list, codedError(path, code, args...))
}

func codedError(path, code string, args ...string) *engine.Error {
	msg, ok := Texts.Format(text.EN, code, args...)
	if !ok {
		msg = code + ": " + strings.Join(args, ", ")
	}
	return &engine.Error{Path: path, Msg: msg, Code: code, Args: args, Catalog: Texts}
}

// coded is the error list of one coded error.
func coded(path, code string, args ...string) engine.Errors {
	return engine.Errors{codedError(path, code, args...)}
}

// addFrom records an error of the scenario reader at path (inside the
// lesson file), keeping its code so that it reads in any language.
func (e *errs) addFrom(path string, x *engine.Error) {
	if len(e.list) >= engine.MaxErrors {
		return
	}
	c := *x
	c.Path = path
	e.list = append(e.list, &c)
}

func (e *errs) err() error {
	if len(e.list) == 0 {
		return nil
	}
	return e.list
}

// sub joins a path and a key.
func sub(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// checkDocument refuses a document that is too large, too deep or not JSON,
// with a line and column for syntax errors.
func checkDocument(data []byte, what string) error {
	if len(data) > MaxBytes {
		return coded("", "lesson.tooBig", what, strconv.Itoa(len(data)), strconv.Itoa(MaxBytes/1_000_000))
	}
	depth, inStr, esc := 0, false, false
	for i, c := range data {
		switch {
		case inStr:
			if esc {
				esc = false
			} else if c == '\\' {
				esc = true
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
			if depth > engine.MaxJSONDepth {
				line, col := lineCol(data, i)
				return coded("", "lesson.deep", strconv.Itoa(line), strconv.Itoa(col), strconv.Itoa(engine.MaxJSONDepth))
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		if se := engine.JSONSyntaxError(data); se != nil {
			return engine.Errors{se}
		}
		return engine.Errors{{Msg: "not valid JSON: " + err.Error()}}
	}
	return nil
}

func lineCol(data []byte, off int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// kind describes a raw JSON value for messages.
func kind(raw json.RawMessage) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// object returns an object's members in order; it refuses duplicate keys
// and keys outside allowed (when allowed is not nil).
func (e *errs) object(raw json.RawMessage, path string, allowed []string) ([]member, bool) {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != '{' {
		e.addCode(path, "lesson.object", kind(raw))
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		e.add(path, "%v", err)
		return nil, false
	}
	var out []member
	seen := map[string]bool{}
	ok := true
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			e.add(path, "%v", err)
			return nil, false
		}
		key, _ := tok.(string)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			e.add(sub(path, key), "%v", err)
			return nil, false
		}
		switch {
		case seen[key]:
			e.addCode(sub(path, key), "lesson.duplicateKey")
			ok = false
		case allowed != nil && !slices.Contains(allowed, key):
			e.addCode(sub(path, key), "lesson.unknownKey", quoteList(allowed))
			ok = false
		}
		seen[key] = true
		out = append(out, member{key, val})
	}
	return out, ok
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func get(ms []member, key string) json.RawMessage {
	for _, m := range ms {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

func (e *errs) array(raw json.RawMessage, path string) ([]json.RawMessage, bool) {
	var out []json.RawMessage
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != '[' {
		e.addCode(path, "lesson.array", kind(raw))
		return nil, false
	}
	if err := json.Unmarshal(t, &out); err != nil {
		e.add(path, "%v", err)
		return nil, false
	}
	return out, true
}

func (e *errs) str(raw json.RawMessage, path string) (string, bool) {
	var s string
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != '"' || json.Unmarshal(t, &s) != nil {
		e.addCode(path, "lesson.string", kind(raw))
		return "", false
	}
	return s, true
}

func (e *errs) nonEmpty(raw json.RawMessage, path string) (string, bool) {
	s, ok := e.str(raw, path)
	if ok && strings.TrimSpace(s) == "" {
		e.addCode(path, "lesson.empty")
		return "", false
	}
	return s, ok
}

func (e *errs) integer(raw json.RawMessage, path string, lo, hi int) (int, bool) {
	t := string(bytes.TrimSpace(raw))
	n, err := strconv.Atoi(t)
	if err != nil || n < lo || n > hi {
		e.addCode(path, "lesson.integer", strconv.Itoa(lo), strconv.Itoa(hi), strconv.Quote(t))
		return 0, false
	}
	return n, true
}

// header checks "format" and "version".
func (e *errs) header(ms []member, format string, version int) bool {
	f := get(ms, "format")
	if f == nil {
		e.addCode("", "lesson.notFormat", format)
		return false
	}
	s, ok := e.str(f, "format")
	if !ok {
		return false
	}
	if s != format {
		e.addCode("format", "lesson.format", strconv.Quote(format), strconv.Quote(s))
		return false
	}
	v := get(ms, "version")
	if v == nil {
		e.addCode("", "lesson.missing", `"version"`)
		return false
	}
	n, ok := e.integer(v, "version", 1, 1<<31-1)
	if !ok {
		return false
	}
	if n != version {
		e.addCode("version", "lesson.version", strconv.Itoa(n), strconv.Itoa(version))
		return false
	}
	return true
}

// text reads a Text: an object with "ru" and/or "en".
func (e *errs) text(raw json.RawMessage, path string) (Text, bool) {
	ms, ok := e.object(raw, path, Languages)
	if !ok {
		return nil, false
	}
	if len(ms) == 0 {
		e.addCode(path, "lesson.text")
		return nil, false
	}
	t := Text{}
	for _, m := range ms {
		s, ok := e.nonEmpty(m.val, sub(path, m.key))
		if !ok {
			return nil, false
		}
		t[m.key] = s
	}
	return t, true
}

func (e *errs) texts(raw json.RawMessage, path string) []Text {
	list, ok := e.array(raw, path)
	if !ok {
		return nil
	}
	out := make([]Text, 0, len(list))
	for i, r := range list {
		if t, ok := e.text(r, idx(path, i)); ok {
			out = append(out, t)
		}
	}
	return out
}

// scenario reads an embedded scenario, prefixing the engine's paths.
func (e *errs) scenario(raw json.RawMessage, path string) *engine.Scenario {
	sc, err := engine.ReadScenario(raw)
	if err == nil {
		_, err = engine.New(sc, engine.Options{})
	}
	if err != nil {
		var list engine.Errors
		var one *engine.Error
		switch {
		case errors.As(err, &list):
			for _, x := range list {
				e.addFrom(joinPath(path, x.Path), x)
			}
		case errors.As(err, &one):
			e.addFrom(joinPath(path, one.Path), one)
		default:
			e.add(path, "%v", err)
		}
		return nil
	}
	return sc
}

// joinPath appends an engine path ("triggers[0].id", "[2]" never occurs at
// the root) to a prefix.
func joinPath(prefix, p string) string {
	if p == "" {
		return prefix
	}
	return prefix + "." + p
}
