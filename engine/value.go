package engine

import (
	"cmp"
	"math"
	"strconv"
	"strings"
	"time"
)

// Field values are JSON values as decoded: nil, bool, float64, string or
// []any (a multiple field). This file gives them Bitrix24's type-aware
// meaning: what "empty" is, when two values are "the same" (so that saving
// '1' over 1 is not a change), and how two values order. The helpers below
// the exported functions never allocate for values of the field's own type,
// because condition evaluation (condition.go) runs them on every event.

// InferFieldType guesses the type of a field that is neither standard nor
// declared from its first JSON value: bool → bool, number → number, string
// → string (a date-looking string stays a string: a guess must not change
// how a value compares), a list → the type of its first non-empty element
// (the field is then multiple, see InferMultiple).
func InferFieldType(v any) string {
	switch x := v.(type) {
	case bool:
		return FieldBool
	case float64, float32, int, int64, int32:
		return FieldNumber
	case []any:
		for _, e := range x {
			if e != nil {
				return InferFieldType(e)
			}
		}
	}
	return FieldString
}

// InferMultiple reports whether a first JSON value makes a field multiple.
func InferMultiple(v any) bool {
	_, ok := v.([]any)
	return ok
}

// IsEmpty is Bitrix24's "empty value" test: nil, "" and a list with no
// non-empty element are empty. false and 0 are values, not emptiness (a
// "No" checkbox is filled in).
func IsEmpty(fieldType string, v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		for _, e := range x {
			if !IsEmpty(fieldType, e) {
				return false
			}
		}
		return true
	}
	return false
}

// ValuesEqual is the "did it really change" test Bitrix24 runs before
// FIELD_CHANGED (DocumentFieldComparator): empty equals empty whatever its
// form (nil, "", []); '1' equals 1; numbers and money compare numerically
// ("100" = 100 = "100.00"); booleans compare after normalising (true, "Y",
// "1", 1 are yes; false, "N", "0", 0, "", nil are no); dates compare as
// dates and date-times as instants; users as ids ("user_5" = 5); lists
// element by element after dropping empty elements.
func ValuesEqual(fieldType string, a, b any) bool {
	kind := kindOf(fieldType)
	if kind == kindBool {
		if !InferMultiple(a) && !InferMultiple(b) {
			return boolOf(a) == boolOf(b)
		}
		return listEqual(kind, a, b, true) || allNo(a) && allNo(b)
	}
	ea, eb := IsEmpty(fieldType, a), IsEmpty(fieldType, b)
	if ea || eb {
		return ea && eb
	}
	return listEqual(kind, a, b, true)
}

// listEqual compares a and b element-wise, optionally skipping empty
// elements, with scalars taken as one-element lists.
func listEqual(kind valueKind, a, b any, dropEmpty bool) bool {
	i, j := 0, 0
	na, nb := valueLen(a), valueLen(b)
	for {
		for dropEmpty && i < na && IsEmpty("", valueAt(a, i)) {
			i++
		}
		for dropEmpty && j < nb && IsEmpty("", valueAt(b, j)) {
			j++
		}
		if i >= na || j >= nb {
			return i >= na && j >= nb
		}
		x := makeOperand(kind, valueAt(a, i))
		y := makeOperand(kind, valueAt(b, j))
		if !operandsEqual(kind, &x, &y) {
			return false
		}
		if kind == kindNumber && moneyCurrency(x.raw) != moneyCurrency(y.raw) &&
			moneyCurrency(x.raw) != "" && moneyCurrency(y.raw) != "" {
			return false
		}
		i++
		j++
	}
}

// allNo reports whether every element of a boolean value is "no" (an empty
// list included), so [] and false compare equal.
func allNo(v any) bool {
	for i, n := 0, valueLen(v); i < n; i++ {
		if boolOf(valueAt(v, i)) {
			return false
		}
	}
	return true
}

// moneyCurrency is the currency of Bitrix24's money form "100|RUB", or "".
func moneyCurrency(v any) string {
	s, ok := v.(string)
	if !ok {
		return ""
	}
	_, cur, _ := strings.Cut(s, "|")
	return cur
}

// valueLen is the number of elements of a value seen as a list: a scalar
// is one element, nil is one (empty) element, [] is none.
func valueLen(v any) int {
	if l, ok := v.([]any); ok {
		return len(l)
	}
	return 1
}

// valueAt is element i of a value seen as a list.
func valueAt(v any, i int) any {
	if l, ok := v.([]any); ok {
		return l[i]
	}
	return v
}

// valueKind is a field type reduced to how its values compare.
type valueKind uint8

