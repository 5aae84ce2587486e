//go:build e2e

package e2e

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// click clicks the first element matching a CSS selector.
func (b *browser) click(tb testing.TB, selector string) {
	tb.Helper()
	b.waitFor(tb, fmt.Sprintf(`!!document.querySelector(%q) && !document.querySelector(%q).disabled`, selector, selector))
	b.eval(tb, fmt.Sprintf(`document.querySelector(%q).click(), ""`, selector))
}

// setValue types a value into an input or select and fires input and
// change, as a person's edit does.
func (b *browser) setValue(tb testing.TB, selector, value string) {
	tb.Helper()
	b.waitFor(tb, fmt.Sprintf(`!!document.querySelector(%q)`, selector))
	b.eval(tb, fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q;
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true})); return ""; })()`, selector, value))
}

func (b *browser) exists(selector string) string {
	return fmt.Sprintf(`!!document.querySelector(%q)`, selector)
}

func (b *browser) gone(selector string) string {
	return fmt.Sprintf(`!document.querySelector(%q)`, selector)
}

func TestDesignerFlows(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/design?example=07-seed-article.json")
	b.waitFor(t, b.exists(`[data-stage="PREPARATION"] [data-trigger="t-zvonok"]`))
	assert.Equal(t, "Роботы и триггеры", b.text(t, ".pipeline-bar__title"))
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.textContent === "Сохранено"`)
	assert.Equal(t, "", b.eval(t, `document.querySelector('[data-testid="save-state"]') ? "the designer repeats the header's save state" : ""`))
	b.screenshot(t, "design-ru")

	// The version before: one user action below adds exactly one.
	rev0 := currentVersion(t, b)

	// Add a trigger through the catalogue, then its settings dialog.
	b.click(t, `[data-stage="FINAL_INVOICE"] [data-testid="add-trigger"]`)
	b.waitFor(t, b.exists(`[data-testid="trigger-catalog"]`))
	assert.Equal(t, "", b.eval(t, `document.querySelector('[data-testid="trigger-catalog"] [data-code="PAYMENT"]') ? "order trigger offered for a deal" : ""`))
	b.click(t, `[data-testid="trigger-catalog"] [data-code="WEBHOOK"]`)
	b.click(t, `[data-testid="catalog-add"]`)
	b.waitFor(t, b.exists(`[data-testid="trigger-dialog"]`))
	b.waitFor(t, b.exists(`[data-stage="FINAL_INVOICE"] [data-trigger="t1"]`))
	assert.Regexp(t, `^https://.+/rest/1/.+/crm\.automation\.trigger/\?target=DEAL_\{ID\}&code=[a-z]{5}$`,
		b.text(t, `[data-testid="webhook-url"]`))
	b.setValue(t, `[data-testid="trigger-name"]`, "Оплата по вебхуку")
	b.click(t, `[data-testid="trigger-condition-add"]`)
	b.waitFor(t, b.exists(`#trigger-cond-0-field`))
	b.setValue(t, `#trigger-cond-0-field`, "OPPORTUNITY")
	b.setValue(t, `#trigger-cond-0-op`, ">=")
	b.waitFor(t, b.exists(`#trigger-cond-0-value`))
	b.setValue(t, `#trigger-cond-0-value`, "100000")
	b.setValue(t, `[data-testid="trigger-execby"]`, "3")
	b.click(t, `#trigger-back`)
	b.screenshot(t, "trigger-dialog")
	b.click(t, `[data-testid="trigger-save"]`)
	b.waitFor(t, b.gone(`[data-testid="trigger-dialog"]`))
	chip := `[data-stage="FINAL_INVOICE"] [data-trigger="t1"]`
	assert.Equal(t, "Оплата по вебхуку", b.text(t, chip+` .trigger-chip__name`))
	assert.Equal(t, "true", b.eval(t, `String(!!document.querySelector('`+chip+` .designer-mark--back') && !!document.querySelector('`+chip+` .designer-mark--condition'))`))
	assert.Equal(t, "", b.eval(t, `document.querySelector('[data-testid="designer-error"]') ? document.querySelector('[data-testid="designer-error"]').textContent : ""`))

	// One user action, one version: the pick and its settings together.
	assert.Equal(t, rev0+1, currentVersion(t, b), "adding one trigger adds one version")

	// Reopen: the condition and the back-move flag were kept.
	b.click(t, chip+` .trigger-chip__main`)
	b.waitFor(t, b.exists(`[data-testid="trigger-dialog"]`))
	assert.Equal(t, "OPPORTUNITY|>=|100000|true|3", b.eval(t, `[
		document.querySelector("#trigger-cond-0-field").value, document.querySelector("#trigger-cond-0-op").value,
		document.querySelector("#trigger-cond-0-value").value, String(document.querySelector("#trigger-back").checked),
		document.querySelector('[data-testid="trigger-execby"]').value].join("|")`))
	b.setValue(t, `[data-testid="trigger-name"]`, "Оплата (вебхук)")
	b.click(t, `[data-testid="trigger-save"]`)
	b.waitFor(t, b.gone(`[data-testid="trigger-dialog"]`))
	assert.Equal(t, "Оплата (вебхук)", b.text(t, chip+` .trigger-chip__name`))

	// Copy it to another stage through the trigger menu.
	b.click(t, chip+` [data-testid="trigger-menu"]`)
	b.click(t, chip+` [data-action="copy"]`)
	b.waitFor(t, b.exists(`[data-testid="copy-dialog"]`))
	b.setValue(t, `[data-testid="copy-to"]`, "NEW")
	b.click(t, `[data-testid="copy-confirm"]`)
	b.waitFor(t, b.exists(`[data-stage="NEW"] [data-trigger="t2"]`))
	assert.Equal(t, "Оплата (вебхук)", b.text(t, `[data-stage="NEW"] [data-trigger="t2"] .trigger-chip__name`))

	// Add a robot with a delay.
	rev1 := currentVersion(t, b)
	b.click(t, `[data-stage="NEW"] [data-testid="add-robot"]`)
	b.click(t, `[data-testid="robot-picker"] [data-type="Notify"]`)
	b.waitFor(t, b.exists(`[data-testid="robot-dialog"]`))
	b.click(t, `[data-testid="delay-editor"] [data-mode="after"]`)
	b.waitFor(t, b.exists(`[data-testid="delay-value"]`))
	b.setValue(t, `[data-testid="delay-value"]`, "1")
	b.setValue(t, `[data-testid="delay-unit"]`, "d")
	b.setValue(t, `[data-testid="robot-text"]`, "Проверить оплату")
	b.click(t, `#robot-after`)
	b.click(t, `[data-testid="robot-save"]`)
	b.waitFor(t, b.gone(`[data-testid="robot-dialog"]`))
	robot := `[data-stage="NEW"] [data-robot="r1"]`
	b.waitFor(t, b.exists(robot))
	assert.Equal(t, "Через 1 день", b.text(t, robot+` .robot-chip__delay`))
	assert.Contains(t, b.text(t, robot), "после предыдущего")
	assert.Equal(t, "Уведомить сотрудника", b.text(t, robot+` .robot-chip__type`))

	assert.Equal(t, rev1+1, currentVersion(t, b), "adding one robot adds one version")

	// Placing the robot and its settings were one action: one undo takes
	// both back, one redo restores both.
	b.click(t, `[data-testid="undo"]`)
	b.waitFor(t, b.gone(robot))
	b.click(t, `[data-testid="redo"]`)
	b.waitFor(t, b.exists(robot))
	b.waitFor(t, `document.querySelector('`+robot+` .robot-chip__delay').textContent.includes("Через 1 день")`)

	// A stage with items cannot be deleted, and the reason is given.
	b.click(t, `[data-stage="NEW"] .designer-column__head`)
	b.waitFor(t, b.exists(`[data-testid="stage-editor"]`))
	b.click(t, `[data-testid="stage-delete"]`)
	b.click(t, `[data-testid="stage-delete-confirm"]`)
	b.waitFor(t, b.exists(`[data-testid="stage-editor"] .designer-form__errors`))
	assert.Contains(t, b.text(t, `[data-testid="stage-editor"] .designer-form__errors`), "DEAL_1")
	b.click(t, `[data-testid="stage-editor"] .designer-modal__close`)

	// English labels.
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector(".pipeline-bar__title").textContent === "Automation rules and triggers"`)
	assert.Equal(t, "Triggers", b.text(t, `[data-stage="NEW"] .designer-column__label`))
	assert.Equal(t, "After 1 day", b.text(t, robot+` .robot-chip__delay`))
	assert.Equal(t, "Notify employee", b.text(t, robot+` .robot-chip__type`))
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.textContent === "Saved"`)
	b.screenshot(t, "design-en")
	b.assertNoErrors(t)
}

