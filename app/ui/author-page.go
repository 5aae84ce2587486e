package ui

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

// AuthorPage is /author: a lesson made from the open scenario, which is
// the author's solution. Goals are added by pointing (an item and a stage,
// a trigger and must fire / must not fire, a robot that must run, a lint
// code, a trigger limit); "Check" runs them on the trainee's start and on
// the solution, and "Publish" refuses a lesson whose goals already hold at
// the start or fail on the solution. The logic is teach.Draft's.
type AuthorPage struct {
	app.Compo
	teachChrome

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	d        teach.Draft
	hints    string
	scope    string
	item     string
	stage    string
	trigger  string
	robot    string
	lint     string
	max      int
	verdict  *lesson.Verdict
	problems []string
	link     string
	file     []byte
	// published counts the check results shown: a link made in the
	// background is shown only if no other result replaced its own.
	published int

	of      string // the stored scenario the picks are of
	loading bool
	openErr string

	scopeStage string   // "ENTITY:STAGE" of the scope "stage"
	custom     []string // the scopes of an imported lesson not in the menu
	before     string   // the robot another must run before
	imported   string   // what the last lesson file import did
	importErr  []string
}

// OnNav starts a draft from the scenario of the address (?id=, as the
// designer's «Сделать урок» links it), else the open scenario, else the
// one this browser opened last.
func (p *AuthorPage) OnNav(ctx app.Context) {
	p.mountChrome(ctx, p.Tab)
	if p.scope == "" {
		p.scope = "triggers"
		p.max = 1
		p.lint = engine.LintTriggerShadowed
	}
	id := p.place.Scenario
	if d := p.Tab.Session.Doc(); d != nil && (id == "" || d.ID == id) {
		p.opened(d.ID)
		markReady(ctx)
		return
	}
	p.loading, p.openErr = true, ""
	sess, page := p.Tab.Session, p.page.or(ctx)
	ctx.Async(func() {
		got, err := sess.Show(context.Background(), id)
		page.Dispatch(func(ctx app.Context) {
			p.loading = false
			if err != nil && !errors.Is(err, session.ErrNoScenario) {
				p.openErr = authorOpenError(p.currentLang(), err)
			}
			if err == nil {
				p.opened(got)
			}
			markReady(ctx)
		})
	})
}

// opened starts the picks over the stored scenario id (kept when it is
// the one they are of).
func (p *AuthorPage) opened(id string) {
	if id != p.of {
		if p.of != "" {
			p.d.Goals = nil // they point at the other scenario's items
		}
		p.of = id
		p.item, p.stage, p.trigger, p.robot = "", "", "", ""
		p.clearResult()
		if a := p.Tab.Prefs.Authoring(); a.Of == id {
			// A reload: the lesson written over this scenario before.
			p.d, p.hints, p.scope, p.scopeStage, p.custom = a.Draft, a.Hints, a.Scope, a.ScopeStage, a.Custom
		}
	}
	p.pickDefaults()
}

// keep saves the lesson being written in the tab's storage, so that a
// reload shows it again.
func (p *AuthorPage) keep() {
	p.Tab.Prefs.SetAuthoring(prefs.Authoring{Of: p.of, Draft: p.d, Hints: p.hints, Scope: p.scope, ScopeStage: p.scopeStage, Custom: p.custom})
}

func (p *AuthorPage) onLangChange(ctx app.Context, lang string) { p.changeLang(ctx, lang) }

