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
		return scenarioTitleEditView.el(lang, s.value,
			func(ctx app.Context, e app.Event) { s.value = jsValue(ctx) },
			func(ctx app.Context, e app.Event) {
				switch e.Get("key").String() {
				case "Enter":
					s.value = jsValue(ctx)
					s.finish(ctx)
				case "Escape":
					s.editing = false
					s.focusLater(ctx, "scenario-title-rename")
				}
			},
			func(ctx app.Context, e app.Event) { s.finish(ctx) },
			func(ctx app.Context, e app.Event) {
				s.editing = false
				s.focusLater(ctx, "scenario-title-rename")
			})
	}
	return scenarioTitleView.el(lang, i18n.T(lang, "designer.scenario")+":", s.Title, s.onEdit, Icon("pencil"))
}

// scenarioTitleView is the title with its label ({0}, the colon in the
// same text) and the pencil button that opens the input.
var scenarioTitleView = &view{name: "scenario-title", src: `
<div class="scenario-title">
	<span class="scenario-title__label">{0}</span>
	<span class="scenario-title__text" data-testid="scenario-title" title={1}>{1}</span>
	<button id="scenario-title-rename" type="button" class="designer-icon-button scenario-title__rename" data-testid="scenario-title-rename"
		aria-label={t:designer.renameScenario} title={t:designer.renameScenario} @click={2}>{3}</button>
</div>`}

// scenarioTitleEditView is the title being renamed: the input, «Сохранить»
// and «Отмена».
var scenarioTitleEditView = &view{name: "scenario-title-edit", src: `
<div class="scenario-title scenario-title--editing">
	<input id="scenario-title-input" class="designer-input scenario-title__input" autofocus data-testid="scenario-title-input"
		aria-label={t:designer.scenarioName} value={0} @input={1} @keydown={2} />
	<button type="button" class="button button--primary" data-testid="scenario-title-save" @click={3}>{t:designer.save}</button>
	<button type="button" class="button button--secondary" @click={4}>{t:designer.cancel}</button>
</div>`}

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
