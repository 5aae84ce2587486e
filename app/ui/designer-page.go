package ui

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/lesson"
)

// DesignerPage is the automation designer (/design), Bitrix24's «Роботы и
// триггеры» page for the open scenario: a toolbar with the entity type,
// pipeline tabs, undo/redo and the save state; one column per stage with
// its triggers and robots; and the dialogs that edit them. Every change
// goes through app/design inside session.Edit, so it is validated, saved
// and undoable. /design?example=NAME opens a built-in example first.
type DesignerPage struct {
	app.Compo

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	page pageContext // dispatches async results through the page

	lang     string
	status   string // loading, ready, none
	missing  string // an unknown ?example= name
	entity   string
	pipeline int
	banner   []string

	dialog    string // catalog, trigger, robotPicker, robot, stage, copyTrigger, copyRobot, confirm
	dlgStage  string
	dlgID     string
	dlgErrors map[string][]string
	stageErr  string
	confirm   string
	onConfirm func(ctx app.Context)

	// The lint («Проверка») of the shown scenario, rerun whenever the
	// session holds another scenario value (every edit, undo and redo
	// makes a new one); it takes microseconds.
	lintOf    *engine.Scenario
	findings  []engine.Finding
	lintOpen  bool
	highlight string // element id a followed lint link points to

	// place is the address of what the page shows (kept in the URL).
	place route.Place

	// lesson is the lesson the open scenario is the trainee's copy of
	// (nil when none): its goals are checked on every new value of the
	// scenario, and what it does not let the trainee change is locked.
	lesson   *teach.Open
	lessonOf string // the stored scenario lesson was looked up for
	repOf    *engine.Scenario
	repLang  string
	rep      lesson.Report
}

// Dialog kinds.
const (
	dlgCatalog     = "catalog"
	dlgTrigger     = "trigger"
	dlgRobotPicker = "robotPicker"
	dlgRobot       = "robot"
	dlgStage       = "stage"
	dlgCopyTrigger = "copyTrigger"
	dlgCopyRobot   = "copyRobot"
	dlgConfirm     = "confirm"
)

// OnMount restores the language and the check panel; OnNav, which go-app
// calls right after, loads the scenario of the address.
func (p *DesignerPage) OnMount(ctx app.Context) {
	p.page.set(ctx)
	p.setLang(p.Tab.Prefs.Lang())
	p.lintOpen = p.Tab.Prefs.LintOpen()
}

// OnDismount saves an action left open by a dialog the page closes with
// it (the user followed a link while a new item's settings were open).
func (p *DesignerPage) OnDismount() {
	if p.Tab == nil {
		return
	}
	if sess := p.Tab.Session; sess != nil && sess.Pending() {
		go func() {
			if err := sess.Finish(context.Background()); err != nil {
				app.Log("saving the placed item failed:", err)
			}
		}()
	}
}

// OnNav shows the place of the address (route.Place): on the first load, a
// reload, back and forward, and a link to this page (the header's, or a
// lint finding's "/design?entity=DEAL&pipeline=0&stage=NEW#trigger-t1").
// ?example=NAME stores a copy of a built-in example and opens it; ?id=ID
// opens a stored scenario; a bare /design shows the open scenario, else the
// one this browser opened last. The address then names the scenario shown,
// so a reload opens the same one.
func (p *DesignerPage) OnNav(ctx app.Context) {
	place := placeOf(ctx)
	if d := p.Tab.Session.Doc(); p.status == "ready" && place.Example == "" && d != nil && (place.Scenario == "" || place.Scenario == d.ID) {
		p.show(ctx, place.WithScenario(d.ID))
		return
	}
	markLoading(ctx)
	p.status, p.missing, p.banner = "loading", "", nil
	sess := p.Tab.Session
	if place.Example != "" {
		ex, ok := examples.Find(place.Example)
		data := ex.Data
		if !ok {
			p.status, p.missing = "none", place.Example
			markShown(ctx, route.Design, "")
			return
		}
		ctx.Async(func() {
			id, err := sess.Create(context.Background(), data)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.status = "none"
					p.banner = flatErrors(editErrors(p.lang, err))
					markShown(ctx, route.Design, "")
					return
				}
				p.status = "ready"
				p.show(ctx, place.WithScenario(id))
			})
		})
		return
	}
	ctx.Async(func() {
		id, err := sess.Show(context.Background(), place.Scenario)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.status = "none"
				if !errors.Is(err, session.ErrNoScenario) {
					p.banner = []string{openReason(p.lang, err)}
				}
				markShown(ctx, route.Design, "")
				return
			}
			p.status = "ready"
			p.show(ctx, place.WithScenario(id))
		})
	})
}

