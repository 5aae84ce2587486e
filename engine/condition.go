package engine

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Conditions ("При условии") are Bitrix24's flat clause lists: split at each
// "or" into blocks, each block the AND of its clauses, true when any block
// is true (AND binds tighter than OR; there are no parentheses). Clauses
// with an empty field are dropped, and an empty condition holds. Operators
// follow bizproc's operator classes (section 2.2 of bitrix24-automation.md).
//
// A condition is compiled once per trigger or robot: clause values are
// parsed for the field's type up front, so that Eval, which runs for every
// candidate trigger of every event, does not allocate.

// Operator codes, as Bitrix24 stores them.
const (
	OpEqual      = "="
	OpNotEqual   = "!="
	OpGreater    = ">"
	OpGreaterEq  = ">="
	OpLess       = "<"
	OpLessEq     = "<="
	OpIn         = "in"
	OpNotIn      = "!in"
	OpContain    = "contain"
	OpNotContain = "!contain"
	OpNotEmpty   = "!empty"
	OpEmpty      = "empty"
	OpBetween    = "between"
)

// Operators returns the 13 operator codes in the order the condition
// editor lists them.
func Operators() []string {
	return []string{OpEqual, OpNotEqual, OpGreater, OpGreaterEq, OpLess, OpLessEq,
		OpIn, OpNotIn, OpContain, OpNotContain, OpNotEmpty, OpEmpty, OpBetween}
}

// ValidateClauseOp reports whether op is one of the 13 operator codes.
func ValidateClauseOp(op string) bool {
	_, ok := opCodeOf(op)
	return ok
}

// OperatorName is the editor's wording of an operator in "ru" (default) or
// "en"; an unknown code comes back unchanged.
func OperatorName(op, lang string) string {
	names, ok := operatorNames[op]
	if !ok {
		return op
	}
	if lang == "en" {
		return names[1]
	}
	return names[0]
}

// operatorNames holds {ru, en} per operator. It is never written.
var operatorNames = map[string][2]string{
	OpEqual:      {"равно", "equals"},
	OpNotEqual:   {"не равно", "does not equal"},
	OpGreater:    {"больше", "greater than"},
	OpGreaterEq:  {"больше или равно", "greater than or equal to"},
	OpLess:       {"меньше", "less than"},
	OpLessEq:     {"меньше или равно", "less than or equal to"},
	OpIn:         {"содержится в", "is in"},
	OpNotIn:      {"не содержится в", "is not in"},
	OpContain:    {"содержит", "contains"},
	OpNotContain: {"не содержит", "does not contain"},
	OpNotEmpty:   {"не пусто", "is not empty"},
	OpEmpty:      {"пусто", "is empty"},
	OpBetween:    {"между", "between"},
}

type opCode uint8

const (
	opEq opCode = iota
	opNe
	opGt
	opGe
	opLt
	opLe
	opIn
	opNotIn
	opContain
	opNotContain
	opNotEmpty
	opEmpty
	opBetween
)

func opCodeOf(op string) (opCode, bool) {
	switch op {
	case OpEqual:
		return opEq, true
	case OpNotEqual:
		return opNe, true
	case OpGreater:
		return opGt, true
	case OpGreaterEq:
		return opGe, true
	case OpLess:
		return opLt, true
	case OpLessEq:
		return opLe, true
	case OpIn:
		return opIn, true
	case OpNotIn:
		return opNotIn, true
	case OpContain:
		return opContain, true
	case OpNotContain:
		return opNotContain, true
	case OpNotEmpty:
		return opNotEmpty, true
	case OpEmpty:
		return opEmpty, true
	case OpBetween:
		return opBetween, true
	}
	return 0, false
}

// FieldSource gives field values by id; the engine's item implements it.
// ok is false for a field the item does not have (its value is then nil).
type FieldSource interface {
	FieldValue(id string) (any, bool)
}

// FieldMap is a FieldSource over plain JSON fields, used for the event data
// of trigger settings (task fields, shipment, chat session) and in tests.
type FieldMap map[string]any

// FieldValue implements FieldSource.
func (m FieldMap) FieldValue(id string) (any, bool) {
	v, ok := m[id]
	return v, ok
}

// CompiledCondition is a condition ready to evaluate. The zero value (and a
// nil pointer) is the empty condition, which always holds.
type CompiledCondition struct {
	blocks [][]compiledClause
}

