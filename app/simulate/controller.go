// Package simulate drives one engine.Sim for the board page: reset, fire an
// event, step to the next due task, run toward a time in slices, undo and
// redo of those actions, and the view models the board renders (columns,
// cards, the explanation of the last event, histories, the log). It is plain
// Go with no go-app import, so every user intent is tested on the host.
package simulate

import (
	"fmt"
	"time"

	"github.com/triggersim/triggersim/engine"
)

// Kinds of Action.
const (
	// ActFire fires Event now (an event from the dialog, a dragged card, an
	// edited or added item).
	ActFire = "fire"
	// ActRun steps Steps times and then, when Until is set, runs up to
	// Until (which only moves the clock: the run stopped before the next
	// due task). Step, play and jump are all runs.
	ActRun = "run"
	// ActReset starts over from the scenario's start.
	ActReset = "reset"
)

// Action is one thing the user did to the simulation. Replaying the
// actions from the start gives exactly the same simulation, which is what
// undo and redo do: the engine has no snapshot, and replay is simple and
// always correct.
type Action struct {
	Kind  string
	Event engine.Event
	Steps int
	Until time.Time
}

// Controller is the simulation of the open scenario and its action history.
// It is not safe for concurrent use: the UI calls it on its goroutine.
type Controller struct {
	sc  *engine.Scenario
	sim *engine.Sim

	done []Action // applied since New, oldest first
	redo []Action // undone, most recent last

	// lastEvent is the event index (engine.Sim.Events) whose cascade the
	// explanation shows, -1 for none.
	lastEvent int
	// lastFrom is the log length before the last action: entries from
	// there on are what "just happened" (moved cards, lit chips).
	lastFrom int
	// running is true while a run action is being extended by RunToward.
	running bool
	// places is the buffer where the board reads where every item is
	// (engine.Sim.AppendPlaces), reused from one refresh to the next.
	places []engine.ItemPlace
}

