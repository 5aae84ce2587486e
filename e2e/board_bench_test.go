//go:build e2e

package e2e

import (
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// BenchmarkBoardFire measures, in the page, the time from the click that
// moves a card (the move menu, which fires a MOVE event through the
// engine) to the card standing in its new column, on a board of 1 000 and
// of 2 000 deals, and on the example's own board of one deal: that one is
// the floor of the measure itself (go-app draws a dispatched change on
// its next frame tick, 8.3 ms, and the page looks for the card once per
// animation frame, 16.7 ms). It reports the median (ms/event) and the
// longest long task the page had meanwhile (longtask-ms:
// PerformanceObserver 'longtask', the browser's own measure of a task
// that kept the page from answering for over 50 ms; 0 when there was
// none). Its first fire comes as soon as the board is drawn, while the
// board still warms up and V8 still compiles: the longest task is
// usually that one's (BenchmarkBoardFirstFire measures a first fire on a
// settled board).
func BenchmarkBoardFire(b *testing.B) {
	base := serve(b, siteDir(b))
	for _, n := range []int{1, 1000, 2000} {
		b.Run(strconv.Itoa(n)+"cards", func(b *testing.B) {
			br := newBrowser(b)
			url := seedBoardURL(base, n)
			br.open(b, url)
			br.waitLong(b, `document.querySelector('.board-page__tab-count')?.textContent === "`+strconv.Itoa(n)+`"`, 90*time.Second)
			watchLongTasks(b, br)
			stages := []string{"PREPAYMENT_INVOICE", "FINAL_INVOICE"}
			var times []float64
			var windows [][]float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				to := stages[i%2]
				openMoveMenu(b, br, to)
				b.StartTimer()
				w := timedMove(b, br, to)
				b.StopTimer()
				times = append(times, w[1]-w[0])
				windows = append(windows, w)
			}
			b.ReportMetric(median(times), "ms/event")
			b.ReportMetric(longestTask(b, br, windows), "longtask-ms")
		})
	}
}

// seedBoardURL is the board of the seed example with n deals: its own and
// n-1 copies.
func seedBoardURL(base string, n int) string {
	url := base + seedExample
	if n > 1 {
		url += "&items=" + strconv.Itoa(n-1)
	}
	return url
}

// openMoveMenu opens DEAL_1's move menu and waits for its stage to.
func openMoveMenu(tb testing.TB, br *browser, to string) {
	tb.Helper()
	click(tb, br, `[data-target="DEAL_1"] [data-testid="card-move"]`)
	br.waitFor(tb, `!!document.querySelector('[data-testid="move-to"][data-stage="`+to+`"]')`)
}

// timedMove clicks the open move menu's stage to and waits for DEAL_1 to
// stand in that column, polled once per animation frame; it returns the
// click's window, its start and end in the page's performance.now() time.
func timedMove(tb testing.TB, br *browser, to string) []float64 {
	tb.Helper()
	w, err := chromedp.Run(br.ctx, chromedp.Evaluate[[]float64](`new Promise(resolve => {
		const t0 = performance.now();
		document.querySelector('[data-testid="move-to"][data-stage="`+to+`"]').click();
		const check = () => {
			const col = document.querySelector('[data-target="DEAL_1"]')?.closest('[data-stage]');
			if (col && col.dataset.stage === "`+to+`") { resolve([t0, performance.now()]); } else { requestAnimationFrame(check); }
		};
		check();
	})`, chromedp.EvalAwaitPromise))
	require.NoError(tb, err)
	return w
}

