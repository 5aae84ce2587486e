//go:build e2e

package e2e

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/langcheck"
)

// TestWhatifRunsAndSweep runs replications and a sweep on the what-if
// page: intervals appear as whiskers and a band, the best point is named,
// and a long batch can be cancelled.
func TestWhatifRunsAndSweep(t *testing.T) {
	b := openWhatif(t, "&days=5")
	b.waitFor(t, b.exists(`[data-testid="lab-run"]`))
	b.setValue(t, `[data-testid="lab-runs"]`, "3")
	b.click(t, `[data-testid="lab-run"]`)
	b.waitFor(t, b.exists(`[data-testid="lab-result"][data-kind="runs"][data-runs="3"]`))
	b.waitFor(t, b.exists(`[data-testid="lab-result"] svg [data-whisker="1"]`))
	assert.Contains(t, b.text(t, `[data-testid="lab-result"]`), "среднее за 3 прогонов")
	assert.Equal(t, "workers", b.eval(t, `document.querySelector('[data-testid="lab-result"]').dataset.ranIn`),
		"the batch ran in the lab's workers, off the page's thread")

	// A sweep of the share of customers who pay the invoice.
	b.setValue(t, `[data-testid="lab-path"]`, "whatif.events[2].probability")
	b.setValue(t, `[data-testid="lab-from"]`, "0,2")
	b.setValue(t, `[data-testid="lab-to"]`, "0.8")
	b.setValue(t, `[data-testid="lab-step"]`, "0.3")
	b.setValue(t, `[data-testid="lab-kpi"]`, "stage/DEAL/EXECUTING/items")
	b.setValue(t, `[data-testid="lab-runs"]`, "2")
	b.click(t, `[data-testid="lab-sweep"]`)
	b.waitFor(t, b.exists(`[data-testid="lab-result"][data-kind="sweep"]`))
	b.waitFor(t, b.exists(`[data-testid="lab-result"] svg [data-band="1"]`))
	b.waitFor(t, b.exists(`[data-testid="lab-result"] svg [data-best="1"]`))
	assert.Contains(t, b.text(t, `[data-testid="lab-result"]`), "Лучшая точка по «stage/DEAL/EXECUTING/items»")

	// A bad path is refused with the reader's path.
	b.setValue(t, `[data-testid="lab-path"]`, "robots[9].delay.value")
	b.click(t, `[data-testid="lab-sweep"]`)
	b.waitFor(t, `(document.querySelector('[data-testid="lab-error"]')||{}).textContent?.includes("robots[9].delay.value")`)

	// A long batch shows progress and stops on cancel; the page stays usable.
	b.setValue(t, `[data-testid="lab-path"]`, "")
	b.setValue(t, `[data-testid="lab-runs"]`, "200")
	b.click(t, `[data-testid="lab-run"]`)
	b.waitFor(t, b.exists(`[data-testid="lab-progress"]`))
	b.click(t, `[data-testid="lab-cancel"]`)
	b.waitFor(t, b.exists(`[data-testid="lab-msg"]`))
	b.waitFor(t, b.gone(`[data-testid="lab-progress"]`))
	assert.Equal(t, "Остановлено.", b.text(t, `[data-testid="lab-msg"]`))
	b.assertNoErrors(t)
}

// TestHomeCalibrate fits a scenario to two weeks of the shipped example
// history (e2e/testdata/history: two overlapping pages in reverse order) in
// the calibration dialog, shows the fit report with its charts and creates
// the scenario.
func TestHomeCalibrate(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	openCalibrate(t, b, nil)
	b.click(t, `[data-testid="cal-run"]`)
	b.waitFor(t, `document.querySelector('[data-testid="cal-dialog"]').textContent.includes("Выберите файлы crm.status.list и crm.stagehistory.list")`)
	openCalibrate(t, b, map[string]string{"cal-categories": "categories.json", "cal-statuses": "statuses.json",
		"cal-history": "stagehistory.json"})
	b.click(t, `[data-testid="cal-run"]`)
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](b.exists(`[data-testid="cal-report"] [data-chart="calibration-finals"] svg [data-ref="1"]`),
		chromedp.WithPollingTimeout(40*time.Second)))
	require.NoError(t, err, "no fit report: %v\n%s", err, b.text(t, `[data-testid="cal-dialog"]`))
	report := b.text(t, `[data-testid="cal-report"]`)
	assert.Contains(t, report, "Новых элементов: в истории 65")
	assert.Contains(t, report, "Смета и предоплата")
	b.screenshot(t, "home-calibrate-report")
	b.click(t, `[data-testid="cal-create"]`)
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`document.querySelectorAll('[data-testid="row-title"]').length === 1`,
		chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		b.assertNoErrors(t)
		require.FailNow(t, fmt.Sprintf("no scenario: %v\n%s", err, b.eval(t, `document.body.innerText.slice(0, 3000)`)))
	}
	assert.Equal(t, []string{"Калибровка по истории 05.01.2026 — 18.01.2026"}, b.rows(t))
	b.assertNoErrors(t)
}

// TestHomeCalibrateError gives the calibrate dialog a history file that is
// not crm.stagehistory.list output: the dialog says so in the interface
// language, naming the file and the JSON path at fault.
func TestHomeCalibrateError(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	openCalibrate(t, b, map[string]string{"cal-statuses": "statuses.json", "cal-history": "categories.json"})
	b.click(t, `[data-testid="cal-run"]`)
	b.waitFor(t, b.exists(`[data-testid="cal-error"]`))
	msg := b.text(t, `[data-testid="cal-error"]`)
	assert.Contains(t, msg, "Нельзя откалибровать по истории портала: categories.json: result: ожидался ответ REST")
	assert.Empty(t, langcheck.Problems(msg, "result"), msg) // the JSON path at fault
	// The worker worded it in both languages: the dialog follows a switch.
	click(t, b, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `(document.querySelector('[data-testid="cal-error"]')?.textContent || "").includes("Cannot calibrate from the portal's history")`)
	msg = b.text(t, `[data-testid="cal-error"]`)
	b.screenshot(t, "home-calibrate-error-en")
	assert.Contains(t, msg, "categories.json: result: ")
	assert.NotContains(t, msg, "ожидался")
	b.assertNoErrors(t)
}

// openCalibrate opens the home page's calibration dialog, unless it is
// open, and chooses files (input's test id → a file of e2e/testdata/history)
// in it, waiting until the dialog lists each.
func openCalibrate(tb testing.TB, b *browser, files map[string]string) {
	tb.Helper()
	if b.eval(tb, `String(!!document.querySelector('[data-testid="cal-dialog"]'))`) == "false" {
		b.click(tb, `[data-testid="home-calibrate"]`)
		b.waitFor(tb, b.exists(`[data-testid="cal-dialog"]`))
	}
	for id, name := range files {
		require.NoError(tb, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="`+id+`"]`), []string{historyFile(tb, name)})))
	}
	b.waitFor(tb, fmt.Sprintf(`document.querySelectorAll('[data-testid="cal-dialog"] .home-field__hint').length === %d`, len(files)))
}

// historyFile is the absolute path of a shipped Bitrix24 history file
// (e2e/testdata/history), as the file input's upload needs it.
func historyFile(t testing.TB, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "history", name))
	require.NoError(t, err)
	return p
}
