package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
)

// TestWarmUp runs the board's warm-up on every example, and on the seed
// example with 9 999 added deals: the throwaway simulation runs its
// script to the end in steps with a turn for the browser between them,
// and leaves the page's scenario as it was.
func TestWarmUp(t *testing.T) {
	type tc struct {
		name  string
		data  []byte
		extra int
	}
	var cases []tc
	for _, ex := range examples.All() {
		cases = append(cases, tc{ex.Name, ex.Data, 0})
		if ex.Name == "07-seed-article.json" {
			cases = append(cases, tc{ex.Name + " with 9999 deals", ex.Data, 9999})
		}
	}
	require.NotEmpty(t, cases)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sc, err := simulate.ScenarioWithItems(c.data, c.extra)
			require.NoError(t, err)
			before, err := engine.WriteScenario(sc)
			require.NoError(t, err)
			small := warmScenario(sc)
			assert.Len(t, small.Items, min(len(sc.Items), warmItems))
			yields := 0
			ended := warmUp(small, "ru", func() { yields++ })
			after, err := engine.WriteScenario(sc)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "the page's scenario is untouched")
			if _, err := simulate.New(small); err == nil {
				assert.True(t, ended, "the throwaway run reaches the end of the script")
				assert.Greater(t, yields, 3, "the warm-up goes in steps")
			}
		})
	}
}
