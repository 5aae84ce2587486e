package ui

import (
	"context"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lessons"
)

// LessonPage is /lesson?id=ru/01-…: the lesson text, its goal with each
// expectation's live verdict, "Check", and "Open in the designer", which
// creates the lesson's scenario in the session and goes to /design. When
// the learner comes back, the goal is checked on the open scenario (the
// open scenario is the lesson's when its title is the lesson's title).
// A reload keeps the place: the learner's copy (teach.Builtin) is opened
// again, and the number of open hints is in the address (?hints=).
type LessonPage struct {
	app.Compo
	teachChrome

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	id       string
	lesson   lessons.Lesson
	found    bool
	results  []engine.ExpectResult
	done     bool
	checked  bool // the learner pressed Check
	onOpen   bool // the results are of the open scenario
	progress teach.Progress
	err      string
	hints    int // hints opened
}

// OnNav loads the lesson named in the query and checks it, on the
// learner's copy when there is one (opened again after a reload).
func (p *LessonPage) OnNav(ctx app.Context) {
	p.mountChrome(ctx, p.Tab)
	p.id = p.place.Lesson
	p.lesson, p.found = lessons.Get(p.id)
	p.checked, p.err, p.hints = false, "", p.place.Hints
	p.progress = teach.ParseProgress("")
	if p.found {
		p.check()
	}
	st := p.Tab.Session
	ctx.Async(func() {
		pr, err := teach.LoadProgress(context.Background(), st)
		if err != nil {
			app.Log(err)
		}
		ctx.Dispatch(func(app.Context) { p.progress = pr })
	})
	b := p.Tab.Prefs.Builtin()
	if d := p.Tab.Session.Doc(); p.found && b.ID == p.id && b.Scenario != "" && (d == nil || d.ID != b.Scenario) {
		sess, page := p.Tab.Session, p.page.or(ctx)
		ctx.Async(func() {
			_, err := sess.Show(context.Background(), b.Scenario)
			page.Dispatch(func(ctx app.Context) {
				if err != nil {
					app.Log("reopening the learner's copy failed:", err)
				}
				p.check()
				markReady(ctx)
			})
		})
		return
	}
	markReady(ctx)
}

// onHint opens the next hint and keeps the count in the address.
func (p *LessonPage) onHint(ctx app.Context, e app.Event) {
	p.hints++
	p.place.Hints = p.hints
	showPlace(ctx, p.place)
}

func (p *LessonPage) onLangChange(ctx app.Context, lang string) {
	p.changeLang(ctx, lang)
	if p.found {
		p.check()
	}
}

// openIsLesson reports whether the session's open scenario is this
// lesson's copy.
func (p *LessonPage) openIsLesson() bool {
	sc := p.Tab.Session.Scenario()
	return sc != nil && p.found && sc.Title == p.lesson.Title
}

// check runs the goal on the open copy, or on the lesson's start.
func (p *LessonPage) check() {
	sc := p.Tab.Session.Scenario()
	p.onOpen = p.openIsLesson()
	if !p.onOpen {
		var err error
		sc, err = p.lesson.Scenario()
		if err != nil {
			p.err = err.Error()
			return
		}
	}
	p.done, p.results = lessons.CheckGoal(sc, p.lesson.Goal(), p.currentLang())
}

func (p *LessonPage) onCheck(ctx app.Context, e app.Event) {
	p.check()
	p.checked = true
	if !p.done || !p.onOpen {
		return
	}
	st, id := p.Tab.Session, p.id
	page := p.page.or(ctx)
	ctx.Async(func() {
		pr, err := teach.MarkDone(context.Background(), st, id)
		page.Dispatch(func(app.Context) {
			if err != nil {
				p.err = err.Error()
				return
			}
			p.progress = pr
		})
	})
}

// onDesign opens the lesson's scenario in the designer, creating the copy
// unless it is already open.
func (p *LessonPage) onDesign(ctx app.Context, e app.Event) {
	if p.openIsLesson() {
		ctx.Navigate("/design")
		return
	}
	p.create(ctx)
}

// onRestart replaces the learner's copy with a fresh one.
func (p *LessonPage) onRestart(ctx app.Context, e app.Event) { p.create(ctx) }

func (p *LessonPage) create(ctx app.Context) {
	sess, data := p.Tab.Session, p.lesson.Data
	page := p.page.or(ctx)
	id := p.id
	ctx.Async(func() {
		sid, err := sess.Create(context.Background(), data)
		page.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.err = err.Error()
				return
			}
			// The designer shows this lesson's goals and locks over its copy.
			p.Tab.Prefs.SetBuiltin(teach.Builtin{ID: id, Scenario: sid})
			ctx.Navigate("/design")
		})
	})
}

