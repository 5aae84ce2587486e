//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

// TestAuthorOpensLessonFileAndOneStageScope opens a lesson file on the
// authoring page to edit it (its solution becomes the open scenario, its
// texts, scope and goals fill the form; a file without a solution is
// refused with the reason), and a lesson that lets the trainee change only
// one stage's robots is enforced in the trainee's designer: that stage's
// robots are open, every other control of robots and triggers is locked.
func TestAuthorOpensLessonFileAndOneStageScope(t *testing.T) {
	base := serve(t, siteDir(t))
	data, err := os.ReadFile("../examples/10-en-client-call.json")
	require.NoError(t, err)
	sol, err := engine.ReadScenario(data)
	require.NoError(t, err)
	scopes := []string{"robots:DEAL:EXECUTING"}
	l := &lesson.Lesson{
		ID: "call-robot", Title: lesson.Text{"ru": "Робот звонка", "en": "The call's robot"},
		Task:      lesson.Text{"ru": "Настройте робота стадии «В работе».", "en": "Set up the robot of In progress."},
		Hints:     []lesson.Text{{"ru": "Первая подсказка", "en": "First hint"}, {"ru": "Вторая подсказка", "en": "Second hint"}},
		MayChange: scopes,
		Goals:     []lesson.Goal{{Name: lesson.Text{"en": "at most two triggers", "ru": "не больше двух триггеров"}, Kind: lesson.GoalMaxTriggers, MaxTriggers: 2}},
		Scenario:  lesson.StartFrom(sol, scopes),
		Solution:  sol,
	}
	file, err := lesson.Write(l)
	require.NoError(t, err)
	path := writeTemp(t, "call-robot.lesson.json", string(file))
	first, err := os.ReadFile("../lessons/en/01-first-trigger.json")
	require.NoError(t, err)
	builtin := writeTemp(t, "01-first-trigger.json", string(first))
	link, err := teach.LessonLink(base, file)
	require.NoError(t, err)

	for _, c := range []struct{ lang, title, hints, noSolution, scope, lock string }{
		{"en", "The call's robot", "First hint\nSecond hint", "The lesson has no author's solution", "In this lesson you may change only the robots of the stage “In progress” (Deal).",
			"This lesson does not let you change this stage's robots."},
		{"ru", "Робот звонка", "Первая подсказка\nВторая подсказка", "В уроке нет решения автора", "В этом уроке можно менять только роботов стадии «In progress» (Сделка).",
			"В этом уроке роботов этой стадии менять нельзя."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, base+"/author")
			b.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			b.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))
			b.waitFor(t, b.exists(`[data-testid="author-import"]`))

			// A lesson without the author's solution cannot be edited.
			require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="author-import"]`), []string{builtin})))
			b.waitFor(t, b.exists(`[data-testid="author-import-error"]`))
			assert.Contains(t, b.text(t, `[data-testid="author-import-error"]`), c.noSolution)

			// The lesson file: the form is the lesson's.
			require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="author-import"]`), []string{path})))
			b.waitFor(t, b.exists(`[data-testid="author-imported"]`))
			b.waitFor(t, b.exists(`[data-testid="author-name"]`))
			assert.Equal(t, c.title, b.eval(t, `document.querySelector('[data-testid="author-name"]').value`))
			assert.Equal(t, c.hints, b.eval(t, `document.querySelector('[data-testid="author-hints"]').value`))
			assert.Equal(t, "stage", b.eval(t, `document.querySelector('[data-testid="author-scope"]').value`))
			assert.Equal(t, "DEAL:EXECUTING", b.eval(t, `document.querySelector('[data-testid="author-scope-stage"]').value`))
			assert.Equal(t, "1", b.eval(t, `String(document.querySelectorAll('[data-testid="author-goal"]').length)`))
			assert.Contains(t, b.eval(t, `location.search`), "id=")
			b.assertNoErrors(t)

			// The trainee: only the robots of In progress may change.
			s := newBrowser(t)
			s.open(t, link)
			s.waitFor(t, s.exists(`[data-testid="train-start"]`))
			s.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			s.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))
			// Hints open one by one.
			s.click(t, `[data-testid="lesson-hint-more"]`)
			s.waitFor(t, `document.querySelectorAll('[data-testid="lesson-hint"]').length === 1`)
			s.click(t, `[data-testid="lesson-hint-more"]`)
			s.waitFor(t, `document.querySelectorAll('[data-testid="lesson-hint"]').length === 2`)
			assert.Equal(t, "false", s.eval(t, `String(!!document.querySelector('[data-testid="lesson-hint-more"]'))`))

			s.click(t, `[data-testid="train-start"]`)
			s.waitFor(t, s.exists(`[data-testid="designer-lesson"]`))
			assert.Contains(t, s.text(t, `[data-testid="designer-lesson-scope"]`), c.scope)
			assert.Equal(t, "false", s.eval(t, `String(document.querySelector('[data-stage="EXECUTING"] [data-testid="add-robot"]').disabled)`))
			assert.Equal(t, "true", s.eval(t, `String(document.querySelector('[data-stage="PREPARATION"] [data-testid="add-robot"]').disabled)`))
			assert.Equal(t, c.lock, s.text(t, `[data-stage="PREPARATION"] .designer-column__section--robots [data-testid="designer-locked"]`))
			assert.Equal(t, "true", s.eval(t, `String(document.querySelector('[data-stage="EXECUTING"] [data-testid="add-trigger"]').disabled)`))
			assert.Equal(t, "true", s.eval(t, `[...document.querySelectorAll('[data-testid="add-trigger"]')].every(b => b.disabled) ? "true" : "false"`))
			s.assertNoErrors(t)
		})
	}
}
