package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// TriggerDialog is a trigger's settings: «Название триггера», the
// individual settings of its code (link, line number, form, watched
// fields, webhook code with its URL, application, open line, document
// template, task status, delivery service, shipment condition) and the
// standard settings: «При условии», «Изменять стадию от имени» and
// «Разрешить переход на предыдущий статус». Errors of a refused save are
// shown next to their fields.
type TriggerDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Scenario gives the users, fields and stages to choose from.
	Scenario *engine.Scenario
	// Trigger is the trigger as saved.
	Trigger engine.Trigger
	// Errors are the messages of the last refused save, by field key.
	Errors map[string][]string
	// OnSave receives the edited trigger; OnClose is called on cancel.
	OnSave  func(ctx app.Context, t engine.Trigger)
	OnClose func(ctx app.Context)
	// Locked says why a lesson's trainee may not change this trigger:
	// the settings are shown and saving is disabled.
	Locked string

	draft   engine.Trigger
	draftOf string
}

// OnMount starts the draft from the saved trigger.
func (d *TriggerDialog) OnMount(ctx app.Context) { d.reset() }

// OnUpdate restarts the draft when another trigger is shown.
func (d *TriggerDialog) OnUpdate(ctx app.Context) {
	if d.draftOf != d.Trigger.ID {
		d.reset()
	}
}

func (d *TriggerDialog) reset() {
	t := d.Trigger
	t.Settings = cloneSettings(t.Settings)
	t.Condition = append(engine.Condition(nil), t.Condition...)
	d.draft, d.draftOf = t, t.ID
}

func cloneSettings(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case []string:
			out[k] = append([]string(nil), v...)
		case engine.Condition:
			out[k] = append(engine.Condition(nil), v...)
		default:
			out[k] = v
		}
	}
	return out
}

// Render implements app.Composer.
func (d *TriggerDialog) Render() app.UI {
	lang := i18n.Normalize(d.Lang)
	if d.draftOf != d.Trigger.ID {
		d.reset()
	}
	t := d.draft
	ti, _ := engine.LookupTrigger(t.Code)
	fields := conditionFields(lang, d.Scenario, t.Entity)
	var users []engine.User
	if d.Scenario != nil {
		users = d.Scenario.Users
	}
	execBy := "responsible"
	if t.ExecuteBy != engine.ExecuteByResponsible {
		execBy = strconv.Itoa(t.ExecuteBy)
	}
	title := i18n.T(lang, "designer.trigger.title") + ": " + ti.Name[lang]
	userOpts := make([]app.UI, 0, len(users)+1)
	userOpts = append(userOpts, option("responsible", execBy == "responsible", i18n.T(lang, "designer.trigger.responsible")))
	for _, u := range users {
		v := strconv.Itoa(u.ID)
		userOpts = append(userOpts, option(v, v == execBy, u.Name))
	}
	body := append([]app.UI{lockedNote(d.Locked), errorList(d.Errors[""])},
		triggerDialogBodyView.els(lang,
			t.Name, ti.ShortName[lang], d.onName, errorNote(joinErrors(d.Errors, "name")),
			d.renderSettings(lang, ti, fields),
			&ConditionEditor{
				Lang:      lang,
				ID:        "trigger",
				Condition: t.Condition,
				Fields:    fields,
				Users:     users,
				Errors:    conditionErrors(d.Errors, "condition"),
				OnChange:  d.onCondition,
			},
			d.onExecBy, userOpts, errorNote(joinErrors(d.Errors, "executeBy")),
			checkbox("trigger-back", i18n.T(lang, "designer.trigger.allowBackwards"), t.AllowBackwards, d.onBackwards),
		)...)
	return designerModal(lang, title, "trigger-dialog", "wide", d.onClose, body,
		designerDialogFootView.els(lang, d.onClose, "trigger-save", d.Locked != "", d.Locked, d.onSave)...)
}

// triggerDialogBodyView is the dialog's body after the notes: the name,
// the individual settings ({4}) and the standard ones: the condition, who
// moves the item and «Разрешить переход на предыдущий статус» ({9}).
var triggerDialogBodyView = &view{name: "trigger-dialog-body", src: `
<div class="designer-form__field">
	<label for="trigger-name" class="designer-form__label">{t:designer.trigger.name}</label>
	<input id="trigger-name" class="designer-input" data-testid="trigger-name" value={0} placeholder={1} @input={2} />
	{3}
</div>
<fieldset class="designer-form__group">
	<legend class="designer-form__legend">{t:designer.trigger.individual}</legend>
	{4}
</fieldset>
<fieldset class="designer-form__group">
	<legend class="designer-form__legend">{t:designer.trigger.standard}</legend>
	<div class="designer-form__field">
		<span class="designer-form__label">{t:designer.trigger.condition}</span>
		{5}
	</div>
	<div class="designer-form__field">
		<label for="trigger-execby" class="designer-form__label">{t:designer.trigger.executeBy}</label>
		<select id="trigger-execby" class="designer-input" data-testid="trigger-execby" @change={6}>{7}</select>
		{8}
	</div>
	{9}
</fieldset>`}

