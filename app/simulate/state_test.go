package simulate

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

func seedController(t *testing.T) *Controller {
	t.Helper()
	sc, err := engine.ReadScenario(seedData(t))
	require.NoError(t, err)
	c, err := New(sc)
	require.NoError(t, err)
	return c
}

func resultJSON(t *testing.T, c *Controller) string {
	t.Helper()
	b, err := engine.MarshalResult(c.Sim().Result())
	require.NoError(t, err)
	return string(b)
}

// A reload continues where the user was: clock, items and log.
func TestStateRoundTrip(t *testing.T) {
	c := seedController(t)
	c.Fire(engine.Event{Code: "CALL", Target: "DEAL_1", Data: map[string]any{"LINE_NUMBER": "+74952223344"}})
	require.True(t, c.Step())
	c.Fire(engine.Event{Code: engine.CodeMove, Target: "DEAL_1", Data: map[string]any{"stage": "EXECUTING"}})
	require.NoError(t, c.Undo())
	data, err := c.MarshalState()
	require.NoError(t, err)

	back := seedController(t)
	require.NoError(t, back.RestoreState(data))
	require.Equal(t, resultJSON(t, c), resultJSON(t, back))
	require.Equal(t, c.Now(), back.Now())
	require.True(t, back.CanRedo(), "the undone action can still be redone after a reload")
	require.NoError(t, back.Redo())
	it, _ := back.Sim().Item("DEAL_1")
	require.Equal(t, "EXECUTING", it.Stage)
}

func TestRestoreStateRefusesBadData(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{`{`, "read the saved simulation: unexpected end of JSON input"},
		{`{"version": 9, "done": []}`, "read the saved simulation: version 9, this build reads 1"},
		{`{"version": 1, "done": [{"Kind": "explode"}]}`, `read the saved simulation: action 0 has an unknown kind "explode"`},
	} {
		c := seedController(t)
		start := resultJSON(t, c)
		err := c.RestoreState([]byte(tc.data))
		require.EqualError(t, err, tc.want)
		require.Equal(t, start, resultJSON(t, c), "a refused state leaves the simulation at the start")
	}
}
