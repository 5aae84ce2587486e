package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/engine"
)

// ItemDialog adds an item (a CREATE event) or, with Target set, edits its
// fields (an UPDATE event) and shows its history.
type ItemDialog struct {
	app.Compo

	Lang   string
	Target string
	Entity string
	// Stages are the stages a new item can start in; Stage is the preset.
	Stages []simulate.Target
	Stage  string
	Fields []simulate.Field
	// Values are the item's current field values as input text.
	Values    map[string]string
	Users     []simulate.Target
	Contacts  []simulate.Target
	Companies []simulate.Target
	Parents   []simulate.Target
	History   []simulate.Line

	OnSubmit func(ctx app.Context, ev engine.Event)
	OnClose  func(ctx app.Context)

	edited  map[string]string
	stage   string
	contact string
	company string
	parent  string
	err     string
}

// OnMount focuses the first input.
func (d *ItemDialog) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { focusFirst(".item-dialog") })
}

// Render implements app.Composer.
func (d *ItemDialog) Render() app.UI {
	creating := d.Target == ""
	title := i18n.T(d.Lang, "board.item.addTitle") + " — " + engine.EntityName(d.Entity, d.Lang)
	if !creating {
		title = d.Target
		if t := d.Values["TITLE"]; t != "" {
			title = t + " · " + d.Target
		}
	}
	grid := make([]app.UI, 0, len(d.Fields)+1)
	// The title first, as in Bitrix24's item form.
	for _, f := range d.Fields {
		if f.ID == "TITLE" {
			grid = append(grid, d.fieldInput(f, "item-dialog__wide"))
		}
	}
	if creating {
		links := simulate.LinksOf(d.Entity)
		var contact, company, parent app.UI
		if links.Contact {
			contact = field(engine.EntityName("CONTACT", d.Lang), "", d.selectOf("item-contact", d.Contacts, d.contact, true, d.onContact))
		}
		if links.Company {
			company = field(engine.EntityName("COMPANY", d.Lang), "", d.selectOf("item-company", d.Companies, d.company, true, d.onCompany))
		}
		if links.Parent {
			parent = field(i18n.T(d.Lang, "board.item.parent"), "", d.selectOf("item-parent", d.Parents, d.parent, true, d.onParent))
		}
		grid = append(grid, itemDialogLinksView.el(d.Lang,
			d.selectOf("item-stage", d.Stages, d.pick(d.stage, d.Stage), false, d.onStage),
			contact, company, parent))
	}
	for _, f := range d.Fields {
		switch f.ID {
		case "TITLE":
		case "COMMENTS":
			grid = append(grid, d.fieldInput(f, "item-dialog__wide"))
		default:
			grid = append(grid, d.fieldInput(f, ""))
		}
	}
	var errNote, history app.UI
	if d.err != "" {
		errNote = itemDialogErrorView.el(d.Lang, d.err)
	}
	if !creating {
		history = &ItemHistory{Lang: d.Lang, Target: d.Target, Lines: d.History}
	}
	return modal(d.Lang, "item-dialog", title, d.onClose,
		itemDialogLayoutView.el(d.Lang, d.onSubmit, grid, errNote, d.onCancel, d.submitText(creating), history))
}

// itemDialogLayoutView is the dialog's body: the form of the fields
// ({1}), its error and buttons, and the item's history beside it ({5}).
var itemDialogLayoutView = &view{name: "item-dialog-layout", src: `
<div class="item-dialog__layout">
	<form class="form item-dialog__form" @submit={0}>
		<div class="item-dialog__grid">{1}</div>
		{2}
		<div class="form__actions">
			<button type="button" class="button" @click={3}>{t:board.cancel}</button>
			<button type="submit" class="button button--primary" data-testid="item-submit">{4}</button>
		</div>
	</form>
	{5}
</div>`}

// itemDialogLinksView is where a new item starts and what it is bound
// to: the stage select ({0}), then the contact, company and parent rows.
var itemDialogLinksView = &view{name: "item-dialog-links", src: `
<div class="item-dialog__links">
	<label class="form__row">
		<span class="form__label">{t:board.item.stage}</span>
		{0}
	</label>
	{1}
	{2}
	{3}
</div>`}

// itemDialogErrorView is why the item was refused.
var itemDialogErrorView = &view{name: "item-dialog-error", src: `<p class="form__error" role="alert">{0}</p>`}

// itemDialogInputView is a field's text, number or date input, which
// onFieldInput tells apart by data-field.
var itemDialogInputView = &view{name: "item-dialog-input", src: `
<input class="form__input" type={0} data-field={1} value={2} @input={3} />`}

