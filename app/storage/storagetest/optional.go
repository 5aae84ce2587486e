package storagetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
)

// HistoryStore is a store with revision history, as the history suite
// needs it.
type HistoryStore interface {
	storage.Store
	storage.HistoryStore
}

// NewHistoryStore returns an empty store for one test of the history suite.
type NewHistoryStore func(t *testing.T) HistoryStore

// RunHistory runs the conformance suite of storage.HistoryStore; each case
// gets a fresh, empty store.
func RunHistory(t *testing.T, newStore NewHistoryStore) {
	t.Helper()
	for _, tc := range historyCases {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newStore(t))
		})
	}
}

// SimStateStore is a store that keeps simulation state, as the simulation
// state suite needs it.
type SimStateStore interface {
	storage.Store
	storage.SimStateStore
}

// NewSimStateStore returns an empty store for one test of the simulation
// state suite.
type NewSimStateStore func(t *testing.T) SimStateStore

// RunSimState runs the conformance suite of storage.SimStateStore; each
// case gets a fresh, empty store.
func RunSimState(t *testing.T, newStore NewSimStateStore) {
	t.Helper()
	for _, tc := range simStateCases {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, newStore(t))
		})
	}
}

// saves writes n successive revisions of scenario id, revision r titled
// "v<r>" with data naming r and Updated r minutes after base.
func saves(t *testing.T, s storage.Store, id string, n int) {
	t.Helper()
	for rev := 0; rev < n; rev++ {
		put(t, s, versioned(id, rev))
	}
}

// versioned is the record saves writes over revision rev.
func versioned(id string, rev int) storage.Record {
	rec := record(id, rev)
	rec.Title = fmt.Sprintf("v%d", rev+1)
	rec.Updated = base.Add(time.Duration(rev+1) * time.Minute)
	rec.Data = []byte(fmt.Sprintf(`{"format":"triggersim/scenario","version":1,"title":"v%d","id":%q}`, rev+1, id))
	return rec
}

// revisions lists the Revision of each version.
func revisions(vs []storage.Version) []int {
	out := make([]int, len(vs))
	for i, v := range vs {
		out[i] = v.Revision
	}
	return out
}

