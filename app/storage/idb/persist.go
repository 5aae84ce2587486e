//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"syscall/js"

	"github.com/triggersim/triggersim/app/jspromise"
	"github.com/triggersim/triggersim/app/storage"
)

// storageManager returns navigator.storage if it has the method, or an
// error satisfying errors.Is(err, storage.ErrUnavailable).
func storageManager(method string) (m js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: navigator.storage: %v", storage.ErrUnavailable, recovered(r))
		}
	}()
	nav := js.Global().Get("navigator")
	if !nav.Truthy() || !nav.Get("storage").Truthy() || !nav.Get("storage").Get(method).Truthy() {
		return js.Undefined(), fmt.Errorf("%w: this browser has no navigator.storage.%s", storage.ErrUnavailable, method)
	}
	return nav.Get("storage"), nil
}

// RequestPersistence asks the browser not to evict the site's data under
// storage pressure (navigator.storage.persist()). It reports whether the
// data is now persistent; browsers may say no (Chromium decides by site
// engagement, Firefox asks the user), which is not an error. Call it after a
// user action such as the first save, not at page load.
func RequestPersistence(ctx context.Context) (persisted bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			persisted, err = false, fmt.Errorf("request persistent storage: %w: %v", storage.ErrUnavailable, recovered(r))
		}
	}()
	m, err := storageManager("persist")
	if err != nil {
		return false, fmt.Errorf("request persistent storage: %w", err)
	}
	v, err := jspromise.Await(ctx, m.Call("persist"))
	if err != nil {
		return false, fmt.Errorf("request persistent storage: %w", err)
	}
	return v.Type() == js.TypeBoolean && v.Bool(), nil
}

// Usage reports how many bytes the site stores and how many it may store
// (navigator.storage.estimate()); both are the browser's estimates.
func Usage(ctx context.Context) (used, quota int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			used, quota, err = 0, 0, fmt.Errorf("estimate storage: %w: %v", storage.ErrUnavailable, recovered(r))
		}
	}()
	m, err := storageManager("estimate")
	if err != nil {
		return 0, 0, fmt.Errorf("estimate storage: %w", err)
	}
	v, err := jspromise.Await(ctx, m.Call("estimate"))
	if err != nil {
		return 0, 0, fmt.Errorf("estimate storage: %w", err)
	}
	if v.Type() != js.TypeObject {
		return 0, 0, fmt.Errorf("estimate storage: unexpected result %s", v.Type())
	}
	if u := v.Get("usage"); u.Type() == js.TypeNumber {
		used = int64(u.Float())
	}
	if q := v.Get("quota"); q.Type() == js.TypeNumber {
		quota = int64(q.Float())
	}
	return used, quota, nil
}
