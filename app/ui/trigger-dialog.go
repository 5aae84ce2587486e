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
	body := []app.UI{
		lockedNote(d.Locked),
		errorList(d.Errors[""]),
		app.Div().Class("designer-form__field").Body(
			app.Label().For("trigger-name").Class("designer-form__label").Text(i18n.T(lang, "designer.trigger.name")),
			app.Input().ID("trigger-name").Class("designer-input").
				DataSet("testid", "trigger-name").
				Placeholder(ti.ShortName[lang]).
				Value(t.Name).
				OnInput(func(ctx app.Context, e app.Event) { d.draft.Name = jsValue(ctx) }),
			errorNote(joinErrors(d.Errors, "name")),
		),
		app.FieldSet().Class("designer-form__group").Body(
			app.Legend().Class("designer-form__legend").Text(i18n.T(lang, "designer.trigger.individual")),
			d.renderSettings(lang, ti, fields),
		),
		app.FieldSet().Class("designer-form__group").Body(
			app.Legend().Class("designer-form__legend").Text(i18n.T(lang, "designer.trigger.standard")),
			app.Div().Class("designer-form__field").Body(
				app.Span().Class("designer-form__label").Text(i18n.T(lang, "designer.trigger.condition")),
				&ConditionEditor{
					Lang:      lang,
					ID:        "trigger",
					Condition: t.Condition,
					Fields:    fields,
					Users:     users,
					Errors:    conditionErrors(d.Errors, "condition"),
					OnChange:  func(ctx app.Context, c engine.Condition) { d.draft.Condition = c },
				},
			),
			app.Div().Class("designer-form__field").Body(
				app.Label().For("trigger-execby").Class("designer-form__label").Text(i18n.T(lang, "designer.trigger.executeBy")),
				app.Select().ID("trigger-execby").Class("designer-input").
					DataSet("testid", "trigger-execby").
					OnChange(func(ctx app.Context, e app.Event) {
						v := jsValue(ctx)
						if v == "responsible" {
							d.draft.ExecuteBy = engine.ExecuteByResponsible
							return
						}
						n, _ := strconv.Atoi(v)
						d.draft.ExecuteBy, d.draft.ExecuteBySet = n, true
					}).
					Body(
						app.Option().Value("responsible").Selected(execBy == "responsible").Text(i18n.T(lang, "designer.trigger.responsible")),
						app.Range(users).Slice(func(i int) app.UI {
							v := strconv.Itoa(users[i].ID)
							return app.Option().Value(v).Selected(v == execBy).Text(users[i].Name)
						}),
					),
				errorNote(joinErrors(d.Errors, "executeBy")),
			),
			checkbox("trigger-back", i18n.T(lang, "designer.trigger.allowBackwards"), t.AllowBackwards,
				func(ctx app.Context, v bool) { d.draft.AllowBackwards = v }),
		),
	}
	return designerModal(lang, title, "trigger-dialog", "wide", d.onClose, body,
		app.Button().Type("button").Class("button button--secondary").
			Text(i18n.T(lang, "designer.cancel")).OnClick(d.onClose),
		app.Button().Type("button").Class("button button--primary").
			DataSet("testid", "trigger-save").
			Disabled(d.Locked != "").
			Title(d.Locked).
			Text(i18n.T(lang, "designer.save")).OnClick(d.onSave),
	)
}

// renderSettings renders the individual settings of the trigger's code.
func (d *TriggerDialog) renderSettings(lang string, ti engine.TriggerInfo, fields []engine.Field) app.UI {
	if len(ti.Settings) == 0 {
		return app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.trigger.noSettings"))
	}
	return app.Div().Body(app.Range(ti.Settings).Slice(func(i int) app.UI {
		sp := ti.Settings[i]
		return d.renderSetting(lang, sp, fields)
	}))
}

