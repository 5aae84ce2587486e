package simulate

import (
	"encoding/json"
	"fmt"
)

// stateVersion is the version of the saved simulation state.
const stateVersion = 1

// savedState is what a reload needs to continue where the user was: the
// user's actions, replayed from the scenario's start (the engine is
// deterministic, so the clock, the items and the log come back exactly).
type savedState struct {
	Version int      `json:"version"`
	Done    []Action `json:"done"`
	Redo    []Action `json:"redo,omitempty"`
}

// MarshalState encodes the simulation's state for the store. A run in
// progress is saved as far as it got, and goes on.
func (c *Controller) MarshalState() ([]byte, error) {
	return json.Marshal(savedState{Version: stateVersion, Done: c.done, Redo: c.redo})
}

// RestoreState replays a saved state on the controller's scenario. On an
// error the controller is left at the scenario's start, never half-way.
func (c *Controller) RestoreState(data []byte) error {
	var st savedState
	if err := json.Unmarshal(data, &st); err != nil {
		return fmt.Errorf("read the saved simulation: %w", err)
	}
	if st.Version != stateVersion {
		return fmt.Errorf("read the saved simulation: version %d, this build reads %d", st.Version, stateVersion)
	}
	for i, a := range append(append([]Action(nil), st.Done...), st.Redo...) {
		switch a.Kind {
		case ActFire, ActRun, ActReset:
		default:
			return fmt.Errorf("read the saved simulation: action %d has an unknown kind %q", i, a.Kind)
		}
	}
	c.endRun()
	c.done, c.redo = st.Done, st.Redo
	if err := c.replay(); err != nil {
		c.done, c.redo = nil, nil
		if err2 := c.restart(); err2 != nil {
			return fmt.Errorf("%w (and restarting: %v)", err, err2)
		}
		return err
	}
	return nil
}
