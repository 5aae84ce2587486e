package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
)

// HomeImportReport says what became of an import. For one refused file or
// pasted text (Batch false, Files[0]) it is an alert listing every reason
// with the JSON path it points at, so the user can fix the file; for an
// import of several files (Batch true) it lists each file: imported under
// its title, still being read, or refused with its reasons. Names,
// titles, paths and messages are rendered as text.
type HomeImportReport struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Batch is true for an import of several files.
	Batch bool
	// Files are the outcomes, in the order the files were given (a copy:
	// go-app updates a component when its fields change). Without Batch,
	// Files[0] is the refused source: its Name names what was imported (a
	// file name, "pasted text").
	Files []home.FileOutcome
	// OnClose hides the report.
	OnClose func(ctx app.Context)
}

// Render implements app.Composer.
func (r *HomeImportReport) Render() app.UI {
	if !r.Batch {
		return r.renderRefused()
	}
	lang := r.Lang
	done, imported, total := (&home.Batch{Files: r.Files}).Counts()
	files := r.Files
	return elc("section", "home-results").
		Role("status").
		Aria("live", "polite").
		DataSet("testid", "import-results").
		DataSet("done", boolAttr(done == total)).
		Body(
			r.head("home-results__title", i18n.T(lang, "home.results")+" — "+i18n.F(lang, "home.resultsSummary", "imported", strconv.Itoa(imported), "total", strconv.Itoa(total))),
			elc("ul", "home-results__list").Body(
				app.Range(files).Slice(func(i int) app.UI {
					f := files[i]
					state, text := "reading", i18n.T(lang, "home.resultReading")
					switch {
					case f.Failed():
						state, text = "failed", i18n.F(lang, "home.resultFailed", "errors", home.Count(lang, len(f.Problems), "count.error"))
					case f.Done:
						state, text = "imported", i18n.F(lang, "home.resultImported", "title", f.Title)
					}
					return elc("li", "home-results__file home-results__file--"+state).
						DataSet("state", state).
						DataSet("file", f.Name).
						Body(
							elcText("strong", "home-results__name", f.Name),
							spanc("home-results__outcome", " — "+text),
							app.If(f.Failed(), func() app.UI { return r.problems(f.Problems) }),
						)
				}),
			),
		)
}

// renderRefused is the alert of one refused source.
func (r *HomeImportReport) renderRefused() app.UI {
	var f home.FileOutcome
	if len(r.Files) > 0 {
		f = r.Files[0]
	}
	return elc("section", "home-errors").
		Role("alert").
		DataSet("testid", "import-errors").
		Body(
			r.head("home-errors__title", i18n.F(r.Lang, "home.importFailed", "file", f.Name, "errors", home.Count(r.Lang, len(f.Problems), "count.error"))),
			r.problems(f.Problems),
		)
}

// head is the report's title and its close button.
func (r *HomeImportReport) head(class, title string) app.UI {
	return elc("div", "home-errors__head").Body(
		elcText("h2", class, title),
		buttonc("home-dialog__close").
			Aria("label", i18n.T(r.Lang, "hdr.close")).
			Text("×").
			OnClick(func(ctx app.Context, e app.Event) {
				if r.OnClose != nil {
					r.OnClose(ctx)
				}
			}),
	)
}

// problems lists the reasons a file was refused, each with its JSON path
// ("the whole file" when it has none).
func (r *HomeImportReport) problems(ps []home.Problem) app.UI {
	return elc("ol", "home-errors__list").Body(
		app.Range(ps).Slice(func(i int) app.UI {
			p := ps[i]
			path := p.Path
			if path == "" {
				path = i18n.T(r.Lang, "home.importWhole")
			}
			return elc("li", "home-errors__item").Body(
				elct("code", "home-errors__path", "error-path").Text(path),
				spanc("home-errors__msg", p.Text(r.Lang)),
			)
		}),
	)
}
