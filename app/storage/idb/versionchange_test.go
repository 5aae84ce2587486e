//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
)

// rawOpen opens name at version with plain IndexedDB calls, as a tab of
// another version of the app would, and reports its events on channels.
// Its connection ignores versionchange unless the test closes it.
type rawOpen struct {
	req     js.Value
	blocked chan struct{}
	done    chan error
	funcs   []js.Func
}

func openRaw(t *testing.T, name string, version int, upgrade func(db js.Value)) *rawOpen {
	t.Helper()
	r := &rawOpen{blocked: make(chan struct{}, 4), done: make(chan error, 1)}
	r.req = js.Global().Get("indexedDB").Call("open", name, version)
	on := func(event string, fn func(ev js.Value)) {
		f := js.FuncOf(func(_ js.Value, args []js.Value) any { fn(args[0]); return nil })
		r.funcs = append(r.funcs, f)
		r.req.Call("addEventListener", event, f)
	}
	on("upgradeneeded", func(js.Value) {
		if upgrade != nil {
			upgrade(r.req.Get("result"))
		}
	})
	on("blocked", func(js.Value) { r.blocked <- struct{}{} })
	on("success", func(js.Value) { r.done <- nil })
	on("error", func(ev js.Value) { ev.Call("preventDefault"); r.done <- js.Error{Value: r.req.Get("error")} })
	t.Cleanup(func() {
		if res := r.req.Get("readyState").String(); res == "done" && r.req.Get("error").IsNull() {
			r.req.Get("result").Call("close")
		}
		for _, f := range r.funcs {
			f.Release()
		}
	})
	return r
}

// wait returns the open's outcome, or fails the test after a while.
func (r *rawOpen) wait(t *testing.T) {
	t.Helper()
	select {
	case err := <-r.done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		require.FailNow(t, "the raw open request never settled")
	}
}

// A newer version of the app opens the database in another tab: this
// tab's store closes its connection at once, so the upgrade is never
// blocked, tells the app, and fails every later call with ErrUpgraded.
func TestVersionChangeClosesTheConnection(t *testing.T) {
	ctx := context.Background()
	name := uniqueName(t)
	s := open(t, name)
	require.NoError(t, s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "a", Title: "A"}, Data: []byte(`{}`)}))
	told := make(chan struct{}, 1)
	s.OnVersionChange(func() { told <- struct{}{} })

	newer := openRaw(t, name, SchemaVersion+1, nil)
	newer.wait(t)
	select {
	case <-newer.blocked:
		require.FailNow(t, "the newer version was blocked by this tab's connection")
	default:
	}
	select {
	case <-told:
	case <-time.After(5 * time.Second):
		require.FailNow(t, "OnVersionChange was not called")
	}
	assert.True(t, s.Upgraded())

	err := s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "b"}, Data: []byte(`{}`)})
	require.ErrorIs(t, err, ErrUpgraded)
	assert.ErrorIs(t, err, storage.ErrUnavailable)
	assert.Contains(t, err.Error(), "updated in another tab")
	_, err = s.ListScenarios(ctx)
	assert.ErrorIs(t, err, ErrUpgraded)

	// Told after the fact, a late subscriber hears of it too.
	late := make(chan struct{}, 1)
	s.OnVersionChange(func() { late <- struct{}{} })
	select {
	case <-late:
	case <-time.After(5 * time.Second):
		require.FailNow(t, "a late OnVersionChange was not called")
	}
}

// An older tab that does not let go (here a raw connection that ignores
// versionchange) blocks this tab's upgrade: Open says so through
// WhenBlocked and goes on waiting, then opens when that tab closes.
func TestBlockedUpgradeWaitsAndSaysSo(t *testing.T) {
	name := uniqueName(t)
	old := openRaw(t, name, 1, func(db js.Value) {
		db.Call("createObjectStore", "scenarios")
	})
	old.wait(t)

	blocked := make(chan struct{}, 1)
	type result struct {
		s   *Store
		err error
	}
	opened := make(chan result, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	go func() {
		s, err := Open(ctx, name, WhenBlocked(func() { blocked <- struct{}{} }))
		opened <- result{s, err}
	}()
	select {
	case <-blocked:
	case r := <-opened:
		require.FailNow(t, fmt.Sprintf("Open returned while an old connection was open: %v", r.err))
	case <-time.After(10 * time.Second):
		require.FailNow(t, "WhenBlocked was not called")
	}
	select {
	case r := <-opened:
		require.FailNow(t, fmt.Sprintf("Open gave up while blocked: %v", r.err))
	default:
	}

	// The other tab closes: the upgrade goes through.
	old.req.Get("result").Call("close")
	r := <-opened
	require.NoError(t, r.err)
	t.Cleanup(func() { _ = r.s.Close() })
	metas, err := r.s.ListScenarios(context.Background())
	require.NoError(t, err)
	assert.Empty(t, metas)
}