// show applies a place to the open scenario: the entity type and pipeline
// (the first ones when the place names none, or names one an edit
// removed), and the chip or stage column to reveal.
func (p *DesignerPage) show(ctx app.Context, place route.Place) {
	p.entity, p.pipeline = place.Entity, place.Pipeline
	p.highlight = place.Anchor
	if p.highlight == "" && place.Stage != "" {
		p.highlight = lintview.StageAnchor(place.Stage)
	}
	if sc := p.Tab.Session.Scenario(); sc != nil {
		p.view(sc)
	}
	p.place = place
	p.syncPlace(ctx)
	p.findLesson(ctx, place.Scenario)
	id := p.highlight
	ctx.Defer(func(app.Context) { revealElement(id) })
	markShown(ctx, route.Design, place.Scenario)
}

// findLesson looks up the lesson whose trainee copy the stored scenario
// id is (teach.LessonOf), from the browser's lesson settings.
func (p *DesignerPage) findLesson(ctx app.Context, id string) {
	if id == p.lessonOf && id != "" {
		return
	}
	p.lesson, p.lessonOf, p.repOf = teach.LessonOf(id, p.Tab.Prefs.Training(), p.Tab.Prefs.Builtin()), id, nil
}

// lessonReport checks the lesson's goals on sc, rerun for a new value or
// language (the scenario is small; a run takes milliseconds).
func (p *DesignerPage) lessonReport(sc *engine.Scenario, lang string) lesson.Report {
	if sc != p.repOf || lang != p.repLang {
		p.repOf, p.repLang, p.rep = sc, lang, p.lesson.Lesson.Check(sc, lang)
	}
	return p.rep
}

// Locks of a lesson's scope: why the trainee may not change a stage's
// triggers or robots, or the setup ("" when they may, or no lesson).
func (p *DesignerPage) triggerLock(lang, ent, stage string) string {
	if p.lesson == nil || p.lesson.Lesson.MayChangeTrigger(ent, stage) {
		return ""
	}
	return i18n.T(lang, "designer.lesson.lockTriggers")
}

func (p *DesignerPage) robotLock(lang, ent, stage string) string {
	if p.lesson == nil || p.lesson.Lesson.MayChangeRobot(ent, stage) {
		return ""
	}
	return i18n.T(lang, "designer.lesson.lockRobots")
}

func (p *DesignerPage) setupLock(lang string) string {
	if p.lesson == nil || p.lesson.Lesson.MayChangeSection(lesson.SectionSetup) {
		return ""
	}
	return i18n.T(lang, "designer.lesson.lockSetup")
}

// settle keeps the shown entity type and pipeline valid after an edit (an
// undo may have removed them) and writes them into the address.
func (p *DesignerPage) settle(ctx app.Context) {
	if sc := p.Tab.Session.Scenario(); sc != nil && p.status == "ready" {
		p.view(sc)
		p.syncPlace(ctx)
	}
}

// syncPlace writes the shown entity type and pipeline into the address.
// A stage or anchor of a followed link stays only while the pipeline is
// the link's.
func (p *DesignerPage) syncPlace(ctx app.Context) {
	pl := p.place
	if d := p.Tab.Session.Doc(); d != nil {
		pl.Scenario = d.ID
	}
	if pl.Entity != p.entity || pl.Pipeline != p.pipeline {
		pl.Stage, pl.Anchor = "", ""
	}
	pl.Entity, pl.Pipeline = p.entity, p.pipeline
	p.place = pl
	showPlace(ctx, pl)
}

// revealElement scrolls the element with the id into the middle of the
// view (the board scrolls sideways) and focuses its first control.
func revealElement(id string) {
	if !app.IsClient || id == "" {
		return
	}
	el := app.Window().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	el.Call("scrollIntoView", map[string]any{"block": "center", "inline": "center"})
	if b := el.Call("querySelector", "button"); b.Truthy() {
		b.Call("focus", map[string]any{"preventScroll": true})
	}
}

func (p *DesignerPage) onLintToggle(ctx app.Context) {
	p.lintOpen = !p.lintOpen
	p.Tab.Prefs.SetLintOpen(p.lintOpen)
}

// lint returns the findings of sc, rerunning the lint for a new value.
func (p *DesignerPage) lint(sc *engine.Scenario) []engine.Finding {
	if sc != p.lintOf {
		p.lintOf, p.findings = sc, engine.Lint(sc)
	}
	return p.findings
}

