package session_test

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/faultstore"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
)

// fakeClock is the session's clock and retry timer in tests: time moves
// only when the test calls Advance, and due timers run then, in order.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at      time.Time
	f       func()
	stopped bool
}

func newClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		t.stopped = true
	}
}

// pending counts the timers that have not run or been stopped.
func (c *fakeClock) pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, t := range c.timers {
		if !t.stopped {
			n++
		}
	}
	return n
}

// Advance moves the clock by d and runs the timers that came due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []*fakeTimer
	keep := c.timers[:0]
	for _, t := range c.timers {
		switch {
		case t.stopped:
		case !t.at.After(c.now):
			due = append(due, t)
		default:
			keep = append(keep, t)
		}
	}
	c.timers = keep
	c.mu.Unlock()
	sort.SliceStable(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
	for _, t := range due {
		t.f()
	}
}

// faulty is a session over a store that can be made to fail, on a fake clock.
func faulty(t *testing.T) (*session.Session, *faultstore.Store, *fakeClock) {
	t.Helper()
	clock := newClock()
	fs := faultstore.New(memory.New())
	n := 0
	s := session.New(tabstore.Local(fs), clock.Now, func() string { n++; return "s" + string(rune('0'+n)) })
	s.SetAfterFunc(clock.AfterFunc)
	return s, fs, clock
}

func retitle(title string) func(sc *engine.Scenario) error {
	return func(sc *engine.Scenario) error { sc.Title = title; return nil }
}

func storedTitle(t *testing.T, s *session.Session, id string) string {
	t.Helper()
	rec, err := s.Store().GetScenario(context.Background(), id)
	require.NoError(t, err)
	return rec.Title
}

func TestRetryDelay(t *testing.T) {
	want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for i, w := range want {
		assert.Equal(t, w, session.RetryDelay(i+1), "retry %d", i+1)
	}
	assert.Equal(t, session.RetryMax, session.RetryDelay(1000))
}

func TestFailedSaveIsKeptAndRetriedWithBackoff(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	id, err := s.Create(ctx, session.Blank("Первый", "ru"))
	require.NoError(t, err)

	fs.Fail(faultstore.ErrQuota)
	err = s.Edit(ctx, retitle("Правка"))
	require.ErrorIs(t, err, session.ErrNotSaved)
	require.ErrorIs(t, err, storage.ErrQuotaExceeded)
	assert.Equal(t, "Правка", s.Scenario().Title, "the edit is kept")
	assert.True(t, s.OpenUnsaved())
	assert.True(t, s.HasUnsaved())
	u, ok := s.UnsavedOf(id)
	require.True(t, ok)
	assert.Equal(t, 1, u.Attempts)
	assert.True(t, u.Open)
	assert.False(t, u.Conflict())
	assert.Equal(t, clock.Now().Add(2*time.Second), u.Retry)
	assert.Contains(t, string(u.JSON), `"Правка"`)

	// The retries come by themselves, later and later.
	puts := fs.Puts()
	clock.Advance(time.Second)
	assert.Equal(t, puts, fs.Puts(), "no retry before its time")
	clock.Advance(time.Second)
	assert.Equal(t, puts+1, fs.Puts(), "first retry after 2 s")
	u, _ = s.UnsavedOf(id)
	assert.Equal(t, 2, u.Attempts)
	assert.Equal(t, clock.Now().Add(4*time.Second), u.Retry)
	clock.Advance(4 * time.Second)
	assert.Equal(t, puts+2, fs.Puts(), "second retry 4 s later")
	assert.Equal(t, "Первый", storedTitle(t, s, id))

	// Space is freed: the next retry saves the edit and the state clears.
	fs.Heal()
	clock.Advance(8 * time.Second)
	assert.Equal(t, "Правка", storedTitle(t, s, id))
	assert.Empty(t, s.Unsaved())
	assert.False(t, s.HasUnsaved())
	assert.False(t, s.OpenUnsaved())
	assert.Zero(t, clock.pending(), "no retry left scheduled")
	assert.Equal(t, 2, s.Doc().Revision, "one create, one save")
}

// A later successful save of another scenario must not clear the failure.
func TestSaveOfAnotherScenarioKeepsTheFailure(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	a, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	fs.Fail(faultstore.ErrBroken)
	require.ErrorIs(t, s.Edit(ctx, retitle("А, правка")), session.ErrNotSaved)
	fs.Heal()

	// Opening another scenario neither drops nor saves A's edit…
	b, err := s.Create(ctx, session.Blank("Б", "ru"))
	require.NoError(t, err)
	require.NoError(t, s.Edit(ctx, retitle("Б, правка")))
	u, ok := s.UnsavedOf(a)
	require.True(t, ok, "B's save did not clear A's failure")
	assert.False(t, u.Open)
	assert.ErrorIs(t, u.Err, storage.ErrUnavailable)
	assert.True(t, s.HasUnsaved())
	assert.False(t, s.OpenUnsaved(), "B itself is saved")
	_, ok = s.UnsavedOf(b)
	assert.False(t, ok)

	// …and reopening A shows the edit, not the stored version.
	require.NoError(t, s.Open(ctx, a))
	assert.Equal(t, "А, правка", s.Scenario().Title)
	assert.True(t, s.OpenUnsaved())

	// The retry saves it.
	clock.Advance(session.RetryFirst)
	assert.Equal(t, "А, правка", storedTitle(t, s, a))
	assert.Empty(t, s.Unsaved())
}

