package ui

import (
	"context"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/lessons"
)

// teachChrome is what the teaching pages (lessons, a lesson, narration,
// quiz) share: the interface language, the presenter mode (large type for
// a projector, remembered in the "presenter" setting) and the frame with
// the header. Each page embeds it.
type teachChrome struct {
	prefs *prefs.Prefs
	lang  string
	page  pageContext // dispatches async results through the page
	place route.Place // the page's address
}

// mountChrome restores the language (presenter mode is the header's) and
// reads the page's place from its address.
func (c *teachChrome) mountChrome(ctx app.Context, tab *Tab) {
	c.prefs = tab.Prefs
	c.page.set(ctx)
	c.place = placeOf(ctx)
	c.setLang(c.prefs.Lang())
}

func (c *teachChrome) setLang(lang string) {
	c.lang = i18n.Normalize(lang)
	setDocumentLang(c.lang)
}

func (c *teachChrome) currentLang() string {
	if c.lang == "" {
		return i18n.Default
	}
	return c.lang
}

func (c *teachChrome) changeLang(ctx app.Context, lang string) {
	c.lang = i18n.Normalize(lang)
	c.prefs.SetLang(c.lang)
}

// markReady tells the end-to-end tests that the page has mounted, with
// the page's path in body[data-page] (see markShown).
func markReady(ctx app.Context) {
	markShown(ctx, placeOf(ctx).Page, "")
}

func (c *teachChrome) frame(tab *Tab, page string, onLang func(ctx app.Context, lang string), body ...app.UI) app.UI {
	lang := c.currentLang()
	// Presenter mode is the header's (a class on <body>, remembered in
	// the settings): the teaching pages' larger type follows it in CSS.
	return pageFrame(lang, tab, c.place, "shell teach-page "+page, "teach-page__main", onLang, body...)
}

// toolbar is the row above a teaching page: the title, extra controls,
// and the teaching-mode links (presenter mode is in the header).
func (c *teachChrome) toolbar(title, subtitle string, extra ...app.UI) app.UI {
	var sub app.UI
	if subtitle != "" {
		sub = pc("teach-page__subtitle", subtitle)
	}
	return teachToolbarView.el(c.currentLang(), title, sub, extra)
}

// The row above a teaching page: its title and subtitle, the page's extra
// controls and the link to the lessons.
var teachToolbarView = &view{name: "teach-toolbar", src: `
<div class="teach-page__toolbar">
	<div class="teach-page__heading"><h1 class="teach-page__title">{0}</h1>{1}</div>
	<div class="teach-page__extra">{2}</div>
	<nav class="teach-page__nav" aria-label={t:teach.nav.lessons}>
		<a class="teach-page__link" href="/lessons">{t:teach.nav.lessons}</a>
	</nav>
</div>`}

// paragraphs renders a lesson text: blank lines separate paragraphs and
// single line breaks separate hints. Text, never HTML.
func paragraphs(class, text string) app.UI {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	ps := make([]app.UI, len(paras))
	for i, para := range paras {
		lines := strings.Split(para, "\n")
		kids := make([]app.UI, len(lines))
		kids[0] = app.Text(lines[0])
		for j := 1; j < len(lines); j++ {
			kids[j] = spanc("teach-page__line", lines[j])
		}
		ps[i] = app.Elem("p").Body(kids...)
	}
	return elc("div", class).Body(ps...)
}

// teachScenario picks the scenario a narration or quiz plays from the
// page's query: ?lesson=ID (the learner's open copy when it is that
// lesson's, else the lesson's start), ?example=NAME, or the open scenario.
func teachScenario(sess *session.Session, q func(string) string) (sc *engine.Scenario, title string) {
	if id := q("lesson"); id != "" {
		l, ok := lessons.Get(id)
		if !ok {
			return nil, ""
		}
		if open := sess.Scenario(); open != nil && open.Title == l.Title {
			return open, l.Title
		}
		sc, err := l.Scenario()
		if err != nil {
			return nil, ""
		}
		return sc, l.Title
	}
	if name := q("example"); name != "" {
		ex, ok := examples.Find(name)
		if !ok {
			return nil, ""
		}
		sc, err := engine.ReadScenario(ex.Data)
		if err != nil {
			return nil, ""
		}
		return sc, sc.Title
	}
	if open := sess.Scenario(); open != nil {
		return open, open.Title
	}
	return nil, ""
}

