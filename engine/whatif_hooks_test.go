package engine

import (
	"runtime"
	"testing"
	"time"
	"weak"

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

// TestTrimEvents checks that a batch run that forgets its fired events
// (TrimEvents after every step) runs the same, that Events keeps their
// indexes with zero Events in their place, and that an event's data is
// then no longer held by the run.
func TestTrimEvents(t *testing.T) {
	evs := benchEvents(400, 50)
	// Each run starts with an arrival whose data holds a value the engine
	// does not read: only the fired event holds it.
	run := func(trim bool) (*Sim, []LogEntry, weak.Pointer[[64]byte]) {
		s, err := New(benchScenario(50, true), Options{})
		require.NoError(t, err)
		held := new([64]byte)
		s.Fire(Event{Code: CodeCreate, Target: "DEAL", Data: map[string]any{
			"stage": "PREPARATION", "fields": map[string]any{"OPPORTUNITY": 50000.0}, "note": held}})
		var out []LogEntry
		for i, ev := range evs {
			if i > 0 {
				s.Fire(ev)
			}
			if i%16 == 0 {
				s.RunUntil(s.Now().Add(time.Hour))
			}
			for _, e := range s.RawLog() {
				e.Data = nil // the event's data: compared by the runs' Events
				out = append(out, e)
			}
			s.TrimLog()
			if trim {
				s.TrimEvents()
			}
		}
		return s, out, weak.Make(held)
	}
	kept, want, keptHeld := run(false)
	trimmed, got, trimmedHeld := run(true)
	assert.Equal(t, want, got, "the same log entries")
	assert.Equal(t, kept.Steps(), trimmed.Steps())
	assert.Equal(t, kept.Items(), trimmed.Items())
	for _, id := range []string{"t0", "t1", "t2"} {
		for n := 1; n <= 51; n++ {
			target := Target("DEAL", n)
			assert.Equal(t, kept.Fired(target, id), trimmed.Fired(target, id), "%s fired on %s", id, target)
		}
	}

	// Fired after the last trim: still there, at the same index.
	last := Event{Code: "CALL", Target: "DEAL_3"}
	idx := trimmed.Fire(last)
	require.Equal(t, idx, kept.Fire(last))
	all, allKept := trimmed.Events(), kept.Events()
	require.Len(t, all, len(allKept))
	require.Len(t, all, idx+1)
	for i := range idx {
		assert.Zero(t, all[i], "event %d is forgotten", i)
	}
	assert.Equal(t, allKept[idx], all[idx])

	// The trimmed run let go of the arrival's data (overwritten in the
	// log since); a run that keeps its events holds it.
	all, allKept = nil, nil
	runtime.GC()
	assert.Nil(t, trimmedHeld.Value(), "the trimmed run let go of the arrival's data")
	assert.NotNil(t, keptHeld.Value(), "a run that keeps its events holds the arrival's data")
	runtime.KeepAlive(trimmed)
	runtime.KeepAlive(kept)
}
