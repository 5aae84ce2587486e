package whatif

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMedianP90 checks the selection against sorting: the same values for
// every length up to a few hundred and for large ones, with values drawn
// from wide and from tiny ranges (many repeats, as robot delays give).
func TestMedianP90(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name  string
		sizes []int
		span  int64
	}{
		{"wide", []int{1, 2, 3, 4, 5, 9, 10, 11, 99, 100, 101, 257, 40000}, 1 << 40},
		{"few values", []int{1, 2, 3, 7, 10, 64, 1000, 40000}, 3},
		{"all equal", []int{1, 2, 10, 1000}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, n := range tc.sizes {
				for round := 0; round < 5; round++ {
					d := make([]int64, n)
					for i := range d {
						d[i] = rng.Int64N(tc.span)
					}
					switch round {
					case 1:
						slices.Sort(d)
					case 2:
						slices.Sort(d)
						slices.Reverse(d)
					}
					sorted := slices.Sorted(slices.Values(d))
					med, p90 := medianP90(d)
					require.Equal(t, nearestRank(sorted, 5), med, "n=%d round %d", n, round)
					require.Equal(t, nearestRank(sorted, 9), p90, "n=%d round %d", n, round)
					require.ElementsMatch(t, sorted, d, "the values are only reordered")
				}
			}
		})
	}
}

// TestConvCounts checks both forms of the conversion counts.
func TestConvCounts(t *testing.T) {
	for _, n := range []int{3, 256, 300} {
		c := newConvCounts(n)
		c.add(0, 1)
		c.add(0, 1)
		c.add(1, n-1)
		c.add(n-1, 0)
		require.Equal(t, 2, c.get(0, 1), n)
		require.Equal(t, 0, c.get(1, 0), n)
		require.Equal(t, 1, c.get(1, n-1), n)
		require.Equal(t, 1, c.get(n-1, 0), n)
		require.Equal(t, n <= 256, c.dense != nil, n)
	}
}
