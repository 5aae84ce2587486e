package whatif

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestQueueOrder pushes and pops entries in random interleavings, with
// many equal times, and checks each pop against a sorted reference: the
// earliest time first, and among equal times the first scheduled.
func TestQueueOrder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		times int64 // distinct times: few means many ties
		pushP float64
	}{
		{"empty after one", 1, 1, 1},
		{"ties only", 200, 1, 0.6},
		{"few times", 2000, 7, 0.6},
		{"many times", 5000, 1 << 40, 0.55},
		{"grow then drain", 3000, 100, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tc.n)))
			var q queue
			var ref []*entry
			var seq uint64
			pushed := 0
			for pushed < tc.n || q.Len() > 0 {
				if pushed < tc.n && (q.Len() == 0 || rng.Float64() < tc.pushP) {
					seq++
					e := &entry{at: rng.Int64N(tc.times) - tc.times/2, seq: seq}
					q.Push(e)
					ref = append(ref, e)
					pushed++
					continue
				}
				slices.SortFunc(ref, func(a, b *entry) int {
					return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.seq, b.seq))
				})
				require.Equal(t, ref[0].at, q.TopAt())
				require.Same(t, ref[0], q.Top())
				require.Same(t, ref[0], q.Pop())
				ref = ref[1:]
				require.Equal(t, len(ref), q.Len())
			}
		})
	}
}