func (p *DesignerPage) setLang(lang string) {
	p.lang = i18n.Normalize(lang)
	setDocumentLang(p.lang)
}

func (p *DesignerPage) onLangChange(ctx app.Context, lang string) {
	p.lang = i18n.Normalize(lang)
	p.Tab.Prefs.SetLang(p.lang)
}

func (p *DesignerPage) currentLang() string {
	if p.lang == "" {
		return i18n.Default
	}
	return p.lang
}

// view settles the shown entity type and pipeline against the scenario
// (an undo may have removed them).
func (p *DesignerPage) view(sc *engine.Scenario) (*engine.Entity, *engine.Pipeline) {
	e := design.Entity(sc, p.entity)
	if e == nil && len(sc.Entities) > 0 {
		e = &sc.Entities[0]
		p.entity, p.pipeline = e.Type, 0
	}
	if e == nil {
		return nil, nil
	}
	pl := design.Pipeline(sc, e.Type, p.pipeline)
	if pl == nil && len(e.Pipelines) > 0 {
		pl = &e.Pipelines[0]
		p.pipeline = pl.ID
	}
	return e, pl
}

// Render implements app.Composer.
func (p *DesignerPage) Render() app.UI {
	lang := p.currentLang()
	return pageFrame(lang, p.Tab, p.place, "shell designer-page", "designer-page__main", p.onLangChange, p.renderMain(lang))
}

func (p *DesignerPage) renderMain(lang string) app.UI {
	sc := p.Tab.Session.Scenario()
	switch {
	case p.status == "loading" || p.status == "":
		return designerPageLoadingView.el(lang)
	case p.status != "ready" || sc == nil:
		detail := ""
		if p.missing != "" {
			detail = i18n.F(lang, "designer.exampleMissing", "example", p.missing)
		}
		es := &EmptyState{TestID: "designer-empty", Icon: "info", Heading: 1,
			Title: i18n.T(lang, "designer.noScenario"), Detail: detail, Text: i18n.T(lang, "designer.noScenarioHint"),
			ActionText: i18n.T(lang, "designer.toHome"), ActionHref: "/", ActionID: "designer-to-home"}
		if len(p.banner) > 0 {
			es.Extra = []app.UI{errorList(p.banner)}
		}
		return es
	}
	ent, pl := p.view(sc)
	if ent == nil || pl == nil {
		return elText("p", i18n.T(lang, "designer.noScenario"))
	}
	var types []string
	for _, e := range sc.Entities {
		types = append(types, e.Type)
	}
	sess := p.Tab.Session
	setupLock := p.setupLock(lang)
	lessonHref := ""
	if d := sess.Doc(); d != nil {
		lessonHref = "/author?id=" + url.QueryEscape(d.ID)
	}
	findings := p.lint(sc)
	counts := lintview.Count(findings)
	lint := lintview.Group(findings, lang)
	var goals, lintPanel, banner app.UI
	if p.lesson != nil {
		goals = &LessonGoals{
			Lang:   lang,
			Title:  p.lesson.Lesson.Title.In(lang),
			Back:   p.lesson.Back,
			Scope:  teach.ScopeText(p.lesson.Lesson, sc, lang),
			Setup:  setupLock,
			Report: p.lessonReport(sc, lang),
		}
	}
	if p.lintOpen {
		lintPanel = &LintPanel{Lang: lang, Rows: lintview.Rows(sc, findings, lang), OnClose: p.onLintToggle}
	}
	if len(p.banner) > 0 {
		msgs := make([]app.UI, len(p.banner))
		for i, b := range p.banner {
			msgs[i] = elText("p", b)
		}
		banner = designerPageBannerView.el(lang, msgs, p.onDismissBanner)
	}
	columns := make([]app.UI, len(pl.Stages))
	for i, st := range pl.Stages {
		columns[i] = p.renderColumn(lang, sc, ent.Type, st, lint)
	}
	return designerPageView.el(lang,
		&PipelineBar{
			Lang:             lang,
			Entities:         types,
			Entity:           ent.Type,
			Addable:          addableTypes(sc),
			Pipelines:        ent.Pipelines,
			Pipeline:         pl.ID,
			CanUndo:          sess.CanUndo(),
			CanRedo:          sess.CanRedo(),
			OnEntity:         p.onEntity,
			OnAddEntity:      p.onAddEntity,
			OnPipeline:       p.onPipeline,
			OnAddPipeline:    p.onAddPipeline,
			OnRenamePipeline: p.onRenamePipeline,
			OnDeletePipeline: p.onDeletePipeline,
			OnUndo:           p.onUndo,
			OnRedo:           p.onRedo,
			LintCount:        counts.Total(),
			LintWorst:        counts.Worst(),
			LintOpen:         p.lintOpen,
			OnLint:           p.onLintToggle,
			Scenario:         sc.Title,
			OnRenameScenario: p.onRenameScenario,
			LessonHref:       lessonHref,
			Locked:           setupLock,
		},
		goals, lintPanel, banner, columns,
		p.onAddProcessStage, setupLock != "", setupLock, p.onAddFailStage,
		p.renderDialog(lang, sc, ent, pl),
	)
}