// pickDefaults selects the first item, stage, trigger and robot.
func (p *AuthorPage) pickDefaults() {
	sc := p.Tab.Session.Scenario()
	if sc == nil {
		return
	}
	if p.item == "" && len(sc.Items) > 0 {
		p.item = authorTarget(sc.Items[0])
	}
	if p.stage == "" || !authorHas(p.stages(sc), p.stage) {
		if st := p.stages(sc); len(st) > 0 {
			p.stage = st[0]
		}
	}
	if p.trigger == "" && len(sc.Triggers) > 0 {
		p.trigger = sc.Triggers[0].ID
	}
	if p.robot == "" && len(sc.Robots) > 0 {
		p.robot = sc.Robots[0].ID
	}
	if p.before == "" && len(sc.Robots) > 1 {
		p.before = sc.Robots[1].ID
	}
	if st := authorStages(sc); p.scopeStage == "" && len(st) > 0 {
		p.scopeStage = st[0][0]
	}
}

// authorStages lists every stage of the scenario as
// ["ENTITY:STAGE", "Entity — Stage name"], for the scope of one stage's
// robots.
func authorStages(sc *engine.Scenario) [][2]string {
	var out [][2]string
	for _, e := range sc.Entities {
		for _, pl := range e.Pipelines {
			for _, s := range pl.Stages {
				out = append(out, [2]string{e.Type + ":" + s.ID, e.Type + " — " + s.Name})
			}
		}
	}
	return out
}

func authorTarget(it engine.Item) string { return it.Entity + "_" + strconv.Itoa(it.ID) }

func authorHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// stages lists the stage ids of the chosen item's entity.
func (p *AuthorPage) stages(sc *engine.Scenario) []string {
	ent, _, _ := strings.Cut(p.item, "_")
	if i := strings.LastIndex(p.item, "_"); i > 0 {
		ent = p.item[:i]
	}
	var out []string
	for _, e := range sc.Entities {
		if e.Type != ent {
			continue
		}
		for _, pl := range e.Pipelines {
			for _, s := range pl.Stages {
				out = append(out, s.ID)
			}
		}
	}
	return out
}

func (p *AuthorPage) scopes() []string {
	switch p.scope {
	case "robots":
		return []string{"robots"}
	case "both":
		return []string{"triggers", "robots"}
	case "stage":
		return []string{"robots:" + p.scopeStage}
	case "custom":
		return p.custom
	}
	return []string{"triggers"}
}

// setScopes shows an imported lesson's scopes in the menu.
func (p *AuthorPage) setScopes(s []string) {
	p.custom = nil
	switch {
	case len(s) == 1 && s[0] == "triggers":
		p.scope = "triggers"
	case len(s) == 1 && s[0] == "robots":
		p.scope = "robots"
	case len(s) == 2 && s[0] == "triggers" && s[1] == "robots":
		p.scope = "both"
	case len(s) == 1 && strings.Count(s[0], ":") == 2 && strings.HasPrefix(s[0], "robots:"):
		p.scope, p.scopeStage = "stage", strings.TrimPrefix(s[0], "robots:")
	default:
		p.scope, p.custom = "custom", s
	}
}

// onImport opens a lesson file (or a lesson link's text) to edit: its
// solution becomes a new stored scenario, the open one, and the draft
// takes the lesson's texts, scopes and goals in the interface language.
func (p *AuthorPage) onImport(ctx app.Context, e app.Event) {
	p.imported, p.importErr = "", nil
	input := ctx.JSSrc()
	readFileText(ctx, input.Get("files").Index(0), func(ctx app.Context, name string, data []byte, err error) {
		input.Set("value", "")
		lang := p.currentLang()
		fail := func(lines ...string) {
			p.importErr = append([]string{i18n.F(lang, "author.importFailed", "file", name)}, lines...)
		}
		var l *lesson.Lesson
		if err == nil {
			l, _, err = teach.OpenLesson(data)
		}
		if err != nil {
			fail(teach.Problems(err, lang)...)
			return
		}
		if l.Solution == nil {
			fail(i18n.T(lang, "author.importNoSolution"))
			return
		}
		sol, err := engine.WriteScenario(l.Solution)
		if err != nil {
			fail(authorStoreError(lang, err)...)
			return
		}
		sess, page := p.Tab.Session, p.page.or(ctx)
		ctx.Async(func() {
			id, err := sess.Create(context.Background(), sol)
			page.Dispatch(func(ctx app.Context) {
				if err != nil {
					fail(authorStoreError(lang, err)...)
					return
				}
				p.of = id
				p.item, p.stage, p.trigger, p.robot, p.before, p.scopeStage = "", "", "", "", "", ""
				p.clearResult()
				p.d.Title, p.d.Task = l.Title.In(lang), l.Task.In(lang)
				var hints []string
				for _, h := range l.Hints {
					hints = append(hints, h.In(lang))
				}
				p.hints = strings.Join(hints, "\n")
				p.d.Goals = append([]lesson.Goal(nil), l.Goals...)
				p.pickDefaults()
				p.setScopes(l.MayChange)
				p.imported = i18n.F(lang, "author.imported", "lesson", p.d.Title, "solution", l.Solution.Title)
				p.keep()
				ctx.Navigate("/author?id=" + url.QueryEscape(id))
			})
		})
	})
}