type compiledClause struct {
	field     string
	op        opCode
	opText    string
	fieldType string
	kind      valueKind
	raw       any       // the clause value as written, for explanations
	vals      []operand // condition values (at least one; nil value → one empty)
	valList   bool      // the value was a JSON list
	valText   string    // the value as one string, for "in" against a string
	// The explanation's constant parts, built once: the reason code and
	// the clause's values as text (one, or two for between).
	code    string
	rawText []string
}

// CompileCondition checks a condition and prepares it for evaluation.
// fieldType gives the type of a field id (FieldString, FieldNumber, …);
// it may be nil or return "" for an unknown type, which compares numbers
// numerically and everything else as text. Errors name the clause
// ("condition[2]: …") and what was expected.
func CompileCondition(c Condition, fieldType func(id string) string) (*CompiledCondition, error) {
	cc := &CompiledCondition{}
	var block []compiledClause
	for i, cl := range c {
		if cl.Join != "" && cl.Join != "and" && cl.Join != "or" {
			return nil, errCode("cond.join", strconv.Itoa(i), Quote(cl.Join))
		}
		op, ok := opCodeOf(cl.Op)
		if !ok {
			return nil, errCode("cond.op", strconv.Itoa(i), strings.Join(Operators(), " "), Quote(cl.Op))
		}
		if cl.Field == "" {
			continue // Bitrix24 drops clauses without a field, joiner included
		}
		ft := ""
		if fieldType != nil {
			ft = fieldType(cl.Field)
		}
		ccl, err := compileClause(cl, op, ft, strconv.Itoa(i))
		if err != nil {
			return nil, err
		}
		ccl.code = "clause_" + ccl.opText
		switch ccl.op {
		case opEmpty, opNotEmpty:
		case opBetween:
			l := ccl.raw.([]any)
			ccl.rawText = []string{valueArg(ccl.fieldType, l[0]), valueArg(ccl.fieldType, l[1])}
		default:
			ccl.rawText = []string{valueArg(ccl.fieldType, ccl.raw)}
		}
		block = append(block, ccl)
		if cl.Join == "or" {
			cc.blocks = append(cc.blocks, block)
			block = nil
		}
	}
	if len(block) > 0 {
		cc.blocks = append(cc.blocks, block)
	}
	return cc, nil
}

// compileClause checks clause number index (for the error's place).
func compileClause(cl Clause, op opCode, ft, index string) (compiledClause, error) {
	kind := kindOf(ft)
	ccl := compiledClause{field: cl.Field, op: op, opText: cl.Op, fieldType: ft, kind: kind, raw: cl.Value}
	if op == opEmpty || op == opNotEmpty {
		return ccl, nil
	}
	list, isList := cl.Value.([]any)
	ccl.valList = isList
	if !isList {
		list = []any{cl.Value}
	}
	if op == opBetween && (!isList || len(list) != 2) {
		return ccl, errCode("cond.betweenList", index, describeJSON(cl.Value))
	}
	if len(list) == 0 {
		list = []any{nil}
	}
	ccl.vals = make([]operand, len(list))
	for i, v := range list {
		if _, nested := v.([]any); nested {
			return ccl, errCode("cond.nested", index)
		}
		if _, obj := v.(map[string]any); obj {
			return ccl, errCode("cond.object", index)
		}
		o := makeOperand(kind, v)
		if !o.empty && !operandReadable(kind, &o) {
			return ccl, errCode("cond.kind", index, kindExpectation(kind), ft, describeJSON(v))
		}
		o.s, o.sOK = o.text(), true // pre-render so Eval never formats
		ccl.vals[i] = o
	}
	if s, ok := cl.Value.(string); ok {
		ccl.valText = s
	} else if !isList {
		ccl.valText = ccl.vals[0].s
	}
	return ccl, nil
}

// operandReadable reports whether a condition value fits the field type.
func operandReadable(kind valueKind, o *operand) bool {
	switch kind {
	case kindNumber, kindUser, kindDate:
		return o.num
	case kindDateTime:
		return o.tmOK
	}
	return true
}

func kindExpectation(k valueKind) string {
	switch k {
	case kindNumber:
		return "a number"
	case kindUser:
		return "a user id"
	case kindDate:
		return "a date such as \"2026-01-12\""
	case kindDateTime:
		return "a date-time such as \"2026-01-12T10:30:00+03:00\""
	}
	return "a value"
}

