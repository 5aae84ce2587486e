package engine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lastDueOfItems is LastDue as the board computed it before: the latest
// PendingRobot.Due over Items, the first in Items' order on a tie.
func lastDueOfItems(s *Sim) (time.Time, bool) {
	var last time.Time
	found := false
	for _, it := range s.Items() {
		for _, p := range it.Pending {
			if !found || p.Due.After(last) {
				last, found = p.Due, true
			}
		}
	}
	return last, found
}

// TestLastDue follows a run whose moves start and cancel delayed robots and
// compares LastDue with the latest due time Items reports after every event.
func TestLastDue(t *testing.T) {
	s, err := New(benchScenario(3, false), Options{})
	require.NoError(t, err)
	_, ok := s.LastDue()
	assert.False(t, ok, "no robots, nothing waits")

	sc := benchScenario(40, true)
	s, err = New(sc, Options{})
	require.NoError(t, err)
	seen := 0
	for i, ev := range benchEvents(400, 40) {
		s.RunUntil(sc.Start.Add(time.Duration(i) * 7 * time.Minute))
		s.Fire(ev)
		want, wantOK := lastDueOfItems(s)
		got, ok := s.LastDue()
		require.Equal(t, wantOK, ok, "event %d", i)
		if ok {
			seen++
			assert.True(t, want.Equal(got), "event %d: %v, want %v", i, got, want)
			assert.Equal(t, want.Location(), got.Location(), "event %d", i)
		}
		s.TrimLog()
	}
	assert.Greater(t, seen, 100, "robots were waiting for most of the run")
}
