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
	body := []app.UI{
		app.If(s.Error != "", func() app.UI { return errorList([]string{s.Error}) }),
		app.Div().Class("designer-form__row").Body(
			app.Div().Class("designer-form__field designer-form__field--grow").Body(
				app.Label().For("stage-name").Class("designer-form__label").Text(i18n.T(lang, "designer.stage.name")),
				app.Input().ID("stage-name").Class("designer-input").DataSet("testid", "stage-name").
					Value(s.name).
					OnInput(func(ctx app.Context, e app.Event) { s.name = jsValue(ctx) }),
			),
			app.Div().Class("designer-form__field").Body(
				app.Label().For("stage-color").Class("designer-form__label").Text(i18n.T(lang, "designer.stage.color")),
				app.Input().ID("stage-color").Type("color").Class("designer-color").
					Value(strings.ToLower(color)).
					OnInput(func(ctx app.Context, e app.Event) { s.color = jsValue(ctx) }),
			),
		),
		app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.stage.id") + ": " + st.ID),
		app.Div().Class("designer-form__field").Body(
			app.Label().For("stage-semantics").Class("designer-form__label").Text(i18n.T(lang, "designer.stage.semantics")),
			app.If(success, func() app.UI {
				return app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.semantics.success") + " — " +
					i18n.T(lang, "designer.stage.successFixed"))
			}).Else(func() app.UI {
				return app.Select().ID("stage-semantics").Class("designer-input designer-input--short").
					DataSet("testid", "stage-semantics").
					OnChange(func(ctx app.Context, e app.Event) {
						if s.OnSemantics != nil {
							s.OnSemantics(ctx, jsValue(ctx))
						}
					}).
					Body(
						app.Option().Value(engine.Process).Selected(st.Semantics == engine.Process).
							Text(i18n.T(lang, "designer.semantics.process")),
						app.Option().Value(engine.Failure).Selected(st.Semantics == engine.Failure).
							Text(i18n.T(lang, "designer.semantics.failure")),
					)
			}),
			app.P().Class("designer-form__hint").Text(i18n.T(lang, "designer.stage.orderHint")),
		),
		app.If(!success, func() app.UI {
			return app.Div().Class("designer-form__field").Body(
				app.Span().Class("designer-form__label").Text(i18n.T(lang, "designer.stage.move")),
				app.Div().Class("designer-form__buttons").Body(
					app.Button().Type("button").Class("button button--secondary").
						DataSet("testid", "stage-left").
						Body(iconText("left", i18n.T(lang, "designer.moveLeft"))...).
						OnClick(func(ctx app.Context, e app.Event) { s.move(ctx, -1) }),
					app.Button().Type("button").Class("button button--secondary").
						DataSet("testid", "stage-right").
						Body(iconTextAfter(i18n.T(lang, "designer.moveRight"), "right")...).
						OnClick(func(ctx app.Context, e app.Event) { s.move(ctx, 1) }),
				),
			)
		}),
		app.If(s.confirm, func() app.UI {
			return app.Div().Class("designer-confirm designer-confirm--inline").Role("alert").Body(
				app.P().Class("designer-confirm__text").Text(i18n.F(lang, "designer.stage.confirmDelete", "stage", st.Name, "triggers", strconv.Itoa(s.Triggers), "rules", strconv.Itoa(s.Robots))),
				app.Div().Class("designer-form__buttons").Body(
					app.Button().Type("button").Class("button button--secondary").
						Text(i18n.T(lang, "designer.cancel")).
						OnClick(func(ctx app.Context, e app.Event) { s.confirm = false }),
					app.Button().Type("button").Class("button button--danger").
						DataSet("testid", "stage-delete-confirm").
						Text(i18n.T(lang, "designer.delete")).
						OnClick(func(ctx app.Context, e app.Event) { s.delete(ctx) }),
				),
			)
		}),
	}
	return designerModal(lang, i18n.T(lang, "designer.stage.title"), "stage-editor", "", s.onClose, body,
		app.If(!success, func() app.UI {
			return app.Button().Type("button").Class("button button--danger-link designer-modal__left").
				DataSet("testid", "stage-delete").
				Text(i18n.T(lang, "designer.stage.delete")).
				OnClick(s.onDelete)
		}),
		app.Button().Type("button").Class("button button--secondary").
			Text(i18n.T(lang, "designer.cancel")).OnClick(s.onClose),
		app.Button().Type("button").Class("button button--primary").
			DataSet("testid", "stage-save").
			Text(i18n.T(lang, "designer.save")).
			OnClick(func(ctx app.Context, e app.Event) {
				if s.OnSave != nil {
					s.OnSave(ctx, s.name, s.color)
				}
			}),
	)
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