func (p *AuthorPage) draft(sc *engine.Scenario) *teach.Draft {
	d := p.d
	d.Lang = p.currentLang()
	d.ID = teach.Slug(d.Title)
	d.Hints = strings.Split(p.hints, "\n")
	d.Scopes = p.scopes()
	_ = sc
	return &d
}

func (p *AuthorPage) addGoal(g lesson.Goal) {
	// The goal's name is its description, so the trainee reads what to
	// achieve above the check's message.
	lang := p.currentLang()
	g.Name = lesson.Text{lang: authorGoalText(lang, g)}
	p.d.Goals = append(p.d.Goals, g)
	p.clearResult()
	p.keep()
}

// clearResult forgets the last check's verdict, problems and link, and
// any link still being made for it.
func (p *AuthorPage) clearResult() {
	p.verdict, p.problems, p.link, p.file = nil, nil, "", nil
	p.published++
}

func (p *AuthorPage) onCheck(ctx app.Context, e app.Event) { p.run(ctx, false) }

func (p *AuthorPage) onPublish(ctx app.Context, e app.Event) { p.run(ctx, true) }

// run checks the lesson and, to publish it, makes its link in the
// background: the browser compresses it (app/share), which the event's
// handler must not wait for.
func (p *AuthorPage) run(ctx app.Context, publish bool) {
	sc := p.Tab.Session.Scenario()
	data, v, problems := p.draft(sc).Publish(sc)
	p.clearResult()
	p.verdict, p.problems = &v, problems
	if !publish || len(problems) > 0 {
		return
	}
	origin := ""
	if app.IsClient {
		origin = app.Window().Get("location").Get("origin").String()
	}
	lang, seq := p.currentLang(), p.published
	ctx.Async(func() {
		link, err := teach.LessonLink(origin, data)
		ctx.Dispatch(func(app.Context) {
			if p.published != seq {
				return // the draft changed, or it was checked again, meanwhile
			}
			if err != nil {
				p.problems = []string{authorLinkError(lang, err)}
			}
			p.link, p.file = link, data
		})
	})
}

// goalText describes a goal for the author's list.
func authorGoalText(lang string, g lesson.Goal) string {
	switch g.Kind {
	case lesson.GoalExpect:
		x := g.Expect
		switch {
		case x.Stage != "":
			return i18n.F(lang, "goal.stage", "item", x.Target, "stage", x.Stage)
		case x.Fired != "":
			return i18n.F(lang, "goal.fired", "trigger", x.Fired, "item", x.Target)
		case x.NotFired != "":
			return i18n.F(lang, "goal.notFired", "trigger", x.NotFired, "item", x.Target)
		case x.Ran != "":
			return i18n.F(lang, "goal.ran", "robot", x.Ran, "item", x.Target)
		}
	case lesson.GoalNoLint:
		return i18n.F(lang, "goal.noLint", "code", g.NoLint)
	case lesson.GoalMaxTriggers:
		return i18n.F(lang, "goal.max", "n", g.MaxTriggers)
	case lesson.GoalRobotBefore:
		return i18n.F(lang, "goal.before", "robot", g.Robot, "before", g.Before, "item", g.Target)
	}
	return g.Kind
}

