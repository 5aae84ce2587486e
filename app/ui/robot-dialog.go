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
	body := append([]app.UI{lockedNote(d.Locked), errorList(d.Errors[""])},
		robotDialogBodyView.els(lang,
			r.Name, robotTypeName(lang, r.Type), d.onName, errorNote(joinErrors(d.Errors, "name")),
			d.renderParams(lang, users, fields),
			&DelayEditor{
				Lang:       lang,
				Delay:      r.Delay,
				DateFields: dateFields(fields),
				Error:      joinErrors(d.Errors, "delay"),
				OnChange:   d.onDelay,
			},
			checkbox("robot-after", i18n.T(lang, "designer.robot.afterPrevious"), r.AfterPrevious, d.onAfter),
			&ConditionEditor{
				Lang:      lang,
				ID:        "robot",
				Condition: r.Condition,
				Fields:    fields,
				Users:     users,
				Errors:    conditionErrors(d.Errors, "condition"),
				OnChange:  d.onCondition,
			},
		)...)
	body = append(body, checkbox("robot-active", i18n.T(lang, "designer.robot.active"), active, d.onActive))
	title := i18n.T(lang, "designer.robot.title") + ": " + robotTypeName(lang, r.Type)
	return designerModal(lang, title, "robot-dialog", "wide", d.onClose, body,
		designerDialogFootView.els(lang, d.onClose, "robot-save", d.Locked != "", d.Locked, d.onSave)...)
}

// robotDialogBodyView is the dialog's body between the notes and «Робот
// включён»: the name, the params of the type ({4}), the time setting with
// «После предыдущего робота» ({5}, {6}) and the condition ({7}).
var robotDialogBodyView = &view{name: "robot-dialog-body", src: `
<div class="designer-form__field">
	<label for="robot-name" class="designer-form__label">{t:designer.robot.name}</label>
	<input id="robot-name" class="designer-input" data-testid="robot-name" value={0} placeholder={1} @input={2} />
	{3}
</div>
<fieldset class="designer-form__group">
	<legend class="designer-form__legend">{t:designer.robot.params}</legend>
	{4}
</fieldset>
<fieldset class="designer-form__group">
	<legend class="designer-form__legend">{t:designer.delay.title}</legend>
	{5}
	{6}
</fieldset>
<fieldset class="designer-form__group">
	<legend class="designer-form__legend">{t:designer.robot.condition}</legend>
	{7}
</fieldset>`}

func (d *RobotDialog) onName(ctx app.Context, e app.Event) { d.draft.Name = jsValue(ctx) }

func (d *RobotDialog) onDelay(ctx app.Context, dl *engine.Delay) { d.draft.Delay = dl }

func (d *RobotDialog) onCondition(ctx app.Context, c engine.Condition) { d.draft.Condition = c }

func (d *RobotDialog) onAfter(ctx app.Context, v bool) { d.draft.AfterPrevious = v }

func (d *RobotDialog) onActive(ctx app.Context, v bool) {
	if v {
		d.draft.Active = nil
		return
	}
	d.draft.Active = &v
}

// robotParam describes one parameter control of a robot type: the key
// in Params (the control's id is "robot-param-" and the key), the text
// key of its label and what it edits.
type robotParam struct {
	key, label string
	kind       int
}

// Kinds of robotParam.
const (
	paramText     = iota // a textarea, the default robots' message
	paramInput           // a one-line input
	paramLinks           // a textarea of links, one a line
	paramStage           // a select of the stages of the robot's pipeline
	paramPipeline        // a select of the entity's pipelines (an id)
	paramUser            // a select of users (an id)
	paramUserOpt         // the same with «not set» first
)

// robotParams are the parameter controls of each robot type; a type not
// listed has the message text (UpdateFields has its own rows).
var robotParams = map[string][]robotParam{
	engine.RobotChangeStage:       {{"stage", "designer.robot.stage", paramStage}},
	engine.RobotChangePipeline:    {{"pipeline", "designer.robot.pipeline", paramPipeline}},
	engine.RobotChangeResponsible: {{"user", "designer.robot.user", paramUser}},
	engine.RobotCreateTask:        {{"title", "designer.robot.taskTitle", paramInput}, {"responsible", "designer.robot.responsible", paramUserOpt}},
	engine.RobotSendEmail:         {{"subject", "designer.robot.subject", paramInput}, {"links", "designer.robot.links", paramLinks}},
}

var robotTextParam = []robotParam{{"text", "designer.robot.text", paramText}}

func (d *RobotDialog) renderParams(lang string, users []engine.User, fields []engine.Field) app.UI {
	if d.draft.Type == engine.RobotUpdateFields {
		return d.renderFieldValues(lang, fields)
	}
	ps, ok := robotParams[d.draft.Type]
	if !ok {
		ps = robotTextParam
	}
	rows := make([]app.UI, len(ps))
	for i, p := range ps {
		rows[i] = formField(
			formLabel("robot-param-"+p.key, i18n.T(lang, p.label)),
			d.renderParam(lang, p, users),
			errorNote(joinErrors(d.Errors, "params."+p.key)),
		)
	}
	if len(rows) == 1 {
		return rows[0]
	}
	return app.Elem("div").Body(rows...)
}

