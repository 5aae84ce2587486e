// Package storagetest is the conformance suite every storage.Store must
// pass: the memory store runs it on the host, the IndexedDB store in headless
// Chromium. A behaviour the app relies on belongs here, not in one
// implementation's own tests.
package storagetest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
)

// NewStore returns an empty store for one test. It registers any cleanup
// (closing, deleting the database) with t.Cleanup.
type NewStore func(t *testing.T) storage.Store

// Run runs the conformance suite against the stores newStore returns; each
// case gets a fresh, empty store.
func Run(t *testing.T, newStore NewStore) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newStore(t))
		})
	}
}

// testCase is one behaviour of the contract.
type testCase struct {
	name string
	run  func(t *testing.T, s storage.Store)
}

// base is a fixed instant (no wall clock in tests): millisecond precision is
// what the contract promises.
var base = time.Date(2025, 3, 14, 9, 26, 53, 589_000_000, time.UTC)

// record builds a scenario record as the app would before its first save.
func record(id string, revision int) storage.Record {
	return storage.Record{
		Meta: storage.Meta{
			ID:       id,
			Title:    "Сценарий " + id,
			Revision: revision,
			Updated:  base,
		},
		Data: []byte(fmt.Sprintf(`{"format":"triggersim/scenario","version":1,"title":"Сценарий %s"}`, id)),
	}
}

// put stores rec and fails the test on error.
func put(t *testing.T, s storage.Store, rec storage.Record) {
	t.Helper()
	require.NoError(t, s.PutScenario(context.Background(), rec))
}

// cancelled returns a context that is already cancelled.
func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// assertMeta compares metadata field by field, times with Equal.
func assertMeta(t *testing.T, want, got storage.Meta) {
	t.Helper()
	assert.Equal(t, want.ID, got.ID, "ID")
	assert.Equal(t, want.Title, got.Title, "Title")
	assert.Equal(t, want.Revision, got.Revision, "Revision")
	assert.Truef(t, want.Updated.Equal(got.Updated), "Updated: want %v, got %v", want.Updated, got.Updated)
}

