//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Keyboard-only flows (issue 11): every action of the designer and the
// board is reached with Tab and done with Enter, Space and the arrow keys,
// and the focused control shows a focus ring. The tests send key events
// only: no click, no focus() and no value set from script.

// focusRing is JS: "" when the focused element shows a :focus-visible
// outline of at least 2 px, else what is wrong with it.
const focusRing = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body) return "nothing is focused";
	const what = e.tagName.toLowerCase() + (e.dataset.testid ? "[" + e.dataset.testid + "]" : "") + " «" + (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 40) + "»";
	if (!e.matches(":focus-visible")) return what + " does not match :focus-visible";
	const s = getComputedStyle(e);
	if (s.outlineStyle === "none" || parseFloat(s.outlineWidth) < 2) return what + " has no focus outline (" + s.outlineStyle + " " + s.outlineWidth + ")";
	return "";
})()`

// tabTo presses Tab until the focus is on the element of selector and
// checks the focus ring of every control it passes. It fails after max
// presses.
func (b *browser) tabTo(tb testing.TB, selector string, max int) {
	tb.Helper()
	at := fmt.Sprintf(`String(!!document.activeElement && document.activeElement.matches(%q))`, selector)
	for i := 0; i < max; i++ {
		b.press(tb, kb.Tab)
		if ring := b.eval(tb, focusRing); ring != "" && ring != "nothing is focused" {
			assert.Fail(tb, "no visible focus", "Tab %d towards %s: %s", i+1, selector, ring)
		}
		if b.eval(tb, at) == "true" {
			return
		}
	}
	require.FailNow(tb, "not reached by Tab", "%s not reached in %d Tab presses (focus on %s)", selector, max,
		b.eval(tb, `document.activeElement ? document.activeElement.outerHTML.slice(0, 160) : "nothing"`))
}

// typeText selects the focused field's text (Ctrl+A) and types text over it.
func (b *browser) typeText(tb testing.TB, text string) {
	tb.Helper()
	b.press(tb, "a", kb.ModifierCtrl)
	b.press(tb, kb.Delete)
	b.press(tb, text)
}

// focused is JS: whether the focus is on the element of selector.
func focused(selector string) string {
	return fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%q)`, selector)
}

