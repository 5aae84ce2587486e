package engine

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCountersDenseAndSorted runs the same traffic on a scenario small
// enough to count in dense arrays and on the same one with 70 more
// triggers (that never fire), which counts in sorted slices: every item's
// Fired and Ran must agree.
func TestCountersDenseAndSorted(t *testing.T) {
	small := benchScenario(30, true)
	large := benchScenario(30, true)
	for i := 0; i < 70; i++ {
		large.Triggers = append(large.Triggers, Trigger{ID: fmt.Sprintf("never%d", i), Entity: "DEAL", Stage: "WON", Code: "INVOICE"})
	}
	run := func(sc *Scenario) *Sim {
		s, err := New(sc, Options{NoLog: true})
		require.NoError(t, err)
		for i, ev := range benchEvents(3000, 30) {
			s.Fire(ev)
			if i%50 == 0 {
				s.RunUntil(s.Now().Add(time.Hour))
			}
		}
		return s
	}
	d, l := run(small), run(large)
	require.Positive(t, d.countKeys, "the small scenario counts densely")
	require.Zero(t, l.countKeys, "the large one in sorted slices")
	total := 0
	for n := 1; n <= 30; n++ {
		target := Target("DEAL", n)
		for _, tr := range small.Triggers {
			assert.Equal(t, l.Fired(target, tr.ID), d.Fired(target, tr.ID), "%s fired on %s", tr.ID, target)
			total += d.Fired(target, tr.ID)
		}
		for _, rb := range small.Robots {
			assert.Equal(t, l.Ran(target, rb.ID), d.Ran(target, rb.ID), "%s ran on %s", rb.ID, target)
			total += d.Ran(target, rb.ID)
		}
		assert.Zero(t, d.Fired(target, "no-such-trigger"))
	}
	assert.Greater(t, total, 1000)
	assert.Zero(t, d.Fired("DEAL_99", "t1"))
}
