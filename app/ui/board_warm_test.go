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

// TestWarmMove: the warm-up's manual move takes an item to another stage
// of its own pipeline, as the board's move menu does, on every example
// the engine runs.
func TestWarmMove(t *testing.T) {
	for _, ex := range examples.All() {
		sc, err := simulate.ScenarioWithItems(ex.Data, 0)
		require.NoError(t, err, ex.Name)
		ctl, err := simulate.New(warmScenario(sc))
		if err != nil {
			continue
		}
		ev, at, ok := warmMove(ctl)
		if !ok {
			assert.Empty(t, ctl.Sim().Places(), "%s: an item and no other stage to move it to", ex.Name)
			continue
		}
		assert.Equal(t, engine.CodeMove, ev.Code, ex.Name)
		assert.Equal(t, at.Target, ev.Target, ex.Name)
		assert.NotEqual(t, at.Stage, ev.Data["stage"], ex.Name)
		pl, ok := ctl.Pipeline(at.Entity, at.Pipeline)
		require.True(t, ok, ex.Name)
		assert.Contains(t, stageIDs(pl), ev.Data["stage"], ex.Name)
	}
}

func stageIDs(pl engine.Pipeline) []any {
	var ids []any
	for _, st := range pl.Stages {
		ids = append(ids, st.ID)
	}
	return ids
}
