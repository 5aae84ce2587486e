package engine

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// condTestTypes types the fields used by the condition tests.
func condTestTypes(id string) string {
	switch id {
	case "OPPORTUNITY":
		return FieldMoney
	case "UF_NUM", "UF_NUMS":
		return FieldNumber
	case "TITLE", "UF_TAGS", "COMMENTS":
		return FieldString
	case "UF_FLAG":
		return FieldBool
	case "CLOSEDATE":
		return FieldDate
	case "DATE_CREATE":
		return FieldDateTime
	case "ASSIGNED_BY_ID", "UF_USERS":
		return FieldUser
	case "UF_LIST":
		return FieldList
	}
	return ""
}

func clause(field, op string, value any) Clause {
	return Clause{Field: field, Op: op, Value: value, HasValue: value != nil}
}

func TestConditionOperators(t *testing.T) {
	fields := FieldMap{
		"OPPORTUNITY":    5000.0,
		"TITLE":          "Заказ на поставку",
		"UF_TAGS":        []any{"vip", "опт"},
		"UF_NUMS":        []any{10.0, 20.0, 30.0},
		"UF_FLAG":        "Y",
		"CLOSEDATE":      "2026-01-15",
		"DATE_CREATE":    "2026-01-12T10:00:00+03:00",
		"ASSIGNED_BY_ID": 3.0,
		"UF_USERS":       []any{1.0, 3.0, 5.0},
		"UF_LIST":        "A",
		"COMMENTS":       "",
		"UF_AUTO":        "42",
		"UF_EMPTYLIST":   []any{},
	}
	tests := []struct {
		name string
		cl   Clause
		want bool
	}{
		// = and != with typed comparison
		{"money equal", clause("OPPORTUNITY", "=", 5000.0), true},
		{"money equal string", clause("OPPORTUNITY", "=", "5000.00"), true},
		{"money not equal", clause("OPPORTUNITY", "!=", 5000.0), false},
		{"money not equal other", clause("OPPORTUNITY", "!=", 100.0), true},
		{"string equal", clause("TITLE", "=", "Заказ на поставку"), true},
		{"string equal case", clause("TITLE", "=", "заказ на поставку"), false},
		{"bool equal Y", clause("UF_FLAG", "=", true), true},
		{"bool equal 1", clause("UF_FLAG", "=", "1"), true},
		{"bool equal N", clause("UF_FLAG", "=", "N"), false},
		{"user equal", clause("ASSIGNED_BY_ID", "=", "user_3"), true},
		{"date equal", clause("CLOSEDATE", "=", "15.01.2026"), true},
		{"datetime equal", clause("DATE_CREATE", "=", "2026-01-12T07:00:00Z"), true},
		{"auto numeric", clause("UF_AUTO", "=", 42.0), true},
		{"list equal", clause("UF_LIST", "=", "A"), true},
		// ordering, strict
		{"5000 > 5000 is false", clause("OPPORTUNITY", ">", 5000.0), false},
		{"5000 >= 5000", clause("OPPORTUNITY", ">=", 5000.0), true},
		{"5000 < 5000 is false", clause("OPPORTUNITY", "<", 5000.0), false},
		{"5000 <= 5000", clause("OPPORTUNITY", "<=", 5000.0), true},
		{"5000 > 4999.99", clause("OPPORTUNITY", ">", 4999.99), true},
		{"numeric not lexical", clause("OPPORTUNITY", ">", "900"), true},
		{"string lexical", clause("TITLE", ">", "Заказ"), true},
		{"date later", clause("CLOSEDATE", ">", "2026-01-14"), true},
		{"date same day not later", clause("CLOSEDATE", ">", "2026-01-15T23:00:00+03:00"), false},
		{"datetime earlier", clause("DATE_CREATE", "<", "2026-01-12T08:00:00Z"), true},
		{"user less", clause("ASSIGNED_BY_ID", "<", 4.0), true},
		// multiple values: all pairs, last element repeated
		{"multi = all pairs", clause("UF_NUMS", "=", []any{10.0, 20.0, 30.0}), true},
		{"multi = repeats last cond", clause("UF_NUMS", "=", []any{10.0, 20.0}), false},
		{"multi > repeats scalar", clause("UF_NUMS", ">", 5.0), true},
		{"multi > one pair fails", clause("UF_NUMS", ">", 15.0), false},
		{"multi >= pairwise", clause("UF_NUMS", ">=", []any{10.0, 20.0}), true},
		{"multi != any pair differs", clause("UF_NUMS", "!=", []any{10.0, 20.0}), true},
		{"multi != all equal", clause("UF_NUMS", "!=", []any{10.0, 20.0, 30.0}), false},
		{"scalar field repeats", clause("OPPORTUNITY", "=", []any{5000.0, 5000.0}), true},
		{"scalar field vs two", clause("OPPORTUNITY", "=", []any{5000.0, 1.0}), false},
		// contain
		{"contain substring", clause("TITLE", "contain", "поставку"), true},
		{"contain case-sensitive", clause("TITLE", "contain", "ПОСТАВКУ"), false},
		{"contain empty needle", clause("TITLE", "contain", ""), false},
		{"contain no value", clause("TITLE", "contain", nil), false},
		{"contain every value", clause("TITLE", "contain", []any{"Заказ", "поставку"}), true},
		{"contain one missing", clause("TITLE", "contain", []any{"Заказ", "отгрузку"}), false},
		{"contain list membership", clause("UF_TAGS", "contain", "vip"), true},
		{"contain list no substring", clause("UF_TAGS", "contain", "vi"), false},
		{"contain users all among", clause("UF_USERS", "contain", []any{1.0, 5.0}), true},
		{"contain users one missing", clause("UF_USERS", "contain", []any{1.0, 2.0}), false},
		{"contain scalar user", clause("ASSIGNED_BY_ID", "contain", 3.0), true},
		{"!contain", clause("TITLE", "!contain", "отгрузку"), true},
		{"!contain negates", clause("TITLE", "!contain", "Заказ"), false},
		{"!contain empty needle", clause("TITLE", "!contain", ""), true},
		// in
		{"in list", clause("UF_LIST", "in", []any{"A", "B"}), true},
		{"in list missing", clause("UF_LIST", "in", []any{"B", "C"}), false},
		{"in substring of string", clause("UF_LIST", "in", "ABC"), true},
		{"in multi all", clause("UF_TAGS", "in", []any{"vip", "опт", "розница"}), true},
		{"in multi one missing", clause("UF_TAGS", "in", []any{"vip"}), false},
		{"in users", clause("ASSIGNED_BY_ID", "in", []any{1.0, 3.0}), true},
		{"in numbers", clause("UF_NUMS", "in", []any{10.0, 20.0, 30.0, 40.0}), true},
		{"in empty field fails", clause("COMMENTS", "in", "abc"), false},
		{"in empty list field fails", clause("UF_EMPTYLIST", "in", []any{"a"}), false},
		{"in missing field fails", clause("UF_MISSING", "in", []any{"a"}), false},
		{"!in", clause("UF_LIST", "!in", []any{"B", "C"}), true},
		{"!in empty field", clause("COMMENTS", "!in", "abc"), true},
		// empty
		{"empty", clause("COMMENTS", "empty", nil), true},
		{"empty missing", clause("UF_MISSING", "empty", nil), true},
		{"empty list", clause("UF_EMPTYLIST", "empty", nil), true},
		{"empty filled", clause("TITLE", "empty", nil), false},
		{"!empty", clause("TITLE", "!empty", nil), true},
		{"!empty on empty", clause("COMMENTS", "!empty", nil), false},
		{"bool N is not empty", Clause{Field: "UF_FLAG", Op: "!empty"}, true},
		// between: first field value only, inclusive
		{"between inside", clause("OPPORTUNITY", "between", []any{1000.0, 10000.0}), true},
		{"between low edge", clause("OPPORTUNITY", "between", []any{5000.0, 10000.0}), true},
		{"between high edge", clause("OPPORTUNITY", "between", []any{1000.0, 5000.0}), true},
		{"between outside", clause("OPPORTUNITY", "between", []any{5000.01, 10000.0}), false},
		{"between first value only", clause("UF_NUMS", "between", []any{5.0, 15.0}), true},
		{"between dates", clause("CLOSEDATE", "between", []any{"2026-01-01", "2026-01-31"}), true},
		// empty field compared as Bitrix24 casts it
		{"empty number is 0", clause("UF_NUM", "=", 0.0), true},
		{"empty date not comparable", clause("UF_DATE_MISSING", "<", "2026-01-01"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			types := condTestTypes
			if tt.name == "empty date not comparable" {
				types = func(string) string { return FieldDate }
			}
			cc, err := CompileCondition(Condition{tt.cl}, types)
			require.NoError(t, err, "compile")
			got := cc.Eval(fields)
			assert.Equal(t, tt.want, got, "Eval(%s %s %v) = %v, want %v", tt.cl.Field, tt.cl.Op, tt.cl.Value, got, tt.want)
			ok, why := cc.Explain(fields)
			assert.Equal(t, tt.want, ok, "Explain = %v, want %v", ok, tt.want)
			assert.False(t, !ok && why.Code != "condition_false", "Explain reason %+v", why)
		})
	}
}