// BenchmarkBoardFirstFire is BenchmarkBoardFire's measure for the first
// event fired on a freshly opened board, once the page has settled (the
// board's warm-up is over: body[data-board-warm="1"]), as when a trainer
// opens a scenario, explains it, then moves a card: each fire is on a
// page of its own. The first fire pays for the code it runs for the first
// time (the browser compiles a wasm function on its first call). It
// reports the median (ms/event) and the longest long task of the fires
// (longtask-ms).
func BenchmarkBoardFirstFire(b *testing.B) {
	base := serve(b, siteDir(b))
	for _, n := range []int{1, 2000} {
		b.Run(strconv.Itoa(n)+"cards", func(b *testing.B) {
			url := seedBoardURL(base, n)
			parent := newBrowser(b)
			var times []float64
			longest := 0.0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				// A browser context of its own: fresh storage and page.
				ctx, cancel := chromedp.NewContext(parent.ctx, chromedp.WithNewBrowserContext())
				br := &browser{ctx: ctx}
				br.open(b, url)
				br.waitLong(b, `document.body.dataset.boardWarm === "1"`, 90*time.Second)
				watchLongTasks(b, br)
				openMoveMenu(b, br, "PREPAYMENT_INVOICE")
				b.StartTimer()
				w := timedMove(b, br, "PREPAYMENT_INVOICE")
				b.StopTimer()
				times = append(times, w[1]-w[0])
				longest = max(longest, longestTask(b, br, [][]float64{w}))
				cancel()
			}
			b.ReportMetric(median(times), "ms/event")
			b.ReportMetric(longest, "longtask-ms")
		})
	}
}

// BenchmarkBareClick is BenchmarkBoardFire's measure on the bare go-app
// page (e2e/testdata/bare, built as BenchmarkLoad builds it): from a click
// on its button to the changed count, polled once per animation frame.
// It is the floor of that measure on this platform: go-app's handler, its
// frame tick before it draws a dispatched change, the redraw of one
// component, and the frame the page looks on.
func BenchmarkBareClick(b *testing.B) {
	base := serve(b, buildBare(b))
	br := newBrowser(b)
	br.open(b, base+"/")
	watchLongTasks(b, br)
	var times []float64
	var windows [][]float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w, err := chromedp.Run(br.ctx, chromedp.Evaluate[[]float64](`new Promise(resolve => {
			const want = String(Number(document.getElementById("clicks").textContent) + 1);
			const t0 = performance.now();
			document.getElementById("click").click();
			const check = () => {
				if (document.getElementById("clicks").textContent === want) { resolve([t0, performance.now()]); } else { requestAnimationFrame(check); }
			};
			check();
		})`, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
		times = append(times, w[1]-w[0])
		windows = append(windows, w)
	}
	b.ReportMetric(median(times), "ms/event")
	b.ReportMetric(longestTask(b, br, windows), "longtask-ms")
}

// BenchmarkBoardJump10k measures a clock jump over 10 000 deals: the seed
// example with 9 999 clones of its deal, run to the end of its script
// («⏭»), where a call moves every deal of the contact and each move runs
// the stage's robot. The run goes in slices between which the browser
// paints; the benchmark reports the median time to the end (ms/jump) and
// the longest long task meanwhile (longtask-ms, see BenchmarkBoardFire).
func BenchmarkBoardJump10k(b *testing.B) {
	base := serve(b, siteDir(b))
	br := newBrowser(b)
	br.open(b, base+seedExample+"&items=9999")
	br.waitLong(b, `document.querySelector('.board-page__tab-count')?.textContent === "10000"`, 90*time.Second)
	start := br.eval(b, `document.querySelector('[data-clock]').dataset.clock`)
	benchClicks(b, br, "ms/jump", func() {
		click(b, br, `[data-testid="clock-reset"]`)
		br.waitLong(b, `document.querySelector('[data-clock]').dataset.clock === "`+start+`" && !document.querySelector('[data-testid="clock-end"]').disabled`, 90*time.Second)
	}, clickTiming{click: `[data-testid="clock-end"]`,
		done: `document.querySelector('[data-clock]').dataset.clock === "2026-01-14T14:00:00+03:00" && !document.querySelector('.clock-bar__progress')`}, nil)
}

// clickTiming is what timeClick clicks and waits for.
type clickTiming struct{ click, busy, done, fail string }

// benchClicks times b.N clicks (timeClick), each after ready (not timed),
// and reports their median as unit and the longest long task the page had
// while they ran (longtask-ms). after, when not nil, is called (not timed)
// after each click's work is over. It returns each click's window, its
// start and end in the page's performance.now() time.
func benchClicks(b *testing.B, br *browser, unit string, ready func(), t clickTiming, after func()) [][]float64 {
	b.Helper()
	watchLongTasks(b, br)
	var times []float64
	var windows [][]float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ready()
		b.StartTimer()
		w := timeClick(b, br, t.click, t.busy, t.done, t.fail)
		b.StopTimer()
		times = append(times, w[1]-w[0])
		windows = append(windows, w)
		if after != nil {
			after()
		}
	}
	b.ReportMetric(median(times), unit)
	b.ReportMetric(longestTask(b, br, windows), "longtask-ms")
	return windows
}

