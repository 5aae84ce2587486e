package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// DelayEditor is a robot's time setting: «Сразу», «Через N мин/ч/дн»,
// «За N … до» a date field, or «Точное время» (a date field and a time of
// day), with «Учитывать рабочее время компании» and «… ответственного».
// It holds no state: changes go to OnChange.
type DelayEditor struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Delay is the delay edited; nil means «Сразу».
	Delay *engine.Delay
	// DateFields are the date and date-time fields offered as the basis.
	DateFields []engine.Field
	// Error is shown under the editor.
	Error string
	// OnChange receives the new delay (nil for «Сразу»).
	OnChange func(ctx app.Context, d *engine.Delay)

	// cur is the delay as last edited here (see ConditionEditor.cur).
	cur    *engine.Delay
	curSet bool
}

// OnMount takes the delay from the parent.
func (c *DelayEditor) OnMount(ctx app.Context) { c.cur, c.curSet = c.Delay, true }

// OnUpdate takes the delay the parent sends back.
func (c *DelayEditor) OnUpdate(ctx app.Context) { c.cur, c.curSet = c.Delay, true }

func (c *DelayEditor) current() *engine.Delay {
	if !c.curSet {
		return c.Delay
	}
	return c.cur
}

func (c *DelayEditor) emit(ctx app.Context, d *engine.Delay) {
	c.cur, c.curSet = d, true
	if c.OnChange != nil {
		c.OnChange(ctx, d)
	}
}

func (c *DelayEditor) mode() string {
	d := c.current()
	if d == nil {
		return "now"
	}
	return d.Type
}

// Render implements app.Composer.
func (c *DelayEditor) Render() app.UI {
	lang := c.Lang
	mode := c.mode()
	d := engine.Delay{Type: engine.DelayAfter, Unit: "m"}
	if cur := c.current(); cur != nil {
		d = *cur
	}
	modeButtons := make([]app.UI, len(delayModes))
	for i, m := range delayModes {
		class := "delay-editor__mode"
		if m == mode {
			class += " delay-editor__mode--active"
		}
		modeButtons[i] = button(class, i18n.T(lang, delayModeKeys[i]), c.onModeButton).Role("radio").
			Aria("checked", boolText(m == mode)).
			DataSet("mode", m)
	}
	var amount, basis, hint, flags app.UI
	if mode == engine.DelayAfter || mode == engine.DelayBefore {
		units := make([]app.UI, 3)
		for i, u := range []string{"m", "h", "d"} {
			units[i] = option(u, u == d.Unit || (d.Unit == "" && u == "m"), i18n.T(lang, "designer.unit."+u))
		}
		amount = divc("delay-editor__row",
			app.ElemSelfClosing("input").Attr("type", "number").Attr("min", 0).Class("designer-input delay-editor__value").
				DataSet("testid", "delay-value").
				Aria("label", i18n.T(lang, "designer.delay.value")).
				Attr("value", strconv.Itoa(d.Value)).
				OnChange(c.onValue),
			elct("select", "designer-input delay-editor__unit", "delay-unit").
				Aria("label", i18n.T(lang, "designer.delay.unit")).
				OnChange(c.onUnit).
				Body(units...),
		)
	}
	if mode != "now" {
		opts := make([]app.UI, 0, len(c.DateFields)+1)
		if mode != engine.DelayIn && mode != engine.DelayBefore {
			opts = append(opts, option("", d.Basis == "", i18n.T(lang, "designer.delay.basisStage")))
		}
		for _, f := range c.DateFields {
			opts = append(opts, option(f.ID, f.ID == d.Basis, f.Name))
		}
		basis = divc("delay-editor__row",
			elcText("label", "delay-editor__label", i18n.T(lang, "designer.delay.basis")),
			elc("select", "designer-input delay-editor__basis").
				Aria("label", i18n.T(lang, "designer.delay.basis")).
				OnChange(c.onBasis).
				Body(opts...),
			app.ElemSelfClosing("input").Attr("type", "time").Class("designer-input delay-editor__time").
				Aria("label", i18n.T(lang, "designer.delay.time")).
				Title(i18n.T(lang, "designer.delay.time")).
				Attr("value", d.Time).
				OnChange(c.onTime),
		)
		flags = divc("delay-editor__flags",
			checkbox("delay-worktime", i18n.T(lang, "designer.delay.workTime"), d.WorkTime, c.onWorkTime),
			checkbox("delay-waitworkday", i18n.T(lang, "designer.delay.waitWorkDay"), d.WaitWorkDay, c.onWaitWorkDay),
		)
	}
	if mode == engine.DelayAfter && d.Value > 0 && d.Unit == "m" && d.Value < 10 {
		hint = formHint(i18n.T(lang, "designer.delay.minHint"))
	}
	return divc("delay-editor",
		divc("delay-editor__modes", modeButtons...).Role("radiogroup").
			Aria("label", i18n.T(lang, "designer.delay.title")),
		amount,
		basis,
		hint,
		flags,
		errorNote(c.Error),
	).DataSet("testid", "delay-editor")
}

