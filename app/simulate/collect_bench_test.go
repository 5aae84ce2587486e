package simulate

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// BenchmarkCollectAfterJump10000 is one garbage collection of what the
// board keeps after a jump to the end of the seed example with 10 000
// deals (e2e BenchmarkBoardJump10k): the scenario, its simulation and the
// log. In the browser Go marks the whole live heap in one task, so this
// is the floor of the jump's longest task; it reports the live objects
// and megabytes the collector marks. Run it with GOMAXPROCS=1 (the
// browser's one thread), or in wasm under Node (docs/performance.md).
func BenchmarkCollectAfterJump10000(b *testing.B) {
	sc, err := ScenarioWithItems(seedData(b), 9999)
	require.NoError(b, err)
	require.NoError(b, engine.Check(sc))
	c, err := New(sc)
	require.NoError(b, err)
	end := c.End()
	for !c.RunToward(end, 1<<20) {
	}
	c.EndRun()
	require.Equal(b, engine.MaxLogEntries+1, c.Sim().LogLen(), "the jump fills the log")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
	}
	b.StopTimer()
	b.ReportMetric(float64(ms.HeapObjects), "objects")
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB")
	runtime.KeepAlive(c)
}
