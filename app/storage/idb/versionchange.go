//go:build js && wasm

package idb

import (
	"fmt"
	"sync"
	"syscall/js"

	"github.com/triggersim/triggersim/app/storage"
)

// Two tabs, two versions of the app: the new one opens the database at a
// higher SchemaVersion. IndexedDB then sends "versionchange" to every
// connection still open at the old version, and "blocked" to the new
// tab's open request for as long as one of them stays open. The old tab
// must close its connection at once (it can no longer use it anyway) and
// tell its user; the new tab must say what it waits for. Both are here.

// ErrUpgraded is the error of every call on a store whose connection was
// closed because another tab opened the database at a newer version (or
// deleted it).
var ErrUpgraded = fmt.Errorf("%w: triggersim was updated in another tab and this tab's connection to the database was closed; reload this tab", storage.ErrUnavailable)

// Option changes how Open opens the database.
type Option func(*openOptions)

type openOptions struct {
	onBlocked func()
}

// WhenBlocked makes Open call fn (on a goroutine of its own) when the
// open request is blocked: another tab keeps a connection to an older
// version of the database open. Open goes on waiting; it succeeds once
// that tab closes its connection (or fails when ctx is done).
func WhenBlocked(fn func()) Option {
	return func(o *openOptions) { o.onBlocked = fn }
}

// openProxy wraps an IDBFactory so that the open request it returns can be
// watched for "blocked" (go-indexeddb does not expose the request). It is
// plain JavaScript, so an exception of the real open reaches go-indexeddb
// unchanged.
var openProxy = sync.OnceValue(func() js.Value {
	return js.Global().Get("Function").New("f", "onBlocked", `return {
	open(...args) {
		const req = f.open(...args);
		req.addEventListener("blocked", () => onBlocked());
		return req;
	},
};`)
})

// watchedFactory returns factory, wrapped to report a blocked open
// request to onBlocked when it is set, and a function that frees the
// callback once the open settled.
func watchedFactory(factory js.Value, onBlocked func()) (js.Value, func()) {
	if onBlocked == nil {
		return factory, func() {}
	}
	cb := js.FuncOf(func(js.Value, []js.Value) any {
		go onBlocked()
		return nil
	})
	return openProxy().Invoke(factory, cb), cb.Release
}

// versionWatch is a Store's part that follows versionchange events.
type versionWatch struct {
	mu       sync.Mutex
	upgraded bool
	fns      []func()
	listener js.Func
	watching bool
}

// release frees the listener; call it only once the connection is closed
// (a closed connection gets no more events).
func (v *versionWatch) release() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.watching {
		v.watching = false
		v.listener.Release()
	}
}

// watchVersionChange closes the connection when another tab opens the
// database at a newer version or deletes it, and reports it to the
// functions given to OnVersionChange. jsDB is the IDBDatabase.
func (s *Store) watchVersionChange(jsDB js.Value) {
	s.vc.listener = js.FuncOf(func(js.Value, []js.Value) any {
		s.vc.mu.Lock()
		if s.vc.upgraded {
			s.vc.mu.Unlock()
			return nil
		}
		s.vc.upgraded = true
		fns := append([]func(){}, s.vc.fns...)
		s.vc.mu.Unlock()
		// Close synchronously, inside the event: the other tab's open
		// request then proceeds without ever being blocked.
		func() {
			defer func() { _ = recover() }()
			jsDB.Call("close")
		}()
		for _, fn := range fns {
			go fn()
		}
		return nil
	})
	jsDB.Call("addEventListener", "versionchange", s.vc.listener)
	s.vc.watching = true
}

// OnVersionChange calls fn, once, on a goroutine of its own, when this
// store's connection was closed because another tab upgraded or deleted
// the database. Every later call of the store fails with an error
// satisfying errors.Is(err, ErrUpgraded).
func (s *Store) OnVersionChange(fn func()) {
	s.vc.mu.Lock()
	defer s.vc.mu.Unlock()
	if s.vc.upgraded {
		go fn()
		return
	}
	s.vc.fns = append(s.vc.fns, fn)
}

// Upgraded reports whether another tab's upgrade closed the connection.
func (s *Store) Upgraded() bool {
	s.vc.mu.Lock()
	defer s.vc.mu.Unlock()
	return s.vc.upgraded
}
