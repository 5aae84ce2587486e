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
	var failed, note, empty app.UI
	if len(c.problems) > 0 {
		head := i18n.T(lang, "course.failed")
		if c.badFile != "" {
			head = i18n.F(lang, "course.failedFile", "file", c.badFile)
		}
		problems := make([]app.UI, len(c.problems))
		for i, pr := range c.problems {
			problems[i] = coursesProblemView.el(lang, pr)
		}
		failed = coursesFailedView.el(lang, head, problems)
	}
	if c.note != "" {
		note = coursesNoteView.el(lang, c.note)
	}
	if c.loaded && len(c.courses) == 0 {
		empty = coursesEmptyView.el(lang)
	}
	courses := make([]app.UI, len(c.courses))
	for i, co := range c.courses {
		courses[i] = c.renderCourse(lang, co)
	}
	return coursesView.el(lang,
		&FileButton{Lang: lang, Label: i18n.T(lang, "course.import"), TestID: "course-file", Accept: ".json,application/json", OnChange: c.onFile},
		c.onBuiltin, Icon("download"), failed, note, empty, courses)
}

// The courses part of the lessons page: the import and the built-in
// course's download, what went wrong or right, and the courses.
var coursesView = &view{name: "courses", src: `
<section class="lesson-courses" aria-labelledby="lesson-courses-title">
	<h2 id="lesson-courses-title" class="lesson-courses__title">{t:course.title}</h2>
	<p class="lesson-courses__intro">{t:course.intro}</p>
	<div class="lesson-courses__tools">
		{0}
		<button type="button" class="button button--quiet" data-testid="course-builtin" @click={1}>{2}<span class="icon-text">{t:course.builtin}</span></button>
	</div>
	{3}{4}{5}{6}
</section>`}

// A course file refused: the heading and each problem.
var coursesFailedView = &view{name: "courses-failed", src: `
<div class="lesson-page__error" role="alert" data-testid="course-error">
	<p>{0}</p>
	<ul>{1}</ul>
</div>`}

// A problem of a refused course file.
var coursesProblemView = &view{name: "courses-problem", src: `
<li data-testid="course-problem">{0}</li>`}

// What the last import or deletion did.
var coursesNoteView = &view{name: "courses-note", src: `
<p class="lesson-courses__note" role="status" data-testid="course-note">{0}</p>`}

// No course imported yet.
var coursesEmptyView = &view{name: "courses-empty", src: `
<p class="lesson-courses__empty" data-testid="course-empty">{t:course.empty}</p>`}

func (c *LessonCourses) renderCourse(lang string, co teach.Course) app.UI {
	title := co.Course.Title.In(lang)
	list := co.Ordered(lang)
	file := co.File
	id := co.ID
	items := make([]app.UI, len(list))
	for j, cl := range list {
		items[j] = courseLessonView.el(lang, cl.ID, cl.Title,
			i18n.F(lang, "course.goals", "n", cl.Goals),
			i18n.F(lang, "course.startLabel", "n", cl.Number, "title", cl.Title),
			func(ctx app.Context, e app.Event) { c.onStart(ctx, cl.Lesson) })
	}
	var del app.UI
	if c.confirm == id {
		del = courseConfirmView.el(lang, i18n.F(lang, "course.deleteAsk", "title", title)+" ",
			func(ctx app.Context, e app.Event) { c.onDelete(ctx, id) },
			func(ctx app.Context, e app.Event) { c.confirm = "" })
	} else {
		del = courseDeleteView.el(lang, func(ctx app.Context, e app.Event) { c.confirm = id }, Icon("trash"))
	}
	return courseView.el(lang, id, "course-"+id, title, items,
		func(ctx app.Context, e app.Event) {
			download(teach.Slug(title)+".course.json", "application/json", file)
		},
		Icon("download"), del)
}

// An imported course: its lessons in order, its download and deletion.
var courseView = &view{name: "course", src: `
<article class="lesson-courses__course" data-testid="course" data-course={0} aria-labelledby={1}>
	<h3 id={1} class="lesson-courses__name">{2}</h3>
	<ol class="lesson-courses__lessons">{3}</ol>
	<div class="lesson-courses__actions">
		<button type="button" class="button button--quiet" data-testid="course-export" @click={4}>{5}<span class="icon-text">{t:course.export}</span></button>
		{6}
	</div>
</article>`}

// A lesson of a course, with the button that starts it.
var courseLessonView = &view{name: "course-lesson", src: `
<li class="lesson-courses__lesson" data-testid="course-lesson" data-lesson={0}>
	<span class="lesson-courses__lesson-title">{1}</span>
	<span class="lesson-courses__goals">{2}</span>
	<button type="button" class="button" data-testid="course-start" aria-label={3} @click={4}>{t:course.start}</button>
</li>`}

// The question before a course is deleted: the words, yes and no.
var courseConfirmView = &view{name: "course-confirm", src: `
<span class="lesson-courses__confirm" role="group">
	<span>{0}</span>
	<button type="button" class="button button--primary" data-testid="course-delete-yes" @click={1}>{t:course.delete}</button>
	<button type="button" class="button button--quiet" @click={2}>{t:course.keep}</button>
</span>`}

// The button asking to delete a course.
var courseDeleteView = &view{name: "course-delete", src: `
<button type="button" class="button button--quiet" data-testid="course-delete" @click={0}>{1}<span class="icon-text">{t:course.delete}</span></button>`}
