package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/lesson"
)

// ResultsPage is /results: the trainer chooses the result sheets trainees
// sent (or pastes their text) and sees one table: who, which goals, how
// many hints and checks. Everything stays in this tab: the sheets are kept
// in the tab's storage (prefs.Results), so a reload shows them again.
type ResultsPage struct {
	app.Compo
	teachChrome

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	results []*lesson.Result
	texts   []string // the sheets as read, kept for a reload
	errs    []string
	paste   string
}

// OnNav mounts the page with the sheets this tab collected before.
func (p *ResultsPage) OnNav(ctx app.Context) {
	p.mountChrome(ctx, p.Tab)
	p.results, p.texts, p.errs = nil, nil, nil
	for _, text := range p.Tab.Prefs.Results() {
		if r, err := lesson.ReadResult([]byte(text)); err == nil {
			p.results, p.texts = append(p.results, r), append(p.texts, text)
		}
	}
	markReady(ctx)
}

func (p *ResultsPage) onLangChange(ctx app.Context, lang string) { p.changeLang(ctx, lang) }

func (p *ResultsPage) add(name string, data []byte) {
	r, err := lesson.ReadResult(data)
	if err != nil {
		lang := p.currentLang()
		p.errs = append(p.errs, i18n.F(lang, "results.bad", "file", name, "error", strings.Join(teach.Problems(err, lang), "; ")))
		return
	}
	p.results, p.texts = append(p.results, r), append(p.texts, string(data))
	p.Tab.Prefs.SetResults(p.texts)
}

func (p *ResultsPage) onFiles(ctx app.Context, e app.Event) {
	files := e.Get("target").Get("files")
	p.errs = nil
	for i := 0; i < files.Length(); i++ {
		readFileText(ctx, files.Index(i), func(ctx app.Context, name string, data []byte, err error) {
			if err != nil {
				p.errs = append(p.errs, i18n.F(p.currentLang(), "results.bad", "file", name, "error", err))
				return
			}
			p.add(name, data)
		})
	}
}

func (p *ResultsPage) onPaste(ctx app.Context, e app.Event) {
	p.errs = nil
	if strings.TrimSpace(p.paste) == "" {
		return
	}
	p.add(i18n.T(p.currentLang(), "results.paste"), []byte(p.paste))
	if len(p.errs) == 0 {
		p.paste = ""
	}
}

// Render implements app.Composer.
func (p *ResultsPage) Render() app.UI {
	lang := p.currentLang()
	sheet := lesson.Collect(p.results)
	body := append([]app.UI{p.toolbar(i18n.T(lang, "results.title"), "")},
		resultsInputsView.els(lang,
			&FileButton{Lang: lang, Label: i18n.T(lang, "results.files"), TestID: "results-files", Multiple: true,
				Accept: ".json,application/json", OnChange: p.onFiles},
			p.paste, func(ctx app.Context, e app.Event) { p.paste = ctx.JSSrc().Get("value").String() },
			p.onPaste)...)
	for _, e := range p.errs {
		body = append(body, resultsErrorView.el(lang, e))
	}
	if len(sheet.Rows) == 0 {
		body = append(body, &EmptyState{TestID: "results-empty", Icon: "info", Heading: 2, Title: i18n.T(lang, "results.empty"),
			ActionText: i18n.T(lang, "results.toLessons"), ActionHref: "/lessons", ActionID: "results-to-lessons"})
	} else {
		pass, fail := i18n.T(lang, "teach.lesson.pass"), i18n.T(lang, "teach.lesson.fail")
		rows := make([]app.UI, len(sheet.Rows))
		for i, r := range sheet.Rows {
			goals := make([]app.UI, len(r.Goals))
			for j, g := range r.Goals {
				icon, state := "cross", fail
				if g.Pass {
					icon, state = "check", pass
				}
				goals[j] = resultsGoalView.el(lang, g.Name+": "+state, Icon(icon))
			}
			rows[i] = resultsRowView.el(lang, r.Done(), r.Trainee, r.Title+" ("+r.Lesson+")",
				fmt.Sprintf("%d/%d ", r.Met(), len(r.Goals)), goals,
				strconv.Itoa(r.Hints), strconv.Itoa(r.Attempts),
				fmt.Sprintf("%d:%02d", r.Seconds/60, r.Seconds%60),
				format.UI(lang).DateTime(r.Submitted.Local()))
		}
		body = append(body, resultsTableView.el(lang, rows))
	}
	if sheet.Replaced > 0 {
		body = append(body, elText("p", i18n.F(lang, "results.replaced", "n", sheet.Replaced)))
	}
	return p.frame(p.Tab, "results-page", p.onLangChange, body...)
}

// The results page's intro and inputs: the result files and the pasted
// sheet.
var resultsInputsView = &view{name: "results-inputs", src: `
<p>{t:results.intro}</p>
<div class="results-page__inputs">
	{0}
	<label for="results-paste">{t:results.paste}</label>
	<textarea id="results-paste" rows="4" data-testid="results-paste" value={1} @input={2}></textarea>
	<button type="button" class="button button--primary" data-testid="results-add" @click={3}>{t:results.add}</button>
</div>`}

// A sheet that could not be read.
var resultsErrorView = &view{name: "results-error", src: `
<p class="lesson-page__error" role="alert" data-testid="results-error">{0}</p>`}

// The table of the results, a row per trainee and lesson.
var resultsTableView = &view{name: "results-table", src: `
<table class="results-page__table" data-testid="results-table">
	<thead><tr>
		<th scope="col">{t:results.who}</th>
		<th scope="col">{t:results.lesson}</th>
		<th scope="col">{t:results.goals}</th>
		<th scope="col">{t:results.hints}</th>
		<th scope="col">{t:results.attempts}</th>
		<th scope="col">{t:results.time}</th>
		<th scope="col">{t:results.when}</th>
	</tr></thead>
	<tbody>{0}</tbody>
</table>`}

// A trainee's result for a lesson.
var resultsRowView = &view{name: "results-row", src: `
<tr data-testid="results-row" data-done={0}>
	<td data-testid="results-who">{1}</td>
	<td>{2}</td>
	<td data-testid="results-goals">{3}{4}</td>
	<td data-testid="results-hints">{5}</td>
	<td>{6}</td>
	<td>{7}</td>
	<td>{8}</td>
</tr>`}

// A goal's verdict in a result row.
var resultsGoalView = &view{name: "results-goal", src: `
<span class="results-page__goal" role="img" title={0} aria-label={0}>{1}</span>`}
