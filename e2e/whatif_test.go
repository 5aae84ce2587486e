//go:build e2e

package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/cmd/serve/static"
)

// whatifExample is the what-if example: 40 deals a day, an invoice that
// waits 7 days; its sibling "3 days" is proposed as variant B.
const whatifExample = "/whatif?example=11-whatif-schet-7dney.json"

// openWhatif opens the lab on the example in a wide window (the page is
// made to be shown to a class: two charts side by side) and records the
// blobs the page offers for download.
func openWhatif(t *testing.T, query string) *browser {
	t.Helper()
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.EmulateViewport(1600, 900)))
	b.open(t, base+whatifExample+query)
	b.waitFor(t, `!!document.querySelector('[data-testid="whatif-run"]')`)
	b.eval(t, `(() => {
		window.__blobs = [];
		const orig = URL.createObjectURL.bind(URL);
		URL.createObjectURL = (blob) => { window.__blobs.push(blob); return orig(blob); };
		HTMLAnchorElement.prototype.click = function () { window.__downloads = (window.__downloads || []).concat(this.download); };
		return "";
	})()`)
	return b
}

// lastBlob waits for a blob of a MIME type and returns its text (or, for
// binary types, its size as text).
func lastBlob(t *testing.T, b *browser, mime string) string {
	t.Helper()
	b.waitFor(t, `window.__blobs.some(x => x.type.startsWith("`+mime+`"))`)
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`(async () => {
		const blob = window.__blobs.filter(x => x.type.startsWith("`+mime+`")).pop();
		window.__blobs = window.__blobs.filter(x => x !== blob);
		if (blob.type === "image/png") { return String(blob.size); }
		const buf = new Uint8Array(await blob.arrayBuffer());
		return new TextDecoder("utf-8", {ignoreBOM: true}).decode(buf);
	})()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	return s
}

// waitDone waits until a run has finished.
func waitDone(t *testing.T, b *browser) {
	t.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`!!document.querySelector('[data-testid="whatif-done"]') && !document.querySelector('[data-testid="whatif-progress"]')`,
		chromedp.WithPollingTimeout(40*time.Second)))
	require.NoError(t, err, "the run did not finish")
}

// screenshotChecked saves a screenshot and checks it is a real picture: big
// enough and not blank (many distinct colours: charts, text).
func screenshotChecked(t *testing.T, b *browser, name string) {
	t.Helper()
	b.screenshot(t, name)
	data, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, img.Bounds().Dx(), 1500)
	assert.Greater(t, distinctColours(img), 50, "the screenshot looks blank")
}

func distinctColours(img image.Image) int {
	seen := map[uint32]bool{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 7 {
		for x := r.Min.X; x < r.Max.X; x += 7 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[cr>>11<<10|cg>>11<<5|cb>>11] = true
		}
	}
	return len(seen)
}

func TestWhatifRunChartsAndExport(t *testing.T) {
	b := openWhatif(t, "")
	assert.Equal(t, "Что если: счёт ждёт оплату 7 дней", b.text(t, `[data-testid="whatif-title-a"]`))
	click(t, b, `[data-testid="whatif-run"]`)
	waitDone(t, b)
	assert.Equal(t, "worker", b.eval(t, `document.querySelector('[data-testid="whatif-done"]').dataset.ranIn`),
		"the run was made in the lab's worker, off the page's thread")

	// The four charts are SVG images with an accessible name.
	for _, name := range []string{"funnel-a", "flow-a", "time-a", "triggers-a"} {
		sel := `[data-chart="` + name + `"] svg`
		assert.Equal(t, "img", b.eval(t, `document.querySelector('`+sel+`').getAttribute("role")`), name)
		assert.NotEmpty(t, b.eval(t, `document.querySelector('`+sel+`').getAttribute("aria-label")`), name)
		w := b.eval(t, `String(document.querySelector('`+sel+`').getBoundingClientRect().width)`)
		width, _ := strconv.ParseFloat(w, 64)
		assert.Greater(t, width, 500.0, "%s is drawn at a readable size", name)
	}
	assert.Contains(t, b.text(t, `[data-chart="funnel-a"] svg`), "Счёт на предоплату")
	assert.Equal(t, "8", b.eval(t, `String(document.querySelectorAll('[data-chart="funnel-a"] svg [data-bar]').length)`))
	items := b.text(t, `[data-tile="items"] .whatif__tile-value`)
	assert.NotEqual(t, "0", items)
	assert.Contains(t, b.text(t, `[data-table="stages"]`), "Сделка успешна")
	assert.Contains(t, b.text(t, `[data-table="triggers"]`), "Ни разу не сработали:")
	b.settle(t)
	screenshotChecked(t, b, "whatif-ru")

	// Export: CSV (BOM, header, RFC 4180 line ends), SVG and PNG.
	click(t, b, `[data-testid="export-csv-stages"]`)
	csv := lastBlob(t, b, "text/csv")
	assert.True(t, strings.HasPrefix(csv, "\ufeffСтадия,ID,Входов,"), csv[:min(len(csv), 60)])
	assert.Contains(t, csv, "\r\nСделка успешна,WON,")
	click(t, b, `[data-testid="export-svg-funnel-a"]`)
	svg := lastBlob(t, b, "image/svg+xml")
	assert.True(t, strings.HasPrefix(svg, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<svg "), svg[:min(len(svg), 80)])
	click(t, b, `[data-testid="export-png-flow-a"]`)
	size, _ := strconv.Atoi(lastBlob(t, b, "image/png"))
	assert.Greater(t, size, 10000, "the PNG has the chart in it")
	assert.Contains(t, b.eval(t, `(window.__downloads || []).join(",")`), "flow-a.png")

	// The language switch redraws the charts in English.
	click(t, b, `[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-chart="flow-a"] svg').textContent.includes("Day of the run")`)
	// So do the tables, the reasons why events moved nothing included
	// (the run wrote them in Russian).
	assert.Contains(t, b.text(t, `[data-table="no-move-reasons"] tbody`), "no trigger with the code")
	b.screenshot(t, "whatif-en")
	b.assertNoErrors(t)
}

