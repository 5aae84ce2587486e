//go:build js && wasm

// Package idb is the browser's storage.Store: scenarios, their last
// storage.MaxVersions saved versions, simulation state and settings kept in
// IndexedDB through github.com/hack-pad/go-indexeddb.
//
// Why it is built the way it is:
//
//   - Never lose an edit. A save is one readwrite transaction over the
//     scenario, its metadata and its history: the revision check
//     (storage.ErrConflict) runs inside that transaction, so two tabs cannot
//     both win, and a failure (quota, crash) leaves the previous version
//     intact. IndexedDB commits a transaction as soon as it has no pending
//     request when control returns to the event loop, so every request of a
//     transaction is issued either before the first wait or synchronously in
//     a request's success handler; nothing ever waits inside a handler.
//   - Open never panics: no IndexedDB (some private windows, disabled site
//     data), a refused open or a newer schema give an error satisfying
//     errors.Is(err, storage.ErrUnavailable), and the app falls back to the
//     memory store with a message. A full quota satisfies both
//     storage.ErrQuotaExceeded and storage.ErrUnavailable.
//   - The schema is versioned (SchemaVersion). Opening an older database
//     upgrades it in place; see schema.go for the layout of every version.
//   - Other tabs learn of saves through the BroadcastChannel "triggersim"
//     (Watch), so the scenario list stays fresh and an open editor can warn
//     before a conflict.
//
// Every file of this package is for js/wasm only; a host test checks the
// build tags, as go-indexeddb does.
package idb
