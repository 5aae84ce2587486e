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
		modeButtons[i] = delayEditorModeView.el(lang, class, i18n.T(lang, delayModeKeys[i]), c.onModeButton, boolText(m == mode), m)
	}
	var amount, basis, hint, flags app.UI
	if mode == engine.DelayAfter || mode == engine.DelayBefore {
		amount = delayEditorAmountView.el(lang, strconv.Itoa(d.Value), c.onValue, c.onUnit,
			d.Unit == "m" || d.Unit == "", d.Unit == "h", d.Unit == "d")
	}
	if mode != "now" {
		opts := make([]app.UI, 0, len(c.DateFields)+1)
		if mode != engine.DelayIn && mode != engine.DelayBefore {
			opts = append(opts, option("", d.Basis == "", i18n.T(lang, "designer.delay.basisStage")))
		}
		for _, f := range c.DateFields {
			opts = append(opts, option(f.ID, f.ID == d.Basis, f.Name))
		}
		basis = delayEditorBasisView.el(lang, c.onBasis, opts, d.Time, c.onTime)
		flags = divc("delay-editor__flags",
			checkbox("delay-worktime", i18n.T(lang, "designer.delay.workTime"), d.WorkTime, c.onWorkTime),
			checkbox("delay-waitworkday", i18n.T(lang, "designer.delay.waitWorkDay"), d.WaitWorkDay, c.onWaitWorkDay),
		)
	}
	if mode == engine.DelayAfter && d.Value > 0 && d.Unit == "m" && d.Value < 10 {
		hint = formHint(i18n.T(lang, "designer.delay.minHint"))
	}
	return delayEditorView.el(lang, modeButtons, amount, basis, hint, flags, errorNote(c.Error))
}

// delayEditorView is the editor: the mode buttons, then what the mode
// has (amount, basis, the short-delay hint, the flags) and the error.
var delayEditorView = &view{name: "delay-editor", src: `
<div class="delay-editor" data-testid="delay-editor">
	<div class="delay-editor__modes" role="radiogroup" aria-label={t:designer.delay.title}>{0}</div>
	{1}
	{2}
	{3}
	{4}
	{5}
</div>`}

// delayEditorModeView is a mode's button; onModeButton reads its
// data-mode.
var delayEditorModeView = &view{name: "delay-editor-mode", src: `
<button type="button" class={0} role="radio" aria-checked={3} data-mode={4} @click={2}>{1}</button>`}

// delayEditorAmountView is the amount and unit of an «after» or «before»
// delay; {3}-{5} select minutes (also when no unit is set), hours, days.
var delayEditorAmountView = &view{name: "delay-editor-amount", src: `
<div class="delay-editor__row">
	<input type="number" min="0" class="designer-input delay-editor__value" data-testid="delay-value"
		aria-label={t:designer.delay.value} value={0} @change={1} />
	<select class="designer-input delay-editor__unit" data-testid="delay-unit" aria-label={t:designer.delay.unit} @change={2}>
		<option value="m" selected={3}>{t:designer.unit.m}</option>
		<option value="h" selected={4}>{t:designer.unit.h}</option>
		<option value="d" selected={5}>{t:designer.unit.d}</option>
	</select>
</div>`}

// delayEditorBasisView is the date field the delay counts from and the
// time of day.
var delayEditorBasisView = &view{name: "delay-editor-basis", src: `
<div class="delay-editor__row">
	<label class="delay-editor__label">{t:designer.delay.basis}</label>
	<select class="designer-input delay-editor__basis" aria-label={t:designer.delay.basis} @change={0}>{1}</select>
	<input type="time" class="designer-input delay-editor__time" aria-label={t:designer.delay.time}
		title={t:designer.delay.time} value={2} @change={3} />
</div>`}

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
			Attr("data-testid", id).
			OnChange(func(ctx app.Context, e app.Event) { onChange(ctx, jsChecked(ctx)) }),
		spanText(label),
	)
}
