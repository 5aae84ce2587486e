package session_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
)

func TestRestoreVersion(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, memory.New())
	id, err := s.Create(ctx, session.Blank("Первый", "ru"))
	require.NoError(t, err)
	require.NoError(t, s.Edit(ctx, func(sc *engine.Scenario) error { sc.Title = "Второй"; return nil }))

	vs, err := s.Versions(ctx, id)
	require.NoError(t, err)
	require.Len(t, vs, 2)
	assert.Equal(t, "Второй", vs[0].Title)

	require.NoError(t, s.RestoreVersion(ctx, vs[1].Revision))
	assert.Equal(t, "Первый", s.Scenario().Title)
	vs, err = s.Versions(ctx, id)
	require.NoError(t, err)
	assert.Len(t, vs, 3, "a restore is itself a version")
	require.True(t, s.CanUndo())

	require.ErrorIs(t, s.RestoreVersion(ctx, 99), storage.ErrNotExist)
	rec, err := s.Stored(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, "Первый", rec.Title)
	_, err = s.Stored(ctx, "nope")
	assert.ErrorIs(t, err, storage.ErrNotExist)
}

// basicStore has none of the optional parts.
type basicStore struct{ storage.Store }

// A store without an optional part says so with ErrUnavailable; it never
// pretends to have done the work.
func TestMissingPartsAreErrors(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, basicStore{memory.New()})
	_, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	_, err = s.Versions(ctx, "s1")
	assert.ErrorIs(t, err, storage.ErrUnavailable)
	assert.ErrorIs(t, s.RestoreVersion(ctx, 1), storage.ErrUnavailable)
	_, _, _, err = s.StorageUsage(ctx)
	assert.ErrorIs(t, err, storage.ErrUnavailable)
	fallback, err := s.WaitStore(ctx)
	assert.NoError(t, err)
	assert.NoError(t, fallback)
	cancel := s.Subscribe(func(tabstore.Event) { assert.Fail(t, "no events without a tab store") })
	cancel()
}

// Over the tab's store the session reports its saves and settings.
func TestTabStoreParts(t *testing.T) {
	ctx := context.Background()
	tab := tabstore.New()
	tab.Resolve(ctx, memory.New(), nil)
	s := newSession(t, tab)
	var kinds []tabstore.Kind
	cancel := s.Subscribe(func(e tabstore.Event) { kinds = append(kinds, e.Kind) })
	_, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	cancel()
	assert.Equal(t, []tabstore.Kind{tabstore.Saving, tabstore.Saved}, kinds)

	require.NoError(t, s.PutSetting(ctx, storage.SettingLang, "en"))
	lang, err := s.GetSetting(ctx, storage.SettingLang)
	require.NoError(t, err)
	assert.Equal(t, "en", lang)
	_, _, _, err = s.StorageUsage(ctx)
	assert.ErrorIs(t, err, storage.ErrUnavailable, "the memory store reports no usage")
}
