package ui

import (
	"context"
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/text"
	"github.com/triggersim/triggersim/whatif"
)

// WhatifLab is the what-if page's replications and sweep panel: a «Повторов»
// field and a sweep form. It runs the jobs that app/labrun plans in slices
// (a whatif.Batch, a turn for the browser between slices) with progress and
// cancel, and shows the result with interval charts. The page passes the
// scenario and the run options.
type WhatifLab struct {
	app.Compo

	Lang     string
	Scenario *engine.Scenario
	Options  whatif.Options
	// Busy is true while the page runs a plain run.
	Busy bool
	// Page is the what-if page: its scenario file, history file and
	// fields for the lab's workers, and the tab's pool of them.
	Page *WhatifPage

	runs                 string
	path, from, to, step string
	kpi, goal            string

	running bool
	// batch is the context of the last batch started: the reports of an
	// older one are dropped. stop cancels it, which ends its workers.
	batch   context.Context
	stop    context.CancelFunc
	done    int
	total   int
	percent int
	errMsg  string
	msg     string

	plan    labrun.Plan
	values  []float64
	ks      []*whatif.KPIs
	sc      *engine.Scenario
	res     *labrun.Result
	resLang string
}

// OnDismount stops a run in progress.
func (l *WhatifLab) OnDismount() {
	l.halt()
}

// halt stops the batch in progress: its workers end.
func (l *WhatifLab) halt() {
	if l.stop != nil {
		l.stop()
	}
}

