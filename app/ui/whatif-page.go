package ui

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/labwork"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/whatiflab"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/whatif"
)

// whatifDefaultExample is the example the empty page offers.
const whatifDefaultExample = "11-whatif-schet-7dney.json"

// WhatifPage is the what-if lab (/whatif): it runs the open scenario's
// traffic model (or an uploaded event history) through the automation in
// slices with a progress bar, shows the KPIs and four charts, and
// compares two variants on the same traffic.
type WhatifPage struct {
	app.Compo

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	// live counts the runs whose goroutine has not ended yet (a cancelled
	// one included): data-run on the run button says "busy" or "idle".
	live int
	// started counts the runs started, in data-runs on the run button: a
	// run that fails at once can start and end between two frames, so
	// "busy" may never reach the page, and the same error twice reads the
	// same; the count tells an end-to-end test that its click started one.
	started int

	lang    string
	status  string // loading, none, ready, error
	errMsg  string
	example string // the example the URL named

	sc    *engine.Scenario
	title string
	// scJSON is sc's file, which a run in the lab's worker reads (nil
	// while the session has not written it: the run goes in the page).
	scJSON []byte

	seed string
	days string

	stored      []storage.Meta
	variant     string // "", "store:ID", "example:NAME", "file"
	variantData []byte
	variantName string

	replay     []engine.Event
	replayCSV  []byte // the file replay was read from, for the worker
	replayName string

	// the run
	running  bool
	cancel   context.CancelFunc
	percent  int
	progress string
	eta      string
	runMsg   string // "done" or "cancelled": the message is worded at render time
	elapsed  time.Duration
	runErr   string

	// results
	ka, kb      *whatif.KPIs
	sa, sb      *engine.Scenario
	titleB      string
	charts      [][2]WhatifChart // per chart kind: A and B (B empty without comparison)
	tablesA     []charts.Table
	tablesHTML  []string // per table of tablesA: its body as markup (whatifTableHTML)
	neverHTML   []string // per table of tablesA: what never fired or ran, as markup, or ""
	rows        []charts.Row
	onlyChanged bool
	mounting    int // whatifMountAll, or how far the results of a run are mounted

	// statusView is the mounted status line (WhatifStatus), which a run's
	// progress report draws alone; nil when there is none.
	statusView *WhatifStatus

	// place is the address of what the page shows (kept in the URL).
	place route.Place
}

// OnMount restores the language and loads the scenario of the address.
func (p *WhatifPage) OnMount(ctx app.Context) {
	p.setLang(p.Tab.Prefs.Lang())
	p.onlyChanged = true
	place := placeOf(ctx)
	if place.HasSeed {
		p.seed = strconv.Itoa(place.Seed)
	}
	if place.Days > 0 {
		p.days = strconv.Itoa(place.Days)
	}
	p.variant = place.Variant
	p.Tab.lab.start() // so that a run does not wait for it
	p.load(ctx, place)
}

// OnDismount cancels a run in progress and ends the lab's worker (its
// memory goes with it; the next visit starts another).
func (p *WhatifPage) OnDismount() {
	if p.cancel != nil {
		p.cancel()
	}
	p.Tab.lab.stop()
}

func (p *WhatifPage) setLang(lang string) {
	p.lang = i18n.Normalize(lang)
	setDocumentLang(p.lang)
}

func (p *WhatifPage) onLangChange(ctx app.Context, lang string) {
	p.lang = i18n.Normalize(lang)
	p.Tab.Prefs.SetLang(p.lang)
	p.buildResults()
}

// load opens the scenario of the place as variant A: ?example=NAME stores
// a copy of a built-in example (and proposes its sibling as variant B);
// ?id=ID opens a stored scenario; a bare /whatif shows the open scenario,
// else the one this browser opened last. It also lists the stored
// scenarios for variant B.
func (p *WhatifPage) load(ctx app.Context, place route.Place) {
	markLoading(ctx)
	p.status = "loading"
	sess := p.Tab.Session
	var data []byte
	if place.Example != "" {
		ex, _ := examples.Find(place.Example)
		data = ex.Data
		if data == nil {
			p.status, p.errMsg = "error", i18n.F(p.lang, "whatif.exampleMissing", "name", place.Example)
			markShown(ctx, route.Whatif, "")
			return
		}
		p.example = place.Example
		if p.variant == "" {
			p.variant = whatifSibling(place.Example)
		}
	}
	ctx.Async(func() {
		var id string
		var err error
		if data != nil {
			id, err = sess.Create(ctx, data)
		} else {
			id, err = sess.Show(ctx, place.Scenario)
		}
		list, lerr := sess.List(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			if lerr == nil {
				p.stored = list
			}
			switch {
			case errors.Is(err, session.ErrNoScenario):
				p.status = "none"
			case err != nil:
				p.status, p.errMsg = "error", openReason(i18n.Normalize(p.lang), err)
			default:
				p.place = place.WithScenario(id)
				p.attach()
			}
			p.syncPlace(ctx)
			markShown(ctx, route.Whatif, p.place.Scenario)
		})
	})
}

// syncPlace writes variant A, variant B (unless it is an uploaded file,
// which an address cannot hold), the seed and the horizon into the
// address.
func (p *WhatifPage) syncPlace(ctx app.Context) {
	if p.status != "ready" {
		return
	}
	pl := route.Place{Page: route.Whatif, Scenario: p.place.Scenario}
	if p.variant != "file" {
		pl.Variant = p.variant
	}
	if n, err := strconv.Atoi(strings.TrimSpace(p.seed)); err == nil && n >= 0 {
		pl.Seed, pl.HasSeed = n, true
	}
	if n, err := strconv.Atoi(strings.TrimSpace(p.days)); err == nil && n > 0 && n <= route.MaxDays {
		pl.Days = n
	}
	p.place = pl
	showPlace(ctx, pl)
}

