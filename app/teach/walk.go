package teach

import (
	"fmt"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// Walk goes through a scenario one due task at a time (a script event or a
// delayed robot) and tells each one as a Narration: the narration mode's
// "next event".
type Walk struct {
	sim   *engine.Sim
	done  int
	last  Narration
	start int // log length before the last task
	prev  map[string]string
}

// NewWalk starts a walk at the scenario's start.
func NewWalk(sc *engine.Scenario) (*Walk, error) {
	sim, err := engine.New(sc, engine.Options{})
	if err != nil {
		return nil, fmt.Errorf("start the narration: %w", err)
	}
	return &Walk{sim: sim}, nil
}

// ReplayWalk starts a walk and runs n tasks, so that a page can rebuild
// its walk (for example in another language) without keeping the engine.
func ReplayWalk(sc *engine.Scenario, n int) (*Walk, error) {
	w, err := NewWalk(sc)
	if err != nil {
		return nil, err
	}
	for i := 0; i < n && w.Next(); i++ {
	}
	return w, nil
}

// Sim is the walk's simulation (read only).
func (w *Walk) Sim() *engine.Sim { return w.sim }

// Count is how many tasks ran.
func (w *Walk) Count() int { return w.done }

// HasNext reports whether a task is left.
func (w *Walk) HasNext() bool {
	_, ok := w.sim.Next()
	return ok
}

// Next runs the next due task with its whole cascade; false when nothing
// is left.
func (w *Walk) Next() bool {
	if !w.HasNext() {
		return false
	}
	w.prev = map[string]string{}
	for _, st := range w.sim.Items() {
		w.prev[st.Target] = st.Stage
	}
	w.start = len(w.sim.Log())
	w.sim.Step()
	w.done++
	return true
}

// Narration tells the last task in lang; the zero Narration before the
// first Next.
func (w *Walk) Narration(lang string) Narration {
	if w.done == 0 {
		return Narration{}
	}
	entries := w.sim.Log()[w.start:]
	n := newNarration(w.sim, entries, lang, w.prev)
	nm := namer{sc: w.sim.Scenario(), sim: w.sim, lang: lang}
	if len(entries) > 0 {
		first := entries[0]
		if first.Type == engine.LogEvent && first.Event < len(w.sim.Events()) {
			n.Title = nm.when(first.Time) + " — " + nm.event(w.sim.Events()[first.Event])
		} else {
			n.Title = nm.when(first.Time) + " — " + i18n.F(lang, "teach.walk.robotDue", "robot", nm.robot(first.Robot))
		}
	}
	return n
}
