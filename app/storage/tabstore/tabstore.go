// Package tabstore is the store one browser tab works on: a storage.Store
// that exists from the first instant of the app but is backed by the real
// store only once that store has been opened, and that tells the interface
// about every save.
//
// Why it exists:
//
//   - Opening IndexedDB is asynchronous and may fail (private windows). The
//     app must not wait for it before mounting, and pages call the session
//     from their first render. So the app hands this Store to the session at
//     once, opens IndexedDB on a goroutine and calls Resolve; every method
//     waits for Resolve (they run in ctx.Async, never on the UI goroutine).
//   - Every page shows the same save indicator and conflict dialog, whoever
//     made the edit (designer, board, lessons). All edits reach the store,
//     so the store is the one place that sees them all: Subscribe reports
//     each write as it starts, succeeds or fails.
//   - Other tabs' saves (the IndexedDB store's Watch), version changes and
//     the browser's persistence and usage APIs are the Browser around the
//     backing store. Resolve is told whether there is one, once; a backing
//     store that lives in this tab only (the memory store) has none, and
//     Usage then says so with an error.
//
// The backing store is a storage.Full: history and simulation state are
// required by its type, so no call checks for them.
//
// It is plain Go (no syscall/js) so it runs the storage conformance suite on
// the host.
package tabstore

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/triggersim/triggersim/app/storage"
)

// persistTimeout bounds the wait for the browser's answer to the
// persistence request (Firefox asks the user, who may never answer).
const persistTimeout = time.Minute

// Watcher is a backing store that reports other tabs' saves (rev ≥ 1) and
// deletions (rev = 0); the IndexedDB store is one.
type Watcher interface {
	Watch(ctx context.Context, fn func(id string, rev int)) error
}

// Persister is a backing store that can ask the browser to keep its data
// under storage pressure (navigator.storage.persist).
type Persister interface {
	RequestPersistence(ctx context.Context) (bool, error)
}

// VersionWatcher is a backing store whose connection another tab can take
// away by opening the database at a newer version (the IndexedDB store
// closes its connection then, and calls fn).
type VersionWatcher interface {
	OnVersionChange(fn func())
}

// UsageReporter is a backing store that can tell how many bytes the site
// stores and may store (navigator.storage.estimate).
type UsageReporter interface {
	Usage(ctx context.Context) (used, quota int64, err error)
}

// Browser is what the browser offers around the IndexedDB store: other
// tabs' saves, the version change that closes this tab's connection,
// persistence and the usage estimate. The app's IndexedDB store has all of
// it (a compile-time assertion in package main says so).
type Browser interface {
	Watcher
	Persister
	VersionWatcher
	UsageReporter
}

// Kind says what an Event reports.
type Kind int

// Event kinds.
const (
	// Saving: a scenario write started.
	Saving Kind = iota + 1
	// Saved: a scenario write succeeded; Rev is the stored revision.
	Saved
	// Failed: a scenario write failed; Err says why (storage.ErrConflict
	// when another tab saved the scenario first).
	Failed
	// Deleted: a scenario was deleted in this tab.
	Deleted
	// Remote: another tab saved (Rev ≥ 1) or deleted (Rev = 0) a scenario.
	Remote
	// Persisted: the browser answered the persistence request; Persisted
	// holds its answer.
	Persisted
	// Blocked: opening the store waits for another tab, which keeps the
	// database open at an older version.
	Blocked
	// Upgraded: another tab opened the database at a newer version (or
	// deleted it); this tab's connection is closed and every later write
	// fails until the page is reloaded.
	Upgraded
)

// Event is one change the interface may want to show.
type Event struct {
	Kind      Kind
	ID        string
	Rev       int
	Err       error
	Persisted bool
}

// Store is the tab's storage.Store. The zero value is not usable; call New.
type Store struct {
	ready chan struct{}
	once  sync.Once

	// Set once by Resolve, read only after ready is closed. browser is
	// nil when the backing store lives in this tab only.
	backing  storage.Full
	browser  Browser
	fallback error

	mu          sync.Mutex
	nextSub     int
	subs        map[int]func(Event)
	persistOnce sync.Once
	persisted   bool
	blocked     bool
	resolved    bool
	upgraded    bool
}

var (
	_ storage.Store         = (*Store)(nil)
	_ storage.HistoryStore  = (*Store)(nil)
	_ storage.SimStateStore = (*Store)(nil)
	_ storage.Full          = (*Store)(nil)
	_ UsageReporter         = (*Store)(nil)
)

