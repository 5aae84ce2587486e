//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedWords are the names a person types and the wording the app answers
// with, in one interface language.
type seedWords struct {
	lang                        string
	linkName, callName, payName string
	stageNew, stagePrep         string
	stagePrepay, stageFinal     string
	fired, notFired             string // "Триггер «%s» сработал" split around the name
	firedTail, notFiredTail     string
	dealTitle                   string
	explainTriggers             string
}

var seedRU = seedWords{
	lang:     "ru",
	linkName: "Клиент открыл КП", callName: "Клиент перезвонил — выставить счёт", payName: "Оплата счета",
	stageNew: "Новая", stagePrep: "Подготовка документов", stagePrepay: "Счёт на предоплату", stageFinal: "Финальный счёт",
	fired: "Триггер «", firedTail: "» сработал", notFired: "Триггер «", notFiredTail: "» (стадия «Подготовка документов») не сработал",
	dealTitle: "Поставка для ООО «Северный ветер»", explainTriggers: "Триггеры",
}

var seedEN = seedWords{
	lang:     "en",
	linkName: "Client opened the offer", callName: "Client called back — send the invoice", payName: "Invoice paid",
	stageNew: "New", stagePrep: "Create papers", stagePrepay: "Invoice", stageFinal: "Final invoice",
	fired: "Trigger «", firedTail: "» fired", notFired: "Trigger «", notFiredTail: "» (stage «Create papers») did not fire",
	dealTitle: "Supply for North Wind Ltd", explainTriggers: "Triggers",
}

// TestSeedArticle is the browser app's "done when": starting from a blank
// scenario, a person builds the seed article's scenario in the designer (a
// link-click trigger, an incoming-call trigger and «Оплата счета», each with
// its standard settings), creates a deal on the board, fires the events
// and watches the deal move with the reasons shown; in Russian, then in
// English.
func TestSeedArticle(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/")
	runSeed(t, b, seedRU, "seed-1", "seed-2", "seed-3")

	// Once more in English, from the home page.
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.click(t, `a.header__link[href="/"]`)
	runSeed(t, b, seedEN, "", "", "seed-4")
	b.assertNoErrors(t)
}

