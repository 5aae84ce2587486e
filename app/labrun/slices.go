package labrun

import (
	"time"

	"github.com/triggersim/triggersim/app/whatiflab"
)

// Stepper is work done a few steps at a time: a whatif.Batch of runs or a
// calibrate.Fitter. Step does up to n steps and reports whether any work
// is left.
type Stepper interface {
	Step(n int) bool
}

// Slices drive a Stepper in the lab's worker: work for about Slice, look
// at cancelled, and report progress at most every Every. The zero value
// works: the wall clock and the what-if page's budget (DefaultSlice,
// whatiflab.DefaultEvery, DefaultChunk steps at a time).
type Slices struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Slice, Every and Chunk: 0 means the defaults.
	Slice, Every time.Duration
	Chunk        int
}

// DefaultChunk is how many steps run between two looks at the clock.
const DefaultChunk = 16

// DefaultSlice is how long Drive works before it looks at cancelled and
// progress.
const DefaultSlice = 8 * time.Millisecond

// Drive steps s until it is done or cancelled reports true (checked after
// every slice; nil means never). progress, when not nil, is called
// between slices at most every Every, never after the last step: the
// caller reads its Stepper's progress there. Drive reports whether s
// finished (false: cancelled).
func (sl Slices) Drive(s Stepper, cancelled func() bool, progress func()) bool {
	now, slice, every, chunk := sl.Now, sl.Slice, sl.Every, sl.Chunk
	if now == nil {
		now = time.Now
	}
	if slice <= 0 {
		slice = DefaultSlice
	}
	if every <= 0 {
		every = whatiflab.DefaultEvery
	}
	if chunk <= 0 {
		chunk = DefaultChunk
	}
	var last time.Time
	for more := true; more; {
		t0 := now()
		for more && now().Sub(t0) < slice {
			more = s.Step(chunk)
		}
		if cancelled != nil && cancelled() {
			return false
		}
		if !more {
			return true
		}
		if progress != nil && now().Sub(last) >= every {
			last = now()
			progress()
		}
	}
	return true
}
