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
	kpis := make([]app.UI, len(choices))
	for i, c := range choices {
		kpis[i] = option(c, c == kpi, c)
	}
	var progress, msg, errMsg app.UI
	if l.running {
		progress = whatifLabProgressView.el(lang,
			strconv.Itoa(l.percent),
			elc("div", "whatif__progress-bar").Style("width", strconv.Itoa(l.percent)+"%"),
			i18n.F(lang, "lab.progress", "n", min(l.done+1, l.total), "total", l.total)+" · "+strconv.Itoa(l.percent)+" %",
			l.onCancel)
	}
	if l.msg != "" {
		msg = elct("p", "whatif__done", "lab-msg").Text(i18n.T(lang, l.msg))
	}
	if l.errMsg != "" {
		errMsg = whatifLabErrorView.el(lang, l.errMsg)
	}
	busy := l.running || l.Busy || noModel
	return whatifLabView.el(lang,
		l.runs, whatifLabInput(&l.runs), busy, func(ctx app.Context, e app.Event) { l.start(ctx, false) },
		l.path, whatifLabInput(&l.path),
		l.from, whatifLabInput(&l.from),
		l.to, whatifLabInput(&l.to),
		l.step, whatifLabInput(&l.step),
		whatifLabInput(&l.kpi), kpis,
		whatifLabInput(&l.goal), l.goal != whatif.GoalMin, l.goal == whatif.GoalMin,
		busy, func(ctx app.Context, e app.Event) { l.start(ctx, true) },
		progress, msg, errMsg,
		l.renderResult(lang),
		whatif.MaxRuns,
	)
}

// whatifLabInput is the handler of a field of the lab's forms: it keeps
// the field's value in *s.
func whatifLabInput(s *string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { *s = ctx.JSSrc().Get("value").String() }
}

// The lab's panel: the replications field, the sweep form, the status of
// a batch and its result.
var whatifLabView = &view{name: "whatif-lab", src: `
<section class="whatif__panel whatif-lab" data-testid="lab" aria-label={t:lab.sweepTitle}>
	<div class="whatif__fields">
		<label class="whatif__field" title={t:lab.runsHint}>
			<span class="whatif__field-label">{t:lab.runs}</span>
			<input type="number" min="1" max={23} class="whatif__input" data-testid="lab-runs" placeholder="5" value={0} @input={1} />
		</label>
		<div class="whatif__actions">
			<button type="button" class="button button--primary" data-testid="lab-run" disabled={2} @click={3}>{t:lab.runsButton}</button>
		</div>
	</div>
	<h2 class="whatif__panel-title">{t:lab.sweepTitle}</h2>
	<div class="whatif__fields whatif-lab__sweep">
		<label class="whatif__field">
			<span class="whatif__field-label">{t:lab.sweepPath}</span>
			<input type="text" class="whatif__input" data-testid="lab-path" placeholder="robots[0].delay.value" value={4} @input={5} />
		</label>
		<label class="whatif__field">
			<span class="whatif__field-label">{t:lab.sweepFrom}</span>
			<input type="text" class="whatif__input" data-testid="lab-from" placeholder="1" value={6} @input={7} />
		</label>
		<label class="whatif__field">
			<span class="whatif__field-label">{t:lab.sweepTo}</span>
			<input type="text" class="whatif__input" data-testid="lab-to" placeholder="5" value={8} @input={9} />
		</label>
		<label class="whatif__field">
			<span class="whatif__field-label">{t:lab.sweepStep}</span>
			<input type="text" class="whatif__input" data-testid="lab-step" placeholder="1" value={10} @input={11} />
		</label>
		<label class="whatif__field">
			<span class="whatif__field-label">{t:lab.sweepKPI}</span>
			<select class="whatif__select" data-testid="lab-kpi" @change={12}>{13}</select>
		</label>
		<label class="whatif__field">
			<span class="whatif__field-label">{t:lab.sweepGoal}</span>
			<select class="whatif__select" data-testid="lab-goal" @change={14}>
				<option value="max" selected={15}>{t:lab.goalMax}</option>
				<option value="min" selected={16}>{t:lab.goalMin}</option>
			</select>
		</label>
		<div class="whatif__actions">
			<button type="button" class="button button--primary" data-testid="lab-sweep" disabled={17} @click={18}>{t:lab.sweepButton}</button>
		</div>
	</div>
	<div class="whatif__status" aria-live="polite">
		{19}
		{20}
		{21}
	</div>
	{22}
</section>`}

