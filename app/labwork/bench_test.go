package labwork

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/gchold"
)

// BenchmarkWorkerRun is what the what-if page's worker does for one run
// of the browser benchmark's scenario (e2e's BenchmarkWhatif10k90d: 10 166
// deals, 90 days): the request handled whole, from the scenario file
// (read once, as the worker keeps it) to the encoded KPIs. Natively it is
// the floor of that benchmark's worker-ms; built for js/wasm it runs under
// Node (docs/performance.md has the command), which is the browser's
// engine without the page. Each run holds the collector off as the
// worker does (Request.GCRoom), so the figure is the worker's.
func BenchmarkWorkerRun(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "e2e", "testdata", "whatif", "bench-10k.json"))
	require.NoError(b, err)
	w := &Worker{}
	req := Request{ID: 1, A: data, Days: "90", Lang: "ru"}
	var gc gchold.Holds
	run := func() {
		var done bool
		release := gc.Hold(req.GCRoom(), runtime.GC)
		defer release()
		w.Handle(req, func(m Message) {
			require.NotEqual(b, KindError, m.Kind, m.Error)
			done = done || m.Kind == KindDone
		})
		require.True(b, done)
	}
	run() // the file is read once, as in the page's worker
	b.ReportAllocs()
	for b.Loop() {
		run()
	}
}
