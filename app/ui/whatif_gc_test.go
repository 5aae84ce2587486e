package ui

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHoldGC checks that a what-if run holds the collector off, under a
// memory limit, and that the settings come back (and a collection runs)
// when the last of overlapping runs lets go, once however often it does.
func TestHoldGC(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	var g gcHold
	collected := 0
	collect := func() { collected++ }

	first := g.hold(64<<20, collect)
	assert.Equal(t, -1, debug.SetGCPercent(-1), "held off")
	held := debug.SetMemoryLimit(-1)
	assert.Less(t, held, int64(math.MaxInt64), "under a limit")
	assert.GreaterOrEqual(t, held, int64(64<<20), "with room to run")

	second := g.hold(64<<20, collect) // a cancelled run still winding down
	assert.Equal(t, held, debug.SetMemoryLimit(-1), "the first hold's limit")
	first()
	first()
	assert.Equal(t, -1, debug.SetGCPercent(-1), "held while another run goes")
	assert.Zero(t, collected)

	second()
	assert.Equal(t, 100, debug.SetGCPercent(100), "let go")
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "no limit again")
	require.Equal(t, 1, collected, "collected once, when the last run let go")
	second()
	assert.Equal(t, 1, collected)
}

// TestHoldGCAcrossPages: the what-if page is made anew on every visit, and
// a cancelled run of the last one may still hold the collector off when
// the next page starts its own. The settings restored once both let go,
// in either order, must be the program's, never the held-off ones.
func TestHoldGCAcrossPages(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	tab := testTab()
	old, next := &WhatifPage{Tab: tab}, &WhatifPage{Tab: tab}
	collect := func() {}

	winding := old.Tab.gc.hold(64<<20, collect)
	running := next.Tab.gc.hold(64<<20, collect)
	winding()
	assert.Equal(t, -1, debug.SetGCPercent(-1), "held while the new page's run goes")
	running()
	assert.Equal(t, 100, debug.SetGCPercent(100), "the program's setting, not the held-off one")
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "no limit again")
}