// designerPageLoadingView is shown while the scenario loads.
var designerPageLoadingView = &view{name: "designer-page-loading", src: `
<p class="designer-page__loading">{t:designer.loading}</p>`}

// designerPageView is the designer: toolbar, goals, panels, board and dialog.
var designerPageView = &view{name: "designer-page", src: `
<div class="designer-page__content">
	{0}
	{1}
	{2}
	{3}
	<div class="designer-board" role="region" aria-label={t:designer.scrollHint} tabindex="0">
		{4}
		<div class="designer-board__add">
			<button type="button" class="designer-board__add-button" data-testid="add-stage" disabled={6} title={7} aria-label={t:designer.addStageLabel} @click={5}>{t:designer.addStage}</button>
			<button type="button" class="designer-board__add-button designer-board__add-button--fail" data-testid="add-fail-stage" disabled={6} title={7} @click={8}>{t:designer.addFailStage}</button>
		</div>
	</div>
	{9}
</div>`}

// designerPageBannerView is the banner of the last errors.
var designerPageBannerView = &view{name: "designer-page-banner", src: `
<div class="designer-page__banner" role="alert" data-testid="designer-error">
	<strong>{t:designer.errorTitle}</strong>
	{0}
	<button type="button" class="designer-icon-button designer-page__banner-close" aria-label={t:designer.dismiss} @click={1}>×</button>
</div>`}

func (p *DesignerPage) onDismissBanner(ctx app.Context, e app.Event) { p.banner = nil }

func (p *DesignerPage) onAddProcessStage(ctx app.Context, e app.Event) {
	p.onAddStage(ctx, engine.Process)
}

func (p *DesignerPage) onAddFailStage(ctx app.Context, e app.Event) {
	p.onAddStage(ctx, engine.Failure)
}

func (p *DesignerPage) renderColumn(lang string, sc *engine.Scenario, typ string, st engine.Stage, lint lintview.Index) app.UI {
	robots := design.StageRobots(sc, typ, st.ID)
	delays := make([]string, len(robots))
	for i, r := range robots {
		delays[i] = delaySummary(lang, sc, typ, r.Delay)
	}
	return &DesignerColumn{
		Lang:            lang,
		Entity:          typ,
		Stage:           st,
		Lint:            lint,
		Highlight:       p.highlight,
		Triggers:        design.StageTriggers(sc, typ, st.ID),
		Robots:          robots,
		DelayTexts:      delays,
		OnEditStage:     p.onEditStage,
		OnAddTrigger:    p.onAddTrigger,
		OnAddRobot:      p.onAddRobot,
		OnEditTrigger:   p.onEditTrigger,
		OnCopyTrigger:   p.onCopyTrigger,
		OnDeleteTrigger: p.onDeleteTrigger,
		OnEditRobot:     p.onEditRobot,
		OnCopyRobot:     p.onCopyRobot,
		OnDeleteRobot:   p.onDeleteRobot,
		OnMoveRobot:     p.onMoveRobot,
		StageLocked:     p.setupLock(lang),
		TriggersLocked:  p.triggerLock(lang, typ, st.ID),
		RobotsLocked:    p.robotLock(lang, typ, st.ID),
	}
}

