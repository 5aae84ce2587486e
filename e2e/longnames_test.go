//go:build e2e

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// longNamesScenario has a long Russian stage name, a long trigger and
// robot name without a break, and a deal title of one very long word.
const longNamesScenario = `{"format": "triggersim/scenario", "version": 1, "title": "Длинные имена", "locale": "ru",
 "entities": [{"type": "DEAL", "pipelines": [{"id": 0, "name": "Общая", "stages": [
   {"id": "NEW", "name": "Новая", "semantics": "process"},
   {"id": "LONG", "name": "Согласование коммерческого предложения с юридическим департаментом", "semantics": "process"},
   {"id": "WON", "name": "Сделка успешна", "semantics": "success"},
   {"id": "JUNK", "name": "Некачественный лид", "semantics": "failure"}]}]}],
 "triggers": [{"id": "t1", "entity": "DEAL", "stage": "LONG", "code": "CALL", "name": "Триггервходящегозвонкасоченьдлиннымназваниембезпробелов"}],
 "robots": [{"id": "r1", "entity": "DEAL", "stage": "LONG", "type": "Notify", "name": "Уведомитьответственногоменеджераосделкесоченьдлиннымназванием",
   "params": {"text": "Проверьтесделкупромышленногооборудованиядлясклада"}, "delay": {"type": "after", "value": 1, "unit": "d"}}],
 "items": [{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "Поставкапромышленногооборудованиядляскладаномерчетыретысячивосемьсот"}}]}`

// overflowing is JS: the elements under root whose content is wider than
// their box (text running out of the panel).
func overflowing(root string) string {
	return `JSON.stringify([...document.querySelectorAll('` + root + `, ` + root + ` *')]
		.filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "auto" && getComputedStyle(e).overflowX !== "scroll")
		.map(e => e.className || e.tagName))`
}

// brokenWords is JS: the words of the elements matching sel that the
// browser split across two lines («Некачественн|ый»).
func brokenWords(sel string) string {
	return `JSON.stringify([...document.querySelectorAll('` + sel + `')].flatMap(el => {
		const out = [], walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			for (const m of n.data.matchAll(/\S+/g)) {
				const r = document.createRange();
				r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
				const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
				if (tops.size > 1) out.push(m[0]);
			}
		}
		return out; }))`
}

// TestLongNamesFit: long names stay inside the explanation panel and the
// item's history, and stage headers on the board and in the designer wrap
// between words only, at 1366 and 768 px.
func TestLongNamesFit(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "long.json", longNamesScenario))
	b.waitRows(t, 1)
	b.click(t, b.rowSelector(t, "Длинные имена")+` [data-testid="simulate"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	fireOn(t, b, "CALL", "", "")
	b.waitFor(t, stageOf("DEAL_1")+` === "LONG"`)
	b.waitFor(t, `document.querySelector('[data-testid="explain"]')?.textContent.includes("Уведомитьответственного")`)
	for _, w := range []int64{1366, 768} {
		b.viewport(t, w, 768)
		b.settle(t)
		assert.Equal(t, "[]", b.eval(t, overflowing(`[data-testid="explain"]`)), "explanation at %d px", w)
		assert.Equal(t, "[]", b.eval(t, overflowing(`[data-target="DEAL_1"]`)), "card at %d px", w)
		assert.Equal(t, "[]", b.eval(t, brokenWords(`.board__stage`)), "board stage names at %d px", w)
		assert.Equal(t, "Согласование коммерческого предложения с юридическим департаментом",
			b.eval(t, `document.querySelector('[data-stage="LONG"] .board__stage').title`))
		b.screenshot(t, "long-names-board-"+map[int64]string{1366: "1366", 768: "768"}[w])
	}

	// The designer's stage heads.
	b.viewport(t, 1366, 768)
	b.click(t, `.header__link[data-nav="/design"]`)
	b.waitFor(t, b.exists(`[data-stage="LONG"] .designer-column__name`))
	b.settle(t)
	assert.Equal(t, "[]", b.eval(t, brokenWords(`.designer-column__name`)), "designer stage names")
	assert.Equal(t, "[]", b.eval(t, overflowing(`[data-stage="LONG"]`)), "designer column")
	b.screenshot(t, "long-names-designer")
	b.assertNoErrors(t)
}
