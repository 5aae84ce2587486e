package ui

import (
	"fmt"
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
	return p.frame(p.Tab, "results-page", p.onLangChange,
		p.toolbar(i18n.T(lang, "results.title"), ""),
		elText("p", i18n.T(lang, "results.intro")),
		elc("div", "results-page__inputs").Body(
			&FileButton{Lang: lang, Label: i18n.T(lang, "results.files"), TestID: "results-files", Multiple: true,
				Accept: ".json,application/json", OnChange: p.onFiles},
			app.Elem("label").Attr("for", "results-paste").Text(i18n.T(lang, "results.paste")),
			app.Elem("textarea").ID("results-paste").Attr("rows", 4).DataSet("testid", "results-paste").Attr("value", p.paste).
				OnInput(func(ctx app.Context, e app.Event) { p.paste = ctx.JSSrc().Get("value").String() }),
			buttonc("button button--primary").DataSet("testid", "results-add").
				OnClick(p.onPaste).Text(i18n.T(lang, "results.add")),
		),
		app.Range(p.errs).Slice(func(i int) app.UI {
			return elc("p", "lesson-page__error").Role("alert").DataSet("testid", "results-error").Text(p.errs[i])
		}),
		app.If(len(sheet.Rows) == 0, func() app.UI {
			return &EmptyState{TestID: "results-empty", Icon: "info", Heading: 2, Title: i18n.T(lang, "results.empty"),
				ActionText: i18n.T(lang, "results.toLessons"), ActionHref: "/lessons", ActionID: "results-to-lessons"}
		}).Else(func() app.UI {
			return elct("table", "results-page__table", "results-table").Body(
				app.Elem("thead").Body(app.Elem("tr").Body(
					thCol().Text(i18n.T(lang, "results.who")),
					thCol().Text(i18n.T(lang, "results.lesson")),
					thCol().Text(i18n.T(lang, "results.goals")),
					thCol().Text(i18n.T(lang, "results.hints")),
					thCol().Text(i18n.T(lang, "results.attempts")),
					thCol().Text(i18n.T(lang, "results.time")),
					thCol().Text(i18n.T(lang, "results.when")),
				)),
				app.Elem("tbody").Body(app.Range(sheet.Rows).Slice(func(i int) app.UI {
					r := sheet.Rows[i]
					return app.Elem("tr").DataSet("testid", "results-row").DataSet("done", fmt.Sprint(r.Done())).Body(
						app.Elem("td").DataSet("testid", "results-who").Text(r.Trainee),
						elText("td", r.Title+" ("+r.Lesson+")"),
						app.Elem("td").DataSet("testid", "results-goals").Body(
							app.Text(fmt.Sprintf("%d/%d ", r.Met(), len(r.Goals))),
							app.Range(r.Goals).Slice(func(j int) app.UI {
								g := r.Goals[j]
								icon, state := "cross", i18n.T(lang, "teach.lesson.fail")
								if g.Pass {
									icon, state = "check", i18n.T(lang, "teach.lesson.pass")
								}
								return elc("span", "results-page__goal").Role("img").Title(g.Name+": "+state).Aria("label", g.Name+": "+state).Body(Icon(icon))
							}),
						),
						app.Elem("td").DataSet("testid", "results-hints").Text(r.Hints),
						app.Elem("td").Text(r.Attempts),
						elText("td", fmt.Sprintf("%d:%02d", r.Seconds/60, r.Seconds%60)),
						elText("td", format.UI(lang).DateTime(r.Submitted.Local())),
					)
				})),
			)
		}),
		app.If(sheet.Replaced > 0, func() app.UI {
			return elText("p", i18n.F(lang, "results.replaced", "n", sheet.Replaced))
		}),
	)
}