var historyCases = []struct {
	name string
	run  func(t *testing.T, s HistoryStore)
}{
	{"NoVersionsOfMissing", func(t *testing.T, s HistoryStore) {
		vs, err := s.ListVersions(context.Background(), "missing")
		require.NoError(t, err)
		assert.Empty(t, vs)
	}},
	{"EverySaveIsAVersionNewestFirst", func(t *testing.T, s HistoryStore) {
		saves(t, s, "a", 3)
		vs, err := s.ListVersions(context.Background(), "a")
		require.NoError(t, err)
		require.Equal(t, []int{3, 2, 1}, revisions(vs))
		for _, v := range vs {
			want := versioned("a", v.Revision-1)
			assert.Equal(t, want.Title, v.Title)
			assert.Truef(t, want.Updated.Equal(v.Updated), "Updated of %d: want %v, got %v", v.Revision, want.Updated, v.Updated)
			assert.Equal(t, len(want.Data), v.Size)
		}
	}},
	{"GetVersion", func(t *testing.T, s HistoryStore) {
		saves(t, s, "a", 3)
		for rev := 1; rev <= 3; rev++ {
			got, err := s.GetVersion(context.Background(), "a", rev)
			require.NoError(t, err)
			want := versioned("a", rev-1)
			want.Revision = rev
			assertMeta(t, want.Meta, got.Meta)
			assert.Equal(t, string(want.Data), string(got.Data))
		}
	}},
	{"GetVersionMissing", func(t *testing.T, s HistoryStore) {
		saves(t, s, "deal-42", 2)
		for _, rev := range []int{0, 3, -1} {
			_, err := s.GetVersion(context.Background(), "deal-42", rev)
			assert.ErrorIs(t, err, storage.ErrNotExist, "revision %d", rev)
			if err != nil {
				assert.Contains(t, err.Error(), "deal-42")
			}
		}
		_, err := s.GetVersion(context.Background(), "other", 1)
		assert.ErrorIs(t, err, storage.ErrNotExist)
	}},
	{"KeepsTheLastVersions", func(t *testing.T, s HistoryStore) {
		n := storage.MaxVersions + 5
		saves(t, s, "a", n)
		vs, err := s.ListVersions(context.Background(), "a")
		require.NoError(t, err)
		require.Len(t, vs, storage.MaxVersions)
		assert.Equal(t, n, vs[0].Revision)
		assert.Equal(t, n-storage.MaxVersions+1, vs[len(vs)-1].Revision)
		_, err = s.GetVersion(context.Background(), "a", n-storage.MaxVersions)
		assert.ErrorIs(t, err, storage.ErrNotExist, "a version beyond the limit is dropped")
		got, err := s.GetVersion(context.Background(), "a", n-storage.MaxVersions+1)
		require.NoError(t, err)
		assert.Equal(t, string(versioned("a", n-storage.MaxVersions).Data), string(got.Data))
	}},
	{"ConflictAddsNoVersion", func(t *testing.T, s HistoryStore) {
		saves(t, s, "a", 2)
		err := s.PutScenario(context.Background(), versioned("a", 0))
		require.ErrorIs(t, err, storage.ErrConflict)
		vs, err := s.ListVersions(context.Background(), "a")
		require.NoError(t, err)
		assert.Equal(t, []int{2, 1}, revisions(vs))
	}},
	{"RestoreIsANewVersion", func(t *testing.T, s HistoryStore) {
		ctx := context.Background()
		saves(t, s, "a", 3)
		old, err := s.GetVersion(ctx, "a", 1)
		require.NoError(t, err)
		old.Revision = 3 // the current revision: restoring is an ordinary save
		put(t, s, old)
		got, err := s.GetScenario(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, 4, got.Revision)
		assert.Equal(t, string(versioned("a", 0).Data), string(got.Data))
		vs, err := s.ListVersions(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, []int{4, 3, 2, 1}, revisions(vs))
		assert.Equal(t, "v1", vs[0].Title)
	}},
	{"HistoryPerScenario", func(t *testing.T, s HistoryStore) {
		saves(t, s, "a", 2)
		saves(t, s, "ab", 3)
		saves(t, s, "a\x00", 1)
		for id, want := range map[string][]int{"a": {2, 1}, "ab": {3, 2, 1}, "a\x00": {1}} {
			vs, err := s.ListVersions(context.Background(), id)
			require.NoError(t, err)
			assert.Equal(t, want, revisions(vs), "scenario %q", id)
		}
	}},
	{"DeleteRemovesHistory", func(t *testing.T, s HistoryStore) {
		ctx := context.Background()
		saves(t, s, "a", 3)
		saves(t, s, "b", 1)
		require.NoError(t, s.DeleteScenario(ctx, "a"))
		vs, err := s.ListVersions(ctx, "a")
		require.NoError(t, err)
		assert.Empty(t, vs)
		rec := record("a", 0)
		put(t, s, rec)
		vs, err = s.ListVersions(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, []int{1}, revisions(vs))
		got, err := s.GetVersion(ctx, "a", 1)
		require.NoError(t, err)
		assert.Equal(t, string(rec.Data), string(got.Data), "the recreated scenario's version, not the deleted one's")
		vs, err = s.ListVersions(ctx, "b")
		require.NoError(t, err)
		assert.Equal(t, []int{1}, revisions(vs), "another scenario's history stays")
	}},
	{"VersionDataIsCopiedOut", func(t *testing.T, s HistoryStore) {
		saves(t, s, "a", 1)
		got, err := s.GetVersion(context.Background(), "a", 1)
		require.NoError(t, err)
		got.Data[0] = 'X'
		again, err := s.GetVersion(context.Background(), "a", 1)
		require.NoError(t, err)
		assert.Equal(t, string(versioned("a", 0).Data), string(again.Data))
	}},
	{"EmptyIDIsInvalid", func(t *testing.T, s HistoryStore) {
		_, err := s.ListVersions(context.Background(), "")
		assert.ErrorIs(t, err, storage.ErrInvalid, "list")
		_, err = s.GetVersion(context.Background(), "", 1)
		assert.ErrorIs(t, err, storage.ErrInvalid, "get")
	}},
	{"CancelledContext", func(t *testing.T, s HistoryStore) {
		saves(t, s, "a", 1)
		_, err := s.ListVersions(cancelled(), "a")
		assert.Truef(t, errors.Is(err, context.Canceled), "list: want context.Canceled, got %v", err)
		_, err = s.GetVersion(cancelled(), "a", 1)
		assert.Truef(t, errors.Is(err, context.Canceled), "get: want context.Canceled, got %v", err)
	}},
}

