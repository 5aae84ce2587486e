package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// ConditionEditor is Bitrix24's «При условии» builder: rows of field,
// operator and value (two values for «между», none for «пусто» / «не
// пусто»), each joined to the next by И / ИЛИ, with rows added and
// removed. It holds no state: every change goes to OnChange and comes
// back as Condition.
type ConditionEditor struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// ID prefixes the element ids (one editor per dialog section).
	ID string
	// Condition is the condition edited.
	Condition engine.Condition
	// Fields are the fields offered, Name holding the label to show.
	Fields []engine.Field
	// Users are offered as values of user fields.
	Users []engine.User
	// Errors holds an error message per row index.
	Errors map[int]string
	// OnChange receives the changed condition.
	OnChange func(ctx app.Context, c engine.Condition)

	// cur is the condition as last edited here: edits that come faster
	// than the parent re-renders build on each other, not on a stale input.
	cur engine.Condition
}

// OnMount takes the condition from the parent.
func (c *ConditionEditor) OnMount(ctx app.Context) { c.cur = c.Condition }

// OnUpdate takes the condition the parent sends back.
func (c *ConditionEditor) OnUpdate(ctx app.Context) { c.cur = c.Condition }

func (c *ConditionEditor) emit(ctx app.Context, next engine.Condition) {
	c.cur = next
	if c.OnChange != nil {
		c.OnChange(ctx, next)
	}
}

// Render implements app.Composer.
func (c *ConditionEditor) Render() app.UI {
	lang := c.Lang
	if c.cur == nil && len(c.Condition) > 0 {
		c.cur = c.Condition
	}
	rows := make([]app.UI, len(c.cur))
	for i := range rows {
		rows[i] = c.renderRow(i)
	}
	var empty app.UI
	if len(rows) == 0 {
		empty = conditionEditorEmptyView.el(lang)
	}
	return conditionEditorView.el(lang, c.ID+"-condition", empty, rows, c.ID+"-condition-add", c.onAdd)
}

// conditionEditorView is the editor: that there is no condition yet
// ({1}), the rows ({2}) and the button adding one.
var conditionEditorView = &view{name: "condition-editor", src: `
<div class="condition-editor" data-testid={0}>
	{1}
	{2}
	<button type="button" class="designer-link" data-testid={3} @click={4}>{t:designer.cond.add}</button>
</div>`}

// conditionEditorEmptyView says there is no condition yet.
var conditionEditorEmptyView = &view{name: "condition-editor-empty", src: `
<p class="condition-editor__empty">{t:designer.cond.empty}</p>`}

func (c *ConditionEditor) renderRow(i int) app.UI {
	lang := c.Lang
	cl := c.cur[i]
	ft := c.fieldType(cl.Field)
	n := strconv.Itoa(i)
	id := c.ID + "-cond-" + n
	fields := c.Fields
	known := false
	for _, f := range fields {
		if f.ID == cl.Field {
			known = true
		}
	}
	if !known && cl.Field != "" {
		fields = append([]engine.Field{{ID: cl.Field, Name: cl.Field}}, fields...)
	}
	fieldOpts := make([]app.UI, len(fields))
	for j, f := range fields {
		fieldOpts[j] = option(f.ID, f.ID == cl.Field, f.Name)
	}
	ops := engine.Operators()
	opOpts := make([]app.UI, len(ops))
	for j, op := range ops {
		opOpts[j] = option(op, op == cl.Op, engine.OperatorName(op, lang))
	}
	var join app.UI
	if i < len(c.cur)-1 {
		j := cl.Join
		if j == "" {
			j = "and"
		}
		join = conditionEditorJoinView.el(lang, c.onJoin, j == "and", j == "or")
	}
	return conditionEditorRowView.el(lang, n, id+"-field", c.onField, fieldOpts, id+"-op", c.onOp, opOpts,
		c.renderValue(id, cl, ft), c.onRemoveRow, errorNote(c.Errors[i]), join)
}

// conditionEditorRowView is a clause: its field, operator and value ({7})
// controls and the remove button, its error ({9}) and the join to the
// next clause ({10}).
var conditionEditorRowView = &view{name: "condition-editor-row", src: `
<div class="condition-editor__row-wrap">
	<div class="condition-editor__row" data-row={0}>
		<select id={1} class="designer-input condition-editor__field" aria-label={t:designer.cond.field} @change={2}>{3}</select>
		<select id={4} class="designer-input condition-editor__op" aria-label={t:designer.cond.op} @change={5}>{6}</select>
		{7}
		<button type="button" class="designer-icon-button condition-editor__remove" aria-label={t:designer.cond.remove} title={t:designer.cond.remove} @click={8}>×</button>
	</div>
	{9}
	{10}
</div>`}

