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
// engine) to the card standing in its new column, on a board of 1 000
// deals. It reports the median.
func BenchmarkBoardFire(b *testing.B) {
	base := serve(b, siteDir(b))
	br := newBrowser(b)
	br.open(b, base+seedExample+"&items=999")
	br.waitFor(b, `document.querySelector('.board-page__tab-count')?.textContent === "1000"`)
	stages := []string{"PREPAYMENT_INVOICE", "FINAL_INVOICE"}
	var times []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		to := stages[i%2]
		click(b, br, `[data-target="DEAL_1"] [data-testid="card-move"]`)
		br.waitFor(b, `!!document.querySelector('[data-testid="move-to"][data-stage="`+to+`"]')`)
		b.StartTimer()
		ms, err := chromedp.Run(br.ctx, chromedp.Evaluate[float64](`new Promise(resolve => {
			const t0 = performance.now();
			document.querySelector('[data-testid="move-to"][data-stage="`+to+`"]').click();
			const check = () => {
				const col = document.querySelector('[data-target="DEAL_1"]')?.closest('[data-stage]');
				if (col && col.dataset.stage === "`+to+`") { resolve(performance.now() - t0); } else { requestAnimationFrame(check); }
			};
			check();
		})`, chromedp.EvalAwaitPromise))
		b.StopTimer()
		require.NoError(b, err)
		times = append(times, ms)
	}
	b.ReportMetric(median(times), "ms/event")
}

// BenchmarkBoardFirstRender measures the time from navigation to a
// rendered board (the count of every deal on the pipeline tab), for 1 and
// for 10 000 deals, in a fresh browser context each time.
func BenchmarkBoardFirstRender(b *testing.B) {
	base := serve(b, siteDir(b))
	for _, n := range []int{1, 10000} {
		b.Run(strconv.Itoa(n)+"items", func(b *testing.B) {
			br := newBrowser(b)
			url := base + seedExample
			if n > 1 {
				url += "&items=" + strconv.Itoa(n-1)
			}
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