const (
	kindAuto     valueKind = iota // type unknown: numbers numerically, the rest as text
	kindString                    // text, case-sensitive
	kindNumber                    // number and money
	kindBool                      // Y/N
	kindDate                      // calendar day
	kindDateTime                  // instant
	kindUser                      // user id
	kindList                      // list (enumeration) item, compared as text
)

func kindOf(fieldType string) valueKind {
	switch fieldType {
	case FieldString:
		return kindString
	case FieldNumber, FieldMoney:
		return kindNumber
	case FieldBool:
		return kindBool
	case FieldDate:
		return kindDate
	case FieldDateTime:
		return kindDateTime
	case FieldUser:
		return kindUser
	case FieldList:
		return kindList
	}
	return kindAuto
}

// operand is one scalar value prepared for comparison under a kind. It is
// built on the stack for field values and once at compile time for
// condition values.
type operand struct {
	raw   any       // the value as given, for lazy text and explanations
	empty bool      // nil or ""
	num   bool      // n is meaningful (numbers, users, bools, date day numbers)
	n     float64   //
	tm    time.Time // instant, for kindDateTime
	tmOK  bool      //
	s     string    // text, when sOK
	sOK   bool      //
}

// makeOperand prepares v for comparison as kind. Nested lists are reduced
// to their first element, objects are opaque non-empty values.
func makeOperand(kind valueKind, v any) operand {
	if l, ok := v.([]any); ok {
		if len(l) == 0 {
			v = nil
		} else {
			v = l[0]
		}
	}
	o := operand{raw: v}
	switch x := v.(type) {
	case nil:
		o.empty, o.sOK = true, true
	case string:
		o.s, o.sOK, o.empty = x, true, x == ""
	case bool:
		o.s, o.sOK = boolText(x), true
	}
	switch kind {
	case kindNumber:
		if o.empty {
			o.num = true // Bitrix24 casts an empty number to 0
			break
		}
		o.n, o.num = numberOf(v)
	case kindUser:
		if o.empty {
			o.num = true
			break
		}
		o.n, o.num = userOf(v)
	case kindBool:
		o.num = true
		if boolOf(v) {
			o.n = 1
		}
	case kindDate:
		if d, ok := dayOf(v); ok {
			o.n, o.num = float64(d), true
		}
	case kindDateTime:
		o.tm, o.tmOK = instantOf(v)
	case kindAuto:
		if f, ok := jsonNumber(v); ok {
			o.n, o.num = f, true
		} else if s, ok := v.(string); ok {
			o.n, o.num = parseNumber(s)
		}
	}
	return o
}

// text is the operand as text; formatting a non-string value allocates,
// which only happens when a text field holds a number.
func (o *operand) text() string {
	if o.sOK {
		return o.s
	}
	if f, ok := jsonNumber(o.raw); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	if t, ok := o.raw.(time.Time); ok {
		return t.Format(time.RFC3339)
	}
	return ""
}

// compareOperands orders a and b under kind. ok is false when they cannot
// be compared (a date against an empty or unreadable value, a number against
// text), which makes =, <, > … false and != true.
func compareOperands(kind valueKind, a, b *operand) (c int, ok bool) {
	if a.empty && b.empty {
		return 0, true
	}
	switch kind {
	case kindNumber, kindUser, kindBool, kindDate:
		if !a.num || !b.num {
			return 0, false
		}
		return cmp.Compare(a.n, b.n), true
	case kindDateTime:
		if !a.tmOK || !b.tmOK {
			return 0, false
		}
		return a.tm.Compare(b.tm), true
	case kindAuto:
		if a.num && b.num {
			return cmp.Compare(a.n, b.n), true
		}
	}
	return strings.Compare(a.text(), b.text()), true
}

func operandsEqual(kind valueKind, a, b *operand) bool {
	c, ok := compareOperands(kind, a, b)
	return ok && c == 0
}

func boolText(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// jsonNumber reads a Go number (float64 from JSON, or an int the engine
// stored itself).
func jsonNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, !math.IsNaN(x)
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case float32:
		return float64(x), true
	}
	return 0, false
}

