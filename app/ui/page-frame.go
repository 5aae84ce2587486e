package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/route"
)

// pageFrame is what every page renders around its content: the skip link,
// the header and the main area. place is where the page is (the header's
// links carry its scenario); class is added to the frame ("shell
// board-page"), mainClass to <main>.
func pageFrame(lang string, tab *Tab, place route.Place, class, mainClass string, onLang func(ctx app.Context, lang string), body ...app.UI) app.UI {
	return elc("div", class).Body(
		elc("a", "shell__skip").Attr("href", "#main").Text(i18n.T(lang, "nav.skipToMain")),
		&Header{Tab: tab, Lang: lang, Place: place, OnLangChange: onLang},
		app.Elem("main").ID("main").Class(mainClass).Body(body...),
	)
}