// New builds a controller at the scenario's start.
func New(sc *engine.Scenario) (*Controller, error) {
	c := &Controller{sc: sc, lastEvent: -1}
	if err := c.restart(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Controller) restart() error {
	sim, err := engine.New(c.sc, engine.Options{})
	if err != nil {
		return fmt.Errorf("start the simulation: %w", err)
	}
	c.sim, c.lastEvent, c.lastFrom = sim, -1, 0
	return nil
}

// Sim is the running simulation (read it, do not drive it directly: the
// controller would lose track for undo).
func (c *Controller) Sim() *engine.Sim { return c.sim }

// Scenario is the scenario being simulated.
func (c *Controller) Scenario() *engine.Scenario { return c.sc }

// Now is the virtual clock.
func (c *Controller) Now() time.Time { return c.sim.Now() }

// Start is the scenario's start time.
func (c *Controller) Start() time.Time { return c.sc.Start }

// Next is when the next script event or delayed robot is due.
func (c *Controller) Next() (time.Time, bool) { return c.sim.Next() }

// LastEvent is the index of the event the explanation shows, or -1.
func (c *Controller) LastEvent() int { return c.lastEvent }

// Actions returns a copy of the applied actions (for tests and display).
func (c *Controller) Actions() []Action { return append([]Action(nil), c.done...) }

// CanUndo and CanRedo tell the clock bar which buttons to enable.
func (c *Controller) CanUndo() bool { return len(c.done) > 0 }
func (c *Controller) CanRedo() bool { return len(c.redo) > 0 }

// Fire runs an event now with its whole cascade and returns its index.
func (c *Controller) Fire(ev engine.Event) int {
	c.endRun()
	c.redo = nil
	ev.Data = cloneData(ev.Data)
	c.done = append(c.done, Action{Kind: ActFire, Event: ev})
	return c.apply(c.done[len(c.done)-1])
}

// Step runs the next due task; false when nothing is left.
func (c *Controller) Step() bool {
	c.endRun()
	if _, ok := c.sim.Next(); !ok {
		return false
	}
	c.redo = nil
	a := Action{Kind: ActRun, Steps: 1}
	c.done = append(c.done, a)
	c.apply(a)
	return true
}

// Reset starts over from the scenario's start. It is an action too, so
// that undo brings the simulation back.
func (c *Controller) Reset() {
	c.endRun()
	c.redo = nil
	c.done = append(c.done, Action{Kind: ActReset})
	c.apply(c.done[len(c.done)-1])
}

// RunToward advances toward t doing at most budget units of the engine's
// work (engine.Sim.StepBudget: an event, a robot run, one item of a client
// event), so that the UI can run long simulations in slices and show
// progress, even when one event reaches ten thousand items. It returns
// true once the clock is at t (or nothing is left and the clock is at t).
// Calls until EndRun extend one action, so that one play or one jump is
// undone at once; a step left unfinished counts in it once it is done,
// and EndRun finishes it.
func (c *Controller) RunToward(t time.Time, budget int) bool {
	if !c.running {
		c.redo = nil
		c.done = append(c.done, Action{Kind: ActRun})
		c.running = true
	}
	a := &c.done[len(c.done)-1]
	from := c.sim.LogLen()
	for budget > 0 {
		if !c.sim.Pending() {
			at, ok := c.sim.Next()
			if !ok || at.After(t) {
				c.sim.RunUntil(t)
				if t.After(a.Until) {
					a.Until = t
				}
				c.noteEvent(from)
				return true
			}
		}
		used, done := c.sim.StepBudget(budget)
		budget -= used
		if done {
			a.Steps++
		}
	}
	c.noteEvent(from)
	return false
}

// EndRun closes the run action that RunToward extends; an empty run is
// dropped.
func (c *Controller) EndRun() { c.endRun() }

func (c *Controller) endRun() {
	if !c.running {
		return
	}
	if c.sim.Pending() {
		// The step under way is finished, so that the action replays
		// to the same state.
		from := c.sim.LogLen()
		c.sim.Step()
		c.done[len(c.done)-1].Steps++
		c.noteEvent(from)
	}
	c.running = false
	if a := c.done[len(c.done)-1]; a.Kind == ActRun && a.Steps == 0 && a.Until.IsZero() {
		c.done = c.done[:len(c.done)-1]
	}
}

// Undo reverts the last action by replaying the ones before it.
func (c *Controller) Undo() error {
	c.endRun()
	if len(c.done) == 0 {
		return nil
	}
	c.redo = append(c.redo, c.done[len(c.done)-1])
	c.done = c.done[:len(c.done)-1]
	return c.replay()
}

// Redo re-applies the last undone action.
func (c *Controller) Redo() error {
	c.endRun()
	if len(c.redo) == 0 {
		return nil
	}
	a := c.redo[len(c.redo)-1]
	c.redo = c.redo[:len(c.redo)-1]
	c.done = append(c.done, a)
	c.apply(a)
	return nil
}

// SetScenario switches to an edited version of the scenario (the script
// or the design changed) and replays the user's actions on it, so the
// simulation keeps its place.
func (c *Controller) SetScenario(sc *engine.Scenario) error {
	c.endRun()
	old := c.sc
	c.sc = sc
	if err := c.replay(); err != nil {
		c.sc = old
		if err2 := c.replay(); err2 != nil {
			return fmt.Errorf("%w (and restoring the previous scenario: %v)", err, err2)
		}
		return err
	}
	return nil
}

// replay rebuilds the simulation from the start and applies the actions
// after the last reset.
func (c *Controller) replay() error {
	if err := c.restart(); err != nil {
		return err
	}
	from := 0
	for i, a := range c.done {
		if a.Kind == ActReset {
			from = i + 1
		}
	}
	for _, a := range c.done[from:] {
		c.apply(a)
	}
	return nil
}

// apply performs one action on the simulation and notes what it did. It
// returns the fired event's index for ActFire, else -1.
func (c *Controller) apply(a Action) int {
	switch a.Kind {
	case ActReset:
		if err := c.restart(); err != nil {
			// The scenario was valid when the controller was built, and
			// restart builds the same simulation again.
			panic(err)
		}
		return -1
	case ActFire:
		c.lastFrom = c.sim.LogLen()
		idx := c.sim.Fire(engine.Event{Code: a.Event.Code, Target: a.Event.Target, Data: cloneData(a.Event.Data), By: a.Event.By})
		c.lastEvent = idx
		return idx
	case ActRun:
		from := c.sim.LogLen()
		for i := 0; i < a.Steps; i++ {
			if !c.sim.Step() {
				break
			}
		}
		if !a.Until.IsZero() {
			c.sim.RunUntil(a.Until)
		}
		c.noteEvent(from)
	}
	return -1
}

// noteEvent makes the explanation follow the cascade of the last log entry
// written since from, if any.
func (c *Controller) noteEvent(from int) {
	if n := c.sim.LogLen(); n > from {
		c.lastEvent = c.sim.LogAt(n - 1).Event
		c.lastFrom = from
	}
}

// cloneData copies event data one level deep so that a replay never sees
// a map the UI changed afterwards.
func cloneData(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = cloneData(sub)
		}
		out[k] = v
	}
	return out
}