func (p *DesignerPage) renderDialog(lang string, sc *engine.Scenario, ent *engine.Entity, pl *engine.Pipeline) app.UI {
	stageName := func(id string) string {
		if st, _, ok := sc.FindStage(ent.Type, id); ok {
			return st.Name
		}
		return id
	}
	switch p.dialog {
	case dlgCatalog:
		return &TriggerCatalog{Lang: lang, Entity: ent.Type, StageName: stageName(p.dlgStage),
			OnAdd: p.onCatalogAdd, OnClose: p.closeDialog}
	case dlgTrigger:
		t, ok := sc.TriggerByID(p.dlgID)
		if !ok {
			return nil
		}
		return &TriggerDialog{Lang: lang, Scenario: sc, Trigger: *t, Errors: p.dlgErrors,
			Locked: p.triggerLock(lang, t.Entity, t.Stage),
			OnSave: p.onSaveTrigger, OnClose: p.closeDialog}
	case dlgRobotPicker:
		return &RobotPicker{Lang: lang, Entity: ent.Type, StageName: stageName(p.dlgStage),
			OnPick: p.onPickRobot, OnClose: p.closeDialog}
	case dlgRobot:
		r, ok := sc.RobotByID(p.dlgID)
		if !ok {
			return nil
		}
		return &RobotDialog{Lang: lang, Scenario: sc, Robot: *r, Errors: p.dlgErrors,
			Locked: p.robotLock(lang, r.Entity, r.Stage),
			OnSave: p.onSaveRobot, OnClose: p.closeDialog}
	case dlgStage:
		ref, ok := design.FindStage(sc, ent.Type, p.dlgStage)
		if !ok {
			return nil
		}
		nt, nr := design.StageUsage(sc, ent.Type, ref.Stage.ID)
		return &StageEditor{Lang: lang, Stage: ref.Stage, Triggers: nt, Robots: nr, Error: p.stageErr,
			OnSave: p.onSaveStage, OnSemantics: p.onStageSemantics, OnMove: p.onMoveStage,
			OnDelete: p.onDeleteStage, OnClose: p.closeDialog}
	case dlgCopyTrigger, dlgCopyRobot:
		title, from := i18n.T(lang, "designer.trigger.copyTitle"), ""
		if t, ok := sc.TriggerByID(p.dlgID); ok && p.dialog == dlgCopyTrigger {
			from = t.Stage
		}
		if r, ok := sc.RobotByID(p.dlgID); ok && p.dialog == dlgCopyRobot {
			title, from = i18n.T(lang, "designer.robot.copyTitle"), r.Stage
		}
		return &CopyDialog{Lang: lang, Title: title, Pipelines: ent.Pipelines, From: from,
			OnCopy: p.onCopyTo, OnClose: p.closeDialog}
	case dlgConfirm:
		return &DesignerConfirm{Lang: lang, Text: p.confirm, OnYes: p.onConfirmYes, OnNo: p.closeDialog}
	}
	return nil
}

// addableTypes are the entity types not in the scenario yet, with the
// next free smart process.
func addableTypes(sc *engine.Scenario) []string {
	var out []string
	for _, t := range []string{"LEAD", "DEAL", "QUOTE", "SMART_INVOICE", "ORDER"} {
		if design.Entity(sc, t) == nil {
			out = append(out, t)
		}
	}
	return append(out, design.NextDynamicType(sc))
}

// edit runs a design operation inside session.Edit off the UI goroutine
// (the store may be slow) and reports back on it.
func (p *DesignerPage) edit(ctx app.Context, change func(sc *engine.Scenario) error, done func(ctx app.Context, err error)) {
	p.run(ctx, p.Tab.Session.Edit, change, done)
}

// begin is edit for the first step of a two-step action (a trigger or
// robot placed, or a stage added, whose settings dialog opens next):
// session.Begin keeps it unsaved until the dialog's save, or its closing,
// makes one version of both. One user action, one version.
func (p *DesignerPage) begin(ctx app.Context, change func(sc *engine.Scenario) error, done func(ctx app.Context, err error)) {
	p.run(ctx, p.Tab.Session.Begin, change, done)
}

func (p *DesignerPage) run(ctx app.Context, op func(context.Context, func(*engine.Scenario) error) error, change func(sc *engine.Scenario) error, done func(ctx app.Context, err error)) {
	p.highlight = ""
	if p.lesson != nil {
		change = inScope(p.lesson.Lesson, p.Tab.Session.Scenario(), p.currentLang(), change)
	}
	page := p.page.or(ctx)
	ctx.Async(func() {
		err := op(context.Background(), change)
		if errors.Is(err, session.ErrNotSaved) {
			// The edit is kept; the header and the unsaved notice say
			// that it is not saved yet, and it is retried.
			err = nil
		}
		page.Dispatch(func(ctx app.Context) {
			defer p.settle(ctx)
			if done != nil {
				done(ctx, err)
				return
			}
			p.report(err)
		})
	})
}

// scopeError refuses an edit that changes what a lesson does not let the
// trainee change; the controls for it are disabled, so this is the
// backstop (a trigger copied to a locked stage, say).
type scopeError struct{ msgs []string }

