package ui

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHeapNearGoal: after a fired event the board collects only when the
// collector would soon begin a cycle anyway, so that it does not collect
// after every move.
func TestHeapNearGoal(t *testing.T) {
	percent := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(percent) })
	keep := make([][]byte, 0, 64)
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 64<<10)) // 4 MB live
	}
	runtime.GC()
	assert.False(t, heapNearGoal(), "just collected: the goal is twice the live heap")

	debug.SetGCPercent(10)
	assert.True(t, heapNearGoal(), "the goal is a tenth above the live heap")
	runtime.KeepAlive(keep)
}
