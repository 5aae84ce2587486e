//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/idb"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
)

// openTimeout bounds opening IndexedDB: some browsers leave the open
// request pending forever (a broken profile); the app then runs on the
// memory store with a warning instead of waiting with a spinner. An open
// blocked by another tab is not timed out: falling back to memory would
// lose the user's edits behind a misleading warning, so the app says
// which tabs to close and waits for them.
const openTimeout = 10 * time.Second

func main() {
	growStack()
	// The session gets the tab's store at once; the store becomes usable
	// when IndexedDB is open. Pages call the store only from ctx.Async, so
	// nothing waits on the UI goroutine.
	st := tabstore.New()
	tab := routes(st)
	go openStore(st)
	guardUnload(tab.Session)
	app.RunWhenOnBrowser()
}

// growStack grows the main goroutine's stack to 128 KB in one step, while
// it holds a single frame. go-app mounts the first page on this goroutine,
// in a recursion as deep as the page's tree of components and elements:
// from Go's initial 8 KB the stack doubled several times on the way, and
// each time the runtime copied it and walked the PC tables of every frame
// on it, which Go in wasm does slowly (runtime.newstack: 2.3 ms of a warm
// load's start in V8 CPU profiles, 0.6 ms with this, none of it the main
// goroutine's after this one). 120 KB is under the compiler's limit for a
// local array, so the frame stays on the stack. The collector may shrink
// the stack again once the page is up.
//
//go:noinline
func growStack() {
	var frame [120 << 10]byte
	keepFrame(frame[:])
}

// keepFrame reads the frame, so that the compiler keeps it whole.
//
//go:noinline
func keepFrame(b []byte) { frameSink = b[len(b)-1] }

// frameSink is where keepFrame writes.
var frameSink byte

// openStore opens IndexedDB and hands it to the tab's store, or the memory
// store with the reason when IndexedDB cannot be used (a private window).
func openStore(st *tabstore.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var blockedOnce sync.Once
	blocked := make(chan struct{})
	timeout := time.AfterFunc(openTimeout, func() {
		select {
		case <-blocked:
		default:
			cancel()
		}
	})
	defer timeout.Stop()
	if err := probeIndexedDB(); err != nil {
		warn("IndexedDB is unavailable, changes stay in this tab:", err)
		st.Resolve(context.Background(), memory.New(), nil, err)
		return
	}
	db, err := idb.Open(ctx, idb.DefaultName, idb.WhenBlocked(func() {
		blockedOnce.Do(func() { close(blocked) })
		warn("IndexedDB upgrade waits for another tab:", errBlocked)
		st.SetBlocked()
	}))
	if err != nil {
		warn("IndexedDB is unavailable, changes stay in this tab:", err)
		if !storage.IsUnavailable(err) {
			err = storage.ErrUnavailable
		}
		st.Resolve(context.Background(), memory.New(), nil, err)
		return
	}
	st.Resolve(context.Background(), db, browserStore{db}, nil)
}

// probeIndexedDB reads window.indexedDB through Reflect.get. A plain
// js.Value.Get cannot be guarded: when the property's getter throws (a
// SecurityError in sandboxed or cookie-blocked contexts) the exception
// unwinds through the wasm instance and stops the app, while an exception
// inside js.Value.Call becomes a recoverable Go panic.
func probeIndexedDB() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: reading window.indexedDB failed: %v", storage.ErrUnavailable, r)
		}
	}()
	v := js.Global().Get("Reflect").Call("get", js.Global(), "indexedDB")
	if !v.Truthy() {
		return fmt.Errorf("%w: this browser has no IndexedDB", storage.ErrUnavailable)
	}
	return nil
}

// errBlocked is logged while another tab blocks the database's upgrade.
var errBlocked = errors.New("another triggersim tab keeps the database open at an older version")

// guardUnload makes the browser ask before the page is left (reload, close,
// another address) while an edit has not reached IndexedDB. The handler
// runs inside the event, so it only reads the session's lock-free flag.
func guardUnload(sess *session.Session) {
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if !sess.HasUnsaved() || len(args) == 0 {
			return nil
		}
		ev := args[0]
		ev.Call("preventDefault")
		// Older browsers show the prompt only when returnValue is set.
		ev.Set("returnValue", "unsaved")
		return "unsaved"
	})
	js.Global().Call("addEventListener", "beforeunload", fn)
}

// browserStore is the browser around the IndexedDB store: its other tabs'
// saves and version changes, and the storage manager (persistence and
// usage).
type browserStore struct{ *idb.Store }

var _ tabstore.Browser = browserStore{}

func (browserStore) RequestPersistence(ctx context.Context) (bool, error) {
	return idb.RequestPersistence(ctx)
}

func (browserStore) Usage(ctx context.Context) (int64, int64, error) { return idb.Usage(ctx) }

// warn writes to the console as a warning: the page shows the problem
// itself, so it is not an error of the app.
func warn(msg string, err error) {
	js.Global().Get("console").Call("warn", msg+" "+err.Error())
}