func (e *scopeError) Error() string { return strings.Join(e.msgs, "; ") }

// inScope wraps a designer change: it is refused when it changes a
// section of the scenario the lesson keeps, compared with the scenario
// before the edit.
func inScope(l *lesson.Lesson, before *engine.Scenario, lang string, change func(sc *engine.Scenario) error) func(sc *engine.Scenario) error {
	return func(sc *engine.Scenario) error {
		if err := change(sc); err != nil {
			return err
		}
		out := l.NewlyOutOfScope(before, sc)
		if len(out) == 0 {
			return nil
		}
		e := &scopeError{}
		for _, s := range out {
			e.msgs = append(e.msgs, lesson.ScopeMessage(s, lang))
		}
		return e
	}
}

// finish saves an action begin opened whose dialog closed without saving
// (the placed trigger or robot keeps its defaults, as in Bitrix24).
func (p *DesignerPage) finish(ctx app.Context) {
	if p.Tab == nil || p.Tab.Session == nil || !p.Tab.Session.Pending() {
		return
	}
	sess := p.Tab.Session
	page := p.page.or(ctx)
	ctx.Async(func() {
		err := sess.Finish(context.Background())
		if errors.Is(err, session.ErrNotSaved) {
			err = nil
		}
		page.Dispatch(func(ctx app.Context) {
			defer p.settle(ctx)
			p.report(err)
		})
	})
}

// report shows an edit's error in the page banner.
func (p *DesignerPage) report(err error) {
	p.banner = nil
	if err != nil {
		p.banner = flatErrors(editErrors(p.currentLang(), err))
	}
}

func flatErrors(m map[string][]string) []string {
	var out []string
	out = append(out, m[""]...)
	for k, v := range m {
		if k != "" {
			for _, msg := range v {
				out = append(out, k+": "+msg)
			}
		}
	}
	return out
}

func (p *DesignerPage) openDialog(kind, stage, id string) {
	p.dialog, p.dlgStage, p.dlgID, p.dlgErrors, p.stageErr = kind, stage, id, nil, ""
	p.banner = nil
}

// closeDialog closes the open dialog; an item placed just before its
// settings dialog is saved now if the dialog did not save it.
func (p *DesignerPage) closeDialog(ctx app.Context) {
	p.openDialog("", "", "")
	p.finish(ctx)
}

func (p *DesignerPage) ask(text string, yes func(ctx app.Context)) {
	p.openDialog(dlgConfirm, "", "")
	p.confirm, p.onConfirm = text, yes
}

func (p *DesignerPage) onConfirmYes(ctx app.Context) {
	yes := p.onConfirm
	p.closeDialog(ctx)
	if yes != nil {
		yes(ctx)
	}
}

// Toolbar.

func (p *DesignerPage) onEntity(ctx app.Context, typ string) {
	p.entity, p.pipeline = typ, 0
	p.syncPlace(ctx)
}

func (p *DesignerPage) onAddEntity(ctx app.Context, typ string) {
	p.edit(ctx, func(sc *engine.Scenario) error { return design.AddEntity(sc, typ) }, func(ctx app.Context, err error) {
		p.report(err)
		if err == nil {
			p.entity, p.pipeline = typ, 0
		}
	})
}

func (p *DesignerPage) onPipeline(ctx app.Context, id int) {
	p.pipeline = id
	p.syncPlace(ctx)
}

func (p *DesignerPage) onAddPipeline(ctx app.Context) {
	typ := p.entity
	var id int
	n := 1
	if e := design.Entity(p.Tab.Session.Scenario(), typ); e != nil {
		n = len(e.Pipelines)
	}
	name := i18n.F(p.currentLang(), "designer.newPipelineName", "n", strconv.Itoa(n))
	p.edit(ctx, func(sc *engine.Scenario) error {
		var err error
		id, err = design.AddPipeline(sc, typ, name)
		return err
	}, func(ctx app.Context, err error) {
		p.report(err)
		if err == nil {
			p.pipeline = id
		}
	})
}

// onRenameScenario renames the open scenario: one edit, one version.
func (p *DesignerPage) onRenameScenario(ctx app.Context, title string) {
	p.edit(ctx, func(sc *engine.Scenario) error { sc.Title = title; return nil }, nil)
}

func (p *DesignerPage) onRenamePipeline(ctx app.Context, id int, name string) {
	typ := p.entity
	p.edit(ctx, func(sc *engine.Scenario) error { return design.RenamePipeline(sc, typ, id, name) }, nil)
}