// attach takes the session's open scenario as variant A.
func (p *WhatifPage) attach() {
	doc := p.Tab.Session.Doc()
	if doc == nil {
		p.status = "none"
		return
	}
	p.sc, p.scJSON, p.title = doc.Scenario, doc.JSON, doc.Scenario.Title
	p.Tab.lab.prepare(p.scJSON) // the worker reads it while the user sets up the run
	if p.title == "" {
		p.title = doc.ID
	}
	p.status = "ready"
}

// whatifSibling proposes variant B for an example: another example of the
// same family ("11-whatif-schet-7dney" → "11-whatif-schet-3dnya").
func whatifSibling(name string) string {
	prefix, _, ok := strings.Cut(name, "-")
	if !ok {
		return ""
	}
	for _, ex := range whatifExampleNames() {
		if ex != name && strings.HasPrefix(ex, prefix+"-") && strings.Contains(ex, "whatif") {
			return "example:" + ex
		}
	}
	return ""
}

// whatifExampleNames are the built-in examples' file names, read once:
// examples.All copies every file, and the page renders again on every
// progress report of a run.
var whatifExampleNames = sync.OnceValue(func() []string {
	var names []string
	for _, ex := range examples.All() {
		names = append(names, ex.Name)
	}
	return names
})

// options reads the seed and horizon fields.
func (p *WhatifPage) options() whatif.Options {
	return whatiflab.Options(p.seed, p.days, p.lang, p.replay)
}

// onRun runs variant A alone.
func (p *WhatifPage) onRun(ctx app.Context, e app.Event) {
	if p.running || p.sc == nil {
		return
	}
	p.start(ctx, nil, "", nil)
}

// onCompare resolves variant B (from the store off the UI goroutine) and
// runs both variants on A's traffic model.
func (p *WhatifPage) onCompare(ctx app.Context, e app.Event) {
	if p.running || p.sc == nil {
		return
	}
	p.runErr = ""
	variant, fileData, fileName := p.variant, p.variantData, p.variantName
	if variant == "" {
		p.runErr = i18n.T(p.lang, "whatif.variantNone")
		return
	}
	sess := p.Tab.Session
	ctx.Async(func() {
		var data []byte
		var err error
		title := ""
		switch {
		case strings.HasPrefix(variant, "store:"):
			var rec storage.Record
			rec, err = sess.Stored(ctx, strings.TrimPrefix(variant, "store:"))
			data, title = rec.Data, rec.Title
		case strings.HasPrefix(variant, "example:"):
			ex, _ := examples.Find(strings.TrimPrefix(variant, "example:"))
			data = ex.Data
			if data == nil {
				err = errors.New(i18n.F(p.lang, "whatif.exampleMissing", "name", strings.TrimPrefix(variant, "example:")))
			}
		case variant == "file":
			data, title = fileData, fileName
		}
		var sb *engine.Scenario
		if err == nil {
			sb, err = engine.ReadScenario(data)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.runErr = i18n.F(p.lang, "whatif.error", "error", whatifErrText(p.lang, err))
				return
			}
			if sb.Title != "" {
				title = sb.Title
			}
			p.start(ctx, sb, title, data)
		})
	})
}

// onCancel stops the run in progress.
func (p *WhatifPage) onCancel(ctx app.Context, e app.Event) {
	if p.cancel != nil {
		p.cancel()
	}
	if p.mounting != whatifMountAll {
		// The run is over and its results are being mounted: show them.
		p.mounting, p.running, p.runMsg = whatifMountAll, false, "done"
		return
	}
	p.running = false
	p.percent = 0
	p.runMsg = "cancelled"
}