// describeJSON names a JSON value for an error message.
func describeJSON(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return Quote(x)
	case []any:
		return fmt.Sprintf("a list of %d", len(x))
	case map[string]any:
		return "an object"
	}
	return Clip(fmt.Sprint(v))
}

// Empty reports whether the condition has no clause (and so always holds).
func (cc *CompiledCondition) Empty() bool { return cc == nil || len(cc.blocks) == 0 }

// Eval reports whether the condition holds for the fields of src. It does
// not allocate for field values of their declared type.
func (cc *CompiledCondition) Eval(src FieldSource) bool {
	if cc.Empty() {
		return true
	}
	for _, block := range cc.blocks {
		if evalBlock(block, src) < 0 {
			return true
		}
	}
	return false
}

// evalBlock returns -1 when every clause holds, or the index of the first
// clause that does not.
func evalBlock(block []compiledClause, src FieldSource) int {
	for i := range block {
		v, _ := src.FieldValue(block[i].field)
		if !block[i].eval(v) {
			return i
		}
	}
	return -1
}

// codeConditionFalse is the code of Explain's reason.
const codeConditionFalse = "condition_false"

// Explain is Eval with the reason when the condition is false: the first
// failing clause of each block, e.g. "condition false: OPPORTUNITY (50 000)
// > 100 000 is false", blocks joined with "; or".
func (cc *CompiledCondition) Explain(src FieldSource) (bool, Reason) {
	if cc.Empty() {
		return true, Reason{}
	}
	// The first failing clause of each block; the reasons are built only
	// once every block has failed.
	var first [8]int
	fails := first[:0]
	for _, block := range cc.blocks {
		i := evalBlock(block, src)
		if i < 0 {
			return true, Reason{}
		}
		fails = append(fails, i)
	}
	parts := make([]Reason, len(cc.blocks))
	for b, block := range cc.blocks {
		c := &block[fails[b]]
		v, _ := src.FieldValue(c.field)
		parts[b] = c.reason(v)
	}
	return false, Reason{Code: codeConditionFalse, Parts: parts}
}

// reason describes a failing clause: its field, the field's value v, and
// the clause's values.
func (c *compiledClause) reason(v any) Reason {
	args := make([]string, 2+len(c.rawText))
	args[0], args[1] = c.field, valueArg(c.fieldType, v)
	copy(args[2:], c.rawText)
	return Reason{Code: c.code, Args: args}
}

// eval applies the clause to field value v.
func (c *compiledClause) eval(v any) bool {
	switch c.op {
	case opEmpty:
		return IsEmpty(c.fieldType, v)
	case opNotEmpty:
		return !IsEmpty(c.fieldType, v)
	case opEq:
		return c.pairs(v, func(cmp int) bool { return cmp == 0 })
	case opNe:
		return !c.pairs(v, func(cmp int) bool { return cmp == 0 })
	case opGt:
		return c.pairs(v, func(cmp int) bool { return cmp > 0 })
	case opGe:
		return c.pairs(v, func(cmp int) bool { return cmp >= 0 })
	case opLt:
		return c.pairs(v, func(cmp int) bool { return cmp < 0 })
	case opLe:
		return c.pairs(v, func(cmp int) bool { return cmp <= 0 })
	case opBetween:
		return c.between(v)
	case opContain:
		return c.contain(v)
	case opNotContain:
		return !c.contain(v)
	case opIn:
		return c.in(v)
	case opNotIn:
		return !c.in(v)
	}
	return false
}

// pairs compares field and condition values pair by pair, repeating the
// last element of the shorter list, and holds when every pair passes.
func (c *compiledClause) pairs(v any, pass func(int) bool) bool {
	nf := valueLen(v)
	if nf == 0 {
		v, nf = nil, 1
	}
	n := max(nf, len(c.vals))
	for i := 0; i < n; i++ {
		f := makeOperand(c.kind, valueAt(v, min(i, nf-1)))
		cmp, ok := compareOperands(c.kind, &f, &c.vals[min(i, len(c.vals)-1)])
		if !ok || !pass(cmp) {
			return false
		}
	}
	return true
}

// between checks only the first field value, inclusive at both ends.
func (c *compiledClause) between(v any) bool {
	if valueLen(v) == 0 {
		v = nil
	}
	f := makeOperand(c.kind, valueAt(v, 0))
	lo, ok1 := compareOperands(c.kind, &f, &c.vals[0])
	hi, ok2 := compareOperands(c.kind, &f, &c.vals[1])
	return ok1 && ok2 && lo >= 0 && hi <= 0
}

