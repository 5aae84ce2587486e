package ui

import (
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// RobotDialog is a robot's settings: its name, the params of its type, the
// time setting («Сразу», «Через», «За … до», «Точное время»), «После
// предыдущего робота», its condition and whether it is switched on.
type RobotDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Scenario gives the stages, pipelines, users and fields.
	Scenario *engine.Scenario
	// Robot is the robot as saved.
	Robot engine.Robot
	// Errors are the messages of the last refused save, by field key.
	Errors map[string][]string
	// OnSave receives the edited robot; OnClose is called on cancel.
	OnSave  func(ctx app.Context, r engine.Robot)
	OnClose func(ctx app.Context)
	// Locked says why a lesson's trainee may not change this robot: the
	// settings are shown and saving is disabled.
	Locked string

	draft   engine.Robot
	draftOf string
}

// OnMount starts the draft from the saved robot.
func (d *RobotDialog) OnMount(ctx app.Context) { d.reset() }

// OnUpdate restarts the draft when another robot is shown.
func (d *RobotDialog) OnUpdate(ctx app.Context) {
	if d.draftOf != d.Robot.ID {
		d.reset()
	}
}

func (d *RobotDialog) reset() {
	r := d.Robot
	r.Params = cloneParams(r.Params)
	r.Condition = append(engine.Condition(nil), r.Condition...)
	if r.Delay != nil {
		dl := *r.Delay
		r.Delay = &dl
	}
	if r.Active != nil {
		a := *r.Active
		r.Active = &a
	}
	d.draft, d.draftOf = r, r.ID
}

func cloneParams(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		switch v := v.(type) {
		case map[string]any:
			c := make(map[string]any, len(v))
			for fk, fv := range v {
				c[fk] = fv
			}
			out[k] = c
		case []string:
			out[k] = append([]string(nil), v...)
		default:
			out[k] = v
		}
	}
	return out
}

// Render implements app.Composer.
func (d *RobotDialog) Render() app.UI {
	lang := i18n.Normalize(d.Lang)
	if d.draftOf != d.Robot.ID {
		d.reset()
	}
	r := d.draft
	fields := conditionFields(lang, d.Scenario, r.Entity)
	var users []engine.User
	if d.Scenario != nil {
		users = d.Scenario.Users
	}
	active := r.Active == nil || *r.Active
	body := []app.UI{
		lockedNote(d.Locked),
		errorList(d.Errors[""]),
		app.Div().Class("designer-form__field").Body(
			app.Label().For("robot-name").Class("designer-form__label").Text(i18n.T(lang, "designer.robot.name")),
			app.Input().ID("robot-name").Class("designer-input").
				DataSet("testid", "robot-name").
				Placeholder(robotTypeName(lang, r.Type)).
				Value(r.Name).
				OnInput(func(ctx app.Context, e app.Event) { d.draft.Name = jsValue(ctx) }),
			errorNote(joinErrors(d.Errors, "name")),
		),
		app.FieldSet().Class("designer-form__group").Body(
			app.Legend().Class("designer-form__legend").Text(i18n.T(lang, "designer.robot.params")),
			d.renderParams(lang, users, fields),
		),
		app.FieldSet().Class("designer-form__group").Body(
			app.Legend().Class("designer-form__legend").Text(i18n.T(lang, "designer.delay.title")),
			&DelayEditor{
				Lang:       lang,
				Delay:      r.Delay,
				DateFields: dateFields(fields),
				Error:      joinErrors(d.Errors, "delay"),
				OnChange:   func(ctx app.Context, dl *engine.Delay) { d.draft.Delay = dl },
			},
			checkbox("robot-after", i18n.T(lang, "designer.robot.afterPrevious"), r.AfterPrevious,
				func(ctx app.Context, v bool) { d.draft.AfterPrevious = v }),
		),
		app.FieldSet().Class("designer-form__group").Body(
			app.Legend().Class("designer-form__legend").Text(i18n.T(lang, "designer.robot.condition")),
			&ConditionEditor{
				Lang:      lang,
				ID:        "robot",
				Condition: r.Condition,
				Fields:    fields,
				Users:     users,
				Errors:    conditionErrors(d.Errors, "condition"),
				OnChange:  func(ctx app.Context, c engine.Condition) { d.draft.Condition = c },
			},
		),
		checkbox("robot-active", i18n.T(lang, "designer.robot.active"), active, func(ctx app.Context, v bool) {
			if v {
				d.draft.Active = nil
				return
			}
			d.draft.Active = &v
		}),
	}
	title := i18n.T(lang, "designer.robot.title") + ": " + robotTypeName(lang, r.Type)
	return designerModal(lang, title, "robot-dialog", "wide", d.onClose, body,
		app.Button().Type("button").Class("button button--secondary").
			Text(i18n.T(lang, "designer.cancel")).OnClick(d.onClose),
		app.Button().Type("button").Class("button button--primary").
			DataSet("testid", "robot-save").
			Disabled(d.Locked != "").
			Title(d.Locked).
			Text(i18n.T(lang, "designer.save")).OnClick(d.onSave),
	)
}

