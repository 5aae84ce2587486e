package session_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
)

// openExample creates the seed article's scenario in a session over store.
func openExample(t *testing.T, store storage.Full) (*session.Session, string) {
	t.Helper()
	ex, ok := examples.Find("07-seed-article")
	require.True(t, ok)
	s := session.New(tabstore.Local(store), nil, nil)
	id, err := s.Create(context.Background(), ex.Data)
	require.NoError(t, err)
	return s, id
}

// attachRestored attaches the simulation of the open scenario and applies
// its saved state (none, or the one stored), as the board does on opening.
func attachRestored(t *testing.T, s *session.Session) *simulate.Controller {
	t.Helper()
	sim, id := s.Simulation(), s.Doc().ID
	ctl, _, err := sim.Attach(s.Doc())
	require.NoError(t, err)
	data, err := sim.Load(context.Background(), id)
	_, err = sim.Restore(id, data, err)
	require.NoError(t, err)
	return ctl
}

// A reload is a new session over the same store: the simulation comes
// back with its clock and moves.
func TestSimulationSurvivesAReload(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	s, id := openExample(t, store)
	sim := s.Simulation()
	ctl, restore, err := sim.Attach(s.Doc())
	require.NoError(t, err)
	require.True(t, restore, "a new simulation reads the saved state first")
	data, err := sim.Load(ctx, id)
	require.ErrorIs(t, err, storage.ErrNotExist)
	refresh, err := sim.Restore(id, data, err)
	require.NoError(t, err)
	assert.True(t, refresh)

	_, _, ok := sim.Pending()
	require.True(t, ok, "the start is saved once")
	require.True(t, ctl.Step())
	pid, state, ok := sim.Pending()
	require.True(t, ok)
	require.Equal(t, id, pid)
	require.NoError(t, sim.Save(ctx, pid, state))
	_, _, ok = sim.Pending()
	assert.False(t, ok, "nothing changed since the save")

	reload := session.New(tabstore.Local(store), nil, nil)
	_, err = reload.Show(ctx, id)
	require.NoError(t, err)
	ctl2, restore, err := reload.Simulation().Attach(reload.Doc())
	require.NoError(t, err)
	require.True(t, restore)
	_, _, ok = reload.Simulation().Pending()
	assert.False(t, ok, "nothing is written while the saved state is read")
	data, err = reload.Simulation().Load(ctx, id)
	require.NoError(t, err)
	_, err = reload.Simulation().Restore(id, data, err)
	require.NoError(t, err)
	assert.Equal(t, ctl.Now(), ctl2.Now())
	assert.Len(t, ctl2.Actions(), len(ctl.Actions()))
}

// Coming back to the board keeps the simulation; an edit of the scenario
// is applied to it; another scenario gets its own.
func TestSimulationAttach(t *testing.T) {
	ctx := context.Background()
	s, id := openExample(t, memory.New())
	sim := s.Simulation()
	ctl, _, err := sim.Attach(s.Doc())
	require.NoError(t, err)
	_, err = sim.Restore(id, nil, storage.ErrNotExist)
	require.NoError(t, err)
	require.True(t, ctl.Step())

	again, restore, err := sim.Attach(s.Doc())
	require.NoError(t, err)
	assert.Same(t, ctl, again)
	assert.False(t, restore)

	require.NoError(t, s.Edit(ctx, func(sc *engine.Scenario) error { sc.Title = "Другое"; return nil }))
	edited, _, err := sim.Attach(s.Doc())
	require.NoError(t, err)
	assert.Same(t, ctl, edited)
	assert.Equal(t, "Другое", edited.Scenario().Title)
	assert.Len(t, edited.Actions(), 1, "the moves are replayed on the edited scenario")

	_, err = s.Create(ctx, session.Blank("Б", "ru"))
	require.NoError(t, err)
	other, restore, err := sim.Attach(s.Doc())
	require.NoError(t, err)
	assert.NotSame(t, ctl, other)
	assert.True(t, restore)

	_, _, err = sim.Attach(nil)
	assert.ErrorIs(t, err, session.ErrNoScenario)
}

