//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedExample is the article's scenario: DEAL_1 in NEW, a CALL trigger on
// PREPARATION, EMAIL_LINK on PREPAYMENT_INVOICE, INVOICE on EXECUTING.
const seedExample = "/simulate?example=07-seed-article.json"

// stageOf is JS giving the data-stage of the column holding a card.
func stageOf(target string) string {
	return `(document.querySelector('[data-target="` + target + `"]')?.closest('[data-stage]')?.dataset.stage || "")`
}

// openBoard opens the seed example's board and waits for its card.
func openBoard(t *testing.T) (*browser, string) {
	t.Helper()
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+seedExample)
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	return b, base
}

// setSelect chooses an option of a select and lets go-app see the change.
func setSelect(t testing.TB, b *browser, selector, value string) {
	t.Helper()
	b.eval(t, `(() => { const s = document.querySelector('`+selector+`'); s.value = '`+value+`';
		s.dispatchEvent(new Event('change', {bubbles: true})); return ""; })()`)
}

// typeInto sets an input's value and fires its input event.
func typeInto(t testing.TB, b *browser, selector, value string) {
	t.Helper()
	b.eval(t, `(() => { const i = document.querySelector('`+selector+`'); i.value = '`+value+`';
		i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true})); return ""; })()`)
}

func click(t testing.TB, b *browser, selector string) {
	t.Helper()
	b.waitFor(t, `!!document.querySelector('`+selector+`')`)
	b.eval(t, `(document.querySelector('`+selector+`').click(), "")`)
}

func TestBoardFireEventThroughDialog(t *testing.T) {
	b, _ := openBoard(t)

	// The board shows the stage chips and the card's data.
	assert.Equal(t, "PREPARATION", b.eval(t, `document.querySelector('[data-trigger="t-zvonok"]').closest('[data-stage]').dataset.stage`))
	assert.Contains(t, b.text(t, `[data-target="DEAL_1"] .board__card-amount`), "120\u00a0000\u00a0₽")
	assert.Equal(t, "2026-01-12T09:00:00+03:00", b.eval(t, `document.querySelector('[data-clock]').dataset.clock`))
	b.screenshot(t, "board-ru")

	click(t, b, `[data-target="DEAL_1"] [data-testid="card-fire"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="event-dialog"]')`)
	setSelect(t, b, `[data-testid="event-code"]`, "CALL")
	b.waitFor(t, `!!document.querySelector('input[data-key="LINE_NUMBER"]')`)
	typeInto(t, b, `input[data-key="LINE_NUMBER"]`, "+74952223344")
	click(t, b, `[data-testid="event-submit"]`)

	b.waitFor(t, stageOf("DEAL_1")+` === "PREPARATION"`)
	b.waitFor(t, `document.querySelector('[data-trigger="t-zvonok"]').classList.contains('board__chip--lit')`)
	explain := b.text(t, `[data-testid="explain"]`)
	assert.Contains(t, explain, "Триггер «Клиент позвонил — готовим КП» сработал")
	assert.Contains(t, explain, "Робот «Отправить КП» выполнен")
	assert.Equal(t, "", b.eval(t, `document.querySelector('[data-testid="event-dialog"]') ? "dialog still open" : ""`))
	b.settle(t)
	b.screenshot(t, "explain")
	b.assertNoErrors(t)
}

func TestBoardDragAndKeyboardMove(t *testing.T) {
	b, _ := openBoard(t)

	// HTML5 drag and drop, with the events a browser sends.
	b.eval(t, `(() => {
		const card = document.querySelector('[data-target="DEAL_1"]');
		const col = document.querySelector('[data-stage="PREPAYMENT_INVOICE"]');
		const dt = new DataTransfer();
		card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
		col.dispatchEvent(new DragEvent('dragenter', {bubbles: true, dataTransfer: dt}));
		col.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));
		col.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));
		card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));
		return "";
	})()`)
	b.waitFor(t, stageOf("DEAL_1")+` === "PREPAYMENT_INVOICE"`)
	// A manual move runs the stage's robots: the task robot ran.
	b.waitFor(t, `document.querySelector('[data-testid="explain"]').textContent.includes("Выставить счёт")`)

	// The keyboard alternative: the card's move menu.
	click(t, b, `[data-target="DEAL_1"] [data-testid="card-move"]`)
	click(t, b, `[data-testid="move-to"][data-stage="EXECUTING"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "EXECUTING"`)

	// Undo replays the actions before the last one.
	click(t, b, `[data-testid="clock-undo"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "PREPAYMENT_INVOICE"`)
	click(t, b, `[data-testid="clock-redo"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "EXECUTING"`)
	b.assertNoErrors(t)
}