// start runs variant A, or A and B on A's traffic when sb (read from
// dataB) is not nil, in the tab's what-if worker (labWorker), which reads
// the files and reports progress, shown while this run is the page's
// current one. Cancel ends the worker through the run's context. The page
// runs nothing itself: a browser that cannot start the worker gets an
// error that says so (whatif.noWorker).
func (p *WhatifPage) start(ctx app.Context, sb *engine.Scenario, titleB string, dataB []byte) {
	// Refuse a run that cannot finish before it starts, with the same
	// estimate as the command line (whatif.CheckJobs): a tab that starts
	// it would run out of memory long before the end.
	opt := p.options()
	check := []whatif.Job{{Scenario: p.sc, Options: opt}}
	if sb != nil {
		optB := opt
		optB.Model = p.sc.WhatIf
		check = append(check, whatif.Job{Scenario: sb, Options: optB})
	}
	if err := whatif.CheckJobs(check); err != nil {
		p.runErr = i18n.F(p.lang, "whatif.error", "error", whatifErrText(p.lang, err))
		p.runMsg = ""
		return
	}
	if p.cancel != nil {
		p.cancel()
	}
	run, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.running, p.percent, p.runMsg, p.runErr = true, 0, "", ""
	p.mounting = whatifMountAll // a run cut short while mounting leaves its results whole
	p.eta = i18n.T(p.lang, "whatif.etaUnknown")
	lang, sa := p.lang, p.sc
	p.progress = i18n.F(lang, "whatif.progress", "variant", variantLetter(lang, 0), "day", 0, "days", 0)
	req := p.workerRequest(lang)
	req.B = dataB
	p.live++
	p.started++
	ctx.Async(func() {
		defer ctx.Dispatch(func(ctx app.Context) { p.live-- })
		// The run leaves no garbage in the page, and a collection begun
		// while the page waits would mark the open scenario for garbage
		// the run did not make: the collector is held off until the
		// results are on the page and let go without a collection
		// (whatifHoldGCQuiet).
		releaseDrawn := p.Tab.gc.whatifHoldGCQuiet()
		defer func() { releaseDrawn() }()
		// The catalogues of reason texts are parsed on first use, which
		// was the end of the first run, in the task that builds its KPIs:
		// parse them now, in a task of their own.
		whatifYield()
		engine.Texts.Has("")
		whatif.Texts.Has("")
		whatifYield()
		progress := func(pr whatiflab.Progress) {
			ctx.Dispatch(func(ctx app.Context) {
				if run.Err() != nil {
					return
				}
				p.reportProgress(ctx, lang, pr)
			})
		}
		req, err := withFile(req, sa)
		var res whatiflab.Result
		if err == nil {
			res, err = p.Tab.lab.run(run, req, progress)
		}
		// The charts are drawn here, between turns of the browser, and the
		// page only takes them: drawing them in the dispatch made the end
		// of a big run one long task (KPIs, charts and the new DOM).
		var drawn whatifDrawn
		if err == nil && run.Err() == nil {
			whatifYield()
			drawn = whatifResults(lang, sa, res.A, sb, res.B, whatifYield)
			whatifYield()
		}
		whatifYield()
		// The results are mounted in parts, one render each (the tiles,
		// then the charts, then the tables): go-app builds every element of
		// a render in one task, and the whole of them was the longest task
		// of a big run. rendered hears from each part's render (Defer runs
		// once it is done); the next part is dispatched once the browser
		// has painted it, so it gets a frame of its own (go-app renders on
		// its own timer, which can fall twice within one frame).
		rendered := make(chan struct{}, 1)
		afterRender := func(ctx app.Context) {
			ctx.Defer(func(app.Context) { rendered <- struct{}{} })
		}
		ctx.Dispatch(func(ctx app.Context) {
			if run.Err() != nil {
				return // cancelled, or replaced by a newer run
			}
			if err != nil {
				cancel()
				p.running = false
				p.runErr = i18n.F(lang, "whatif.error", "error", whatifErrText(lang, err))
				return
			}
			p.percent = 100
			p.sa, p.ka, p.kb, p.sb, p.titleB = sa, res.A, res.B, nil, ""
			if res.B != nil {
				p.sb, p.titleB = sb, titleB
			}
			p.elapsed = res.Elapsed
			if p.lang == lang {
				p.setResults(drawn)
			} else {
				p.buildResults()
			}
			p.mounting = whatifMountTiles
			afterRender(ctx)
		})
		if err != nil {
			return
		}
		for _, next := range []int{whatifMountSomeCharts, whatifMountCharts, whatifMountAll} {
			select {
			case <-rendered:
			case <-run.Done():
				return
			}
			afterPaint()
			ctx.Dispatch(func(ctx app.Context) {
				if run.Err() != nil {
					return
				}
				p.mounting = next
				if next != whatifMountAll {
					afterRender(ctx)
					return
				}
				cancel()
				p.running = false
				p.runMsg = "done"
				afterRender(ctx)
			})
		}
		// The last part is drawn (or the page has gone, and with it the
		// render this waits for): the collector may run again.
		select {
		case <-rendered:
		case <-time.After(time.Second):
		}
	})
}

// workerRequest is a request for the lab's workers on the page's
// scenario file, history file and fields. The scenario's file is nil when
// the session has not written it yet (a scenario just opened, not yet
// stored): withFile writes it, off the UI goroutine.
func (p *WhatifPage) workerRequest(lang string) labwork.Request {
	return labwork.Request{A: p.scJSON, Replay: p.replayCSV, Seed: p.seed, Days: p.days, Lang: lang}
}

// withFile gives req the file of sc, the scenario it runs, when it has
// none yet (workerRequest).
func withFile(req labwork.Request, sc *engine.Scenario) (labwork.Request, error) {
	if req.A != nil {
		return req, nil
	}
	var err error
	req.A, err = engine.WriteScenario(sc)
	return req, err
}

// What of a finished run's results is on the page (WhatifPage.mounting):
// they are mounted in parts, one render each.
const (
	whatifMountAll        = iota // everything: the zero value, once mounted
	whatifMountTiles             // the KPI tiles only
	whatifMountSomeCharts        // the tiles and the first half of the charts
	whatifMountCharts            // the tiles and the charts
)

// whatifErrText words a run's error in the page's language: a worker
// that stopped under the run or could not start, or what
// whatiflab.ErrText words.
func whatifErrText(lang string, err error) string {
	var ws *workerStopped
	if errors.As(err, &ws) {
		return i18n.F(lang, "whatif.workerStopped", "detail", ws.Detail)
	}
	if errors.Is(err, errNoWorker) {
		return i18n.T(lang, "whatif.noWorker")
	}
	return whatiflab.ErrText(lang, err)
}

// whatifRunState is "busy" while a run's goroutine is alive (even after
// Cancel, until it has noticed), else "idle".
func whatifRunState(live int) string {
	if live > 0 {
		return "busy"
	}
	return "idle"
}

func variantLetter(lang string, i int) string {
	if i == 0 {
		return i18n.T(lang, "whatif.a")
	}
	return i18n.T(lang, "whatif.b")
}

// buildResults draws the charts and tables of the last run in the current
// language.
func (p *WhatifPage) buildResults() {
	if p.ka == nil {
		return
	}
	p.setResults(whatifResults(p.lang, p.sa, p.ka, p.sb, p.kb, nil))
}

// setResults shows what whatifResults drew.
func (p *WhatifPage) setResults(r whatifDrawn) {
	p.charts, p.tablesA, p.rows = r.charts, r.tablesA, r.rows
	p.tablesHTML, p.neverHTML = r.tablesHTML, r.neverHTML
}

// whatifDrawn are a run's charts and tables, drawn in one language.
type whatifDrawn struct {
	charts  [][2]WhatifChart
	tablesA []charts.Table
	// tablesHTML and neverHTML are the tables' bodies and their lists of
	// what never fired or ran, as markup: go-app mounts an element, and a
	// JavaScript value with a finalizer, per cell, and rebuilt and
	// compared the whole of them on every render of the page, a run's
	// progress reports included. As markup each is one element, mounted
	// with one innerHTML, and a render only compares the strings.
	tablesHTML []string
	neverHTML  []string
	rows       []charts.Row
}

