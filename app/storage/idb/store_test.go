//go:build js && wasm

package idb

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"syscall/js"
	"testing"
	"time"

	indexeddb "github.com/hack-pad/go-indexeddb/idb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/storagetest"
)

// dbCounter makes database names unique within the test binary; the time
// prefix keeps them apart from a previous run's leftovers.
var dbCounter atomic.Int64

// uniqueName returns a database name of its own for one test and deletes
// that database when the test ends.
func uniqueName(t testing.TB) string {
	name := fmt.Sprintf("triggersim-test-%d-%d", time.Now().UnixNano(), dbCounter.Add(1))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := Delete(ctx, name)
		assert.NoError(t, err, "delete test database")
	})
	return name
}

// open opens a store on name and closes it when the test ends (before the
// database is deleted: cleanups run last-in first-out).
func open(t testing.TB, name string) *Store {
	t.Helper()
	s, err := Open(context.Background(), name)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// newStore opens a fresh store in a database of its own.
func newStore(t testing.TB) *Store { return open(t, uniqueName(t)) }

func TestConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store { return newStore(t) })
}

func TestHistoryConformance(t *testing.T) {
	storagetest.RunHistory(t, func(t *testing.T) storagetest.HistoryStore { return newStore(t) })
}

func TestSimStateConformance(t *testing.T) {
	storagetest.RunSimState(t, func(t *testing.T) storagetest.SimStateStore { return newStore(t) })
}

// v1Record is a scenario as the version 1 schema stored it.
type v1Record struct {
	id, title string
	revision  int
	updated   time.Time
	data      string
}

// writeV1 creates database name at schema version 1 with raw IndexedDB
// calls, as the first release of the app left it.
func writeV1(t *testing.T, name string, recs []v1Record) {
	t.Helper()
	ctx := context.Background()
	req, err := indexeddb.Global().Open(ctx, name, 1, func(db *indexeddb.Database, oldVersion, newVersion uint) error {
		_, err := db.CreateObjectStore("scenarios", indexeddb.ObjectStoreOptions{})
		return err
	})
	require.NoError(t, err)
	db, err := req.Await(ctx)
	require.NoError(t, err)
	defer db.Close()
	txn, err := db.Transaction(indexeddb.TransactionReadWrite, "scenarios")
	require.NoError(t, err)
	st, err := txn.ObjectStore("scenarios")
	require.NoError(t, err)
	for _, r := range recs {
		_, err := st.PutKey(js.ValueOf(r.id), js.ValueOf(map[string]any{
			"id": r.id, "title": r.title, "revision": r.revision,
			"updated": float64(r.updated.UnixMilli()), "data": r.data,
		}))
		require.NoError(t, err)
	}
	require.NoError(t, txn.Await(ctx))
}

func TestMigrateFromV1(t *testing.T) {
	ctx := context.Background()
	name := uniqueName(t)
	when := time.Date(2025, 11, 3, 14, 5, 6, 789_000_000, time.UTC)
	recs := []v1Record{
		{"deal", "Сделки — оплата", 3, when, `{"format":"triggersim/scenario","version":1,"title":"Сделки — оплата"}`},
		{"lead/№2", "Lead 🚀", 1, when.Add(time.Hour), `{"format":"triggersim/scenario","version":1,"title":"Lead 🚀"}`},
	}
	writeV1(t, name, recs)

	s := open(t, name)
	version, err := s.db.Version()
	require.NoError(t, err)
	assert.Equal(t, uint(SchemaVersion), version)

	metas, err := s.ListScenarios(ctx)
	require.NoError(t, err)
	require.Len(t, metas, 2)
	for i, r := range recs {
		assert.Equal(t, r.id, metas[i].ID)
		assert.Equal(t, r.title, metas[i].Title)
		assert.Equal(t, r.revision, metas[i].Revision)
		assert.True(t, r.updated.Equal(metas[i].Updated))

		got, err := s.GetScenario(ctx, r.id)
		require.NoError(t, err)
		assert.Equal(t, r.data, string(got.Data), "content of %s", r.id)

		vs, err := s.ListVersions(ctx, r.id)
		require.NoError(t, err)
		require.Len(t, vs, 1, "the migrated content is the first kept version")
		assert.Equal(t, r.revision, vs[0].Revision)
		v, err := s.GetVersion(ctx, r.id, r.revision)
		require.NoError(t, err)
		assert.Equal(t, r.data, string(v.Data))
	}

	// The new stores work, and saving continues from the migrated revision.
	require.NoError(t, s.PutSetting(ctx, storage.SettingLang, "en"))
	require.NoError(t, s.PutSimState(ctx, "deal", []byte("state")))
	next := storage.Record{Meta: storage.Meta{ID: "deal", Title: "v4", Revision: 3, Updated: when}, Data: []byte(`{}`)}
	require.NoError(t, s.PutScenario(ctx, next))
	vs, err := s.ListVersions(ctx, "deal")
	require.NoError(t, err)
	assert.Equal(t, []int{4, 3}, []int{vs[0].Revision, vs[1].Revision})

	// The conversion ran exactly once: reopening changes nothing.
	require.NoError(t, s.Close())
	again := open(t, name)
	got, err := again.GetScenario(ctx, "deal")
	require.NoError(t, err)
	assert.Equal(t, 4, got.Revision)
	assert.Equal(t, "{}", string(got.Data))
	lang, err := again.GetSetting(ctx, storage.SettingLang)
	require.NoError(t, err)
	assert.Equal(t, "en", lang)
}

