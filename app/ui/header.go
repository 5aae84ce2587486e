package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// Header is the top bar: the product name and the language switch.
type Header struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// OnLangChange is called with the language the user picked.
	OnLangChange func(ctx app.Context, lang string)
}

// Render implements app.Composer.
func (h *Header) Render() app.UI {
	return app.Header().
		Class("header").
		Body(
			app.A().
				Class("header__brand").
				Href("/").
				Title(i18n.T(h.Lang, "header.homeLink")).
				Body(
					app.Img().
						Class("header__logo").
						Src("/web/icon.svg").
						Alt("").
						Width(28).
						Height(28),
					app.Span().
						Class("header__name").
						Text(i18n.T(h.Lang, "app.name")),
				),
			app.Span().
				Class("header__tagline").
				Text(i18n.T(h.Lang, "app.tagline")),
			&LangSwitch{
				Lang:     h.Lang,
				OnChange: h.OnLangChange,
			},
		)
}