// onInput keeps what is typed or picked in the form's fields, told apart
// by the element's id: one handler for every field of the page.
func (p *AuthorPage) onInput(ctx app.Context, e app.Event) {
	v := srcValue(ctx)
	switch ctx.JSSrc().Get("id").String() {
	case "author-name":
		p.d.Title = v
	case "author-task":
		p.d.Task = v
	case "author-hints":
		p.hints = v
	case "author-scope":
		p.scope = v
	case "author-scope-stage":
		p.scopeStage = v
	case "author-item":
		p.item, p.stage = v, ""
		p.pickDefaults()
		return
	case "author-stage":
		p.stage = v
		return
	case "author-trigger":
		p.trigger = v
		return
	case "author-robot":
		p.robot = v
		return
	case "author-before":
		p.before = v
		return
	case "author-lint":
		p.lint = v
		return
	case "author-max":
		if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= lesson.MaxMaxTriggers {
			p.max = n
		}
		return
	}
	p.keep()
}

// onAdd adds the goal of the button clicked, told apart by its data-testid.
func (p *AuthorPage) onAdd(ctx app.Context, e app.Event) {
	x := engine.Expectation{Target: p.item}
	g := lesson.Goal{Kind: lesson.GoalExpect}
	switch srcAttr(ctx, "data-testid") {
	case "author-add-stage":
		x.Stage = p.stage
	case "author-add-fired":
		x.Fired = p.trigger
	case "author-add-notfired":
		x.NotFired = p.trigger
	case "author-add-ran":
		x.Ran = p.robot
	case "author-add-before":
		g = lesson.Goal{Kind: lesson.GoalRobotBefore, Target: p.item, Robot: p.robot, Before: p.before}
	case "author-add-nolint":
		g = lesson.Goal{Kind: lesson.GoalNoLint, NoLint: p.lint}
	case "author-add-max":
		g = lesson.Goal{Kind: lesson.GoalMaxTriggers, MaxTriggers: p.max}
	default:
		return
	}
	if g.Kind == lesson.GoalExpect {
		g.Expect = x
	}
	p.addGoal(g)
}

// onGoalUp moves the goal of the clicked row's button one place up.
func (p *AuthorPage) onGoalUp(ctx app.Context, e app.Event) {
	if i := srcIndex(ctx, 1); i > 0 && i < len(p.d.Goals) {
		p.d.Goals[i-1], p.d.Goals[i] = p.d.Goals[i], p.d.Goals[i-1]
		p.keep()
	}
}

// onGoalRemove removes the goal of the clicked row's button.
func (p *AuthorPage) onGoalRemove(ctx app.Context, e app.Event) {
	if i := srcIndex(ctx, 1); i < len(p.d.Goals) {
		p.d.Goals = append(p.d.Goals[:i:i], p.d.Goals[i+1:]...)
		p.keep()
	}
}

func (p *AuthorPage) onDownload(ctx app.Context, e app.Event) {
	download(teach.Slug(p.d.Title)+".lesson.json", "application/json", p.file)
}

// Render implements app.Composer.
func (p *AuthorPage) Render() app.UI {
	lang := p.currentLang()
	sc := p.Tab.Session.Scenario()
	title := i18n.T(lang, "author.title")
	importButton := &FileButton{Lang: lang, Label: i18n.T(lang, "author.import"), TestID: "author-import", Accept: ".json,application/json", OnChange: p.onImport}
	var importErr app.UI
	if len(p.importErr) > 0 {
		importErr = pageAlert("lesson-page__error", "author-import-error", p.importErr)
	}
	var body []app.UI
	switch {
	case p.loading:
		body = []app.UI{p.toolbar(title, ""), authorLoadingView.el(lang)}
	case sc == nil:
		var openErr app.UI
		if p.openErr != "" {
			openErr = authorOpenErrorView.el(lang, p.openErr)
		}
		body = append([]app.UI{p.toolbar(title, ""), openErr, importButton, importErr}, authorNoneView.els(lang)...)
	default:
		body = p.renderLesson(lang, sc, p.toolbar(title, i18n.F(lang, "author.from", "title", sc.Title), importButton), importErr)
	}
	return p.frame(p.Tab, "author-page", p.onLangChange, body...)
}

