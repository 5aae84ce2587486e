package engine

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValuesEqual(t *testing.T) {
	tests := []struct {
		typ  string
		a, b any
		want bool
	}{
		// empty vs empty, whatever the form
		{FieldString, nil, "", true},
		{FieldString, nil, []any{}, true},
		{FieldString, "", []any{""}, true},
		{FieldNumber, nil, "", true},
		{FieldDate, "", nil, true},
		{FieldString, "", "x", false},
		{FieldString, nil, "x", false},
		// '1' vs 1
		{FieldString, "1", 1.0, true},
		{FieldNumber, "1", 1.0, true},
		{FieldNumber, "100", 100.0, true},
		{FieldNumber, "100.00", 100.0, true},
		{FieldNumber, "100", 101.0, false},
		{FieldNumber, nil, 0.0, false},
		{FieldMoney, "100|RUB", 100.0, true},
		{FieldMoney, "100|RUB", "100.00|RUB", true},
		{FieldMoney, "100|RUB", "100|USD", false},
		{"", "7", 7.0, true},
		{"", "abc", "abc", true},
		{"", "abc", "abd", false},
		// booleans
		{FieldBool, "N", "0", true},
		{FieldBool, "N", false, true},
		{FieldBool, false, nil, true},
		{FieldBool, 0.0, "", true},
		{FieldBool, []any{}, false, true},
		{FieldBool, "Y", true, true},
		{FieldBool, "1", 1.0, true},
		{FieldBool, "Y", "N", false},
		{FieldBool, true, nil, false},
		{FieldBool, []any{true, false}, []any{true, true}, false},
		// dates and users
		{FieldDate, "2026-01-12", "2026-01-12T15:00:00+03:00", true},
		{FieldDate, "2026-01-12", "12.01.2026", true},
		{FieldDate, "2026-01-12", "2026-01-13", false},
		{FieldDateTime, "2026-01-12T10:00:00+03:00", "2026-01-12T07:00:00Z", true},
		{FieldDateTime, "2026-01-12 07:00:00", "2026-01-12T07:00:00Z", true},
		{FieldDateTime, "2026-01-12T10:00:00+03:00", "2026-01-12T10:00:00Z", false},
		{FieldUser, "5", 5.0, true},
		{FieldUser, "user_5", 5.0, true},
		{FieldUser, 5.0, 6.0, false},
		// lists element-wise after dropping empties
		{FieldString, []any{"a", "b"}, []any{"a", "", "b"}, true},
		{FieldString, []any{"a", "b"}, []any{"b", "a"}, false},
		{FieldUser, []any{1.0, 2.0}, []any{"1", "user_2"}, true},
		{FieldUser, []any{1.0, 2.0}, []any{1.0}, false},
		{FieldString, "a", []any{"a"}, true},
	}
	for _, tt := range tests {
		got := ValuesEqual(tt.typ, tt.a, tt.b)
		assert.Equal(t, tt.want, got, "ValuesEqual(%q, %#v, %#v) = %v, want %v", tt.typ, tt.a, tt.b, got, tt.want)
		got = ValuesEqual(tt.typ, tt.b, tt.a)
		assert.Equal(t, tt.want, got, "ValuesEqual(%q, %#v, %#v) (swapped) = %v, want %v", tt.typ, tt.b, tt.a, got, tt.want)
	}
}

func TestIsEmpty(t *testing.T) {
	tests := []struct {
		v    any
		want bool
	}{
		{nil, true}, {"", true}, {[]any{}, true}, {[]any{nil, ""}, true},
		{"x", false}, {0.0, false}, {false, false}, {[]any{"", "x"}, false},
	}
	for _, tt := range tests {
		got := IsEmpty(FieldString, tt.v)
		assert.Equal(t, tt.want, got, "IsEmpty(%#v) = %v, want %v", tt.v, got, tt.want)
	}
}

func TestInferFieldType(t *testing.T) {
	tests := []struct {
		v     any
		want  string
		multi bool
	}{
		{true, FieldBool, false},
		{12.5, FieldNumber, false},
		{"2026-01-12", FieldString, false},
		{"x", FieldString, false},
		{nil, FieldString, false},
		{[]any{3.0, 4.0}, FieldNumber, true},
		{[]any{nil, "a"}, FieldString, true},
		{[]any{}, FieldString, true},
	}
	for _, tt := range tests {
		got := InferFieldType(tt.v)
		assert.Equal(t, tt.want, got, "InferFieldType(%#v) = %q, want %q", tt.v, got, tt.want)
		assert.Equal(t, tt.multi, InferMultiple(tt.v), "InferMultiple(%#v)", tt.v)
	}
}

func TestParseCivil(t *testing.T) {
	tests := []struct {
		in   string
		ok   bool
		want string // instant in UTC
	}{
		{"2026-01-12", true, "2026-01-12T00:00:00Z"},
		{"2026-01-12T10:30:00+03:00", true, "2026-01-12T07:30:00Z"},
		{"2026-01-12T10:30:00.5Z", true, "2026-01-12T10:30:00.5Z"},
		{"2026-01-12 10:30:15", true, "2026-01-12T10:30:15Z"},
		{"2026-01-12 10:30", true, "2026-01-12T10:30:00Z"},
		{"12.01.2026 10:30:00", true, "2026-01-12T10:30:00Z"},
		{"2026-02-30", false, ""},
		{"2026-13-01", false, ""},
		{"2026-01-12T25:00:00Z", false, ""},
		{"2026-01-12T10:30:00+3", false, ""},
		{"2026-01-12x", false, ""},
		{"abc", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		c, ok := parseCivil(tt.in)
		if ok != tt.ok {
			assert.Fail(t, fmt.Sprintf("parseCivil(%q) ok = %v, want %v", tt.in, ok, tt.ok))
			continue
		}
		if ok {
			got := c.instant().Format("2006-01-02T15:04:05.999999999Z07:00")
			assert.Equal(t, tt.want, got, "parseCivil(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, tt := range []struct {
		in string
		f  float64
		ok bool
	}{
		{"100", 100, true}, {" -1.5 ", -1.5, true}, {"2e3", 2000, true}, {".5", 0.5, true},
		{"", 0, false}, {"1e", 0, false}, {"abc", 0, false}, {"1,5", 0, false}, {"Inf", 0, false},
		{"NaN", 0, false}, {"0x10", 0, false}, {"1e999", 0, false},
	} {
		f, ok := parseNumber(tt.in)
		assert.False(t, ok != tt.ok || ok && f != tt.f, "parseNumber(%q) = %v, %v; want %v, %v", tt.in, f, ok, tt.f, tt.ok)
	}
}

func ExampleValuesEqual() {
	fmt.Println(ValuesEqual(FieldNumber, "1", 1.0))
	fmt.Println(ValuesEqual(FieldBool, "N", "0"))
	fmt.Println(ValuesEqual(FieldString, nil, ""))
	fmt.Println(ValuesEqual(FieldString, "a", "b"))
	// Output:
	// true
	// true
	// true
	// false
}
