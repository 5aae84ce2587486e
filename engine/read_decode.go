package engine

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Generic decoding helpers: typed reads of JSON nodes that report what was
// expected at their path.

// obj is an object node whose keys have been checked.
type obj struct {
	n    *jtNode
	path string
}

// object checks that n is an object with no keys outside keys; unknown keys
// are reported one by one, in file order.
func (r *reader) object(n *jtNode, path string, keys ...string) (obj, bool) {
	if n.kind != jtObject {
		r.errs.addCode(path, "read.expected", "an object", n.describe())
		return obj{}, false
	}
	for i := range n.kids {
		if !slices.Contains(keys, n.kids[i].key) {
			r.errs.addCode(keyPath(path, n.kids[i].key), "read.unknownKey")
		}
	}
	return obj{n: n, path: path}, true
}

// get returns the value of key (nil when absent) and its path.
func (o obj) get(key string) (*jtNode, string) {
	return o.n.member(key), keyPath(o.path, key)
}

// need is get for a required key: its absence is reported.
func (r *reader) need(o obj, key, expected string) (*jtNode, string) {
	n, p := o.get(key)
	if n == nil {
		r.errs.addCode(p, "read.missingKey", expected)
	}
	return n, p
}

func (r *reader) str(n *jtNode, path string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString {
		r.errs.addCode(path, "read.expected", "a string", n.describe())
		return "", false
	}
	return n.text, true
}

// nonEmpty reads a string that must not be empty; what names it.
func (r *reader) nonEmpty(n *jtNode, path, what string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString || n.text == "" {
		r.errs.addCode(path, "read.expected", what, n.describe())
		return "", false
	}
	return n.text, true
}

// MaxIDLength is the longest trigger or robot id, in characters, as stage
// ids are bounded too: ids are repeated in every log entry and message.
const MaxIDLength = 50

// refID reads a trigger or robot id: not empty, at most MaxIDLength
// characters.
func (r *reader) refID(n *jtNode, path, what string) (string, bool) {
	s, ok := r.nonEmpty(n, path, what)
	if ok && utf8.RuneCountInString(s) > MaxIDLength {
		r.errs.addCode(path, "read.idTooLong", what, strconv.Itoa(MaxIDLength), Quote(s))
		return "", false
	}
	return s, ok
}

// enum reads a string that must be one of allowed.
func (r *reader) enum(n *jtNode, path string, allowed ...string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString || !slices.Contains(allowed, n.text) {
		r.expectedOneOf(path, allowed, n.describe())
		return "", false
	}
	return n.text, true
}

// quoteHead renders every item but the last as `"a", "b"`: the head of a
// list whose last item a message joins with its own "or".
func quoteHead(items []string) string {
	var b strings.Builder
	for i, s := range items[:len(items)-1] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(s))
	}
	return b.String()
}

// expectedOneOf reports a value that is none of allowed: `expected "a",
// "b" or "c", got …`.
func (r *reader) expectedOneOf(path string, allowed []string, got string) {
	if len(allowed) == 1 {
		r.errs.addCode(path, "read.expected", strconv.Quote(allowed[0]), got)
		return
	}
	last := len(allowed) - 1
	head := make([]string, last)
	for i, a := range allowed[:last] {
		head[i] = strconv.Quote(a)
	}
	r.errs.addCode(path, "read.expectedOneOf", strings.Join(head, ", "), strconv.Quote(allowed[last]), got)
}

// expectedInt reports a value that is not an integer in [lo, hi], in the
// words of intRange.
func (r *reader) expectedInt(path string, lo, hi int, got string) {
	switch {
	case hi == maxInt && (lo == 0 || lo == 1):
		r.errs.addCode(path, "read.expected", intRange(lo, hi), got)
	case hi == maxInt:
		r.errs.addCode(path, "read.expectedIntFrom", strconv.Itoa(lo), got)
	default:
		r.errs.addCode(path, "read.expectedIntRange", strconv.Itoa(lo), strconv.Itoa(hi), got)
	}
}

// integer reads an integer in [lo, hi].
func (r *reader) integer(n *jtNode, path string, lo, hi int) (int, bool) {
	if n == nil {
		return 0, false
	}
	if n.kind == jtNumber {
		if v, err := strconv.Atoi(n.text); err == nil && v >= lo && v <= hi {
			return v, true
		}
	}
	r.expectedInt(path, lo, hi, n.describe())
	return 0, false
}

// id reads an item or client id.
func (r *reader) id(n *jtNode, path string) (int, bool) { return r.integer(n, path, 1, maxID) }

// positive reads an integer > 0.
func (r *reader) positive(n *jtNode, path string) (int, bool) { return r.integer(n, path, 1, maxInt) }

func intRange(lo, hi int) string {
	switch {
	case hi == maxInt && lo == 0:
		return "an integer ≥ 0"
	case hi == maxInt && lo == 1:
		return "an integer > 0"
	case hi == maxInt:
		return fmt.Sprintf("an integer ≥ %d", lo)
	default:
		return fmt.Sprintf("an integer from %d to %d", lo, hi)
	}
}

func (r *reader) boolean(n *jtNode, path string) (bool, bool) {
	if n == nil {
		return false, false
	}
	switch n.kind {
	case jtTrue:
		return true, true
	case jtFalse:
		return false, true
	}
	r.errs.addCode(path, "read.expected", "true or false", n.describe())
	return false, false
}

// list reads an array; what describes the items ("an array of stages").
func (r *reader) list(n *jtNode, path, what string) ([]jtNode, bool) {
	if n == nil {
		return nil, false
	}
	if n.kind != jtArray {
		r.errs.addCode(path, "read.expected", what, n.describe())
		return nil, false
	}
	return n.kids, true
}

