// Package storage defines where triggersim keeps scenarios and settings.
//
// The app talks to one small, context-first interface, Store, with two
// implementations: memory (host tests, and the fallback when the browser has
// no IndexedDB) and IndexedDB (the browser). Both must pass the conformance
// suite in storagetest, so code written against the memory store behaves the
// same in the browser. The pattern follows hackpadfs's keyvalue store.
//
// Error contract, checked by storagetest:
//   - a missing scenario or setting satisfies errors.Is(err, ErrNotExist);
//   - writing a scenario whose Revision is not the stored one satisfies
//     errors.Is(err, ErrConflict) and changes nothing;
//   - an empty ID or key satisfies errors.Is(err, ErrInvalid);
//   - a cancelled context makes every method return an error satisfying
//     errors.Is(err, ctx.Err()) without touching the data.
package storage

import (
	"context"
	"errors"
	"time"
)

// Sentinel errors that callers branch on. Implementations wrap them with the
// operation and the ID, so the message says what failed.
var (
	// ErrNotExist means the scenario or setting is not stored.
	ErrNotExist = errors.New("does not exist")
	// ErrConflict means the scenario was changed since the caller read it
	// (for example in another tab): the caller must reload and merge.
	ErrConflict = errors.New("revision conflict")
	// ErrInvalid means the argument cannot be stored (an empty ID or key).
	ErrInvalid = errors.New("invalid argument")
	// ErrUnavailable means the backing storage cannot be used at all, for
	// example IndexedDB is disabled in a private window. The app shows a
	// message and falls back to the memory store.
	ErrUnavailable = errors.New("storage unavailable")
)

// Meta describes a stored scenario without its content; it is what the
// scenario list shows.
type Meta struct {
	// ID identifies the scenario; it is chosen by the caller and never
	// changes.
	ID string
	// Title is the scenario title, copied out of Data so the list does not
	// have to parse every scenario.
	Title string
	// Revision counts the writes of the scenario: 1 after the first write.
	Revision int
	// Updated is when the caller last saved the scenario. The store keeps
	// it as given, to at least millisecond precision; its location is not
	// preserved (compare with time.Time.Equal).
	Updated time.Time
}

// Record is a stored scenario: its Meta and the scenario JSON.
type Record struct {
	Meta
	// Data is the scenario file (docs/scenario-format.md) as JSON. A
	// scenario is always stored as one value, never one record per item,
	// so a save is atomic.
	Data []byte
}

// Store keeps scenarios and settings. Implementations are safe for use by
// several goroutines; values passed in or returned are copies, so the caller
// may change them freely.
type Store interface {
	// ListScenarios returns the metadata of every stored scenario, ordered
	// by ID.
	ListScenarios(ctx context.Context) ([]Meta, error)

	// GetScenario returns the scenario with the given ID, or an error
	// satisfying errors.Is(err, ErrNotExist).
	GetScenario(ctx context.Context, id string) (Record, error)

	// PutScenario creates or replaces a scenario. rec.Revision must be the
	// revision the caller read: 0 for a new scenario, otherwise the stored
	// Revision. On success the store saves rec with Revision+1, so the
	// caller's next write uses rec.Revision+1. On a mismatch it returns an
	// error satisfying errors.Is(err, ErrConflict) and stores nothing.
	PutScenario(ctx context.Context, rec Record) error

	// DeleteScenario removes a scenario, or returns an error satisfying
	// errors.Is(err, ErrNotExist) when there is none.
	DeleteScenario(ctx context.Context, id string) error

	// GetSetting returns a setting (for example the interface language),
	// or an error satisfying errors.Is(err, ErrNotExist).
	GetSetting(ctx context.Context, key string) (string, error)

	// PutSetting creates or replaces a setting.
	PutSetting(ctx context.Context, key, value string) error
}

// NextRevision returns the revision a successful PutScenario of rec stores.
func NextRevision(rec Record) int { return rec.Revision + 1 }
