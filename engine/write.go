package engine

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// WriteScenario renders s as a scenario file: JSON indented by two spaces
// with a final newline, keys in the order of docs/scenario-format.md,
// defaults that the file did not give left out (StartRaw, WorkTimeSet,
// UsersSet, LimitsSet, PipelinesDefaulted, ExecuteBySet and zero values
// decide), times as they were written (Time.Raw), and free-form maps with
// their keys sorted. Small objects of scalars and arrays of scalars stay
// on one line, so that files read like hand-written ones. The output is the same byte for byte on every call,
// and reading it back gives a Scenario equal to s when s came from
// ReadScenario.
//
// It fails only when a free-form value (item fields, params, settings,
// event data) holds something JSON cannot express, such as NaN or a Go
// type other than those ReadScenario produces.
func WriteScenario(s *Scenario) ([]byte, error) {
	w := &writer{}
	root := w.scenario(s)
	if w.err != nil {
		return nil, w.err
	}
	out := make([]byte, 0, 4096)
	out = appendJT(out, &root, 0)
	out = append(out, '\n')
	return out, nil
}

// writer turns a Scenario into a JSON tree; the first error is kept.
type writer struct {
	err error
}

// wobj builds an object node member by member.
type wobj struct{ n jtNode }

func newObj() *wobj { return &wobj{n: jtNode{kind: jtObject}} }

func (o *wobj) set(key string, v jtNode) *wobj {
	v.key = key
	o.n.kids = append(o.n.kids, v)
	return o
}

func (o *wobj) node() jtNode { return o.n }

func jStr(s string) jtNode { return jtNode{kind: jtString, text: s} }
func jInt(i int) jtNode    { return jtNode{kind: jtNumber, text: strconv.Itoa(i)} }
func jBool(b bool) jtNode {
	if b {
		return jtNode{kind: jtTrue}
	}
	return jtNode{kind: jtFalse}
}

func jArr(kids []jtNode) jtNode { return jtNode{kind: jtArray, kids: kids} }

// optStr sets key when s is not empty.
func (o *wobj) optStr(key, s string) {
	if s != "" {
		o.set(key, jStr(s))
	}
}

// jTime renders a scenario time, preferring the text as written.
func jTime(t Time) jtNode {
	if t.Raw != "" {
		return jStr(t.Raw)
	}
	if t.Relative {
		return jStr("+" + t.Offset.String())
	}
	return jStr(t.Abs.Format(time.RFC3339))
}

func (w *writer) scenario(s *Scenario) jtNode {
	o := newObj()
	o.set("format", jStr(Format))
	o.set("version", jInt(Version))
	o.optStr("title", s.Title)
	o.optStr("description", s.Description)
	if s.Locale != "" && s.Locale != DefaultLocale {
		o.set("locale", jStr(s.Locale))
	}
	switch {
	case s.StartRaw != "":
		o.set("start", jStr(s.StartRaw))
	case !s.Start.IsZero():
		if def, _ := time.Parse(time.RFC3339, DefaultStart); !s.Start.Equal(def) || s.Start.Format(time.RFC3339) != DefaultStart {
			o.set("start", jStr(s.Start.Format(time.RFC3339)))
		}
	}
	if s.WorkTimeSet {
		o.set("workTime", workTimeNode(s.WorkTime))
	}
	if s.UsersSet {
		users := make([]jtNode, len(s.Users))
		for i, u := range s.Users {
			uo := newObj().set("id", jInt(u.ID)).set("name", jStr(u.Name))
			if u.WorkTime != nil {
				uo.set("workTime", workTimeNode(*u.WorkTime))
			}
			users[i] = uo.node()
		}
		o.set("users", jArr(users))
	}
	entities := make([]jtNode, len(s.Entities))
	for i := range s.Entities {
		entities[i] = entityNode(&s.Entities[i])
	}
	o.set("entities", jArr(entities))
	if len(s.Triggers) > 0 {
		kids := make([]jtNode, len(s.Triggers))
		for i := range s.Triggers {
			kids[i] = w.triggerNode(&s.Triggers[i], indexPath("triggers", i))
		}
		o.set("triggers", jArr(kids))
	}
	if len(s.Robots) > 0 {
		kids := make([]jtNode, len(s.Robots))
		for i := range s.Robots {
			kids[i] = w.robotNode(&s.Robots[i], indexPath("robots", i))
		}
		o.set("robots", jArr(kids))
	}
	if len(s.Items) > 0 {
		kids := make([]jtNode, len(s.Items))
		for i := range s.Items {
			kids[i] = w.itemNode(&s.Items[i], indexPath("items", i))
		}
		o.set("items", jArr(kids))
	}
	if len(s.Clients) > 0 {
		kids := make([]jtNode, len(s.Clients))
		for i, c := range s.Clients {
			co := newObj().set("type", jStr(c.Type)).set("id", jInt(c.ID))
			co.optStr("name", c.Name)
			kids[i] = co.node()
		}
		o.set("clients", jArr(kids))
	}
	if len(s.Events) > 0 {
		kids := make([]jtNode, len(s.Events))
		for i := range s.Events {
			kids[i] = w.eventNode(&s.Events[i], indexPath("events", i))
		}
		o.set("events", jArr(kids))
	}
	if s.Until != nil {
		o.set("until", jTime(*s.Until))
	}
	if s.LimitsSet {
		o.set("limits", newObj().set("steps", jInt(s.Limits.Steps)).set("cascade", jInt(s.Limits.Cascade)).node())
	}
	if len(s.Expect) > 0 {
		kids := make([]jtNode, len(s.Expect))
		for i := range s.Expect {
			kids[i] = w.expectNode(&s.Expect[i], indexPath("expect", i))
		}
		o.set("expect", jArr(kids))
	}
	if s.WhatIf != nil {
		o.set("whatif", w.whatIfNode(s.WhatIf)) // whatif.go
	}
	return o.node()
}

