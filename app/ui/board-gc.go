package ui

import (
	"runtime"
	"runtime/metrics"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// boardGCRoom is what a fired event may allocate while the collector is
// held off (boardHoldGC) before it runs anyway: a move on a board of
// 2 000 deals allocates about 0.4 MB.
const boardGCRoom = 32 << 20

// boardHoldGC holds Go's garbage collector off from a fired event until
// go-app has drawn its result and the browser has painted it, then lets
// go in a task of its own (collectIfDue). In the browser the collector
// has no thread of its own: a cycle that begins while the event runs or
// while go-app updates the page marks the whole heap in that task (about
// 5 MB live at 2 000 deals, 15-45 ms of wasm on the test machine), so one
// move in every six or seven took two to four times as long as the
// others. Call it on the UI goroutine.
func (p *BoardPage) boardHoldGC() {
	if !app.IsClient || !p.page.ok {
		return
	}
	whenPainted(p.page.ctx, p.Tab.gc.hold(boardGCRoom, collectIfDue))
}

// whenPainted calls f, off the UI goroutine and in a task of its own,
// once go-app has drawn what the page shows now and the browser has
// painted it. It gives up waiting for the frame after a second (the page
// went away) and for the paint after half a second (a hidden tab paints
// nothing), and calls f then. Call it on the UI goroutine.
func whenPainted(page app.Context, f func()) {
	drawn := make(chan struct{})
	page.Defer(func(app.Context) { close(drawn) })
	page.Async(func() {
		select {
		case <-drawn:
		case <-time.After(time.Second):
		}
		painted := make(chan struct{})
		go func() {
			afterPaint()
			close(painted)
		}()
		select {
		case <-painted:
		case <-time.After(500 * time.Millisecond):
		}
		f()
	})
}

// collectIfDue collects now when the collector, its setting restored,
// would begin a cycle soon anyway (the heap is three quarters of the way
// to its goal): then the cycle runs in the caller's task, after a paint,
// rather than inside the next click.
func collectIfDue() {
	if heapNearGoal() {
		runtime.GC()
	}
}

// heapNearGoal reports whether the heap's objects reach three quarters of
// the heap size at which the collector's next cycle is to end.
func heapNearGoal() bool {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	goal, heap := s[0].Value.Uint64(), s[1].Value.Uint64()
	return heap >= goal/4*3
}
