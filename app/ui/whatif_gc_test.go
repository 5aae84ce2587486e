package ui

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

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