func TestMigrateEmptyV1(t *testing.T) {
	name := uniqueName(t)
	writeV1(t, name, nil)
	s := open(t, name)
	metas, err := s.ListScenarios(context.Background())
	require.NoError(t, err)
	assert.Empty(t, metas)
}

func TestOpenNewerSchema(t *testing.T) {
	ctx := context.Background()
	name := uniqueName(t)
	req, err := indexeddb.Global().Open(ctx, name, SchemaVersion+1, func(*indexeddb.Database, uint, uint) error { return nil })
	require.NoError(t, err)
	db, err := req.Await(ctx)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	_, err = Open(ctx, name)
	require.Error(t, err)
	assert.ErrorIs(t, err, storage.ErrUnavailable)
	assert.Contains(t, err.Error(), "newer version")
}

func TestOpenWithoutIndexedDB(t *testing.T) {
	ctx := context.Background()
	throwing := js.Global().Get("Function").New(`return {open() { throw new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError"); }};`).Invoke()
	notARequest := js.Global().Get("Function").New(`return {open() { return {}; }};`).Invoke()
	for name, factory := range map[string]js.Value{
		"undefined":     js.Undefined(),
		"null":          js.Null(),
		"open throws":   throwing,
		"not a request": notARequest,
		"not a factory": js.ValueOf(42),
		"empty object":  js.Global().Get("Object").New(),
	} {
		t.Run(name, func(t *testing.T) {
			var s *Store
			var err error
			assert.NotPanics(t, func() { s, err = openWith(ctx, factory, "x") })
			assert.Nil(t, s)
			require.Error(t, err)
			assert.ErrorIs(t, err, storage.ErrUnavailable)
		})
	}
}

func TestOpenWithoutIndexedDBGlobal(t *testing.T) {
	global := js.Global()
	desc := global.Get("Object").Call("getOwnPropertyDescriptor", global, "indexedDB")
	global.Get("Object").Call("defineProperty", global, "indexedDB", map[string]any{"value": js.Undefined(), "configurable": true})
	defer func() {
		if desc.IsUndefined() {
			global.Get("Reflect").Call("deleteProperty", global, "indexedDB")
		} else {
			global.Get("Object").Call("defineProperty", global, "indexedDB", desc)
		}
	}()
	s, err := Open(context.Background(), "never-created")
	assert.Nil(t, s)
	require.ErrorIs(t, err, storage.ErrUnavailable)
	assert.Contains(t, err.Error(), "private window")
}

func TestOpenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Open(ctx, "never-created")
	assert.ErrorIs(t, err, context.Canceled)
}

func TestMapError(t *testing.T) {
	quota := mapError(indexeddb.NewDOMException("QuotaExceededError"))
	assert.ErrorIs(t, quota, storage.ErrQuotaExceeded)
	assert.ErrorIs(t, quota, storage.ErrUnavailable)
	assert.Contains(t, quota.Error(), "quota")
	closed := mapError(indexeddb.NewDOMException("InvalidStateError"))
	assert.ErrorIs(t, closed, storage.ErrUnavailable)
	assert.NotErrorIs(t, closed, storage.ErrQuotaExceeded)
	assert.ErrorIs(t, mapError(fmt.Errorf("x: %w", context.Canceled)), context.Canceled)
	other := errors.New("other")
	assert.Equal(t, other, mapError(other))
}

func TestUseAfterCloseFailsCleanly(t *testing.T) {
	s := newStore(t)
	require.NoError(t, s.Close())
	var err error
	assert.NotPanics(t, func() { _, err = s.ListScenarios(context.Background()) })
	assert.ErrorIs(t, err, storage.ErrUnavailable)
	assert.NotPanics(t, func() {
		err = s.PutScenario(context.Background(), storage.Record{Meta: storage.Meta{ID: "a"}})
	})
	assert.ErrorIs(t, err, storage.ErrUnavailable)
}