// renderLesson is the page's body with a scenario open: the toolbar, the
// import's failure, the lesson's form, its goals and what checking and
// publishing it said.
func (p *AuthorPage) renderLesson(lang string, sc *engine.Scenario, toolbar, importErr app.UI) []app.UI {
	// Each method value written is code of its own: one of each, passed
	// to every view.
	onInput, onAdd := app.EventHandler(p.onInput), app.EventHandler(p.onAdd)
	var items, triggers, robots []string
	for _, it := range sc.Items {
		items = append(items, authorTarget(it))
	}
	for _, t := range sc.Triggers {
		triggers = append(triggers, t.ID)
	}
	for _, r := range sc.Robots {
		robots = append(robots, r.ID)
	}
	var imported, custom, scopeStage, noGoals, triggerPick, robotPick, before, verdict, refused, published app.UI
	if p.imported != "" {
		imported = authorImportedView.el(lang, p.imported)
	}
	if len(p.custom) > 0 {
		custom = option("custom", p.scope == "custom", i18n.F(lang, "author.scope.custom", "scopes", strings.Join(p.custom, ", ")))
	}
	if p.scope == "stage" {
		st := authorStages(sc)
		opts := make([]app.UI, len(st))
		for i, s := range st {
			opts[i] = option(s[0], s[0] == p.scopeStage, s[1])
		}
		scopeStage = authorScopeStageView.el(lang, onInput, opts)
	}
	if len(p.d.Goals) == 0 {
		noGoals = authorNoGoalsView.el(lang)
	}
	goals := make([]app.UI, len(p.d.Goals))
	for i, g := range p.d.Goals {
		var up app.UI
		if i > 0 {
			up = authorGoalUpView.el(lang, "↑ "+i18n.T(lang, "author.up"), p.onGoalUp)
		}
		goals[i] = authorGoalView.el(lang, authorGoalText(lang, g)+" ", up, p.onGoalRemove)
	}
	if len(triggers) > 0 {
		triggerPick = authorTriggerPickView.el(lang, onInput, pageOptions(triggers, p.trigger), onAdd)
	}
	if len(robots) > 1 {
		before = authorBeforeView.el(lang, onInput, pageOptions(robots, p.before), p.robot == p.before, onAdd)
	}
	if len(robots) > 0 {
		robotPick = authorRobotPickView.el(lang, onInput, pageOptions(robots, p.robot), onAdd, before)
	}
	if v := p.verdict; v != nil && len(p.d.Goals) > 0 {
		verdict = authorVerdictView.el(lang,
			i18n.F(lang, "author.onStart", "passed", v.Start.Passed(), "total", len(v.Start.Goals)),
			lessonGoalList(lang, v.Start.Goals),
			i18n.F(lang, "author.onSolution", "passed", v.Solution.Passed(), "total", len(v.Solution.Goals)),
			lessonGoalList(lang, v.Solution.Goals))
	}
	if len(p.problems) > 0 {
		refused = pageAlert("lesson-page__error", "author-refused", append([]string{i18n.T(lang, "author.refused")}, p.problems...))
	}
	if p.link != "" {
		published = authorPublishedView.el(lang, p.link, p.onDownload)
	}
	body := []app.UI{
		toolbar,
		importErr,
		imported,
		authorFormView.el(lang, p.d.Title, p.d.Task, p.hints, onInput,
			p.scope == "triggers", p.scope == "robots", p.scope == "both", p.scope == "stage", custom, scopeStage),
	}
	body = append(body, authorGoalsView.els(lang, noGoals, goals,
		onInput, pageOptions(items, p.item), pageOptions(p.stages(sc), p.stage), onAdd,
		triggerPick, robotPick, pageOptions(lesson.LintCodes, p.lint),
		lesson.MaxMaxTriggers, p.max, p.onCheck, p.onPublish)...)
	return append(body, verdict, refused, published)
}

