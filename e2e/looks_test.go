//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// appPage is one page of the app as the checks below visit it: its address
// and the JS condition that says its content is shown.
type appPage struct {
	name, path, ready string
	// via are links or buttons clicked in turn after the load, for a page
	// reached inside the app (the author page needs an open scenario).
	via []string
}

func pages(lang string) []appPage {
	return []appPage{
		{"home", "/", `!!document.querySelector('` + homeLoaded + `')`, nil},
		{"designer", "/design?example=07-seed-article.json", `!!document.querySelector('[data-stage="NEW"] [data-testid="add-trigger"]')`, nil},
		{"board", seedExample, `!!document.querySelector('[data-target="DEAL_1"]')`, nil},
		{"whatif", "/whatif", `!!document.querySelector('.whatif')`, nil},
		{"lessons", "/lessons", `!!document.querySelector('[data-testid="lessons-progress"]')`, nil},
		{"quiz", "/quiz?lesson=" + lang + "/04-earliest-stage-wins", `!!document.querySelector('[data-testid="quiz-next"], [data-testid="quiz-end"], .quiz-page__question, .quiz-page')`, nil},
		{"narration", "/narrate?lesson=" + lang + "/04-earliest-stage-wins", `!!document.querySelector('[data-testid="narration-step"]')`, nil},
		{"lesson", "/lesson?id=" + lang + "/01-first-trigger", `!!document.querySelector('[data-testid="lesson-check"]')`, nil},
		{"train", "/train", `!!document.querySelector('[data-testid="train-file"]')`, nil},
		{"results", "/results", `!!document.querySelector('[data-testid="results-empty"]')`, nil},
		{"author", "/design?example=07-seed-article.json", `!!document.querySelector('[data-testid="author-name"]')`,
			[]string{`.header__nav a[data-nav="/lessons"]`, `[data-testid="lesson-tools-author"]`}},
	}
}

// setPrefs stores the interface language and presenter mode the way the
// app does (go-app's local storage holds JSON), for the next page load. It
// writes them from a file of the site that is not the app (the icon), so
// no app has yet put its default language into the store, which would win
// over localStorage.
func (b *browser) setPrefs(tb testing.TB, base, lang string, presenter bool) {
	tb.Helper()
	require.NoError(tb, chromedp.Do(b.ctx, chromedp.Navigate(base+"/web/icon.svg")))
	b.eval(tb, fmt.Sprintf(`(localStorage.setItem("triggersim.lang", %q), localStorage.setItem("triggersim.presenter", %q), "")`,
		`"`+lang+`"`, fmt.Sprint(presenter)))
}

func (b *browser) openPage(tb testing.TB, base string, p appPage) {
	tb.Helper()
	b.open(tb, base+p.path)
	for _, sel := range p.via {
		b.waitFor(tb, b.exists(sel))
		b.click(tb, sel)
	}
	b.waitFor(tb, p.ready)
	b.waitFor(tb, `document.fonts ? document.fonts.status === "loaded" : true`)
}