// Render implements app.Composer.
func (p *LessonPage) Render() app.UI {
	lang := p.currentLang()
	if !p.found {
		return p.frame(p.Tab, "lesson-page", p.onLangChange,
			p.toolbar(i18n.T(lang, "teach.lessons.title"), ""),
			pc("lesson-page__missing", i18n.T(lang, "teach.notFound")),
			elc("a", "button").Attr("href", "/lessons").Text(i18n.T(lang, "teach.back")),
		)
	}
	l := p.lesson
	isDone := p.progress.Done(l.ID)
	source := i18n.T(lang, "teach.lesson.onStart")
	if p.onOpen {
		source = i18n.F(lang, "teach.lesson.onOpen", "title", l.Title)
	}
	next := ""
	for _, o := range lessons.List(l.Lang) {
		if o.Number == l.Number+1 {
			next = o.ID
		}
	}
	return p.frame(p.Tab, "lesson-page", p.onLangChange,
		p.toolbar(l.Title, "",
			elc("a", "teach-page__link").Attr("href", "/lessons").Text(i18n.T(lang, "teach.back")),
			app.If(isDone, func() app.UI {
				return elct("span", "lesson-page__badge", "lesson-badge").Body(iconText("check", i18n.T(lang, "teach.lessons.done"))...)
			}),
		),
		elc("div", "lesson-page__layout").Body(
			elc("div", "lesson-page__task").Body(
				paragraphs("lesson-page__text", l.Description),
				lessonHints(lang, l.Hints, p.hints, p.onHint),
			),
			elc("section", "lesson-page__goal").Aria("labelledby", "lesson-goal").Body(
				app.Elem("h2").ID("lesson-goal").Class("lesson-page__goal-title").Text(i18n.T(lang, "teach.lesson.goal")),
				elc("ul", "lesson-page__expects").Body(
					app.Range(p.results).Slice(func(i int) app.UI {
						r := p.results[i]
						cls, icon, state := "lesson-page__expect lesson-page__expect--fail", "cross", i18n.T(lang, "teach.lesson.fail")
						if r.Pass {
							cls, icon, state = "lesson-page__expect lesson-page__expect--pass", "check", i18n.T(lang, "teach.lesson.pass")
						}
						return elct("li", cls, "goal-item").DataSet("pass", fmt.Sprint(r.Pass)).Body(
							elc("span", "lesson-page__expect-icon").Role("img").Aria("label", state).Body(Icon(icon)),
							elc("span", "lesson-page__expect-text").Body(
								app.If(r.Name != "", func() app.UI {
									return elText("strong", r.Name)
								}),
								spanc("lesson-page__expect-msg", r.Message),
							),
						)
					}),
				),
				elct("p", "lesson-page__source", "lesson-source").Text(source),
				app.If(p.checked && p.done && p.onOpen, func() app.UI {
					return elc("div", "lesson-page__verdict lesson-page__verdict--done").Role("status").DataSet("testid", "lesson-done").Body(
						Icon("star"), spanc("icon-text", i18n.T(lang, "teach.lesson.done")),
						app.If(next != "", func() app.UI {
							return elc("a", "button button--primary").Attr("href", "/lesson?id="+next).Text(i18n.T(lang, "teach.lesson.next"))
						}),
					)
				}).ElseIf(p.checked && !p.done, func() app.UI {
					return elc("div", "lesson-page__verdict lesson-page__verdict--todo").Role("status").DataSet("testid", "lesson-notyet").Text(i18n.T(lang, "teach.lesson.notYet"))
				}),
				app.If(p.err != "", func() app.UI {
					return elc("p", "lesson-page__error").Role("alert").Text(i18n.F(lang, "teach.error", "error", p.err))
				}),
				elc("div", "lesson-page__actions").Body(
					buttonc("button button--primary").DataSet("testid", "lesson-check").
						OnClick(p.onCheck).Text(i18n.T(lang, "teach.lesson.check")),
					buttonc("button").DataSet("testid", "lesson-design").
						OnClick(p.onDesign).Body(iconText("pencil", i18n.T(lang, "teach.lesson.design"))...),
					app.If(p.onOpen, func() app.UI {
						return buttonc("button button--quiet").DataSet("testid", "lesson-restart").
							OnClick(p.onRestart).Body(iconText("restart", i18n.T(lang, "teach.lesson.restart"))...)
					}),
				),
				elc("div", "lesson-page__links").Body(
					elc("a", "teach-page__link").Attr("href", "/narrate?lesson="+l.ID).Body(iconText("play", i18n.T(lang, "teach.nav.narrate"))...),
					elc("a", "teach-page__link").Attr("href", "/quiz?lesson="+l.ID).Body(iconText("question", i18n.T(lang, "teach.nav.quiz"))...),
				),
			),
		),
	)
}