// delayModes are the editor's modes and delayModeKeys their texts.
var (
	delayModes    = [...]string{"now", engine.DelayAfter, engine.DelayBefore, engine.DelayIn}
	delayModeKeys = [...]string{"designer.delay.now", "designer.delay.after", "designer.delay.before", "designer.delay.in"}
)

// onModeButton switches to the mode of the button that fired (data-mode).
func (c *DelayEditor) onModeButton(ctx app.Context, e app.Event) {
	c.onMode(ctx, ctx.JSSrc().Get("dataset").Get("mode").String())
}

func (c *DelayEditor) onValue(ctx app.Context, e app.Event) {
	n, err := strconv.Atoi(jsValue(ctx))
	if err != nil || n < 0 {
		n = 0
	}
	c.change(ctx, func(d *engine.Delay) { d.Value = n })
}

func (c *DelayEditor) onUnit(ctx app.Context, e app.Event) {
	u := jsValue(ctx)
	c.change(ctx, func(d *engine.Delay) { d.Unit = u })
}

func (c *DelayEditor) onBasis(ctx app.Context, e app.Event) {
	v := jsValue(ctx)
	c.change(ctx, func(d *engine.Delay) { d.Basis = v })
}

func (c *DelayEditor) onTime(ctx app.Context, e app.Event) {
	v := jsValue(ctx)
	c.change(ctx, func(d *engine.Delay) { d.Time = v })
}

func (c *DelayEditor) onWorkTime(ctx app.Context, v bool) {
	c.change(ctx, func(d *engine.Delay) { d.WorkTime = v })
}

func (c *DelayEditor) onWaitWorkDay(ctx app.Context, v bool) {
	c.change(ctx, func(d *engine.Delay) { d.WaitWorkDay = v })
}

func (c *DelayEditor) onMode(ctx app.Context, mode string) {
	if mode == c.mode() {
		return
	}
	if mode == "now" {
		c.emit(ctx, nil)
		return
	}
	d := engine.Delay{Unit: "h", Value: 1}
	if cur := c.current(); cur != nil {
		d = *cur
	}
	d.Type = mode
	if mode == engine.DelayIn || mode == engine.DelayBefore {
		if d.Basis == "" && len(c.DateFields) > 0 {
			d.Basis = c.DateFields[0].ID
		}
	}
	if mode == engine.DelayIn {
		d.Value, d.Unit = 0, ""
	} else if d.Unit == "" {
		d.Value, d.Unit = 1, "h"
	}
	c.emit(ctx, &d)
}

func (c *DelayEditor) change(ctx app.Context, f func(d *engine.Delay)) {
	cur := c.current()
	if cur == nil {
		return
	}
	d := *cur
	f(&d)
	c.emit(ctx, &d)
}

// checkbox is a labelled checkbox row.
func checkbox(id, label string, checked bool, onChange func(ctx app.Context, v bool)) app.UI {
	return elc("label", "designer-check").Attr("for", id).Body(
		app.ElemSelfClosing("input").Attr("type", "checkbox").ID(id).Class("designer-check__box").Attr("checked", checked).
			DataSet("testid", id).
			OnChange(func(ctx app.Context, e app.Event) { onChange(ctx, jsChecked(ctx)) }),
		spanText(label),
	)
}