func TestWhatifCancelKeepsThePageResponsive(t *testing.T) {
	// 1200 days of traffic (48 000 deals, under the what-if budget): long
	// enough to cancel in the middle.
	b := openWhatif(t, "&days=1200")
	click(t, b, `[data-testid="whatif-run"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="whatif-progress"]')`)
	b.waitFor(t, `Number(document.querySelector('[role="progressbar"]').getAttribute("aria-valuenow")) >= 1`)
	// The page answers while the run goes on: the estimate appears and
	// the progress moves.
	b.waitFor(t, `/осталось ≈ \d/.test(document.querySelector('[data-testid="whatif-progress"]').textContent)`)
	first := b.eval(t, `document.querySelector('[role="progressbar"]').getAttribute("aria-valuenow")`)
	b.waitFor(t, `document.querySelector('[role="progressbar"]').getAttribute("aria-valuenow") !== "`+first+`"`)
	b.screenshot(t, "whatif-progress")
	click(t, b, `[data-testid="whatif-cancel"]`)
	b.waitFor(t, `!document.querySelector('[data-testid="whatif-progress"]')`)
	assert.Equal(t, "Прогон отменён.", b.text(t, `[data-testid="whatif-done"]`))
	// The run's goroutine has noticed the cancel and ended: no late results.
	b.waitFor(t, `document.querySelector('[data-testid="whatif-run"]').dataset.run === "idle"`)
	assert.Equal(t, "false", b.eval(t, `String(!!document.querySelector('[data-testid="whatif-results"]'))`), "a cancelled run shows no results")
	assert.Equal(t, "false", b.eval(t, `String(document.querySelector('[data-testid="whatif-run"]').disabled)`))
	// Cancelling ended the run's worker; the next run starts another
	// and finishes in it.
	b.setValue(t, `[data-testid="whatif-days"]`, "5")
	click(t, b, `[data-testid="whatif-run"]`)
	// The line still says the last run was cancelled until this one ends.
	b.waitFor(t, `document.querySelector('[data-testid="whatif-done"]')?.textContent.startsWith("Готово за")`)
	assert.Equal(t, "worker", b.eval(t, `document.querySelector('[data-testid="whatif-done"]').dataset.ranIn`))
	b.assertNoErrors(t)
}

