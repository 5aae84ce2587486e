//go:build e2e

package e2e

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// BenchmarkWhatif10k90d measures, in the page, the time from the click on
// "Run" to the finished KPIs and charts of a what-if run of about 10 000
// deals over 90 days (e2e/testdata/whatif/bench-10k.json: 10 166 arrivals,
// 94 100 model events fired, 18 439 delayed robot runs), in headless
// Chromium, with the progress bar updating and the page responsive
// throughout. The run is made in the lab's Web Worker (app/worker). It
// reports the median (ms/run), the median of the worker's own time for the
// run (worker-ms, the rest is the page's: sending the request, reading the
// KPIs, drawing and mounting the results) and the longest long task the
// page had during the runs (longtask-ms, see BenchmarkBoardFire). The
// median leaves out the page's first run, which a class sees first: it
// is reported apart (first-ms, and first-longtask-ms its longest task),
// clicked as soon as the file is read, so the lab's worker may still be
// starting, and V8 still compiling the worker's and the page's code.
func BenchmarkWhatif10k90d(b *testing.B) {
	base := serve(b, siteDir(b))
	br := newBrowser(b)
	br.open(b, base+"/whatif")
	path, err := filepath.Abs(filepath.Join("testdata", "whatif", "bench-10k.json"))
	require.NoError(b, err)
	br.waitFor(b, `!!document.querySelector('[data-testid="whatif-scenario-file"]')`)
	err = chromedp.Do(br.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="whatif-scenario-file"]`), []string{path}))
	require.NoError(b, err)
	br.waitFor(b, `!!document.querySelector('[data-testid="whatif-run"]')`)
	var worker []float64
	windows := benchClicks(b, br, "ms/run", func() {
		br.waitFor(b, `!document.querySelector('[data-testid="whatif-run"]').disabled`)
	}, clickTiming{click: `[data-testid="whatif-run"]`,
		busy: `document.querySelector('[data-testid="whatif-run"]').disabled || document.querySelector('[data-testid="whatif-progress"]')`,
		done: `document.querySelector('[data-testid="whatif-done"]') && document.querySelector('[data-chart="funnel-a"] svg')`}, func() {
		ms, err := strconv.ParseFloat(br.eval(b, `document.querySelector('[data-testid="whatif-done"]').dataset.elapsedMs`), 64)
		require.NoError(b, err)
		worker = append(worker, ms)
	})
	// The run was the whole one: every arrival is counted.
	got := br.text(b, `[data-tile="items"] .whatif__tile-value`)
	require.Equal(b, "10\u202f166", got, "items tile = %q, want 10 166", got)
	require.Equal(b, "worker", br.eval(b, `document.querySelector('[data-testid="whatif-done"]').dataset.ranIn`))
	b.ReportMetric(median(worker), "worker-ms")
	b.ReportMetric(windows[0][1]-windows[0][0], "first-ms")
	b.ReportMetric(longestTask(b, br, windows[:1]), "first-longtask-ms")
}

// BenchmarkWhatifLabRuns measures, in the page, the time from the click on
// the lab's "Run" to the result of 20 replications of the what-if example
// (40 deals a day, 90 days each), and the longest long task the page had
// meanwhile. The replications are split between the lab's workers, one
// per core the browser reports (at most four).
func BenchmarkWhatifLabRuns(b *testing.B) {
	base := serve(b, siteDir(b))
	br := newBrowser(b)
	br.open(b, base+"/whatif?example=11-whatif-schet-7dney.json&days=90")
	br.waitFor(b, `!!document.querySelector('[data-testid="lab-run"]')`)
	br.setValue(b, `[data-testid="lab-runs"]`, "20")
	benchClicks(b, br, "ms/batch", func() {
		br.waitFor(b, `!document.querySelector('[data-testid="lab-run"]').disabled && !document.querySelector('[data-testid="lab-progress"]')`)
	}, clickTiming{click: `[data-testid="lab-run"]`,
		busy: `document.querySelector('[data-testid="lab-progress"]')`,
		done: `document.querySelector('[data-testid="lab-result"][data-runs="20"] svg')`,
		fail: `(document.querySelector('[data-testid="lab-error"]') || {}).textContent`}, nil)
}

// BenchmarkHomeCalibrate times the home page's calibration from the
// shipped example history (e2e/testdata/history, 65 deals over two weeks):
// click → the fit report's chart on the page (the model built and five
// fitted runs made, in the lab's worker since dde5375's parent), and the
// longest task of the page meanwhile.
func BenchmarkHomeCalibrate(b *testing.B) {
	base := serve(b, siteDir(b))
	br := newBrowser(b)
	br.openHome(b, base)
	openCalibrate(b, br, map[string]string{"cal-categories": "categories.json", "cal-statuses": "statuses.json",
		"cal-history": "stagehistory.json"})
	benchClicks(b, br, "ms/fit", func() {
		br.waitFor(b, `!document.querySelector('[data-testid="cal-progress"]')`)
	}, clickTiming{click: `[data-testid="cal-run"]`,
		busy: `document.querySelector('[data-testid="cal-progress"]')`,
		done: `document.querySelector('[data-testid="cal-report"] [data-chart="calibration-finals"] svg')`,
		fail: `(document.querySelector('[data-testid="cal-error"]') || {}).textContent`}, nil)
}
