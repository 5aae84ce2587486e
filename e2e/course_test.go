//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/lesson"
)

// uploadCourse chooses a course file on the lessons page.
func (b *browser) uploadCourse(tb testing.TB, path string) {
	tb.Helper()
	require.NoError(tb, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="course-file"]`), []string{path})))
}

// TestCourseImportedInOrderExportedStarted imports a course file on the
// lessons page in both interface languages: a bad file is refused with the
// JSON path and a message in the interface language, and nothing stored
// changes; the good file shows its lessons in the course's order, stays
// after a reload, downloads byte for byte, and a lesson of it opens for
// the trainee.
func TestCourseImportedInOrderExportedStarted(t *testing.T) {
	base := serve(t, siteDir(t))
	var ls []*lesson.Lesson
	for _, f := range []string{"../lessons/en/05-invoice-paid.json", "../lessons/en/01-first-trigger.json"} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		l, err := lesson.Read(data)
		require.NoError(t, err)
		ls = append(ls, l)
	}
	course, err := lesson.WriteCourse(&lesson.Course{Title: lesson.Text{"ru": "Курс отдела продаж", "en": "Sales team course"}, Lessons: ls})
	require.NoError(t, err)
	good := writeTemp(t, "sales.course.json", string(course))
	bad := writeTemp(t, "broken.course.json", strings.Replace(string(course), `"title": {"ru": "Курс отдела продаж", "en": "Sales team course"}`, `"title": ["Sales"]`, 1))

	for _, c := range []struct{ lang, title, problem, imported string }{
		{"en", "Sales team course", "title: expected an object, got an array", "The course “Sales team course” is imported: 2 lessons."},
		{"ru", "Курс отдела продаж", "title: ожидался объект, а здесь массив", "Курс «Курс отдела продаж» импортирован: уроков — 2."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := newBrowser(t)
			b.enableDownloads(t)
			b.open(t, base+"/lessons")
			b.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			b.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))
			b.waitFor(t, `document.body.dataset.courses === "0"`)
			b.waitFor(t, b.exists(`[data-testid="course-empty"]`))

			// A bad file: refused, with the path, nothing stored.
			b.uploadCourse(t, bad)
			b.waitFor(t, b.exists(`[data-testid="course-error"]`))
			assert.Contains(t, b.text(t, `[data-testid="course-error"]`), "broken.course.json")
			assert.Equal(t, c.problem, b.text(t, `[data-testid="course-problem"]`))
			assert.Equal(t, "0", b.eval(t, `String(document.querySelectorAll('[data-testid="course"]').length)`))

			// The good file: its lessons in the course's order.
			b.uploadCourse(t, good)
			b.waitFor(t, b.exists(`[data-testid="course-note"]`))
			assert.Equal(t, c.imported, b.text(t, `[data-testid="course-note"]`))
			assert.Equal(t, "false", b.eval(t, `String(!!document.querySelector('[data-testid="course-error"]'))`))
			order := `[...document.querySelectorAll('[data-testid="course-lesson"]')].map(e => e.dataset.lesson).join()`
			assert.Equal(t, "05-invoice-paid,01-first-trigger", b.eval(t, order))
			assert.Equal(t, c.title, b.text(t, `[data-testid="course"] h3`))

			// It is stored: a reload shows it, and a bad file after it
			// loses nothing.
			b.open(t, base+"/lessons")
			b.waitFor(t, `document.body.dataset.courses === "1"`)
			assert.Equal(t, "05-invoice-paid,01-first-trigger", b.eval(t, order))
			b.uploadCourse(t, bad)
			b.waitFor(t, b.exists(`[data-testid="course-error"]`))
			assert.Equal(t, "05-invoice-paid,01-first-trigger", b.eval(t, order))

			// Downloaded byte for byte.
			b.click(t, `[data-testid="course-export"]`)
			assert.Equal(t, string(course), string(b.waitDownload(t, teach.Slug(c.title)+".course.json")))
			b.screenshot(t, "course-"+c.lang)

			// The second lesson opens for the trainee.
			b.click(t, `[data-testid="course-lesson"]:nth-child(2) [data-testid="course-start"]`)
			b.waitFor(t, b.exists(`[data-testid="train-start"]`))
			assert.Equal(t, ls[1].Title.In(c.lang), b.text(t, ".teach-page__title"))
			b.assertNoErrors(t)
		})
	}
}