func runSeed(t *testing.T, b *browser, w seedWords, shotDesign, shotLink, shotEnd string) {
	t.Helper()
	// A blank scenario from the home page opens in the designer.
	b.click(t, `[data-testid="home-new"]`)
	b.waitFor(t, b.exists(`.designer-column[data-stage="FINAL_INVOICE"]`))
	assert.Equal(t, w.stagePrep, b.text(t, `[data-stage="PREPARATION"] .designer-column__name`))

	// «Переход по ссылке из письма» on PREPARATION: a link prefix, a
	// condition on the amount, run on behalf of the administrator.
	addTrigger(t, b, "PREPARATION", "EMAIL_LINK")
	b.setValue(t, `[data-testid="trigger-setting-url"]`, "https://severnyi-veter.example/kp/")
	fillStandard(t, b, w.linkName, ">=", "50000", "1", false)
	// «Входящий звонок» on PREPAYMENT_INVOICE: a line, on behalf of the
	// responsible.
	addTrigger(t, b, "PREPAYMENT_INVOICE", "CALL")
	b.setValue(t, `[data-testid="trigger-setting-LINE_NUMBER"]`, "+74952223344")
	fillStandard(t, b, w.callName, ">", "0", "responsible", false)
	// «Оплата счета» on FINAL_INVOICE, moving back allowed.
	addTrigger(t, b, "FINAL_INVOICE", "INVOICE")
	fillStandard(t, b, w.payName, ">", "0", "1", true)

	assert.Equal(t, w.linkName, b.text(t, `[data-stage="PREPARATION"] [data-trigger="t1"] .trigger-chip__name`))
	assert.Equal(t, w.callName, b.text(t, `[data-stage="PREPAYMENT_INVOICE"] [data-trigger="t2"] .trigger-chip__name`))
	assert.Equal(t, w.payName, b.text(t, `[data-stage="FINAL_INVOICE"] [data-trigger="t3"] .trigger-chip__name`))
	assert.Equal(t, "true", b.eval(t, `String(!!document.querySelector('[data-trigger="t3"] .designer-mark--back'))`))
	assert.Equal(t, "", b.eval(t, `document.querySelector('[data-testid="designer-error"]')?.textContent || ""`))
	if shotDesign != "" {
		viewShot(t, b, shotDesign)
	}

	// The board: a new deal in the first stage.
	b.click(t, `a.header__link[href^="/simulate"]`)
	b.click(t, `[data-testid="add-item"]`)
	b.waitFor(t, b.exists(`[data-testid="item-dialog"] [data-field="TITLE"]`))
	typeInto(t, b, `[data-testid="item-dialog"] [data-field="TITLE"]`, w.dealTitle)
	typeInto(t, b, `[data-testid="item-dialog"] [data-field="OPPORTUNITY"]`, "120000")
	b.click(t, `[data-testid="item-submit"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	assert.Contains(t, b.text(t, `[data-target="DEAL_1"]`), w.dealTitle)

	// A click on a link the trigger does not watch: no move, and why.
	fireOn(t, b, "EMAIL_LINK", "url", "https://example.com/price")
	b.waitFor(t, `document.querySelector('[data-testid="explain"]').textContent.includes(`+jsString(w.notFired+w.linkName+w.notFiredTail)+`)`)
	assert.Equal(t, "NEW", b.eval(t, stageOf("DEAL_1")))

	// The offer's link: the deal moves to PREPARATION.
	fireOn(t, b, "EMAIL_LINK", "url", "https://severnyi-veter.example/kp/2026-01")
	expectMove(t, b, w, "PREPARATION", w.linkName, w.stageNew, w.stagePrep)
	if shotLink != "" {
		b.settle(t)
		viewShot(t, b, shotLink)
	}
	// The client calls the line: PREPAYMENT_INVOICE.
	fireOn(t, b, "CALL", "LINE_NUMBER", "+74952223344")
	expectMove(t, b, w, "PREPAYMENT_INVOICE", w.callName, w.stagePrep, w.stagePrepay)
	// The invoice is paid: FINAL_INVOICE.
	fireOn(t, b, "INVOICE", "", "")
	expectMove(t, b, w, "FINAL_INVOICE", w.payName, w.stagePrepay, w.stageFinal)
	b.settle(t)
	viewShot(t, b, shotEnd)
}

// addTrigger places a trigger from the catalogue; its settings open.
func addTrigger(t *testing.T, b *browser, stage, code string) {
	t.Helper()
	b.click(t, `[data-stage="`+stage+`"] [data-testid="add-trigger"]`)
	b.click(t, `[data-testid="trigger-catalog"] [data-code="`+code+`"]`)
	b.click(t, `[data-testid="catalog-add"]`)
	b.waitFor(t, b.exists(`[data-testid="trigger-dialog"]`))
}

// fillStandard fills «Стандартные настройки» — name, «При условии» on the
// amount, «Изменять стадию от имени», «Разрешить переход на предыдущий
// статус» — and saves.
func fillStandard(t *testing.T, b *browser, name, op, amount, by string, back bool) {
	t.Helper()
	b.setValue(t, `[data-testid="trigger-name"]`, name)
	b.click(t, `[data-testid="trigger-condition-add"]`)
	b.waitFor(t, b.exists(`#trigger-cond-0-field`))
	b.setValue(t, `#trigger-cond-0-field`, "OPPORTUNITY")
	b.setValue(t, `#trigger-cond-0-op`, op)
	b.waitFor(t, b.exists(`#trigger-cond-0-value`))
	b.setValue(t, `#trigger-cond-0-value`, amount)
	b.setValue(t, `[data-testid="trigger-execby"]`, by)
	if back {
		b.click(t, `#trigger-back`)
	}
	b.click(t, `[data-testid="trigger-save"]`)
	b.waitFor(t, b.gone(`[data-testid="trigger-dialog"]`))
}

// fireOn fires an event on DEAL_1 through its card's event dialog.
func fireOn(t *testing.T, b *browser, code, key, value string) {
	t.Helper()
	click(t, b, `[data-target="DEAL_1"] [data-testid="card-fire"]`)
	b.waitFor(t, b.exists(`[data-testid="event-dialog"]`))
	setSelect(t, b, `[data-testid="event-code"]`, code)
	b.waitFor(t, b.exists(`[data-testid="event-dialog"] form[data-code="`+code+`"]`))
	if key != "" {
		b.waitFor(t, b.exists(`input[data-key="`+key+`"]`))
		typeInto(t, b, `input[data-key="`+key+`"]`, value)
	}
	click(t, b, `[data-testid="event-submit"]`)
	b.waitFor(t, b.gone(`[data-testid="event-dialog"]`))
}

// expectMove waits for the card in stage and for the explanation: the
// trigger fired and moved the deal from one stage to the next.
func expectMove(t *testing.T, b *browser, w seedWords, stage, trigger, from, to string) {
	t.Helper()
	b.waitFor(t, stageOf("DEAL_1")+` === "`+stage+`"`)
	// The board scrolls sideways to the card's new column.
	b.waitFor(t, `(() => { const c = document.querySelector('[data-stage="`+stage+`"]').getBoundingClientRect(),
		r = document.querySelector('.board').getBoundingClientRect(); return c.left >= r.left - 1 && c.right <= r.right + 1; })()`)
	explain := b.text(t, `[data-testid="explain"]`)
	assert.Contains(t, explain, w.fired+trigger+w.firedTail)
	assert.Contains(t, explain, "«"+from+"»")
	assert.Contains(t, explain, "«"+to+"»")
	assert.Contains(t, explain, w.explainTriggers)
}

func jsString(s string) string {
	out := []rune{'"'}
	for _, r := range s {
		switch r {
		case '"', '\\':
			out = append(out, '\\', r)
		default:
			out = append(out, r)
		}
	}
	return string(append(out, '"'))
}

// viewShot saves what the window shows into e2e/artifacts/name.png: a
// full-page capture resizes the page and loses the board's sideways
// scroll, which is what shows the moved card.
func viewShot(t *testing.T, b *browser, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err, "screenshot %s", name)
	err = os.MkdirAll("artifacts", 0o755)
	require.NoError(t, err)
	path := filepath.Join("artifacts", name+".png")
	err = os.WriteFile(path, png, 0o644)
	require.NoError(t, err)
	t.Logf("screenshot: e2e/%s", path)
}
