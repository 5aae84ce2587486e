package engine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHistoryAcrossChunks checks that the stage histories, kept in one
// arena of fixed chunks for all items, read back per item in order: three
// items moved in turn, well past one chunk, against the moves the log
// records.
func TestHistoryAcrossChunks(t *testing.T) {
	sc := benchScenario(3, false)
	s, err := New(sc, Options{})
	require.NoError(t, err)
	want := map[string][]StagePoint{}
	for _, in := range sc.Items {
		want[Target("DEAL", in.ID)] = []StagePoint{{At: sc.Start, Stage: in.Stage, Pipeline: 0}}
	}
	for i, ev := range benchEvents(6000, 3) {
		s.RunUntil(sc.Start.Add(time.Duration(i) * time.Minute))
		s.Fire(ev)
		for _, e := range s.RawLog() {
			if e.Type == LogTrigger {
				want[e.Target] = append(want[e.Target], StagePoint{At: e.Time, Stage: e.To, Pipeline: 0})
			}
		}
		s.TrimLog()
	}
	require.Greater(t, s.nHist, 2*histChunk, "the histories span several chunks")
	for target, w := range want {
		got := s.History(target)
		require.Len(t, got, len(w), target)
		for i := range w {
			assert.True(t, w[i].At.Equal(got[i].At), "%s point %d at %v, want %v", target, i, got[i].At, w[i].At)
			assert.Equal(t, w[i].Stage, got[i].Stage, "%s point %d", target, i)
			assert.Equal(t, w[i].Pipeline, got[i].Pipeline, "%s point %d", target, i)
		}
		// The stage at each point's time is the last point's at or before it.
		it := s.byTarget[target]
		for j := 0; j < len(w); j += 7 {
			at, stage := w[j].At, ""
			for _, p := range w {
				if !p.At.After(at) {
					stage = p.Stage
				}
			}
			st, ok := it.stageAt(at)
			assert.True(t, ok)
			assert.Equal(t, stage, st, "%s stage at %v", target, at)
		}
		st, ok := it.stageAt(sc.Start.Add(-time.Second))
		assert.False(t, ok, "%s before it existed: %q", target, st)
	}
	assert.Nil(t, s.History("DEAL_99"))
}
