package session

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/app/storage"
)

// Simulation is the board's simulation of the open scenario. It outlives
// the board page (opening the designer and coming back keeps the clock and
// the moves) and is saved to the store, apart from the scenario, so that a
// reload continues where the user was.
//
// The page drives it from the UI goroutine (Attach, Restore, Pending) and
// calls the two storage methods, Load and Save, from ctx.Async.
type Simulation struct {
	// store is the session's store.
	store storage.SimStateStore

	mu    sync.Mutex
	docID string
	json  []byte
	ctl   *simulate.Controller
	// saved is the state last written to the store (or read from it), so
	// that a refresh that changed nothing writes nothing.
	saved []byte
	// restoring is true while the saved state is being read: nothing is
	// written meanwhile, or the empty start would overwrite it.
	restoring bool
	// writing holds, per scenario with a write handed out and not yet
	// done, the newest state Pending handed out and how many of its
	// writes are still to come. The page writes each state after the
	// browser has painted it, so two writes can finish in either order:
	// Save skips a state older than the one held here rather than
	// overwrite it. A scenario's entry goes once its last write is done
	// and another scenario is attached (the attached one's state is
	// m.saved anyway), so a tab that opens many scenarios does not keep a
	// state of each.
	writing map[string]*stateWrites
}

// stateWrites is Simulation.writing's entry for one scenario.
type stateWrites struct {
	newest []byte
	left   int // handed out by Pending, not yet done by Save
}

// forgetDone drops the entries of scenarios other than the attached one
// whose writes are all done. Call it with m.mu held.
func (m *Simulation) forgetDone() {
	for id, w := range m.writing {
		if w.left <= 0 && id != m.docID {
			delete(m.writing, id)
		}
	}
}

// Attach returns the simulation of doc: the one attached before when doc
// is the same scenario (updated to doc's design after an edit), else a new
// one. restore is true when the page must Load and Restore the saved state
// (a new simulation, or a read that a page that went away never applied).
func (m *Simulation) Attach(doc *Doc) (ctl *simulate.Controller, restore bool, err error) {
	if doc == nil {
		return nil, false, ErrNoScenario
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case m.ctl == nil || m.docID != doc.ID:
		ctl, err := simulate.New(doc.Scenario)
		if err != nil {
			return nil, false, err
		}
		m.ctl, m.docID, m.json, m.saved = ctl, doc.ID, doc.JSON, nil
		m.restoring = true
		m.forgetDone()
		return ctl, true, nil
	case !bytes.Equal(m.json, doc.JSON):
		if err := m.ctl.SetScenario(doc.Scenario); err != nil {
			return nil, false, err
		}
		m.json = doc.JSON
	}
	return m.ctl, m.restoring, nil
}

// written gives the simulation of a scenario opened by OpenNew the file
// stored for it, so that the next Attach sees the same scenario, not an edit.
func (m *Simulation) written(id string, json []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.docID == id && m.json == nil {
		m.json = json
	}
}

// Load reads the saved state of scenario id. It touches storage: call it
// off the UI goroutine. A scenario never simulated gives an error
// satisfying errors.Is(err, storage.ErrNotExist).
func (m *Simulation) Load(ctx context.Context, id string) ([]byte, error) {
	return m.store.GetSimState(ctx, id)
}

// Restore applies what Load returned for scenario id. The saved state is
// replayed only when the user has not acted meanwhile (their actions win
// and are saved next) and id is still the attached scenario. refresh
// reports whether the page must redraw; err is a saved state that could
// not be replayed on the current scenario (it is then ignored).
func (m *Simulation) Restore(id string, data []byte, loadErr error) (refresh bool, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.docID != id || m.ctl == nil {
		return false, nil // another scenario meanwhile
	}
	m.restoring = false
	if loadErr != nil || len(m.ctl.Actions()) > 0 {
		return true, nil
	}
	if err := m.ctl.RestoreState(data); err != nil {
		return true, fmt.Errorf("restore the simulation of %s: %w", id, err)
	}
	m.saved = data
	return true, nil
}

// Pending returns the state to save, with its scenario's id, when it
// changed since the last save; ok is false when there is nothing to save
// or the saved state is still being read. The state
// counts as saved from here on: call Save with it.
func (m *Simulation) Pending() (id string, data []byte, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ctl == nil || m.restoring {
		return "", nil, false
	}
	data, err := m.ctl.MarshalState()
	if err != nil || bytes.Equal(data, m.saved) {
		return "", nil, false
	}
	m.saved = data
	if m.writing == nil {
		m.writing = make(map[string]*stateWrites)
	}
	w := m.writing[m.docID]
	if w == nil {
		w = &stateWrites{}
		m.writing[m.docID] = w
	}
	w.newest = data
	w.left++
	return m.docID, data, true
}

// Save writes a state Pending returned, unless Pending has handed out a
// newer state of the same scenario since (that one is written instead,
// whichever write runs first). It touches storage: call it off the UI
// goroutine.
func (m *Simulation) Save(ctx context.Context, id string, data []byte) error {
	m.mu.Lock()
	w := m.writing[id]
	var newest []byte
	if w != nil {
		newest = w.newest
	}
	m.mu.Unlock()
	defer func() {
		if w == nil {
			return
		}
		m.mu.Lock()
		w.left--
		m.forgetDone()
		m.mu.Unlock()
	}()
	if w != nil && !bytes.Equal(newest, data) {
		return nil
	}
	if err := m.store.PutSimState(ctx, id, data); err != nil {
		return fmt.Errorf("save the simulation of %s: %w", id, err)
	}
	return nil
}
