//go:build e2e

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// offButtons lists, as "page: class «text» why" lines, every visible
// button or button-styled link whose text is transformed (UPPERCASE) or that
// still wears one of the old per-page button families instead of .button.
const offButtons = `(() => {
	const legacy = /^(designer-button|home-button|teach-button|whatif__button|clock-bar__button)/;
	const out = [];
	for (const el of document.querySelectorAll('button, a[class*="button"], label[class*="button"]')) {
		const r = el.getBoundingClientRect();
		if (r.width === 0 && r.height === 0) continue;
		const why = [];
		if (getComputedStyle(el).textTransform !== "none") why.push("text-transform " + getComputedStyle(el).textTransform);
		if ([...el.classList].some(c => legacy.test(c))) why.push("old button class");
		if (/--primary\b/.test(el.className) && !el.classList.contains("button")) why.push("primary outside .button");
		if (why.length) out.push(el.className + " «" + el.textContent.trim().slice(0, 30) + "» " + why.join(", "));
	}
	return out.join("\n");
})()`

// TestButtonsOneSystem: on the main pages every button is in normal case
// and no button uses one of the old per-page families (issue 11: the board
// had UPPERCASE buttons, the other pages normal case).
func TestButtonsOneSystem(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.viewport(t, 1366, 768)
	want := map[string]bool{"home": true, "designer": true, "board": true, "whatif": true, "lessons": true, "quiz": true, "narration": true}
	seen := 0
	for _, p := range pages("ru") {
		if !want[p.name] {
			continue
		}
		seen++
		b.openPage(t, base, p)
		if p.name != "quiz" { // the quiz's answers are its own cards
			assert.NotEqual(t, "0", b.eval(t, `String(document.querySelectorAll("button.button, a.button").length)`), p.name)
		}
		assert.Empty(t, b.eval(t, offButtons), "buttons off the system on %s", p.name)
	}
	assert.Equal(t, len(want), seen)
	b.assertNoErrors(t)
}

// TestEmptyStatesLookAlike: every page with nothing to show uses the one
// empty-state block, and its primary action looks the same everywhere
// (issue 11: the empty-state button was green on one page, blue on another).
func TestEmptyStatesLookAlike(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.viewport(t, 1366, 768)
	style := `(() => { const a = document.querySelector('[data-empty-state] .empty-state__action'), s = getComputedStyle(a);
		return [s.backgroundColor, s.color, s.borderRadius, s.textTransform, s.fontSize, a.classList.contains("button--primary")].join(" | "); })()`
	empty := []struct{ path, testid string }{
		{"/", "home-empty"},
		{"/whatif", "whatif-message"},
		{"/design", "designer-empty"},
		{"/simulate", "board-message"},
		{"/results", "results-empty"},
		{"/quiz", "quiz-empty"},
	}
	looks := map[string]string{}
	for _, e := range empty {
		b.open(t, base+e.path)
		b.waitFor(t, b.exists(`[data-empty-state][data-testid="`+e.testid+`"]`))
		assert.Equal(t, "1", b.eval(t, `String(document.querySelectorAll("[data-empty-state]").length)`), e.path)
		looks[e.path] = b.eval(t, style)
	}
	assert.Equal(t, "rgb(187, 237, 33) | rgb(83, 92, 105) | 17px | none | 13px | true", looks["/"])
	for _, e := range empty {
		assert.Equal(t, looks["/"], looks[e.path], "the empty state's action on %s differs from the home page's", e.path)
	}
	b.assertNoErrors(t)
}
