//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func passes(b *browser, tb testing.TB) string {
	return b.eval(tb, `[...document.querySelectorAll('[data-testid="goal-item"]')].map(e => e.dataset.pass).join()`)
}

// TestLessonAuthoredSharedSolvedCollected is issue 14's whole loop in
// both interface languages: a trainer makes a lesson from an example by
// pointing (a goal that already holds at the start is refused), publishes
// it, the lesson opens fresh from its link, the trainee solves it in the
// designer, submits a result sheet, and the trainer's table shows it.
func TestLessonAuthoredSharedSolvedCollected(t *testing.T) {
	base := serve(t, siteDir(t))
	for _, c := range []struct{ lang, title, task, hint, refused, who, done, resultsTitle, resultsErr string }{
		{"en", "Call to the latest deal", "Make a client's call move the latest open deal to In progress.", "A trigger sits on the stage to move to.",
			"the lesson's goals already hold on the starting scenario", "Anna Smith", "Every goal is met!",
			"Trainees' results", "hints: expected an integer"},
		{"ru", "Звонок в последнюю сделку", "Сделайте так, чтобы звонок клиента переводил последнюю открытую сделку в работу.", "Триггер ставится на стадию, куда переходит сделка.",
			"цели урока уже выполнены в исходном сценарии", "Анна Петрова", "Все цели выполнены!",
			"Результаты учеников", "hints: ожидалось целое число"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, base+"/design?example=10-en-client-call")
			b.waitFor(t, b.exists(`[data-stage="EXECUTING"] [data-testid="add-trigger"]`))
			b.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			b.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))

			// The trainer: «Сделать урок» in the designer's toolbar.
			b.click(t, `[data-testid="make-lesson"]`)
			b.waitFor(t, b.exists(`[data-testid="author-name"]`))
			b.setValue(t, `[data-testid="author-name"]`, c.title)
			b.setValue(t, `[data-testid="author-task"]`, c.task)
			b.setValue(t, `[data-testid="author-hints"]`, c.hint)

			// A goal that holds on the untouched start is refused.
			b.setValue(t, `[data-testid="author-item"]`, "DEAL_2")
			b.setValue(t, `[data-testid="author-stage"]`, "PREPARATION")
			b.click(t, `[data-testid="author-add-stage"]`)
			b.waitFor(t, `document.querySelectorAll('[data-testid="author-goal"]').length === 1`)
			b.click(t, `[data-testid="author-publish"]`)
			b.waitFor(t, b.exists(`[data-testid="author-refused"]`))
			assert.Contains(t, b.text(t, `[data-testid="author-refused"]`), c.refused)
			assert.Equal(t, "false", b.eval(t, `String(!!document.querySelector('[data-testid="author-link"]'))`))

			// Point at the goals instead: the latest deal ends in progress
			// and its robot runs.
			b.click(t, `[data-testid="author-goal-remove"]`)
			b.waitFor(t, `document.querySelectorAll('[data-testid="author-goal"]').length === 0`)
			b.setValue(t, `[data-testid="author-item"]`, "DEAL_3")
			b.setValue(t, `[data-testid="author-stage"]`, "EXECUTING")
			b.click(t, `[data-testid="author-add-stage"]`)
			b.setValue(t, `[data-testid="author-robot"]`, "r-log-call")
			b.click(t, `[data-testid="author-add-ran"]`)
			b.waitFor(t, `document.querySelectorAll('[data-testid="author-goal"]').length === 2`)
			b.click(t, `[data-testid="author-publish"]`)
			b.waitFor(t, b.exists(`[data-testid="author-link"]`))
			assert.Equal(t, "false,false", b.eval(t, `[...document.querySelectorAll('[data-testid="author-verdict"] ul')[0].children].map(e => e.dataset.pass).join()`))
			assert.Equal(t, "true,true", b.eval(t, `[...document.querySelectorAll('[data-testid="author-verdict"] ul')[1].children].map(e => e.dataset.pass).join()`))
			link := b.eval(t, `document.querySelector('[data-testid="author-link"]').value`)
			require.True(t, strings.HasPrefix(link, base+"/train#s1."), link)
			// «Open as a trainee» previews the same link in a new tab.
			assert.Equal(t, link, b.eval(t, `document.querySelector('[data-testid="author-preview"]').href`))
			assert.Equal(t, "_blank", b.eval(t, `document.querySelector('[data-testid="author-preview"]').target`))

			// The trainee: a fresh browser opens the link.
			s := newBrowser(t)
			s.open(t, link)
			s.waitFor(t, s.exists(`[data-testid="train-start"]`))
			s.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			s.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))
			assert.Equal(t, c.title, s.text(t, ".teach-page__title"))
			assert.Equal(t, "false,false", passes(s, t))
			s.click(t, `[data-testid="lesson-hint-more"]`)
			s.waitFor(t, s.exists(`[data-testid="lesson-hint"]`))
			assert.Contains(t, s.text(t, `[data-testid="lesson-hint"]`), c.hint)

			s.click(t, `[data-testid="train-start"]`)
			s.waitFor(t, s.exists(`[data-stage="EXECUTING"] [data-testid="add-trigger"]`))
			assert.Equal(t, "0", s.eval(t, `String(document.querySelectorAll('[data-trigger]').length)`), "the trainee starts without triggers")
			// The goals are over the board; the lesson lets the trainee
			// change only triggers, so robots are locked.
			s.waitFor(t, s.exists(`[data-testid="designer-lesson"]`))
			assert.Equal(t, "false,false", designerGoals(s, t))
			assert.Equal(t, "true", s.eval(t, `String(document.querySelector('[data-stage="EXECUTING"] [data-testid="add-robot"]').disabled)`))
			s.click(t, `[data-stage="EXECUTING"] [data-testid="add-trigger"]`)
			s.waitFor(t, s.exists(`[data-testid="trigger-catalog"]`))
			s.click(t, `[data-testid="trigger-catalog"] [data-code="CALL"]`)
			s.click(t, `[data-testid="catalog-add"]`)
			s.waitFor(t, s.exists(`[data-testid="trigger-dialog"]`))
			s.click(t, `[data-testid="trigger-save"]`)
			s.waitFor(t, s.gone(`[data-testid="trigger-dialog"]`))
			s.waitFor(t, s.exists(`[data-stage="EXECUTING"] [data-trigger]`))
			s.waitFor(t, `document.querySelector('[data-testid="designer-lesson"]').dataset.done === "true"`)
			assert.Equal(t, "true,true", designerGoals(s, t), "the goals turn green as the trainee edits")

			s.eval(t, `history.back(), ""`)
			s.waitFor(t, s.exists(`[data-testid="train-check"]`))
			s.click(t, `[data-testid="train-check"]`)
			s.waitFor(t, s.exists(`[data-testid="train-done"]`))
			assert.Equal(t, "true,true", passes(s, t))
			assert.Equal(t, c.done, s.text(t, `[data-testid="train-done"]`))

			s.setValue(t, `[data-testid="train-name"]`, c.who)
			s.click(t, `[data-testid="train-submit"]`)
			s.waitFor(t, s.exists(`[data-testid="train-result"]`))
			result := s.eval(t, `document.querySelector('[data-testid="train-result"]').value`)
			assert.Contains(t, result, `"trainee": "`+c.who+`"`)
			assert.Contains(t, result, `"hints": 1`)
			assert.Contains(t, result, `"attempts": 1`)
			s.assertNoErrors(t)

			// The trainer imports the result sheet (in a browser of its own:
			// the first one has done its share). A fresh browser has no
			// language chosen, and the language lives in the browser's
			// preferences, not in the URL, so the trainer chooses it, as
			// the trainee did; the page then speaks it, and keeps it on a
			// reload.
			b = newBrowser(t)
			b.open(t, base+"/results")
			b.waitFor(t, b.exists(`[data-testid="results-paste"]`))
			b.waitFor(t, b.exists(`[data-testid="results-empty"]`))
			b.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			b.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))
			b.open(t, base+"/results")
			b.waitFor(t, b.exists(`[data-testid="results-paste"]`))
			assert.Equal(t, c.lang, b.eval(t, `document.documentElement.lang`))
			assert.Equal(t, c.resultsTitle, b.text(t, ".teach-page__title"))
			b.setValue(t, `[data-testid="results-paste"]`, result)
			b.click(t, `[data-testid="results-add"]`)
			b.waitFor(t, b.exists(`[data-testid="results-row"]`))
			assert.Equal(t, c.who, b.text(t, `[data-testid="results-who"]`))
			assert.Equal(t, "true", b.eval(t, `document.querySelector('[data-testid="results-row"]').dataset.done`))
			assert.Contains(t, b.text(t, `[data-testid="results-goals"]`), "2/2")
			assert.Equal(t, "1", b.text(t, `[data-testid="results-hints"]`))
			// A broken sheet is refused with the place of the error.
			b.setValue(t, `[data-testid="results-paste"]`, strings.Replace(result, `"hints": 1`, `"hints": "x"`, 1))
			b.click(t, `[data-testid="results-add"]`)
			b.waitFor(t, b.exists(`[data-testid="results-error"]`))
			// In the interface language.
			assert.Contains(t, b.text(t, `[data-testid="results-error"]`), c.resultsErr)
			b.screenshot(t, "lesson-results-"+c.lang)
			b.assertNoErrors(t)
		})
	}
}
