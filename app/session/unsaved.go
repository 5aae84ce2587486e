package session

import (
	"context"
	"errors"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/triggersim/triggersim/app/storage"
)

// ErrNotSaved marks an edit that was kept but could not be written to the
// store (a full quota, an IndexedDB error, a conflict with another tab).
// The scenario is then listed by Unsaved until one of its saves succeeds.
var ErrNotSaved = errors.New("the edit is kept in this tab but not saved")

// Retry policy of unsaved scenarios: the first automatic retry comes
// RetryFirst after the failure, each next one twice as late, at most
// RetryMax apart, for as long as the tab is open. A conflict with another
// tab is never retried automatically: the user chooses (reload or copy).
const (
	RetryFirst = 2 * time.Second
	RetryMax   = time.Minute
	// retryTimeout bounds one automatic retry, so that a store that
	// hangs (IndexedDB blocked by another tab) does not hold the session.
	retryTimeout = 30 * time.Second
)

// RetryDelay is the wait before automatic retry number n (n ≥ 1, the
// first retry after the first failure).
func RetryDelay(n int) time.Duration {
	d := RetryFirst
	for i := 1; i < n && d < RetryMax; i++ {
		d *= 2
	}
	if d > RetryMax {
		d = RetryMax
	}
	return d
}

// AfterFunc runs f once after d, on a goroutine of its own, and returns a
// function that cancels it. time.AfterFunc is the real one; tests inject a
// fake clock so that retries are deterministic.
type AfterFunc func(d time.Duration, f func()) (stop func())

func realAfterFunc(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, f)
	return func() { t.Stop() }
}

// Unsaved describes a scenario whose last edit this tab could not save.
type Unsaved struct {
	ID    string
	Title string
	// Err is why the last attempt failed; errors.Is(Err,
	// storage.ErrConflict) when another tab saved the scenario first.
	Err error
	// Attempts counts the failed saves since the last successful one.
	Attempts int
	// Retry is when the next automatic attempt runs; zero when none is
	// scheduled (a conflict waits for the user).
	Retry time.Time
	// JSON is the unsaved scenario file, for the user to download.
	JSON []byte
	// Open tells whether it is the open scenario.
	Open bool
}

// Conflict reports whether the save lost against another tab.
func (u Unsaved) Conflict() bool { return errors.Is(u.Err, storage.ErrConflict) }

// pending is one unsaved scenario: its document (the open one, or one the
// user moved away from) and the retry bookkeeping.
type pending struct {
	doc      *Doc
	err      error
	attempts int
	retry    time.Time
	stop     func()
}

// unsaved is the session's part that tracks unsaved scenarios. pending is
// guarded by Session.mu; the snapshot published for the interface by its
// own small mutex, so that rendering never waits for a save.
type unsaved struct {
	pending  map[string]*pending
	after    AfterFunc
	inFlight atomic.Int32 // saves under way
	count    atomic.Int32 // len(pending), for HasUnsaved

	snapMu sync.Mutex
	snap   []Unsaved
	subs   map[int]func()
	nextID int
}

func (u *unsaved) init() {
	u.pending = map[string]*pending{}
	u.after = realAfterFunc
	u.subs = map[int]func(){}
}

// SetAfterFunc replaces the timer of automatic retries (tests pass a fake
// clock). Call it before the first edit.
func (s *Session) SetAfterFunc(f AfterFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.after = f
}

// failed records a failed save of doc and schedules its next attempt.
func (s *Session) failed(doc *Doc, err error) {
	p := s.pending[doc.ID]
	if p == nil {
		p = &pending{}
		s.pending[doc.ID] = p
		s.count.Store(int32(len(s.pending)))
	}
	p.doc, p.err = doc, err
	p.attempts++
	if p.stop != nil {
		p.stop()
		p.stop, p.retry = nil, time.Time{}
	}
	if errors.Is(err, storage.ErrConflict) {
		return
	}
	d := RetryDelay(p.attempts)
	p.retry = s.now().Add(d)
	id := doc.ID
	p.stop = s.after(d, func() { s.retryByItself(id, p) })
}

// forget drops id from the unsaved list (it was saved, deleted or
// discarded) and cancels its retry.
func (s *Session) forget(id string) {
	if p := s.pending[id]; p != nil {
		if p.stop != nil {
			p.stop()
		}
		delete(s.pending, id)
		s.count.Store(int32(len(s.pending)))
	}
}