func (d *TriggerDialog) renderSetting(lang string, sp engine.SettingSpec, fields []engine.Field) app.UI {
	id := "trigger-setting-" + sp.Key
	label := sp.Label[lang]
	errMsg := joinErrors(d.Errors, "settings."+sp.Key)
	cur := d.draft.Settings[sp.Key]
	switch {
	case sp.Key == "fields" && sp.Kind == engine.SettingStrings:
		chosen := map[string]bool{}
		for _, f := range stringList(cur) {
			chosen[f] = true
		}
		var watch []engine.Field
		for _, f := range fields {
			if engine.FieldWatchable(f.ID, d.draft.Entity) {
				watch = append(watch, f)
			}
		}
		return app.Div().Class("designer-form__field").Body(
			app.Span().Class("designer-form__label").Text(label),
			app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.trigger.fieldsHint")),
			app.If(len(watch) == 0, func() app.UI {
				return app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.trigger.noFields"))
			}),
			app.Div().Class("designer-form__checks").Body(app.Range(watch).Slice(func(i int) app.UI {
				f := watch[i]
				return checkbox(id+"-"+f.ID, f.Name, chosen[f.ID], func(ctx app.Context, v bool) { d.toggleField(f.ID, v) })
			})),
			errorNote(errMsg),
		)
	case sp.Key == "taskStatus":
		curText := valueText(cur)
		return app.Div().Class("designer-form__field").Body(
			app.Label().For(id).Class("designer-form__label").Text(i18n.T(lang, "designer.trigger.taskStatus")),
			app.Select().ID(id).Class("designer-input").
				OnChange(func(ctx app.Context, e app.Event) { d.setInt(sp.Key, jsValue(ctx)) }).
				Body(
					app.Option().Value("").Selected(curText == "").Text(i18n.T(lang, "designer.trigger.any")),
					app.Range(7).Slice(func(i int) app.UI {
						v := strconv.Itoa(i + 1)
						return app.Option().Value(v).Selected(v == curText).Text(v + " — " + i18n.T(lang, "designer.task."+v))
					}),
				),
			errorNote(errMsg),
		)
	case sp.Kind == engine.SettingCondition:
		var cond engine.Condition
		if c, ok := cur.(engine.Condition); ok {
			cond = c
		}
		var cf []engine.Field
		switch sp.Key {
		case "taskCondition":
			cf = plainFields("TITLE", "STATUS", "RESPONSIBLE_ID", "DEADLINE", "PRIORITY")
		case "shipmentCondition":
			cf = plainFields("STATUS_ID", "DELIVERY_ID", "TRACKING_NUMBER", "DEDUCTED", "ALLOW_DELIVERY")
		default:
			cf = plainFields("CONFIG_ID", "ANSWER_TIME_SEC", "OPERATOR_ID", "DATE_LAST_MESSAGE")
		}
		key := sp.Key
		return app.Div().Class("designer-form__field").Body(
			app.Span().Class("designer-form__label").Text(label),
			&ConditionEditor{
				Lang:      lang,
				ID:        "trigger-" + key,
				Condition: cond,
				Fields:    cf,
				Errors:    conditionErrors(d.Errors, "settings."+key),
				OnChange: func(ctx app.Context, c engine.Condition) {
					if len(c) == 0 {
						delete(d.draft.Settings, key)
						return
					}
					d.draft.Settings[key] = c
				},
			},
			errorNote(errMsg),
		)
	case sp.Kind == engine.SettingInt:
		return app.Div().Class("designer-form__field").Body(
			app.Label().For(id).Class("designer-form__label").Text(label),
			app.Input().ID(id).Type("number").Min(0).Class("designer-input designer-input--short").
				DataSet("testid", id).
				Placeholder(i18n.T(lang, "designer.trigger.any")).
				Value(valueText(cur)).
				OnChange(func(ctx app.Context, e app.Event) { d.setInt(sp.Key, jsValue(ctx)) }),
			app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.trigger.anyHint")),
			errorNote(errMsg),
		)
	}
	// Strings: url, LINE_NUMBER, code, APP_ID, CODE, msg_text, ownerId.
	s, _ := cur.(string)
	return app.Div().Class("designer-form__field").Body(
		app.Label().For(id).Class("designer-form__label").Text(label),
		app.Input().ID(id).Class("designer-input").
			DataSet("testid", id).
			Value(s).
			OnInput(func(ctx app.Context, e app.Event) { d.setString(sp.Key, jsValue(ctx)) }),
		app.If(d.draft.Code == "WEBHOOK" && sp.Key == "code", func() app.UI {
			url := design.WebhookURL(i18n.T(lang, "designer.trigger.portal"), "xxxxxxxxxxxxxxxx", d.draft.Entity, s)
			return app.Div().Class("designer-webhook").Body(
				app.Span().Class("designer-form__label").Text(i18n.T(lang, "designer.trigger.webhookUrl")),
				app.Code().Class("designer-webhook__url").DataSet("testid", "webhook-url").Text(url),
				app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.trigger.webhookHint")),
			)
		}),
		app.If(d.draft.Code != "WEBHOOK", func() app.UI {
			return app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.trigger.anyHint"))
		}),
		errorNote(errMsg),
	)
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
