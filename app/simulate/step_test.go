package simulate

import (
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// seedTenThousand is the seed example with 9 999 more deals of its
// contact: its call is one event over ten thousand items.
func seedTenThousand(t *testing.T) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile("../../examples/07-seed-article.json")
	require.NoError(t, err)
	sc, err := ScenarioWithItems(data, 9999)
	require.NoError(t, err)
	return sc
}

func resultOf(t *testing.T, s *engine.Sim) string {
	t.Helper()
	out, err := engine.MarshalResult(s.Result())
	require.NoError(t, err)
	return string(out)
}

// TestStepBudgetTenThousand: the board's big jump in budgeted steps gives
// the bytes of whole steps, for any budget.
func TestStepBudgetTenThousand(t *testing.T) {
	sc := seedTenThousand(t)
	whole, err := engine.New(sc, engine.Options{})
	require.NoError(t, err)
	whole.Run()
	want := resultOf(t, whole)
	for _, budget := range []int{1, 7, 1000} {
		t.Run(strconv.Itoa(budget), func(t *testing.T) {
			s, err := engine.New(sc, engine.Options{})
			require.NoError(t, err)
			calls := 0
			for {
				used, _ := s.StepBudget(budget)
				if used == 0 {
					break
				}
				calls++
			}
			s.Run()
			require.Equal(t, want, resultOf(t, s))
			if budget < 1000 {
				require.Greater(t, calls, 10000/budget, "the call was split")
			}
		})
	}
}

// TestStepBudgetThenFire: an event fired while a step is pending comes
// after the whole step.
func TestStepBudgetThenFire(t *testing.T) {
	sc := seedTenThousand(t)
	ev := engine.Event{Code: "CALL", Target: "CONTACT_1", Data: map[string]any{"LINE_NUMBER": "+74952223344"}}
	whole, err := engine.New(sc, engine.Options{})
	require.NoError(t, err)
	for whole.Step() {
		if whole.LogLen() > 5000 {
			break
		}
	}
	whole.Fire(ev)
	whole.Run()

	s, err := engine.New(sc, engine.Options{})
	require.NoError(t, err)
	for {
		used, done := s.StepBudget(100)
		require.Positive(t, used)
		if !done && s.LogLen() > 5000 {
			break
		}
	}
	require.True(t, s.Pending())
	s.Fire(ev)
	require.False(t, s.Pending())
	s.Run()
	require.Equal(t, resultOf(t, whole), resultOf(t, s))
}

// TestRunTowardSplitsAnEventAndReplays: the board's jump over ten
// thousand deals runs in small budgets, the big call spread over many of
// them; a jump paused in the middle of that call finishes it, and undo
// then redo give the same simulation back.
func TestRunTowardSplitsAnEventAndReplays(t *testing.T) {
	sc := seedTenThousand(t)
	whole, err := engine.New(sc, engine.Options{})
	require.NoError(t, err)
	whole.Run()
	want := resultOf(t, whole)

	c, err := New(sc)
	require.NoError(t, err)
	end := c.End()
	slices := 0
	for !c.RunToward(end, 64) {
		slices++
	}
	c.EndRun()
	assert.Greater(t, slices, 10000/64, "the call was split")
	assert.Equal(t, want, resultOf(t, c.Sim()))
	require.NoError(t, c.Undo())
	require.NoError(t, c.Redo())
	assert.Equal(t, want, resultOf(t, c.Sim()))

	// Paused inside the call: the pause finishes it, and the action says so.
	c, err = New(sc)
	require.NoError(t, err)
	for !c.Sim().Pending() {
		require.False(t, c.RunToward(end, 64))
	}
	c.EndRun()
	require.False(t, c.Sim().Pending())
	require.Len(t, c.Actions(), 1)
	paused := resultOf(t, c.Sim())
	require.NoError(t, c.Undo())
	require.NoError(t, c.Redo())
	assert.Equal(t, paused, resultOf(t, c.Sim()))
}