// The user's actions win over a saved state that arrives late, and a
// state read for a scenario no longer attached is dropped.
func TestSimulationRestoreRaces(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	s, id := openExample(t, store)
	ctl, _, err := s.Simulation().Attach(s.Doc())
	require.NoError(t, err)
	require.True(t, ctl.Step())
	require.True(t, ctl.Step())
	saved, err := ctl.MarshalState()
	require.NoError(t, err)
	require.NoError(t, store.PutSimState(ctx, id, saved))

	reload := session.New(tabstore.Local(store), nil, nil)
	_, err = reload.Show(ctx, id)
	require.NoError(t, err)
	sim := reload.Simulation()
	fresh, _, err := sim.Attach(reload.Doc())
	require.NoError(t, err)
	data, loadErr := sim.Load(ctx, id)
	require.NoError(t, loadErr)
	require.True(t, fresh.Step()) // the user acted before the read arrived
	_, err = sim.Restore(id, data, loadErr)
	require.NoError(t, err)
	assert.Len(t, fresh.Actions(), 1, "the user's action is kept")

	refresh, err := sim.Restore("another", data, nil)
	require.NoError(t, err)
	assert.False(t, refresh)

	_, err = sim.Restore(id, []byte("{not json"), nil)
	assert.NoError(t, err, "after the first restore the simulation is the user's")
}

// A broken saved state is reported and ignored.
func TestSimulationBrokenState(t *testing.T) {
	s, id := openExample(t, memory.New())
	sim := s.Simulation()
	_, _, err := sim.Attach(s.Doc())
	require.NoError(t, err)
	refresh, err := sim.Restore(id, []byte("{not json"), nil)
	assert.True(t, refresh)
	require.Error(t, err)
	assert.Contains(t, err.Error(), id)
}

// The board writes each state after the browser painted it, so two
// writes may finish in either order: an older state never overwrites a
// newer one.
func TestSimulationOlderWriteLosesToNewer(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	s, id := openExample(t, store)
	sim := s.Simulation()
	ctl := attachRestored(t, s)

	require.True(t, ctl.Step())
	_, older, ok := sim.Pending()
	require.True(t, ok)
	require.True(t, ctl.Step())
	_, newer, ok := sim.Pending()
	require.True(t, ok)
	require.NotEqual(t, older, newer)

	require.NoError(t, sim.Save(ctx, id, newer))
	require.NoError(t, sim.Save(ctx, id, older), "a superseded write is skipped, not an error")
	stored, err := sim.Load(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, newer, stored, "the newest state stays stored")

	// In the other order both land, the newer last.
	require.True(t, ctl.Step())
	_, third, ok := sim.Pending()
	require.True(t, ok)
	require.NoError(t, sim.Save(ctx, id, third))
	stored, err = sim.Load(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, third, stored)
}

// The states kept to order the writes go with their writes: a tab that
// simulates one scenario after another keeps none of those it left once
// their writes are done, and a write still to come of a scenario left
// behind still loses to a newer one.
func TestSimulationForgetsTheWritesOfScenariosLeft(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	s, first := openExample(t, store)
	sim := s.Simulation()
	ctl := attachRestored(t, s)
	require.True(t, ctl.Step())
	_, older, ok := sim.Pending()
	require.True(t, ok)
	require.True(t, ctl.Step())
	_, newer, ok := sim.Pending()
	require.True(t, ok)
	require.NoError(t, sim.Save(ctx, first, newer))
	assert.Equal(t, 1, sim.WritesHeld(), "the older write is still to come")

	ex, ok := examples.Find("07-seed-article")
	require.True(t, ok)
	second, err := s.Create(ctx, ex.Data)
	require.NoError(t, err)
	ctl = attachRestored(t, s)
	assert.Equal(t, 1, sim.WritesHeld(), "left behind, with a write to come")
	require.NoError(t, sim.Save(ctx, first, older))
	stored, err := sim.Load(ctx, first)
	require.NoError(t, err)
	assert.Equal(t, newer, stored, "the late older write still loses")
	assert.Zero(t, sim.WritesHeld(), "its writes done, the scenario left is forgotten")

	require.True(t, ctl.Step())
	_, state, ok := sim.Pending()
	require.True(t, ok)
	require.NoError(t, sim.Save(ctx, second, state))
	assert.Equal(t, 1, sim.WritesHeld(), "the attached scenario's newest state stays")
	for range 20 {
		_, err := s.Create(ctx, ex.Data)
		require.NoError(t, err)
		ctl = attachRestored(t, s)
		require.True(t, ctl.Step())
		id, state, ok := sim.Pending()
		require.True(t, ok)
		require.NoError(t, sim.Save(ctx, id, state))
	}
	assert.Equal(t, 1, sim.WritesHeld(), "one scenario's state, not one per scenario opened")
}
