//go:build js && wasm

package idb

import (
	"context"
	"errors"
	"fmt"
	"math"
	"syscall/js"
	"time"

	indexeddb "github.com/hack-pad/go-indexeddb/idb"

	"github.com/triggersim/triggersim/app/storage"
)

// toBytesJS copies b into a new Uint8Array: IndexedDB stores it by
// structured clone as binary, without the cost and ambiguity of a string.
func toBytesJS(b []byte) js.Value {
	arr := js.Global().Get("Uint8Array").New(len(b))
	if len(b) > 0 {
		js.CopyBytesToJS(arr, b)
	}
	return arr
}

// fromBytesJS copies a stored Uint8Array into Go memory. A value of another
// type is reported rather than misread.
func fromBytesJS(v js.Value) ([]byte, error) {
	if !v.InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, fmt.Errorf("stored value is a %s, not binary data", v.Type())
	}
	b := make([]byte, v.Get("length").Int())
	if len(b) > 0 {
		js.CopyBytesToGo(b, v)
	}
	return b, nil
}

// idKey is the key of a scenario, its metadata, state or a setting.
func idKey(id string) js.Value { return js.ValueOf(id) }

// versionKey is the key of one saved version: [id, revision]. Array keys
// sort element by element, so all versions of a scenario are one key range
// whatever characters the id holds.
func versionKey(id string, rev int) js.Value { return js.ValueOf([]any{id, rev}) }

// versionRange is the key range of the versions of id with revisions from
// lo to hi; math.Inf bounds select all of them.
func versionRange(id string, lo, hi float64) js.Value {
	return js.Global().Get("IDBKeyRange").Call("bound", js.ValueOf([]any{id, lo}), js.ValueOf([]any{id, hi}))
}

// allVersions is the key range of every version of id.
func allVersions(id string) js.Value { return versionRange(id, math.Inf(-1), math.Inf(1)) }

// allVersionBounds are the bounds of allVersions, for go-indexeddb's
// NewKeyRangeBound.
func allVersionBounds(id string) (lo, hi js.Value) {
	return js.ValueOf([]any{id, math.Inf(-1)}), js.ValueOf([]any{id, math.Inf(1)})
}

// jsUndefined is the value that makes Store.put delete.
var jsUndefined = js.Undefined()

// millis converts a time to what the store keeps: milliseconds since the
// Unix epoch, a JS number (exact up to year 285 616).
func millis(t time.Time) js.Value { return js.ValueOf(float64(t.UnixMilli())) }

// fromMillis converts a stored time back; the location is UTC.
func fromMillis(v js.Value) time.Time {
	if v.Type() != js.TypeNumber {
		return time.Time{}
	}
	return time.UnixMilli(int64(v.Float())).UTC()
}

// str reads a string property, "" when it is missing or not a string.
func str(v js.Value, key string) string {
	p := v.Get(key)
	if p.Type() != js.TypeString {
		return ""
	}
	return p.String()
}

// num reads a number property as an int, 0 when it is missing.
func num(v js.Value, key string) int {
	p := v.Get(key)
	if p.Type() != js.TypeNumber {
		return 0
	}
	return p.Int()
}

// missing reports whether a get request found nothing.
func missing(v js.Value) bool { return v.IsUndefined() }

// DOM exception names the store maps to storage errors.
var (
	errQuota        = indexeddb.NewDOMException("QuotaExceededError")
	errInvalidState = indexeddb.NewDOMException("InvalidStateError")
	errUnknown      = indexeddb.NewDOMException("UnknownError")
	errVersion      = indexeddb.NewDOMException("VersionError")
)

// mapError turns what IndexedDB reports into the storage package's errors,
// with a message a user can act on. Context errors pass through.
func mapError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case errors.Is(err, errQuota), jsErrorName(err) == "QuotaExceededError":
		return fmt.Errorf("%w: export scenarios you no longer need as files and delete them (%v)", storage.ErrQuotaExceeded, err)
	case errors.Is(err, errInvalidState), jsErrorName(err) == "InvalidStateError":
		return fmt.Errorf("%w: the database connection was closed, perhaps another tab upgraded it; reload the page (%v)", storage.ErrUnavailable, err)
	case errors.Is(err, errUnknown), jsErrorName(err) == "UnknownError":
		return fmt.Errorf("%w: the browser could not read or write its database; check the free disk space and reload (%v)", storage.ErrUnavailable, err)
	}
	return err
}

// jsErrorName returns the name of a JS exception that err wraps (some
// go-indexeddb calls return those rather than a DOMException), or "".
func jsErrorName(err error) (name string) {
	defer func() {
		if recover() != nil {
			name = ""
		}
	}()
	var jsErr js.Error
	if !errors.As(err, &jsErr) || jsErr.Value.Type() != js.TypeObject {
		return ""
	}
	return str(jsErr.Value, "name")
}

// errNoIndexedDB is Open's error when the browser offers no IndexedDB.
var errNoIndexedDB = fmt.Errorf("%w: this browser window offers no IndexedDB (a private window, or site data is blocked); scenarios are kept only until the tab is closed", storage.ErrUnavailable)

// recovered turns a panic value from syscall/js into an error.
func recovered(r any) error {
	switch v := r.(type) {
	case nil:
		return nil
	case error:
		return v
	default:
		return fmt.Errorf("%v", v)
	}
}
