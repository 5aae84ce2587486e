package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/lesson"
	"github.com/triggersim/triggersim/lessons"
)

// LessonCourses is the courses part of the lessons page: import a course
// file (an ordered set of lessons), see each imported course as its
// lessons in order, start one (it opens on /train), download or delete a
// course, and download the built-in lessons as a course file to start
// one's own. A bad file is refused with its problems and their JSON paths,
// and nothing stored changes (teach.ImportCourse writes in one put).
type LessonCourses struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Tab is the tab's shared state (the store is reached through its
	// session).
	Tab *Tab

	page     pageContext
	courses  []teach.Course
	loaded   bool
	problems []string
	badFile  string
	note     string
	confirm  string // the course whose deletion is asked
}

// OnMount reads the stored courses.
func (c *LessonCourses) OnMount(ctx app.Context) {
	c.page.set(ctx)
	sess, page := c.Tab.Session, c.page.or(ctx)
	ctx.Async(func() {
		list, err := teach.LoadCourses(context.Background(), sess)
		page.Dispatch(func(ctx app.Context) {
			c.loaded = true
			c.courses = list
			if err != nil {
				c.problems, c.badFile = []string{c.storedError(err)}, ""
			}
			c.markLoaded(ctx)
		})
	})
}

// markLoaded tells the end-to-end tests the stored courses are shown:
// body[data-courses] is their number. It is set after the next render,
// not in the dispatch, so a test that reads the list once the mark is
// set finds it drawn (set before, it raced the render after a reload).
func (c *LessonCourses) markLoaded(ctx app.Context) {
	n := fmt.Sprint(len(c.courses))
	ctx.Defer(func(app.Context) {
		if app.IsClient {
			app.Window().Get("document").Get("body").Get("dataset").Set("courses", n)
		}
	})
}

func (c *LessonCourses) storedError(err error) string {
	if errors.Is(err, teach.ErrStoredCourses) {
		return i18n.T(c.Lang, "course.storedBad")
	}
	return err.Error()
}

func (c *LessonCourses) onFile(ctx app.Context, e app.Event) {
	c.problems, c.badFile, c.note = nil, "", ""
	input := ctx.JSSrc()
	readFileText(ctx, input.Get("files").Index(0), func(ctx app.Context, name string, data []byte, err error) {
		input.Set("value", "") // the same file may be chosen again
		if err != nil {
			c.problems, c.badFile = []string{err.Error()}, name
			return
		}
		c.importFile(ctx, name, data)
	})
}

func (c *LessonCourses) importFile(ctx app.Context, name string, data []byte) {
	sess, page := c.Tab.Session, c.page.or(ctx)
	ctx.Async(func() {
		imported, replaced, err := teach.ImportCourse(context.Background(), sess, data)
		list, lerr := teach.LoadCourses(context.Background(), sess)
		page.Dispatch(func(ctx app.Context) {
			lang := c.Lang
			switch {
			case errors.Is(err, teach.ErrStoredCourses):
				c.problems, c.badFile = []string{c.storedError(err)}, name
			case err != nil:
				c.problems, c.badFile = teach.Problems(err, lang), name
			default:
				key := "course.imported"
				if replaced {
					key = "course.replaced"
				}
				c.note = i18n.F(lang, key, "title", imported.Course.Title.In(lang), "n", len(imported.Course.Lessons))
			}
			if lerr == nil {
				c.courses = list
			}
			c.markLoaded(ctx)
		})
	})
}

func (c *LessonCourses) onDelete(ctx app.Context, id string) {
	c.confirm = ""
	sess, page := c.Tab.Session, c.page.or(ctx)
	ctx.Async(func() {
		list, err := teach.DeleteCourse(context.Background(), sess, id)
		page.Dispatch(func(ctx app.Context) {
			if err != nil {
				c.problems, c.badFile = []string{c.storedError(err)}, ""
				return
			}
			c.courses, c.note = list, i18n.T(c.Lang, "course.deleted")
			c.markLoaded(ctx)
		})
	})
}

// onStart opens a course's lesson for the trainee on /train; the lesson
// already being worked on keeps its hints, checks and copy.
func (c *LessonCourses) onStart(ctx app.Context, l *lesson.Lesson) {
	data, err := teach.LessonFile(l)
	if err != nil {
		c.problems, c.badFile = []string{err.Error()}, ""
		return
	}
	if cur := c.Tab.Prefs.Training(); cur.Lesson != string(data) {
		c.Tab.Prefs.SetTraining(teach.Training{Lesson: string(data), Started: time.Now().Unix()})
	}
	ctx.Navigate(teach.TrainPath)
}