// TestKeyboardDesigner adds, edits and deletes a trigger and a robot with
// the keyboard only.
func TestKeyboardDesigner(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowserFor(t, 5*testTimeout)
	b.open(t, base+"/design?example=07-seed-article.json")
	stage := `[data-stage="EXECUTING"]`
	b.waitFor(t, b.exists(stage+` [data-testid="add-trigger"]`))
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.dataset.state === "saved"`)
	triggers := `document.querySelectorAll('` + stage + ` [data-trigger]').length`
	robots := `document.querySelectorAll('` + stage + ` [data-robot]').length`
	nt, nr := b.eval(t, `String(`+triggers+`)`), b.eval(t, `String(`+robots+`)`)

	// Add a trigger: the catalogue, a trigger in it (Space picks it), «Add».
	b.tabTo(t, stage+` [data-testid="add-trigger"]`, 120)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="trigger-catalog"]`))
	b.tabTo(t, `[data-testid="trigger-catalog"] [data-code="CALL"]`, 80)
	b.press(t, " ")
	b.waitFor(t, `document.querySelector('[data-testid="trigger-catalog"] [data-code="CALL"]').getAttribute("aria-selected") === "true"`)
	b.tabTo(t, `[data-testid="catalog-add"]`, 80)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="trigger-dialog"]`))
	b.tabTo(t, `[data-testid="trigger-name"]`, 30)
	b.typeText(t, "Звонок с клавиатуры")
	b.tabTo(t, `[data-testid="trigger-save"]`, 40)
	b.press(t, kb.Enter)
	b.waitFor(t, b.gone(`[data-testid="trigger-dialog"]`))
	b.waitFor(t, triggers+` === `+nt+` + 1`)
	chip := stage + ` [data-trigger]:last-of-type`
	b.waitFor(t, `document.querySelector('`+chip+` .trigger-chip__name')?.textContent === "Звонок с клавиатуры"`)

	// Edit it: the chip opens its settings.
	b.waitFor(t, `!document.querySelector(".dialog-focus")`)
	b.press(t, kb.Tab, kb.ModifierShift)
	b.tabTo(t, chip+` .trigger-chip__main`, 120)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="trigger-dialog"]`))
	b.tabTo(t, `[data-testid="trigger-name"]`, 30)
	b.typeText(t, "Звонок (изменён)")
	b.tabTo(t, `[data-testid="trigger-save"]`, 40)
	b.press(t, kb.Enter)
	b.waitFor(t, `document.querySelector('`+chip+` .trigger-chip__name')?.textContent === "Звонок (изменён)"`)

	// Delete it through its menu: the arrows reach «Delete», then confirm.
	b.tabTo(t, chip+` [data-testid="trigger-menu"]`, 60)
	b.press(t, kb.Enter)
	b.waitFor(t, focused(chip+` [role="menuitem"][data-action="edit"]`))
	b.press(t, kb.ArrowUp)
	b.waitFor(t, focused(chip+` [role="menuitem"][data-action="delete"]`))
	assert.Empty(t, b.eval(t, focusRing))
	b.press(t, kb.Enter)
	b.waitFor(t, b.exists(`[data-testid="confirm-yes"]`))
	b.tabTo(t, `[data-testid="confirm-yes"]`, 10)
	b.press(t, kb.Enter)
	b.waitFor(t, triggers+` === `+nt)

	// Add a robot: the picker, a robot type, its text, «Save».
	b.waitFor(t, `!document.querySelector(".dialog-focus")`)
	b.tabTo(t, stage+` [data-testid="add-robot"]`, 120)
	b.press(t, kb.Enter)
	b.waitFor(t, b.exists(`[data-testid="robot-picker"]`))
	b.tabTo(t, `[data-testid="robot-picker"] [data-type="Notify"]`, 80)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="robot-dialog"]`))
	b.tabTo(t, `[data-testid="robot-text"]`, 40)
	b.typeText(t, "Позвонить клиенту")
	b.tabTo(t, `[data-testid="robot-save"]`, 40)
	b.press(t, kb.Enter)
	b.waitFor(t, b.gone(`[data-testid="robot-dialog"]`))
	b.waitFor(t, robots+` === `+nr+` + 1`)
	robot := stage + ` [data-robot]:last-of-type`

	// Edit it: rename it in its dialog.
	b.waitFor(t, `!document.querySelector(".dialog-focus")`)
	b.press(t, kb.Tab, kb.ModifierShift)
	b.tabTo(t, robot+` .robot-chip__main`, 120)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="robot-dialog"]`))
	b.tabTo(t, `[data-testid="robot-name"]`, 30)
	b.typeText(t, "Напоминание")
	b.tabTo(t, `[data-testid="robot-save"]`, 40)
	b.press(t, kb.Enter)
	b.waitFor(t, b.gone(`[data-testid="robot-dialog"]`))
	b.waitFor(t, `document.querySelector('`+robot+`')?.textContent.includes("Напоминание")`)

	// Delete it through its menu (End reaches «Delete»).
	b.tabTo(t, robot+` [data-testid="robot-menu"]`, 60)
	b.press(t, kb.Enter)
	b.waitFor(t, focused(robot+` [role="menuitem"][data-action="edit"]`))
	b.press(t, kb.End)
	b.waitFor(t, focused(robot+` [role="menuitem"][data-action="delete"]`))
	b.press(t, kb.Enter)
	b.waitFor(t, b.exists(`[data-testid="confirm-yes"]`))
	b.tabTo(t, `[data-testid="confirm-yes"]`, 10)
	b.press(t, kb.Enter)
	b.waitFor(t, robots+` === `+nr)

	// Escape closes a menu and gives the focus back to its button.
	b.waitFor(t, `!document.querySelector(".dialog-focus")`)
	first := stage + ` [data-trigger]`
	b.tabTo(t, first+` [data-testid="trigger-menu"]`, 120)
	b.press(t, kb.Enter)
	b.waitFor(t, focused(first+` [role="menuitem"]`))
	b.press(t, kb.Escape)
	b.waitFor(t, b.gone(first+` [role="menu"]`))
	b.waitFor(t, focused(first+` [data-testid="trigger-menu"]`))
	b.assertNoErrors(t)
}

