//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A scenario that names a stage its entity does not have is refused with
// the JSON path and a message in the interface language, and the message
// follows the language switch.
func TestHomeCrossReferenceErrorInInterfaceLanguage(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)

	b.upload(t, writeTemp(t, "stage.json", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}],
 "items": [{"id": 1, "entity": "DEAL", "stage": "FOO"}]}`))
	b.waitFor(t, b.exists(`[data-testid="import-errors"]`))
	const msg = `[data-testid="import-errors"] .home-errors__msg`
	assert.Equal(t, "items[0].stage", b.text(t, `[data-testid="import-errors"] [data-testid="error-path"]`))
	assert.Equal(t, `неизвестная стадия "FOO" в DEAL`, b.text(t, msg))

	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-testid="import-errors"] .home-errors__msg')?.textContent.startsWith("unknown")`)
	assert.Equal(t, `unknown stage "FOO" in DEAL`, b.text(t, msg))
	b.assertNoErrors(t)
}

// A Bitrix24 REST output the import refuses names the record at fault in
// the interface language, in Russian and after the switch in English.
func TestHomeBitrix24ErrorsInInterfaceLanguage(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)

	cats := writeTemp(t, "categories.json", `{"result": {"categories": []}}`)
	stats := writeTemp(t, "statuses.json", `{"result": [{"ID": "7", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "SORT": true}]}`)
	b.click(t, `[data-testid="home-b24"]`)
	b.waitFor(t, b.exists(`[data-testid="b24-dialog"]`))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="b24-categories"]`), []string{cats})))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="b24-statuses"]`), []string{stats})))
	b.waitFor(t, `document.querySelectorAll('[data-testid="b24-dialog"] .home-field__hint').length === 2`)
	b.click(t, `[data-testid="b24-import"]`)
	b.waitFor(t, b.exists(`[data-testid="import-errors"]`))
	const msg = `[data-testid="import-errors"] .home-errors__msg`
	assert.Equal(t, "crm.status.list[0] (ID 7): SORT: ожидалось целое число, а в файле: логическое значение", b.text(t, msg))

	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-testid="import-errors"] .home-errors__msg')?.textContent.includes("expected")`)
	assert.Equal(t, "crm.status.list[0] (ID 7): SORT: expected an integer, got a boolean", b.text(t, msg))
	assert.Empty(t, b.rows(t), "nothing is imported")
	b.assertNoErrors(t)
}

// A recorded event history with a bad row is refused on the what-if page
// with its line, column and message in the interface language.
func TestWhatifReplayErrorsInInterfaceLanguage(t *testing.T) {
	b := openWhatif(t, "")
	history := writeTemp(t, "history.csv", "time,code,target,data\n+1h,SMS,DEAL_1,\n")
	const upload = `[data-testid="whatif-replay-file"]`
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(upload), []string{history})))
	b.waitFor(t, `!!document.querySelector('[data-testid="whatif-error"]')`)
	ru := b.text(t, `[data-testid="whatif-error"]`)
	assert.Contains(t, ru, `history.csv: строка 2, столбец code: ожидался код триггера, CREATE, UPDATE или MOVE, а в файле: "SMS"`)

	click(t, b, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.documentElement.lang === "en"`)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(upload), []string{writeTemp(t, "history.csv", "time,code,target,data\n+1h,SMS,DEAL_1,\n")})))
	b.waitFor(t, `document.querySelector('[data-testid="whatif-error"]')?.textContent.includes("line 2")`)
	assert.Contains(t, b.text(t, `[data-testid="whatif-error"]`), `history.csv: line 2, column code: expected a trigger code, CREATE, UPDATE or MOVE, got "SMS"`)
	assert.Equal(t, "false", b.eval(t, `String(!!document.querySelector('[data-testid="whatif-replay"]'))`), "no history is kept")
}