// whatifResults draws the charts and tables of A's KPIs (ka, on
// scenario sa), compared with B's when kb is not nil. yield, when not
// nil, is called between the charts: a finished run draws them off the UI
// goroutine, giving the page a turn between them, so the end of a big run
// is not one long task.
func whatifResults(lang string, sa *engine.Scenario, ka *whatif.KPIs, sb *engine.Scenario, kb *whatif.KPIs, yield func()) whatifDrawn {
	var out whatifDrawn
	pause := func() {
		if yield != nil {
			yield()
		}
	}
	pipe := charts.MainPipeline(ka)
	type kind struct {
		name, key string
		draw      func(k *whatif.KPIs, sc *engine.Scenario, title string, ref []charts.Bar) (string, []charts.Bar)
	}
	kinds := []kind{
		{"funnel", "whatif.chart.funnel", func(k *whatif.KPIs, sc *engine.Scenario, title string, ref []charts.Bar) (string, []charts.Bar) {
			bars := charts.FunnelBars(k, sc, pipe, lang)
			if ref != nil {
				bars = charts.CompareBars(ref, bars, charts.Semantics(k, pipe), lang)
			}
			return charts.Funnel(title, bars, lang), bars
		}},
		{"flow", "whatif.chart.flow", func(k *whatif.KPIs, sc *engine.Scenario, title string, _ []charts.Bar) (string, []charts.Bar) {
			return charts.CumulativeFlow(title, charts.FlowSeries(k, sc, pipe), lang), nil
		}},
		{"time", "whatif.chart.time", func(k *whatif.KPIs, sc *engine.Scenario, title string, _ []charts.Bar) (string, []charts.Bar) {
			return charts.TimeInStage(title, charts.Spans(k, sc, pipe), lang), nil
		}},
		{"triggers", "whatif.chart.triggers", func(k *whatif.KPIs, sc *engine.Scenario, title string, _ []charts.Bar) (string, []charts.Bar) {
			return charts.TriggerCounts(title, charts.TriggerBars(k, sc, lang), lang), nil
		}},
	}
	for _, kd := range kinds {
		var pair [2]WhatifChart
		title := i18n.T(lang, kd.key)
		titleA := title
		if kb != nil {
			titleA = i18n.T(lang, "whatif.a") + ": " + title
		}
		svg, bars := kd.draw(ka, sa, titleA, nil)
		pair[0] = WhatifChart{Name: kd.name + "-a", Title: titleA, SVG: svg, Lang: lang}
		if kb != nil {
			titleB := i18n.T(lang, "whatif.b") + ": " + title
			svgB, _ := kd.draw(kb, sb, titleB, bars)
			pair[1] = WhatifChart{Name: kd.name + "-b", Title: titleB, SVG: svgB, Lang: lang}
		}
		out.charts = append(out.charts, pair)
		pause()
	}
	out.tablesA = charts.Tables(ka, sa, lang, false)
	for _, t := range out.tablesA {
		out.tablesHTML = append(out.tablesHTML, whatifTableHTML(lang, t))
		never := ""
		switch {
		case t.Name == "triggers" && len(ka.NeverFired) > 0:
			never = whatifNeverHTML(lang, "whatif.neverFired", ka.NeverFired, func(id string) string { return charts.TriggerName(sa, id) })
		case t.Name == "robots" && len(ka.NeverRan) > 0:
			never = whatifNeverHTML(lang, "whatif.neverRan", ka.NeverRan, func(id string) string { return charts.RobotName(sa, id) })
		}
		out.neverHTML = append(out.neverHTML, never)
	}
	if kb != nil {
		pause()
		out.rows = charts.CompareRows(whatif.Compare(ka, kb), ka, kb, sa, sb, lang)
	}
	return out
}

// ---- inputs ----

func (p *WhatifPage) onSeed(ctx app.Context, e app.Event) {
	p.seed = ctx.JSSrc().Get("value").String()
	p.syncPlace(ctx)
}

func (p *WhatifPage) onDays(ctx app.Context, e app.Event) {
	p.days = ctx.JSSrc().Get("value").String()
	p.syncPlace(ctx)
}

func (p *WhatifPage) onVariant(ctx app.Context, e app.Event) {
	p.variant = ctx.JSSrc().Get("value").String()
	p.syncPlace(ctx)
}

func (p *WhatifPage) onVariantFile(ctx app.Context, e app.Event) {
	whatifReadFile(ctx, e, func(ctx app.Context, name string, data []byte, err error) {
		if err != nil {
			p.runErr = i18n.F(p.lang, "whatif.error", "error", err.Error())
			return
		}
		if _, err := engine.ReadScenario(data); err != nil {
			p.runErr = i18n.F(p.lang, "whatif.error", "error", name+": "+whatifErrText(p.lang, err))
			return
		}
		p.variant, p.variantData, p.variantName, p.runErr = "file", data, name, ""
		p.syncPlace(ctx)
	})
}

// onScenarioFile opens an uploaded scenario as variant A (stored in the
// session like an import).
func (p *WhatifPage) onScenarioFile(ctx app.Context, e app.Event) {
	sess := p.Tab.Session
	whatifReadFile(ctx, e, func(ctx app.Context, name string, data []byte, err error) {
		if err != nil {
			p.runErr = i18n.F(p.lang, "whatif.error", "error", err.Error())
			return
		}
		ctx.Async(func() {
			id, err := sess.Create(ctx, data)
			list, _ := sess.List(ctx)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.runErr = i18n.F(p.lang, "whatif.error", "error", name+": "+whatifErrText(p.lang, err))
					return
				}
				p.stored, p.runErr = list, ""
				p.ka, p.kb, p.charts, p.rows = nil, nil, nil, nil
				p.place = p.place.WithScenario(id)
				p.attach()
				p.syncPlace(ctx)
				markShown(ctx, route.Whatif, id)
			})
		})
	})
}

