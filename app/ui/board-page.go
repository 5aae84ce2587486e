package ui

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
)

// Timing of long runs: the wasm app shares one thread with the page, so a
// run goes in slices of a few milliseconds with a pause between them that
// lets the browser paint.
const (
	sliceBudget = 8 * time.Millisecond
	slicePause  = time.Millisecond
	// sliceUnits is how much engine work (simulate.Controller.RunToward)
	// runs between two looks at the wall clock.
	sliceUnits   = 32
	playInterval = 50 * time.Millisecond
	// refreshEvery bounds how often a long jump rebuilds the board.
	refreshEvery = 250 * time.Millisecond
)

// Side panels of the board page.
const (
	panelExplain  = "explain"
	panelTimeline = "timeline"
	panelLog      = "log"
	panelChecks   = "checks"
)

// BoardPage is the simulation view: the Kanban board of the open scenario,
// the virtual clock, the event script, and the explanations of what the
// triggers and robots did.
type BoardPage struct {
	app.Compo

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	page pageContext // dispatches async results through the page

	lang   string
	status string // loading, none, ready, error
	errMsg string

	ctl   *simulate.Controller
	names *simulate.Names

	entity   string
	pipeline int
	limits   map[string]int
	panel    string
	// sideClosed hides the side panel; sideNews marks its toggle when an
	// event was explained while it was hidden.
	sideClosed bool
	sideNews   bool
	// simSaved is true once the store holds the state shown, and saves
	// counts the writes started (data-sim-saved on the board: tests wait
	// for it before a reload).
	simSaved bool
	saves    int

	tabs     []simulate.Tab
	board    simulate.Board
	explain  *simulate.Explanation
	checks   []simulate.Check
	rows     []simulate.Row
	logLines []simulate.Line
	logTotal int
	filter   simulate.Filter
	targets  []string

	// dialogs
	fireOpen    bool
	fireTarget  string
	itemOpen    bool
	itemTarget  string
	moveTarget  string
	scriptOpen  bool
	scriptIndex int // -1 = a new script event
	scriptErr   string
	actionErr   string
	dragTarget  string

	// clock
	playing  bool
	running  bool
	progress int
	speed    int
	gen      int

	// place is the address of what the page shows (kept in the URL).
	place route.Place
	// storing is the id of a new scenario shown before it is stored
	// (?example=…, session.OpenNew): the address keeps the example until
	// the store has it, so a reload meanwhile makes the copy again instead
	// of asking for an id the store does not know.
	storing string

	// actions is what the columns and cards do, made once (cardActions);
	// clock what the clock bar's controls do (clockActions).
	actions *CardActions
	clock   *ClockActions
	// drawWait asks the running loop to have the board drawn before its
	// next tick (see loop).
	drawWait bool
}

// cardActions returns the board's one CardActions, so that the columns and
// cards see the same pointer on every render.
func (p *BoardPage) cardActions() *CardActions {
	if p.actions == nil {
		p.actions = &CardActions{
			Open: p.onOpen, Fire: p.onFire, Move: p.onMoveMenu, Drop: p.onDrop, More: p.onMore,
			Drag: func(ctx app.Context, target string) { p.dragTarget = target; ctx.PreventUpdate() },
		}
	}
	return p.actions
}

// clockActions returns the board's one ClockActions, so that the clock
// bar sees the same pointer on every render and is rendered again only
// when what it shows changed.
func (p *BoardPage) clockActions() *ClockActions {
	if p.clock == nil {
		p.clock = &ClockActions{
			OnPlay: p.onPlay, OnPause: p.onPause, OnStep: p.onStep, OnEnd: p.onEnd,
			OnReset: p.onReset, OnUndo: p.onUndo, OnRedo: p.onRedo,
			OnSpeed: func(ctx app.Context, n int) { p.speed = n }, OnJump: p.onJump,
		}
	}
	return p.clock
}

// OnMount restores the language and the side panel's state; OnNav, which
// go-app calls right after, loads the scenario of the address.
func (p *BoardPage) OnMount(ctx app.Context) {
	p.page.set(ctx)
	p.setLang(p.Tab.Prefs.Lang())
	p.sideClosed = p.Tab.Prefs.SideClosed()
	p.speed = simulate.DefaultSpeed
	p.panel = panelExplain
	p.scriptIndex = -1
}

// OnNav shows the place of the address (route.Place): on the first load,
// a reload, back and forward, and the header's link to this page.
func (p *BoardPage) OnNav(ctx app.Context) {
	place := placeOf(ctx)
	if d := p.Tab.Session.Doc(); p.status == "ready" && place.Example == "" && d != nil && (place.Scenario == "" || place.Scenario == d.ID) {
		p.attach(ctx, place.WithScenario(d.ID))
		return
	}
	p.load(ctx, place)
}

// OnDismount stops a running play or jump.
func (p *BoardPage) OnDismount() {
	p.gen++
	p.playing, p.running = false, false
	if p.ctl != nil {
		p.ctl.EndRun()
	}
}

func (p *BoardPage) setLang(lang string) {
	p.lang = i18n.Normalize(lang)
	setDocumentLang(p.lang)
}

func (p *BoardPage) onLangChange(ctx app.Context, lang string) {
	p.lang = i18n.Normalize(lang)
	p.Tab.Prefs.SetLang(p.lang)
	if p.ctl != nil {
		p.refresh()
	}
}

