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
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Set("lang", c.lang)
	}
}

func (c *teachChrome) currentLang() string {
	if c.lang == "" {
		return i18n.Default
	}
	return c.lang
}

func (c *teachChrome) changeLang(ctx app.Context, lang string) {
	c.setLang(lang)
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
	lang := c.currentLang()
	return elc("div", "teach-page__toolbar").Body(
		elc("div", "teach-page__heading").Body(
			elcText("h1", "teach-page__title", title),
			app.If(subtitle != "", func() app.UI {
				return pc("teach-page__subtitle", subtitle)
			}),
		),
		elc("div", "teach-page__extra").Body(extra...),
		elc("nav", "teach-page__nav").Aria("label", i18n.T(lang, "teach.nav.lessons")).Body(
			elc("a", "teach-page__link").Attr("href", "/lessons").Text(i18n.T(lang, "teach.nav.lessons")),
		),
	)
}

// paragraphs renders a lesson text: blank lines separate paragraphs and
// single line breaks separate hints. Text, never HTML.
func paragraphs(class, text string) app.UI {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	return elc("div", class).Body(
		app.Range(paras).Slice(func(i int) app.UI {
			lines := strings.Split(paras[i], "\n")
			return app.Elem("p").Body(app.Range(lines).Slice(func(j int) app.UI {
				if j == 0 {
					return app.Text(lines[j])
				}
				return spanc("teach-page__line", lines[j])
			}))
		}),
	)
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
	return elc("details", "teach-picker").Body(
		elText("summary", i18n.T(lang, "teach.narrate.pick")),
		elc("ul", "teach-picker__list").Body(
			app.Range(list).Slice(func(i int) app.UI {
				return app.Elem("li").Body(app.Elem("a").Attr("href", route+"?lesson="+list[i].ID).Text(list[i].Title))
			}),
			app.Range(exs).Slice(func(i int) app.UI {
				name := strings.TrimSuffix(exs[i].Name, ".json")
				return app.Elem("li").Body(app.Elem("a").Attr("href", route+"?example="+name).Text(name))
			}),
		),
	)
}

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
	for _, l := range list {
		if p.progress.Done(l.ID) {
			done++
		}
	}
	return p.frame(p.Tab, "lessons-page", p.onLangChange,
		p.toolbar(i18n.T(lang, "teach.lessons.title"), "",
			elct("span", "lessons-page__progress", "lessons-progress").
				Text(i18n.F(lang, "teach.lessons.progress", "done", done, "total", len(list))),
		),
		pc("lessons-page__intro", i18n.T(lang, "teach.lessons.intro")),
		lessonTools(lang),
		elc("ol", "lessons-page__list").Body(
			app.Range(list).Slice(func(i int) app.UI {
				l := list[i]
				isDone := p.progress.Done(l.ID)
				cls := "lessons-page__item"
				mark, markText := "circle", i18n.T(lang, "teach.lessons.todo")
				if isDone {
					cls += " lessons-page__item--done"
					mark, markText = "check", i18n.T(lang, "teach.lessons.done")
				}
				summary := strings.SplitN(l.Description, "\n\n", 2)[0]
				return elc("li", cls).DataSet("lesson", l.ID).Body(
					elc("span", "lessons-page__num").Aria("hidden", "true").Text(strconv.Itoa(l.Number)),
					elc("div", "lessons-page__body").Body(
						elc("a", "lessons-page__title").Attr("href", "/lesson?id="+l.ID).Text(l.Title),
						pc("lessons-page__summary", summary),
						elc("div", "lessons-page__links").Body(
							elc("a", "lessons-page__link").Attr("href", "/narrate?lesson="+l.ID).Body(iconText("play", i18n.T(lang, "teach.nav.narrate"))...),
							elc("a", "lessons-page__link").Attr("href", "/quiz?lesson="+l.ID).Body(iconText("question", i18n.T(lang, "teach.nav.quiz"))...),
						),
					),
					elct("span", "lessons-page__mark", "lesson-mark").
						Title(markText).
						Role("img").
						Aria("label", markText).
						DataSet("done", isDone).
						Body(Icon(mark)),
				)
			}),
		),
		&LessonCourses{Lang: lang, Tab: p.Tab},
	)
}