func (p *WhatifPage) onReplayFile(ctx app.Context, e app.Event) {
	whatifReadFile(ctx, e, func(ctx app.Context, name string, data []byte, err error) {
		if err == nil {
			var evs []engine.Event
			evs, err = whatif.ReplayCSV(bytes.NewReader(data))
			if err == nil {
				p.replay, p.replayCSV, p.replayName, p.runErr = evs, data, name, ""
				return
			}
			if errors.Is(err, whatif.ErrNoEvents) {
				p.runErr = i18n.F(p.lang, "whatif.replayEmpty", "file", name)
				return
			}
		}
		p.runErr = i18n.F(p.lang, "whatif.error", "error", name+": "+strings.Join(whatif.ReplayErrorLines(err, p.lang), "\n"))
	})
}

func (p *WhatifPage) onReplayClear(ctx app.Context, e app.Event) {
	p.replay, p.replayCSV, p.replayName = nil, nil, ""
}

func (p *WhatifPage) onOnlyChanged(ctx app.Context, e app.Event) {
	p.onlyChanged = ctx.JSSrc().Get("checked").Bool()
}

// onTableCSV downloads KPI table i of variant A in its raw CSV form.
func (p *WhatifPage) onTableCSV(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.ka == nil {
			return
		}
		tabs := charts.Tables(p.ka, p.sa, p.lang, true)
		if i < len(tabs) {
			download("whatif-"+tabs[i].Name+".csv", "text/csv;charset=utf-8", tabs[i].CSV())
		}
	}
}

func (p *WhatifPage) onCompareCSV(ctx app.Context, e app.Event) {
	download("whatif-compare.csv", "text/csv;charset=utf-8", charts.CompareTable(p.rows, p.lang).CSV())
}

// ---- rendering ----

// Render implements app.Composer.
func (p *WhatifPage) Render() app.UI {
	lang := p.lang
	if lang == "" {
		lang = i18n.Default
	}
	return pageFrame(lang, p.Tab, p.place, "shell whatif-page", "shell__main whatif", p.onLangChange, p.renderMain(lang))
}

func (p *WhatifPage) renderMain(lang string) app.UI {
	switch p.status {
	case "none", "error":
		title := i18n.T(lang, "whatif.noScenario")
		return &EmptyState{TestID: "whatif-message", Icon: "info", Heading: 1,
			Title: title, Detail: p.errMsg, Text: i18n.T(lang, "whatif.noScenarioHint"),
			ActionText: i18n.T(lang, "whatif.openExample"), ActionHref: "/whatif?example=" + whatifDefaultExample,
			ActionID: "whatif-open-example",
			Extra: []app.UI{&FileButton{Lang: lang, Label: i18n.T(lang, "whatif.openFile"), TestID: "whatif-scenario-file",
				Accept: ".json,application/json", OnChange: p.onScenarioFile}}}
	case "ready":
	default:
		return pc("whatif__loading", i18n.T(lang, "loading"))
	}
	return whatifPageView.el(lang,
		p.renderControls(lang),
		&WhatifStatus{Lang: lang, Running: p.running, Percent: p.percent, Progress: p.progress, Eta: p.eta,
			RunMsg: p.runMsg, Elapsed: p.elapsed, RunErr: p.runErr, Owner: p},
		p.renderResults(lang),
		&WhatifLab{Lang: lang, Scenario: p.sc, Options: p.options(), Busy: p.running, Page: p}, // whatif-lab.go
	)
}

// The what-if page with a scenario: its title, the forms, the status
// line, the results and the lab.
var whatifPageView = &view{name: "whatif-page", src: `
<div class="whatif__page">
	<div class="whatif__head">
		<h1 class="whatif__title">{t:whatif.title}</h1>
		<p class="whatif__lead">{t:whatif.lead}</p>
	</div>
	{0}
	{1}
	{2}
	{3}
</div>`}

func (p *WhatifPage) renderControls(lang string) app.UI {
	noModel := p.sc.WhatIf == nil && p.replay == nil
	modelDays := 0
	if p.sc.WhatIf != nil {
		modelDays = p.sc.WhatIf.Horizon()
	}
	seedPlaceholder := ""
	if p.sc.WhatIf != nil {
		seedPlaceholder = strconv.Itoa(p.sc.WhatIf.Seed)
	}
	var warning, cancel, fromFile, replay app.UI
	if noModel {
		warning = pc("whatif__warning", i18n.T(lang, "whatif.noModel"))
	}
	if p.running && p.mounting == whatifMountAll {
		cancel = whatifCancelView.el(lang, p.onCancel)
	}
	stored := make([]app.UI, len(p.stored))
	for i, m := range p.stored {
		v := "store:" + m.ID
		stored[i] = option(v, p.variant == v, m.Title)
	}
	names := whatifExampleNames()
	examples := make([]app.UI, len(names))
	for i, name := range names {
		v := "example:" + name
		examples[i] = option(v, p.variant == v, name)
	}
	if p.variantName != "" {
		fromFile = option("file", p.variant == "file", i18n.F(lang, "whatif.variantFromFile", "name", p.variantName))
	}
	if p.replay != nil {
		replay = whatifReplayView.el(lang, i18n.F(lang, "whatif.replayLoaded", "file", p.replayName, "events", len(p.replay)), p.onReplayClear)
	}
	return whatifControlsView.el(lang,
		p.title,
		seedPlaceholder, p.seed, p.onSeed,
		strconv.Itoa(modelDays), p.days, p.onDays,
		&FileButton{Lang: lang, Label: i18n.T(lang, "whatif.openFile"), TestID: "whatif-scenario-file",
			Accept: ".json,application/json", OnChange: p.onScenarioFile},
		warning,
		whatifRunState(p.live), p.running || noModel, p.onRun, cancel,
		p.onVariant, p.variant == "", stored, examples, fromFile,
		&FileButton{Lang: lang, Label: i18n.T(lang, "file.choose"), TestID: "whatif-variant-file",
			Accept: ".json,application/json", OnChange: p.onVariantFile},
		&FileButton{Lang: lang, Label: i18n.T(lang, "file.choose"), TestID: "whatif-replay-file",
			Accept: ".csv,text/csv", OnChange: p.onReplayFile},
		replay,
		p.running || noModel && p.replay == nil, p.onCompare,
		strconv.Itoa(p.started),
	)
}