func workTimeNode(wt WorkTime) jtNode {
	o := newObj()
	o.optStr("timezone", wt.Timezone)
	days := make([]jtNode, len(wt.Days))
	for i, d := range wt.Days {
		days[i] = jInt(d)
	}
	o.set("days", jArr(days))
	o.set("from", jStr(wt.From))
	o.set("to", jStr(wt.To))
	if len(wt.Holidays) > 0 {
		hs := make([]jtNode, len(wt.Holidays))
		for i, h := range wt.Holidays {
			hs[i] = jStr(h)
		}
		o.set("holidays", jArr(hs))
	}
	return o.node()
}

func entityNode(e *Entity) jtNode {
	o := newObj().set("type", jStr(e.Type))
	o.optStr("title", e.Title)
	if !e.PipelinesDefaulted {
		pls := make([]jtNode, len(e.Pipelines))
		for i, pl := range e.Pipelines {
			stages := make([]jtNode, len(pl.Stages))
			for j, st := range pl.Stages {
				so := newObj().set("id", jStr(st.ID)).set("name", jStr(st.Name)).set("semantics", jStr(st.Semantics))
				so.optStr("color", st.Color)
				stages[j] = so.node()
			}
			pls[i] = newObj().set("id", jInt(pl.ID)).set("name", jStr(pl.Name)).set("stages", jArr(stages)).node()
		}
		o.set("pipelines", jArr(pls))
	}
	if len(e.Fields) > 0 {
		fs := make([]jtNode, len(e.Fields))
		for i, f := range e.Fields {
			fo := newObj().set("id", jStr(f.ID))
			fo.optStr("name", f.Name)
			fo.set("type", jStr(f.Type))
			if f.Multiple {
				fo.set("multiple", jBool(true))
			}
			fs[i] = fo.node()
		}
		o.set("fields", jArr(fs))
	}
	return o.node()
}

func conditionNode(c Condition, w *writer, path string) jtNode {
	kids := make([]jtNode, len(c))
	for i, cl := range c {
		co := newObj().set("field", jStr(cl.Field)).set("op", jStr(cl.Op))
		if cl.HasValue {
			co.set("value", w.value(cl.Value, keyPath(indexPath(path, i), "value")))
		}
		if cl.Join != "" && cl.Join != "and" {
			co.set("join", jStr(cl.Join))
		}
		kids[i] = co.node()
	}
	return jArr(kids)
}

func (w *writer) triggerNode(t *Trigger, path string) jtNode {
	o := newObj().set("id", jStr(t.ID)).set("entity", jStr(t.Entity)).set("stage", jStr(t.Stage)).set("code", jStr(t.Code))
	o.optStr("name", t.Name)
	if len(t.Settings) > 0 {
		var order []string
		if info, ok := LookupTrigger(t.Code); ok {
			for _, sp := range info.Settings {
				order = append(order, sp.Key)
			}
		}
		o.set("settings", w.mapNode(t.Settings, order, keyPath(path, "settings")))
	}
	if len(t.Condition) > 0 {
		o.set("condition", conditionNode(t.Condition, w, keyPath(path, "condition")))
	}
	if t.AllowBackwards {
		o.set("allowBackwards", jBool(true))
	}
	switch {
	case t.ExecuteBy != ExecuteByResponsible:
		o.set("executeBy", jInt(t.ExecuteBy))
	case t.ExecuteBySet:
		o.set("executeBy", jStr("responsible"))
	}
	return o.node()
}

