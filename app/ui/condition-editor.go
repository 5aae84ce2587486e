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
	return app.Div().
		Class("condition-editor").
		DataSet("testid", c.ID+"-condition").
		Body(
			app.If(len(rows) == 0, func() app.UI {
				return app.P().Class("condition-editor__empty").Text(i18n.T(lang, "designer.cond.empty"))
			}),
			app.Range(rows).Slice(func(i int) app.UI { return c.renderRow(i) }),
			app.Button().
				Type("button").
				Class("designer-link").
				DataSet("testid", c.ID+"-condition-add").
				Text(i18n.T(lang, "designer.cond.add")).
				OnClick(c.onAdd),
		)
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
	ops := engine.Operators()
	return app.Div().Class("condition-editor__row-wrap").Body(
		app.Div().Class("condition-editor__row").DataSet("row", strconv.Itoa(i)).Body(
			app.Select().
				ID(id+"-field").
				Class("designer-input condition-editor__field").
				Aria("label", i18n.T(lang, "designer.cond.field")).
				OnChange(func(ctx app.Context, e app.Event) {
					c.update(ctx, i, func(cl *engine.Clause) { cl.Field = jsValue(ctx) })
				}).
				Body(app.Range(fields).Slice(func(j int) app.UI {
					f := fields[j]
					return app.Option().Value(f.ID).Selected(f.ID == cl.Field).Text(f.Name)
				})),
			app.Select().
				ID(id+"-op").
				Class("designer-input condition-editor__op").
				Aria("label", i18n.T(lang, "designer.cond.op")).
				OnChange(func(ctx app.Context, e app.Event) {
					op := jsValue(ctx)
					c.update(ctx, i, func(cl *engine.Clause) { setOp(cl, op) })
				}).
				Body(app.Range(ops).Slice(func(j int) app.UI {
					return app.Option().Value(ops[j]).Selected(ops[j] == cl.Op).Text(engine.OperatorName(ops[j], lang))
				})),
			c.renderValue(i, id, cl, ft),
			app.Button().
				Type("button").
				Class("designer-icon-button condition-editor__remove").
				Aria("label", i18n.T(lang, "designer.cond.remove")).
				Title(i18n.T(lang, "designer.cond.remove")).
				Text("×").
				OnClick(func(ctx app.Context, e app.Event) { c.onRemove(ctx, i) }),
		),
		errorNote(c.Errors[i]),
		app.If(i < len(c.cur)-1, func() app.UI {
			join := cl.Join
			if join == "" {
				join = "and"
			}
			return app.Div().Class("condition-editor__join").Body(
				app.Select().
					Class("designer-input condition-editor__join-select").
					Aria("label", i18n.T(lang, "designer.cond.join")).
					OnChange(func(ctx app.Context, e app.Event) {
						v := jsValue(ctx)
						c.update(ctx, i, func(cl *engine.Clause) { cl.Join = v })
					}).
					Body(
						app.Option().Value("and").Selected(join == "and").Text(i18n.T(lang, "designer.cond.and")),
						app.Option().Value("or").Selected(join == "or").Text(i18n.T(lang, "designer.cond.or")),
					),
			)
		}),
	)
}

func (c *ConditionEditor) renderValue(i int, id string, cl engine.Clause, ft string) app.UI {
	lang := c.Lang
	switch cl.Op {
	case engine.OpEmpty, engine.OpNotEmpty:
		return app.Span().Class("condition-editor__value condition-editor__value--none")
	case engine.OpBetween:
		lo, hi := "", ""
		if l, ok := cl.Value.([]any); ok && len(l) == 2 {
			lo, hi = valueText(l[0]), valueText(l[1])
		}
		set := func(k int) app.EventHandler {
			return func(ctx app.Context, e app.Event) {
				v := parseValue(ft, jsValue(ctx))
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
			}
		}
		return app.Span().Class("condition-editor__value condition-editor__value--between").Body(
			app.Input().ID(id+"-from").Class("designer-input").Type(inputType(ft)).
				Aria("label", i18n.T(lang, "designer.cond.from")).Placeholder(i18n.T(lang, "designer.cond.from")).
				Value(lo).OnChange(set(0)),
			app.Input().ID(id+"-to").Class("designer-input").Type(inputType(ft)).
				Aria("label", i18n.T(lang, "designer.cond.to")).Placeholder(i18n.T(lang, "designer.cond.to")).
				Value(hi).OnChange(set(1)),
		)
	case engine.OpIn, engine.OpNotIn:
		return app.Input().ID(id+"-value").Class("designer-input condition-editor__value").
			Aria("label", i18n.T(lang, "designer.cond.value")).
			Placeholder(i18n.T(lang, "designer.cond.listHint")).
			Value(valueText(cl.Value)).
			OnChange(func(ctx app.Context, e app.Event) {
				var list []any
				for _, part := range strings.Split(jsValue(ctx), ",") {
					if part = strings.TrimSpace(part); part != "" {
						list = append(list, parseValue(ft, part))
					}
				}
				c.update(ctx, i, func(cl *engine.Clause) { cl.Value, cl.HasValue = list, true })
			})
	}
	if ft == engine.FieldUser && len(c.Users) > 0 {
		cur := valueText(cl.Value)
		return app.Select().ID(id+"-value").Class("designer-input condition-editor__value").
			Aria("label", i18n.T(lang, "designer.cond.value")).
			OnChange(func(ctx app.Context, e app.Event) {
				v := parseValue(ft, jsValue(ctx))
				c.update(ctx, i, func(cl *engine.Clause) { cl.Value, cl.HasValue = v, true })
			}).
			Body(
				app.Option().Value("").Selected(cur == "").Text("—"),
				app.Range(c.Users).Slice(func(j int) app.UI {
					u := c.Users[j]
					v := strconv.Itoa(u.ID)
					return app.Option().Value(v).Selected(v == cur).Text(u.Name)
				}),
			)
	}
	if ft == engine.FieldBool {
		cur := valueText(cl.Value)
		return app.Select().ID(id+"-value").Class("designer-input condition-editor__value").
			Aria("label", i18n.T(lang, "designer.cond.value")).
			OnChange(func(ctx app.Context, e app.Event) {
				v := jsValue(ctx) == "true"
				c.update(ctx, i, func(cl *engine.Clause) { cl.Value, cl.HasValue = v, true })
			}).
			Body(
				app.Option().Value("true").Selected(cur == "true").Text(i18n.T(lang, "designer.cond.yes")),
				app.Option().Value("false").Selected(cur != "true").Text(i18n.T(lang, "designer.cond.no")),
			)
	}
	return app.Input().ID(id+"-value").Class("designer-input condition-editor__value").
		Type(inputType(ft)).
		Aria("label", i18n.T(lang, "designer.cond.value")).
		Value(valueText(cl.Value)).
		OnChange(func(ctx app.Context, e app.Event) {
			v := parseValue(ft, jsValue(ctx))
			c.update(ctx, i, func(cl *engine.Clause) { cl.Value, cl.HasValue = v, true })
		})
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