func (d *RobotDialog) renderParams(lang string, users []engine.User, fields []engine.Field) app.UI {
	r := d.draft
	field := func(key, labelKey string, control app.UI) app.UI {
		return app.Div().Class("designer-form__field").Body(
			app.Label().For("robot-param-"+key).Class("designer-form__label").Text(i18n.T(lang, labelKey)),
			control,
			errorNote(joinErrors(d.Errors, "params."+key)),
		)
	}
	text := func(key string) string { s, _ := r.Params[key].(string); return s }
	switch r.Type {
	case engine.RobotChangeStage:
		var stages []engine.Stage
		if ref, ok := design.FindStage(d.Scenario, r.Entity, r.Stage); ok {
			stages = design.Pipeline(d.Scenario, r.Entity, ref.Pipeline).Stages
		}
		cur := text("stage")
		return field("stage", "designer.robot.stage", app.Select().ID("robot-param-stage").Class("designer-input").
			OnChange(func(ctx app.Context, e app.Event) { d.draft.Params["stage"] = jsValue(ctx) }).
			Body(app.Range(stages).Slice(func(i int) app.UI {
				st := stages[i]
				return app.Option().Value(st.ID).Selected(st.ID == cur).Text(st.Name)
			})))
	case engine.RobotChangePipeline:
		var pipes []engine.Pipeline
		if e := design.Entity(d.Scenario, r.Entity); e != nil {
			pipes = e.Pipelines
		}
		cur := valueText(r.Params["pipeline"])
		return field("pipeline", "designer.robot.pipeline", app.Select().ID("robot-param-pipeline").Class("designer-input").
			OnChange(func(ctx app.Context, e app.Event) {
				n, _ := strconv.Atoi(jsValue(ctx))
				d.draft.Params["pipeline"] = n
			}).
			Body(app.Range(pipes).Slice(func(i int) app.UI {
				v := strconv.Itoa(pipes[i].ID)
				return app.Option().Value(v).Selected(v == cur).Text(pipes[i].Name)
			})))
	case engine.RobotChangeResponsible:
		return field("user", "designer.robot.user", d.userSelect("user", users, false))
	case engine.RobotCreateTask:
		return app.Div().Body(
			field("title", "designer.robot.taskTitle", app.Input().ID("robot-param-title").Class("designer-input").
				Value(text("title")).
				OnInput(func(ctx app.Context, e app.Event) { d.draft.Params["title"] = jsValue(ctx) })),
			field("responsible", "designer.robot.responsible", d.userSelect("responsible", users, true)),
		)
	case engine.RobotSendEmail:
		links := strings.Join(stringList(r.Params["links"]), "\n")
		return app.Div().Body(
			field("subject", "designer.robot.subject", app.Input().ID("robot-param-subject").Class("designer-input").
				Value(text("subject")).
				OnInput(func(ctx app.Context, e app.Event) { d.draft.Params["subject"] = jsValue(ctx) })),
			field("links", "designer.robot.links", app.Textarea().ID("robot-param-links").Class("designer-input").
				Rows(3).Text(links).
				OnChange(func(ctx app.Context, e app.Event) {
					var list []string
					for _, l := range strings.Split(jsValue(ctx), "\n") {
						if l = strings.TrimSpace(l); l != "" {
							list = append(list, l)
						}
					}
					if len(list) == 0 {
						delete(d.draft.Params, "links")
						return
					}
					d.draft.Params["links"] = list
				})),
		)
	case engine.RobotUpdateFields:
		return d.renderFieldValues(lang, fields)
	}
	return field("text", "designer.robot.text", app.Textarea().ID("robot-param-text").Class("designer-input").
		DataSet("testid", "robot-text").
		Rows(3).Text(text("text")).
		OnInput(func(ctx app.Context, e app.Event) { d.draft.Params["text"] = jsValue(ctx) }))
}

