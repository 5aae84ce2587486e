package session_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/faultstore"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/engine"
)

const openNewFile = `{"format": "triggersim/scenario", "version": 1, "title": "Тест", "locale": "ru",
	"entities": [{"type": "DEAL"}], "items": [{"entity": "DEAL", "id": 1, "stage": "NEW", "fields": {"TITLE": "Поставка", "OPPORTUNITY": 5000}}]}`

func readOpenNewFile(t *testing.T) *engine.Scenario {
	t.Helper()
	sc, err := engine.ReadScenario([]byte(openNewFile))
	require.NoError(t, err)
	return sc
}

// OpenNew shows a new scenario before it is stored; StoreNew then stores
// exactly what CreateScenario stores, with the same revision.
func TestOpenNewThenStoreNew(t *testing.T) {
	ctx := context.Background()
	created := newSession(t, memory.New())
	idCreated, err := created.CreateScenario(ctx, readOpenNewFile(t))
	require.NoError(t, err)
	want, err := created.Store().GetScenario(ctx, idCreated)
	require.NoError(t, err)

	s := newSession(t, memory.New())
	sc := readOpenNewFile(t)
	id, err := s.OpenNew(ctx, sc)
	require.NoError(t, err)
	require.Same(t, sc, s.Scenario())
	assert.False(t, s.Doc().Saved)
	assert.False(t, s.OpenUnsaved(), "a new scenario waiting for its store is not an unsaved edit")
	assert.False(t, s.HasUnsaved())
	_, err = s.Store().GetScenario(ctx, id)
	require.ErrorIs(t, err, storage.ErrNotExist, "nothing is stored before StoreNew")

	require.NoError(t, s.StoreNew(ctx))
	got, err := s.Store().GetScenario(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, string(want.Data), string(got.Data))
	assert.Equal(t, want.Title, got.Title)
	assert.Equal(t, want.Revision, got.Revision)
	assert.Equal(t, got.Data, s.Doc().JSON)
	assert.True(t, s.Doc().Saved)
	assert.Equal(t, created.Doc().Revision, s.Doc().Revision)
	last, err := s.Show(ctx, "")
	require.NoError(t, err)
	assert.Equal(t, id, last, "the new scenario is the one to reopen")

	require.NoError(t, s.StoreNew(ctx), "a second StoreNew does nothing")
	again, err := s.Store().GetScenario(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, got.Revision, again.Revision)
}

// Every operation of the session stores a new scenario first: an edit
// made before StoreNew is a second version on top of the stored first.
func TestOpenNewIsStoredBeforeAnyOperation(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		op   func(s *session.Session, id string) error
		// title is the stored title afterwards; "" when the op deletes it.
		title string
	}{
		{"edit", func(s *session.Session, _ string) error { return s.Edit(ctx, retitle("Правка")) }, "Правка"},
		{"rename", func(s *session.Session, id string) error { return s.Rename(ctx, id, "Имя") }, "Имя"},
		{"save", func(s *session.Session, _ string) error { return s.Save(ctx) }, "Тест"},
		{"close", func(s *session.Session, _ string) error { s.Close(); return nil }, "Тест"},
		{"open another", func(s *session.Session, _ string) error {
			_, err := s.Create(ctx, session.Blank("Другой", "ru"))
			return err
		}, "Тест"},
		{"duplicate", func(s *session.Session, id string) error { _, err := s.Duplicate(ctx, id, "Копия"); return err }, "Тест"},
		{"delete", func(s *session.Session, id string) error { return s.Delete(ctx, id) }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSession(t, memory.New())
			id, err := s.OpenNew(ctx, readOpenNewFile(t))
			require.NoError(t, err)
			require.NoError(t, tc.op(s, id))
			rec, err := s.Store().GetScenario(ctx, id)
			if tc.title == "" {
				require.ErrorIs(t, err, storage.ErrNotExist)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.title, rec.Title)
			_, err = engine.ReadScenario(rec.Data)
			require.NoError(t, err, "the stored file is whole")
			if d := s.Doc(); d != nil && d.ID == id {
				assert.Equal(t, rec.Data, d.JSON)
				assert.True(t, d.Saved)
			}
		})
	}
}

// When the store fails, the new scenario stays open and unsaved, with its
// file for download, and the retries store it.
func TestOpenNewWhoseStoreFails(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	id, err := s.OpenNew(ctx, readOpenNewFile(t))
	require.NoError(t, err)
	fs.Fail(faultstore.ErrQuota)
	err = s.StoreNew(ctx)
	require.ErrorIs(t, err, session.ErrNotSaved)
	assert.Equal(t, id, s.Doc().ID)
	assert.True(t, s.OpenUnsaved())
	u, ok := s.UnsavedOf(id)
	require.True(t, ok)
	assert.Contains(t, string(u.JSON), `"Тест"`)

	fs.Heal()
	clock.Advance(session.RetryDelay(1))
	assert.Equal(t, "Тест", storedTitle(t, s, id))
	assert.False(t, s.OpenUnsaved())
	assert.Empty(t, s.Unsaved())
}

// An invalid scenario is not opened.
func TestOpenNewRefusesInvalid(t *testing.T) {
	s := newSession(t, memory.New())
	bad := readOpenNewFile(t)
	bad.Items[0].Stage = "NOWHERE"
	_, err := s.OpenNew(context.Background(), bad)
	require.Error(t, err)
	assert.Nil(t, s.Doc())
}
