package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// StageEditor is a stage's settings: name, colour, type (in progress or
// failure; the one success stage is fixed), its place (left/right) and
// deletion. The rules are explained in place: a refused change shows the
// reason, and deleting a stage with triggers or robots asks first.
type StageEditor struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Stage is the stage as saved.
	Stage engine.Stage
	// Triggers and Robots count what is placed on the stage.
	Triggers, Robots int
	// Error is the reason the last change was refused.
	Error string
	// OnSave receives the name and colour; OnSemantics a new type; OnMove
	// -1 or +1; OnDelete a confirmed deletion; OnClose a cancel.
	OnSave      func(ctx app.Context, name, color string)
	OnSemantics func(ctx app.Context, semantics string)
	OnMove      func(ctx app.Context, delta int)
	OnDelete    func(ctx app.Context)
	OnClose     func(ctx app.Context)

	name, color string
	editing     string
	confirm     bool
}

func (s *StageEditor) sync() {
	if s.editing != s.Stage.ID {
		s.name, s.color, s.editing, s.confirm = s.Stage.Name, s.Stage.Color, s.Stage.ID, false
	}
}

// Render implements app.Composer.
func (s *StageEditor) Render() app.UI {
	lang := i18n.Normalize(s.Lang)
	s.sync()
	st := s.Stage
	color := s.color
	if color == "" {
		color = "#39A8EF"
	}
	success := st.Semantics == engine.Success
	var errs, semantics, moves, confirm, del app.UI
	if s.Error != "" {
		errs = errorList([]string{s.Error})
	}
	if success {
		semantics = formHint(i18n.T(lang, "designer.semantics.success") + " — " + i18n.T(lang, "designer.stage.successFixed"))
	} else {
		semantics = selectc("stage-semantics", "designer-input designer-input--short", s.onSemantics,
			option(engine.Process, st.Semantics == engine.Process, i18n.T(lang, "designer.semantics.process")),
			option(engine.Failure, st.Semantics == engine.Failure, i18n.T(lang, "designer.semantics.failure")),
		).DataSet("testid", "stage-semantics")
		moves = formField(
			formCaption(i18n.T(lang, "designer.stage.move")),
			divc("designer-form__buttons",
				iconButton("button button--secondary", "left", i18n.T(lang, "designer.moveLeft"), s.onLeft).
					DataSet("testid", "stage-left"),
				buttonc("button button--secondary").
					DataSet("testid", "stage-right").
					Body(iconTextAfter(i18n.T(lang, "designer.moveRight"), "right")...).
					OnClick(s.onRight),
			),
		)
		del = button("button button--danger-link designer-modal__left", i18n.T(lang, "designer.stage.delete"), s.onDelete).
			DataSet("testid", "stage-delete")
	}
	if s.confirm {
		confirm = divc("designer-confirm designer-confirm--inline",
			pc("designer-confirm__text", i18n.F(lang, "designer.stage.confirmDelete", "stage", st.Name, "triggers", strconv.Itoa(s.Triggers), "rules", strconv.Itoa(s.Robots))),
			divc("designer-form__buttons",
				button("button button--secondary", i18n.T(lang, "designer.cancel"), s.onCancelDelete),
				button("button button--danger", i18n.T(lang, "designer.delete"), s.onConfirmDelete).
					DataSet("testid", "stage-delete-confirm"),
			),
		).Role("alert")
	}
	body := []app.UI{
		errs,
		divc("designer-form__row",
			divc("designer-form__field designer-form__field--grow",
				formLabel("stage-name", i18n.T(lang, "designer.stage.name")),
				textInput("stage-name", "designer-input", s.name).OnInput(s.onName),
			),
			formField(
				formLabel("stage-color", i18n.T(lang, "designer.stage.color")),
				app.ElemSelfClosing("input").ID("stage-color").Attr("type", "color").Class("designer-color").
					Attr("value", strings.ToLower(color)).
					OnInput(s.onColor),
			),
		),
		formHint(i18n.T(lang, "designer.stage.id") + ": " + st.ID),
		formField(
			formLabel("stage-semantics", i18n.T(lang, "designer.stage.semantics")),
			semantics,
			formHint(i18n.T(lang, "designer.stage.orderHint")),
		),
		moves,
		confirm,
	}
	return designerModal(lang, i18n.T(lang, "designer.stage.title"), "stage-editor", "", s.onClose, body,
		del,
		button("button button--secondary", i18n.T(lang, "designer.cancel"), s.onClose),
		button("button button--primary", i18n.T(lang, "designer.save"), s.onSave).
			DataSet("testid", "stage-save"),
	)
}

func (s *StageEditor) onName(ctx app.Context, e app.Event) { s.name = jsValue(ctx) }

func (s *StageEditor) onColor(ctx app.Context, e app.Event) { s.color = jsValue(ctx) }

func (s *StageEditor) onSemantics(ctx app.Context, e app.Event) {
	if s.OnSemantics != nil {
		s.OnSemantics(ctx, jsValue(ctx))
	}
}

func (s *StageEditor) onLeft(ctx app.Context, e app.Event) { s.move(ctx, -1) }

func (s *StageEditor) onRight(ctx app.Context, e app.Event) { s.move(ctx, 1) }

func (s *StageEditor) onCancelDelete(ctx app.Context, e app.Event) { s.confirm = false }

func (s *StageEditor) onConfirmDelete(ctx app.Context, e app.Event) { s.delete(ctx) }

func (s *StageEditor) onSave(ctx app.Context, e app.Event) {
	if s.OnSave != nil {
		s.OnSave(ctx, s.name, s.color)
	}
}

func (s *StageEditor) move(ctx app.Context, delta int) {
	if s.OnMove != nil {
		s.OnMove(ctx, delta)
	}
}

// onDelete asks first when the stage carries triggers or robots.
func (s *StageEditor) onDelete(ctx app.Context, e app.Event) {
	if s.Triggers+s.Robots > 0 && !s.confirm {
		s.confirm = true
		return
	}
	s.delete(ctx)
}

func (s *StageEditor) delete(ctx app.Context) {
	s.confirm = false
	if s.OnDelete != nil {
		s.OnDelete(ctx)
	}
}

func (s *StageEditor) onClose(ctx app.Context, e app.Event) {
	if s.OnClose != nil {
		s.OnClose(ctx)
	}
}
