package ui

import (
	"context"

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
			append([]app.UI{p.toolbar(i18n.T(lang, "teach.lessons.title"), "")}, lessonMissingView.els(lang)...)...,
		)
	}
	l := p.lesson
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
	var badge, verdict, failed, restart app.UI
	if p.progress.Done(l.ID) {
		badge = lessonBadgeView.el(lang, Icon("check"))
	}
	expects := make([]app.UI, len(p.results))
	for i, r := range p.results {
		expects[i] = lessonExpect(lang, r.Pass, r.Name, r.Message)
	}
	switch {
	case p.checked && p.done && p.onOpen:
		var nextLink app.UI
		if next != "" {
			nextLink = lessonNextView.el(lang, "/lesson?id="+next)
		}
		verdict = lessonDoneView.el(lang, Icon("star"), nextLink)
	case p.checked && !p.done:
		verdict = lessonNotYetView.el(lang)
	}
	if p.err != "" {
		failed = lessonFailedView.el(lang, i18n.F(lang, "teach.error", "error", p.err))
	}
	if p.onOpen {
		restart = lessonRestartView.el(lang, p.onRestart, Icon("restart"))
	}
	return p.frame(p.Tab, "lesson-page", p.onLangChange,
		p.toolbar(l.Title, "", lessonBackView.el(lang), badge),
		lessonLayoutView.el(lang,
			paragraphs("lesson-page__text", l.Description),
			lessonHints(lang, l.Hints, p.hints, p.onHint),
			expects, source, verdict, failed,
			p.onCheck, p.onDesign, Icon("pencil"), restart,
			"/narrate?lesson="+l.ID, Icon("play"), "/quiz?lesson="+l.ID, Icon("question")),
	)
}

// A lesson that is not there: the words and the way back to the list.
var lessonMissingView = &view{name: "lesson-missing", src: `
<p class="lesson-page__missing">{t:teach.notFound}</p>
<a class="button" href="/lessons">{t:teach.back}</a>`}

// The toolbar's link back to the lessons.
var lessonBackView = &view{name: "lesson-back", src: `
<a class="teach-page__link" href="/lessons">{t:teach.back}</a>`}

// The badge of a lesson done before.
var lessonBadgeView = &view{name: "lesson-badge", src: `
<span class="lesson-page__badge" data-testid="lesson-badge">{0}<span class="icon-text">{t:teach.lessons.done}</span></span>`}

// The lesson page's body: the lesson's text and hints, then its goal with
// each expectation's verdict, the actions and the links to its narration
// and quiz.
var lessonLayoutView = &view{name: "lesson-layout", src: `
<div class="lesson-page__layout">
	<div class="lesson-page__task">{0}{1}</div>
	<section class="lesson-page__goal" aria-labelledby="lesson-goal">
		<h2 id="lesson-goal" class="lesson-page__goal-title">{t:teach.lesson.goal}</h2>
		<ul class="lesson-page__expects">{2}</ul>
		<p class="lesson-page__source" data-testid="lesson-source">{3}</p>
		{4}
		{5}
		<div class="lesson-page__actions">
			<button type="button" class="button button--primary" data-testid="lesson-check" @click={6}>{t:teach.lesson.check}</button>
			<button type="button" class="button" data-testid="lesson-design" @click={7}>{8}<span class="icon-text">{t:teach.lesson.design}</span></button>
			{9}
		</div>
		<div class="lesson-page__links">
			<a class="teach-page__link" href={10}>{11}<span class="icon-text">{t:teach.nav.narrate}</span></a>
			<a class="teach-page__link" href={12}>{13}<span class="icon-text">{t:teach.nav.quiz}</span></a>
		</div>
	</section>
</div>`}

// The verdict when the goal holds on the learner's copy, with the link to
// the next lesson (nil after the last).
var lessonDoneView = &view{name: "lesson-done", src: `
<div class="lesson-page__verdict lesson-page__verdict--done" role="status" data-testid="lesson-done">{0}<span class="icon-text">{t:teach.lesson.done}</span>{1}</div>`}

// The link to the next lesson.
var lessonNextView = &view{name: "lesson-next", src: `
<a class="button button--primary" href={0}>{t:teach.lesson.next}</a>`}

// The verdict when the goal does not hold yet.
var lessonNotYetView = &view{name: "lesson-notyet", src: `
<div class="lesson-page__verdict lesson-page__verdict--todo" role="status" data-testid="lesson-notyet">{t:teach.lesson.notYet}</div>`}

// The lesson page's failure.
var lessonFailedView = &view{name: "lesson-failed", src: `
<p class="lesson-page__error" role="alert">{0}</p>`}

// The button replacing the learner's copy with a fresh one.
var lessonRestartView = &view{name: "lesson-restart", src: `
<button type="button" class="button button--quiet" data-testid="lesson-restart" @click={0}>{1}<span class="icon-text">{t:teach.lesson.restart}</span></button>`}