func TestConditionBlocks(t *testing.T) {
	fields := FieldMap{"OPPORTUNITY": 50000.0, "TITLE": "x", "SOURCE_ID": "CALL"}
	or := func(c Clause) Clause { c.Join = "or"; return c }
	tests := []struct {
		name string
		c    Condition
		want bool
	}{
		{"empty condition holds", nil, true},
		{"only empty fields holds", Condition{{Field: "", Op: "=", Value: "x"}}, true},
		{"and: both", Condition{clause("OPPORTUNITY", ">", 100.0), clause("TITLE", "=", "x")}, true},
		{"and: one false", Condition{clause("OPPORTUNITY", ">", 100.0), clause("TITLE", "=", "y")}, false},
		{"or: second block", Condition{or(clause("TITLE", "=", "y")), clause("SOURCE_ID", "=", "CALL")}, true},
		// A or B and C  ==  A or (B and C): with A false, B true, C false → false.
		{"and binds tighter", Condition{
			or(clause("TITLE", "=", "y")),
			clause("SOURCE_ID", "=", "CALL"),
			clause("OPPORTUNITY", "<", 100.0)}, false},
		// A and B or C  ==  (A and B) or C: with A true, B false, C true → true.
		{"and binds tighter 2", Condition{
			clause("TITLE", "=", "x"),
			or(clause("OPPORTUNITY", "<", 100.0)),
			clause("SOURCE_ID", "=", "CALL")}, true},
		{"trailing or", Condition{or(clause("TITLE", "=", "y"))}, false},
		{"dropped clause keeps block", Condition{
			clause("TITLE", "=", "x"), or(Clause{Field: "", Op: "="}), clause("SOURCE_ID", "=", "NO")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc, err := CompileCondition(tt.c, condTestTypes)
			require.NoError(t, err)
			got := cc.Eval(fields)
			assert.Equal(t, tt.want, got, "Eval = %v, want %v", got, tt.want)
			ok, _ := cc.Explain(fields)
			assert.Equal(t, tt.want, ok, "Explain = %v, want %v", ok, tt.want)
		})
	}
	var zero CompiledCondition
	assert.False(t, !zero.Eval(fields) || !zero.Empty(), "zero CompiledCondition must hold")
	var nilCC *CompiledCondition
	assert.True(t, nilCC.Eval(fields), "nil CompiledCondition must hold")
}