// TestKeyboardBoard fires an event, moves a card and steps the clock with
// the keyboard only.
func TestKeyboardBoard(t *testing.T) {
	b, base := openBoard(t)
	card := `[data-target="DEAL_1"]`
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)

	// Fire «Входящий звонок» at DEAL_1: the card's button, the event, «Send».
	b.tabTo(t, card+` [data-testid="card-fire"]`, 150)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="event-dialog"]`))
	fired := b.eval(t, `String(document.querySelectorAll('[data-testid="explain"] .explain__event').length)`)
	if b.eval(t, `String(`+focused(`[data-testid="event-code"]`)+`)`) != "true" {
		b.tabTo(t, `[data-testid="event-code"]`, 20)
	}
	b.selectByKeys(t, `[data-testid="event-code"]`, "CALL")
	b.tabTo(t, `[data-testid="event-submit"]`, 30)
	b.press(t, kb.Enter)
	b.waitFor(t, b.gone(`[data-testid="event-dialog"]`))
	b.waitFor(t, `document.querySelectorAll('[data-testid="explain"] .explain__event').length > `+fired)

	// Move the card: «Move», then the stage's button in the list.
	b.waitFor(t, `!document.querySelector(".dialog-focus")`)
	b.tabTo(t, card+` [data-testid="card-move"]`, 150)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="move-dialog"]`))
	b.tabTo(t, `[data-testid="move-to"][data-stage="PREPARATION"]`, 20)
	b.press(t, kb.Enter)
	b.waitFor(t, b.gone(`[data-testid="move-dialog"]`))
	b.waitFor(t, stageOf("DEAL_1")+` === "PREPARATION"`)

	// Step the clock: the weekend example's first step runs what is due
	// now (the next action moves on), the second moves the clock to the
	// next delayed robot.
	b.open(t, base+"/simulate?example=06-roboty-vykhodnye.json")
	b.waitFor(t, b.exists(`[data-testid="clock-step"]:not([disabled])`))
	next := b.eval(t, `document.querySelector('.clock-bar__next').textContent`)
	b.tabTo(t, `[data-testid="clock-step"]`, 150)
	b.press(t, kb.Enter)
	b.waitFor(t, fmt.Sprintf(`document.querySelector('.clock-bar__next').textContent !== %q`, next))
	clock := b.eval(t, `document.querySelector('[data-clock]').dataset.clock`)
	b.waitFor(t, focused(`[data-testid="clock-step"]:not([disabled])`))
	b.press(t, kb.Enter)
	b.waitFor(t, fmt.Sprintf(`document.querySelector('[data-clock]').dataset.clock !== %q`, clock))
	b.assertNoErrors(t)
}

// selectByKeys picks the option of value in the focused <select> with the
// arrow keys (Home first), as a keyboard user does without opening it.
func (b *browser) selectByKeys(tb testing.TB, selector, value string) {
	tb.Helper()
	require.Equal(tb, "true", b.eval(tb, `String(`+focused(selector)+`)`))
	idx := b.eval(tb, fmt.Sprintf(`String([...document.querySelector(%q).options].findIndex(o => o.value === %q))`, selector, value))
	require.NotEqual(tb, "-1", idx, "no option %q in %s", value, selector)
	b.press(tb, kb.Home)
	for i := 0; i < 200 && b.eval(tb, fmt.Sprintf(`document.querySelector(%q).value`, selector)) != value; i++ {
		b.press(tb, kb.ArrowDown)
	}
	require.Equal(tb, value, b.eval(tb, fmt.Sprintf(`document.querySelector(%q).value`, selector)), "%s by the arrow keys", selector)
}
