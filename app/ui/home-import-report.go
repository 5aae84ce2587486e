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
	files := make([]app.UI, len(r.Files))
	for i, f := range r.Files {
		state, text := "reading", i18n.T(lang, "home.resultReading")
		var problems app.UI
		switch {
		case f.Failed():
			state, text = "failed", i18n.F(lang, "home.resultFailed", "errors", home.Count(lang, len(f.Problems), "count.error"))
			problems = r.problems(f.Problems)
		case f.Done:
			state, text = "imported", i18n.F(lang, "home.resultImported", "title", f.Title)
		}
		files[i] = homeReportFileView.el(lang, "home-results__file home-results__file--"+state, state, f.Name, " — "+text, problems)
	}
	return homeReportResultsView.el(lang,
		boolAttr(done == total),
		i18n.T(lang, "home.results")+" — "+i18n.F(lang, "home.resultsSummary", "imported", strconv.Itoa(imported), "total", strconv.Itoa(total)),
		r.onClose, files)
}

// renderRefused is the alert of one refused source.
func (r *HomeImportReport) renderRefused() app.UI {
	var f home.FileOutcome
	if len(r.Files) > 0 {
		f = r.Files[0]
	}
	return homeReportRefusedView.el(r.Lang,
		i18n.F(r.Lang, "home.importFailed", "file", f.Name, "errors", home.Count(r.Lang, len(f.Problems), "count.error")),
		r.onClose, r.problems(f.Problems))
}

func (r *HomeImportReport) onClose(ctx app.Context, e app.Event) {
	if r.OnClose != nil {
		r.OnClose(ctx)
	}
}

// problems lists the reasons a file was refused, each with its JSON path
// ("the whole file" when it has none).
func (r *HomeImportReport) problems(ps []home.Problem) app.UI {
	items := make([]app.UI, len(ps))
	for i, p := range ps {
		path := p.Path
		if path == "" {
			path = i18n.T(r.Lang, "home.importWhole")
		}
		items[i] = homeReportProblemView.el(r.Lang, path, p.Text(r.Lang))
	}
	return homeReportProblemsView.el(r.Lang, items)
}

// The report of an import of several files: its title ({1}), its close
// button and a row per file.
var homeReportResultsView = &view{name: "home-report-results", src: `
<section class="home-results" role="status" aria-live="polite" data-testid="import-results" data-done={0}>
	<div class="home-errors__head">
		<h2 class="home-results__title">{1}</h2>
		<button type="button" class="home-dialog__close" aria-label={t:hdr.close} @click={2}>×</button>
	</div>
	<ul class="home-results__list">{3}</ul>
</section>`}

// A file of an import of several files: its name, what became of it (the
// words come with their leading dash) and why it was refused ({4}).
var homeReportFileView = &view{name: "home-report-file", src: `
<li class={0} data-state={1} data-file={2}>
	<strong class="home-results__name">{2}</strong>
	<span class="home-results__outcome">{3}</span>
	{4}
</li>`}

// The alert of one refused source: its title, its close button and the
// reasons.
var homeReportRefusedView = &view{name: "home-report-refused", src: `
<section class="home-errors" role="alert" data-testid="import-errors">
	<div class="home-errors__head">
		<h2 class="home-errors__title">{0}</h2>
		<button type="button" class="home-dialog__close" aria-label={t:hdr.close} @click={1}>×</button>
	</div>
	{2}
</section>`}

// The reasons a file was refused.
var homeReportProblemsView = &view{name: "home-report-problems", src: `
<ol class="home-errors__list">{0}</ol>`}

// A reason a file was refused: the JSON path it points at and the message.
var homeReportProblemView = &view{name: "home-report-problem", src: `
<li class="home-errors__item">
	<code class="home-errors__path" data-testid="error-path">{0}</code>
	<span class="home-errors__msg">{1}</span>
</li>`}
