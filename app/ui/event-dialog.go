package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/engine"
)

// EventDialog composes an event: its target (the item, an e-mail or task
// bound to it, or a client), a trigger code the target's entity supports
// (grouped like the catalogue), the code's data inputs and who does it.
// It fires the event now, or, with Script set, adds it to the scenario's
// script at a time.
type EventDialog struct {
	app.Compo

	Lang string
	// Target is the preselected target.
	Target string
	// Entity is the entity type of the item the dialog was opened for
	// ("" when opened for clients).
	Entity  string
	Targets []simulate.Target
	Users   []simulate.Target
	// Script switches to adding a script event at a time.
	Script bool
	// At is the preset time of a script event ("+1h").
	At string
	// Code, Values and By preset the code, the data inputs (by key) and
	// the user id when editing a script event.
	Code   string
	Values map[string]string
	By     string

	OnSubmit func(ctx app.Context, at string, ev engine.Event)
	OnClose  func(ctx app.Context)

	target string
	code   string
	values map[string]string
	by     string
	at     string
	err    string
}

// OnMount focuses the first input so the dialog can be used by keyboard.
func (d *EventDialog) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { focusFirst(".event-dialog") })
}

// Render implements app.Composer.
func (d *EventDialog) Render() app.UI {
	target := d.currentTarget()
	groups := simulate.Codes(d.entityOf(target), d.Lang)
	code := d.currentCode(groups)
	keys := simulate.DataKeys(code, d.Lang)
	if d.Script && code == engine.CodeMove {
		keys = []simulate.DataKey{{Key: "stage", Kind: engine.SettingString, Label: i18n.T(d.Lang, "board.item.stage")}}
	}
	title := i18n.T(d.Lang, "board.event.title")
	if d.Script {
		title = i18n.T(d.Lang, "board.timeline.addTitle")
	}
	var at, errNote app.UI
	if d.Script {
		v := d.at
		if v == "" {
			v = d.At
		}
		at = eventDialogAtView.el(d.Lang, v, d.onAt)
	}
	if d.err != "" {
		errNote = eventDialogErrorView.el(d.Lang, d.err)
	}
	targets := make([]app.UI, len(d.Targets))
	for i, t := range d.Targets {
		targets[i] = option(t.ID, t.ID == target, t.Label)
	}
	codes := make([]app.UI, 0, len(groups)+1)
	if d.Script {
		codes = append(codes, option(engine.CodeMove, code == engine.CodeMove, simulate.CodeName(engine.CodeMove, d.Lang)))
	}
	for _, g := range groups {
		opts := make([]app.UI, len(g.Codes))
		for j, c := range g.Codes {
			opts[j] = option(c.ID, c.ID == code, c.Label)
		}
		codes = append(codes, app.Elem("optgroup").Attr("label", g.Name).Body(opts...))
	}
	by := d.currentBy()
	users := make([]app.UI, 0, len(d.Users)+1)
	users = append(users, option("", by == "", i18n.T(d.Lang, "board.event.byDefault")))
	for _, u := range d.Users {
		users = append(users, option(u.ID, u.ID == by, u.Label))
	}
	inputs := make([]app.UI, len(keys))
	for i, k := range keys {
		typ := "text"
		if k.Kind == engine.SettingInt {
			typ = "number"
		}
		inputs[i] = eventDialogKeyView.el(d.Lang, k.Label+" ("+k.Key+")", typ, k.Key, d.value(k.Key), d.onKey)
	}
	return modal(d.Lang, "event-dialog", title, d.onClose,
		eventDialogFormView.el(d.Lang, code, d.onSubmit, at, d.onTarget, targets, d.onCode, codes, inputs,
			d.onBy, users, errNote, d.onCancel, d.submitText()),
	)
}

// eventDialogFormView is the dialog's form: the time field (a script
// event's), target, code, the code's data inputs, who does it, the error
// and the buttons. data-code is the event the form will fire: tests wait
// for it after picking a code, before they submit.
var eventDialogFormView = &view{name: "event-dialog-form", src: `
<form class="form" data-code={0} @submit={1}>
	{2}
	<label class="form__row">
		<span class="form__label">{t:board.event.target}</span>
		<select class="form__input" data-testid="event-target" @change={3}>{4}</select>
	</label>
	<label class="form__row">
		<span class="form__label">{t:board.event.code}</span>
		<select class="form__input" data-testid="event-code" @change={5}>{6}</select>
	</label>
	{7}
	<label class="form__row">
		<span class="form__label">{t:board.event.by}</span>
		<select class="form__input" data-testid="event-by" @change={8}>{9}</select>
	</label>
	{10}
	<div class="form__actions">
		<button type="button" class="button" @click={11}>{t:board.cancel}</button>
		<button type="submit" class="button button--primary" data-testid="event-submit">{12}</button>
	</div>
</form>`}

// eventDialogAtView is a script event's time field.
var eventDialogAtView = &view{name: "event-dialog-at", src: `
<label class="form__row">
	<span class="form__label">{t:board.timeline.at}</span>
	<input class="form__input" type="text" data-testid="event-at" value={0} @input={1} />
	<span class="form__hint">{t:board.timeline.atHint}</span>
</label>`}

// eventDialogKeyView is the field of one of the code's data inputs, which
// onKey tells apart by data-key.
var eventDialogKeyView = &view{name: "event-dialog-key", src: `
<label class="form__row">
	<span class="form__label">{0}</span>
	<input class="form__input" type={1} data-key={2} value={3} @input={4} />
</label>`}