// TestWhatifWithoutTheWorkerSaysSo: the page runs nothing itself, so a
// browser that cannot start the lab's workers (here their script is
// missing) gets an error in the interface language for a run and for the
// lab's replications, and a run asked for once the script is back is made
// in a worker.
func TestWhatifWithoutTheWorkerSaysSo(t *testing.T) {
	h := static.Handler(os.DirFS(siteDir(t)))
	var missing atomic.Bool
	missing.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if missing.Load() && r.URL.Path == "/web/labworker.js" {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	b := newBrowser(t)
	b.open(t, srv.URL+whatifExample+"&days=5")
	b.waitFor(t, b.exists(`[data-testid="whatif-run"]`))
	click(t, b, `[data-testid="whatif-run"]`)
	b.waitFor(t, b.exists(`[data-testid="whatif-error"]`))
	assert.Equal(t, "Не получилось: браузер не смог запустить фоновый обработчик прогонов; перезагрузите страницу", b.text(t, `[data-testid="whatif-error"]`))
	b.waitFor(t, b.exists(`[data-testid="whatif-run"]:not([disabled])`))
	b.setValue(t, `[data-testid="lab-runs"]`, "3")
	b.click(t, `[data-testid="lab-run"]`)
	b.waitFor(t, b.exists(`[data-testid="lab-error"]`))
	assert.Equal(t, "Браузер не смог запустить фоновый обработчик прогонов; перезагрузите страницу", b.text(t, `[data-testid="lab-error"]`))
	// The worker's failure to start is not an error of the page.
	b.assertNoErrors(t)

	missing.Store(false)
	click(t, b, `[data-testid="whatif-run"]`)
	waitDone(t, b)
	assert.Equal(t, "worker", b.eval(t, `document.querySelector('[data-testid="whatif-done"]').dataset.ranIn`))
	b.waitFor(t, b.gone(`[data-testid="whatif-error"]`))
}

// stoppingWorker is a stand-in for web/labworker.js whose program ends
// on every run it is asked for, as a worker out of memory would: it says
// it is ready, then answers a run with the message web/labworker.js posts
// when the Go program has ended.
const stoppingWorker = `postMessage({head: JSON.stringify({id: 0, kind: "ready"})});
onmessage = (e) => {
  if (JSON.parse(e.data.req).prepare) return;
  postMessage({head: JSON.stringify({id: 0, kind: "error", error: "exit code 2"})});
};`

// TestWhatifWorkerThatStopsEndsTheRun: a worker whose program ends under a
// run ends the run (and the lab's batch) with an error in the interface's
// language, instead of a page that waits forever, and the next run can be
// asked for.
func TestWhatifWorkerThatStopsEndsTheRun(t *testing.T) {
	h := static.Handler(os.DirFS(siteDir(t)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/labworker.js" {
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte(stoppingWorker))
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	for _, tc := range []struct{ lang, want, lab string }{
		{"ru", "Не получилось: фоновый обработчик прогонов остановился (exit code 2); запустите прогон ещё раз: запустится новый обработчик",
			"Фоновый обработчик прогонов остановился (exit code 2); запустите прогон ещё раз: запустится новый обработчик"},
		{"en", "Failed: the background worker of the what-if lab stopped (exit code 2); run it again: a new worker starts",
			"The background worker of the what-if lab stopped (exit code 2); run it again: a new worker starts"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, srv.URL+whatifExample+"&days=5")
			b.waitFor(t, b.exists(`[data-testid="whatif-run"]`))
			if tc.lang == "en" {
				click(t, b, `.lang-switch__button[data-lang="en"]`)
				b.waitFor(t, `document.documentElement.lang === "en"`)
			}
			errorIs := fmt.Sprintf(`document.querySelector('[data-testid="whatif-error"]')?.textContent === %q`, tc.want)
			for run := 1; run <= 2; run++ {
				click(t, b, `[data-testid="whatif-run"]`)
				// The second run's error reads as the first's: wait for
				// this click's run to have started and ended (data-runs
				// counts the runs started), or the lab's button below
				// may be clicked while it is disabled for this run.
				b.waitFor(t, b.exists(fmt.Sprintf(`[data-testid="whatif-run"][data-runs="%d"][data-run="idle"]`, run)))
				b.waitFor(t, errorIs)
				b.waitFor(t, b.exists(`[data-testid="whatif-run"]:not([disabled])`))
			}
			b.setValue(t, `[data-testid="lab-runs"]`, "3")
			b.click(t, `[data-testid="lab-run"]`)
			b.waitFor(t, b.exists(`[data-testid="lab-error"]`))
			b.screenshot(t, "whatif-worker-stopped-"+tc.lang)
			assert.Equal(t, tc.lab, b.text(t, `[data-testid="lab-error"]`))
		})
	}
}

// TestWhatifResultsMountInParts: a finished run's results come onto the
// page in parts, each in a render of its own (the KPI tiles, then the
// charts, then the tables with the "done" line): go-app mounts a render
// in one task, and the whole results at once were the longest task of a
// big run. A MutationObserver notes the animation frame in which each part
// first appears.
func TestWhatifResultsMountInParts(t *testing.T) {
	b := openWhatif(t, "&days=5")
	b.eval(t, `(() => {
		window.__parts = [];
		let frame = 0;
		const tick = () => { frame++; requestAnimationFrame(tick); };
		requestAnimationFrame(tick);
		const parts = [["tiles", '[data-testid="whatif-tiles"]'], ["charts", '[data-chart="funnel-a"] svg'],
			["tables", '[data-table="stages"]'], ["done", '[data-testid="whatif-done"]']];
		const seen = {};
		new MutationObserver(() => {
			for (const [name, sel] of parts) {
				if (!seen[name] && document.querySelector(sel)) { seen[name] = true; window.__parts.push([name, frame]); }
			}
		}).observe(document.body, {childList: true, subtree: true});
		return "";
	})()`)
	click(t, b, `[data-testid="whatif-run"]`)
	waitDone(t, b)
	parts, err := chromedp.Run(b.ctx, chromedp.Evaluate[[][]any](`window.__parts`))
	require.NoError(t, err)
	require.Len(t, parts, 4, "%v", parts)
	var names []string
	frames := map[string]float64{}
	for _, p := range parts {
		names = append(names, p[0].(string))
		frames[p[0].(string)] = p[1].(float64)
	}
	assert.Equal(t, []string{"tiles", "charts", "tables", "done"}, names)
	assert.Less(t, frames["tiles"], frames["charts"], "the charts come in a later frame than the tiles: %v", parts)
	assert.Less(t, frames["charts"], frames["tables"], "the tables come in a later frame than the charts: %v", parts)
	assert.Equal(t, frames["tables"], frames["done"], "the run is done when the last part is on the page: %v", parts)
	b.assertNoErrors(t)
}

