// Package clockqueue is the queue of a virtual clock: a binary min-heap of
// values ordered by their time and then by the order they were scheduled
// in.
//
// The engine's simulation and the what-if runner both need one, on their
// hottest path. Each slot carries its keys beside the value, so that
// sifting through a queue of a hundred thousand entries compares integers
// without reading the values; the keys are compared in place, with no
// method or function value in between, so the generic code costs nothing
// over a hand-written heap.
//
// The time is two integers, seconds and nanoseconds, so that any date a
// scenario can hold orders correctly (Unix nanoseconds overflow outside
// the years 1678–2262). The sequence number breaks ties: among values due
// at the same instant, the one scheduled first comes out first, which
// keeps every run deterministic.
//
// The package uses the standard library only, so the engine can use it.
package clockqueue

import "iter"

// Queue is a min-heap by (sec, nsec, seq). The zero value is an empty
// queue ready to use.
type Queue[T any] struct {
	slots []slot[T]
}

type slot[T any] struct {
	sec  int64
	nsec int64
	seq  uint64
	v    T
}

func (a *slot[T]) less(b *slot[T]) bool {
	if a.sec != b.sec {
		return a.sec < b.sec
	}
	if a.nsec != b.nsec {
		return a.nsec < b.nsec
	}
	return a.seq < b.seq
}

// Len is the number of values in the queue.
func (q *Queue[T]) Len() int { return len(q.slots) }

// Push schedules v at the instant (sec, nsec), after everything already
// scheduled with the same instant and a lower seq.
func (q *Queue[T]) Push(sec, nsec int64, seq uint64, v T) {
	s := append(q.slots, slot[T]{sec, nsec, seq, v})
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !s[i].less(&s[p]) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
	q.slots = s
}

// Top is the first value; the queue must not be empty.
func (q *Queue[T]) Top() T { return q.slots[0].v }

// All yields every value in the queue, in no particular order.
func (q *Queue[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := range q.slots {
			if !yield(q.slots[i].v) {
				return
			}
		}
	}
}

// Pop removes and returns the first value; the queue must not be empty.
func (q *Queue[T]) Pop() T {
	s := q.slots
	n := len(s) - 1
	v := s[0].v
	s[0] = s[n]
	s[n] = slot[T]{} // drop the reference, so the value can be collected
	s = s[:n]
	i := 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && s[r].less(&s[l]) {
			m = r
		}
		if !s[m].less(&s[i]) {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	q.slots = s
	return v
}
