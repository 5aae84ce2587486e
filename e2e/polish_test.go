//go:build e2e

package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// press sends real key strokes to the focused element.
func (b *browser) press(tb testing.TB, key string, mods ...kb.Modifier) {
	tb.Helper()
	var opts []chromedp.KeyOption
	if len(mods) > 0 {
		opts = append(opts, chromedp.KeyModifiers(mods...))
	}
	_, err := chromedp.Run(b.ctx, chromedp.KeyEvent(key, opts...))
	require.NoError(tb, err, "press %q", key)
}

// viewport resizes the page as a window of w×h would show it.
func (b *browser) viewport(tb testing.TB, w, h int64) {
	tb.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.EmulateViewport(w, h))
	require.NoError(tb, err, "viewport %dx%d", w, h)
}

// focusIn is JS: whether the focus is inside the element of selector.
func focusIn(selector string) string {
	return fmt.Sprintf(`!!document.querySelector(%q)?.contains(document.activeElement)`, selector)
}

// checkDialogKeyboard opens a dialog from a focused opener with Enter and
// checks the dialog pattern: focus inside, Tab and Shift+Tab stay inside,
// Escape closes it even with the focus on the page, and the focus goes
// back to the opener.
func checkDialogKeyboard(t *testing.T, b *browser, opener, dialog, openerBack string) {
	t.Helper()
	b.waitFor(t, b.exists(opener))
	b.eval(t, fmt.Sprintf(`(document.querySelector(%q).focus(), "")`, opener))
	b.press(t, kb.Enter)
	b.waitFor(t, b.exists(dialog))
	b.waitFor(t, focusIn(dialog))

	n, err := strconv.Atoi(b.eval(t, fmt.Sprintf(`String([...document.querySelector(%q).querySelectorAll(
		'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])')]
		.filter(e => e.getClientRects().length).length)`, dialog)))
	require.NoError(t, err)
	require.Positive(t, n)
	for i := 0; i < n+2; i++ {
		b.press(t, kb.Tab)
		require.Equal(t, "true", b.eval(t, `String(`+focusIn(dialog)+`)`), "Tab %d left the dialog", i+1)
	}
	for i := 0; i < n+2; i++ {
		b.press(t, kb.Tab, kb.ModifierShift)
		require.Equal(t, "true", b.eval(t, `String(`+focusIn(dialog)+`)`), "Shift+Tab %d left the dialog", i+1)
	}

	// Escape with the focus inside closes the dialog; the focus returns.
	b.press(t, kb.Escape)
	b.waitFor(t, b.gone(dialog))
	b.waitFor(t, fmt.Sprintf(`document.activeElement === document.querySelector(%q)`, openerBack))

	// Escape after a click on the dialog's text (the focus is then on the
	// page behind) closes it too.
	b.eval(t, fmt.Sprintf(`(document.querySelector(%q).focus(), "")`, openerBack))
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(dialog))
	b.eval(t, `(document.activeElement.blur(), "")`)
	b.press(t, kb.Escape)
	b.waitFor(t, b.gone(dialog))
}

func TestBoardKeyboardDialogs(t *testing.T) {
	b, _ := openBoard(t)
	card := `[data-target="DEAL_1"] `
	checkDialogKeyboard(t, b, card+`[data-testid="card-fire"]`, `[data-testid="event-dialog"]`, card+`[data-testid="card-fire"]`)
	checkDialogKeyboard(t, b, card+`[data-testid="card-move"]`, `[data-testid="move-dialog"]`, card+`[data-testid="card-move"]`)
	checkDialogKeyboard(t, b, `[data-testid="add-item"]`, `[data-testid="item-dialog"]`, `[data-testid="add-item"]`)
	b.assertNoErrors(t)
}

func TestDesignerKeyboardDialogs(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/design?example=07-seed-article.json")
	add := `[data-stage="NEW"] [data-testid="add-trigger"]`
	checkDialogKeyboard(t, b, add, `[data-testid="trigger-catalog"]`, add)
	head := `[data-stage="NEW"] .designer-column__head`
	checkDialogKeyboard(t, b, head, `[data-testid="stage-editor"]`, head)
	b.assertNoErrors(t)
}