// load opens the scenario of the place: ?example=NAME (with ?items=N
// extra items) stores a copy of a built-in example; ?id=ID opens a stored
// scenario; a bare /simulate shows the open scenario, else the one this
// browser opened last. Storage calls run off the UI goroutine.
func (p *BoardPage) load(ctx app.Context, place route.Place) {
	markLoading(ctx)
	p.status, p.errMsg = "loading", ""
	sess := p.Tab.Session
	if place.Example != "" {
		ex, ok := examples.Find(place.Example)
		data := ex.Data
		if !ok {
			p.status, p.errMsg = "error", i18n.F(p.lang, "board.exampleMissing", "name", place.Example)
			markShown(ctx, route.Simulate, "")
			return
		}
		extra := place.Items
		// The copy is shown before it is written and stored: with
		// ?items=N that is 1.4 MB of JSON, about half a second of wasm,
		// which now runs after the first paint (storeNew).
		ctx.Async(func() {
			sc, err := simulate.ScenarioWithItems(data, extra)
			id := ""
			if err == nil {
				id, err = sess.OpenNew(context.Background(), sc)
			}
			ctx.Dispatch(func(ctx app.Context) {
				if err == nil {
					p.storing = id
				}
				p.loaded(ctx, place.WithScenario(id), err)
			})
		})
		return
	}
	ctx.Async(func() {
		id, err := sess.Show(context.Background(), place.Scenario)
		ctx.Dispatch(func(ctx app.Context) { p.loaded(ctx, place.WithScenario(id), err) })
	})
}

// loaded shows the outcome of load.
func (p *BoardPage) loaded(ctx app.Context, place route.Place, err error) {
	switch {
	case errors.Is(err, session.ErrNoScenario):
		p.status = "none"
	case err != nil:
		p.status, p.errMsg = "error", openReason(i18n.Normalize(p.lang), err)
	default:
		p.attach(ctx, place)
		return
	}
	markShown(ctx, route.Simulate, "")
}

// attach builds (or reuses) the simulation of the open scenario and shows
// the place: its pipeline, its selected item and its side panel.
func (p *BoardPage) attach(ctx app.Context, place route.Place) {
	doc := p.Tab.Session.Doc()
	if doc == nil {
		p.status = "none"
		markShown(ctx, route.Simulate, "")
		return
	}
	ctl, restore, err := p.Tab.Session.Simulation().Attach(doc)
	if err != nil {
		p.status, p.errMsg = "error", err.Error()
		markShown(ctx, route.Simulate, "")
		return
	}
	if restore {
		p.restoreSaved(ctx, doc.ID)
	}
	p.ctl = ctl
	p.status = "ready"
	p.entity, p.pipeline = place.Entity, place.Pipeline
	if place.Panel != "" {
		p.panel = place.Panel
	}
	p.itemOpen, p.itemTarget = place.Item != "", place.Item
	p.place = place.WithScenario(doc.ID)
	p.pickTab()
	p.refresh()
	warmUpBoard(ctx, p.Tab, ctl.Scenario(), p.lang)
	if p.storing == doc.ID {
		p.storeNew(ctx, doc.ID)
		return
	}
	p.storing = ""
	p.syncPlace(ctx)
	markShown(ctx, route.Simulate, doc.ID)
}

// storeNew stores the new scenario id (session.OpenNew) once the board
// has been painted, then puts its id into the address and marks the page
// shown. When the store fails, the scenario stays open and in the unsaved
// list (the header says so and it is retried); the address keeps the
// example, which a reload copies again.
func (p *BoardPage) storeNew(ctx app.Context, id string) {
	sess, page := p.Tab.Session, p.page.or(ctx)
	ctx.Defer(func(ctx app.Context) {
		ctx.Async(func() {
			afterPaint()
			err := sess.StoreNew(context.Background())
			page.Dispatch(func(ctx app.Context) {
				if p.storing != id {
					return // another scenario meanwhile
				}
				p.storing = ""
				if err != nil {
					app.Log("the new scenario could not be stored yet:", err)
					p.storing = id // keep the example in the address
				} else {
					p.syncPlace(ctx)
				}
				markShown(ctx, route.Simulate, id)
			})
		})
	})
}

// syncPlace writes the shown pipeline, the selected item and the side
// panel into the address.
func (p *BoardPage) syncPlace(ctx app.Context) {
	if p.status != "ready" || p.storing != "" {
		return
	}
	pl := p.place
	pl.Entity, pl.Pipeline, pl.Panel = p.entity, p.pipeline, p.panel
	if pl.Panel == panelExplain {
		pl.Panel = ""
	}
	pl.Item = ""
	if p.itemOpen {
		pl.Item = p.itemTarget
	}
	p.place = pl
	showPlace(ctx, pl)
}

// pickTab shows the first pipeline that has items, else the first one.
func (p *BoardPage) pickTab() {
	p.names = simulate.NewNames(p.ctl.Scenario())
	tabs := p.ctl.Tabs(p.lang)
	for _, t := range tabs {
		if t.Entity == p.entity && t.Pipeline == p.pipeline {
			return
		}
	}
	if len(tabs) == 0 {
		return
	}
	p.entity, p.pipeline = tabs[0].Entity, tabs[0].Pipeline
	for _, t := range tabs {
		if t.Count > 0 {
			p.entity, p.pipeline = t.Entity, t.Pipeline
			return
		}
	}
}

