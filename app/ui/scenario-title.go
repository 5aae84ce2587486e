package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// ScenarioTitle shows the open scenario's title where the user works (the
// designer's toolbar) and renames it in place: the pencil button or a
// click on the title opens an input; Enter or «Сохранить» saves, Esc or
// «Отмена» cancels, an empty title is not saved.
type ScenarioTitle struct {
	app.Compo

	Lang  string
	Title string
	// OnRename receives the new, trimmed, non-empty title.
	OnRename func(ctx app.Context, title string)

	editing bool
	value   string
}

// Render implements app.Composer.
func (s *ScenarioTitle) Render() app.UI {
	lang := i18n.Normalize(s.Lang)
	if s.editing {
		return elc("div", "scenario-title scenario-title--editing").Body(
			app.ElemSelfClosing("input").ID("scenario-title-input").Class("designer-input scenario-title__input").Attr("autofocus", true).
				DataSet("testid", "scenario-title-input").
				Aria("label", i18n.T(lang, "designer.scenarioName")).
				Attr("value", s.value).
				OnInput(func(ctx app.Context, e app.Event) { s.value = jsValue(ctx) }).
				OnKeyDown(func(ctx app.Context, e app.Event) {
					switch e.Get("key").String() {
					case "Enter":
						s.value = jsValue(ctx)
						s.finish(ctx)
					case "Escape":
						s.editing = false
						s.focusLater(ctx, "scenario-title-rename")
					}
				}),
			buttonc("button button--primary").
				DataSet("testid", "scenario-title-save").
				Text(i18n.T(lang, "designer.save")).
				OnClick(func(ctx app.Context, e app.Event) { s.finish(ctx) }),
			buttonc("button button--secondary").
				Text(i18n.T(lang, "designer.cancel")).
				OnClick(func(ctx app.Context, e app.Event) {
					s.editing = false
					s.focusLater(ctx, "scenario-title-rename")
				}),
		)
	}
	return elc("div", "scenario-title").Body(
		spanc("scenario-title__label", i18n.T(lang, "designer.scenario")+":"),
		elct("span", "scenario-title__text", "scenario-title").Title(s.Title).Text(s.Title),
		app.Elem("button").ID("scenario-title-rename").Attr("type", "button").Class("designer-icon-button scenario-title__rename").
			DataSet("testid", "scenario-title-rename").
			Aria("label", i18n.T(lang, "designer.renameScenario")).
			Title(i18n.T(lang, "designer.renameScenario")).
			Body(Icon("pencil")).
			OnClick(s.onEdit),
	)
}

// onEdit opens the input with the title selected.
func (s *ScenarioTitle) onEdit(ctx app.Context, e app.Event) {
	s.editing, s.value = true, s.Title
	s.focusLater(ctx, "scenario-title-input")
}

// focusLater focuses (and selects, for an input) the element of id once
// the update is on the page: the keyboard stays where the user works.
func (s *ScenarioTitle) focusLater(ctx app.Context, id string) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(id)
		if el == nil || !el.Truthy() {
			return
		}
		el.Call("focus")
		if id == "scenario-title-input" {
			el.Call("select")
		}
	})
}

func (s *ScenarioTitle) finish(ctx app.Context) {
	s.editing = false
	s.focusLater(ctx, "scenario-title-rename")
	title := strings.TrimSpace(s.value)
	if title == "" || title == s.Title || s.OnRename == nil {
		return
	}
	s.OnRename(ctx, title)
}