// TestBoardLayoutAt1366 checks what fits on a 1366×768 screen: the clock
// bar in one row, five stage columns beside the open side panel, no page
// movement when an event is explained, and the side panel's toggle.
func TestBoardLayoutAt1366(t *testing.T) {
	b, base := openBoard(t)
	for _, w := range []int64{1280, 1366} {
		b.viewport(t, w, 768)
		rows := b.eval(t, `String(new Set([...document.querySelectorAll('.clock-bar > :not(.clock-bar__progress):not(.clock-bar__error)')]
			.map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size)`)
		assert.Equal(t, "1", rows, "the clock bar wraps at %d px", w)
	}
	visible := `String([...document.querySelectorAll('.board__column')].filter(c => {
		const r = c.getBoundingClientRect(), b = document.querySelector('.board').getBoundingClientRect();
		return r.left >= b.left - 1 && r.right <= b.right + 1; }).length)`
	assert.Equal(t, "5", b.eval(t, visible), "stage columns beside the side panel at 1366 px")
	// A long stage name takes two lines, with the full name in its title.
	assert.Equal(t, "Подготовка документов", b.eval(t, `document.querySelector('[data-stage="PREPARATION"] .board__stage').title`))

	// Firing an event moves no bar, column or panel.
	rects := `JSON.stringify(['.clock-bar', '.board', '[data-stage="NEW"]', '[data-stage="EXECUTING"]', '.board-page__side']
		.map(s => { const r = document.querySelector(s).getBoundingClientRect(); return [s, r.left, r.top, r.width]; })
		.concat([[scrollX, scrollY, document.documentElement.clientWidth]]))`
	before := b.eval(t, rects)
	fireOn(t, b, "CALL", "LINE_NUMBER", "+74952223344")
	b.waitFor(t, `document.querySelector('[data-testid="explain"]')?.textContent.includes("DEAL_1")`)
	b.settle(t)
	assert.Equal(t, before, b.eval(t, rects))

	// The side panel hides, and stays hidden after a reload.
	click(t, b, `[data-testid="side-toggle"]`)
	b.waitFor(t, b.gone(`.board-page__side`))
	assert.Equal(t, "false", b.eval(t, `document.querySelector('[data-testid="side-toggle"]').getAttribute('aria-expanded')`))
	n, err := strconv.Atoi(b.eval(t, visible))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, n, 6, "stage columns without the side panel")
	b.open(t, base+seedExample)
	b.waitFor(t, b.exists(`[data-target="DEAL_1"]`))
	assert.Equal(t, "", b.eval(t, `document.querySelector('.board-page__side') ? "the side panel is back after a reload" : ""`))
	click(t, b, `[data-testid="side-toggle"]`)
	b.waitFor(t, b.exists(`.board-page__side`))
	b.assertNoErrors(t)
}

// TestBoardJumpInput types a time in the interface's own format (not the
// browser's locale) and gets an error in words for a wrong one.
func TestBoardJumpInput(t *testing.T) {
	b, _ := openBoard(t)
	in := `[data-testid="clock-jump-input"]`
	assert.Equal(t, "12.01.2026 09:00", b.eval(t, `document.querySelector('`+in+`').value`))
	assert.Equal(t, "text", b.eval(t, `document.querySelector('`+in+`').type`))

	typeInto(t, b, in, "завтра")
	click(t, b, `[data-testid="clock-jump"]`)
	b.waitFor(t, b.exists(`[data-testid="clock-jump-error"]`))
	msg := b.text(t, `[data-testid="clock-jump-error"]`)
	assert.Contains(t, msg, "«завтра»")
	assert.Contains(t, msg, "ДД.ММ.ГГГГ ЧЧ:ММ")
	assert.Contains(t, msg, "12.01.2026 09:00")
	assert.Equal(t, "true", b.eval(t, `document.querySelector('`+in+`').getAttribute('aria-invalid')`))
	assert.True(t, strings.HasPrefix(b.eval(t, `document.querySelector('[data-clock]').dataset.clock`), "2026-01-12T09:00"))

	typeInto(t, b, in, "12.01.2026 18:30")
	b.waitFor(t, b.gone(`[data-testid="clock-jump-error"]`))
	click(t, b, `[data-testid="clock-jump"]`)
	b.waitFor(t, `document.querySelector('[data-clock]').dataset.clock.startsWith("2026-01-12T18:30")`)
	b.waitFor(t, `document.querySelector('`+in+`').value === "12.01.2026 18:30"`)

	click(t, b, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('`+in+`').value === "2026-01-12 18:30"`)
	typeInto(t, b, in, "2026-01-13 09:15")
	click(t, b, `[data-testid="clock-jump"]`)
	b.waitFor(t, `document.querySelector('[data-clock]').dataset.clock.startsWith("2026-01-13T09:15")`)
	b.assertNoErrors(t)
}