// refresh rebuilds the view models after the simulation changed.
// restoreSaved continues a simulation saved for this scenario (a reload,
// a closed tab, another visit): its actions are replayed on the current
// scenario, so the clock, the items and the log come back.
func (p *BoardPage) restoreSaved(ctx app.Context, id string) {
	sim := p.Tab.Session.Simulation()
	page := p.page.or(ctx)
	ctx.Async(func() {
		data, err := sim.Load(context.Background(), id)
		page.Dispatch(func(ctx app.Context) {
			refresh, err := sim.Restore(id, data, err)
			if err != nil {
				app.Log("the saved simulation could not be restored:", err)
			} else if refresh {
				p.simSaved = true
			}
			if refresh {
				p.refresh()
			}
		})
	})
}

// persist saves the simulation's state when it changed, so a reload
// continues where the user was. It runs after every refresh; the write
// itself is off the UI goroutine.
func (p *BoardPage) persist() {
	if p.ctl == nil || !p.page.ok || p.running || p.playing {
		return
	}
	sim := p.Tab.Session.Simulation()
	id, data, ok := sim.Pending()
	if !ok {
		return
	}
	p.simSaved = false
	p.saves++
	n, page := p.saves, p.page.ctx
	// The write (the state's JSON into IndexedDB) waits until the page
	// shows the state (whenPainted), so that it is not part of the tasks
	// between an event and its result on the screen.
	whenPainted(page, func() {
		if err := sim.Save(context.Background(), id, data); err != nil {
			app.Log("saving the simulation failed:", err)
			return
		}
		page.Dispatch(func(ctx app.Context) {
			p.simSaved = p.saves == n // no newer state is being written
		})
	})
}

func (p *BoardPage) refresh() {
	if p.ctl == nil {
		return
	}
	defer p.persist()
	p.names = simulate.NewNames(p.ctl.Scenario())
	p.tabs, p.board = p.ctl.View(p.entity, p.pipeline, p.limits, p.names, p.lang)
	// The checks' count is on the side panel's tab; the rest only in
	// their own panel, so each is built for the panel shown (and when the
	// user opens another one: onPanel).
	p.checks = p.ctl.Checks(p.lang)
	p.refreshPanel()
}

// refreshPanel rebuilds the model of the side panel shown: the
// explanation and the timeline scan the whole log, which after a jump
// over ten thousand items holds tens of thousands of entries.
func (p *BoardPage) refreshPanel() {
	p.explain, p.rows = nil, nil
	switch p.panel {
	case panelLog:
		p.refreshLog()
	case panelTimeline:
		p.rows = p.ctl.Timeline(p.lang)
	case panelChecks:
	default:
		p.explain = simulate.Explain(p.ctl.Sim(), p.ctl.LastEvent(), p.names, p.lang)
	}
}

// refreshLog filters the log for the log panel.
func (p *BoardPage) refreshLog() {
	p.logLines, p.logTotal = simulate.LogLines(p.ctl.Sim(), p.filter, p.names, p.lang, logLimit)
	seen := map[string]bool{}
	p.targets = p.targets[:0]
	sim := p.ctl.Sim()
	for _, e := range sim.LogRange(0, sim.LogLen()) {
		if e.Target != "" && !seen[e.Target] {
			seen[e.Target] = true
			p.targets = append(p.targets, e.Target)
		}
	}
	sort.Strings(p.targets)
}

// Render implements app.Composer.
func (p *BoardPage) Render() app.UI {
	lang := p.lang
	if lang == "" {
		lang = i18n.Default
	}
	return pageFrame(lang, p.Tab, p.place, "shell board-page", "shell__main board-page__main", p.onLangChange, p.renderMain(lang))
}

func (p *BoardPage) renderMain(lang string) app.UI {
	switch p.status {
	case "none", "error":
		msg := i18n.T(lang, "board.noScenario")
		if p.status == "error" {
			msg = i18n.T(lang, "board.error")
		}
		return &EmptyState{TestID: "board-message", Icon: "info", Heading: 1,
			Title: msg, Detail: p.errMsg, Text: i18n.T(lang, "board.noScenarioHint"),
			ActionText: i18n.T(lang, "board.toHome"), ActionHref: "/", ActionID: "board-to-home"}
	case "ready":
	default:
		return pc("board-page__loading", i18n.T(lang, "loading"))
	}
	sc := p.ctl.Scenario()
	next, hasNext := p.ctl.Next()
	nextText := ""
	if hasNext {
		nextText = simulate.FormatShort(next, lang)
	}
	now := p.ctl.Now()
	return elc("div", "board-page__layout").Attr("data-sim-saved", strconv.FormatBool(p.simSaved)).Body(
		elc("div", "board-page__bar").Body(
			elc("h1", "board-page__title").Title(sc.Description).Text(sc.Title),
			elc("nav", "board-page__tabs").Role("tablist").Attr("aria-label", i18n.T(lang, "board.tabs")).Body(
				app.Range(p.tabs).Slice(func(i int) app.UI {
					t := p.tabs[i]
					sel := t.Entity == p.entity && t.Pipeline == p.pipeline
					cls := "board-page__tab"
					if sel {
						cls += " board-page__tab--active"
					}
					return buttonc(cls).Role("tab").
						Attr("aria-selected", strconv.FormatBool(sel)).
						Attr("data-entity", t.Entity).Attr("data-pipeline", t.Pipeline).
						OnClick(func(ctx app.Context, e app.Event) { p.onTab(ctx, t.Entity, t.Pipeline) }).
						Body(
							spanText(t.Label),
							spanc("board-page__tab-count", strconv.Itoa(t.Count)),
						)
				}),
			),
			elc("div", "board-page__actions").Body(
				buttonc("button button--primary").Attr("data-testid", "add-item").
					OnClick(func(ctx app.Context, e app.Event) { p.itemOpen, p.itemTarget = true, "" }).
					Text("+ "+i18n.T(lang, "board.add")),
				buttonc("button").Attr("data-testid", "client-event").
					OnClick(func(ctx app.Context, e app.Event) { p.fireOpen, p.fireTarget = true, "" }).
					Body(iconText("bolt", i18n.T(lang, "board.clientEvent"))...),
				p.renderSideToggle(lang),
			),
		),
		&ClockBar{
			Lang: lang, Now: now.Format(time.RFC3339), Label: simulate.FormatClock(now, lang),
			Local: simulate.JumpInput(now, lang), Next: nextText,
			Playing: p.playing, Running: p.running, Progress: p.progress, Speed: p.speed,
			CanStep: hasNext, CanUndo: p.ctl.CanUndo(), CanRedo: p.ctl.CanRedo(),
			Actions: p.clockActions(),
		},
		app.If(p.actionErr != "", func() app.UI {
			return elc("p", "board-page__error").Role("alert").Text(p.actionErr)
		}),
		elc("div", "board-page__body").Body(
			&BoardScroll{Lang: lang, Columns: []app.UI{
				app.Range(p.board.Columns).Slice(func(i int) app.UI {
					col := p.board.Columns[i]
					return &BoardColumn{
						Lang: lang, Stage: col.Stage, Name: col.Name, Color: col.Color, Semantics: col.Semantics,
						Count: col.Count, More: col.More, Cards: col.Cards, Triggers: col.Triggers, Robots: col.Robots,
						Actions: p.cardActions(),
					}
				}),
			}},
			p.renderSide(lang),
		),
		p.renderDialogs(lang),
	)
}

