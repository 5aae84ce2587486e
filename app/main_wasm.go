//go:build js && wasm

package main

import (
	"context"
	"fmt"
	"syscall/js"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/idb"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
)

// openTimeout bounds opening IndexedDB: some browsers leave the open
// request pending forever (blocked by another version's connection, or a
// broken profile); the app then runs on the memory store with a warning
// instead of waiting with a spinner.
const openTimeout = 10 * time.Second

func main() {
	// The session gets the tab's store at once; the store becomes usable
	// when IndexedDB is open. Pages call the store only from ctx.Async, so
	// nothing waits on the UI goroutine.
	st := tabstore.New()
	routes(st)
	go openStore(st)
	app.RunWhenOnBrowser()
}

// openStore opens IndexedDB and hands it to the tab's store, or the memory
// store with the reason when IndexedDB cannot be used (a private window).
func openStore(st *tabstore.Store) {
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	if err := probeIndexedDB(); err != nil {
		warn("IndexedDB is unavailable, changes stay in this tab:", err)
		st.Resolve(context.Background(), memory.New(), err)
		return
	}
	db, err := idb.Open(ctx, idb.DefaultName)
	if err != nil {
		warn("IndexedDB is unavailable, changes stay in this tab:", err)
		if !storage.IsUnavailable(err) {
			err = storage.ErrUnavailable
		}
		st.Resolve(context.Background(), memory.New(), err)
		return
	}
	st.Resolve(context.Background(), browserStore{db}, nil)
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

// browserStore adds the browser's storage manager (persistence and usage)
// to the IndexedDB store, as capabilities tabstore looks for.
type browserStore struct{ *idb.Store }

func (browserStore) RequestPersistence(ctx context.Context) (bool, error) {
	return idb.RequestPersistence(ctx)
}

func (browserStore) Usage(ctx context.Context) (int64, int64, error) { return idb.Usage(ctx) }

// warn writes to the console as a warning: the page shows the problem
// itself, so it is not an error of the app.
func warn(msg string, err error) {
	js.Global().Get("console").Call("warn", msg+" "+err.Error())
}