func TestBoardPlayToTheEnd(t *testing.T) {
	b, _ := openBoard(t)
	start := b.eval(t, `document.querySelector('[data-clock]').dataset.clock`)

	// Play at one day per second until the clock moves.
	setSelect(t, b, `[data-testid="clock-speed"]`, "4")
	click(t, b, `[data-testid="clock-play"]`)
	b.waitFor(t, `document.querySelector('[data-clock]').dataset.clock !== "`+start+`"`)
	click(t, b, `[data-testid="clock-pause"]`)

	// Run to the end of the script: the deal ends in EXECUTING and every
	// expectation of the scenario holds.
	click(t, b, `[data-testid="clock-end"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "EXECUTING" && !document.querySelector('.clock-bar__progress')`)
	end := b.eval(t, `document.querySelector('[data-clock]').dataset.clock`)
	assert.Equal(t, "2026-01-14T14:00:00+03:00", end)
	click(t, b, `[data-panel="checks"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="checks"]')`)
	assert.Equal(t, "0", b.eval(t, `String(document.querySelectorAll('[data-pass="false"]').length)`))
	assert.Equal(t, "10", b.eval(t, `String(document.querySelectorAll('[data-pass="true"]').length)`))

	// The script's events are all marked as played.
	click(t, b, `[data-panel="timeline"]`)
	b.waitFor(t, `document.querySelectorAll('.timeline__row--played').length === 5`)

	// Start over.
	click(t, b, `[data-testid="clock-reset"]`)
	b.waitFor(t, `document.querySelector('[data-clock]').dataset.clock === "`+start+`"`)
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	b.assertNoErrors(t)
}

func TestBoardLanguageSwitch(t *testing.T) {
	b, _ := openBoard(t)
	require.True(t, strings.HasPrefix(b.text(t, `[data-clock]`), "пн, 12 января 2026"))
	click(t, b, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-clock]').textContent.startsWith("Mon, 12 January 2026")`)
	assert.Equal(t, "Event", strings.TrimSpace(b.text(t, `[data-target="DEAL_1"] [data-testid="card-fire"]`)))
	click(t, b, `[data-target="DEAL_1"] [data-testid="card-move"]`)
	click(t, b, `[data-testid="move-to"][data-stage="PREPARATION"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "PREPARATION"`)
	b.settle(t)
	b.screenshot(t, "board-en")
	b.assertNoErrors(t)
}

func TestBoardWithoutScenario(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/simulate")
	assert.Equal(t, "Сценарий не открыт", b.text(t, `[data-testid="board-message"] h1`))
	assert.Equal(t, "/", b.eval(t, `document.querySelector('[data-testid="board-message"] a').getAttribute("href")`))
	b.assertNoErrors(t)
}