// renderSideToggle is the toolbar button that hides or shows the side
// panel, so that more stage columns fit beside it.
func (p *BoardPage) renderSideToggle(lang string) app.UI {
	label := i18n.T(lang, "board.panel.hide")
	cls := "button board-page__side-toggle"
	if p.sideClosed {
		label = i18n.T(lang, "board.panel.show")
		cls += " board-page__side-toggle--closed"
	}
	title := label
	if p.sideClosed && p.sideNews {
		cls += " board-page__side-toggle--news"
		title += " (" + i18n.T(lang, "board.panel.news") + ")"
	}
	return buttonc(cls).
		Attr("data-testid", "side-toggle").
		Attr("aria-expanded", strconv.FormatBool(!p.sideClosed)).
		Attr("aria-controls", "board-side").
		Attr("aria-label", title).
		Title(title).
		OnClick(p.onSideToggle).
		Body(
			app.Raw(iconSide),
			spanc("board-page__side-toggle-text", i18n.T(lang, "board.side")),
		)
}

// onSideToggle hides or shows the side panel and remembers the choice.
func (p *BoardPage) onSideToggle(ctx app.Context, e app.Event) {
	p.sideClosed = !p.sideClosed
	p.sideNews = false
	p.Tab.Prefs.SetSideClosed(p.sideClosed)
}

// iconSide is the side panel toggle's icon: a window with a right pane.
const iconSide = `<svg class="board-page__side-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M10 2.5v11" stroke="currentColor" stroke-width="1.4"/><path class="board-page__side-icon-pane" d="M10.7 3.2h3.1v9.6h-3.1z" fill="currentColor"/></svg>`

func (p *BoardPage) renderSide(lang string) app.UI {
	if p.sideClosed {
		return nil
	}
	pass := 0
	for _, c := range p.checks {
		if c.Pass {
			pass++
		}
	}
	tabs := []struct{ id, label, count string }{
		{panelExplain, i18n.T(lang, "board.panel.explain"), ""},
		{panelTimeline, i18n.T(lang, "board.panel.timeline"), ""},
		{panelLog, i18n.T(lang, "board.panel.log"), ""},
		{panelChecks, i18n.T(lang, "board.panel.checks") + " ", strconv.Itoa(pass) + "/" + strconv.Itoa(len(p.checks))},
	}
	var body app.UI
	switch p.panel {
	case panelTimeline:
		body = &Timeline{Lang: lang, Rows: p.rows, Error: p.scriptErr,
			OnAdd:    func(ctx app.Context) { p.scriptOpen, p.scriptIndex, p.scriptErr = true, -1, "" },
			OnEdit:   func(ctx app.Context, i int) { p.scriptOpen, p.scriptIndex, p.scriptErr = true, i, "" },
			OnDelete: p.onDeleteScript}
	case panelLog:
		body = &LogPanel{Lang: lang, Type: p.filter.Type, Target: p.filter.Target, Text: p.filter.Text,
			Targets: p.targets, Lines: p.logLines, Total: p.logTotal, OnFilter: p.onFilter}
	case panelChecks:
		body = &ExpectPanel{Lang: lang, Checks: p.checks}
	default:
		body = &ExplainPanel{Lang: lang, X: p.explain}
	}
	allPass := len(p.checks) > 0 && pass == len(p.checks)
	return app.Elem("aside").ID("board-side").Class("board-page__side").Attr("aria-label", i18n.T(lang, "board.side")).Body(
		elc("div", "side-tabs").Role("tablist").Body(
			app.Range(tabs).Slice(func(i int) app.UI {
				t := tabs[i]
				cls := "side-tabs__tab"
				if t.id == p.panel {
					cls += " side-tabs__tab--active"
				}
				if t.id == panelChecks && len(p.checks) > 0 {
					if allPass {
						cls += " side-tabs__tab--pass"
					} else {
						cls += " side-tabs__tab--fail"
					}
				}
				return buttonc(cls).Role("tab").
					Attr("aria-selected", strconv.FormatBool(t.id == p.panel)).
					Attr("data-panel", t.id).
					OnClick(func(ctx app.Context, e app.Event) { p.onPanel(ctx, t.id) }).
					Body(
						app.Text(t.label),
						app.If(t.count != "", func() app.UI {
							return spanc("side-tabs__count", t.count)
						}),
					)
			}),
		),
		elc("div", "board-page__panel").Role("tabpanel").Body(body),
	)
}

