package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
)

// HomeImportResults lists what became of each file of an import of
// several files: imported under its title, still being read, or refused
// with every error and its JSON path. Names, titles, paths and messages
// are rendered as text.
type HomeImportResults struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Files are the outcomes, in the order the files were given (a copy:
	// go-app updates a component when its fields change).
	Files []home.FileOutcome
	// OnClose hides the list.
	OnClose func(ctx app.Context)
}

// Render implements app.Composer.
func (r *HomeImportResults) Render() app.UI {
	lang := r.Lang
	done, imported, total := (&home.Batch{Files: r.Files}).Counts()
	files := r.Files
	return app.Section().
		Class("home-results").
		Role("status").
		Aria("live", "polite").
		DataSet("testid", "import-results").
		DataSet("done", boolAttr(done == total)).
		Body(
			app.Div().Class("home-errors__head").Body(
				app.H2().Class("home-results__title").Text(
					i18n.T(lang, "home.results")+" — "+home.T(lang, "home.resultsSummary", strconv.Itoa(imported), strconv.Itoa(total))),
				app.Button().
					Type("button").
					Class("home-dialog__close").
					Aria("label", i18n.T(lang, "hdr.close")).
					Text("×").
					OnClick(func(ctx app.Context, e app.Event) {
						if r.OnClose != nil {
							r.OnClose(ctx)
						}
					}),
			),
			app.Ul().Class("home-results__list").Body(
				app.Range(files).Slice(func(i int) app.UI {
					f := files[i]
					state, text := "reading", i18n.T(lang, "home.resultReading")
					switch {
					case f.Failed():
						state, text = "failed", home.T(lang, "home.resultFailed", home.Count(lang, len(f.Problems), "count.error"))
					case f.Done:
						state, text = "imported", home.T(lang, "home.resultImported", f.Title)
					}
					return app.Li().Class("home-results__file home-results__file--"+state).
						DataSet("state", state).
						DataSet("file", f.Name).
						Body(
							app.Strong().Class("home-results__name").Text(f.Name),
							app.Span().Class("home-results__outcome").Text(" — "+text),
							app.If(f.Failed(), func() app.UI {
								return app.Ol().Class("home-errors__list").Body(
									app.Range(f.Problems).Slice(func(j int) app.UI {
										pr := f.Problems[j]
										path := pr.Path
										if path == "" {
											path = i18n.T(lang, "home.importWhole")
										}
										return app.Li().Class("home-errors__item").Body(
											app.Code().Class("home-errors__path").DataSet("testid", "error-path").Text(path),
											app.Span().Class("home-errors__msg").Text(pr.Msg),
										)
									}),
								)
							}),
						)
				}),
			),
		)
}