func TestDesignerWithoutScenario(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/design")
	b.waitFor(t, b.exists(`[data-testid="designer-empty"]`))
	assert.Equal(t, "Сценарий не открыт.", b.text(t, `[data-testid="designer-empty"] .empty-state__title`))
	assert.Equal(t, "/", b.eval(t, `document.querySelector("[data-testid=designer-to-home]").getAttribute("href")`))
	b.assertNoErrors(t)
}

func TestDesignerPipelines(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/design?example=07-seed-article")
	b.waitFor(t, b.exists(`[data-stage="NEW"]`))
	b.click(t, `[data-testid="pipeline-add"]`)
	b.waitFor(t, b.exists(`[data-stage="C1:NEW"]`))
	b.waitFor(t, b.exists(`[data-pipeline="1"][aria-selected="true"]`))
	b.click(t, `[data-testid="pipeline-rename"]`)
	b.setValue(t, `[data-testid="pipeline-name"]`, "Опт")
	b.click(t, `[data-testid="pipeline-rename-save"]`)
	b.waitFor(t, `document.querySelector('[data-pipeline="1"]') && document.querySelector('[data-pipeline="1"]').textContent === "Опт"`)
	// Add a stage: it goes before the success stage.
	b.click(t, `[data-testid="add-stage"]`)
	b.waitFor(t, b.exists(`[data-testid="stage-editor"]`))
	b.setValue(t, `[data-testid="stage-name"]`, "Согласование")
	b.click(t, `[data-testid="stage-save"]`)
	b.waitFor(t, b.gone(`[data-testid="stage-editor"]`))
	order := b.eval(t, `[...document.querySelectorAll(".designer-column")].map(c => c.dataset.stage).join(" ")`)
	assert.Equal(t, "C1:NEW C1:PREPARATION C1:PREPAYMENT_INVOICE C1:EXECUTING C1:FINAL_INVOICE C1:UC_1 C1:WON C1:LOSE C1:APOLOGY", order)
	assert.Equal(t, "Согласование", b.text(t, `[data-stage="C1:UC_1"] .designer-column__name`))
	// The success stage stays put and says why.
	b.click(t, `[data-stage="C1:WON"] .designer-column__head`)
	b.waitFor(t, b.exists(`[data-testid="stage-editor"]`))
	assert.Equal(t, "false", b.eval(t, strconv.Quote("")+` + String(!!document.querySelector('[data-testid="stage-delete"]'))`))
	b.click(t, `[data-testid="stage-editor"] .designer-modal__close`)
	// Delete the pipeline after confirming.
	b.click(t, `[data-testid="pipeline-delete"]`)
	b.click(t, `[data-testid="confirm-yes"]`)
	b.waitFor(t, b.gone(`[data-pipeline="1"]`))
	b.waitFor(t, b.exists(`[data-stage="NEW"]`))
	b.assertNoErrors(t)
}

// currentVersion opens the header's version history, reads the current
// version's number and closes it again.
func currentVersion(t *testing.T, b *browser) int {
	t.Helper()
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.textContent === "Сохранено"`)
	b.click(t, `[data-testid="history-open"]`)
	b.waitFor(t, b.exists(`[data-testid="history-dialog"] li[data-rev] .history-dialog__current`))
	rev, err := strconv.Atoi(b.eval(t, `document.querySelector('[data-testid="history-dialog"] li[data-rev] .history-dialog__current').closest("li").dataset.rev`))
	require.NoError(t, err)
	b.click(t, `[data-testid="history-dialog"] .home-dialog__close`)
	b.waitFor(t, b.gone(`[data-testid="history-dialog"]`))
	return rev
}