// conditionEditorJoinView joins a clause to the next: И or ИЛИ.
var conditionEditorJoinView = &view{name: "condition-editor-join", src: `
<div class="condition-editor__join">
	<select class="designer-input condition-editor__join-select" aria-label={t:designer.cond.join} @change={0}>
		<option value="and" selected={1}>{t:designer.cond.and}</option>
		<option value="or" selected={2}>{t:designer.cond.or}</option>
	</select>
</div>`}

// selectRow is a select of a row, labelled by the text of labelKey.
func (c *ConditionEditor) selectRow(id, class, labelKey string, onChange app.EventHandler, opts []app.UI) app.HTMLElem {
	return selectc(id, class, onChange, opts...).Attr("aria-label", i18n.T(c.Lang, labelKey))
}

func (c *ConditionEditor) renderValue(id string, cl engine.Clause, ft string) app.UI {
	lang := c.Lang
	switch cl.Op {
	case engine.OpEmpty, engine.OpNotEmpty:
		return elc("span", "condition-editor__value condition-editor__value--none")
	case engine.OpBetween:
		lo, hi := "", ""
		if l, ok := cl.Value.([]any); ok && len(l) == 2 {
			lo, hi = valueText(l[0]), valueText(l[1])
		}
		return conditionEditorBetweenView.el(lang, id+"-from", lo, inputType(ft), c.onValue, id+"-to", hi)
	case engine.OpIn, engine.OpNotIn:
		return conditionEditorListView.el(lang, id+"-value", valueText(cl.Value), c.onValue)
	}
	cur := valueText(cl.Value)
	if ft == engine.FieldUser && len(c.Users) > 0 {
		opts := make([]app.UI, 0, len(c.Users)+1)
		opts = append(opts, option("", cur == "", "—"))
		for _, u := range c.Users {
			v := strconv.Itoa(u.ID)
			opts = append(opts, option(v, v == cur, u.Name))
		}
		return c.selectRow(id+"-value", "designer-input condition-editor__value", "designer.cond.value", c.onValue, opts)
	}
	if ft == engine.FieldBool {
		return conditionEditorBoolView.el(lang, id+"-value", c.onValue, cur == "true", cur != "true")
	}
	return conditionEditorValueView.el(lang, id+"-value", cur, inputType(ft), c.onValue)
}

// conditionEditorBetweenView are the two ends of «между».
var conditionEditorBetweenView = &view{name: "condition-editor-between", src: `
<span class="condition-editor__value condition-editor__value--between">
	<input id={0} class="designer-input" aria-label={t:designer.cond.from} value={1} type={2} placeholder={t:designer.cond.from} @change={3} />
	<input id={4} class="designer-input" aria-label={t:designer.cond.to} value={5} type={2} placeholder={t:designer.cond.to} @change={3} />
</span>`}

// conditionEditorListView is the value of «в списке», comma-separated.
var conditionEditorListView = &view{name: "condition-editor-list", src: `
<input id={0} class="designer-input condition-editor__value" aria-label={t:designer.cond.value} value={1} placeholder={t:designer.cond.listHint} @change={2} />`}

// conditionEditorBoolView is the value of a yes/no field.
var conditionEditorBoolView = &view{name: "condition-editor-bool", src: `
<select id={0} class="designer-input condition-editor__value" aria-label={t:designer.cond.value} @change={1}>
	<option value="true" selected={2}>{t:designer.cond.yes}</option>
	<option value="false" selected={3}>{t:designer.cond.no}</option>
</select>`}

// conditionEditorValueView is a single value.
var conditionEditorValueView = &view{name: "condition-editor-value", src: `
<input id={0} class="designer-input condition-editor__value" aria-label={t:designer.cond.value} value={1} type={2} @change={3} />`}

// row is the index of the clause whose control fired: the control sits in
// the clause's row wrap, whose row carries data-row.
func (c *ConditionEditor) row(ctx app.Context) int {
	r := ctx.JSSrc().Call("closest", ".condition-editor__row-wrap").Call("querySelector", "[data-row]")
	n, err := strconv.Atoi(r.Get("dataset").Get("row").String())
	if err != nil {
		return -1
	}
	return n
}

func (c *ConditionEditor) onField(ctx app.Context, e app.Event) {
	v := jsValue(ctx)
	c.update(ctx, c.row(ctx), func(cl *engine.Clause) { cl.Field = v })
}

func (c *ConditionEditor) onOp(ctx app.Context, e app.Event) {
	op := jsValue(ctx)
	c.update(ctx, c.row(ctx), func(cl *engine.Clause) { setOp(cl, op) })
}

func (c *ConditionEditor) onJoin(ctx app.Context, e app.Event) {
	v := jsValue(ctx)
	c.update(ctx, c.row(ctx), func(cl *engine.Clause) { cl.Join = v })
}

