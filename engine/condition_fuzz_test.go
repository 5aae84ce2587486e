package engine

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// fuzzFieldTypes are the field types a fuzzed clause may compare under;
// "" is an undeclared field.
var fuzzFieldTypes = []string{"", FieldString, FieldNumber, FieldMoney, FieldBool, FieldDate, FieldDateTime, FieldUser, FieldList}

// FuzzCondition builds a two-clause condition from fuzzed operators, field
// types, joins and JSON values, and checks that compiling, Eval and Explain
// never panic, that Eval agrees with Explain, and that a false condition
// always has a reason in both languages.
func FuzzCondition(f *testing.F) {
	seeds := []struct {
		op1          string
		typ1         uint8
		val1, field1 string
		join         string
		op2          string
		typ2         uint8
		val2, field2 string
	}{
		{">", 3, `100000`, `50000`, "or", "contain", 1, `"тендер"`, `"Поставка"`},
		{"=", 2, `[10, 20]`, `[10, 20, 30]`, "and", "!=", 2, `5`, `"5"`},
		{"between", 5, `["2026-01-01", "2026-01-31"]`, `"2026-01-15"`, "", "empty", 1, `null`, `""`},
		{"in", 8, `"ABC"`, `"A"`, "or", "!in", 7, `[1, 2]`, `[1, 3]`},
		{"contain", 7, `[1, 5]`, `[1, 3, 5]`, "and", "!contain", 0, `""`, `"x"`},
		{"<=", 6, `"2026-01-12T10:00:00+03:00"`, `"2026-01-12 07:00:00"`, "or", "!empty", 4, `null`, `false`},
		{"=", 4, `"Y"`, `1`, "and", ">=", 0, `"9"`, `"10"`},
		{"between", 2, `[1]`, `1`, "", "=", 0, `{}`, `{"a": 1}`},
		{"in", 1, `[]`, `[]`, "or", "contain", 1, `[[1]]`, `[[1], ["x"]]`},
	}
	for _, s := range seeds {
		f.Add(s.op1, s.typ1, s.val1, s.field1, s.join, s.op2, s.typ2, s.val2, s.field2)
	}
	f.Fuzz(func(t *testing.T, op1 string, typ1 uint8, val1, field1, join, op2 string, typ2 uint8, val2, field2 string) {
		types := map[string]string{
			"F1": fuzzFieldTypes[int(typ1)%len(fuzzFieldTypes)],
			"F2": fuzzFieldTypes[int(typ2)%len(fuzzFieldTypes)],
		}
		c := Condition{
			{Field: "F1", Op: op1, Value: fuzzJSON(val1), HasValue: true, Join: join},
			{Field: "F2", Op: op2, Value: fuzzJSON(val2), HasValue: true},
		}
		cc, err := CompileCondition(c, func(id string) string { return types[id] })
		if err != nil {
			require.Nil(t, cc, "error %v with a condition", err)
			return
		}
		src := FieldMap{"F1": fuzzJSON(field1), "F2": fuzzJSON(field2)}
		got := cc.Eval(src)
		ok, why := cc.Explain(src)
		require.Equal(t, ok, got, "Eval = %v, Explain = %v (%s)", got, ok, why.Text("en"))
		require.False(t, !ok && (why.Text("en") == "" || why.Text("ru") == "" || why.IsZero()), "false without a reason")
		require.False(t, ok && !why.IsZero(), "true with a reason %+v", why)
		// The values and the types also feed the value helpers.
		for _, ft := range types {
			ValuesEqual(ft, src["F1"], src["F2"])
			IsEmpty(ft, src["F1"])
			FormatValue(ft, src["F2"])
		}
	})
}

// fuzzJSON decodes s as JSON, or takes it as a plain string when it is not
// JSON, so both shapes reach the condition.
func fuzzJSON(s string) any {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return s
	}
	return v
}