func TestConditionExplain(t *testing.T) {
	fields := FieldMap{"OPPORTUNITY": 50000.0, "TITLE": "Заказ", "COMMENTS": ""}
	tests := []struct {
		c      Condition
		ru, en string
	}{
		{Condition{clause("OPPORTUNITY", ">", 100000.0)},
			"условие не выполнено: OPPORTUNITY (50 000) > 100 000 — ложь",
			"condition false: OPPORTUNITY (50,000) > 100,000 is false"},
		{Condition{
			{Field: "OPPORTUNITY", Op: ">", Value: 100000.0, Join: "or"},
			clause("TITLE", "contain", "Счёт")},
			"условие не выполнено: OPPORTUNITY (50 000) > 100 000 — ложь; или TITLE (Заказ) содержит Счёт — ложь",
			"condition false: OPPORTUNITY (50,000) > 100,000 is false; or TITLE (Заказ) contains Счёт is false"},
		{Condition{clause("TITLE", "=", "Заказ"), {Field: "COMMENTS", Op: "!empty"}},
			"условие не выполнено: COMMENTS (—) не пусто — ложь",
			"condition false: COMMENTS (—) is not empty is false"},
		{Condition{clause("OPPORTUNITY", "between", []any{1.0, 1250.5})},
			"условие не выполнено: OPPORTUNITY (50 000) между 1 и 1 250.5 — ложь",
			"condition false: OPPORTUNITY (50,000) between 1 and 1,250.5 is false"},
	}
	for _, tt := range tests {
		cc, err := CompileCondition(tt.c, condTestTypes)
		require.NoError(t, err)
		ok, why := cc.Explain(fields)
		require.False(t, ok, "%v: expected false", tt.c)
		got := why.Text("ru")
		assert.Equal(t, tt.ru, got, "ru:\n got %q\nwant %q", got, tt.ru)
		got = why.Text("en")
		assert.Equal(t, tt.en, got, "en:\n got %q\nwant %q", got, tt.en)
	}
}