// The page while the scenario is being opened.
var authorLoadingView = &view{name: "author-loading", src: `<p>{t:loading}</p>`}

// Why the scenario could not be opened.
var authorOpenErrorView = &view{name: "author-open-error", src: `
<p class="lesson-page__error" role="alert">{0}</p>`}

// The page without a scenario: what to do, and the way home.
var authorNoneView = &view{name: "author-none", src: `
<p data-testid="author-none">{t:author.noScenario}</p>
<a class="button" href="/">{t:nav.home}</a>`}

// What the last lesson file import did.
var authorImportedView = &view{name: "author-imported", src: `
<p role="status" data-testid="author-imported">{0}</p>`}

// The stage whose robots the trainee may change (the scope "stage").
var authorScopeStageView = &view{name: "author-scope-stage", src: `
<div class="author-page__field">
	<label for="author-scope-stage">{t:author.scopeStage}</label>
	<select id="author-scope-stage" data-testid="author-scope-stage" @change={0}>{1}</select>
</div>`}

// The list of goals while it is empty.
var authorNoGoalsView = &view{name: "author-no-goals", src: `<p>{t:author.noGoals}</p>`}

// A goal of the list (its text ends with a space): the button moving it
// up, then the one removing it.
var authorGoalView = &view{name: "author-goal", src: `
<li data-testid="author-goal">
	<span>{0}</span>
	{1}
	<button type="button" class="button button--quiet" data-testid="author-goal-remove" @click={2}>{t:author.remove}</button>
</li>`}

// The button moving a goal one place up.
var authorGoalUpView = &view{name: "author-goal-up", src: `
<button type="button" class="button button--quiet" @click={1}>{0}</button>`}

// The menu of triggers and the buttons adding "fired" and "not fired".
var authorTriggerPickView = &view{name: "author-trigger-pick", src: `
<div class="author-page__pick">
	<div class="author-page__field">
		<label for="author-trigger">{t:author.trigger}</label>
		<select id="author-trigger" data-testid="author-trigger" @change={0}>{1}</select>
	</div>
	<button type="button" class="button" data-testid="author-add-fired" @click={2}>{t:author.addFired}</button>
	<button type="button" class="button" data-testid="author-add-notfired" @click={2}>{t:author.addNotFired}</button>
</div>`}

// The menu of robots, the button adding "ran", and the robot pick of
// "runs before" ({3}).
var authorRobotPickView = &view{name: "author-robot-pick", src: `
<div class="author-page__pick">
	<div class="author-page__field">
		<label for="author-robot">{t:author.robot}</label>
		<select id="author-robot" data-testid="author-robot" @change={0}>{1}</select>
	</div>
	<button type="button" class="button" data-testid="author-add-ran" @click={2}>{t:author.addRan}</button>
	{3}
</div>`}

// The robot another must run before, and the button adding that goal
// (disabled while both are the same robot).
var authorBeforeView = &view{name: "author-before", src: `
<span class="author-page__pick">
	<div class="author-page__field">
		<label for="author-before">{t:author.before}</label>
		<select id="author-before" data-testid="author-before" @change={0}>{1}</select>
	</div>
	<button type="button" class="button" data-testid="author-add-before" disabled={2} @click={3}>{t:author.addBefore}</button>
</span>`}

