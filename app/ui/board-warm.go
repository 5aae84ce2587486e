package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/gchold"
	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/engine"
)

// The browser compiles a WebAssembly function the first time it is
// called. The first clock jump on a page called most of the engine and
// the board's models for the first time, and their compilation went into
// its tasks: in a Chromium trace of the first jump over 10 000 deals,
// wasm.CompileLazy and the instruction cache flush that follows took
// about 50 ms of one task, against under 1 ms in later jumps. Once the
// board is painted, warmUpBoard runs the same code on a throwaway
// simulation of a few of the scenario's items, in small steps with a
// turn for the browser between them, so that each step compiles little.

// warmItems is how many of the scenario's items the throwaway simulation
// keeps (the scenario's own items come first, before any added copies).
const warmItems = 50

// warmSteps bounds the throwaway simulation's run, in calls of warmUnits
// units of the engine's work each (one task each).
const (
	warmSteps = 200
	warmUnits = 8
)

// warmUpBoard warms the board's code up once per tab (Tab.boardWarm), on
// a copy of sc cut to its first items, after the page has been painted,
// and marks the body data-board-warm="1" when it is done. Nothing of the
// page is read or written: the copy and its controller are thrown away.
func warmUpBoard(ctx app.Context, tab *Tab, sc *engine.Scenario, lang string) {
	if tab == nil || tab.boardWarm || !app.IsClient || sc == nil {
		return
	}
	tab.boardWarm = true
	small := warmScenario(sc)
	ctx.Async(func() {
		afterPaint()
		warmUp(small, lang, whatifYield)
		ctx.Dispatch(func(app.Context) {
			// The mark benchmarks wait for: the page has settled.
			app.Window().Get("document").Get("body").Get("dataset").Set("boardWarm", "1")
		})
	})
}

// warmScenario is a shallow copy of sc with only its first warmItems
// items.
func warmScenario(sc *engine.Scenario) *engine.Scenario {
	small := *sc
	small.Items = sc.Items[:min(len(sc.Items), warmItems):min(len(sc.Items), warmItems)]
	return &small
}

// warmUp runs the board's work on sc: a controller, a run to its end in
// small slices, the board's models, the explanation, the checks and the
// timeline; yield comes between the steps. It reports whether the run
// reached the end. A scenario the engine refuses warms up less, and that
// is all.
func warmUp(sc *engine.Scenario, lang string, yield func()) (ended bool) {
	ctl, err := simulate.New(sc)
	if err != nil {
		return false
	}
	yield()
	end := ctl.End()
	for i := 0; i < warmSteps && !ended; i++ {
		ended = ctl.RunToward(end, warmUnits)
		yield()
	}
	ctl.EndRun()
	yield()
	names := simulate.NewNames(sc)
	tabs, _ := ctl.View("", 0, nil, names, lang)
	if len(tabs) > 0 {
		ctl.View(tabs[0].Entity, tabs[0].Pipeline, nil, names, lang)
	}
	yield()
	simulate.Explain(ctl.Sim(), ctl.LastEvent(), names, lang)
	yield()
	gchold.Prepare() // the first fired event holds the collector off
	yield()
	ctl.Checks(lang)
	ctl.Timeline(lang)
	// A card moved by hand, as the board's move menu or a drop fires it:
	// the engine's manual move, the explanation of a fired event, the
	// board's models after it and the state the board stores.
	if ev, at, ok := warmMove(ctl); ok {
		yield()
		ctl.Fire(ev)
		x := simulate.Explain(ctl.Sim(), ctl.LastEvent(), names, lang)
		yield()
		// The panel that shows it, built but never mounted: its render
		// functions are among the largest the first fire compiled.
		(&ExplainPanel{Lang: lang, X: x}).Render()
		yield()
		ctl.View(at.Entity, at.Pipeline, nil, names, lang)
		ctl.MarshalState()
	}
	return ended
}

// warmMove is a manual move of the first item to another stage of its
// pipeline, and where the item is before it; false when there is none.
func warmMove(ctl *simulate.Controller) (engine.Event, engine.ItemPlace, bool) {
	for _, at := range ctl.Sim().Places() {
		pl, ok := ctl.Pipeline(at.Entity, at.Pipeline)
		if !ok {
			continue
		}
		for _, st := range pl.Stages {
			if st.ID != at.Stage {
				return simulate.MoveEvent(at.Target, st.ID, 0), at, true
			}
		}
	}
	return engine.Event{}, engine.ItemPlace{}, false
}