// TestBoardManyItemsRenderAPage: a board of many deals renders only the
// first cards of each column (data-rendered), counts them all
// (data-count), and "show more" renders more.
func TestBoardManyItemsRenderAPage(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+seedExample+"&items=199")
	b.waitFor(t, `document.querySelector('.board-page__tab-count')?.textContent === "200"`)
	cols := `[...document.querySelectorAll('.board__column')]`
	assert.Equal(t, "200", b.eval(t, `String(`+cols+`.reduce((n, c) => n + Number(c.dataset.count), 0))`))
	// Every column says how many cards it has in the page, and no more than a page.
	assert.Equal(t, "true", b.eval(t, `String(`+cols+`.every(c => Number(c.dataset.rendered) === c.querySelectorAll('.board__card').length && Number(c.dataset.rendered) <= 20))`))
	assert.Equal(t, "20", b.eval(t, `document.querySelector('[data-stage="NEW"]').dataset.rendered`))
	assert.Equal(t, "41", b.eval(t, `document.querySelector('[data-stage="NEW"]').dataset.count`))

	click(t, b, `[data-stage="NEW"] [data-testid="column-more"]`)
	b.waitFor(t, `document.querySelector('[data-stage="NEW"]').dataset.rendered === "41"`)
	assert.Equal(t, "41", b.eval(t, `String(document.querySelectorAll('[data-stage="NEW"] .board__card').length)`))
	assert.Equal(t, "false", b.eval(t, `String(!!document.querySelector('[data-stage="NEW"] [data-testid="column-more"]'))`))
	b.assertNoErrors(t)
}

// TestBoardMoveKeepsTheOtherCards checks that a move touches only the
// card that moved: the other cards of both columns keep their DOM nodes
// (go-app alone matched cards by position, so every card after a moved
// one was rewritten with the next card's content), the order stays the
// engine's, and the column's own children stay after its cards.
func TestBoardMoveKeepsTheOtherCards(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+seedExample+"&items=199")
	b.waitFor(t, `document.querySelector('.board-page__tab-count')?.textContent === "200"`)
	// Tag every card node with the item it shows.
	b.eval(t, `(document.querySelectorAll('.board__card').forEach(c => { c.__shown = c.dataset.target; }), "")`)
	order := func(stage string) string {
		return b.eval(t, `[...document.querySelectorAll('[data-stage="`+stage+`"] .board__card')].map(c => c.dataset.target).join(" ")`)
	}
	before := strings.Fields(order("NEW"))
	require.Len(t, before, 20)
	require.Equal(t, "DEAL_1", before[0])
	prep := strings.Fields(order("PREPARATION"))
	require.Len(t, prep, 20)

	click(t, b, `[data-target="DEAL_1"] [data-testid="card-move"]`)
	click(t, b, `[data-testid="move-to"][data-stage="PREPARATION"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "PREPARATION"`)

	// No node shows another item than before; 19 of NEW's cards kept
	// theirs, one came in at the end of the page; PREPARATION's 19 first
	// cards kept theirs after the one that came in at the top.
	assert.Equal(t, "0", b.eval(t, `String([...document.querySelectorAll('.board__card')].filter(c => c.__shown && c.__shown !== c.dataset.target).length)`))
	assert.Equal(t, "19", b.eval(t, `String([...document.querySelectorAll('[data-stage="NEW"] .board__card')].filter(c => c.__shown).length)`))
	after := strings.Fields(order("NEW"))
	require.Len(t, after, 20)
	assert.Equal(t, before[1:], after[:19])
	assert.Equal(t, append([]string{"DEAL_1"}, prep[:19]...), strings.Fields(order("PREPARATION")))
	assert.Equal(t, "19", b.eval(t, `String([...document.querySelectorAll('[data-stage="PREPARATION"] .board__card')].filter(c => c.__shown).length)`))
	assert.Equal(t, "column-more", b.eval(t, `document.querySelector('[data-stage="NEW"] .board__cards').lastElementChild.dataset.testid`))
	assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-target="DEAL_1"]').classList.contains('board__card--moved'))`))

	// Back: both columns are as they were.
	click(t, b, `[data-target="DEAL_1"] [data-testid="card-move"]`)
	click(t, b, `[data-testid="move-to"][data-stage="NEW"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	assert.Equal(t, before, strings.Fields(order("NEW")))
	assert.Equal(t, "0", b.eval(t, `String([...document.querySelectorAll('.board__card')].filter(c => c.__shown && c.__shown !== c.dataset.target).length)`))
	assert.Equal(t, "1", b.eval(t, `String(document.querySelectorAll('.board__card--moved').length)`))
	assert.Equal(t, prep, strings.Fields(order("PREPARATION")))
	b.assertNoErrors(t)
}