func (w *writer) robotNode(rb *Robot, path string) jtNode {
	o := newObj().set("id", jStr(rb.ID)).set("entity", jStr(rb.Entity)).set("stage", jStr(rb.Stage)).set("type", jStr(rb.Type))
	o.optStr("name", rb.Name)
	if len(rb.Params) > 0 {
		var order []string
		if specs, ok := robotParams(rb.Type); ok {
			for _, sp := range specs {
				order = append(order, sp.key)
			}
		}
		o.set("params", w.mapNode(rb.Params, order, keyPath(path, "params")))
	}
	if d := rb.Delay; d != nil {
		do := newObj().set("type", jStr(d.Type)).set("value", jInt(d.Value))
		do.optStr("unit", d.Unit)
		do.optStr("basis", d.Basis)
		do.optStr("time", d.Time)
		if d.WorkTime {
			do.set("workTime", jBool(true))
		}
		if d.WaitWorkDay {
			do.set("waitWorkDay", jBool(true))
		}
		o.set("delay", do.node())
	}
	if rb.AfterPrevious {
		o.set("afterPrevious", jBool(true))
	}
	if len(rb.Condition) > 0 {
		o.set("condition", conditionNode(rb.Condition, w, keyPath(path, "condition")))
	}
	if rb.Active != nil {
		o.set("active", jBool(*rb.Active))
	}
	return o.node()
}

func (w *writer) itemNode(it *Item, path string) jtNode {
	o := newObj().set("id", jInt(it.ID)).set("entity", jStr(it.Entity)).set("stage", jStr(it.Stage))
	if len(it.Fields) > 0 {
		o.set("fields", w.mapNode(it.Fields, nil, keyPath(path, "fields")))
	}
	if it.Contact != 0 {
		o.set("contact", jInt(it.Contact))
	}
	if it.Company != 0 {
		o.set("company", jInt(it.Company))
	}
	o.optStr("parent", it.Parent)
	return o.node()
}

func (w *writer) eventNode(ev *Event, path string) jtNode {
	o := newObj().set("at", jTime(ev.At)).set("code", jStr(ev.Code)).set("target", jStr(ev.Target))
	if len(ev.Data) > 0 {
		var order []string
		switch ev.Code {
		case CodeCreate:
			order = []string{"stage", "fields", "contact", "company", "parent"}
		case CodeUpdate:
			order = []string{"fields"}
		case CodeMove:
			order = []string{"stage"}
		default:
			if info, ok := LookupTrigger(ev.Code); ok {
				for _, sp := range info.Data {
					order = append(order, sp.Key)
				}
			}
		}
		o.set("data", w.mapNode(ev.Data, order, keyPath(path, "data")))
	}
	if ev.By != 0 {
		o.set("by", jInt(ev.By))
	}
	return o.node()
}

func (w *writer) expectNode(x *Expectation, path string) jtNode {
	o := newObj()
	if x.At != nil {
		o.set("at", jTime(*x.At))
	}
	o.set("target", jStr(x.Target))
	o.optStr("stage", x.Stage)
	o.optStr("fired", x.Fired)
	o.optStr("notFired", x.NotFired)
	o.optStr("ran", x.Ran)
	o.optStr("notRan", x.NotRan)
	if x.Field != "" {
		o.set("field", jStr(x.Field))
		o.set("value", w.value(x.Value, keyPath(path, "value")))
	}
	o.optStr("name", x.Name)
	return o.node()
}