var cases = []testCase{
	{"EmptyList", func(t *testing.T, s storage.Store) {
		metas, err := s.ListScenarios(context.Background())
		require.NoError(t, err)
		assert.Empty(t, metas)
	}},
	{"PutThenGet", func(t *testing.T, s storage.Store) {
		rec := record("a", 0)
		put(t, s, rec)
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		want := rec.Meta
		want.Revision = 1
		assertMeta(t, want, got.Meta)
		assert.Equal(t, string(rec.Data), string(got.Data))
	}},
	{"GetMissing", func(t *testing.T, s storage.Store) {
		_, err := s.GetScenario(context.Background(), "missing")
		require.Error(t, err)
		assert.ErrorIs(t, err, storage.ErrNotExist)
	}},
	{"GetAfterOtherPut", func(t *testing.T, s storage.Store) {
		put(t, s, record("a", 0))
		_, err := s.GetScenario(context.Background(), "b")
		assert.ErrorIs(t, err, storage.ErrNotExist)
	}},
	{"RevisionsCountWrites", func(t *testing.T, s storage.Store) {
		for rev := 0; rev < 3; rev++ {
			rec := record("a", rev)
			rec.Title = fmt.Sprintf("v%d", rev)
			rec.Updated = base.Add(time.Duration(rev) * time.Minute)
			put(t, s, rec)
		}
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		assertMeta(t, storage.Meta{ID: "a", Title: "v2", Revision: 3, Updated: base.Add(2 * time.Minute)}, got.Meta)
	}},
	{"ConflictOnStaleRevision", func(t *testing.T, s storage.Store) {
		put(t, s, record("a", 0))
		put(t, s, record("a", 1))
		stale := record("a", 1)
		stale.Title = "stale"
		err := s.PutScenario(context.Background(), stale)
		require.Error(t, err)
		assert.ErrorIs(t, err, storage.ErrConflict)
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		assert.Equal(t, 2, got.Revision, "a rejected write must change nothing")
		assert.NotEqual(t, "stale", got.Title)
	}},
	{"ConflictOnCreateOverExisting", func(t *testing.T, s storage.Store) {
		put(t, s, record("a", 0))
		err := s.PutScenario(context.Background(), record("a", 0))
		assert.ErrorIs(t, err, storage.ErrConflict)
	}},
	{"ConflictOnRevisionOfMissing", func(t *testing.T, s storage.Store) {
		err := s.PutScenario(context.Background(), record("a", 5))
		assert.ErrorIs(t, err, storage.ErrConflict)
		_, err = s.GetScenario(context.Background(), "a")
		assert.ErrorIs(t, err, storage.ErrNotExist)
	}},
	{"ListOrderedByID", func(t *testing.T, s storage.Store) {
		for _, id := range []string{"c", "a", "b"} {
			put(t, s, record(id, 0))
		}
		put(t, s, record("b", 1))
		metas, err := s.ListScenarios(context.Background())
		require.NoError(t, err)
		require.Len(t, metas, 3)
		for i, id := range []string{"a", "b", "c"} {
			assert.Equal(t, id, metas[i].ID)
			assert.Equal(t, record(id, 0).Title, metas[i].Title)
		}
		assert.Equal(t, 1, metas[0].Revision)
		assert.Equal(t, 2, metas[1].Revision)
	}},
	{"Delete", func(t *testing.T, s storage.Store) {
		put(t, s, record("a", 0))
		put(t, s, record("b", 0))
		require.NoError(t, s.DeleteScenario(context.Background(), "a"))
		_, err := s.GetScenario(context.Background(), "a")
		assert.ErrorIs(t, err, storage.ErrNotExist)
		metas, err := s.ListScenarios(context.Background())
		require.NoError(t, err)
		require.Len(t, metas, 1)
		assert.Equal(t, "b", metas[0].ID)
	}},
	{"DeleteMissing", func(t *testing.T, s storage.Store) {
		err := s.DeleteScenario(context.Background(), "missing")
		assert.ErrorIs(t, err, storage.ErrNotExist)
	}},
	{"RecreateAfterDelete", func(t *testing.T, s storage.Store) {
		put(t, s, record("a", 0))
		put(t, s, record("a", 1))
		require.NoError(t, s.DeleteScenario(context.Background(), "a"))
		put(t, s, record("a", 0))
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		assert.Equal(t, 1, got.Revision)
	}},
	{"DataIsCopiedIn", func(t *testing.T, s storage.Store) {
		rec := record("a", 0)
		want := string(rec.Data)
		put(t, s, rec)
		rec.Data[0] = 'X'
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		assert.Equal(t, want, string(got.Data))
	}},
	{"DataIsCopiedOut", func(t *testing.T, s storage.Store) {
		rec := record("a", 0)
		want := string(rec.Data)
		put(t, s, rec)
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		got.Data[0] = 'X'
		again, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		assert.Equal(t, want, string(again.Data))
	}},
	{"EmptyAndBinaryData", func(t *testing.T, s storage.Store) {
		empty := record("empty", 0)
		empty.Data = nil
		put(t, s, empty)
		binary := record("binary", 0)
		binary.Data = []byte{0, 0xff, '\n', 0xd0, 0x9f}
		put(t, s, binary)
		got, err := s.GetScenario(context.Background(), "empty")
		require.NoError(t, err)
		assert.Empty(t, got.Data)
		got, err = s.GetScenario(context.Background(), "binary")
		require.NoError(t, err)
		assert.Equal(t, binary.Data, got.Data)
	}},
	{"UnicodeIDAndTitle", func(t *testing.T, s storage.Store) {
		rec := record("сделка/№1 «тест»", 0)
		rec.Title = "Воронка продаж — 🚀"
		put(t, s, rec)
		got, err := s.GetScenario(context.Background(), rec.ID)
		require.NoError(t, err)
		assert.Equal(t, rec.Title, got.Title)
	}},
	{"UpdatedKeepsMilliseconds", func(t *testing.T, s storage.Store) {
		rec := record("a", 0)
		moscow := time.FixedZone("MSK", 3*60*60)
		rec.Updated = time.Date(2024, 12, 31, 23, 59, 59, 999_000_000, moscow)
		put(t, s, rec)
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err)
		assert.Truef(t, rec.Updated.Equal(got.Updated), "want %v, got %v", rec.Updated, got.Updated)
	}},
	{"EmptyIDIsInvalid", func(t *testing.T, s storage.Store) {
		ctx := context.Background()
		_, err := s.GetScenario(ctx, "")
		assert.ErrorIs(t, err, storage.ErrInvalid, "get")
		assert.ErrorIs(t, s.PutScenario(ctx, record("", 0)), storage.ErrInvalid, "put")
		assert.ErrorIs(t, s.DeleteScenario(ctx, ""), storage.ErrInvalid, "delete")
		_, err = s.GetSetting(ctx, "")
		assert.ErrorIs(t, err, storage.ErrInvalid, "get setting")
		assert.ErrorIs(t, s.PutSetting(ctx, "", "x"), storage.ErrInvalid, "put setting")
	}},
	{"Settings", func(t *testing.T, s storage.Store) {
		ctx := context.Background()
		_, err := s.GetSetting(ctx, "lang")
		assert.ErrorIs(t, err, storage.ErrNotExist)
		require.NoError(t, s.PutSetting(ctx, "lang", "en"))
		require.NoError(t, s.PutSetting(ctx, "lang", "ru"))
		require.NoError(t, s.PutSetting(ctx, "empty", ""))
		got, err := s.GetSetting(ctx, "lang")
		require.NoError(t, err)
		assert.Equal(t, "ru", got)
		got, err = s.GetSetting(ctx, "empty")
		require.NoError(t, err, "an empty value is a stored value")
		assert.Equal(t, "", got)
	}},
	{"SettingsAndScenariosAreSeparate", func(t *testing.T, s storage.Store) {
		ctx := context.Background()
		require.NoError(t, s.PutSetting(ctx, "a", "x"))
		_, err := s.GetScenario(ctx, "a")
		assert.ErrorIs(t, err, storage.ErrNotExist)
		metas, err := s.ListScenarios(ctx)
		require.NoError(t, err)
		assert.Empty(t, metas)
	}},
	{"CancelledContext", func(t *testing.T, s storage.Store) {
		put(t, s, record("a", 0))
		ctx := cancelled()
		errs := map[string]error{}
		_, errs["list"] = s.ListScenarios(ctx)
		_, errs["get"] = s.GetScenario(ctx, "a")
		errs["put"] = s.PutScenario(ctx, record("a", 1))
		errs["delete"] = s.DeleteScenario(ctx, "a")
		_, errs["get setting"] = s.GetSetting(ctx, "k")
		errs["put setting"] = s.PutSetting(ctx, "k", "v")
		for op, err := range errs {
			assert.Truef(t, errors.Is(err, context.Canceled), "%s: want context.Canceled, got %v", op, err)
		}
		got, err := s.GetScenario(context.Background(), "a")
		require.NoError(t, err, "a cancelled delete must not delete")
		assert.Equal(t, 1, got.Revision, "a cancelled put must not write")
		_, err = s.GetSetting(context.Background(), "k")
		assert.ErrorIs(t, err, storage.ErrNotExist)
	}},
	{"ErrorsNameTheID", func(t *testing.T, s storage.Store) {
		_, err := s.GetScenario(context.Background(), "deal-42")
		require.Error(t, err)
		assert.Contains(t, err.Error(), "deal-42")
	}},
}