// New returns a Store that waits for Resolve.
func New() *Store {
	return &Store{ready: make(chan struct{}), subs: map[int]func(Event){}}
}

// Resolve sets the backing store, once; later calls are ignored. browser
// is the browser around it, or nil when backing lives in this tab only (the
// memory store): no other tab shares it, nothing can be persisted or
// upgraded, and Usage fails with an error satisfying storage.ErrUnavailable.
// fallback is why the preferred store could not be used (nil when backing
// is the preferred one): the interface shows it as a warning that changes
// will not survive the tab. With a browser, other tabs' saves are reported
// as Remote events until ctx is done.
func (s *Store) Resolve(ctx context.Context, backing storage.Full, browser Browser, fallback error) {
	s.once.Do(func() {
		s.backing, s.browser, s.fallback = backing, browser, fallback
		s.mu.Lock()
		wasBlocked := s.blocked
		s.blocked, s.resolved = false, true
		s.mu.Unlock()
		close(s.ready)
		if wasBlocked {
			s.emit(Event{Kind: Blocked})
		}
		if browser == nil {
			return
		}
		browser.OnVersionChange(func() {
			s.mu.Lock()
			s.upgraded = true
			s.mu.Unlock()
			s.emit(Event{Kind: Upgraded})
		})
		// Without BroadcastChannel Watch fails; a conflict is then still
		// caught when saving, so the error needs no handling.
		_ = browser.Watch(ctx, func(id string, rev int) {
			s.emit(Event{Kind: Remote, ID: id, Rev: rev})
		})
	})
}

// Local returns a Store resolved at once over a store that lives in this
// tab only (no Browser): the site generator and host tests use it over the
// memory store.
func Local(backing storage.Full) *Store {
	s := New()
	s.Resolve(context.Background(), backing, nil, nil)
	return s
}

// SetBlocked records that opening the backing store waits for another tab
// (before Resolve; Resolve clears it) and reports a Blocked event.
func (s *Store) SetBlocked() {
	s.mu.Lock()
	if s.resolved {
		s.mu.Unlock()
		return
	}
	s.blocked = true
	s.mu.Unlock()
	s.emit(Event{Kind: Blocked})
}

// Blocked reports whether opening the backing store waits for another tab.
func (s *Store) Blocked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.blocked
}

// Upgraded reports whether another tab's newer version closed the backing
// store's connection.
func (s *Store) Upgraded() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.upgraded
}