func (p *DesignerPage) onDeletePipeline(ctx app.Context, id int) {
	typ := p.entity
	sc := p.Tab.Session.Scenario()
	pl := design.Pipeline(sc, typ, id)
	if pl == nil {
		return
	}
	nt, nr := design.PipelineUsage(sc, typ, id)
	text := i18n.F(p.currentLang(), "designer.confirmDeletePipe", "pipeline", pl.Name, "triggers", strconv.Itoa(nt), "rules", strconv.Itoa(nr))
	p.ask(text, func(ctx app.Context) {
		p.edit(ctx, func(sc *engine.Scenario) error { return design.DeletePipeline(sc, typ, id) }, nil)
	})
}

func (p *DesignerPage) onUndo(ctx app.Context) { p.history(ctx, p.Tab.Session.Undo) }
func (p *DesignerPage) onRedo(ctx app.Context) { p.history(ctx, p.Tab.Session.Redo) }

func (p *DesignerPage) history(ctx app.Context, f func(context.Context) error) {
	page := p.page.or(ctx)
	ctx.Async(func() {
		err := f(context.Background())
		page.Dispatch(func(ctx app.Context) {
			p.report(err)
			p.settle(ctx)
		})
	})
}

// Stages.

func (p *DesignerPage) onAddStage(ctx app.Context, semantics string) {
	typ, pid := p.entity, p.pipeline
	key := "designer.newStageName"
	if semantics == engine.Failure {
		key = "designer.newFailStageName"
	}
	name := i18n.T(p.currentLang(), key)
	var id string
	p.begin(ctx, func(sc *engine.Scenario) error { // its editor opens next: one action, one version
		var err error
		id, err = design.AddStage(sc, typ, pid, semantics, name)
		return err
	}, func(ctx app.Context, err error) {
		p.report(err)
		if err == nil {
			p.openDialog(dlgStage, id, "")
		}
	})
}

func (p *DesignerPage) onEditStage(ctx app.Context, stage string) { p.openDialog(dlgStage, stage, "") }

// stageEdit runs a stage operation and keeps the editor open with the
// reason when it is refused.
func (p *DesignerPage) stageEdit(ctx app.Context, change func(sc *engine.Scenario) error, closeOnOK bool) {
	p.edit(ctx, change, func(ctx app.Context, err error) {
		p.stageErr = ""
		if err != nil {
			p.stageErr = strings.Join(flatErrors(editErrors(p.currentLang(), err)), " ")
			return
		}
		if closeOnOK {
			p.closeDialog(ctx)
		}
	})
}

func (p *DesignerPage) onSaveStage(ctx app.Context, name, color string) {
	typ, id := p.entity, p.dlgStage
	p.stageEdit(ctx, func(sc *engine.Scenario) error { return design.UpdateStage(sc, typ, id, name, color) }, true)
}

func (p *DesignerPage) onStageSemantics(ctx app.Context, sem string) {
	typ, id := p.entity, p.dlgStage
	p.stageEdit(ctx, func(sc *engine.Scenario) error { return design.SetSemantics(sc, typ, id, sem) }, false)
}

func (p *DesignerPage) onMoveStage(ctx app.Context, delta int) {
	typ, id := p.entity, p.dlgStage
	p.stageEdit(ctx, func(sc *engine.Scenario) error { return design.MoveStage(sc, typ, id, delta) }, false)
}

func (p *DesignerPage) onDeleteStage(ctx app.Context) {
	typ, id := p.entity, p.dlgStage
	p.stageEdit(ctx, func(sc *engine.Scenario) error { return design.DeleteStage(sc, typ, id) }, true)
}

// Triggers.

func (p *DesignerPage) onAddTrigger(ctx app.Context, stage string) {
	p.openDialog(dlgCatalog, stage, "")
}

// onCatalogAdd places the picked triggers; a single one opens its
// settings at once, as in Bitrix24.
func (p *DesignerPage) onCatalogAdd(ctx app.Context, codes []string) {
	typ, stage := p.entity, p.dlgStage
	var ids []string
	place := p.edit
	if len(codes) == 1 {
		place = p.begin // its settings open next: one action, one version
	}
	place(ctx, func(sc *engine.Scenario) error {
		var err error
		ids, err = design.AddTriggers(sc, typ, stage, codes)
		return err
	}, func(ctx app.Context, err error) {
		if err == nil && len(ids) == 1 {
			p.report(nil)
			p.openDialog(dlgTrigger, stage, ids[0])
			return
		}
		p.closeDialog(ctx)
		p.report(err)
	})
}

