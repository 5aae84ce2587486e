package clockqueue_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/clockqueue"
)

type key struct {
	sec, nsec int64
	seq       uint64
}

func cmpKey(a, b key) int {
	switch {
	case a.sec != b.sec:
		return cmpInt(a.sec, b.sec)
	case a.nsec != b.nsec:
		return cmpInt(a.nsec, b.nsec)
	default:
		return cmpInt(a.seq, b.seq)
	}
}

func cmpInt[N int64 | uint64](a, b N) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestOrder pushes keys in random order, with many ties on the instant and
// extreme seconds, and checks that they come out sorted by (sec, nsec, seq).
func TestOrder(t *testing.T) {
	tests := []struct {
		name string
		secs []int64
	}{
		{name: "one instant", secs: []int64{0}},
		{name: "few instants", secs: []int64{-5, 0, 7}},
		{name: "beyond Unix nanoseconds", secs: []int64{math.MinInt64, -1 << 40, 1 << 40, math.MaxInt64}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			var keys []key
			for seq := range uint64(500) {
				keys = append(keys, key{tt.secs[rng.IntN(len(tt.secs))], rng.Int64N(3), seq})
			}
			var q clockqueue.Queue[key]
			for _, i := range rng.Perm(len(keys)) {
				k := keys[i]
				q.Push(k.sec, k.nsec, k.seq, k)
			}
			require.Equal(t, len(keys), q.Len())
			var got []key
			for q.Len() > 0 {
				top := q.Top()
				assert.Equal(t, top, q.Pop())
				got = append(got, top)
			}
			want := slices.Clone(keys)
			slices.SortFunc(want, cmpKey)
			assert.Equal(t, want, got)
		})
	}
}

// TestInterleaved mixes pushes and pops, as a clock does: what is pushed
// while the queue drains still comes out in order.
func TestInterleaved(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var q clockqueue.Queue[key]
	var seq uint64
	last := key{sec: math.MinInt64 / 2}
	for range 5000 {
		if q.Len() == 0 || rng.IntN(3) > 0 {
			k := key{last.sec + 1 + rng.Int64N(3), rng.Int64N(2), seq} // never before the last popped
			seq++
			q.Push(k.sec, k.nsec, k.seq, k)
			continue
		}
		k := q.Pop()
		assert.LessOrEqual(t, cmpKey(last, k), 0, "popped %v after %v", k, last)
		last = k
	}
}

// Pop forgets the value it returns, so the queue keeps nothing alive.
func TestPopClearsSlot(t *testing.T) {
	var q clockqueue.Queue[*int]
	a, b := 1, 2
	q.Push(0, 0, 0, &a)
	q.Push(0, 0, 1, &b)
	assert.Same(t, &a, q.Pop())
	assert.Same(t, &b, q.Pop())
	assert.Equal(t, 0, q.Len())
}

func ExampleQueue() {
	var q clockqueue.Queue[string]
	q.Push(60, 0, 0, "call back")
	q.Push(0, 0, 1, "send e-mail")
	q.Push(60, 0, 2, "change stage")
	for q.Len() > 0 {
		fmt.Println(q.Pop())
	}
	// Output:
	// send e-mail
	// call back
	// change stage
}

func BenchmarkPushPop(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	var q clockqueue.Queue[*int]
	v := new(int)
	for i := range 10000 {
		q.Push(rng.Int64N(1e6), 0, uint64(i), v)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		q.Push(rng.Int64N(1e6), 0, uint64(i+10000), v)
		q.Pop()
	}
}

func TestAll(t *testing.T) {
	var q clockqueue.Queue[int]
	for i := range 10 {
		q.Push(int64(10-i), 0, uint64(i), i)
	}
	var got []int
	for v := range q.All() {
		got = append(got, v)
		if len(got) == 4 {
			break
		}
	}
	assert.Len(t, got, 4)
	got = slices.Collect(q.All())
	slices.Sort(got)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, got)
}
