//go:build e2e

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLessonCompletedInTheDesigner does lesson 1 as a learner: open it
// from the list, open it in the designer, add the "Inbound call" trigger
// on Create papers, come back, check, and see the lesson marked done.
func TestLessonCompletedInTheDesigner(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/lessons")
	b.waitFor(t, b.exists(`[data-lesson="ru/01-first-trigger"]`))
	assert.Equal(t, "9", b.eval(t, `String(document.querySelectorAll(".lessons-page__item").length)`))
	assert.Equal(t, "Пройдено 0 из 9", b.text(t, `[data-testid="lessons-progress"]`))

	b.click(t, `[data-lesson="ru/01-first-trigger"] .lessons-page__title`)
	b.waitFor(t, b.exists(`[data-testid="lesson-check"]`))
	assert.Equal(t, "Урок 1. Ваш первый триггер", b.text(t, ".teach-page__title"))
	assert.Equal(t, "false,false", b.eval(t, `[...document.querySelectorAll('[data-testid="goal-item"]')].map(e => e.dataset.pass).join()`))

	// Into the designer: add the trigger on the right stage.
	b.click(t, `[data-testid="lesson-design"]`)
	b.waitFor(t, b.exists(`[data-stage="PREPARATION"] [data-testid="add-trigger"]`))
	b.click(t, `[data-stage="PREPARATION"] [data-testid="add-trigger"]`)
	b.waitFor(t, b.exists(`[data-testid="trigger-catalog"]`))
	b.click(t, `[data-testid="trigger-catalog"] [data-code="CALL"]`)
	b.click(t, `[data-testid="catalog-add"]`)
	b.waitFor(t, b.exists(`[data-testid="trigger-dialog"]`))
	b.click(t, `[data-testid="trigger-save"]`)
	b.waitFor(t, b.gone(`[data-testid="trigger-dialog"]`))
	b.waitFor(t, b.exists(`[data-stage="PREPARATION"] [data-trigger]`))

	// Back to the lesson: the check runs on the learner's scenario.
	b.eval(t, `history.back(), ""`)
	b.waitFor(t, b.exists(`[data-testid="lesson-check"]`))
	b.click(t, `[data-testid="lesson-check"]`)
	b.waitFor(t, b.exists(`[data-testid="lesson-done"]`))
	assert.Equal(t, "true,true", b.eval(t, `[...document.querySelectorAll('[data-testid="goal-item"]')].map(e => e.dataset.pass).join()`))
	assert.Contains(t, b.text(t, `[data-testid="lesson-source"]`), "открытый в конструкторе")
	b.waitFor(t, b.exists(`[data-testid="lesson-badge"]`))

	// The list remembers it.
	b.click(t, `.teach-page__extra a[href="/lessons"]`)
	b.waitFor(t, `document.querySelector('[data-testid="lessons-progress"]') && document.querySelector('[data-testid="lessons-progress"]').textContent === "Пройдено 1 из 9"`)
	assert.Equal(t, "true", b.eval(t, `document.querySelector('[data-lesson="ru/01-first-trigger"] [data-testid="lesson-mark"]').dataset.done`))
	assert.Equal(t, "false", b.eval(t, `document.querySelector('[data-lesson="ru/02-conditions"] [data-testid="lesson-mark"]').dataset.done`))
	b.waitFor(t, b.exists(`[data-lesson="ru/01-first-trigger"] [data-testid="lesson-mark"] svg.icon--check`))
	b.screenshot(t, "lessons")
	b.assertNoErrors(t)
}

