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
	rows := c.cur
	body := make([]app.UI, 0, len(rows)+2)
	if len(rows) == 0 {
		body = append(body, pc("condition-editor__empty", i18n.T(lang, "designer.cond.empty")))
	}
	for i := range rows {
		body = append(body, c.renderRow(i))
	}
	body = append(body, button("designer-link", i18n.T(lang, "designer.cond.add"), c.onAdd).
		DataSet("testid", c.ID+"-condition-add"))
	return divc("condition-editor", body...).DataSet("testid", c.ID+"-condition")
}

func (c *ConditionEditor) renderRow(i int) app.UI {
	lang := c.Lang
	cl := c.cur[i]
	ft := c.fieldType(cl.Field)
	id := c.ID + "-cond-" + strconv.Itoa(i)
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
		join = divc("condition-editor__join",
			elc("select", "designer-input condition-editor__join-select").
				Aria("label", i18n.T(lang, "designer.cond.join")).
				OnChange(c.onJoin).
				Body(
					option("and", j == "and", i18n.T(lang, "designer.cond.and")),
					option("or", j == "or", i18n.T(lang, "designer.cond.or")),
				),
		)
	}
	remove := i18n.T(lang, "designer.cond.remove")
	return divc("condition-editor__row-wrap",
		divc("condition-editor__row",
			c.selectRow(id+"-field", "designer-input condition-editor__field", "designer.cond.field", c.onField, fieldOpts),
			c.selectRow(id+"-op", "designer-input condition-editor__op", "designer.cond.op", c.onOp, opOpts),
			c.renderValue(id, cl, ft),
			button("designer-icon-button condition-editor__remove", "×", c.onRemoveRow).
				Aria("label", remove).
				Title(remove),
		).DataSet("row", strconv.Itoa(i)),
		errorNote(c.Errors[i]),
		join,
	)
}

// selectRow is a select of a row, labelled by the text of labelKey.
func (c *ConditionEditor) selectRow(id, class, labelKey string, onChange app.EventHandler, opts []app.UI) app.HTMLElem {
	return selectc(id, class, onChange, opts...).Aria("label", i18n.T(c.Lang, labelKey))
}

// valueInput is an input of a row's value, labelled by the text of
// labelKey.
func (c *ConditionEditor) valueInput(id, class, labelKey, value string) app.HTMLElemSelfClosing {
	return app.ElemSelfClosing("input").ID(id).Class(class).Aria("label", i18n.T(c.Lang, labelKey)).Attr("value", value).OnChange(c.onValue)
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
		return elc("span", "condition-editor__value condition-editor__value--between").Body(
			c.valueInput(id+"-from", "designer-input", "designer.cond.from", lo).Attr("type", inputType(ft)).
				Attr("placeholder", i18n.T(lang, "designer.cond.from")),
			c.valueInput(id+"-to", "designer-input", "designer.cond.to", hi).Attr("type", inputType(ft)).
				Attr("placeholder", i18n.T(lang, "designer.cond.to")),
		)
	case engine.OpIn, engine.OpNotIn:
		return c.valueInput(id+"-value", "designer-input condition-editor__value", "designer.cond.value", valueText(cl.Value)).
			Attr("placeholder", i18n.T(lang, "designer.cond.listHint"))
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
		return c.selectRow(id+"-value", "designer-input condition-editor__value", "designer.cond.value", c.onValue, []app.UI{
			option("true", cur == "true", i18n.T(lang, "designer.cond.yes")),
			option("false", cur != "true", i18n.T(lang, "designer.cond.no")),
		})
	}
	return c.valueInput(id+"-value", "designer-input condition-editor__value", "designer.cond.value", cur).Attr("type", inputType(ft))
}

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
