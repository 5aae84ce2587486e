package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// HomePage is the start page: the list of scenarios. For now it shows the
// heading and the empty state; the scenario list fills it later.
type HomePage struct {
	app.Compo

	// Lang is the interface language.
	Lang string
}

// Render implements app.Composer.
func (p *HomePage) Render() app.UI {
	return app.Section().
		Class("home-page").
		Body(
			app.H1().
				Class("home-page__title").
				Text(i18n.T(p.Lang, "home.title")),
			app.P().
				Class("home-page__empty").
				Text(i18n.T(p.Lang, "home.empty")),
		)
}
