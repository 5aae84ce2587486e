package whatif

// queue is the runner's clock: a 4-ary min-heap of entries by (at, seq).
//
// It holds tens of thousands of entries (every item's pending model
// events) and is popped once per fired entry. Against the binary heap of
// internal/clockqueue it has half the levels, so a pop reads about half as
// many cache lines; the keys sit beside the pointer, and a sift moves the
// hole instead of swapping, one write per level. The keys are unique (seq
// is), so the order out is the same as any other heap's.
type queue struct {
	slots []qslot
}

type qslot struct {
	at  int64
	seq uint64
	e   *entry
}

func (a *qslot) less(b *qslot) bool {
	return a.at < b.at || a.at == b.at && a.seq < b.seq
}

func (q *queue) Len() int { return len(q.slots) }

// Top is the first entry; the queue must not be empty.
func (q *queue) Top() *entry { return q.slots[0].e }

// TopAt is the first entry's time; the queue must not be empty.
func (q *queue) TopAt() int64 { return q.slots[0].at }

func (q *queue) Push(e *entry) {
	s := append(q.slots, qslot{})
	x := qslot{e.at, e.seq, e}
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 4
		if !x.less(&s[p]) {
			break
		}
		s[i] = s[p]
		i = p
	}
	s[i] = x
	q.slots = s
}

// Pop removes and returns the first entry; the queue must not be empty.
func (q *queue) Pop() *entry {
	s := q.slots
	top := s[0].e
	n := len(s) - 1
	x := s[n]
	s[n] = qslot{} // drop the reference
	s = s[:n]
	q.slots = s
	if n == 0 {
		return top
	}
	i := 0
	for {
		c := 4*i + 1
		if c >= n {
			break
		}
		m := c
		end := min(c+4, n)
		for j := c + 1; j < end; j++ {
			if s[j].less(&s[m]) {
				m = j
			}
		}
		if !s[m].less(&x) {
			break
		}
		s[i] = s[m]
		i = m
	}
	s[i] = x
	return top
}