// teachPicker lists what a narration or a quiz can play: the lessons of
// the interface language and the built-in examples.
func teachPicker(lang, route string) app.UI {
	list := lessons.List(lang)
	exs := examples.All()
	items := make([]app.UI, 0, len(list)+len(exs))
	for _, l := range list {
		items = append(items, teachPickerItemView.el(lang, route+"?lesson="+l.ID, l.Title))
	}
	for _, ex := range exs {
		name := strings.TrimSuffix(ex.Name, ".json")
		items = append(items, teachPickerItemView.el(lang, route+"?example="+name, name))
	}
	return teachPickerView.el(lang, items)
}

// The list of what a narration or a quiz can play, folded.
var teachPickerView = &view{name: "teach-picker", src: `
<details class="teach-picker">
	<summary>{t:teach.narrate.pick}</summary>
	<ul class="teach-picker__list">{0}</ul>
</details>`}

// A lesson or an example in the picker.
var teachPickerItemView = &view{name: "teach-picker-item", src: `
<li><a href={0}>{1}</a></li>`}

// LessonsPage is /lessons: the built-in lessons of the interface language
// with the learner's done marks, and links to each lesson's narration and
// quiz, so that a trainer runs a whole session from here.
type LessonsPage struct {
	app.Compo
	teachChrome

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	progress teach.Progress
}

// OnNav restores the settings and reads the progress.
func (p *LessonsPage) OnNav(ctx app.Context) {
	p.mountChrome(ctx, p.Tab)
	p.progress = teach.ParseProgress("")
	st := p.Tab.Session
	ctx.Async(func() {
		pr, err := teach.LoadProgress(context.Background(), st)
		if err != nil {
			app.Log(err)
		}
		ctx.Dispatch(func(app.Context) { p.progress = pr })
	})
	markReady(ctx)
}

func (p *LessonsPage) onLangChange(ctx app.Context, lang string) { p.changeLang(ctx, lang) }

// Render implements app.Composer.
func (p *LessonsPage) Render() app.UI {
	lang := p.currentLang()
	list := lessons.List(lang)
	done := 0
	items := make([]app.UI, len(list))
	for i, l := range list {
		isDone := p.progress.Done(l.ID)
		if isDone {
			done++
		}
		cls := "lessons-page__item"
		mark, markText := "circle", i18n.T(lang, "teach.lessons.todo")
		if isDone {
			cls += " lessons-page__item--done"
			mark, markText = "check", i18n.T(lang, "teach.lessons.done")
		}
		summary := strings.SplitN(l.Description, "\n\n", 2)[0]
		items[i] = lessonsItemView.el(lang, cls, l.ID, strconv.Itoa(l.Number),
			"/lesson?id="+l.ID, l.Title, summary,
			"/narrate?lesson="+l.ID, Icon("play"), "/quiz?lesson="+l.ID, Icon("question"),
			markText, isDone, Icon(mark))
	}
	progress := lessonsProgressView.el(lang, i18n.F(lang, "teach.lessons.progress", "done", done, "total", len(list)))
	return p.frame(p.Tab, "lessons-page", p.onLangChange,
		p.toolbar(i18n.T(lang, "teach.lessons.title"), "", progress),
		lessonsIntroView.el(lang),
		lessonTools(lang),
		lessonsListView.el(lang, items),
		&LessonCourses{Lang: lang, Tab: p.Tab},
	)
}

// The count of lessons done, in the lessons page's toolbar.
var lessonsProgressView = &view{name: "lessons-progress", src: `
<span class="lessons-page__progress" data-testid="lessons-progress">{0}</span>`}

// What the lessons page is for.
var lessonsIntroView = &view{name: "lessons-intro", src: `
<p class="lessons-page__intro">{t:teach.lessons.intro}</p>`}

// The list of the lessons.
var lessonsListView = &view{name: "lessons-list", src: `
<ol class="lessons-page__list">{0}</ol>`}

// A lesson in the list: its number, title, summary, the links to its
// narration and quiz, and its done mark.
var lessonsItemView = &view{name: "lessons-item", src: `
<li class={0} data-lesson={1}>
	<span class="lessons-page__num" aria-hidden="true">{2}</span>
	<div class="lessons-page__body">
		<a class="lessons-page__title" href={3}>{4}</a>
		<p class="lessons-page__summary">{5}</p>
		<div class="lessons-page__links">
			<a class="lessons-page__link" href={6}>{7}<span class="icon-text">{t:teach.nav.narrate}</span></a>
			<a class="lessons-page__link" href={8}>{9}<span class="icon-text">{t:teach.nav.quiz}</span></a>
		</div>
	</div>
	<span class="lessons-page__mark" data-testid="lesson-mark" title={10} role="img" aria-label={10} data-done={11}>{12}</span>
</li>`}