// contain: every condition value occurs in the field. An empty needle never
// matches. A list field (and any user field) needs membership; a scalar
// field a case-sensitive substring.
func (c *compiledClause) contain(v any) bool {
	_, isList := v.([]any)
	for i := range c.vals {
		needle := &c.vals[i]
		if needle.empty {
			return false
		}
		found := false
		if isList || c.kind == kindUser || c.kind == kindBool {
			for j, n := 0, valueLen(v); j < n && !found; j++ {
				f := makeOperand(c.kind, valueAt(v, j))
				found = !f.empty && operandsEqual(c.kind, &f, needle)
			}
		} else {
			f := makeOperand(c.kind, v)
			found = !f.empty && strings.Contains(f.text(), needle.s)
		}
		if !found {
			return false
		}
	}
	return true
}

// in: every field value is in the condition list, or (for a text field and
// a single condition string) a substring of it. An empty field fails.
func (c *compiledClause) in(v any) bool {
	n := valueLen(v)
	if n == 0 {
		return false
	}
	substring := !c.valList && (c.kind == kindString || c.kind == kindList || c.kind == kindAuto)
	for j := 0; j < n; j++ {
		f := makeOperand(c.kind, valueAt(v, j))
		if f.empty {
			return false
		}
		found := false
		if substring {
			found = strings.Contains(c.valText, f.text())
		} else {
			for i := range c.vals {
				if operandsEqual(c.kind, &f, &c.vals[i]) {
					found = true
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// ConditionFromJSON reads a condition given as decoded JSON, as trigger
// settings hold it (taskCondition, shipmentCondition, imolCondition): a
// list of {"field", "op", "value"?, "join"?} objects. A Condition value is
// accepted as is; nil is the empty condition.
func ConditionFromJSON(v any) (Condition, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case Condition:
		return x, nil
	case []Clause:
		return Condition(x), nil
	case []any:
		out := make(Condition, 0, len(x))
		for i, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, conditionErr("parse.cond.clauseObject", []string{fmt.Sprintf("[%d]", i)}, gotReason(e))
			}
			var cl Clause
			for k, val := range m {
				switch k {
				case "field", "op", "join":
					s, ok := val.(string)
					if !ok {
						return nil, conditionErr("parse.cond.string", []string{fmt.Sprintf("[%d].%s", i, Clip(k))}, gotReason(val))
					}
					switch k {
					case "field":
						cl.Field = s
					case "op":
						cl.Op = s
					default:
						cl.Join = s
					}
				case "value":
					cl.Value, cl.HasValue = val, true
				default:
					return nil, conditionErr("parse.cond.unknownKey", []string{fmt.Sprintf("[%d].%s", i, Clip(k))})
				}
			}
			out = append(out, cl)
		}
		return out, nil
	}
	return nil, conditionErr("parse.cond.list", nil, gotReason(v))
}

// conditionError is an error of ConditionFromJSON as a Reason, so that an
// explanation renders it in its language (setting_invalid's {problem});
// its Error is the English text.
type conditionError struct{ reason Reason }

func (e *conditionError) Error() string { return e.reason.Text("en") }

// conditionErr returns the conditionError of code with args and parts.
func conditionErr(code string, args []string, parts ...Reason) error {
	return &conditionError{Reason{Code: code, Args: args, Parts: parts}}
}

// gotReason says what a setting held instead, as describeJSON does.
func gotReason(v any) Reason {
	switch x := v.(type) {
	case []any:
		return Reason{Code: "parse.got.list", Args: []string{strconv.Itoa(len(x))}}
	case map[string]any:
		return Reason{Code: "parse.got.object"}
	}
	return Reason{Code: "parse.got.value", Args: []string{describeJSON(v)}}
}

// settingInvalid is the reason of a trigger setting that is not a valid
// condition: the problem reads in the explanation's language when err is
// one of ConditionFromJSON's or a coded error (CompileCondition).
func settingInvalid(setting string, err error) Reason {
	var ce *conditionError
	if errors.As(err, &ce) {
		return Reason{Code: "setting_invalid", Args: []string{setting}, Parts: []Reason{ce.reason}}
	}
	var cd *codedError
	if errors.As(err, &cd) {
		return Reason{Code: "setting_invalid", Args: []string{setting}, Parts: []Reason{{Code: cd.code, Args: cd.args}}}
	}
	return Reason{Code: "setting_invalid", Args: []string{setting, err.Error()}}
}