// Render implements app.Composer.
func (l *WhatifLab) Render() app.UI {
	lang := l.Lang
	if l.res != nil && l.resLang != lang && l.ks != nil {
		if res, err := l.plan.Result(l.sc, l.values, l.ks, lang); err == nil {
			l.res, l.resLang = res, lang
		}
	}
	noModel := l.Scenario == nil || l.Scenario.WhatIf == nil && l.Options.Replay == nil
	kpi := l.kpi
	if kpi == "" && l.Scenario != nil {
		kpi = whatif.DefaultKPI(l.Scenario)
	}
	var choices []string
	if l.Scenario != nil {
		choices = labrun.KPIChoices(l.Scenario)
	}
	field := func(label, testid, value, placeholder string, set func(string)) app.UI {
		return elc("label", "whatif__field").Body(
			spanc("whatif__field-label", label),
			app.ElemSelfClosing("input").Attr("type", "text").Class("whatif__input").DataSet("testid", testid).
				Attr("placeholder", placeholder).Attr("value", value).
				OnInput(func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("value").String()) }),
		)
	}
	return elct("section", "whatif__panel whatif-lab", "lab").Aria("label", i18n.T(lang, "lab.sweepTitle")).Body(
		elc("div", "whatif__fields").Body(
			elc("label", "whatif__field").Title(i18n.T(lang, "lab.runsHint")).Body(
				spanc("whatif__field-label", i18n.T(lang, "lab.runs")),
				app.ElemSelfClosing("input").Attr("type", "number").Attr("min", 1).Attr("max", whatif.MaxRuns).Class("whatif__input").DataSet("testid", "lab-runs").
					Attr("placeholder", "5").Attr("value", l.runs).
					OnInput(func(ctx app.Context, e app.Event) { l.runs = ctx.JSSrc().Get("value").String() }),
			),
			elc("div", "whatif__actions").Body(
				buttonc("button button--primary").DataSet("testid", "lab-run").
					Attr("disabled", l.running || l.Busy || noModel).Text(i18n.T(lang, "lab.runsButton")).
					OnClick(func(ctx app.Context, e app.Event) { l.start(ctx, false) }),
			),
		),
		elcText("h2", "whatif__panel-title", i18n.T(lang, "lab.sweepTitle")),
		elc("div", "whatif__fields whatif-lab__sweep").Body(
			field(i18n.T(lang, "lab.sweepPath"), "lab-path", l.path, "robots[0].delay.value", func(s string) { l.path = s }),
			field(i18n.T(lang, "lab.sweepFrom"), "lab-from", l.from, "1", func(s string) { l.from = s }),
			field(i18n.T(lang, "lab.sweepTo"), "lab-to", l.to, "5", func(s string) { l.to = s }),
			field(i18n.T(lang, "lab.sweepStep"), "lab-step", l.step, "1", func(s string) { l.step = s }),
			elc("label", "whatif__field").Body(
				spanc("whatif__field-label", i18n.T(lang, "lab.sweepKPI")),
				elct("select", "whatif__select", "lab-kpi").
					OnChange(func(ctx app.Context, e app.Event) { l.kpi = ctx.JSSrc().Get("value").String() }).Body(
					app.Range(choices).Slice(func(i int) app.UI {
						return app.Elem("option").Attr("value", choices[i]).Attr("selected", choices[i] == kpi).Text(choices[i])
					}),
				),
			),
			elc("label", "whatif__field").Body(
				spanc("whatif__field-label", i18n.T(lang, "lab.sweepGoal")),
				elct("select", "whatif__select", "lab-goal").
					OnChange(func(ctx app.Context, e app.Event) { l.goal = ctx.JSSrc().Get("value").String() }).Body(
					app.Elem("option").Attr("value", whatif.GoalMax).Attr("selected", l.goal != whatif.GoalMin).Text(i18n.T(lang, "lab.goalMax")),
					app.Elem("option").Attr("value", whatif.GoalMin).Attr("selected", l.goal == whatif.GoalMin).Text(i18n.T(lang, "lab.goalMin")),
				),
			),
			elc("div", "whatif__actions").Body(
				buttonc("button button--primary").DataSet("testid", "lab-sweep").
					Attr("disabled", l.running || l.Busy || noModel).Text(i18n.T(lang, "lab.sweepButton")).
					OnClick(func(ctx app.Context, e app.Event) { l.start(ctx, true) }),
			),
		),
		elc("div", "whatif__status").Aria("live", "polite").Body(
			app.If(l.running, func() app.UI {
				return elct("div", "whatif__progress", "lab-progress").Body(
					elc("div", "whatif__progress-track").Role("progressbar").
						Aria("valuemin", "0").Aria("valuemax", "100").Aria("valuenow", strconv.Itoa(l.percent)).
						Body(elc("div", "whatif__progress-bar").Style("width", strconv.Itoa(l.percent)+"%")),
					spanc("whatif__progress-text", i18n.F(lang, "lab.progress", "n", min(l.done+1, l.total), "total", l.total)+" · "+strconv.Itoa(l.percent)+" %"),
					buttonc("button").DataSet("testid", "lab-cancel").
						Text(i18n.T(lang, "lab.cancel")).OnClick(l.onCancel),
				)
			}),
			app.If(l.msg != "", func() app.UI {
				return elct("p", "whatif__done", "lab-msg").Text(i18n.T(lang, l.msg))
			}),
			app.If(l.errMsg != "", func() app.UI {
				return elc("p", "whatif__error").Role("alert").DataSet("testid", "lab-error").Text(l.errMsg)
			}),
		),
		l.renderResult(lang),
	)
}

func (l *WhatifLab) renderResult(lang string) app.UI {
	if l.res == nil || l.running {
		return app.Elem("div")
	}
	r := l.res
	kind := "runs"
	head := []string{i18n.T(lang, "lab.tableMetric"), i18n.T(lang, "lab.tableMean"), i18n.T(lang, "lab.tableCI")}
	if r.Sweep != nil {
		kind = "sweep"
		head = []string{i18n.T(lang, "lab.tableValue"), i18n.T(lang, "lab.tableMean"), i18n.T(lang, "lab.tableCI"), i18n.T(lang, "lab.tableVsBest")}
	}
	return elct("div", "whatif-lab__result", "lab-result").DataSet("kind", kind).DataSet("runs", strconv.Itoa(l.plan.Runs)).DataSet("ran-in", "workers").Body(
		&WhatifChart{Name: "lab-" + kind, Title: kind, SVG: r.Chart, Lang: lang},
		app.Range(r.Lines).Slice(func(i int) app.UI {
			return elct("p", "whatif__hint", "lab-line").Text(r.Lines[i])
		}),
		elc("div", "whatif__table-scroll").Body(
			elc("table", "whatif__table").Body(
				app.Elem("thead").Body(app.Elem("tr").Body(app.Range(head).Slice(func(j int) app.UI { return thCol().Text(head[j]) }))),
				app.Elem("tbody").Body(app.Range(r.Rows).Slice(func(i int) app.UI {
					row := r.Rows[i]
					return app.Elem("tr").Body(app.Range(row).Slice(func(j int) app.UI {
						if j == 0 {
							return app.Elem("th").Attr("scope", "row").Text(row[j])
						}
						return elcText("td", "whatif__num", row[j])
					}))
				})),
			),
		),
	)
}

