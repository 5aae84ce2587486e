package session_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
)

// newSession is a session over store as the tab's store (tabstore.Local),
// on a fixed clock with ids s1, s2, ….
func newSession(t *testing.T, store storage.Full) *session.Session {
	t.Helper()
	n := 0
	return session.New(tabstore.Local(store), func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) },
		func() string { n++; return "s" + string(rune('0'+n)) })
}

func TestEditUndoRedo(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, memory.New())
	id, err := s.Create(ctx, session.Blank("Тест", "ru"))
	require.NoError(t, err)
	require.NoError(t, s.Edit(ctx, func(sc *engine.Scenario) error { sc.Title = "Второй"; return nil }))
	require.Equal(t, "Второй", s.Scenario().Title)
	require.True(t, s.CanUndo())
	require.NoError(t, s.Undo(ctx))
	require.Equal(t, "Тест", s.Scenario().Title)
	require.NoError(t, s.Redo(ctx))
	require.Equal(t, "Второй", s.Scenario().Title)

	rec, err := s.Store().GetScenario(ctx, id)
	require.NoError(t, err)
	require.Equal(t, "Второй", rec.Title, "every kept edit is saved")
}

func TestInvalidEditChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, memory.New())
	_, err := s.Create(ctx, session.Blank("Тест", "ru"))
	require.NoError(t, err)
	before := string(s.Doc().JSON)
	err = s.Edit(ctx, func(sc *engine.Scenario) error {
		sc.Triggers = append(sc.Triggers, engine.Trigger{ID: "t1", Entity: "DEAL", Stage: "NOPE", Code: "CALL"})
		return nil
	})
	require.ErrorIs(t, err, engine.ErrInvalid)
	require.Contains(t, err.Error(), `triggers[0].stage: unknown stage "NOPE" in DEAL`)
	require.Equal(t, before, string(s.Doc().JSON))
	require.False(t, s.CanUndo())
}

func TestCreateRefusesInvalidFile(t *testing.T) {
	s := newSession(t, memory.New())
	_, err := s.Create(context.Background(), []byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}], "triggers": [{"id": "t", "entity": "DEAL", "stage": "NEW", "code": "CALL", "alowBackwards": true}]}`))
	require.ErrorIs(t, err, engine.ErrInvalid)
	list, err := s.List(context.Background())
	require.NoError(t, err)
	require.Empty(t, list, "a failed import stores nothing")
}

// slowStore delays every write, as IndexedDB does, so that edits started
// from separate goroutines overlap.
type slowStore struct{ storage.Full }

func (s slowStore) PutScenario(ctx context.Context, rec storage.Record) error {
	time.Sleep(5 * time.Millisecond)
	return s.Full.PutScenario(ctx, rec)
}

// The UI runs each edit in its own goroutine; two quick edits must not
// both save on top of the same revision (a false "changed in another tab").
func TestConcurrentEditsDoNotConflict(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, slowStore{memory.New()})
	_, err := s.Create(ctx, session.Blank("Тест", "ru"))
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.Edit(ctx, func(sc *engine.Scenario) error { sc.Description += "x"; return nil })
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.False(t, errors.Is(err, storage.ErrConflict), "edit conflicted with itself: %v", err)
		require.NoError(t, err)
	}
	require.Equal(t, "xxxxxxxx", s.Scenario().Description)
	require.Equal(t, 9, s.Doc().Revision-0, "one create and eight saves")
}

// TestCreateScenario: creating from a scenario already read stores what
// Create stores for its file (the board's ?items=N skips one write and
// read of the JSON this way).
func TestCreateScenario(t *testing.T) {
	ctx := context.Background()
	data := []byte(`{"format": "triggersim/scenario", "version": 1, "title": "Тест", "locale": "ru",
		"entities": [{"type": "DEAL"}], "items": [{"entity": "DEAL", "id": 1, "stage": "NEW", "fields": {"TITLE": "Поставка", "OPPORTUNITY": 5000}}]}`)
	viaFile := newSession(t, memory.New())
	idFile, err := viaFile.Create(ctx, data)
	require.NoError(t, err)
	fromFile, err := viaFile.Store().GetScenario(ctx, idFile)
	require.NoError(t, err)

	sc, err := engine.ReadScenario(data)
	require.NoError(t, err)
	direct := newSession(t, memory.New())
	id, err := direct.CreateScenario(ctx, sc)
	require.NoError(t, err)
	stored, err := direct.Store().GetScenario(ctx, id)
	require.NoError(t, err)
	require.Equal(t, string(fromFile.Data), string(stored.Data))
	require.Same(t, sc, direct.Scenario())
	require.Equal(t, stored.Data, direct.Doc().JSON)

	// An invalid scenario is refused and nothing is stored.
	bad, err := engine.ReadScenario(data)
	require.NoError(t, err)
	bad.Items[0].Stage = "NOWHERE"
	_, err = newSession(t, memory.New()).CreateScenario(ctx, bad)
	require.Error(t, err)
}