// Wait blocks until Resolve ran or ctx is done. It returns the fallback
// reason given to Resolve (nil when the preferred store is in use), or the
// context's error.
func (s *Store) Wait(ctx context.Context) (fallback error, err error) {
	select {
	case <-s.ready:
		return s.fallback, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Subscribe calls fn for every Event until the returned cancel function is
// called. fn runs on the goroutine that caused the event (a ctx.Async
// goroutine, or the watch goroutine): it must not block for long.
func (s *Store) Subscribe(fn func(Event)) (cancel func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextSub
	s.nextSub++
	s.subs[id] = fn
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		delete(s.subs, id)
	}
}

func (s *Store) emit(ev Event) {
	s.mu.Lock()
	fns := make([]func(Event), 0, len(s.subs))
	for _, fn := range s.subs {
		fns = append(fns, fn)
	}
	s.mu.Unlock()
	for _, fn := range fns {
		fn(ev)
	}
}

// get waits for the backing store.
func (s *Store) get(ctx context.Context) (storage.Full, error) {
	select {
	case <-s.ready:
		return s.backing, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ListScenarios implements storage.Store.
func (s *Store) ListScenarios(ctx context.Context) ([]storage.Meta, error) {
	b, err := s.get(ctx)
	if err != nil {
		return nil, fmt.Errorf("list scenarios: %w", err)
	}
	return b.ListScenarios(ctx)
}

// GetScenario implements storage.Store.
func (s *Store) GetScenario(ctx context.Context, id string) (storage.Record, error) {
	b, err := s.get(ctx)
	if err != nil {
		return storage.Record{}, fmt.Errorf("get scenario %s: %w", id, err)
	}
	return b.GetScenario(ctx, id)
}

// PutScenario implements storage.Store and reports the write: Saving, then
// Saved or Failed. After the first successful write it asks the browser,
// once, to keep the data (Persisted reports the answer).
func (s *Store) PutScenario(ctx context.Context, rec storage.Record) error {
	b, err := s.get(ctx)
	if err != nil {
		return fmt.Errorf("put scenario %s: %w", rec.ID, err)
	}
	s.emit(Event{Kind: Saving, ID: rec.ID, Rev: rec.Revision})
	if err := b.PutScenario(ctx, rec); err != nil {
		s.emit(Event{Kind: Failed, ID: rec.ID, Rev: rec.Revision, Err: err})
		return err
	}
	s.emit(Event{Kind: Saved, ID: rec.ID, Rev: storage.NextRevision(rec)})
	if s.browser != nil {
		// The browser may take its time to answer (or ask the user):
		// never hold the save for it.
		s.persistOnce.Do(func() { go s.requestPersistence(s.browser) })
	}
	return nil
}

// requestPersistence asks the browser to keep the data and reports its
// answer as a Persisted event.
func (s *Store) requestPersistence(p Persister) {
	ctx, cancel := context.WithTimeout(context.Background(), persistTimeout)
	defer cancel()
	on, err := p.RequestPersistence(ctx)
	if err != nil {
		return
	}
	s.mu.Lock()
	s.persisted = on
	s.mu.Unlock()
	s.emit(Event{Kind: Persisted, Persisted: on})
}

// DeleteScenario implements storage.Store and reports Deleted.
func (s *Store) DeleteScenario(ctx context.Context, id string) error {
	b, err := s.get(ctx)
	if err != nil {
		return fmt.Errorf("delete scenario %s: %w", id, err)
	}
	if err := b.DeleteScenario(ctx, id); err != nil {
		return err
	}
	s.emit(Event{Kind: Deleted, ID: id})
	return nil
}

// GetSetting implements storage.Store.
func (s *Store) GetSetting(ctx context.Context, key string) (string, error) {
	b, err := s.get(ctx)
	if err != nil {
		return "", fmt.Errorf("get setting %s: %w", key, err)
	}
	return b.GetSetting(ctx, key)
}

// PutSetting implements storage.Store.
func (s *Store) PutSetting(ctx context.Context, key, value string) error {
	b, err := s.get(ctx)
	if err != nil {
		return fmt.Errorf("put setting %s: %w", key, err)
	}
	return b.PutSetting(ctx, key, value)
}

// ListVersions implements storage.HistoryStore.
func (s *Store) ListVersions(ctx context.Context, id string) ([]storage.Version, error) {
	b, err := s.get(ctx)
	if err != nil {
		return nil, fmt.Errorf("list versions of %s: %w", id, err)
	}
	return b.ListVersions(ctx, id)
}

// GetVersion implements storage.HistoryStore.
func (s *Store) GetVersion(ctx context.Context, id string, rev int) (storage.Record, error) {
	b, err := s.get(ctx)
	if err != nil {
		return storage.Record{}, fmt.Errorf("get version %d of %s: %w", rev, id, err)
	}
	return b.GetVersion(ctx, id, rev)
}

// GetSimState implements storage.SimStateStore.
func (s *Store) GetSimState(ctx context.Context, id string) ([]byte, error) {
	b, err := s.get(ctx)
	if err != nil {
		return nil, fmt.Errorf("get simulation state of %s: %w", id, err)
	}
	return b.GetSimState(ctx, id)
}

// PutSimState implements storage.SimStateStore.
func (s *Store) PutSimState(ctx context.Context, id string, data []byte) error {
	b, err := s.get(ctx)
	if err != nil {
		return fmt.Errorf("put simulation state of %s: %w", id, err)
	}
	return b.PutSimState(ctx, id, data)
}

// DeleteSimState implements storage.SimStateStore.
func (s *Store) DeleteSimState(ctx context.Context, id string) error {
	b, err := s.get(ctx)
	if err != nil {
		return fmt.Errorf("delete simulation state of %s: %w", id, err)
	}
	return b.DeleteSimState(ctx, id)
}

// errNoUsage is Usage's error when the backing store lives in this tab
// only: there is no browser estimate of it.
var errNoUsage = fmt.Errorf("usage: %w: the store lives in this tab's memory, the browser keeps no usage for it", storage.ErrUnavailable)

// Usage reports the browser's storage estimate; without a browser (a
// store in this tab's memory) an error satisfying storage.ErrUnavailable.
func (s *Store) Usage(ctx context.Context) (used, quota int64, err error) {
	if _, err := s.get(ctx); err != nil {
		return 0, 0, fmt.Errorf("usage: %w", err)
	}
	if s.browser == nil {
		return 0, 0, errNoUsage
	}
	return s.browser.Usage(ctx)
}

// Persisted reports whether the browser granted persistent storage after
// the first save of this tab.
func (s *Store) Persisted() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.persisted
}