// numberOf reads a number or money value: a JSON number, a numeric string,
// or Bitrix24's money form "100.50|RUB" (the amount is used).
func numberOf(v any) (float64, bool) {
	if f, ok := jsonNumber(v); ok {
		return f, true
	}
	switch x := v.(type) {
	case string:
		if i := strings.IndexByte(x, '|'); i >= 0 {
			x = x[:i]
		}
		return parseNumber(x)
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// parseNumber reads a decimal number ("100", "-1.5", "2e3", " 7 ") without
// allocating: the syntax is checked first so strconv never builds an error.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if !numberSyntax(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// numberSyntax accepts [+-]digits[.digits][e[+-]digits] with at least one
// digit in the mantissa.
func numberSyntax(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// boolOf normalises a Bitrix24 boolean: "N", "0", "false", "", 0, nil and
// false are no; anything else is yes.
func boolOf(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		switch x {
		case "", "N", "n", "0", "false":
			return false
		}
		return true
	case []any:
		return len(x) > 0 && boolOf(x[0])
	}
	if f, ok := jsonNumber(v); ok {
		return f != 0
	}
	return true
}

// userOf reads a user id: 5, "5" or Bitrix24's "user_5".
func userOf(v any) (float64, bool) {
	if f, ok := jsonNumber(v); ok {
		return f, f == math.Trunc(f)
	}
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	s = strings.TrimPrefix(s, "user_")
	if s == "0" {
		return 0, true
	}
	n, ok := parsePositiveInt(s)
	return float64(n), ok
}

// dayOf reads the calendar day of a date or date-time, as written (the
// offset of a date-time does not move its day), as days since 1970-01-01.
func dayOf(v any) (int64, bool) {
	switch x := v.(type) {
	case string:
		c, ok := parseCivil(x)
		if !ok {
			return 0, false
		}
		return c.day(), true
	case time.Time:
		y, m, d := x.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400, true
	}
	return 0, false
}

// instantOf reads a date-time as an instant. A value without an offset
// (and a plain date, taken as its midnight) is read as UTC: conditions
// compare like with like, so a file should write both sides the same way.
func instantOf(v any) (time.Time, bool) {
	switch x := v.(type) {
	case string:
		c, ok := parseCivil(x)
		if !ok {
			return time.Time{}, false
		}
		return c.instant(), true
	case time.Time:
		return x, true
	}
	return time.Time{}, false
}

// civil is a date or date-time as written.
type civil struct {
	y, mo, d, h, mi, s, ns int
	off                    int // seconds east of UTC
}

func (c civil) day() int64 {
	return time.Date(c.y, time.Month(c.mo), c.d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func (c civil) instant() time.Time {
	t := time.Date(c.y, time.Month(c.mo), c.d, c.h, c.mi, c.s, c.ns, time.UTC)
	return t.Add(-time.Duration(c.off) * time.Second)
}

// parseCivil reads "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]", RFC 3339
// ("YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)") and Bitrix24's Russian site
// format "DD.MM.YYYY[ HH:MM[:SS]]", without allocating.
func parseCivil(s string) (civil, bool) {
	var c civil
	var rest string
	switch {
	case len(s) >= 10 && s[4] == '-' && s[7] == '-':
		y, ok1 := digitsN(s[0:4])
		mo, ok2 := digitsN(s[5:7])
		d, ok3 := digitsN(s[8:10])
		if !ok1 || !ok2 || !ok3 {
			return c, false
		}
		c.y, c.mo, c.d = y, mo, d
		rest = s[10:]
	case len(s) >= 10 && s[2] == '.' && s[5] == '.':
		d, ok1 := digitsN(s[0:2])
		mo, ok2 := digitsN(s[3:5])
		y, ok3 := digitsN(s[6:10])
		if !ok1 || !ok2 || !ok3 {
			return c, false
		}
		c.y, c.mo, c.d = y, mo, d
		rest = s[10:]
	default:
		return c, false
	}
	if c.mo < 1 || c.mo > 12 || c.d < 1 || c.d > daysIn(c.y, c.mo) {
		return c, false
	}
	if rest == "" {
		return c, true
	}
	if rest[0] != 'T' && rest[0] != ' ' && rest[0] != 't' {
		return c, false
	}
	rest = rest[1:]
	if len(rest) < 5 || rest[2] != ':' {
		return c, false
	}
	h, ok1 := digitsN(rest[0:2])
	mi, ok2 := digitsN(rest[3:5])
	if !ok1 || !ok2 || h > 23 || mi > 59 {
		return c, false
	}
	c.h, c.mi = h, mi
	rest = rest[5:]
	if len(rest) >= 3 && rest[0] == ':' {
		sec, ok := digitsN(rest[1:3])
		if !ok || sec > 59 {
			return c, false
		}
		c.s = sec
		rest = rest[3:]
		if len(rest) >= 2 && rest[0] == '.' {
			i := 1
			scale := 100000000
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				c.ns += int(rest[i]-'0') * scale
				scale /= 10
				i++
			}
			if i == 1 {
				return c, false
			}
			rest = rest[i:]
		}
	}
	switch {
	case rest == "":
		return c, true
	case rest == "Z" || rest == "z":
		return c, true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := digitsN(rest[1:3])
		om, ok2 := digitsN(rest[4:6])
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return c, false
		}
		c.off = oh*3600 + om*60
		if rest[0] == '-' {
			c.off = -c.off
		}
		return c, true
	}
	return c, false
}

func digitsN(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
