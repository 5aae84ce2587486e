package tabstore_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/faultstore"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/storagetest"
	"github.com/triggersim/triggersim/app/storage/tabstore"
)

func resolved(*testing.T) *tabstore.Store { return tabstore.Local(memory.New()) }

func TestConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store { return resolved(t) })
}

func TestHistoryConformance(t *testing.T) {
	storagetest.RunHistory(t, func(t *testing.T) storagetest.HistoryStore { return resolved(t) })
}

func TestSimStateConformance(t *testing.T) {
	storagetest.RunSimState(t, func(t *testing.T) storagetest.SimStateStore { return resolved(t) })
}

// A call made before Resolve waits for it, as a page's first list does
// while IndexedDB opens.
func TestCallsWaitForResolve(t *testing.T) {
	s := tabstore.New()
	done := make(chan error, 1)
	go func() {
		_, err := s.ListScenarios(context.Background())
		done <- err
	}()
	select {
	case <-done:
		require.FailNow(t, "ListScenarios returned before Resolve")
	case <-time.After(20 * time.Millisecond):
	}
	fallback := errors.New("no IndexedDB")
	s.Resolve(context.Background(), memory.New(), nil, fallback)
	require.NoError(t, <-done)
	got, err := s.Wait(context.Background())
	require.NoError(t, err)
	assert.Equal(t, fallback, got)

	// A second Resolve is ignored.
	s.Resolve(context.Background(), nil, nil, nil)
	got, _ = s.Wait(context.Background())
	assert.Equal(t, fallback, got)
}

func TestCancelledWait(t *testing.T) {
	s := tabstore.New()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.GetSetting(ctx, "lang")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = s.Wait(ctx)
	assert.ErrorIs(t, err, context.Canceled)
}

type recorder struct {
	mu     sync.Mutex
	events []tabstore.Event
}

func (r *recorder) add(ev tabstore.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, ev)
}

func TestEvents(t *testing.T) {
	s := resolved(t)
	var r recorder
	cancel := s.Subscribe(r.add)
	ctx := context.Background()
	rec := storage.Record{Meta: storage.Meta{ID: "a", Title: "A"}, Data: []byte(`{}`)}
	require.NoError(t, s.PutScenario(ctx, rec))
	err := s.PutScenario(ctx, rec) // revision 0 again: conflict
	require.ErrorIs(t, err, storage.ErrConflict)
	require.NoError(t, s.DeleteScenario(ctx, "a"))
	cancel()
	require.NoError(t, s.PutScenario(ctx, rec))

	require.Len(t, r.events, 5)
	assert.Equal(t, tabstore.Event{Kind: tabstore.Saving, ID: "a"}, r.events[0])
	assert.Equal(t, tabstore.Event{Kind: tabstore.Saved, ID: "a", Rev: 1}, r.events[1])
	assert.Equal(t, tabstore.Saving, r.events[2].Kind)
	assert.Equal(t, tabstore.Failed, r.events[3].Kind)
	assert.ErrorIs(t, r.events[3].Err, storage.ErrConflict)
	assert.Equal(t, tabstore.Event{Kind: tabstore.Deleted, ID: "a"}, r.events[4])
}

// browserLike is the browser around a memory store, as the app's
// IndexedDB store has it; it counts how often each capability is used.
type browserLike struct {
	persistCalls atomic.Int32
	watchCalls   atomic.Int32
	versionCalls atomic.Int32
	watchFn      func(id string, rev int)
	versionFn    func()
}

var _ tabstore.Browser = (*browserLike)(nil)

func (b *browserLike) RequestPersistence(context.Context) (bool, error) {
	b.persistCalls.Add(1)
	return true, nil
}

func (b *browserLike) Usage(context.Context) (int64, int64, error) { return 1500, 1_000_000, nil }

func (b *browserLike) Watch(_ context.Context, fn func(id string, rev int)) error {
	b.watchCalls.Add(1)
	b.watchFn = fn
	return nil
}

func (b *browserLike) OnVersionChange(fn func()) {
	b.versionCalls.Add(1)
	b.versionFn = fn
}

