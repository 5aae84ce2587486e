package session_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
)

func TestShowReopensTheLastScenario(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	first := newSession(t, store)
	_, err := first.Show(ctx, "")
	require.ErrorIs(t, err, session.ErrNoScenario, "a new browser has nothing to reopen")

	a, err := first.Create(ctx, session.Blank("A", "ru"))
	require.NoError(t, err)
	b, err := first.Create(ctx, session.Blank("B", "ru"))
	require.NoError(t, err)
	require.NoError(t, first.Open(ctx, a))

	// A reload is a new session over the same store.
	reload := session.New(tabstore.Local(store), nil, nil)
	got, err := reload.Show(ctx, "")
	require.NoError(t, err)
	require.Equal(t, a, got, "the scenario opened last, not the one created last")
	require.Equal(t, "A", reload.Scenario().Title)

	got, err = reload.Show(ctx, b)
	require.NoError(t, err)
	require.Equal(t, b, got)
	require.Equal(t, "B", reload.Scenario().Title)
	got, err = reload.Show(ctx, "")
	require.NoError(t, err)
	require.Equal(t, b, got, "a bare address keeps the open scenario")

	last, err := store.GetSetting(ctx, storage.SettingLastScenario)
	require.NoError(t, err)
	require.Equal(t, b, last)
}

func TestShowAfterTheLastScenarioWasDeleted(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	s := newSession(t, store)
	id, err := s.Create(ctx, session.Blank("A", "ru"))
	require.NoError(t, err)
	require.NoError(t, s.Delete(ctx, id))

	_, err = session.New(tabstore.Local(store), nil, nil).Show(ctx, "")
	require.ErrorIs(t, err, session.ErrNoScenario)
	_, err = session.New(tabstore.Local(store), nil, nil).Show(ctx, id)
	require.ErrorIs(t, err, storage.ErrNotExist, "a named scenario that is gone says so")
}