// onBuiltin downloads the built-in lessons of the interface language as a
// course file.
func (c *LessonCourses) onBuiltin(ctx app.Context, e app.Event) {
	var docs []*lesson.Lesson
	for _, l := range lessons.List(c.Lang) {
		if l.Doc != nil {
			docs = append(docs, l.Doc)
		}
	}
	data, err := teach.BuiltinCourse(c.Lang, i18n.T(c.Lang, "course.builtinTitle"), docs)
	if err != nil {
		c.problems, c.badFile = []string{err.Error()}, ""
		return
	}
	download("triggersim-course-"+c.Lang+".json", "application/json", data)
}

// Render implements app.Composer.
func (c *LessonCourses) Render() app.UI {
	lang := i18n.Normalize(c.Lang)
	return elc("section", "lesson-courses").Aria("labelledby", "lesson-courses-title").Body(
		app.Elem("h2").ID("lesson-courses-title").Class("lesson-courses__title").Text(i18n.T(lang, "course.title")),
		pc("lesson-courses__intro", i18n.T(lang, "course.intro")),
		elc("div", "lesson-courses__tools").Body(
			&FileButton{Lang: lang, Label: i18n.T(lang, "course.import"), TestID: "course-file", Accept: ".json,application/json", OnChange: c.onFile},
			buttonc("button button--quiet").DataSet("testid", "course-builtin").
				OnClick(c.onBuiltin).Body(iconText("download", i18n.T(lang, "course.builtin"))...),
		),
		app.If(len(c.problems) > 0, func() app.UI {
			head := i18n.T(lang, "course.failed")
			if c.badFile != "" {
				head = i18n.F(lang, "course.failedFile", "file", c.badFile)
			}
			return elc("div", "lesson-page__error").Role("alert").DataSet("testid", "course-error").Body(
				elText("p", head),
				app.Elem("ul").Body(app.Range(c.problems).Slice(func(i int) app.UI {
					return app.Elem("li").DataSet("testid", "course-problem").Text(c.problems[i])
				})),
			)
		}),
		app.If(c.note != "", func() app.UI {
			return elc("p", "lesson-courses__note").Role("status").DataSet("testid", "course-note").Text(c.note)
		}),
		app.If(c.loaded && len(c.courses) == 0, func() app.UI {
			return elct("p", "lesson-courses__empty", "course-empty").Text(i18n.T(lang, "course.empty"))
		}),
		app.Range(c.courses).Slice(func(i int) app.UI { return c.renderCourse(lang, c.courses[i]) }),
	)
}

func (c *LessonCourses) renderCourse(lang string, co teach.Course) app.UI {
	title := co.Course.Title.In(lang)
	list := co.Ordered(lang)
	file := co.File
	id := co.ID
	headID := "course-" + id
	return elct("article", "lesson-courses__course", "course").DataSet("course", id).Aria("labelledby", headID).Body(
		app.Elem("h3").ID(headID).Class("lesson-courses__name").Text(title),
		elc("ol", "lesson-courses__lessons").Body(app.Range(list).Slice(func(j int) app.UI {
			cl := list[j]
			return elct("li", "lesson-courses__lesson", "course-lesson").DataSet("lesson", cl.ID).Body(
				spanc("lesson-courses__lesson-title", cl.Title),
				spanc("lesson-courses__goals", i18n.F(lang, "course.goals", "n", cl.Goals)),
				buttonc("button").DataSet("testid", "course-start").
					Aria("label", i18n.F(lang, "course.startLabel", "n", cl.Number, "title", cl.Title)).
					OnClick(func(ctx app.Context, e app.Event) { c.onStart(ctx, cl.Lesson) }).
					Text(i18n.T(lang, "course.start")),
			)
		})),
		elc("div", "lesson-courses__actions").Body(
			buttonc("button button--quiet").DataSet("testid", "course-export").
				OnClick(func(ctx app.Context, e app.Event) {
					download(teach.Slug(title)+".course.json", "application/json", file)
				}).
				Body(iconText("download", i18n.T(lang, "course.export"))...),
			app.If(c.confirm == id, func() app.UI {
				return elc("span", "lesson-courses__confirm").Role("group").Body(
					spanText(i18n.F(lang, "course.deleteAsk", "title", title)+" "),
					buttonc("button button--primary").DataSet("testid", "course-delete-yes").
						OnClick(func(ctx app.Context, e app.Event) { c.onDelete(ctx, id) }).Text(i18n.T(lang, "course.delete")),
					buttonc("button button--quiet").
						OnClick(func(ctx app.Context, e app.Event) { c.confirm = "" }).Text(i18n.T(lang, "course.keep")),
				)
			}).Else(func() app.UI {
				return buttonc("button button--quiet").DataSet("testid", "course-delete").
					OnClick(func(ctx app.Context, e app.Event) { c.confirm = id }).Body(iconText("trash", i18n.T(lang, "course.delete"))...)
			}),
		),
	)
}