// The what-if page's two panels: variant A with the run, variant B with
// the event history.
var whatifControlsView = &view{name: "whatif-controls", src: `
<div class="whatif__controls">
	<section class="whatif__panel whatif__panel--a" aria-label={t:whatif.scenario}>
		<h2 class="whatif__panel-title">
			<span class="whatif__badge whatif__badge--a">{t:whatif.a}</span>
			<span class="whatif__scenario-title" data-testid="whatif-title-a">{0}</span>
		</h2>
		<div class="whatif__fields">
			<label class="whatif__field">
				<span class="whatif__field-label">{t:whatif.seed}</span>
				<input type="number" min="0" class="whatif__input" data-testid="whatif-seed" placeholder={1} value={2} @change={3} @input={3} />
			</label>
			<label class="whatif__field">
				<span class="whatif__field-label">{t:whatif.days}</span>
				<input type="number" min="1" max="3650" class="whatif__input" data-testid="whatif-days" placeholder={4} value={5} @change={6} @input={6} />
			</label>
			{7}
		</div>
		{8}
		<div class="whatif__actions">
			<button type="button" class="button button--primary" data-testid="whatif-run" data-run={9} data-runs={23} disabled={10} @click={11}>{t:whatif.run}</button>
			{12}
		</div>
	</section>
	<section class="whatif__panel whatif__panel--b" aria-label={t:whatif.variant}>
		<h2 class="whatif__panel-title">
			<span class="whatif__badge whatif__badge--b">{t:whatif.b}</span>
			<span>{t:whatif.variant}</span>
		</h2>
		<p class="whatif__hint">{t:whatif.variantHint}</p>
		<div class="whatif__fields">
			<select class="whatif__select" data-testid="whatif-variant" aria-label={t:whatif.variant} @change={13}>
				<option value="" selected={14}>{t:whatif.variantNone}</option>
				<optgroup label={t:whatif.variantStored}>{15}</optgroup>
				<optgroup label={t:whatif.variantExamples}>{16}</optgroup>
				{17}
			</select>
			<div class="whatif__file">
				<span>{t:whatif.variantFile}</span>
				{18}
			</div>
		</div>
		<div class="whatif__fields">
			<div class="whatif__file">
				<span>{t:whatif.replay}</span>
				{19}
			</div>
			{20}
		</div>
		<p class="whatif__hint">{t:whatif.replayHint}</p>
		<div class="whatif__actions">
			<button type="button" class="button button--primary" data-testid="whatif-compare" disabled={21} @click={22}>{t:whatif.runAB}</button>
		</div>
	</section>
</div>`}

// The run's cancel button, while a run goes.
var whatifCancelView = &view{name: "whatif-cancel", src: `
<button type="button" class="button" data-testid="whatif-cancel" @click={0}>{t:whatif.cancel}</button>`}

// The loaded event history: its file and size, and the button clearing it.
var whatifReplayView = &view{name: "whatif-replay", src: `
<span class="whatif__replay" data-testid="whatif-replay">{0}<button type="button" class="whatif__link" @click={1}>{t:whatif.replayClear}</button></span>`}

// reportProgress takes a run's progress report, on the UI goroutine; ctx
// is the page's. Only the status line is drawn again: a render of the
// whole page (its forms, the last run's results, the header) on every
// report was most of go-app's work while a run goes, and it shared the
// browser's task with the run's slice. go-app updates a component and
// every component above it, so the page takes back its update and, in the
// status line's own dispatch, the one that dispatch gives it. Any other
// update of the page in the same frame still counts.
func (p *WhatifPage) reportProgress(ctx app.Context, lang string, pr whatiflab.Progress) {
	p.percent = pr.Percent
	p.progress = i18n.F(lang, "whatif.progress", "variant", variantLetter(lang, pr.Variant), "day", pr.Day, "days", pr.Days)
	p.eta = i18n.T(lang, "whatif.etaUnknown")
	if pr.Left > 0 {
		p.eta = i18n.F(lang, "whatif.eta", "left", format.UI(lang).Elapsed(pr.Left))
	}
	v := p.statusView
	if v == nil {
		return // the page draws it
	}
	ctx.PreventUpdate()
	v.ctx.Dispatch(func(app.Context) {
		ctx.PreventUpdate()
		v.Percent, v.Progress, v.Eta = p.percent, p.progress, p.eta
	})
}

// WhatifStatus is the what-if page's status line: a run's progress bar,
// the message once it is over, the last error. The page passes its state
// on every render; a run's progress report draws it alone
// (WhatifPage.reportProgress).
type WhatifStatus struct {
	app.Compo

	Lang     string
	Running  bool
	Percent  int
	Progress string
	Eta      string
	RunMsg   string // "done" or "cancelled"
	Elapsed  time.Duration
	RunErr   string
	// Owner is the page, which reaches the mounted status line through
	// its statusView.
	Owner *WhatifPage

	ctx app.Context
}

// OnMount registers the status line with its page.
func (c *WhatifStatus) OnMount(ctx app.Context) {
	c.ctx = ctx
	if c.Owner != nil {
		c.Owner.statusView = c
	}
}

// OnDismount lets the page draw without it.
func (c *WhatifStatus) OnDismount() {
	if c.Owner != nil && c.Owner.statusView == c {
		c.Owner.statusView = nil
	}
}