func (p *BoardPage) renderDialogs(lang string) app.UI {
	switch {
	case p.fireOpen:
		return p.fireDialog(lang)
	case p.itemOpen:
		return p.itemDialog(lang)
	case p.moveTarget != "":
		return p.moveDialog(lang)
	case p.scriptOpen:
		return p.scriptDialog(lang)
	}
	return nil
}

func (p *BoardPage) fireDialog(lang string) app.UI {
	var targets []simulate.Target
	entity := ""
	if p.fireTarget != "" {
		entity = simulate.EntityOf(p.fireTarget)
		label := p.fireTarget
		if it, ok := p.ctl.Sim().Item(p.fireTarget); ok {
			label = p.fireTarget + " — " + simulate.ItemTitle(it)
		}
		targets = append(targets, simulate.Target{ID: p.fireTarget, Label: label})
		targets = append(targets, p.ctl.Bound(p.fireTarget)...)
	}
	targets = append(targets, p.ctl.Clients(lang)...)
	return &EventDialog{
		Lang: lang, Target: p.fireTarget, Entity: entity, Targets: targets, Users: userOptions(p.ctl.Scenario()),
		OnSubmit: p.onFireSubmit, OnClose: p.closeDialogs,
	}
}

func (p *BoardPage) scriptDialog(lang string) app.UI {
	targets := append(p.ctl.ItemTargets(), p.ctl.Clients(lang)...)
	d := &EventDialog{
		Lang: lang, Script: true, Targets: targets, Users: userOptions(p.ctl.Scenario()),
		At: "+1h", OnSubmit: p.onScriptSubmit, OnClose: p.closeDialogs,
	}
	sc := p.ctl.Scenario()
	if p.scriptIndex >= 0 && p.scriptIndex < len(sc.Events) {
		ev := sc.Events[p.scriptIndex]
		d.At, d.Code, d.Target = ev.At.Raw, ev.Code, ev.Target
		if ev.By != 0 {
			d.By = strconv.Itoa(ev.By)
		}
		d.Values = map[string]string{}
		for k, v := range ev.Data {
			d.Values[k] = simulate.InputText(v)
		}
		known := false
		for _, t := range targets {
			known = known || t.ID == ev.Target
		}
		if !known {
			d.Targets = append([]simulate.Target{{ID: ev.Target, Label: ev.Target}}, targets...)
		}
	}
	return d
}

func (p *BoardPage) itemDialog(lang string) app.UI {
	sc := p.ctl.Scenario()
	d := &ItemDialog{
		Lang: lang, Target: p.itemTarget, Entity: p.entity, Users: userOptions(sc),
		OnSubmit: p.onFireSubmitItem, OnClose: p.closeDialogs,
	}
	if p.itemTarget != "" {
		it, ok := p.ctl.Sim().Item(p.itemTarget)
		if !ok {
			return nil
		}
		d.Entity = it.Entity
		d.Values = map[string]string{}
		for k, v := range it.Fields {
			d.Values[k] = simulate.InputText(v)
		}
		d.History = simulate.History(p.ctl.Sim(), p.itemTarget, p.names, lang)
	} else {
		if pl, ok := p.ctl.Pipeline(p.entity, p.pipeline); ok {
			for _, st := range pl.Stages {
				d.Stages = append(d.Stages, simulate.Target{ID: st.ID, Label: st.Name})
			}
		}
		for _, c := range p.ctl.Clients(lang) {
			if typ, _, _ := engine.ParseTarget(c.ID); typ == "CONTACT" {
				d.Contacts = append(d.Contacts, c)
			} else {
				d.Companies = append(d.Companies, c)
			}
		}
		d.Parents = p.ctl.ItemTargets()
	}
	d.Fields = p.ctl.Fields(d.Entity, lang)
	return d
}

func (p *BoardPage) moveDialog(lang string) app.UI {
	it, ok := p.ctl.Sim().Item(p.moveTarget)
	if !ok {
		return nil
	}
	pl, _ := p.ctl.Pipeline(it.Entity, it.Pipeline)
	stages := pl.Stages
	return modal(lang, "move-dialog", i18n.T(lang, "board.move.title")+" — "+simulate.ItemTitle(it), p.closeDialogs,
		elc("ul", "move-dialog__list").Body(
			app.Range(stages).Slice(func(i int) app.UI {
				st := stages[i]
				current := st.ID == it.Stage
				return app.Elem("li").Body(
					buttonc("move-dialog__stage").
						Attr("data-testid", "move-to").Attr("data-stage", st.ID).
						Attr("disabled", current).
						Style("--stage-color", orDefault(st.Color)).
						OnClick(func(ctx app.Context, e app.Event) {
							target := p.moveTarget
							p.move(target, st.ID)
							revealCardSoon(target)
						}).
						Body(
							elc("span", "move-dialog__swatch").Attr("aria-hidden", "true"),
							spanText(st.Name),
							app.If(current, func() app.UI {
								return spanc("move-dialog__current", i18n.T(lang, "board.move.current"))
							}),
						),
				)
			}),
		),
	)
}