// A batch's progress: its bar, how far it is, and the button cancelling it.
var whatifLabProgressView = &view{name: "whatif-lab-progress", src: `
<div class="whatif__progress" data-testid="lab-progress">
	<div class="whatif__progress-track" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow={0}>{1}</div>
	<span class="whatif__progress-text">{2}</span>
	<button type="button" class="button" data-testid="lab-cancel" @click={3}>{t:lab.cancel}</button>
</div>`}

// A batch's error.
var whatifLabErrorView = &view{name: "whatif-lab-error", src: `
<p class="whatif__error" role="alert" data-testid="lab-error">{0}</p>`}

func (l *WhatifLab) renderResult(lang string) app.UI {
	if l.res == nil || l.running {
		return app.Elem("div")
	}
	r := l.res
	kind, head := "runs", whatifLabRunsHeadView
	if r.Sweep != nil {
		kind, head = "sweep", whatifLabSweepHeadView
	}
	lines := make([]app.UI, len(r.Lines))
	for i, line := range r.Lines {
		lines[i] = whatifLabLineView.el(lang, line)
	}
	rows := make([]app.UI, len(r.Rows))
	for i, row := range r.Rows {
		cells := make([]app.UI, len(row))
		for j, c := range row {
			if j == 0 {
				cells[j] = whatifLabRowHeadView.el(lang, c)
			} else {
				cells[j] = whatifLabCellView.el(lang, c)
			}
		}
		rows[i] = app.Elem("tr").Body(cells...)
	}
	return whatifLabResultView.el(lang, kind, strconv.Itoa(l.plan.Runs),
		&WhatifChart{Name: "lab-" + kind, Title: kind, SVG: r.Chart, Lang: lang},
		lines, head.el(lang), rows)
}

// The lab's result: its chart, its lines and its table.
var whatifLabResultView = &view{name: "whatif-lab-result", src: `
<div class="whatif-lab__result" data-testid="lab-result" data-kind={0} data-runs={1} data-ran-in="workers">
	{2}
	{3}
	<div class="whatif__table-scroll">
		<table class="whatif__table">
			<thead>{4}</thead>
			<tbody>{5}</tbody>
		</table>
	</div>
</div>`}

// The head of the lab's table of runs.
var whatifLabRunsHeadView = &view{name: "whatif-lab-runs-head", src: `
<tr><th scope="col">{t:lab.tableMetric}</th><th scope="col">{t:lab.tableMean}</th><th scope="col">{t:lab.tableCI}</th></tr>`}

// The head of the lab's table of a sweep.
var whatifLabSweepHeadView = &view{name: "whatif-lab-sweep-head", src: `
<tr><th scope="col">{t:lab.tableValue}</th><th scope="col">{t:lab.tableMean}</th><th scope="col">{t:lab.tableCI}</th><th scope="col">{t:lab.tableVsBest}</th></tr>`}

// A line of the lab's result.
var whatifLabLineView = &view{name: "whatif-lab-line", src: `
<p class="whatif__hint" data-testid="lab-line">{0}</p>`}

// The first cell of a row of the lab's table, its label.
var whatifLabRowHeadView = &view{name: "whatif-lab-row-head", src: `
<th scope="row">{0}</th>`}

// A number of the lab's table.
var whatifLabCellView = &view{name: "whatif-lab-cell", src: `
<td class="whatif__num">{0}</td>`}

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