func (l *WhatifLab) onCancel(ctx app.Context, e app.Event) {
	l.halt()
	l.running, l.msg = false, "lab.cancelled"
}

// start plans the runs (off the UI goroutine: a sweep reads the scenario
// once per point) and runs them in the tab's workers (labPool).
func (l *WhatifLab) start(ctx app.Context, sweep bool) {
	if l.running || l.Scenario == nil {
		return
	}
	lang, sc := l.Lang, l.Scenario
	form := labrun.Form{Runs: l.runs, KPI: l.kpi, Goal: l.goal}
	if sweep {
		form.Path, form.From, form.To, form.Step = l.path, l.from, l.to, l.step
	}
	l.errMsg, l.msg = "", ""
	plan, err := form.Plan(lang)
	if err == nil && sweep && plan.Sweep == nil {
		err = errors.New(i18n.T(lang, "lab.errNoPath"))
	}
	if err != nil {
		l.errMsg = err.Error()
		return
	}
	l.halt()
	run, stop := context.WithCancel(context.Background())
	l.batch, l.stop, l.running, l.percent, l.done, l.total = run, stop, true, 0, 0, 0
	// The tab's pool of workers runs the batch.
	pg := l.Page
	req := pg.workerRequest(lang)
	ctx.Async(func() {
		defer stop()
		fail := func(err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if l.batch == run {
					l.running, l.errMsg = false, text.Sentence(err.Error())
				}
			})
		}
		done := func(ks []*whatif.KPIs, values []float64) {
			res, err := plan.Result(sc, values, ks, lang)
			if err != nil {
				fail(err)
				return
			}
			drawn := make(chan struct{})
			ctx.Dispatch(func(ctx app.Context) {
				if l.batch != run {
					close(drawn)
					return
				}
				l.running, l.percent = false, 100
				l.plan, l.values, l.ks, l.sc, l.res, l.resLang = plan, values, ks, sc, res, lang
				ctx.Defer(func(app.Context) { close(drawn) })
			})
			// The collector, held off for a batch in the workers, is let
			// go once the result is drawn (or the panel is gone).
			select {
			case <-drawn:
			case <-time.After(time.Second):
			}
		}
		// The page only waits and draws progress meanwhile: a collection
		// begun then would mark the whole page in the first idle moment,
		// one long task (see whatifHoldGCQuiet).
		release := pg.Tab.gc.whatifHoldGCQuiet()
		defer release()
		values, n := []float64(nil), plan.Runs
		if plan.Sweep != nil {
			vs, err := plan.Sweep.Values()
			if err != nil {
				fail(errors.New(whatifErrText(lang, err)))
				return
			}
			values, n = vs, len(vs)*plan.Runs
		}
		req, err := withFile(req, sc)
		if err != nil {
			fail(errors.New(whatifErrText(lang, err)))
			return
		}
		pool := &pg.Tab.labs
		ks, err := pool.batch(run, req, form, n, pool.parts(n), func(d int, frac float64) {
			ctx.Dispatch(func(ctx app.Context) {
				if l.batch == run {
					l.done, l.total, l.percent = d, n, int(math.Round(frac*100))
				}
			})
		})
		switch {
		case run.Err() != nil:
			// cancelled, or replaced by a newer batch
		case err != nil:
			fail(errors.New(whatifErrText(lang, err)))
		default:
			done(ks, values)
		}
	})
}