// Render implements app.Composer.
func (c *WhatifStatus) Render() app.UI {
	lang := c.Lang
	return elc("div", "whatif__status").Attr("aria-live", "polite").Body(
		app.If(c.Running, func() app.UI {
			return elct("div", "whatif__progress", "whatif-progress").Body(
				elc("div", "whatif__progress-track").
					Role("progressbar").
					Attr("aria-label", i18n.T(lang, "whatif.progressLabel")).
					Attr("aria-valuemin", "0").Attr("aria-valuemax", "100").Attr("aria-valuenow", strconv.Itoa(c.Percent)).
					Body(elc("div", "whatif__progress-bar").Style("width", strconv.Itoa(c.Percent)+"%")),
				spanc("whatif__progress-text", c.Progress+" · "+strconv.Itoa(c.Percent)+" % · "+c.Eta),
			)
		}),
		app.If(!c.Running && c.RunMsg != "", func() app.UI {
			msg := i18n.T(lang, "whatif.cancelled")
			if c.RunMsg == "done" {
				msg = i18n.F(lang, "whatif.elapsed", "time", format.UI(lang).Elapsed(c.Elapsed))
			}
			// data-ran-in: the page runs nothing itself (the tests check
			// that the run was the worker's).
			return elct("p", "whatif__done", "whatif-done").Attr("data-ran-in", "worker").
				Attr("data-elapsed-ms", strconv.FormatInt(c.Elapsed.Milliseconds(), 10)).Text(msg)
		}),
		app.If(c.RunErr != "", func() app.UI {
			return elc("p", "whatif__error").Role("alert").Attr("data-testid", "whatif-error").Text(c.RunErr)
		}),
	)
}

func (p *WhatifPage) renderResults(lang string) app.UI {
	if p.ka == nil || len(p.charts) == 0 {
		return app.Elem("div")
	}
	ab := p.kb != nil
	var titles, chartsUI, compare, tables app.UI
	if ab {
		titles = whatifABTitlesView.el(lang, p.title, p.titleB)
	}
	if p.mounting != whatifMountTiles {
		chartsUI = p.renderCharts(ab)
	}
	if p.mounting == whatifMountAll && ab {
		compare = p.renderCompare(lang)
	}
	if p.mounting == whatifMountAll {
		tables = p.renderTables(lang)
	}
	return elct("div", "whatif__results", "whatif-results").Attr("data-ab", strconv.FormatBool(ab)).Body(
		p.renderTiles(lang),
		titles,
		chartsUI,
		compare,
		tables,
	)
}

// The titles of variants A and B over their charts.
var whatifABTitlesView = &view{name: "whatif-ab-titles", src: `
<div class="whatif__ab-titles">
	<div class="whatif__ab-title"><span class="whatif__badge whatif__badge--a">{t:whatif.a}</span>{0}</div>
	<div class="whatif__ab-title"><span class="whatif__badge whatif__badge--b">{t:whatif.b}</span>{1}</div>
</div>`}

func (p *WhatifPage) renderCharts(ab bool) app.UI {
	shown := p.charts
	if p.mounting == whatifMountSomeCharts {
		// Each chart is an SVG document the browser parses when it is
		// mounted: all four at once, the first time, made a long task.
		shown = shown[:(len(shown)+1)/2]
	}
	return elc("div", whatifGridClass(ab)).Body(
		app.Range(shown).Slice(func(i int) app.UI {
			pair := p.charts[i]
			if !ab {
				c := pair[0]
				return &c
			}
			a, b := pair[0], pair[1]
			return elc("div", "whatif__pair").Body(&a, &b)
		}),
	)
}

func whatifGridClass(ab bool) string {
	if ab {
		return "whatif__charts whatif__charts--ab"
	}
	return "whatif__charts"
}

func whatifToneClass(base string, tone int, changed bool) string {
	switch {
	case tone > 0:
		return base + " " + base + "--better"
	case tone < 0:
		return base + " " + base + "--worse"
	case changed:
		return base + " " + base + "--changed"
	}
	return base
}

func (p *WhatifPage) renderTiles(lang string) app.UI {
	tiles := whatiflab.Tiles(p.ka, p.kb, lang)
	out := make([]app.UI, len(tiles))
	for i, t := range tiles {
		var value, delta app.UI
		if p.kb == nil {
			value = spanc("whatif__tile-value", t.A)
		} else {
			value = whatifTileABView.el(lang, t.A, Icon("right"), t.B)
		}
		if t.Delta != "" {
			delta = spanc("whatif__tile-delta", t.Delta)
		}
		out[i] = whatifTileView.el(lang, whatifToneClass("whatif__tile", t.Tone, t.Delta != ""), strings.TrimPrefix(t.Key, "whatif.sum."), i18n.T(lang, t.Key), value, delta)
	}
	return elct("div", "whatif__tiles", "whatif-tiles").Body(out...)
}

// A tile of the results: a number's label, its value (or A → B) and the
// change.
var whatifTileView = &view{name: "whatif-tile", src: `
<div class={0} data-tile={1}><span class="whatif__tile-label">{2}</span>{3}{4}</div>`}

// A tile's value in a comparison: A → B.
var whatifTileABView = &view{name: "whatif-tile-ab", src: `
<span class="whatif__tile-value"><span class="whatif__tile-a">{0}</span><span class="whatif__tile-arrow">{1}</span><span class="whatif__tile-b">{2}</span></span>`}

