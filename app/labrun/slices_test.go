package labrun_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/app/labrun"
)

// steps is a Stepper of n steps, each taking one millisecond of a fake
// clock.
type steps struct {
	left, calls int
	clock       *time.Time
}

func (s *steps) Step(n int) bool {
	s.calls++
	k := min(n, s.left)
	s.left -= k
	*s.clock = s.clock.Add(time.Duration(k) * time.Millisecond)
	return s.left > 0
}

func TestDriveSlicesReports(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &steps{left: 1000, clock: &clock}
	reports := 0
	sl := labrun.Slices{Now: func() time.Time { return clock },
		Slice: 8 * time.Millisecond, Every: 100 * time.Millisecond, Chunk: 4}
	assert.True(t, sl.Drive(s, nil, func() { reports++ }))
	assert.Equal(t, 0, s.left)
	assert.Equal(t, 250, s.calls, "4 steps a call")
	// progress at the first slice, then at most every 100 ms
	assert.Equal(t, 10, reports)
}

func TestDriveStopsWhenCancelled(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &steps{left: 1000, clock: &clock}
	slices := 0
	sl := labrun.Slices{Now: func() time.Time { return clock }, Slice: 10 * time.Millisecond, Chunk: 1}
	finished := sl.Drive(s, func() bool { slices++; return slices == 3 }, nil)
	assert.False(t, finished)
	assert.Equal(t, 970, s.left, "three slices of ten steps, then nothing")
}

func TestDriveDefaults(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &steps{left: 100, clock: &clock}
	assert.True(t, labrun.Slices{Now: func() time.Time { return clock }}.Drive(s, nil, nil))
	assert.Equal(t, 7, s.calls, "16 steps a call by default")
}