// designerDialogFootView is the footer of the trigger and robot dialogs:
// cancel, and save ({1} its data-testid), disabled with its reason as
// title while the dialog is locked.
var designerDialogFootView = &view{name: "designer-dialog-foot", src: `
<button type="button" class="button button--secondary" @click={0}>{t:designer.cancel}</button>
<button type="button" class="button button--primary" data-testid={1} disabled={2} title={3} @click={4}>{t:designer.save}</button>`}

func (d *TriggerDialog) onName(ctx app.Context, e app.Event) { d.draft.Name = jsValue(ctx) }

func (d *TriggerDialog) onCondition(ctx app.Context, c engine.Condition) { d.draft.Condition = c }

func (d *TriggerDialog) onBackwards(ctx app.Context, v bool) { d.draft.AllowBackwards = v }

func (d *TriggerDialog) onExecBy(ctx app.Context, e app.Event) {
	v := jsValue(ctx)
	if v == "responsible" {
		d.draft.ExecuteBy = engine.ExecuteByResponsible
		return
	}
	n, _ := strconv.Atoi(v)
	d.draft.ExecuteBy, d.draft.ExecuteBySet = n, true
}

// renderSettings renders the individual settings of the trigger's code.
func (d *TriggerDialog) renderSettings(lang string, ti engine.TriggerInfo, fields []engine.Field) app.UI {
	if len(ti.Settings) == 0 {
		return formHint(i18n.T(lang, "designer.trigger.noSettings"))
	}
	rows := make([]app.UI, len(ti.Settings))
	for i, sp := range ti.Settings {
		rows[i] = d.renderSetting(lang, sp, fields)
	}
	return app.Elem("div").Body(rows...)
}

// settingConditionFields are the fields a condition setting may test, by
// its key (the open line's condition is the default).
var settingConditionFields = map[string][]string{
	"taskCondition":     {"TITLE", "STATUS", "RESPONSIBLE_ID", "DEADLINE", "PRIORITY"},
	"shipmentCondition": {"STATUS_ID", "DELIVERY_ID", "TRACKING_NUMBER", "DEDUCTED", "ALLOW_DELIVERY"},
	"":                  {"CONFIG_ID", "ANSWER_TIME_SEC", "OPERATOR_ID", "DATE_LAST_MESSAGE"},
}

func (d *TriggerDialog) renderSetting(lang string, sp engine.SettingSpec, fields []engine.Field) app.UI {
	id := "trigger-setting-" + sp.Key
	label := sp.Label[lang]
	cur := d.draft.Settings[sp.Key]
	errs := errorNote(joinErrors(d.Errors, "settings."+sp.Key))
	switch {
	case sp.Key == "fields" && sp.Kind == engine.SettingStrings:
		chosen := map[string]bool{}
		for _, f := range stringList(cur) {
			chosen[f] = true
		}
		var checks []app.UI
		for _, f := range fields {
			if engine.FieldWatchable(f.ID, d.draft.Entity) {
				checks = append(checks, checkboxH(id+"-"+f.ID, f.Name, chosen[f.ID], d.onToggleField))
			}
		}
		var none app.UI
		if len(checks) == 0 {
			none = formHint(i18n.T(lang, "designer.trigger.noFields"))
		}
		return triggerDialogFieldsView.el(lang, label, none, checks, errs)
	case sp.Key == "taskStatus":
		curText := valueText(cur)
		opts := make([]app.UI, 8)
		opts[0] = option("", curText == "", i18n.T(lang, "designer.trigger.any"))
		for i := 1; i < len(opts); i++ {
			v := strconv.Itoa(i)
			opts[i] = option(v, v == curText, v+" — "+i18n.T(lang, "designer.task."+v))
		}
		return triggerDialogTaskStatusView.el(lang, id, d.onSetting, opts, errs)
	case sp.Kind == engine.SettingCondition:
		cond, _ := cur.(engine.Condition)
		ids, ok := settingConditionFields[sp.Key]
		if !ok {
			ids = settingConditionFields[""]
		}
		key := sp.Key
		return triggerDialogConditionView.el(lang, label, &ConditionEditor{
			Lang:      lang,
			ID:        "trigger-" + key,
			Condition: cond,
			Fields:    plainFields(ids...),
			Errors:    conditionErrors(d.Errors, "settings."+key),
			OnChange: func(ctx app.Context, c engine.Condition) {
				if len(c) == 0 {
					delete(d.draft.Settings, key)
					return
				}
				d.draft.Settings[key] = c
			},
		}, errs)
	case sp.Kind == engine.SettingInt:
		return triggerDialogIntView.el(lang, id, label, valueText(cur), d.onSetting, errs)
	}
	// Strings: url, LINE_NUMBER, code, APP_ID, CODE, msg_text, ownerId.
	s, _ := cur.(string)
	var after app.UI
	if d.draft.Code != "WEBHOOK" {
		after = formHint(i18n.T(lang, "designer.trigger.anyHint"))
	} else if sp.Key == "code" {
		url := design.WebhookURL(i18n.T(lang, "designer.trigger.portal"), "xxxxxxxxxxxxxxxx", d.draft.Entity, s)
		after = triggerDialogWebhookView.el(lang, url)
	}
	return triggerDialogStringView.el(lang, id, label, s, d.onSetting, after, errs)
}

