package session_test

import (
	"context"
	"fmt"
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

// The session hands on what opening the store found: the fallback reason
// and a wait for another tab; it never answers for a store it has not got.
func TestOpeningIsReported(t *testing.T) {
	ctx := context.Background()
	tab := tabstore.New()
	s := session.New(tab, nil, nil)
	tab.SetBlocked()
	assert.True(t, s.StoreBlocked())
	waitCtx, cancel := context.WithCancel(ctx)
	cancel()
	_, err := s.WaitStore(waitCtx)
	require.ErrorIs(t, err, context.Canceled, "an unresolved store is waited for, not assumed")

	noIDB := fmt.Errorf("%w: a private window", storage.ErrUnavailable)
	tab.Resolve(ctx, memory.New(), nil, noIDB)
	fallback, err := s.WaitStore(ctx)
	require.NoError(t, err)
	assert.Equal(t, noIDB, fallback)
	assert.False(t, s.StoreBlocked())
	assert.False(t, s.StoreUpgraded())
	_, _, persisted, err := s.StorageUsage(ctx)
	assert.ErrorIs(t, err, storage.ErrUnavailable, "a store in the tab's memory has no usage")
	assert.False(t, persisted)
}

// Over the tab's store the session reports its saves and settings.
func TestTabStoreParts(t *testing.T) {
	ctx := context.Background()
	s := session.New(tabstore.Local(memory.New()), nil, nil)
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