// The retry of a scenario the user moved away from saves that scenario,
// not the open one.
func TestRetryOfAScenarioNotOpen(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	a, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	fs.FailN(faultstore.ErrQuota, 1)
	require.ErrorIs(t, s.Edit(ctx, retitle("А2")), session.ErrNotSaved)
	b, err := s.Create(ctx, session.Blank("Б", "ru"))
	require.NoError(t, err)
	clock.Advance(session.RetryFirst)
	assert.Equal(t, "А2", storedTitle(t, s, a))
	assert.Equal(t, "Б", storedTitle(t, s, b))
	assert.Equal(t, b, s.Doc().ID, "the retry did not change the open scenario")
	assert.Empty(t, s.Unsaved())
}

func TestRetryByHand(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	id, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	fs.Fail(faultstore.ErrQuota)
	require.Error(t, s.Edit(ctx, retitle("А2")))
	require.ErrorIs(t, s.Retry(ctx, id), storage.ErrQuotaExceeded)
	u, _ := s.UnsavedOf(id)
	assert.Equal(t, 2, u.Attempts)
	assert.Equal(t, 1, clock.pending(), "a retry by hand replaces the scheduled one")
	fs.Heal()
	require.NoError(t, s.Retry(ctx, id))
	assert.Empty(t, s.Unsaved())
	assert.Zero(t, clock.pending())
	assert.NoError(t, s.Retry(ctx, id), "nothing to retry is not an error")
}

// A conflict waits for the user: retrying would lose against the other
// tab again and again.
func TestConflictIsNotRetriedAndReloadDropsTheEdit(t *testing.T) {
	ctx := context.Background()
	s, _, clock := faulty(t)
	id, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	other := session.New(s.Store(), nil, nil)
	require.NoError(t, other.Open(ctx, id))
	require.NoError(t, other.Edit(ctx, retitle("Другая вкладка")))

	err = s.Edit(ctx, retitle("Эта вкладка"))
	require.ErrorIs(t, err, storage.ErrConflict)
	u, ok := s.UnsavedOf(id)
	require.True(t, ok)
	assert.True(t, u.Conflict())
	assert.True(t, u.Retry.IsZero())
	assert.Zero(t, clock.pending())

	require.NoError(t, s.Reload(ctx, id))
	assert.Equal(t, "Другая вкладка", s.Scenario().Title)
	assert.Empty(t, s.Unsaved())
	assert.False(t, s.CanUndo())
}

func TestDiscard(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	id, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	fs.Fail(faultstore.ErrQuota)
	require.Error(t, s.Edit(ctx, retitle("А2")))
	require.NoError(t, s.Discard(ctx, id))
	assert.Equal(t, "А", s.Scenario().Title, "the stored version is open again")
	assert.Empty(t, s.Unsaved())
	assert.False(t, s.HasUnsaved())
	assert.False(t, s.CanUndo(), "undo must not bring the discarded edit back")
	assert.Zero(t, clock.pending())
	puts := fs.Puts()
	clock.Advance(time.Hour)
	assert.Equal(t, puts, fs.Puts(), "a discarded scenario is not retried")
}

func TestDeleteForgetsTheUnsavedEdit(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	id, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	fs.Fail(faultstore.ErrQuota)
	require.Error(t, s.Edit(ctx, retitle("А2")))
	require.NoError(t, s.Delete(ctx, id))
	assert.Empty(t, s.Unsaved())
	assert.Zero(t, clock.pending())
}

// Renaming or copying a scenario with unsaved edits from the list works on
// the edited version.
func TestRenameAndDuplicateOfAnUnsavedScenario(t *testing.T) {
	ctx := context.Background()
	s, fs, _ := faulty(t)
	a, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	fs.FailN(faultstore.ErrQuota, 1)
	require.Error(t, s.Edit(ctx, func(sc *engine.Scenario) error { sc.Description = "правка"; return nil }))
	_, err = s.Create(ctx, session.Blank("Б", "ru"))
	require.NoError(t, err)

	cp, err := s.Duplicate(ctx, a, "А (копия)")
	require.NoError(t, err)
	rec, err := s.Store().GetScenario(ctx, cp)
	require.NoError(t, err)
	assert.Contains(t, string(rec.Data), "правка")

	require.NoError(t, s.Rename(ctx, a, "А, новое имя"))
	rec, err = s.Store().GetScenario(ctx, a)
	require.NoError(t, err)
	assert.Equal(t, "А, новое имя", rec.Title)
	assert.Contains(t, string(rec.Data), "правка", "the rename saved the pending edit with it")
	assert.Empty(t, s.Unsaved())
}

// While a save is under way the tab has unsaved work (the page warns
// before unloading), though nothing has failed.
func TestSaveInFlightCountsAsUnsaved(t *testing.T) {
	ctx := context.Background()
	s, fs, _ := faulty(t)
	_, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	started, release := fs.Hold()
	done := make(chan error, 1)
	go func() { done <- s.Edit(ctx, retitle("А2")) }()
	<-started
	assert.True(t, s.HasUnsaved())
	assert.True(t, s.OpenUnsaved())
	release()
	require.NoError(t, <-done)
	assert.False(t, s.HasUnsaved())
	assert.False(t, s.OpenUnsaved())
}

func TestOnChange(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	var mu sync.Mutex
	var seen []int
	cancel := s.OnChange(func() {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, len(s.Unsaved()))
	})
	_, err := s.Create(ctx, session.Blank("А", "ru"))
	require.NoError(t, err)
	fs.FailN(faultstore.ErrQuota, 1)
	require.Error(t, s.Edit(ctx, retitle("А2")))
	clock.Advance(session.RetryFirst)
	cancel()
	require.NoError(t, s.Edit(ctx, retitle("А3")))
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []int{0, 1, 0}, seen, "create, failed edit, retry; nothing after cancel")
}