// nonEmptyList reads an array that must have at least one item.
func (r *reader) nonEmptyList(n *jtNode, path, what string) ([]jtNode, bool) {
	items, ok := r.list(n, path, what)
	if ok && len(items) == 0 {
		r.errs.addCode(path, "read.emptyList", what)
		return nil, false
	}
	return items, ok
}

// strings reads an array of strings.
func (r *reader) strings(n *jtNode, path string) ([]string, bool) {
	items, ok := r.list(n, path, "an array of strings")
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for i := range items {
		s, ok2 := r.str(&items[i], indexPath(path, i))
		ok = ok && ok2
		out = append(out, s)
	}
	if len(out) == 0 {
		out = nil
	}
	return out, ok
}

// number converts JSON number text to float64.
func (r *reader) number(n *jtNode, path string) (float64, bool) {
	f, err := strconv.ParseFloat(n.text, 64)
	if err != nil || math.IsInf(f, 0) {
		r.errs.addCode(path, "read.numberRange", n.describe())
		return 0, false
	}
	return f, true
}

// fieldValue reads a field value: null, a boolean, a number, a string, or
// an array of those.
func (r *reader) fieldValue(n *jtNode, path string) (any, bool) {
	switch n.kind {
	case jtNull:
		return nil, true
	case jtTrue:
		return true, true
	case jtFalse:
		return false, true
	case jtNumber:
		return r.number(n, path)
	case jtString:
		return n.text, true
	case jtArray:
		out := make([]any, 0, len(n.kids))
		ok := true
		for i := range n.kids {
			k := &n.kids[i]
			p := indexPath(path, i)
			if k.kind == jtArray || k.kind == jtObject {
				r.errs.addCode(p, "read.fieldScalar", k.describe())
				ok = false
				continue
			}
			v, ok2 := r.fieldValue(k, p)
			ok = ok && ok2
			out = append(out, v)
		}
		return out, ok
	default:
		r.errs.addCode(path, "read.fieldValue", n.describe())
		return nil, false
	}
}

// sharedValue reads a field value as fieldValue does, reusing the value
// the same field had in the item read before when it is equal. Items
// often repeat their neighbours' values (a currency, a responsible, the
// copies of one deal), and a field value in an interface is an object of
// its own for the garbage collector to mark: in the browser a collection
// marks every live object in one task. One value is kept per field key,
// so the memory this takes does not grow with the items.
func (r *reader) sharedValue(key string, n *jtNode, path string) (any, bool) {
	prev := r.lastValue[key]
	switch n.kind {
	case jtString:
		if s, ok := prev.(string); ok && s == n.text {
			return prev, true
		}
	case jtNumber:
		f, ok := r.number(n, path)
		if !ok {
			return nil, false
		}
		if g, ok := prev.(float64); ok && math.Float64bits(g) == math.Float64bits(f) {
			return prev, true
		}
		var v any = f
		r.remember(key, v)
		return v, true
	default:
		return r.fieldValue(n, path)
	}
	v, ok := r.fieldValue(n, path)
	if ok {
		r.remember(key, v)
	}
	return v, ok
}

// remember keeps v as the last value read for the field key.
func (r *reader) remember(key string, v any) {
	if r.lastValue == nil {
		r.lastValue = make(map[string]any)
	}
	r.lastValue[key] = v
}

// validFieldID reports whether s looks like a Bitrix24 field id.
func validFieldID(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

const fieldIDWanted = `a field id of Latin letters, digits and "_" (such as "UF_CRM_BUDGET")`

// fieldID reads a field id.
func (r *reader) fieldID(n *jtNode, path string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString || !validFieldID(n.text) {
		r.errs.addCode(path, "read.expected", fieldIDWanted, n.describe())
		return "", false
	}
	return n.text, true
}

// fields reads an object of field id → field value; nil when empty.
func (r *reader) fields(n *jtNode, path string) map[string]any {
	if n == nil {
		return nil
	}
	if n.kind != jtObject {
		r.errs.addCode(path, "read.fieldsObject", n.describe())
		return nil
	}
	if len(n.kids) == 0 {
		return nil
	}
	out := make(map[string]any, len(n.kids))
	for i := range n.kids {
		k := &n.kids[i]
		p := keyPath(path, k.key)
		if !validFieldID(k.key) {
			r.errs.addCode(p, "read.fieldKey", fieldIDWanted, Quote(k.key))
			continue
		}
		if v, ok := r.sharedValue(k.key, k, p); ok {
			out[k.key] = v
		}
	}
	return out
}

// time reads a scenario time (absolute or "+offset"): an offset of at most
// MaxDuration whose instant (from the start read so far) stays in the
// calendar, or an absolute time in the calendar.
func (r *reader) time(n *jtNode, path string) (Time, bool) {
	s, ok := r.str(n, path)
	if !ok {
		return Time{}, false
	}
	t, err := ParseTime(s)
	if err != nil {
		r.errs.addErr(path, err)
		return Time{}, false
	}
	if t.Relative && !InCalendar(t.Resolve(r.s.Start)) {
		r.errs.addCode(path, "time.pastCalendar", Quote(s))
		return Time{}, false
	}
	return t, true
}

// clock reads "HH:MM".
func (r *reader) clock(n *jtNode, path string) (string, bool) {
	s, ok := r.str(n, path)
	if !ok {
		return "", false
	}
	if !validClock(s) {
		r.errs.addCode(path, "time.clock", Quote(s))
		return "", false
	}
	return s, true
}

// validClock says whether s is a clock of a day, "HH:MM" from 00:00 to
// 23:59.
func validClock(s string) bool {
	h, m, ok := clockParts(s)
	return ok && h <= 23 && m <= 59
}