// retryByItself is the automatic retry of p; it does nothing when p was
// saved, discarded or retried by hand in the meantime.
func (s *Session) retryByItself(id string, p *pending) {
	s.mu.Lock()
	defer s.changed()
	defer s.mu.Unlock()
	if s.pending[id] != p {
		return
	}
	p.stop = nil
	ctx, cancel := context.WithTimeout(context.Background(), retryTimeout)
	defer cancel()
	_ = s.saveDoc(ctx, p.doc)
}

// Retry saves the unsaved scenario id now (the retry button). It returns
// nil when id has nothing unsaved.
func (s *Session) Retry(ctx context.Context, id string) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	p := s.pending[id]
	if p == nil {
		return nil
	}
	return s.saveDoc(ctx, p.doc)
}

// Discard drops this tab's unsaved edits of id. When id is the open
// scenario, its stored version is opened instead (and the undo history,
// which would bring the edits back, is cleared).
func (s *Session) Discard(ctx context.Context, id string) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	s.forget(id)
	if s.doc == nil || s.doc.ID != id {
		return nil
	}
	err := s.openStored(ctx, id)
	if errors.Is(err, storage.ErrNotExist) {
		s.close()
		return nil
	}
	return err
}

// Reload opens the stored version of id, dropping this tab's unsaved
// edits of it (the other tab's version wins).
func (s *Session) Reload(ctx context.Context, id string) error {
	s.lock(ctx)
	defer s.changed()
	defer s.mu.Unlock()
	s.forget(id)
	return s.openStored(ctx, id)
}

// OpenUnsaved reports whether the open scenario has edits that are not
// saved (failed, or a save under way): the interface asks before it opens
// or creates another scenario.
func (s *Session) OpenUnsaved() bool {
	d := s.doc
	return d != nil && !d.Saved && d != s.fresh
}

// HasUnsaved reports whether anything typed in this tab has not reached
// the store yet: an unsaved scenario, or a save under way. It never waits
// (the page's beforeunload handler calls it).
func (s *Session) HasUnsaved() bool {
	return s.count.Load() > 0 || s.inFlight.Load() > 0 || s.actionOpen.Load()
}

// Unsaved lists the unsaved scenarios, the open one first, then by title.
// It never waits for a save under way: it returns the state as of the last
// completed operation.
func (s *Session) Unsaved() []Unsaved {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	return append([]Unsaved(nil), s.snap...)
}

// UnsavedOf returns the unsaved state of id, if it has one.
func (s *Session) UnsavedOf(id string) (Unsaved, bool) {
	for _, u := range s.Unsaved() {
		if u.ID == id {
			return u, true
		}
	}
	return Unsaved{}, false
}

// OnChange calls fn after every operation that may have changed the
// unsaved list, until the returned cancel function is called. fn runs on
// the goroutine of the operation (a ctx.Async or retry goroutine).
func (s *Session) OnChange(fn func()) (cancel func()) {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	id := s.nextID
	s.nextID++
	s.subs[id] = fn
	return func() {
		s.snapMu.Lock()
		defer s.snapMu.Unlock()
		delete(s.subs, id)
	}
}

// changed publishes the unsaved list and tells the subscribers. Methods
// defer it before deferring the unlock of Session.mu, so it runs after the
// unlock and takes the lock again only to copy the list.
func (s *Session) changed() {
	s.mu.Lock()
	list := make([]Unsaved, 0, len(s.pending))
	for id, p := range s.pending {
		list = append(list, Unsaved{
			ID: id, Title: p.doc.Scenario.Title, Err: p.err, Attempts: p.attempts,
			Retry: p.retry, JSON: p.doc.JSON, Open: s.doc == p.doc,
		})
	}
	s.mu.Unlock()
	sort.Slice(list, func(i, j int) bool {
		if list[i].Open != list[j].Open {
			return list[i].Open
		}
		if list[i].Title != list[j].Title {
			return list[i].Title < list[j].Title
		}
		return list[i].ID < list[j].ID
	})
	s.snapMu.Lock()
	s.snap = list
	fns := make([]func(), 0, len(s.subs))
	for _, fn := range s.subs {
		fns = append(fns, fn)
	}
	s.snapMu.Unlock()
	for _, fn := range fns {
		fn()
	}
}