func orDefault(color string) string {
	if color == "" {
		return "#39A8EF"
	}
	return color
}

// blurDialog takes the focus out of the open dialog, if any, before it is
// closed (blurFocused): the board is the page where laying it all out
// costs most.
func (p *BoardPage) blurDialog() {
	if p.fireOpen || p.itemOpen || p.scriptOpen || p.moveTarget != "" {
		blurFocused()
	}
}

func (p *BoardPage) closeDialogs(ctx app.Context) {
	p.blurDialog()
	p.fireOpen, p.itemOpen, p.scriptOpen = false, false, false
	p.moveTarget, p.fireTarget, p.itemTarget = "", "", ""
	p.syncPlace(ctx)
}

func (p *BoardPage) onTab(ctx app.Context, entity string, pipeline int) {
	p.entity, p.pipeline, p.limits = entity, pipeline, nil
	p.refresh()
	p.syncPlace(ctx)
}

func (p *BoardPage) onPanel(ctx app.Context, id string) {
	p.panel = id
	if p.ctl != nil {
		p.refreshPanel()
	}
	p.syncPlace(ctx)
}

func (p *BoardPage) onFilter(ctx app.Context, f simulate.Filter) {
	p.filter = f
	p.refreshLog()
}

func (p *BoardPage) onMore(ctx app.Context, stage string) {
	if p.limits == nil {
		p.limits = map[string]int{}
	}
	n, ok := p.limits[stage]
	if !ok {
		n = simulate.PageSize
	}
	p.limits[stage] = n + 5*simulate.PageSize
	p.board = p.ctl.Board(p.entity, p.pipeline, p.limits, p.names, p.lang)
}

func (p *BoardPage) onOpen(ctx app.Context, target string) {
	p.itemOpen, p.itemTarget = true, target
	p.syncPlace(ctx)
}
func (p *BoardPage) onFire(ctx app.Context, target string) { p.fireOpen, p.fireTarget = true, target }
func (p *BoardPage) onMoveMenu(ctx app.Context, target string) {
	p.moveTarget = target
}

// fire runs a user's event and shows what it did.
func (p *BoardPage) fire(ev engine.Event) {
	if p.busy() {
		return
	}
	p.actionErr = ""
	p.boardHoldGC()
	p.ctl.Fire(ev)
	p.panel = panelExplain
	p.sideNews = p.sideClosed
	p.followItem(ev)
	p.refresh()
}

// followItem switches to the tab of an item the event created or moved
// into another pipeline, so the user sees the result.
func (p *BoardPage) followItem(ev engine.Event) {
	sim := p.ctl.Sim()
	for _, e := range sim.LogBackward(0, sim.LogLen()) {
		if e.Event != p.ctl.LastEvent() {
			return
		}
		if e.Type != engine.LogCreate {
			continue
		}
		if it, ok := sim.Item(e.Target); ok {
			p.entity, p.pipeline = it.Entity, it.Pipeline
		}
		return
	}
}

func (p *BoardPage) onFireSubmit(ctx app.Context, _ string, ev engine.Event) {
	p.closeDialogs(ctx)
	p.fire(ev)
	revealCardSoon(ev.Target)
}

// revealCardSoon reveals the card once the board shows the event's
// result. It uses a browser timer: the dialog that submitted the event is
// gone by then, and so is its context.
func revealCardSoon(target string) {
	if !app.IsClient {
		return
	}
	var f app.Func
	f = app.FuncOf(func(this app.Value, args []app.Value) any {
		f.Release()
		revealCard(target)
		return nil
	})
	app.Window().Call("setTimeout", f, 50)
}