// timeClick clicks the element of click and polls once per animation
// frame until the work it started is over: busy (a JavaScript expression;
// "" when there is nothing to wait for) has held at least once and holds
// no more, and done holds. It returns the page's performance.now() at the
// click and at the end. fail, when not "", is an expression giving an
// error's text: the wait then fails with it.
func timeClick(tb testing.TB, br *browser, click, busy, done, fail string) []float64 {
	tb.Helper()
	started := "false"
	if busy == "" {
		busy, started = "false", "true"
	}
	if fail == "" {
		fail = `""`
	}
	w, err := chromedp.Run(br.ctx, chromedp.Evaluate[[]float64](`new Promise((resolve, reject) => {
		const t0 = performance.now();
		document.querySelector(`+"`"+click+"`"+`).click();
		let started = `+started+`;
		const check = () => {
			const failed = `+fail+`;
			const busy = !!(`+busy+`);
			started = started || busy;
			if (failed) {
				reject(new Error(failed));
			} else if (started && !busy && (`+done+`)) {
				resolve([t0, performance.now()]);
			} else { requestAnimationFrame(check); }
		};
		requestAnimationFrame(check);
	})`, chromedp.EvalAwaitPromise))
	require.NoError(tb, err, "click %s and wait for %s", click, done)
	return w
}

// watchLongTasks starts recording the page's long tasks: tasks that kept
// the main thread for over 50 ms (PerformanceObserver, type 'longtask';
// buffered, so those since the page loaded are kept too).
func watchLongTasks(tb testing.TB, br *browser) {
	tb.Helper()
	br.eval(tb, `(() => {
		if (!window.__longTasks) {
			window.__longTasks = [];
			window.__longTaskObserver = new PerformanceObserver(list => {
				for (const e of list.getEntries()) { window.__longTasks.push([e.startTime, e.duration]); }
			});
			window.__longTaskObserver.observe({type: "longtask", buffered: true});
		}
		return "";
	})()`)
}

// longestTask is the duration in ms of the longest long task that
// overlaps one of the windows ([start, end] in the page's
// performance.now() time), 0 when there was none.
func longestTask(tb testing.TB, br *browser, windows [][]float64) float64 {
	tb.Helper()
	tasks, err := chromedp.Run(br.ctx, chromedp.Evaluate[[][]float64](`(() => {
		for (const e of window.__longTaskObserver.takeRecords()) { window.__longTasks.push([e.startTime, e.duration]); }
		return window.__longTasks;
	})()`))
	require.NoError(tb, err)
	longest := 0.0
	for _, t := range tasks {
		for _, w := range windows {
			if t[0] < w[1] && t[0]+t[1] > w[0] && t[1] > longest {
				longest = t[1]
			}
		}
	}
	return longest
}

// BenchmarkBoardFirstRender measures the time from navigation to a
// rendered board (the count of every deal on the pipeline tab), for 1 and
// for 10 000 deals, in a fresh browser context each time.
func BenchmarkBoardFirstRender(b *testing.B) {
	base := serve(b, siteDir(b))
	for _, n := range []int{1, 10000} {
		b.Run(strconv.Itoa(n)+"items", func(b *testing.B) {
			br := newBrowser(b)
			url := seedBoardURL(base, n)
			var times []float64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				ctx, cancel := chromedp.NewContext(br.ctx, chromedp.WithNewBrowserContext())
				err := chromedp.Do(ctx)
				require.NoError(b, err)
				b.StartTimer()
				start := time.Now()
				err = chromedp.Do(ctx, chromedp.Navigate(url))
				require.NoError(b, err)
				_, err = chromedp.Run(ctx, chromedp.Poll[bool](
					`document.querySelector('.board-page__tab-count')?.textContent === "`+strconv.Itoa(n)+`"`,
					chromedp.WithPollingTimeout(60*time.Second)))
				require.NoError(b, err)
				times = append(times, float64(time.Since(start).Microseconds())/1000)
				b.StopTimer()
				cancel()
			}
			b.ReportMetric(median(times), "ms/render")
		})
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}