// renderParam is the control of one parameter.
func (d *RobotDialog) renderParam(lang string, p robotParam, users []engine.User) app.UI {
	r := d.draft
	id := "robot-param-" + p.key
	s, _ := r.Params[p.key].(string)
	var opts []app.UI
	switch p.kind {
	case paramText:
		return robotDialogTextView.el(d.Lang, id, s, d.onParam)
	case paramInput:
		return robotDialogInputView.el(d.Lang, id, s, d.onParam)
	case paramLinks:
		return robotDialogLinksView.el(d.Lang, id, strings.Join(stringList(r.Params[p.key]), "\n"), d.onParam)
	case paramStage:
		if ref, ok := design.FindStage(d.Scenario, r.Entity, r.Stage); ok {
			for _, st := range design.Pipeline(d.Scenario, r.Entity, ref.Pipeline).Stages {
				opts = append(opts, option(st.ID, st.ID == s, st.Name))
			}
		}
	case paramPipeline:
		cur := valueText(r.Params[p.key])
		if e := design.Entity(d.Scenario, r.Entity); e != nil {
			for _, pl := range e.Pipelines {
				v := strconv.Itoa(pl.ID)
				opts = append(opts, option(v, v == cur, pl.Name))
			}
		}
	default: // users
		cur := valueText(r.Params[p.key])
		if p.kind == paramUserOpt {
			opts = append(opts, option("", cur == "", i18n.T(d.Lang, "designer.robot.notSet")))
		}
		for _, u := range users {
			v := strconv.Itoa(u.ID)
			opts = append(opts, option(v, v == cur, u.Name))
		}
	}
	return selectc(id, "designer-input", d.onParam, opts...)
}

// robotDialogTextView is the message of the default robots.
var robotDialogTextView = &view{name: "robot-dialog-text", src: `
<textarea id={0} class="designer-input" data-testid="robot-text" rows="3" value={1} @input={2}></textarea>`}

// robotDialogInputView is a one-line parameter.
var robotDialogInputView = &view{name: "robot-dialog-input", src: `
<input id={0} class="designer-input" value={1} @input={2} />`}

// robotDialogLinksView is the e-mail's links, one a line.
var robotDialogLinksView = &view{name: "robot-dialog-links", src: `
<textarea id={0} class="designer-input" rows="3" value={1} @change={2}></textarea>`}

// onParam stores the value of the parameter control that fired: its id
// names the parameter, the robot type's table says what it holds.
func (d *RobotDialog) onParam(ctx app.Context, e app.Event) {
	key := strings.TrimPrefix(ctx.JSSrc().Get("id").String(), "robot-param-")
	v := jsValue(ctx)
	kind := paramText
	for _, p := range robotParams[d.draft.Type] {
		if p.key == key {
			kind = p.kind
		}
	}
	switch kind {
	case paramLinks:
		var list []string
		for _, l := range strings.Split(v, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				list = append(list, l)
			}
		}
		if len(list) == 0 {
			delete(d.draft.Params, key)
			return
		}
		d.draft.Params[key] = list
	case paramPipeline:
		n, _ := strconv.Atoi(v)
		d.draft.Params[key] = n
	case paramUser, paramUserOpt:
		if v == "" {
			delete(d.draft.Params, key)
			return
		}
		n, _ := strconv.Atoi(v)
		d.draft.Params[key] = n
	default:
		d.draft.Params[key] = v
	}
}

// renderFieldValues is «Изменить элемент»: rows of field and new value.
func (d *RobotDialog) renderFieldValues(lang string, fields []engine.Field) app.UI {
	values, _ := d.draft.Params["fields"].(map[string]any)
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([]app.UI, len(keys))
	for i, k := range keys {
		ft := engine.StandardFieldType(k)
		opts := make([]app.UI, len(fields))
		for j, f := range fields {
			if f.ID == k {
				ft = f.Type
			}
			opts[j] = option(f.ID, f.ID == k, f.Name)
		}
		rows[i] = d.renderFieldValue(lang, k, ft, valueText(values[k]), opts)
	}
	return robotDialogFieldsView.el(lang, rows, d.onAddField, errorNote(joinErrors(d.Errors, "params.fields")))
}

// robotDialogFieldsView is «Изменить элемент»: its rows ({0}) and the
// button adding one.
var robotDialogFieldsView = &view{name: "robot-dialog-fields", src: `
<div class="designer-form__field">
	<span class="designer-form__label">{t:designer.robot.fields}</span>
	{0}
	<button type="button" class="designer-link" @click={1}>{t:designer.robot.addField}</button>
	{2}
</div>`}

// renderFieldValue is one row of «Изменить элемент»: the field, its new
// value and the remove button.
func (d *RobotDialog) renderFieldValue(lang, k, ft, value string, opts []app.UI) app.UI {
	return robotDialogFieldView.el(lang,
		func(ctx app.Context, e app.Event) { d.renameField(k, jsValue(ctx)) }, opts,
		value, func(ctx app.Context, e app.Event) { d.setFieldValue(k, parseValue(ft, jsValue(ctx))) },
		func(ctx app.Context, e app.Event) { d.removeField(k) })
}

// robotDialogFieldView is one row of «Изменить элемент».
var robotDialogFieldView = &view{name: "robot-dialog-field", src: `
<div class="condition-editor__row">
	<select class="designer-input condition-editor__field" aria-label={t:designer.cond.field} @change={0}>{1}</select>
	<input class="designer-input condition-editor__value" aria-label={t:designer.cond.value} value={2} @change={3} />
	<button type="button" class="designer-icon-button" aria-label={t:designer.robot.removeField} @click={4}>×</button>
</div>`}

// onAddField adds the first field not yet set, with an empty value.
func (d *RobotDialog) onAddField(ctx app.Context, e app.Event) {
	values, _ := d.draft.Params["fields"].(map[string]any)
	for _, f := range conditionFields(i18n.Normalize(d.Lang), d.Scenario, d.draft.Entity) {
		if _, used := values[f.ID]; !used {
			d.setFieldValue(f.ID, "")
			return
		}
	}
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