// TestConflictAcrossConnections is two tabs editing the same scenario: the
// second save of the same revision loses and changes nothing.
func TestConflictAcrossConnections(t *testing.T) {
	ctx := context.Background()
	name := uniqueName(t)
	a, b := open(t, name), open(t, name)
	require.NoError(t, a.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "s", Title: "first"}, Data: []byte("1")}))
	readA, err := a.GetScenario(ctx, "s")
	require.NoError(t, err)
	readB, err := b.GetScenario(ctx, "s")
	require.NoError(t, err)
	readA.Data = []byte("from a")
	require.NoError(t, a.PutScenario(ctx, readA))
	readB.Data = []byte("from b")
	err = b.PutScenario(ctx, readB)
	require.ErrorIs(t, err, storage.ErrConflict)
	got, err := b.GetScenario(ctx, "s")
	require.NoError(t, err)
	assert.Equal(t, "from a", string(got.Data))
	assert.Equal(t, 2, got.Revision)
}

// TestConcurrentCreates races several creations of one scenario: the
// revision check inside the transaction lets exactly one win.
func TestConcurrentCreates(t *testing.T) {
	ctx := context.Background()
	name := uniqueName(t)
	a, b := open(t, name), open(t, name)
	const n = 6
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := a
			if i%2 == 1 {
				s = b
			}
			errs[i] = s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "s"}, Data: []byte{byte('0' + i)}})
		}(i)
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		if err == nil {
			wins++
		} else {
			assert.ErrorIs(t, err, storage.ErrConflict)
		}
	}
	assert.Equal(t, 1, wins)
	vs, err := a.ListVersions(ctx, "s")
	require.NoError(t, err)
	assert.Len(t, vs, 1)
}

func TestWatch(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	name := uniqueName(t)
	a, b := open(t, name), open(t, name)
	other := newStore(t) // another database: its saves are not ours

	got := make(chan string, 10)
	require.NoError(t, b.Watch(ctx, func(id string, rev int) { got <- fmt.Sprintf("%s@%d", id, rev) }))
	own := make(chan string, 10)
	require.NoError(t, a.Watch(ctx, func(id string, rev int) { own <- fmt.Sprintf("%s@%d", id, rev) }))

	rec := storage.Record{Meta: storage.Meta{ID: "deal"}, Data: []byte("{}")}
	require.NoError(t, a.PutScenario(ctx, rec))
	require.NoError(t, other.PutScenario(ctx, rec))
	rec.Revision = 1
	require.NoError(t, a.PutScenario(ctx, rec))
	require.Error(t, a.PutScenario(ctx, rec), "a conflict is not announced")
	require.NoError(t, a.DeleteScenario(ctx, "deal"))

	var seen []string
	for len(seen) < 3 {
		select {
		case c := <-got:
			seen = append(seen, c)
		case <-time.After(5 * time.Second):
			require.FailNow(t, fmt.Sprintf("got %v, want 3 notifications", seen))
		}
	}
	assert.Equal(t, []string{"deal@1", "deal@2", "deal@0"}, seen)
	select {
	case c := <-got:
		assert.Fail(t, fmt.Sprintf("unexpected notification %s", c))
	case c := <-own:
		assert.Fail(t, fmt.Sprintf("a store is told of its own save %s", c))
	case <-time.After(200 * time.Millisecond):
	}
}

func TestWatchStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	name := uniqueName(t)
	a, b := open(t, name), open(t, name)
	got := make(chan string, 10)
	require.NoError(t, b.Watch(ctx, func(id string, rev int) { got <- id }))
	cancel()
	time.Sleep(50 * time.Millisecond) // let the watcher see ctx
	require.NoError(t, a.PutScenario(context.Background(), storage.Record{Meta: storage.Meta{ID: "x"}}))
	select {
	case id := <-got:
		assert.Fail(t, fmt.Sprintf("notification %s after the watch ended", id))
	case <-time.After(200 * time.Millisecond):
	}
}

func TestPersistenceAndUsage(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := RequestPersistence(ctx)
	require.NoError(t, err, "the answer may be no, but asking works")
	used, quota, err := Usage(ctx)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, used, int64(0))
	assert.Greater(t, quota, int64(0))
}

func TestLargeScenarioRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	data := []byte(bigScenario(10000))
	require.NoError(t, s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "big", Title: "big"}, Data: data}))
	got, err := s.GetScenario(ctx, "big")
	require.NoError(t, err)
	assert.Equal(t, len(data), len(got.Data))
	assert.True(t, strings.HasSuffix(string(got.Data), "}\n"))
	assert.Equal(t, string(data), string(got.Data))
}
