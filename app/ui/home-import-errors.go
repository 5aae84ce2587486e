package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
)

// HomeImportErrors lists every reason an import was refused, each with the
// JSON path it points at, so the user can fix the file. Paths and messages
// are rendered as text.
type HomeImportErrors struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Source names what was imported (a file name, "pasted text").
	Source string
	// Problems are the reasons, in the reader's order.
	Problems []home.Problem
	// OnClose hides the list.
	OnClose func(ctx app.Context)
}

// Render implements app.Composer.
func (e *HomeImportErrors) Render() app.UI {
	lang := e.Lang
	return app.Section().
		Class("home-errors").
		Role("alert").
		DataSet("testid", "import-errors").
		Body(
			app.Div().Class("home-errors__head").Body(
				app.H2().Class("home-errors__title").Text(
					home.T(lang, "home.importFailed", e.Source, home.Count(lang, len(e.Problems), "count.error"))),
				app.Button().
					Type("button").
					Class("home-dialog__close").
					Aria("label", i18n.T(lang, "hdr.close")).
					Text("×").
					OnClick(func(ctx app.Context, ev app.Event) {
						if e.OnClose != nil {
							e.OnClose(ctx)
						}
					}),
			),
			app.Ol().Class("home-errors__list").Body(
				app.Range(e.Problems).Slice(func(i int) app.UI {
					p := e.Problems[i]
					path := p.Path
					if path == "" {
						path = i18n.T(lang, "home.importWhole")
					}
					return app.Li().Class("home-errors__item").Body(
						app.Code().Class("home-errors__path").DataSet("testid", "error-path").Text(path),
						app.Span().Class("home-errors__msg").Text(p.Msg),
					)
				}),
			),
		)
}