// revealCard scrolls the board sideways to the card of target, so that
// a person sees where an event moved it (later stages are often off
// screen at 1366 px).
func revealCard(target string) {
	if !app.IsClient || target == "" || strings.ContainsAny(target, `"\`) {
		return
	}
	el := app.Window().Get("document").Call("querySelector", `[data-target="`+target+`"]`)
	if !el.Truthy() {
		return
	}
	// The card glides from its old place (a transform), so scroll to its
	// new column, which is where it lands.
	if col := el.Call("closest", ".board__column"); col.Truthy() {
		el = col
	}
	el.Call("scrollIntoView", map[string]any{"block": "nearest", "inline": "nearest"})
}

func (p *BoardPage) onFireSubmitItem(ctx app.Context, ev engine.Event) {
	p.closeDialogs(ctx)
	p.fire(ev)
}

func (p *BoardPage) onDrop(ctx app.Context, stage, target string) {
	if target == "" {
		target = p.dragTarget
	}
	p.dragTarget = ""
	p.move(target, stage)
}

// move is a manual stage change (drag and drop or the move menu).
func (p *BoardPage) move(target, stage string) {
	p.blurDialog()
	p.moveTarget = ""
	it, ok := p.ctl.Sim().Item(target)
	if !ok || it.Stage == stage {
		return
	}
	p.fire(simulate.MoveEvent(target, stage, 0))
}

func (p *BoardPage) busy() bool { return p.playing || p.running }

func (p *BoardPage) onStep(ctx app.Context) {
	if p.busy() {
		return
	}
	p.ctl.Step()
	p.refresh()
}

func (p *BoardPage) onReset(ctx app.Context) {
	if p.busy() {
		return
	}
	p.ctl.Reset()
	p.refresh()
}

func (p *BoardPage) onUndo(ctx app.Context) {
	if p.busy() {
		return
	}
	if err := p.ctl.Undo(); err != nil {
		p.actionErr = err.Error()
	}
	p.refresh()
}

func (p *BoardPage) onRedo(ctx app.Context) {
	if p.busy() {
		return
	}
	if err := p.ctl.Redo(); err != nil {
		p.actionErr = err.Error()
	}
	p.refresh()
}

func (p *BoardPage) onPause(ctx app.Context) {
	p.gen++
	p.playing, p.running = false, false
	p.ctl.EndRun()
	p.refresh()
}

// slice runs toward t for about sliceBudget of wall time, in runs of
// sliceUnits units of the engine's work: one event that reaches ten
// thousand items is spread over many slices.
func (p *BoardPage) slice(t time.Time) bool {
	start := time.Now()
	for {
		if p.ctl.RunToward(t, sliceUnits) {
			return true
		}
		if time.Since(start) >= sliceBudget {
			return false
		}
	}
}

// onPlay lets the virtual clock run at the chosen speed until the end of
// the script (or pause).
func (p *BoardPage) onPlay(ctx app.Context) {
	if p.busy() {
		return
	}
	end := p.ctl.End()
	if !end.After(p.ctl.Now()) {
		if next, ok := p.ctl.Next(); ok {
			end = next
		} else {
			return
		}
	}
	p.playing = true
	p.gen++
	gen := p.gen
	from := p.ctl.Now()
	per := simulate.Speeds()[p.speed].Per
	last := time.Now()
	p.loop(ctx, gen, playInterval, func(app.Context) bool {
		now := time.Now()
		virt := time.Duration(float64(per) * now.Sub(last).Seconds())
		last = now
		target := p.ctl.Now().Add(virt)
		if target.After(end) {
			target = end
		}
		done := p.slice(target) && !target.Before(end)
		p.progress = percent(from, p.ctl.Now(), end)
		p.refresh()
		return done
	}, func() { p.playing = false })
}

// onEnd runs to the end of the script as fast as possible. The end is
// found in the run's first slice, not in the click: with ten thousand
// items, reading every item's pending robots is a task of its own.
func (p *BoardPage) onEnd(ctx app.Context) { p.runToward(ctx, p.ctl.End) }

// onJump runs to a time typed in the clock bar; an earlier time starts
// over from the scenario's start. A text that is not a time is an error
// in words, with an example in the interface language's format.
func (p *BoardPage) onJump(ctx app.Context, text string) error {
	t, err := simulate.ParseJumpInput(text, p.ctl.Now())
	if err != nil {
		lang := i18n.Normalize(p.lang)
		return errors.New(i18n.F(lang, "board.clock.jumpError", "input", strings.TrimSpace(text), "example", simulate.JumpInput(p.ctl.Now(), lang)))
	}
	p.actionErr = ""
	if t.Before(p.ctl.Now()) {
		if t.Before(p.ctl.Start()) {
			t = p.ctl.Start()
		}
		p.ctl.Reset()
	}
	p.runTo(ctx, t)
	return nil
}

// runTo runs the simulation to t in slices with a progress bar.
func (p *BoardPage) runTo(ctx app.Context, t time.Time) {
	p.runToward(ctx, func() time.Time { return t })
}

// runToward runs the simulation in slices with a progress bar to the
// time that target gives in the first slice.
func (p *BoardPage) runToward(ctx app.Context, target func() time.Time) {
	if p.busy() {
		return
	}
	p.running = true
	p.progress = 0
	p.gen++
	gen := p.gen
	var t, from time.Time
	started, owed, draw, done := false, false, false, false
	lastRefresh := time.Now()
	var shown runView // what the page last drew of the run
	p.loop(ctx, gen, slicePause, func(ctx app.Context) bool {
		switch {
		case !started:
			t, from, started = target(), p.ctl.Now(), true
			shown = p.runView()
			return false // the run starts in the next task
		case owed && done:
			return true // loop refreshes once the run is over
		case owed:
			// Rebuilding the board and drawing it are tasks of their
			// own, apart from the engine's slices: with ten thousand
			// items each is tens of milliseconds.
			owed, draw = false, true
			p.refresh()
			ctx.PreventUpdate()
			lastRefresh = time.Now()
			return false
		case draw:
			draw = false
			p.drawWait = true
			shown = p.runView()
			return false
		}
		began := time.Now()
		done = p.slice(t)
		p.progress = percent(from, p.ctl.Now(), t)
		if v := p.runView(); v == shown && !done && !p.dialogOpen() {
			// Nothing the page shows of the run has changed (a slice in
			// the middle of one big event moves neither the clock nor
			// the progress): drawing the page again would give the same
			// page, for about as much work as the slice itself.
			ctx.PreventUpdate()
		} else {
			shown = v
		}
		if time.Since(began) > 2*sliceBudget {
			// One engine event outlasted the slice (a call that moves
			// every deal of a contact): what follows it, rebuilding the
			// board or ending the run, waits for the next task.
			owed = true
			return false
		}
		// Not in the middle of an event: the board would show half of it.
		if !done && !p.ctl.Sim().Pending() && time.Since(lastRefresh) > refreshEvery {
			owed = true
		}
		return done // when done, loop refreshes once
	}, func() { p.running = false })
}

// runView is what a tick of a run can change on the page: the clock bar
// (the time, the next due time, the progress, undo and redo). An open
// dialog may read more of the simulation: then every tick draws
// (dialogOpen).
type runView struct {
	progress   int
	now, next  int64
	hasNext    bool
	undo, redo bool
}

func (p *BoardPage) runView() runView {
	next, hasNext := p.ctl.Next()
	return runView{
		progress: p.progress, now: p.ctl.Now().UnixNano(), next: next.UnixNano(), hasNext: hasNext,
		undo: p.ctl.CanUndo(), redo: p.ctl.CanRedo(),
	}
}

func (p *BoardPage) dialogOpen() bool {
	return p.fireOpen || p.itemOpen || p.moveTarget != "" || p.scriptOpen
}

// loop calls tick on the UI goroutine every pause until it returns true or
// the run is cancelled (another gen), then calls stop and closes the run
// action. A tick that sets p.drawWait has the board drawn in a task of
// its own before the next tick runs.
func (p *BoardPage) loop(ctx app.Context, gen int, pause time.Duration, tick func(ctx app.Context) bool, stop func()) {
	page := p.page.or(ctx)
	ctx.Async(func() {
		for {
			time.Sleep(pause)
			// A turn for the browser before every tick: when the render
			// after the last one outlasted the pause, the sleep alone
			// returns at once and the tick joins the same task.
			whatifYield()
			var drawn chan struct{}
			cancelled := false
			finished, ok := p.dispatchWait(ctx, page, func(ctx app.Context) bool {
				if p.gen != gen {
					cancelled = true
					return true
				}
				finished := tick(ctx)
				if finished {
					stop()
					p.ctl.EndRun()
					p.progress = 100
					// The board is rebuilt and drawn in tasks of their
					// own (below): after a jump over ten thousand items,
					// finishing the run, rebuilding the models and
					// drawing them are each tens of milliseconds.
					ctx.PreventUpdate()
				} else if p.drawWait {
					p.drawWait = false
					ch := make(chan struct{})
					drawn = ch
					ctx.Defer(func(app.Context) { close(ch) })
				}
				return finished
			})
			if !ok || cancelled {
				return
			}
			if finished {
				break
			}
			if drawn != nil && !p.waitFor(ctx, drawn) {
				return
			}
		}
		whatifYield()
		if _, ok := p.dispatchWait(ctx, page, func(ctx app.Context) bool {
			if p.gen == gen {
				p.refresh()
				ctx.PreventUpdate()
			}
			return true
		}); !ok {
			return
		}
		whatifYield()
		page.Dispatch(func(ctx app.Context) {}) // draws the board
	})
}

// dispatchWait runs f on the UI goroutine and waits for its result; ok is
// false when the page went away meanwhile.
func (p *BoardPage) dispatchWait(ctx, page app.Context, f func(ctx app.Context) bool) (result, ok bool) {
	done := make(chan bool, 1)
	page.Dispatch(func(ctx app.Context) { done <- f(ctx) })
	select {
	case r := <-done:
		return r, true
	case <-ctx.Done():
		return false, false
	case <-time.After(10 * time.Second):
		// The page went away: its dispatches no longer run.
		return false, false
	}
}

// waitFor waits until ch is closed; false when the page went away.
func (p *BoardPage) waitFor(ctx app.Context, ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	case <-ctx.Done():
		return false
	case <-time.After(10 * time.Second):
		return false
	}
}

func percent(from, now, to time.Time) int {
	total := to.Sub(from)
	if total <= 0 {
		return 100
	}
	n := int(100 * now.Sub(from) / total)
	switch {
	case n < 0:
		return 0
	case n > 100:
		return 100
	}
	return n
}

// onScriptSubmit adds or replaces an event of the scenario's script
// through the session, which validates, saves and keeps it undoable.
func (p *BoardPage) onScriptSubmit(ctx app.Context, at string, ev engine.Event) {
	ev, err := simulate.ScriptEvent(at, ev.Code, ev.Target, ev.Data, ev.By)
	if err != nil {
		p.scriptErr = engine.ErrorMessage(err, i18n.Normalize(p.lang))
		p.blurDialog()
		p.scriptOpen = false
		return
	}
	index := p.scriptIndex
	p.editScript(ctx, func(sc *engine.Scenario) error {
		if index >= 0 && index < len(sc.Events) {
			sc.Events = append(sc.Events[:index], sc.Events[index+1:]...)
		}
		sc.Events = simulate.InsertEvent(sc.Events, ev, sc.Start)
		return nil
	})
	p.closeDialogs(ctx)
}

func (p *BoardPage) onDeleteScript(ctx app.Context, index int) {
	p.editScript(ctx, func(sc *engine.Scenario) error {
		evs, err := simulate.DeleteEvent(sc.Events, index)
		sc.Events = evs
		return err
	})
}

// editScript applies an edit of the scenario off the UI goroutine (it
// saves to the store), then replays the simulation on the new version.
func (p *BoardPage) editScript(ctx app.Context, change func(sc *engine.Scenario) error) {
	sess := p.Tab.Session
	p.scriptErr = ""
	page := p.page.or(ctx)
	ctx.Async(func() {
		err := sess.Edit(ctx, change)
		if errors.Is(err, session.ErrNotSaved) {
			err = nil // kept and retried; the header says it is not saved
		}
		page.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.scriptErr = engine.ErrorMessage(err, i18n.Normalize(p.lang))
				return
			}
			if _, _, err := sess.Simulation().Attach(sess.Doc()); err != nil {
				p.scriptErr = engine.ErrorMessage(err, i18n.Normalize(p.lang))
				return
			}
			p.refresh()
		})
	})
}