// The browser's capabilities are wired once, when the store is resolved,
// not looked up per call.
func TestBrowserCapabilities(t *testing.T) {
	ctx := context.Background()
	b := &browserLike{}
	s := tabstore.New()
	s.Resolve(ctx, memory.New(), b, nil)
	assert.Equal(t, int32(1), b.watchCalls.Load(), "other tabs' saves are watched from Resolve")
	assert.Equal(t, int32(1), b.versionCalls.Load(), "version changes are watched from Resolve")
	var r recorder
	s.Subscribe(r.add)

	used, quota, err := s.Usage(ctx)
	require.NoError(t, err)
	assert.Equal(t, []int64{1500, 1_000_000}, []int64{used, quota})

	for i := 0; i < 2; i++ {
		rec := storage.Record{Meta: storage.Meta{ID: "a", Revision: i}, Data: []byte(`{}`)}
		require.NoError(t, s.PutScenario(ctx, rec))
	}
	// Persistence is asked once, off the saving goroutine.
	require.Eventually(t, s.Persisted, time.Second, time.Millisecond)
	assert.Equal(t, int32(1), b.persistCalls.Load())

	require.NotNil(t, b.watchFn)
	b.watchFn("b", 3)
	r.mu.Lock()
	assert.Contains(t, r.events, tabstore.Event{Kind: tabstore.Remote, ID: "b", Rev: 3})
	assert.Contains(t, r.events, tabstore.Event{Kind: tabstore.Persisted, Persisted: true})
	r.mu.Unlock()
	assert.Equal(t, int32(1), b.watchCalls.Load())
	assert.Equal(t, int32(1), b.versionCalls.Load())
}

// A store that lives in this tab only has no browser: Usage says so with
// an error, and no save pretends to have been made persistent.
func TestLocalStoreHasNoBrowser(t *testing.T) {
	ctx := context.Background()
	s := tabstore.Local(memory.New())
	var r recorder
	s.Subscribe(r.add)
	require.NoError(t, s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "a"}, Data: []byte(`{}`)}))
	_, _, err := s.Usage(ctx)
	require.ErrorIs(t, err, storage.ErrUnavailable)
	assert.Contains(t, err.Error(), "memory")
	assert.False(t, s.Persisted())
	assert.False(t, s.Upgraded())
	r.mu.Lock()
	defer r.mu.Unlock()
	assert.Equal(t, []tabstore.Kind{tabstore.Saving, tabstore.Saved}, kinds(r.events))
}

// Before Resolve, Usage waits like every other call.
func TestUsageWaitsForResolve(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := tabstore.New().Usage(ctx)
	assert.ErrorIs(t, err, context.Canceled)
}

func kinds(evs []tabstore.Event) []tabstore.Kind {
	out := make([]tabstore.Kind, len(evs))
	for i, e := range evs {
		out[i] = e.Kind
	}
	return out
}

func TestBlockedThenResolved(t *testing.T) {
	s := tabstore.New()
	var r recorder
	s.Subscribe(r.add)
	s.SetBlocked()
	assert.True(t, s.Blocked())
	s.Resolve(context.Background(), memory.New(), nil, nil)
	assert.False(t, s.Blocked(), "resolving ends the wait")
	s.SetBlocked()
	assert.False(t, s.Blocked(), "a late blocked event is ignored")
	require.Len(t, r.events, 2)
	assert.Equal(t, tabstore.Blocked, r.events[0].Kind)
	assert.Equal(t, tabstore.Blocked, r.events[1].Kind, "the end of the wait is reported too")
}

func TestUpgradedInAnotherTab(t *testing.T) {
	s := tabstore.New()
	var r recorder
	s.Subscribe(r.add)
	b := &browserLike{}
	s.Resolve(context.Background(), memory.New(), b, nil)
	require.NotNil(t, b.versionFn, "the tab store listens for version changes")
	assert.False(t, s.Upgraded())
	b.versionFn()
	assert.True(t, s.Upgraded())
	require.Len(t, r.events, 1)
	assert.Equal(t, tabstore.Upgraded, r.events[0].Kind)
}

// A full quota is reported per scenario: the failure of one and the
// success of another are separate events, so the interface can keep the
// first scenario's failure.
func TestQuotaFailureIsReportedForItsScenario(t *testing.T) {
	fs := faultstore.New(memory.New())
	s := tabstore.Local(fs)
	var r recorder
	s.Subscribe(r.add)
	ctx := context.Background()
	fs.FailN(faultstore.ErrQuota, 1)
	err := s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "a"}, Data: []byte(`{}`)})
	require.ErrorIs(t, err, storage.ErrQuotaExceeded)
	require.NoError(t, s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "b"}, Data: []byte(`{}`)}))
	require.Len(t, r.events, 4)
	assert.Equal(t, tabstore.Event{Kind: tabstore.Failed, ID: "a", Err: err}, r.events[1])
	assert.Equal(t, tabstore.Event{Kind: tabstore.Saved, ID: "b", Rev: 1}, r.events[3])
	_, err = s.GetScenario(ctx, "a")
	assert.ErrorIs(t, err, storage.ErrNotExist, "the failed write stored nothing")
}