func (d *RobotDialog) userSelect(key string, users []engine.User, optional bool) app.UI {
	cur := valueText(d.draft.Params[key])
	return app.Select().ID("robot-param-"+key).Class("designer-input").
		OnChange(func(ctx app.Context, e app.Event) {
			v := jsValue(ctx)
			if v == "" {
				delete(d.draft.Params, key)
				return
			}
			n, _ := strconv.Atoi(v)
			d.draft.Params[key] = n
		}).
		Body(
			app.If(optional, func() app.UI {
				return app.Option().Value("").Selected(cur == "").Text(i18n.T(d.Lang, "designer.robot.notSet"))
			}),
			app.Range(users).Slice(func(i int) app.UI {
				v := strconv.Itoa(users[i].ID)
				return app.Option().Value(v).Selected(v == cur).Text(users[i].Name)
			}),
		)
}

// renderFieldValues is «Изменить элемент»: rows of field and new value.
func (d *RobotDialog) renderFieldValues(lang string, fields []engine.Field) app.UI {
	values, _ := d.draft.Params["fields"].(map[string]any)
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return app.Div().Class("designer-form__field").Body(
		app.Span().Class("designer-form__label").Text(i18n.T(lang, "designer.robot.fields")),
		app.Range(keys).Slice(func(i int) app.UI {
			k := keys[i]
			ft := engine.StandardFieldType(k)
			for _, f := range fields {
				if f.ID == k {
					ft = f.Type
				}
			}
			return app.Div().Class("condition-editor__row").Body(
				app.Select().Class("designer-input condition-editor__field").
					Aria("label", i18n.T(lang, "designer.cond.field")).
					OnChange(func(ctx app.Context, e app.Event) { d.renameField(k, jsValue(ctx)) }).
					Body(app.Range(fields).Slice(func(j int) app.UI {
						return app.Option().Value(fields[j].ID).Selected(fields[j].ID == k).Text(fields[j].Name)
					})),
				app.Input().Class("designer-input condition-editor__value").
					Aria("label", i18n.T(lang, "designer.cond.value")).
					Value(valueText(values[k])).
					OnChange(func(ctx app.Context, e app.Event) { d.setFieldValue(k, parseValue(ft, jsValue(ctx))) }),
				app.Button().Type("button").Class("designer-icon-button").
					Aria("label", i18n.T(lang, "designer.robot.removeField")).Text("×").
					OnClick(func(ctx app.Context, e app.Event) { d.removeField(k) }),
			)
		}),
		app.Button().Type("button").Class("designer-link").Text(i18n.T(lang, "designer.robot.addField")).
			OnClick(func(ctx app.Context, e app.Event) {
				for _, f := range fields {
					if _, used := values[f.ID]; !used {
						d.setFieldValue(f.ID, "")
						return
					}
				}
			}),
		errorNote(joinErrors(d.Errors, "params.fields")),
	)
}

func (d *RobotDialog) fieldValues() map[string]any {
	values, _ := d.draft.Params["fields"].(map[string]any)
	next := make(map[string]any, len(values)+1)
	for k, v := range values {
		next[k] = v
	}
	d.draft.Params["fields"] = next
	return next
}

func (d *RobotDialog) setFieldValue(k string, v any) { d.fieldValues()[k] = v }

func (d *RobotDialog) removeField(k string) { delete(d.fieldValues(), k) }

func (d *RobotDialog) renameField(from, to string) {
	m := d.fieldValues()
	if from == to {
		return
	}
	m[to] = m[from]
	delete(m, from)
}

func (d *RobotDialog) onSave(ctx app.Context, e app.Event) {
	if d.OnSave == nil {
		return
	}
	r := d.draft
	r.Params = cloneParams(d.draft.Params)
	if len(r.Condition) == 0 {
		r.Condition = nil
	}
	d.OnSave(ctx, r)
}

func (d *RobotDialog) onClose(ctx app.Context, e app.Event) {
	if d.OnClose != nil {
		d.OnClose(ctx)
	}
}
