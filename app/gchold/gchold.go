// Package gchold holds Go's garbage collector off while a piece of work
// runs, and lets it go when the last holder is done.
//
// In the browser Go's collector has no thread of its own: a cycle that
// begins during a long computation marks the heap in whichever task the
// program next waits in, one long task, again and again as the work
// allocates. Both of triggersim's programs hold it off for such work: the
// page while a what-if run or a fired event is on its way to the screen
// (app/ui), the what-if worker for each run (app/worker). A hold is
// bounded: the collector runs anyway once the work has allocated its room.
//
// It is plain Go, without go-app or syscall/js, so that both programs and
// a host test use the same code.
package gchold

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Holds counts the holds of one program. The collector's settings are the
// program's, so a program keeps one Holds: the first hold saves the
// settings and the last release restores them. The zero value is ready;
// it is safe for use by several goroutines (a cancelled run may still be
// winding down when the next one starts).
type Holds struct {
	mu      sync.Mutex
	holds   int
	percent int
	limit   int64
}

// Hold turns the collector off until release, unless the heap grows by
// more than room (a memory limit of the heap's objects now plus room
// makes the collector run anyway). release may be called any number of
// times; the last hold's first release restores the settings and then
// calls collect (runtime.GC to collect at once, in the caller's task,
// rather than in whichever task allocates next; an empty function to let
// the collector run when it next would).
func (h *Holds) Hold(room int64, collect func()) (release func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.holds == 0 {
		h.limit = debug.SetMemoryLimit(heapObjects() + room)
		h.percent = debug.SetGCPercent(-1)
	}
	h.holds++
	var once sync.Once
	return func() {
		once.Do(func() {
			h.mu.Lock()
			last := h.holds == 1
			if h.holds--; last {
				debug.SetGCPercent(h.percent)
				debug.SetMemoryLimit(h.limit)
			}
			h.mu.Unlock()
			if last {
				collect()
			}
		})
	}
}

// heapObjects is the size of the heap's objects, in bytes.
func heapObjects() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// Prepare reads what a first Hold reads. The runtime builds its table of
// metrics on the first read: in a trace of the board's first fired event,
// compiling runtime.initMetrics and readMetricsLocked alone took 4.7 ms of
// its task, then they ran for the first time. A program calls Prepare at a
// quiet moment to pay that there.
func Prepare() { heapObjects() }