// mapNode writes a free-form map: the keys named in order first, in that
// order, then any others sorted, so the output never depends on map order.
func (w *writer) mapNode(m map[string]any, order []string, path string) jtNode {
	o := newObj()
	for _, k := range order {
		if v, ok := m[k]; ok {
			o.set(k, w.value(v, keyPath(path, k)))
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		o.set(k, w.value(m[k], keyPath(path, k)))
	}
	return o.node()
}

// value writes one free-form value.
func (w *writer) value(v any, path string) jtNode {
	switch v := v.(type) {
	case nil:
		return jtNode{kind: jtNull}
	case bool:
		return jBool(v)
	case int:
		return jInt(v)
	case int64:
		return jtNode{kind: jtNumber, text: strconv.FormatInt(v, 10)}
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			w.fail(path, "%v cannot be written as JSON", v)
			return jtNode{kind: jtNull}
		}
		return jtNode{kind: jtNumber, text: formatFloat(v)}
	case string:
		return jStr(v)
	case []any:
		kids := make([]jtNode, len(v))
		for i, x := range v {
			kids[i] = w.value(x, indexPath(path, i))
		}
		return jArr(kids)
	case []string:
		kids := make([]jtNode, len(v))
		for i, x := range v {
			kids[i] = jStr(x)
		}
		return jArr(kids)
	case Condition:
		return conditionNode(v, w, path)
	case map[string]any:
		return w.mapNode(v, nil, path)
	default:
		w.fail(path, "a value of Go type %T cannot be written", v)
		return jtNode{kind: jtNull}
	}
}

func (w *writer) fail(path, format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("write scenario: %s: %s", displayPath(path), fmt.Sprintf(format, args...))
	}
}

// formatFloat writes a number as encoding/json does: plain digits for
// ordinary magnitudes (50000, not 5e+04), an exponent only for very large
// or very small ones.
func formatFloat(f float64) string {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(nil, f, format, -1, 64)
	if format == 'e' {
		// Turn e-07 into e-7, as encoding/json does.
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return string(b)
}

// appendJT encodes a node with two-space indentation. Arrays of scalars
// stay on one line ("days": [1, 2, 3, 4, 5]) to keep files short.
func appendJT(b []byte, n *jtNode, indent int) []byte {
	switch n.kind {
	case jtNull:
		return append(b, "null"...)
	case jtTrue:
		return append(b, "true"...)
	case jtFalse:
		return append(b, "false"...)
	case jtNumber:
		return append(b, n.text...)
	case jtString:
		return appendJSONString(b, n.text)
	case jtArray:
		if len(n.kids) == 0 {
			return append(b, "[]"...)
		}
		flat := true
		for i := range n.kids {
			if k := n.kids[i].kind; k == jtArray || k == jtObject {
				flat = false
				break
			}
		}
		if flat {
			b = append(b, '[')
			for i := range n.kids {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = appendJT(b, &n.kids[i], indent)
			}
			return append(b, ']')
		}
		b = append(b, '[')
		for i := range n.kids {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendNewline(b, indent+1)
			if inline, ok := appendInline(nil, &n.kids[i]); ok {
				b = append(b, inline...)
				continue
			}
			b = appendJT(b, &n.kids[i], indent+1)
		}
		b = appendNewline(b, indent)
		return append(b, ']')
	default:
		if len(n.kids) == 0 {
			return append(b, "{}"...)
		}
		b = append(b, '{')
		for i := range n.kids {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendNewline(b, indent+1)
			b = appendJSONString(b, n.kids[i].key)
			b = append(b, ": "...)
			if inline, ok := appendInline(b, &n.kids[i]); ok {
				b = inline
				continue
			}
			b = appendJT(b, &n.kids[i], indent+1)
		}
		b = appendNewline(b, indent)
		return append(b, '}')
	}
}

// maxInline is the longest object written on one line inside an array.
const maxInline = 100

// appendInline appends a small object of scalars (a stage, a clause, a
// user, a delay) on one line, as people write them by hand; ok is false
// (and b unchanged in length) when the object is not such an object or
// would be longer than maxInline.
func appendInline(b []byte, n *jtNode) ([]byte, bool) {
	if n.kind != jtObject || len(n.kids) == 0 {
		return b, false
	}
	start := len(b)
	b = append(b, '{')
	for i := range n.kids {
		k := &n.kids[i]
		if k.kind == jtObject || k.kind == jtArray {
			return b[:start], false
		}
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, k.key)
		b = append(b, ": "...)
		b = appendJT(b, k, 0)
		if len(b)-start > maxInline {
			return b[:start], false
		}
	}
	b = append(b, '}')
	if len(b)-start > maxInline {
		return b[:start], false
	}
	return b, true
}

func appendNewline(b []byte, indent int) []byte {
	b = append(b, '\n')
	for i := 0; i < indent; i++ {
		b = append(b, "  "...)
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does without HTML escaping:
// people read and diff exported files, and a condition reads better as ">"
// than as "\u003e"; the app renders every string as text, never as HTML.
// U+2028 and U+2029 are escaped, and invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