func TestCompileConditionErrors(t *testing.T) {
	tests := []struct {
		c    Condition
		want string
	}{
		{Condition{{Field: "A", Op: "like"}}, `condition[0].op: expected one of = != > >= < <= in !in contain !contain !empty empty between, got "like"`},
		{Condition{clause("A", "=", 1.0), {Field: "B", Op: "=", Join: "xor"}}, `condition[1].join: expected "and" or "or", got "xor"`},
		{Condition{clause("OPPORTUNITY", "between", 5.0)}, `condition[0].value: between expects a list [low, high], got 5`},
		{Condition{clause("OPPORTUNITY", "between", []any{1.0})}, `condition[0].value: between expects a list [low, high], got a list of 1`},
		{Condition{clause("OPPORTUNITY", ">", "lots")}, `condition[0].value: expected a number for a money field, got "lots"`},
		{Condition{clause("CLOSEDATE", ">", "tomorrow")}, `condition[0].value: expected a date such as "2026-01-12" for a date field, got "tomorrow"`},
		{Condition{clause("A", "in", []any{[]any{"x"}})}, `condition[0].value: expected a value or a list of values, got a nested list`},
	}
	for _, tt := range tests {
		_, err := CompileCondition(tt.c, condTestTypes)
		assert.False(t, err == nil || err.Error() != tt.want, "CompileCondition(%v) error = %v\nwant %s", tt.c, err, tt.want)
	}
}

func TestOperators(t *testing.T) {
	ops := Operators()
	require.Len(t, ops, 13, "%d operators", len(ops))
	for _, op := range ops {
		assert.True(t, ValidateClauseOp(op), "%q not valid", op)
		_, ok := operatorNames[op]
		assert.False(t, !ok || OperatorName(op, "ru") == op, "%q has no name", op)
	}
	assert.False(t, ValidateClauseOp("modified") || ValidateClauseOp(""), "invalid op accepted")
	got := OperatorName(">", "ru")
	assert.Equal(t, "больше", got, "ru > = %q", got)
	got = OperatorName("between", "en")
	assert.Equal(t, "between", got, "en between = %q", got)
	got = OperatorName("empty", "en")
	assert.Equal(t, "is empty", got, "en empty = %q", got)
	ops[0] = "changed"
	assert.Equal(t, "=", Operators()[0], "Operators shares its slice")
}

func TestConditionFromJSON(t *testing.T) {
	c, err := ConditionFromJSON([]any{
		map[string]any{"field": "A", "op": "=", "value": 1.0, "join": "or"},
		map[string]any{"field": "B", "op": "empty"},
	})
	require.NoError(t, err)
	want := Condition{{Field: "A", Op: "=", Value: 1.0, HasValue: true, Join: "or"}, {Field: "B", Op: "empty"}}
	assert.Equal(t, fmt.Sprint(want), fmt.Sprint(c), "got %v, want %v", c, want)
	for _, bad := range []any{"x", []any{"x"}, []any{map[string]any{"field": 1.0}}, []any{map[string]any{"fld": "A"}}} {
		_, err := ConditionFromJSON(bad)
		assert.Error(t, err, "ConditionFromJSON(%v) accepted", bad)
	}
	c, err = ConditionFromJSON(nil)
	assert.False(t, c != nil || err != nil, "nil condition")
}