// The checked goals: on the trainee's start, then on the solution.
var authorVerdictView = &view{name: "author-verdict", src: `
<div class="author-page__verdict" data-testid="author-verdict">
	<h3>{0}</h3>
	{1}
	<h3>{2}</h3>
	{3}
</div>`}

// The published lesson: its link to copy, download or open.
var authorPublishedView = &view{name: "author-published", src: `
<div class="author-page__published" role="status" data-testid="author-published">
	<p>{t:author.published}</p>
	<label for="author-link">{t:author.linkLabel}</label>
	<input id="author-link" type="text" readonly data-testid="author-link" value={0} />
	<button type="button" class="button" data-testid="author-download" @click={1}>{t:author.download}</button>
	<a class="button" href={0} target="_blank" data-testid="author-preview">{t:author.preview}</a>
</div>`}

// The author page's form: the lesson's name, task, hints and scope (the
// four scopes' selected flags, then an imported lesson's own scopes).
var authorFormView = &view{name: "author-form", src: `
<div class="author-page__form">
	<div class="author-page__field">
		<label for="author-name">{t:author.name}</label>
		<input id="author-name" type="text" data-testid="author-name" value={0} @input={3} />
	</div>
	<div class="author-page__field">
		<label for="author-task">{t:author.task}</label>
		<textarea id="author-task" rows="4" data-testid="author-task" value={1} @input={3}></textarea>
	</div>
	<div class="author-page__field">
		<label for="author-hints">{t:author.hints}</label>
		<textarea id="author-hints" rows="3" data-testid="author-hints" value={2} @input={3}></textarea>
	</div>
	<div class="author-page__field">
		<label for="author-scope">{t:author.scope}</label>
		<select id="author-scope" data-testid="author-scope" @change={3}>
			<option value="triggers" selected={4}>{t:author.scope.triggers}</option>
			<option value="robots" selected={5}>{t:author.scope.robots}</option>
			<option value="both" selected={6}>{t:author.scope.both}</option>
			<option value="stage" selected={7}>{t:author.scope.stage}</option>
			{8}
		</select>
	</div>
	{9}
</div>`}

// The author page's goals, the menus adding them (of an item's stage, of
// a trigger {6}, of a robot {7}, of a lint code, of the trigger limit),
// and its two actions.
var authorGoalsView = &view{name: "author-goals", src: `
<section class="author-page__goals" aria-labelledby="author-goals">
	<h2 id="author-goals">{t:author.goals}</h2>
	{0}
	<ol class="author-page__goal-list">{1}</ol>
	<div class="author-page__pick">
		<div class="author-page__field">
			<label for="author-item">{t:author.item}</label>
			<select id="author-item" data-testid="author-item" @change={2}>{3}</select>
		</div>
		<div class="author-page__field">
			<label for="author-stage">{t:author.stage}</label>
			<select id="author-stage" data-testid="author-stage" @change={2}>{4}</select>
		</div>
		<button type="button" class="button" data-testid="author-add-stage" @click={5}>{t:author.addStage}</button>
	</div>
	{6}
	{7}
	<div class="author-page__pick">
		<div class="author-page__field">
			<label for="author-lint">{t:author.lint}</label>
			<select id="author-lint" data-testid="author-lint" @change={2}>{8}</select>
		</div>
		<button type="button" class="button" data-testid="author-add-nolint" @click={5}>{t:author.addNoLint}</button>
	</div>
	<div class="author-page__pick">
		<div class="author-page__field">
			<label for="author-max">{t:author.max}</label>
			<input id="author-max" type="number" min="0" max={9} value={10} @input={2} />
		</div>
		<button type="button" class="button" data-testid="author-add-max" @click={5}>{t:author.addMax}</button>
	</div>
</section>
<div class="lesson-page__actions">
	<button type="button" class="button" data-testid="author-check" @click={11}>{t:author.check}</button>
	<button type="button" class="button button--primary" data-testid="author-publish" @click={12}>{t:author.publish}</button>
</div>`}