func (d *ItemDialog) onCancel(ctx app.Context, e app.Event)  { d.onClose(ctx) }
func (d *ItemDialog) onStage(ctx app.Context, e app.Event)   { d.stage = jsValue(ctx) }
func (d *ItemDialog) onContact(ctx app.Context, e app.Event) { d.contact = jsValue(ctx) }
func (d *ItemDialog) onCompany(ctx app.Context, e app.Event) { d.company = jsValue(ctx) }
func (d *ItemDialog) onParent(ctx app.Context, e app.Event)  { d.parent = jsValue(ctx) }

// onFieldInput stores the field input that fired (its data-field).
func (d *ItemDialog) onFieldInput(ctx app.Context, e app.Event) {
	d.set(ctx.JSSrc().Get("dataset").Get("field").String(), jsValue(ctx))
}

// onFieldSelect stores the user field select that fired (its data-testid
// is "field-" and the field).
func (d *ItemDialog) onFieldSelect(ctx app.Context, e app.Event) {
	d.set(strings.TrimPrefix(ctx.JSSrc().Get("dataset").Get("testid").String(), "field-"), jsValue(ctx))
}

// fieldInput is one field's labelled input: a user list for a user field,
// else a text, number or date input.
func (d *ItemDialog) fieldInput(f simulate.Field, class string) app.UI {
	var input app.UI
	if f.Type == engine.FieldUser {
		input = d.selectOf("field-"+f.ID, d.Users, d.value(f.ID), true, d.onFieldSelect)
	} else {
		typ := "text"
		switch f.Type {
		case engine.FieldNumber, engine.FieldMoney:
			typ = "number"
		case engine.FieldDate:
			typ = "date"
		}
		input = itemDialogInputView.el(d.Lang, typ, f.ID, d.value(f.ID), d.onFieldInput)
	}
	row := field(f.Name, "", input)
	if class == "" {
		return row
	}
	return divc(class, row)
}

func (d *ItemDialog) submitText(creating bool) string {
	if creating {
		return i18n.T(d.Lang, "board.item.create")
	}
	return i18n.T(d.Lang, "board.item.save")
}

func (d *ItemDialog) pick(state, preset string) string {
	if state != "" {
		return state
	}
	if preset != "" {
		return preset
	}
	if len(d.Stages) > 0 {
		return d.Stages[0].ID
	}
	return ""
}

func (d *ItemDialog) value(id string) string {
	if v, ok := d.edited[id]; ok {
		return v
	}
	return d.Values[id]
}

func (d *ItemDialog) set(id, v string) {
	if d.edited == nil {
		d.edited = map[string]string{}
	}
	d.edited[id] = v
}

func (d *ItemDialog) selectOf(testid string, opts []simulate.Target, selected string, none bool, onChange app.EventHandler) app.UI {
	list := make([]app.UI, 0, len(opts)+1)
	if none {
		list = append(list, option("", selected == "", i18n.T(d.Lang, "board.none")))
	}
	for _, o := range opts {
		list = append(list, option(o.ID, o.ID == selected, o.Label))
	}
	return elct("select", "form__input", testid).OnChange(onChange).Body(list...)
}

func (d *ItemDialog) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	fields := map[string]any{}
	for _, f := range d.Fields {
		raw, changed := d.edited[f.ID]
		if !changed || (d.Target != "" && raw == d.Values[f.ID]) {
			continue
		}
		v, err := simulate.FieldValue(f.Type, raw)
		if err != nil {
			d.err = f.Name + ": " + engine.ErrorMessage(err, i18n.Normalize(d.Lang))
			return
		}
		if v == nil && d.Target == "" {
			continue
		}
		fields[f.ID] = v
	}
	var ev engine.Event
	if d.Target == "" {
		ev = simulate.CreateEvent(d.Entity, d.pick(d.stage, d.Stage), fields, idOf(d.contact), idOf(d.company), d.parent, 0)
	} else {
		if len(fields) == 0 {
			d.onClose(ctx)
			return
		}
		ev = simulate.UpdateEvent(d.Target, fields, 0)
	}
	if d.OnSubmit != nil {
		d.OnSubmit(ctx, ev)
	}
}

func (d *ItemDialog) onClose(ctx app.Context) {
	if d.OnClose != nil {
		d.OnClose(ctx)
	}
}

// idOf reads n of "CONTACT_n"; 0 for "".
func idOf(target string) int {
	_, n, ok := engine.ParseTarget(target)
	if !ok {
		return 0
	}
	return n
}

// userOptions lists the scenario's users for selects, values being ids.
func userOptions(sc *engine.Scenario) []simulate.Target {
	out := make([]simulate.Target, 0, len(sc.Users))
	for _, u := range sc.Users {
		out = append(out, simulate.Target{ID: strconv.Itoa(u.ID), Label: u.Name})
	}
	return out
}