// allocFields is a FieldSource whose values are boxed once, as the
// engine's items hold them.
var allocFields = FieldMap{
	"OPPORTUNITY":    50000.0,
	"TITLE":          "Заказ на поставку",
	"UF_TAGS":        []any{"vip", "опт"},
	"UF_FLAG":        "Y",
	"CLOSEDATE":      "2026-01-15",
	"DATE_CREATE":    "2026-01-12T10:00:00+03:00",
	"ASSIGNED_BY_ID": 3.0,
	"UF_USERS":       []any{1.0, 3.0},
	"UF_LIST":        "A",
	"UF_AUTO":        "42",
}

func TestConditionEvalDoesNotAllocate(t *testing.T) {
	c := Condition{
		{Field: "OPPORTUNITY", Op: ">", Value: 100.0},
		{Field: "OPPORTUNITY", Op: "between", Value: []any{1.0, 1e9}},
		{Field: "TITLE", Op: "contain", Value: "поставку"},
		{Field: "TITLE", Op: "!=", Value: "x"},
		{Field: "UF_TAGS", Op: "contain", Value: []any{"vip"}},
		{Field: "UF_TAGS", Op: "in", Value: []any{"vip", "опт"}},
		{Field: "UF_FLAG", Op: "=", Value: true},
		{Field: "CLOSEDATE", Op: ">=", Value: "2026-01-01"},
		{Field: "DATE_CREATE", Op: "<", Value: "2026-02-01T00:00:00Z"},
		{Field: "ASSIGNED_BY_ID", Op: "in", Value: []any{1.0, 3.0}},
		{Field: "UF_USERS", Op: "contain", Value: 3.0},
		{Field: "UF_LIST", Op: "in", Value: "ABC"},
		{Field: "UF_AUTO", Op: "=", Value: 42.0},
		{Field: "COMMENTS", Op: "empty"},
		{Field: "TITLE", Op: "!empty", Join: "or"},
		{Field: "OPPORTUNITY", Op: "<", Value: 1.0},
	}
	cc, err := CompileCondition(c, condTestTypes)
	require.NoError(t, err)
	require.True(t, cc.Eval(allocFields), "condition should hold")
	n := testing.AllocsPerRun(100, func() { cc.Eval(allocFields) })
	assert.EqualValues(t, 0, n, "Eval allocates %v times per run", n)
	// A false first block makes Eval go through every block.
	c[0].Value = 1e12
	cc, err = CompileCondition(c, condTestTypes)
	require.NoError(t, err)
	n = testing.AllocsPerRun(100, func() { cc.Eval(allocFields) })
	assert.EqualValues(t, 0, n, "Eval (false block) allocates %v times per run", n)
}

func BenchmarkConditionEval(b *testing.B) {
	cc, err := CompileCondition(Condition{
		{Field: "OPPORTUNITY", Op: ">=", Value: 10000.0},
		{Field: "TITLE", Op: "contain", Value: "поставку"},
	}, condTestTypes)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		require.True(b, cc.Eval(allocFields), "false")
	}
}

func ExampleCompileCondition() {
	// "Amount over 100 000, or the title mentions a tender."
	cond := Condition{
		{Field: "OPPORTUNITY", Op: ">", Value: 100000.0, Join: "or"},
		{Field: "TITLE", Op: "contain", Value: "тендер"},
	}
	types := func(id string) string {
		if id == "OPPORTUNITY" {
			return FieldMoney
		}
		return FieldString
	}
	cc, err := CompileCondition(cond, types)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cc.Eval(FieldMap{"OPPORTUNITY": 250000.0, "TITLE": "Поставка"}))
	item := FieldMap{"OPPORTUNITY": 50000.0, "TITLE": "Поставка"}
	ok, why := cc.Explain(item)
	fmt.Println(ok)
	fmt.Println(why.Text("en"))
	fmt.Println(why.Text("ru"))
	// Output:
	// true
	// false
	// condition false: OPPORTUNITY (50,000) > 100,000 is false; or TITLE (Поставка) contains тендер is false
	// условие не выполнено: OPPORTUNITY (50 000) > 100 000 — ложь; или TITLE (Поставка) содержит тендер — ложь
}

func TestConditionReasonCodesHaveText(t *testing.T) {
	for _, op := range Operators() {
		ok := Texts.HasIn("ru", "clause_"+op) && Texts.HasIn("en", "clause_"+op)
		assert.True(t, ok, "no text for clause_%s", op)
	}
	assert.Contains(t, Reason{Code: "condition_false"}.Text("en"), "condition false", "condition_false text")
}