func (p *WhatifPage) renderCompare(lang string) app.UI {
	changed := 0
	var shown []charts.Row
	for _, r := range p.rows {
		if r.Changed {
			changed++
		}
		if r.Changed || !p.onlyChanged {
			shown = append(shown, r)
		}
	}
	summary := i18n.T(lang, "whatif.cmp.same")
	if changed > 0 {
		summary = i18n.F(lang, "whatif.cmp.changed", "changed", changed, "total", len(p.rows))
	}
	rows := make([]app.UI, len(shown))
	for i, r := range shown {
		rows[i] = whatifCompareRowView.el(lang, whatifToneClass("whatif__row", r.Tone, r.Changed), r.Key, r.Label, r.A, r.B, r.Delta)
	}
	return whatifCompareView.el(lang, summary, p.onlyChanged, p.onOnlyChanged, " "+i18n.T(lang, "whatif.cmp.onlyChanged"),
		whatifExportView.el(lang, "export-csv-compare", i18n.F(lang, "whatif.exportAs", "title", i18n.T(lang, "whatif.cmp.title"), "format", "CSV"), p.onCompareCSV, Icon("download")),
		rows)
}

// The comparison table of A and B; its check box's words come in with
// their leading space.
var whatifCompareView = &view{name: "whatif-compare", src: `
<section class="whatif__panel whatif__compare" data-testid="whatif-compare-table">
	<div class="whatif__table-head">
		<h2 class="whatif__panel-title">{t:whatif.cmp.title}</h2>
		<span class="whatif__hint">{0}</span>
		<label class="whatif__check">
			<input type="checkbox" checked={1} data-testid="whatif-only-changed" @change={2} />
			{3}
		</label>
		{4}
	</div>
	<table class="whatif__table whatif__table--compare">
		<thead>
			<tr>
				<th scope="col">{t:whatif.col.metric}</th>
				<th scope="col" class="whatif__num">{t:whatif.a}</th>
				<th scope="col" class="whatif__num">{t:whatif.b}</th>
				<th scope="col" class="whatif__num">{t:whatif.col.delta}</th>
			</tr>
		</thead>
		<tbody>{5}</tbody>
	</table>
</section>`}

// A row of the comparison table.
var whatifCompareRowView = &view{name: "whatif-compare-row", src: `
<tr class={0} data-key={1}>
	<th scope="row">{2}</th>
	<td class="whatif__num">{3}</td>
	<td class="whatif__num">{4}</td>
	<td class="whatif__num whatif__delta">{5}</td>
</tr>`}

// A table's CSV export button.
var whatifExportView = &view{name: "whatif-export", src: `
<button type="button" class="whatif__export-button" data-testid={0} aria-label={1} @click={2}>{3}<span class="icon-text">CSV</span></button>`}

func (p *WhatifPage) renderTables(lang string) app.UI {
	titles := []string{"whatif.table.stages", "whatif.table.triggers", "whatif.table.robots", "whatif.table.reasons", "whatif.table.loops"}
	var head app.UI
	if p.kb != nil {
		head = whatifTablesTitleView.el(lang, p.title)
	}
	out := make([]app.UI, len(p.tablesA))
	for i, t := range p.tablesA {
		title := i18n.T(lang, titles[i])
		var export, never app.UI
		if len(t.Rows) > 0 {
			export = whatifExportView.el(lang, "export-csv-"+t.Name, i18n.F(lang, "whatif.exportAs", "title", title, "format", "CSV"), p.onTableCSV(i), Icon("download"))
		}
		if p.neverHTML[i] != "" {
			never = app.Raw(p.neverHTML[i])
		}
		out[i] = whatifTableView.el(lang, t.Name, title, export, app.Raw(p.tablesHTML[i]), never)
	}
	return elc("div", "whatif__tables").Body(append([]app.UI{head}, out...)...)
}

// The title over variant A's tables in a comparison.
var whatifTablesTitleView = &view{name: "whatif-tables-title", src: `
<h2 class="whatif__section-title"><span class="whatif__badge whatif__badge--a">{t:whatif.a}</span>{0}</h2>`}

// A table of the results: its title, its export button, its body (as
// markup) and what never fired or ran.
var whatifTableView = &view{name: "whatif-table", src: `
<section class="whatif__panel whatif__table-panel" data-table={0}>
	<div class="whatif__table-head">
		<h2 class="whatif__panel-title">{1}</h2>
		{2}
	</div>
	{3}
	{4}
</section>`}

// whatifTableHTML is a table's body as one piece of markup (see
// whatifDrawn): the scrolling box with the table, or the hint that it is
// empty. It gives the elements go-app built cell by cell before.
func whatifTableHTML(lang string, t charts.Table) string {
	if len(t.Rows) == 0 {
		msg := "whatif.chart.empty"
		switch t.Name {
		case "loops":
			msg = "whatif.noLoops"
		case "no-move-reasons":
			msg = "whatif.noReasons"
		}
		return `<p class="whatif__hint">` + escapeHTML(i18n.T(lang, msg)) + `</p>`
	}
	class := func(j int) string {
		if j < len(t.Numeric) && t.Numeric[j] {
			return ` class="whatif__num"`
		}
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div class="whatif__table-scroll"><table class="whatif__table"><thead><tr>`)
	for j, h := range t.Head {
		b.WriteString(`<th scope="col"` + class(j) + `>` + escapeHTML(h) + `</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, row := range t.Rows {
		b.WriteString(`<tr>`)
		for j, c := range row {
			if j == 0 {
				b.WriteString(`<th scope="row">` + escapeHTML(c) + `</th>`)
				continue
			}
			b.WriteString(`<td` + class(j) + `>` + escapeHTML(c) + `</td>`)
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table></div>`)
	return b.String()
}

// whatifNeverHTML is the list of the triggers that never fired (or the
// robots that never ran) under a table, as one piece of markup.
func whatifNeverHTML(lang, key string, ids []string, name func(string) string) string {
	var b strings.Builder
	b.WriteString(`<p class="whatif__never"><strong>` + escapeHTML(i18n.T(lang, key)+" ") + `</strong>`)
	for _, id := range ids {
		b.WriteString(`<span class="whatif__never-item">` + escapeHTML(name(id)) + `</span>`)
	}
	b.WriteString(`</p>`)
	return b.String()
}