// triggerDialogFieldsView is the setting of the watched fields: a
// checkbox a field ({2}), or why there is none ({1}).
var triggerDialogFieldsView = &view{name: "trigger-dialog-fields", src: `
<div class="designer-form__field">
	<span class="designer-form__label">{0}</span>
	<p class="designer-form__hint">{t:designer.trigger.fieldsHint}</p>
	{1}
	<div class="designer-form__checks">{2}</div>
	{3}
</div>`}

// triggerDialogTaskStatusView is the setting of the task status: any, or
// one of the seven.
var triggerDialogTaskStatusView = &view{name: "trigger-dialog-task-status", src: `
<div class="designer-form__field">
	<label for={0} class="designer-form__label">{t:designer.trigger.taskStatus}</label>
	<select id={0} class="designer-input" @change={1}>{2}</select>
	{3}
</div>`}

// triggerDialogConditionView is a condition setting: its label and its
// condition editor ({1}).
var triggerDialogConditionView = &view{name: "trigger-dialog-condition", src: `
<div class="designer-form__field">
	<span class="designer-form__label">{0}</span>
	{1}
	{2}
</div>`}

// triggerDialogIntView is a number setting, empty for any.
var triggerDialogIntView = &view{name: "trigger-dialog-int", src: `
<div class="designer-form__field">
	<label for={0} class="designer-form__label">{1}</label>
	<input id={0} class="designer-input designer-input--short" data-testid={0} value={2} type="number" min="0" placeholder={t:designer.trigger.any} @change={3} />
	<p class="designer-form__hint">{t:designer.trigger.anyHint}</p>
	{4}
</div>`}

// triggerDialogStringView is a text setting, with the hint or the
// webhook's URL after the input ({4}).
var triggerDialogStringView = &view{name: "trigger-dialog-string", src: `
<div class="designer-form__field">
	<label for={0} class="designer-form__label">{1}</label>
	<input id={0} class="designer-input" data-testid={0} value={2} @input={3} />
	{4}
	{5}
</div>`}

// triggerDialogWebhookView is the URL the webhook's code makes.
var triggerDialogWebhookView = &view{name: "trigger-dialog-webhook", src: `
<div class="designer-webhook">
	<span class="designer-form__label">{t:designer.trigger.webhookUrl}</span>
	<code class="designer-webhook__url" data-testid="webhook-url">{0}</code>
	<p class="designer-form__hint">{t:designer.trigger.webhookHint}</p>
</div>`}

// onSetting stores the value of the setting input that fired: its id is
// "trigger-setting-" and the key; the catalogue says whether it is a number.
func (d *TriggerDialog) onSetting(ctx app.Context, e app.Event) {
	key := strings.TrimPrefix(ctx.JSSrc().Get("id").String(), "trigger-setting-")
	ti, _ := engine.LookupTrigger(d.draft.Code)
	for _, sp := range ti.Settings {
		if sp.Key == key && (sp.Kind == engine.SettingInt || key == "taskStatus") {
			d.setInt(key, jsValue(ctx))
			return
		}
	}
	d.setString(key, jsValue(ctx))
}

// onToggleField adds or removes the watched field of the checkbox that
// fired (its id is "trigger-setting-fields-" and the field).
func (d *TriggerDialog) onToggleField(ctx app.Context, e app.Event) {
	id := strings.TrimPrefix(ctx.JSSrc().Get("id").String(), "trigger-setting-fields-")
	d.toggleField(id, jsChecked(ctx))
}

func stringList(v any) []string {
	switch v := v.(type) {
	case []string:
		return v
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func (d *TriggerDialog) toggleField(id string, on bool) {
	var next []string
	for _, f := range stringList(d.draft.Settings["fields"]) {
		if f != id {
			next = append(next, f)
		}
	}
	if on {
		next = append(next, id)
	}
	if len(next) == 0 {
		delete(d.draft.Settings, "fields")
		return
	}
	d.draft.Settings["fields"] = next
}

func (d *TriggerDialog) setInt(key, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		delete(d.draft.Settings, key)
		return
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		d.draft.Settings[key] = v // the reader explains what is wrong
		return
	}
	d.draft.Settings[key] = n
}

func (d *TriggerDialog) setString(key, v string) {
	if v == "" {
		delete(d.draft.Settings, key)
		return
	}
	d.draft.Settings[key] = v
}

func (d *TriggerDialog) onSave(ctx app.Context, e app.Event) {
	if d.OnSave == nil {
		return
	}
	t := d.draft
	t.Settings = cloneSettings(d.draft.Settings)
	if len(t.Settings) == 0 {
		t.Settings = nil
	}
	if len(t.Condition) == 0 {
		t.Condition = nil
	}
	d.OnSave(ctx, t)
}

func (d *TriggerDialog) onClose(ctx app.Context, e app.Event) {
	if d.OnClose != nil {
		d.OnClose(ctx)
	}
}