// TestNarrationSteps walks lesson 4 (the earliest stage wins) step by step
// in presenter mode: the event, the trigger that fires, the move, the VIP
// trigger skipped with its reason, the summary, then the next event.
func TestNarrationSteps(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/narrate?lesson=ru/04-earliest-stage-wins")
	b.waitFor(t, b.exists(`[data-testid="narration-step"]`))
	b.click(t, `[data-testid="presenter-toggle"]`)
	b.waitFor(t, `document.body.classList.contains("presenter")`)

	assert.Contains(t, b.text(t, `[data-testid="narration-event"]`), "Входящий звонок")
	assert.Equal(t, "Шаг 1 из 5", b.text(t, `[data-testid="narration-counter"]`))
	assert.Equal(t, "event", b.eval(t, `document.querySelector('[data-testid="narration-step"]').dataset.kind`))
	assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-stage="NEW"] [data-target="DEAL_1"]').classList.contains("narration-board__card--lit"))`))

	b.click(t, `[data-testid="narration-next"]`)
	b.waitFor(t, `document.querySelector('[data-testid="narration-step"]').dataset.kind === "candidate"`)
	assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-trigger="t-obychnyi"]').classList.contains("narration-board__chip--lit"))`))

	b.click(t, `[data-testid="narration-next"]`)
	b.waitFor(t, `document.querySelector('[data-testid="narration-step"]').dataset.kind === "move"`)
	// The card now stands in its new column, and that column is lit.
	b.waitFor(t, b.exists(`[data-stage="PREPARATION"].narration-board__column--lit [data-target="DEAL_1"]`))

	b.click(t, `[data-testid="narration-next"]`)
	b.waitFor(t, `document.querySelector('[data-testid="narration-step"]').dataset.kind === "skip"`)
	assert.Contains(t, b.text(t, `[data-testid="narration-step"]`), "Раньше сработал триггер на более ранней стадии")
	assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-trigger="t-vip"]').classList.contains("narration-board__chip--lit"))`))
	b.screenshot(t, "narration")

	b.click(t, `[data-testid="narration-prev"]`)
	b.waitFor(t, `document.querySelector('[data-testid="narration-step"]').dataset.kind === "move"`)
	b.click(t, `[data-testid="narration-next"]`)
	b.click(t, `[data-testid="narration-next"]`)
	b.waitFor(t, `document.querySelector('[data-testid="narration-step"]').dataset.kind === "result"`)
	assert.Equal(t, "Следующее событие", b.text(t, `[data-testid="narration-next"]`))
	b.click(t, `[data-testid="narration-next"]`)
	b.waitFor(t, `document.querySelector('[data-testid="narration-event"]').textContent.includes("DEAL_2")`)
	assert.Equal(t, "Шаг 1 из 5", b.text(t, `[data-testid="narration-counter"]`))

	// Presenter mode (the header's) stays on across the teaching pages.
	b.click(t, `.teach-page__nav a[href="/lessons"]`)
	b.waitFor(t, b.exists(`.lessons-page`))
	b.waitFor(t, `document.body.classList.contains("presenter")`)
	b.assertNoErrors(t)
}

// TestQuizRightAndWrong answers lesson 4's quiz: the VIP deal goes to
// Create papers (the earliest stage wins) — right; then a wrong answer for
// the second deal; the score says 1 of 2.
func TestQuizRightAndWrong(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/quiz?lesson=ru/04-earliest-stage-wins")
	b.waitFor(t, b.exists(`[data-testid="quiz-option"]`))
	assert.Equal(t, "Счёт: 0 из 0", b.text(t, `[data-testid="quiz-score"]`))
	assert.Contains(t, b.text(t, `[data-testid="quiz-event"]`), "Оснащение ресторана")
	assert.Equal(t, "8", b.eval(t, `String(document.querySelectorAll('[data-testid="quiz-option"]').length)`))

	b.click(t, `[data-testid="quiz-option"][data-stage="PREPARATION"]`)
	b.waitFor(t, b.exists(`[data-testid="quiz-verdict"]`))
	assert.Equal(t, "true", b.eval(t, `document.querySelector('[data-testid="quiz-verdict"]').dataset.correct`))
	assert.Equal(t, "Верно!", b.text(t, `[data-testid="quiz-verdict"]`))
	assert.Equal(t, "Счёт: 1 из 1", b.text(t, `[data-testid="quiz-score"]`))
	assert.Contains(t, b.text(t, `.quiz-page__story`), "Раньше сработал триггер на более ранней стадии")

	b.click(t, `[data-testid="quiz-next"]`)
	b.waitFor(t, `document.querySelector('[data-testid="quiz-event"]').textContent.includes("Кофе в зёрнах")`)
	b.click(t, `[data-testid="quiz-option"][data-stage="EXECUTING"]`)
	b.waitFor(t, b.exists(`[data-testid="quiz-verdict"]`))
	assert.Equal(t, "false", b.eval(t, `document.querySelector('[data-testid="quiz-verdict"]').dataset.correct`))
	assert.Equal(t, "Неверно. Правильный ответ: «Подготовка документов».", b.text(t, `[data-testid="quiz-verdict"]`))
	assert.Equal(t, "Счёт: 1 из 2", b.text(t, `[data-testid="quiz-score"]`))
	require.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-testid="quiz-option"][data-stage="EXECUTING"]').classList.contains("quiz-page__option--wrong"))`))
	b.screenshot(t, "quiz")

	b.click(t, `[data-testid="quiz-next"]`)
	b.waitFor(t, b.exists(`[data-testid="quiz-end"]`))
	assert.Contains(t, b.text(t, `[data-testid="quiz-end"]`), "Викторина окончена: 1 из 2.")
	b.assertNoErrors(t)
}
