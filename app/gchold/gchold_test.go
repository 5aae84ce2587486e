package gchold

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// settings reads the collector's percent and memory limit without
// changing them.
func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1) // a negative limit only reads it
}

// TestHoldsNestAndRestore checks that the collector is off from the first
// hold to the last release, with a limit of the heap plus room, that the
// settings before come back then, that collect is called once, by the last
// hold's first release, and that releasing again does nothing.
func TestHoldsNestAndRestore(t *testing.T) {
	debug.SetGCPercent(150)
	debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	})
	var h Holds
	collected := 0
	collect := func() { collected++ }
	const room = 64 << 20

	first := h.Hold(room, collect)
	percent, limit := settings()
	assert.Equal(t, -1, percent, "held off")
	assert.Greater(t, limit, int64(room), "the heap's objects plus room")
	assert.Less(t, limit, int64(math.MaxInt64))

	second := h.Hold(8<<20, collect)
	_, limit2 := settings()
	assert.Equal(t, limit, limit2, "a nested hold keeps the first limit")

	first()
	first()
	percent, _ = settings()
	assert.Equal(t, -1, percent, "still held by the second")
	assert.Zero(t, collected)

	second()
	percent, limit = settings()
	assert.Equal(t, 150, percent)
	assert.Equal(t, int64(math.MaxInt64), limit)
	assert.Equal(t, 1, collected)
	second()
	assert.Equal(t, 1, collected, "a release counts once")

	// And again from the start.
	again := h.Hold(room, collect)
	percent, _ = settings()
	require.Equal(t, -1, percent)
	again()
	percent, _ = settings()
	assert.Equal(t, 150, percent)
	assert.Equal(t, 2, collected)
}