// TestBoardColumnsReachable: with the side panel open the final stages
// are off to the right, and the board says so (a fade and a button); the
// button brings them into view. At 768 px too, where the board may be
// narrower than a column: then the column's right part, as much as fits, is
// in view once the board is scrolled to its end. The scroll buttons stop
// within the edge fade's width (24 px) of the end, hence the tolerance.
func TestBoardColumnsReachable(t *testing.T) {
	b, _ := openBoard(t)
	last := `[...document.querySelectorAll('.board__column')].at(-1)`
	inView := `(() => { const c = ` + last + `.getBoundingClientRect(), r = document.querySelector('.board').getBoundingClientRect();
		return c.right <= r.right + 24 && c.right - Math.min(c.width, r.width) >= r.left - 24; })()`
	for _, w := range []int64{1366, 768} {
		b.viewport(t, w, 768)
		b.eval(t, `(document.querySelector('.board').scrollLeft = 0, "")`)
		b.waitFor(t, `document.querySelector('[data-testid="board-scroll"]').dataset.more === "right"`)
		assert.Equal(t, "false", b.eval(t, `String(`+inView+`)`), "the last stage is hidden at %d px", w)
		assert.Equal(t, "true", b.eval(t, `String(getComputedStyle(document.querySelector('[data-testid="board-scroll-right"]')).display !== "none")`))
		// The right button is clicked whenever the board has stopped
		// scrolling, until the board says nothing is hidden to the right.
		// Only the button scrolls the board here, so reaching the end is
		// its doing. Checking once after a fixed number of clicks failed
		// now and then at 768 px: the columns brought into view draw their
		// cards, the content grows after the end was reached, and the
		// board rightly shows its fade again until the next click.
		b.waitLong(t, `(() => {
			const more = document.querySelector('[data-testid="board-scroll"]').dataset.more, left = document.querySelector('.board').scrollLeft;
			if (more === "left") { return true; }
			if (window.__scrollSeen !== left) { window.__scrollSeen = left; return false; }
			document.querySelector('[data-testid="board-scroll-right"]').click();
			window.__scrollSeen = undefined;
			return false;
		})()`, time.Minute)
		b.waitFor(t, inView)
		b.screenshot(t, fmt.Sprintf("board-scrolled-%d", w))
	}
	// Stage names break between words only.
	split := b.eval(t, `[...document.querySelectorAll('.board__stage')].flatMap(h => {
		const text = h.firstChild; if (!text) return [];
		const out = []; let at = 0;
		for (const word of h.textContent.split(" ")) {
			const r = document.createRange(); r.setStart(text, at); r.setEnd(text, at + word.length); at += word.length + 1;
			const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
			if (lines.size > 1) out.push(word);
		}
		return out; }).join()`)
	assert.Empty(t, split, "stage names broken inside a word")
	b.assertNoErrors(t)
}

// TestItemDialogTitleFirstAndFits: the new-item dialog of a deal starts
// with «Название», has no «Родительский элемент», and «Создать» is in view
// at 1366×768 and at 768×768.
func TestItemDialogTitleFirstAndFits(t *testing.T) {
	b, _ := openBoard(t)
	for _, w := range []int64{1366, 768} {
		b.viewport(t, w, 768)
		click(t, b, `[data-testid="add-item"]`)
		b.waitFor(t, b.exists(`[data-testid="item-dialog"]`))
		assert.Equal(t, "TITLE", b.eval(t, `document.querySelector('.item-dialog__form input, .item-dialog__form select').dataset.field || ""`))
		assert.Equal(t, "", b.eval(t, `document.querySelector('[data-testid="item-parent"]') ? "a parent element for a deal" : ""`))
		assert.Equal(t, "true", b.eval(t, `String((() => { const r = document.querySelector('[data-testid="item-submit"]').getBoundingClientRect();
			return r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; })())`), "«Создать» below the fold at %d px", w)
		b.screenshot(t, fmt.Sprintf("item-dialog-%d", w))
		b.press(t, kb.Escape)
		b.waitFor(t, b.gone(`[data-testid="item-dialog"]`))
	}
	b.assertNoErrors(t)
}

// TestDesignerScenarioTitle: new scenarios are numbered, the designer
// shows the title and renames it in place with the keyboard.
func TestDesignerScenarioTitle(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	for i, want := range []string{"Новый сценарий", "Новый сценарий 2"} {
		b.openHome(t, base)
		b.waitRows(t, i)
		b.click(t, `[data-testid="home-new"]`)
		b.waitFor(t, `location.pathname === "/design"`)
		b.waitFor(t, fmt.Sprintf(`document.querySelector('[data-testid="scenario-title"]')?.textContent === %q`, want))
	}
	b.eval(t, `(document.querySelector('[data-testid="scenario-title-rename"]').focus(), "")`)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="scenario-title-input"]`)+` || document.activeElement === document.querySelector('[data-testid="scenario-title-input"]')`)
	b.eval(t, `(document.activeElement.select(), "")`)
	for _, r := range "Оплата" {
		b.press(t, string(r))
	}
	b.press(t, kb.Enter)
	b.waitFor(t, `document.querySelector('[data-testid="scenario-title"]')?.textContent === "Оплата"`)
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.textContent === "Сохранено"`)
	b.openHome(t, base)
	assert.ElementsMatch(t, []string{"Оплата", "Новый сценарий"}, b.rows(t))
	b.assertNoErrors(t)
}