func (p *DesignerPage) onEditTrigger(ctx app.Context, id string) { p.openDialog(dlgTrigger, "", id) }

func (p *DesignerPage) onSaveTrigger(ctx app.Context, t engine.Trigger) {
	p.edit(ctx, func(sc *engine.Scenario) error { return design.UpdateTrigger(sc, t) }, func(ctx app.Context, err error) {
		if err != nil {
			p.dlgErrors = editErrors(p.currentLang(), err)
			return
		}
		p.closeDialog(ctx)
	})
}

func (p *DesignerPage) onCopyTrigger(ctx app.Context, id string) {
	p.openDialog(dlgCopyTrigger, "", id)
}

func (p *DesignerPage) onCopyTo(ctx app.Context, stage string) {
	id, kind := p.dlgID, p.dialog
	p.closeDialog(ctx)
	p.edit(ctx, func(sc *engine.Scenario) error {
		var err error
		if kind == dlgCopyTrigger {
			_, err = design.CopyTrigger(sc, id, stage)
		} else {
			_, err = design.CopyRobot(sc, id, stage)
		}
		return err
	}, func(ctx app.Context, err error) {
		p.report(err)
		if err == nil {
			if ref, ok := design.FindStage(p.Tab.Session.Scenario(), p.entity, stage); ok {
				p.pipeline = ref.Pipeline
			}
		}
	})
}

func (p *DesignerPage) onDeleteTrigger(ctx app.Context, id string) {
	t, ok := p.Tab.Session.Scenario().TriggerByID(id)
	if !ok {
		return
	}
	lang := p.currentLang()
	p.ask(i18n.F(lang, "designer.trigger.confirmDelete", "trigger", triggerTitle(lang, *t)), func(ctx app.Context) {
		p.edit(ctx, func(sc *engine.Scenario) error { return design.DeleteTrigger(sc, id) }, nil)
	})
}

// Robots.

func (p *DesignerPage) onAddRobot(ctx app.Context, stage string) {
	p.openDialog(dlgRobotPicker, stage, "")
}

// onPickRobot places a robot of the chosen type with default params and
// opens its settings.
func (p *DesignerPage) onPickRobot(ctx app.Context, robotType string) {
	typ, stage := p.entity, p.dlgStage
	lang := p.currentLang()
	text := i18n.T(lang, "designer.robot.defaultText")
	switch robotType {
	case engine.RobotCreateTask:
		text = i18n.T(lang, "designer.robot.defaultTask")
	case engine.RobotSendEmail:
		text = i18n.T(lang, "designer.robot.defaultSubject")
	}
	var id string
	p.begin(ctx, func(sc *engine.Scenario) error { // its settings open next: one action, one version
		params, err := design.DefaultParams(sc, typ, stage, robotType, text)
		if err != nil {
			return err
		}
		id, err = design.AddRobot(sc, engine.Robot{Entity: typ, Stage: stage, Type: robotType, Params: params})
		return err
	}, func(ctx app.Context, err error) {
		if err == nil {
			p.report(nil)
			p.openDialog(dlgRobot, stage, id)
			return
		}
		p.closeDialog(ctx)
		p.report(err)
	})
}

func (p *DesignerPage) onEditRobot(ctx app.Context, id string) { p.openDialog(dlgRobot, "", id) }

func (p *DesignerPage) onSaveRobot(ctx app.Context, r engine.Robot) {
	p.edit(ctx, func(sc *engine.Scenario) error { return design.UpdateRobot(sc, r) }, func(ctx app.Context, err error) {
		if err != nil {
			p.dlgErrors = editErrors(p.currentLang(), err)
			return
		}
		p.closeDialog(ctx)
	})
}

func (p *DesignerPage) onCopyRobot(ctx app.Context, id string) { p.openDialog(dlgCopyRobot, "", id) }

func (p *DesignerPage) onDeleteRobot(ctx app.Context, id string) {
	r, ok := p.Tab.Session.Scenario().RobotByID(id)
	if !ok {
		return
	}
	lang := p.currentLang()
	p.ask(i18n.F(lang, "designer.robot.confirmDelete", "rule", robotTitle(lang, *r)), func(ctx app.Context) {
		p.edit(ctx, func(sc *engine.Scenario) error { return design.DeleteRobot(sc, id) }, nil)
	})
}

func (p *DesignerPage) onMoveRobot(ctx app.Context, id string, delta int) {
	p.edit(ctx, func(sc *engine.Scenario) error { return design.MoveRobot(sc, id, delta) }, nil)
}