// TestWhatifRefusesARunThatCannotFinish: ten years of 40 deals a day
// (146 000 deals) is past the what-if budget; the page says so before it
// starts (no progress bar, nothing runs), in its language, with what to
// lower, and stays usable.
func TestWhatifRefusesARunThatCannotFinish(t *testing.T) {
	b := openWhatif(t, "&days=3650")
	click(t, b, `[data-testid="whatif-run"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="whatif-error"]')`)
	msg := b.text(t, `[data-testid="whatif-error"]`)
	assert.Contains(t, msg, "прогон слишком велик: около 146 001 элементов за 3650 дн. (40 в день)")
	assert.Contains(t, msg, "Уменьшите период (days)")
	assert.Equal(t, "false", b.eval(t, `String(!!document.querySelector('[data-testid="whatif-progress"]'))`), "nothing started")
	assert.Equal(t, "false", b.eval(t, `String(document.querySelector('[data-testid="whatif-run"]').disabled)`))
	b.assertNoErrors(t)
}

func TestWhatifCompareVariants(t *testing.T) {
	b := openWhatif(t, "")
	// The sibling example is proposed as variant B.
	assert.Equal(t, "example:11-whatif-schet-3dnya.json", b.eval(t, `document.querySelector('[data-testid="whatif-variant"]').value`))
	click(t, b, `[data-testid="whatif-compare"]`)
	waitDone(t, b)
	b.waitFor(t, `document.querySelector('[data-testid="whatif-results"]').dataset.ab === "true"`)

	// The two funnels stand side by side.
	top := func(sel string) float64 {
		v, _ := strconv.ParseFloat(b.eval(t, `String(document.querySelector('`+sel+`').getBoundingClientRect().top)`), 64)
		return v
	}
	left := func(sel string) float64 {
		v, _ := strconv.ParseFloat(b.eval(t, `String(document.querySelector('`+sel+`').getBoundingClientRect().left)`), 64)
		return v
	}
	assert.InDelta(t, top(`[data-chart="funnel-a"]`), top(`[data-chart="funnel-b"]`), 1)
	assert.Greater(t, left(`[data-chart="funnel-b"]`), left(`[data-chart="funnel-a"]`)+500)

	// Waiting 3 days instead of 7 loses deals sooner: the lost stage
	// differs, and differences are judged (green better, red worse).
	assert.Contains(t, b.eval(t, `document.querySelector('[data-key="stage/DEAL/LOSE/items"]')?.className || ""`), "whatif__row--")
	assert.NotEqual(t, "0", b.eval(t, `String(document.querySelectorAll('.whatif__row--better').length + document.querySelectorAll('.whatif__row--worse').length)`))
	assert.Contains(t, b.text(t, `[data-chart="funnel-b"] svg`), "+")
	b.settle(t)
	screenshotChecked(t, b, "whatif-ab")

	click(t, b, `[data-testid="export-csv-compare"]`)
	csv := lastBlob(t, b, "text/csv")
	assert.True(t, strings.HasPrefix(csv, "\ufeffПоказатель,Ключ,A,B,Б − А,Итог\r\n"), csv[:min(len(csv), 80)])

	// A recorded event history replays through both variants.
	path, err := filepath.Abs(filepath.Join("testdata", "whatif", "history.csv"))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="whatif-replay-file"]`), []string{path})))
	b.waitFor(t, `!!document.querySelector('[data-testid="whatif-replay"]')`)
	assert.Contains(t, b.text(t, `[data-testid="whatif-replay"]`), "событий: 8")
	click(t, b, `[data-testid="whatif-compare"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="whatif-progress"]') || document.querySelector('[data-tile="items"] .whatif__tile-a')?.textContent === "3"`)
	waitDone(t, b)
	b.waitFor(t, `document.querySelector('[data-tile="items"] .whatif__tile-a')?.textContent === "3"`)
	assert.Equal(t, "3", b.text(t, `[data-tile="items"] .whatif__tile-b`))
	b.assertNoErrors(t)
}