func (c *ConditionEditor) onRemoveRow(ctx app.Context, e app.Event) {
	if i := c.row(ctx); i >= 0 && i < len(c.cur) {
		c.onRemove(ctx, i)
	}
}

// onValue stores the value a row's value control gives: the clause's
// operator and field type say how to read it, the id's end says which end
// of a between.
func (c *ConditionEditor) onValue(ctx app.Context, e app.Event) {
	i := c.row(ctx)
	if i < 0 || i >= len(c.cur) {
		return
	}
	cl := c.cur[i]
	ft := c.fieldType(cl.Field)
	s := jsValue(ctx)
	switch {
	case cl.Op == engine.OpBetween:
		k := 0
		if strings.HasSuffix(ctx.JSSrc().Get("id").String(), "-to") {
			k = 1
		}
		v := parseValue(ft, s)
		c.update(ctx, i, func(cl *engine.Clause) {
			l, ok := cl.Value.([]any)
			if !ok || len(l) != 2 {
				l = []any{"", ""}
			} else {
				l = append([]any(nil), l...)
			}
			l[k] = v
			cl.Value, cl.HasValue = l, true
		})
	case cl.Op == engine.OpIn || cl.Op == engine.OpNotIn:
		var list []any
		for _, part := range strings.Split(s, ",") {
			if part = strings.TrimSpace(part); part != "" {
				list = append(list, parseValue(ft, part))
			}
		}
		c.update(ctx, i, func(cl *engine.Clause) { cl.Value, cl.HasValue = list, true })
	case ft == engine.FieldBool:
		v := s == "true"
		c.update(ctx, i, func(cl *engine.Clause) { cl.Value, cl.HasValue = v, true })
	default:
		v := parseValue(ft, s)
		c.update(ctx, i, func(cl *engine.Clause) { cl.Value, cl.HasValue = v, true })
	}
}

func (c *ConditionEditor) fieldType(id string) string {
	for _, f := range c.Fields {
		if f.ID == id {
			return f.Type
		}
	}
	return engine.StandardFieldType(id)
}

// update applies f to a copy of row i and reports the new condition.
func (c *ConditionEditor) update(ctx app.Context, i int, f func(cl *engine.Clause)) {
	next := append(engine.Condition(nil), c.cur...)
	if i < 0 || i >= len(next) {
		return
	}
	f(&next[i])
	c.emit(ctx, next)
}

func (c *ConditionEditor) onAdd(ctx app.Context, e app.Event) {
	field := "TITLE"
	if len(c.Fields) > 0 {
		field = c.Fields[0].ID
	}
	next := append(append(engine.Condition(nil), c.cur...),
		engine.Clause{Field: field, Op: engine.OpNotEmpty})
	c.emit(ctx, next)
}

func (c *ConditionEditor) onRemove(ctx app.Context, i int) {
	next := append(engine.Condition(nil), c.cur[:i]...)
	next = append(next, c.cur[i+1:]...)
	if i == len(next) && i > 0 {
		next[i-1].Join = "" // the last row joins nothing
	}
	c.emit(ctx, next)
}

// setOp changes a clause's operator and reshapes its value: none for
// empty/!empty, a pair for between, a single value otherwise.
func setOp(cl *engine.Clause, op string) {
	cl.Op = op
	switch op {
	case engine.OpEmpty, engine.OpNotEmpty:
		cl.Value, cl.HasValue = nil, false
	case engine.OpBetween:
		if l, ok := cl.Value.([]any); !ok || len(l) != 2 {
			cl.Value, cl.HasValue = []any{"", ""}, true
		}
	case engine.OpIn, engine.OpNotIn:
		if _, ok := cl.Value.([]any); !ok {
			if cl.HasValue && cl.Value != nil && cl.Value != "" {
				cl.Value = []any{cl.Value}
			} else {
				cl.Value = []any{}
			}
			cl.HasValue = true
		}
	default:
		if l, ok := cl.Value.([]any); ok {
			if len(l) > 0 {
				cl.Value = l[0]
			} else {
				cl.Value = ""
			}
		}
		if !cl.HasValue {
			cl.Value, cl.HasValue = "", true
		}
	}
}

// parseValue reads a typed-in value for a field type: numbers for number,
// money and user fields when the text is a number, text otherwise.
func parseValue(ft, s string) any {
	s = strings.TrimSpace(s)
	switch ft {
	case engine.FieldNumber, engine.FieldMoney, engine.FieldUser:
		if f, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", "."), 64); err == nil {
			return f
		}
	case engine.FieldBool:
		return s == "true"
	}
	return s
}

// valueText shows a condition value in an input.
func valueText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = valueText(x)
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

// inputType is the HTML input type for a field type.
func inputType(ft string) string {
	switch ft {
	case engine.FieldNumber, engine.FieldMoney:
		return "text"
	case engine.FieldDate:
		return "date"
	}
	return "text"
}