// eventDialogErrorView is why the event was refused.
var eventDialogErrorView = &view{name: "event-dialog-error", src: `<p class="form__error" role="alert">{0}</p>`}

func (d *EventDialog) onAt(ctx app.Context, e app.Event) { d.at = jsValue(ctx) }

// onKey stores the event data input that fired (its data-key).
func (d *EventDialog) onKey(ctx app.Context, e app.Event) {
	d.setValue(ctx.JSSrc().Get("dataset").Get("key").String(), jsValue(ctx))
}

func (d *EventDialog) onBy(ctx app.Context, e app.Event) { d.by = jsValue(ctx) }

func (d *EventDialog) onCancel(ctx app.Context, e app.Event) { d.onClose(ctx) }

func (d *EventDialog) submitText() string {
	if d.Script {
		return i18n.T(d.Lang, "board.timeline.add")
	}
	return i18n.T(d.Lang, "board.event.fire")
}

func (d *EventDialog) currentTarget() string {
	if d.target != "" {
		return d.target
	}
	if d.Target != "" {
		return d.Target
	}
	if len(d.Targets) > 0 {
		return d.Targets[0].ID
	}
	return ""
}

// entityOf is the entity whose triggers an event on target can reach:
// the item's own, the bound item's for an e-mail or a task, none for a
// client (every code).
func (d *EventDialog) entityOf(target string) string {
	if e := simulate.EntityOf(target); e != "" {
		return e
	}
	typ, _, _ := engine.ParseTarget(target)
	if typ == "EMAIL" || typ == "TASK" {
		return d.Entity
	}
	return ""
}

func (d *EventDialog) currentCode(groups []simulate.CodeGroup) string {
	want := d.code
	if want == "" {
		want = d.Code
	}
	if want == engine.CodeMove && d.Script {
		return want
	}
	for _, g := range groups {
		for _, c := range g.Codes {
			if c.ID == want {
				return want
			}
		}
	}
	if len(groups) > 0 && len(groups[0].Codes) > 0 {
		return groups[0].Codes[0].ID
	}
	return ""
}

func (d *EventDialog) onTarget(ctx app.Context, e app.Event) {
	d.target = ctx.JSSrc().Get("value").String()
}

func (d *EventDialog) onCode(ctx app.Context, e app.Event) {
	d.code = ctx.JSSrc().Get("value").String()
	d.values = map[string]string{}
}

// value is a data input's text: typed, else preset.
func (d *EventDialog) value(key string) string {
	if d.values != nil {
		return d.values[key]
	}
	return d.Values[key]
}

func (d *EventDialog) setValue(key, v string) {
	if d.values == nil {
		d.values = map[string]string{}
		for k, x := range d.Values {
			d.values[k] = x
		}
	}
	d.values[key] = v
}

func (d *EventDialog) currentBy() string {
	if d.by != "" {
		return d.by
	}
	return d.By
}

func (d *EventDialog) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	target := d.currentTarget()
	code := d.currentCode(simulate.Codes(d.entityOf(target), d.Lang))
	var data map[string]any
	values := d.values
	if values == nil {
		values = d.Values
	}
	if d.Script && code == engine.CodeMove {
		data = map[string]any{"stage": values["stage"]}
	} else {
		var err error
		if data, err = simulate.EventData(code, values); err != nil {
			d.err = engine.ErrorMessage(err, i18n.Normalize(d.Lang))
			return
		}
	}
	by, _ := strconv.Atoi(d.currentBy())
	at := d.at
	if at == "" {
		at = d.At
	}
	if d.OnSubmit != nil {
		d.OnSubmit(ctx, at, engine.Event{Code: code, Target: target, Data: data, By: by})
	}
}

func (d *EventDialog) onClose(ctx app.Context) {
	if d.OnClose != nil {
		d.OnClose(ctx)
	}
}

// modal is the shared frame of the page's dialogs: an overlay, a titled
// box, Escape and the close button call onClose. DialogFocus keeps the
// keyboard inside while it is open and gives the focus back to the opener.
func modal(lang, class, title string, onClose func(app.Context), body ...app.UI) app.UI {
	return modalView.el(lang,
		func(ctx app.Context, e app.Event) {
			if e.Get("key").String() == "Escape" {
				onClose(ctx)
			}
		},
		"modal__dialog "+class, class+"-title", class, title,
		func(ctx app.Context, e app.Event) { onClose(ctx) },
		body, &DialogFocus{})
}

// modalView is a dialog's frame: {2} is the title's id, which labels the
// dialog, {3} its data-testid.
var modalView = &view{name: "modal", src: `
<div class="modal" @keydown={0}>
	<div class={1} role="dialog" aria-modal="true" aria-labelledby={2} data-testid={3}>
		<div class="modal__head">
			<h2 id={2} class="modal__title">{4}</h2>
			<button type="button" class="modal__close" aria-label={t:board.close} @click={5}>×</button>
		</div>
		<div class="modal__body">{6}</div>
	</div>
	{7}
</div>`}

// field is a labelled form row.
func field(label, hint string, input app.UI) app.UI {
	return elc("label", "form__row").Body(
		spanc("form__label", label),
		input,
		app.If(hint != "", func() app.UI { return spanc("form__hint", hint) }),
	)
}

// focusFirst focuses the first input of the element matching selector.
func focusFirst(selector string) {
	if !app.IsClient {
		return
	}
	el := app.Window().Get("document").Call("querySelector", selector+" select, "+selector+" input")
	if el.Truthy() {
		el.Call("focus")
	}
}
