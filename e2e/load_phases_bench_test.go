//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// BenchmarkLoadPhases splits a cold and a warm load of / (BenchmarkLoad's
// measures)
// into what V8 does with the wasm, from a trace of the load (categories
// v8.wasm and devtools.timeline), for triggersim and for the bare go-app
// page built in the same run. It reports, in ms a load:
//
//   - stream-ms: the first to the last bytes of the wasm handed to V8's
//     streaming compiler (the download and its brotli decoding, while the
//     service worker fetches the same file for its cache);
//   - decode-main-ms: the main thread's share of that (wasm.OnBytesReceived:
//     the module decoded as it arrives);
//   - finish-ms: wasm.FinishStreaming, the end of the stream on the main
//     thread;
//   - lazy-compile-ms: the main thread compiling functions on their first
//     call (wasm.CompileLazy), and lazy-functions, how many;
//   - instantiate-ms: wasm.SyncInstantiate;
//   - load-ms: navigation to body[data-ready="1"], as BenchmarkLoad.
//
// The stream's phases grow with the module (the raw wasm, not its brotli
// size), lazy compilation with the code run before the page is ready; a
// warm load (a reload once the service worker has cached the site) reuses
// the code the browser compiled for the same module and compiles almost
// nothing. docs/performance.md has the figures.
func BenchmarkLoadPhases(b *testing.B) {
	sites := []struct{ name, dir string }{
		{"triggersim", siteDir(b)},
		{"bare", buildBare(b)},
	}
	for _, site := range sites {
		base := serve(b, site.dir)
		for _, warm := range []bool{false, true} {
			name := "cold/"
			if warm {
				name = "warm/"
			}
			b.Run(name+site.name, func(b *testing.B) {
				b.StopTimer()
				br := newBrowser(b)
				var sum loadPhases
				for i := 0; i < b.N; i++ {
					p := traceLoad(b, br, base, warm)
					sum.add(p)
				}
				n := float64(b.N)
				b.ReportMetric(sum.load/n, "load-ms")
				b.ReportMetric(sum.stream/n, "stream-ms")
				b.ReportMetric(sum.decodeMain/n, "decode-main-ms")
				b.ReportMetric(sum.finish/n, "finish-ms")
				b.ReportMetric(sum.lazy/n, "lazy-compile-ms")
				b.ReportMetric(float64(sum.lazyFuncs)/n, "lazy-functions")
				b.ReportMetric(sum.instantiate/n, "instantiate-ms")
			})
		}
	}
}

// loadPhases is one load's phases, in milliseconds (BenchmarkLoadPhases).
type loadPhases struct {
	load, stream, decodeMain, finish, lazy, instantiate float64
	lazyFuncs                                           int
}

func (p *loadPhases) add(q loadPhases) {
	p.load += q.load
	p.stream += q.stream
	p.decodeMain += q.decodeMain
	p.finish += q.finish
	p.lazy += q.lazy
	p.instantiate += q.instantiate
	p.lazyFuncs += q.lazyFuncs
}

// traceEvent is the part of a Chromium trace event the phases read.
type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Ts   float64 `json:"ts"`  // µs
	Dur  float64 `json:"dur"` // µs
	Tid  int64   `json:"tid"`
}

// traceLoad loads base+"/" in a new browser context (cold caches) while
// tracing, and sums the load's wasm phases; warm, it loads the page once
// and waits for the service worker to be ready first, and traces a reload.
func traceLoad(b *testing.B, br *browser, base string, warm bool) loadPhases {
	b.Helper()
	ctx, cancel := chromedp.NewContext(br.ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	withoutNetworkAgent(b, ctx)
	require.NoError(b, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	if warm {
		load(b, ctx, base)
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
		require.NoError(b, err)
	}
	var mu sync.Mutex
	var events []traceEvent
	var bad error
	done := make(chan struct{})
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range ev.Value {
				var e traceEvent
				raw, err := json.Marshal(v)
				if err == nil {
					err = json.Unmarshal(raw, &e)
				}
				if err != nil && bad == nil {
					bad = fmt.Errorf("trace event %s: %w", raw, err)
				}
				events = append(events, e)
			}
		case *tracing.EventTracingComplete:
			close(done)
		}
	})
	require.NoError(b, err)
	_, err = chromedp.Call(ctx, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
		IncludedCategories: []string{"v8.wasm", "devtools.timeline"}}})
	require.NoError(b, err)
	start := time.Now()
	load(b, ctx, base)
	loaded := time.Since(start)
	_, err = chromedp.Call(ctx, tracing.End, cdp.Empty{})
	require.NoError(b, err)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		require.FailNow(b, "the trace did not complete in 30 s")
	}
	mu.Lock()
	defer mu.Unlock()
	require.NoError(b, bad)
	p := phasesOf(events)
	p.load = float64(loaded.Microseconds()) / 1000
	return p
}

// phasesOf sums a load's trace. The page's main thread is the one that
// decodes the wasm as it arrives (the service worker's thread never runs
// it).
func phasesOf(events []traceEvent) loadPhases {
	var p loadPhases
	main := int64(-1)
	for _, e := range events {
		if e.Name == "wasm.OnBytesReceived" {
			main = e.Tid
			break
		}
	}
	first, last := -1.0, -1.0
	for _, e := range events {
		if e.Ph != "X" || e.Tid != main {
			continue
		}
		ms := e.Dur / 1000
		switch e.Name {
		case "wasm.OnBytesReceived":
			p.decodeMain += ms
			if first < 0 || e.Ts < first {
				first = e.Ts
			}
			last = max(last, e.Ts+e.Dur)
		case "wasm.FinishStreaming":
			p.finish += ms
		case "wasm.CompileLazy":
			p.lazy += ms
			p.lazyFuncs++
		case "wasm.SyncInstantiate":
			p.instantiate += ms
		}
	}
	if first >= 0 {
		p.stream = (last - first) / 1000
	}
	return p
}