var simStateCases = []struct {
	name string
	run  func(t *testing.T, s SimStateStore)
}{
	{"Missing", func(t *testing.T, s SimStateStore) {
		_, err := s.GetSimState(context.Background(), "deal-42")
		require.ErrorIs(t, err, storage.ErrNotExist)
		assert.Contains(t, err.Error(), "deal-42")
		assert.NoError(t, s.DeleteSimState(context.Background(), "deal-42"), "deleting nothing is fine")
	}},
	{"PutGetReplace", func(t *testing.T, s SimStateStore) {
		ctx := context.Background()
		require.NoError(t, s.PutSimState(ctx, "a", []byte(`{"clock":"+1h"}`)))
		require.NoError(t, s.PutSimState(ctx, "b", []byte{0, 0xff, 0xd0, 0x9f}))
		require.NoError(t, s.PutSimState(ctx, "a", []byte(`{"clock":"+2h"}`)))
		got, err := s.GetSimState(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, `{"clock":"+2h"}`, string(got))
		got, err = s.GetSimState(ctx, "b")
		require.NoError(t, err)
		assert.Equal(t, []byte{0, 0xff, 0xd0, 0x9f}, got)
	}},
	{"EmptyStateIsStored", func(t *testing.T, s SimStateStore) {
		require.NoError(t, s.PutSimState(context.Background(), "a", nil))
		got, err := s.GetSimState(context.Background(), "a")
		require.NoError(t, err)
		assert.Empty(t, got)
	}},
	{"LargeState", func(t *testing.T, s SimStateStore) {
		data := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
		require.NoError(t, s.PutSimState(context.Background(), "a", data))
		got, err := s.GetSimState(context.Background(), "a")
		require.NoError(t, err)
		assert.True(t, bytes.Equal(data, got))
	}},
	{"DataIsCopied", func(t *testing.T, s SimStateStore) {
		ctx := context.Background()
		data := []byte("state")
		require.NoError(t, s.PutSimState(ctx, "a", data))
		data[0] = 'X'
		got, err := s.GetSimState(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, "state", string(got))
		got[0] = 'Y'
		again, err := s.GetSimState(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, "state", string(again))
	}},
	{"Delete", func(t *testing.T, s SimStateStore) {
		ctx := context.Background()
		require.NoError(t, s.PutSimState(ctx, "a", []byte("x")))
		require.NoError(t, s.PutSimState(ctx, "b", []byte("y")))
		require.NoError(t, s.DeleteSimState(ctx, "a"))
		_, err := s.GetSimState(ctx, "a")
		assert.ErrorIs(t, err, storage.ErrNotExist)
		got, err := s.GetSimState(ctx, "b")
		require.NoError(t, err)
		assert.Equal(t, "y", string(got))
	}},
	{"SeparateFromScenario", func(t *testing.T, s SimStateStore) {
		ctx := context.Background()
		put(t, s, record("a", 0))
		require.NoError(t, s.PutSimState(ctx, "a", []byte("x")))
		require.NoError(t, s.PutSimState(ctx, "unsaved", []byte("y")))
		got, err := s.GetScenario(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, 1, got.Revision, "saving the state is not a scenario write")
		assert.Equal(t, string(record("a", 0).Data), string(got.Data))
		metas, err := s.ListScenarios(ctx)
		require.NoError(t, err)
		assert.Len(t, metas, 1, "a state without a scenario lists nothing")
	}},
	{"DeleteScenarioRemovesState", func(t *testing.T, s SimStateStore) {
		ctx := context.Background()
		put(t, s, record("a", 0))
		require.NoError(t, s.PutSimState(ctx, "a", []byte("x")))
		require.NoError(t, s.DeleteScenario(ctx, "a"))
		_, err := s.GetSimState(ctx, "a")
		assert.ErrorIs(t, err, storage.ErrNotExist)
	}},
	{"EmptyIDIsInvalid", func(t *testing.T, s SimStateStore) {
		ctx := context.Background()
		_, err := s.GetSimState(ctx, "")
		assert.ErrorIs(t, err, storage.ErrInvalid, "get")
		assert.ErrorIs(t, s.PutSimState(ctx, "", nil), storage.ErrInvalid, "put")
		assert.ErrorIs(t, s.DeleteSimState(ctx, ""), storage.ErrInvalid, "delete")
	}},
	{"CancelledContext", func(t *testing.T, s SimStateStore) {
		ctx := context.Background()
		require.NoError(t, s.PutSimState(ctx, "a", []byte("x")))
		errs := map[string]error{}
		_, errs["get"] = s.GetSimState(cancelled(), "a")
		errs["put"] = s.PutSimState(cancelled(), "a", []byte("changed"))
		errs["delete"] = s.DeleteSimState(cancelled(), "a")
		for op, err := range errs {
			assert.Truef(t, errors.Is(err, context.Canceled), "%s: want context.Canceled, got %v", op, err)
		}
		got, err := s.GetSimState(ctx, "a")
		require.NoError(t, err)
		assert.Equal(t, "x", string(got))
	}},
}
