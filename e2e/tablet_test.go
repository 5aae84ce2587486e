//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
)

// The board and the designer on a tablet (issue 11): at 768×1024 the
// header's sections are all in view, the columns scroll sideways in their
// own box (the page does not), and every dialog fits in the window; a
// dialog taller than its content area scrolls inside.

// dialogFits is JS: "" when the open dialog's box is inside the window and
// its body either shows all its content or scrolls, else what is wrong.
const dialogFits = `(() => {
	const d = document.querySelector('[role="dialog"]');
	if (!d) return "no dialog";
	const r = d.getBoundingClientRect();
	if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
		return "dialog box " + [r.left, r.top, r.right, r.bottom].map(Math.round).join(",") + " outside " + innerWidth + "×" + innerHeight;
	const cut = [...d.querySelectorAll("*")].find(e => {
		if (e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1) return false;
		const s = getComputedStyle(e);
		const scrolls = /(auto|scroll)/.test(s.overflowY + s.overflowX);
		return !scrolls && (s.overflowY === "hidden" || s.overflowX === "hidden") && e.scrollHeight > e.clientHeight + 24;
	});
	if (cut) return "content cut in " + cut.className;
	if (document.documentElement.scrollWidth > innerWidth + 1) return "the page scrolls sideways";
	return "";
})()`

// headerNavReachable is JS: "" when every section link of the header is
// shown inside the window, else the ones that are not.
const headerNavReachable = `(() => {
	const links = [...document.querySelectorAll(".header__nav .header__link")];
	if (links.length < 5) return "only " + links.length + " links";
	return links.filter(a => { const r = a.getBoundingClientRect();
		return !a.getClientRects().length || r.left < 0 || r.right > innerWidth || r.width < 20; })
		.map(a => a.textContent).join(", ");
})()`

// scrollsSideways is JS: whether the element of the selector scrolls its
// content sideways by itself.
func scrollsSideways(selector string) string {
	return fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.scrollWidth > e.clientWidth
		&& /(auto|scroll)/.test(getComputedStyle(e).overflowX) && document.documentElement.scrollWidth <= innerWidth + 1; })()`, selector)
}

func (b *browser) assertDialogFits(t *testing.T, name string) {
	t.Helper()
	b.waitFor(t, b.exists(`[role="dialog"]`))
	b.settle(t)
	assert.Empty(t, b.eval(t, dialogFits), "%s at %s", name, b.eval(t, `innerWidth + "×" + innerHeight`))
	b.screenshot(t, "tablet-"+name)
}

func (b *browser) closeDialog(t *testing.T) {
	t.Helper()
	b.press(t, kb.Escape)
	b.waitFor(t, b.gone(`[role="dialog"]`))
}

func TestTabletBoard(t *testing.T) {
	b, _ := openBoard(t)
	b.viewport(t, 768, 1024)
	b.waitFor(t, scrollsSideways(".board"))
	assert.Empty(t, b.eval(t, headerNavReachable), "header links out of reach")
	b.screenshot(t, "tablet-board")

	card := `[data-target="DEAL_1"] `
	for _, d := range []struct{ name, opener string }{
		{"event-dialog", card + `[data-testid="card-fire"]`},
		{"move-dialog", card + `[data-testid="card-move"]`},
		{"item-dialog", `[data-testid="add-item"]`},
		{"item-open", card + `.board__card-title`},
	} {
		click(t, b, d.opener)
		b.assertDialogFits(t, d.name)
		b.closeDialog(t)
	}
	b.assertNoErrors(t)
}

func TestTabletDesigner(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.viewport(t, 768, 1024)
	b.open(t, base+"/design?example=07-seed-article.json")
	b.waitFor(t, b.exists(`[data-stage="PREPARATION"] [data-trigger="t-zvonok"]`))
	b.waitFor(t, scrollsSideways(".designer-board"))
	assert.Empty(t, b.eval(t, headerNavReachable), "header links out of reach")
	b.screenshot(t, "tablet-designer")

	for _, d := range []struct{ name, opener string }{
		{"trigger-catalog", `[data-stage="NEW"] [data-testid="add-trigger"]`},
		{"trigger-dialog", `[data-stage="PREPARATION"] [data-trigger="t-zvonok"] .trigger-chip__main`},
		{"robot-picker", `[data-stage="NEW"] [data-testid="add-robot"]`},
		{"stage-editor", `[data-stage="NEW"] .designer-column__head`},
		{"history", `[data-testid="history-open"]`},
	} {
		b.click(t, d.opener)
		b.assertDialogFits(t, d.name)
		b.closeDialog(t)
	}
	// A robot's settings: the picker, then the robot.
	b.click(t, `[data-stage="NEW"] [data-testid="add-robot"]`)
	b.click(t, `[data-testid="robot-picker"] [data-type="Notify"]`)
	b.waitFor(t, b.exists(`[data-testid="robot-dialog"]`))
	b.assertDialogFits(t, "robot-dialog")
	b.closeDialog(t)
	b.assertNoErrors(t)
}
