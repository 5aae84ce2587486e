//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
)

// designerGoals is the pass state of the lesson's goals shown above the
// designer's board.
func designerGoals(b *browser, tb testing.TB) string {
	return b.eval(tb, `[...document.querySelectorAll('[data-testid="designer-lesson"] [data-testid="goal-item"]')].map(e => e.dataset.pass).join()`)
}

// TestLessonGoalsTurnGreenInTheDesigner works on built-in lesson 1 in
// both interface languages: the designer shows the lesson's goals over
// the trainee's copy, a goal turns green the moment the right trigger is
// saved (no "Check" pressed), and what the lesson keeps (its robots, the
// stages) is disabled with the reason on screen; an edit of a locked
// robot shows its settings but cannot be saved.
func TestLessonGoalsTurnGreenInTheDesigner(t *testing.T) {
	base := serve(t, siteDir(t))
	for _, c := range []struct{ lang, lockRobots, lockSetup, scope, done string }{
		{"en", "This lesson does not let you change this stage's robots.", "This lesson does not let you change stages, pipelines or entity types.",
			"In this lesson you may change only the triggers.", "Every goal is met!"},
		{"ru", "В этом уроке роботов этой стадии менять нельзя.", "Стадии, воронки и типы элементов в этом уроке менять нельзя.",
			"В этом уроке можно менять только триггеры.", "Все цели выполнены!"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, base+"/lesson?id="+c.lang+"/01-first-trigger")
			b.waitFor(t, b.exists(`[data-testid="lesson-design"]`))
			b.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			b.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))
			b.click(t, `[data-testid="lesson-design"]`)
			b.waitFor(t, b.exists(`[data-testid="designer-lesson"]`))
			assert.Equal(t, "false,false", designerGoals(b, t))
			assert.Contains(t, b.text(t, `[data-testid="designer-lesson-scope"]`), c.scope)
			assert.Contains(t, b.text(t, `[data-testid="designer-lesson-scope"]`), c.lockSetup)

			// What the lesson keeps is disabled, and says why.
			assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-stage="PREPARATION"] [data-testid="add-robot"]').disabled)`))
			assert.Equal(t, "false", b.eval(t, `String(document.querySelector('[data-stage="PREPARATION"] [data-testid="add-trigger"]').disabled)`))
			assert.Equal(t, c.lockRobots, b.text(t, `[data-stage="PREPARATION"] [data-testid="designer-locked"]`))
			assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-testid="add-stage"]').disabled)`))
			assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-stage="PREPARATION"] .designer-column__head').disabled)`))
			b.click(t, `[data-robot="r-dogovor"] [data-testid="robot-menu"]`)
			b.waitFor(t, b.exists(`[data-robot="r-dogovor"] .designer-menu`))
			assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-robot="r-dogovor"] [data-action="delete"]').disabled)`))
			assert.Equal(t, c.lockRobots, b.eval(t, `document.querySelector('[data-robot="r-dogovor"] [data-action="delete"]').title`))
			b.click(t, `[data-robot="r-dogovor"] [data-action="edit"]`)
			b.waitFor(t, b.exists(`[data-testid="robot-dialog"]`))
			assert.Equal(t, c.lockRobots, b.text(t, `[data-testid="dialog-locked"]`))
			assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-testid="robot-save"]').disabled)`))
			b.press(t, kb.Escape)
			b.waitFor(t, b.gone(`[data-testid="robot-dialog"]`))

			// The right trigger: both goals turn green as soon as it is
			// placed on the stage (its settings dialog still open).
			assert.Equal(t, "false,false", designerGoals(b, t))
			b.click(t, `[data-stage="PREPARATION"] [data-testid="add-trigger"]`)
			b.waitFor(t, b.exists(`[data-testid="trigger-catalog"]`))
			b.click(t, `[data-testid="trigger-catalog"] [data-code="CALL"]`)
			b.click(t, `[data-testid="catalog-add"]`)
			b.waitFor(t, b.exists(`[data-testid="trigger-dialog"]`))
			b.waitFor(t, `document.querySelector('[data-testid="designer-lesson"]').dataset.done === "true"`)
			assert.Equal(t, "true,true", designerGoals(b, t))
			b.click(t, `[data-testid="trigger-save"]`)
			b.waitFor(t, b.gone(`[data-testid="trigger-dialog"]`))
			assert.Equal(t, "true,true", designerGoals(b, t))
			assert.Contains(t, b.text(t, `[data-testid="designer-lesson-done"]`), c.done)

			// Deleting the trigger takes the goals back.
			b.click(t, `[data-stage="PREPARATION"] [data-trigger] [data-testid="trigger-menu"]`)
			b.click(t, `[data-stage="PREPARATION"] [data-trigger] [data-action="delete"]`)
			b.waitFor(t, b.exists(`[data-testid="confirm-yes"]`))
			b.click(t, `[data-testid="confirm-yes"]`)
			b.waitFor(t, `document.querySelector('[data-testid="designer-lesson"]').dataset.done === "false"`)
			assert.Equal(t, "false,false", designerGoals(b, t))
			b.screenshot(t, "lesson-live-"+c.lang)
			b.assertNoErrors(t)
		})
	}
}

// TestMakeLessonFromTheDesigner: «Сделать урок» in the designer's toolbar
// opens the authoring page with the open scenario as the solution, and the
// address names that scenario, so a reload keeps it.
func TestMakeLessonFromTheDesigner(t *testing.T) {
	base := serve(t, siteDir(t))
	for _, c := range []struct{ lang, button, from string }{
		{"en", "Make a lesson", `The solution is the open scenario "`},
		{"ru", "Сделать урок", "Решение — открытый сценарий «"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, base+"/design?example=10-en-client-call")
			b.waitFor(t, b.exists(`[data-testid="make-lesson"]`))
			b.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, c.lang))
			b.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, c.lang))
			assert.Equal(t, c.button, b.text(t, `[data-testid="make-lesson"]`))
			id := b.eval(t, `new URLSearchParams(location.search).get("id")`)
			b.click(t, `[data-testid="make-lesson"]`)
			b.waitFor(t, b.exists(`[data-testid="author-name"]`))
			assert.Equal(t, "/author?id="+id, b.eval(t, `location.pathname + location.search`))
			assert.Contains(t, b.text(t, ".teach-page__subtitle"), c.from)
			// A reload (a fresh session) opens the same scenario.
			b.open(t, base+"/author?id="+id)
			b.waitFor(t, b.exists(`[data-testid="author-name"]`))
			assert.Contains(t, b.text(t, ".teach-page__subtitle"), c.from)
			assert.Contains(t, b.eval(t, `[...document.querySelectorAll('[data-testid="author-item"] option')].map(o => o.value).join()`), "DEAL_3")
			b.assertNoErrors(t)
		})
	}
}
