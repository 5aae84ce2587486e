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
		p.verdict, p.problems, p.link, p.file = nil, nil, "", nil
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
				p.verdict, p.problems, p.link, p.file = nil, nil, "", nil
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
	p.verdict, p.problems, p.link, p.file = nil, nil, "", nil
	p.keep()
}

func (p *AuthorPage) onCheck(ctx app.Context, e app.Event) { p.run(false) }

func (p *AuthorPage) onPublish(ctx app.Context, e app.Event) { p.run(true) }

func (p *AuthorPage) run(publish bool) {
	sc := p.Tab.Session.Scenario()
	data, v, problems := p.draft(sc).Publish(sc)
	p.verdict, p.problems, p.link, p.file = &v, problems, "", nil
	if !publish || len(problems) > 0 {
		return
	}
	origin := ""
	if app.IsClient {
		origin = app.Window().Get("location").Get("origin").String()
	}
	link, err := teach.LessonLink(origin, data)
	if err != nil {
		p.problems = []string{authorLinkError(p.currentLang(), err)}
	}
	p.link, p.file = link, data
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

func authorOptions(list []string, selected string) []app.UI {
	out := make([]app.UI, len(list))
	for i, s := range list {
		out[i] = app.Option().Value(s).Selected(s == selected).Text(s)
	}
	return out
}

func authorSelect(id, testid string, list []string, selected string, set func(string)) app.UI {
	return app.Select().ID(id).DataSet("testid", testid).OnChange(func(ctx app.Context, e app.Event) {
		set(ctx.JSSrc().Get("value").String())
	}).Body(authorOptions(list, selected)...)
}

// Render implements app.Composer.
func (p *AuthorPage) Render() app.UI {
	lang := p.currentLang()
	sc := p.Tab.Session.Scenario()
	if p.loading {
		return p.frame(p.Tab, "author-page", p.onLangChange,
			p.toolbar(i18n.T(lang, "author.title"), ""),
			app.P().Text(i18n.T(lang, "loading")))
	}
	if sc == nil {
		return p.frame(p.Tab, "author-page", p.onLangChange,
			p.toolbar(i18n.T(lang, "author.title"), ""),
			app.If(p.openErr != "", func() app.UI {
				return app.P().Class("lesson-page__error").Role("alert").Text(p.openErr)
			}),
			&FileButton{Lang: lang, Label: i18n.T(lang, "author.import"), TestID: "author-import", Accept: ".json,application/json", OnChange: p.onImport},
			app.If(len(p.importErr) > 0, func() app.UI {
				return app.Div().Class("lesson-page__error").Role("alert").DataSet("testid", "author-import-error").Body(
					app.P().Text(p.importErr[0]),
					app.Ul().Body(app.Range(p.importErr[1:]).Slice(func(i int) app.UI { return app.Li().Text(p.importErr[i+1]) })),
				)
			}),
			app.P().DataSet("testid", "author-none").Text(i18n.T(lang, "author.noScenario")),
			app.A().Class("button").Href("/").Text(i18n.T(lang, "nav.home")),
		)
	}
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
	field := func(id, label string, input app.UI) app.UI {
		return app.Div().Class("author-page__field").Body(app.Label().For(id).Text(label), input)
	}
	return p.frame(p.Tab, "author-page", p.onLangChange,
		p.toolbar(i18n.T(lang, "author.title"), i18n.F(lang, "author.from", "title", sc.Title),
			&FileButton{Lang: lang, Label: i18n.T(lang, "author.import"), TestID: "author-import", Accept: ".json,application/json", OnChange: p.onImport}),
		app.If(len(p.importErr) > 0, func() app.UI {
			return app.Div().Class("lesson-page__error").Role("alert").DataSet("testid", "author-import-error").Body(
				app.P().Text(p.importErr[0]),
				app.Ul().Body(app.Range(p.importErr[1:]).Slice(func(i int) app.UI { return app.Li().Text(p.importErr[i+1]) })),
			)
		}),
		app.If(p.imported != "", func() app.UI {
			return app.P().Role("status").DataSet("testid", "author-imported").Text(p.imported)
		}),
		app.Div().Class("author-page__form").Body(
			field("author-name", i18n.T(lang, "author.name"), app.Input().ID("author-name").Type("text").DataSet("testid", "author-name").
				Value(p.d.Title).OnInput(func(ctx app.Context, e app.Event) { p.d.Title = ctx.JSSrc().Get("value").String(); p.keep() })),
			field("author-task", i18n.T(lang, "author.task"), app.Textarea().ID("author-task").Rows(4).DataSet("testid", "author-task").
				Text(p.d.Task).OnInput(func(ctx app.Context, e app.Event) { p.d.Task = ctx.JSSrc().Get("value").String(); p.keep() })),
			field("author-hints", i18n.T(lang, "author.hints"), app.Textarea().ID("author-hints").Rows(3).DataSet("testid", "author-hints").
				Text(p.hints).OnInput(func(ctx app.Context, e app.Event) { p.hints = ctx.JSSrc().Get("value").String(); p.keep() })),
			field("author-scope", i18n.T(lang, "author.scope"), app.Select().ID("author-scope").DataSet("testid", "author-scope").
				OnChange(func(ctx app.Context, e app.Event) { p.scope = ctx.JSSrc().Get("value").String(); p.keep() }).Body(
				app.Option().Value("triggers").Selected(p.scope == "triggers").Text(i18n.T(lang, "author.scope.triggers")),
				app.Option().Value("robots").Selected(p.scope == "robots").Text(i18n.T(lang, "author.scope.robots")),
				app.Option().Value("both").Selected(p.scope == "both").Text(i18n.T(lang, "author.scope.both")),
				app.Option().Value("stage").Selected(p.scope == "stage").Text(i18n.T(lang, "author.scope.stage")),
				app.If(len(p.custom) > 0, func() app.UI {
					return app.Option().Value("custom").Selected(p.scope == "custom").Text(i18n.F(lang, "author.scope.custom", "scopes", strings.Join(p.custom, ", ")))
				}),
			)),
			app.If(p.scope == "stage", func() app.UI {
				st := authorStages(sc)
				return field("author-scope-stage", i18n.T(lang, "author.scopeStage"), app.Select().ID("author-scope-stage").DataSet("testid", "author-scope-stage").
					OnChange(func(ctx app.Context, e app.Event) { p.scopeStage = ctx.JSSrc().Get("value").String(); p.keep() }).
					Body(app.Range(st).Slice(func(i int) app.UI {
						return app.Option().Value(st[i][0]).Selected(st[i][0] == p.scopeStage).Text(st[i][1])
					})))
			}),
		),
		app.Section().Class("author-page__goals").Aria("labelledby", "author-goals").Body(
			app.H2().ID("author-goals").Text(i18n.T(lang, "author.goals")),
			app.If(len(p.d.Goals) == 0, func() app.UI {
				return app.P().Text(i18n.T(lang, "author.noGoals"))
			}),
			app.Ol().Class("author-page__goal-list").Body(app.Range(p.d.Goals).Slice(func(i int) app.UI {
				return app.Li().DataSet("testid", "author-goal").Body(
					app.Span().Text(authorGoalText(lang, p.d.Goals[i])+" "),
					app.If(i > 0, func() app.UI {
						return app.Button().Type("button").Class("button button--quiet").Text("↑ " + i18n.T(lang, "author.up")).
							OnClick(func(ctx app.Context, e app.Event) {
								p.d.Goals[i-1], p.d.Goals[i] = p.d.Goals[i], p.d.Goals[i-1]
								p.keep()
							})
					}),
					app.Button().Type("button").Class("button button--quiet").DataSet("testid", "author-goal-remove").Text(i18n.T(lang, "author.remove")).
						OnClick(func(ctx app.Context, e app.Event) {
							p.d.Goals = append(p.d.Goals[:i:i], p.d.Goals[i+1:]...)
							p.keep()
						}),
				)
			})),
			app.Div().Class("author-page__pick").Body(
				field("author-item", i18n.T(lang, "author.item"), authorSelect("author-item", "author-item", items, p.item, func(s string) { p.item = s; p.stage = ""; p.pickDefaults() })),
				field("author-stage", i18n.T(lang, "author.stage"), authorSelect("author-stage", "author-stage", p.stages(sc), p.stage, func(s string) { p.stage = s })),
				app.Button().Type("button").Class("button").DataSet("testid", "author-add-stage").Text(i18n.T(lang, "author.addStage")).
					OnClick(func(ctx app.Context, e app.Event) {
						p.addGoal(lesson.Goal{Kind: lesson.GoalExpect, Expect: engine.Expectation{Target: p.item, Stage: p.stage}})
					}),
			),
			app.If(len(triggers) > 0, func() app.UI {
				return app.Div().Class("author-page__pick").Body(
					field("author-trigger", i18n.T(lang, "author.trigger"), authorSelect("author-trigger", "author-trigger", triggers, p.trigger, func(s string) { p.trigger = s })),
					app.Button().Type("button").Class("button").DataSet("testid", "author-add-fired").Text(i18n.T(lang, "author.addFired")).
						OnClick(func(ctx app.Context, e app.Event) {
							p.addGoal(lesson.Goal{Kind: lesson.GoalExpect, Expect: engine.Expectation{Target: p.item, Fired: p.trigger}})
						}),
					app.Button().Type("button").Class("button").DataSet("testid", "author-add-notfired").Text(i18n.T(lang, "author.addNotFired")).
						OnClick(func(ctx app.Context, e app.Event) {
							p.addGoal(lesson.Goal{Kind: lesson.GoalExpect, Expect: engine.Expectation{Target: p.item, NotFired: p.trigger}})
						}),
				)
			}),
			app.If(len(robots) > 0, func() app.UI {
				return app.Div().Class("author-page__pick").Body(
					field("author-robot", i18n.T(lang, "author.robot"), authorSelect("author-robot", "author-robot", robots, p.robot, func(s string) { p.robot = s })),
					app.Button().Type("button").Class("button").DataSet("testid", "author-add-ran").Text(i18n.T(lang, "author.addRan")).
						OnClick(func(ctx app.Context, e app.Event) {
							p.addGoal(lesson.Goal{Kind: lesson.GoalExpect, Expect: engine.Expectation{Target: p.item, Ran: p.robot}})
						}),
					app.If(len(robots) > 1, func() app.UI {
						return app.Span().Class("author-page__pick").Body(
							field("author-before", i18n.T(lang, "author.before"), authorSelect("author-before", "author-before", robots, p.before, func(s string) { p.before = s })),
							app.Button().Type("button").Class("button").DataSet("testid", "author-add-before").Text(i18n.T(lang, "author.addBefore")).
								Disabled(p.robot == p.before).
								OnClick(func(ctx app.Context, e app.Event) {
									p.addGoal(lesson.Goal{Kind: lesson.GoalRobotBefore, Target: p.item, Robot: p.robot, Before: p.before})
								}),
						)
					}),
				)
			}),
			app.Div().Class("author-page__pick").Body(
				field("author-lint", i18n.T(lang, "author.lint"), authorSelect("author-lint", "author-lint", lesson.LintCodes, p.lint, func(s string) { p.lint = s })),
				app.Button().Type("button").Class("button").DataSet("testid", "author-add-nolint").Text(i18n.T(lang, "author.addNoLint")).
					OnClick(func(ctx app.Context, e app.Event) { p.addGoal(lesson.Goal{Kind: lesson.GoalNoLint, NoLint: p.lint}) }),
			),
			app.Div().Class("author-page__pick").Body(
				field("author-max", i18n.T(lang, "author.max"), app.Input().ID("author-max").Type("number").Min(0).Max(lesson.MaxMaxTriggers).
					Value(p.max).OnInput(func(ctx app.Context, e app.Event) {
					if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && n >= 0 && n <= lesson.MaxMaxTriggers {
						p.max = n
					}
				})),
				app.Button().Type("button").Class("button").DataSet("testid", "author-add-max").Text(i18n.T(lang, "author.addMax")).
					OnClick(func(ctx app.Context, e app.Event) {
						p.addGoal(lesson.Goal{Kind: lesson.GoalMaxTriggers, MaxTriggers: p.max})
					}),
			),
		),
		app.Div().Class("lesson-page__actions").Body(
			app.Button().Type("button").Class("button").DataSet("testid", "author-check").OnClick(p.onCheck).Text(i18n.T(lang, "author.check")),
			app.Button().Type("button").Class("button button--primary").DataSet("testid", "author-publish").OnClick(p.onPublish).Text(i18n.T(lang, "author.publish")),
		),
		app.If(p.verdict != nil && len(p.d.Goals) > 0, func() app.UI {
			v := p.verdict
			return app.Div().Class("author-page__verdict").DataSet("testid", "author-verdict").Body(
				app.H3().Text(i18n.F(lang, "author.onStart", "passed", v.Start.Passed(), "total", len(v.Start.Goals))),
				lessonGoalList(lang, v.Start.Goals),
				app.H3().Text(i18n.F(lang, "author.onSolution", "passed", v.Solution.Passed(), "total", len(v.Solution.Goals))),
				lessonGoalList(lang, v.Solution.Goals),
			)
		}),
		app.If(len(p.problems) > 0, func() app.UI {
			return app.Div().Class("lesson-page__error").Role("alert").DataSet("testid", "author-refused").Body(
				app.P().Text(i18n.T(lang, "author.refused")),
				app.Ul().Body(app.Range(p.problems).Slice(func(i int) app.UI { return app.Li().Text(p.problems[i]) })),
			)
		}),
		app.If(p.link != "", func() app.UI {
			file := p.file
			name := teach.Slug(p.d.Title) + ".lesson.json"
			return app.Div().Class("author-page__published").Role("status").DataSet("testid", "author-published").Body(
				app.P().Text(i18n.T(lang, "author.published")),
				app.Label().For("author-link").Text(i18n.T(lang, "author.linkLabel")),
				app.Input().ID("author-link").Type("text").ReadOnly(true).DataSet("testid", "author-link").Value(p.link),
				app.Button().Type("button").Class("button").DataSet("testid", "author-download").Text(i18n.T(lang, "author.download")).
					OnClick(func(ctx app.Context, e app.Event) { download(name, "application/json", file) }),
				app.A().Class("button").Href(p.link).Target("_blank").DataSet("testid", "author-preview").Text(i18n.T(lang, "author.preview")),
			)
		}),
	)
}
