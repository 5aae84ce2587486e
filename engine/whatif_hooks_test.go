package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runBatch fires evs one by one, reading and trimming the log after each
// as the what-if runner does, and returns every entry read.
func runBatch(t *testing.T, s *Sim, evs []Event) []LogEntry {
	t.Helper()
	var out []LogEntry
	for _, ev := range evs {
		s.Fire(ev)
		out = append(out, s.RawLog()...)
		s.TrimLog()
	}
	return out
}

// TestKnowReason checks that a reason told to KnowReason is logged by its
// code alone, and that nothing else about the run changes: the same
// entries in the same order, the same moves and counters.
func TestKnowReason(t *testing.T) {
	evs := benchEvents(400, 50)
	// Codes without triggers in the pipeline: nothing to try on the item.
	evs = append(evs, Event{Code: "TASK_STATUS", Target: "DEAL_3"}, Event{Code: "INVOICE", Target: "DEAL_4"})
	full, err := New(benchScenario(50, true), Options{})
	require.NoError(t, err)
	want := runBatch(t, full, evs)

	brief, err := New(benchScenario(50, true), Options{})
	require.NoError(t, err)
	brief.KnowReason(codeConditionFalse, "t2")
	brief.KnowReason(codeConditionFalse, "t2") // twice is once
	brief.KnowReason("none.inPipeline", "")
	brief.KnowReason("none.unsupported", "")
	brief.KnowReason(codeConditionFalse, "no-such-trigger")
	got := runBatch(t, brief, evs)

	require.Len(t, got, len(want))
	briefed := map[string]int{}
	for i := range want {
		w := want[i]
		if w.Type == LogSkip && w.Trigger == "t2" && w.Why.Code == codeConditionFalse ||
			w.Type == LogNote && (w.Why.Code == "none.inPipeline" || w.Why.Code == "none.unsupported") {
			assert.Positive(t, len(w.Why.Args)+len(w.Why.Parts), "entry %d explains in full", i)
			w.Why = Reason{Code: w.Why.Code}
			briefed[w.Why.Code]++
		}
		assert.Equal(t, w, got[i], "entry %d", i)
	}
	assert.Positive(t, briefed[codeConditionFalse], "t2's condition failed at least once")
	assert.Positive(t, briefed["none.inPipeline"]+briefed["none.unsupported"], "an event had no candidates")
	for _, id := range []string{"t0", "t1", "t2"} {
		for n := 1; n <= 50; n++ {
			target := Target("DEAL", n)
			assert.Equal(t, full.Fired(target, id), brief.Fired(target, id), "%s fired on %s", id, target)
		}
	}
	assert.Equal(t, full.Steps(), brief.Steps())
	assert.Len(t, brief.briefs[2], 1)
}
