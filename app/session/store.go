package session

import (
	"context"
	"fmt"

	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
)

// The pages reach storage only through the session: settings, a stored
// scenario's bytes, saved versions, the usage estimate and the tab's save
// events. Every part the session uses is in the type of its Store, so no
// call checks for one: a store that lacks a part does not compile. The
// tab's store (tabstore.Store) is the one Store; over a store that lives in
// the tab only (tabstore.Local, the memory store) StorageUsage fails with
// an error satisfying storage.ErrUnavailable.

// Events is the tab store's part that reports saves (this tab's, other
// tabs') and whether the store fell back to memory; *tabstore.Store has
// it.
type Events interface {
	Subscribe(fn func(tabstore.Event)) (cancel func())
	Wait(ctx context.Context) (fallback error, err error)
}

// Usage is the part that reports the browser's storage estimate and
// whether the browser granted persistence; *tabstore.Store has it.
type Usage interface {
	Usage(ctx context.Context) (used, quota int64, err error)
	Persisted() bool
}

// Health is the part that tells whether opening IndexedDB waits for
// another tab (an older version blocks the upgrade) and whether another
// tab's newer version closed this tab's connection; *tabstore.Store has
// it.
type Health interface {
	Blocked() bool
	Upgraded() bool
}

// Store is what a session works on: scenarios, settings, history and the
// simulation state (storage.Full), with the tab's save events, usage and
// health.
type Store interface {
	storage.Full
	Events
	Usage
	Health
}

// The tab's store is a Store.
var _ Store = (*tabstore.Store)(nil)

// GetSetting returns a setting (storage.Setting* keys), or an error
// satisfying errors.Is(err, storage.ErrNotExist).
func (s *Session) GetSetting(ctx context.Context, key string) (string, error) {
	return s.store.GetSetting(ctx, key)
}

// PutSetting stores a setting.
func (s *Session) PutSetting(ctx context.Context, key, value string) error {
	return s.store.PutSetting(ctx, key, value)
}

// Stored returns a stored scenario as it is in the store (an export, a
// share link, variant B of the what-if lab).
func (s *Session) Stored(ctx context.Context, id string) (storage.Record, error) {
	rec, err := s.store.GetScenario(ctx, id)
	if err != nil {
		return storage.Record{}, fmt.Errorf("read scenario %s: %w", id, err)
	}
	return rec, nil
}

// Versions lists the kept versions of a scenario, newest first.
func (s *Session) Versions(ctx context.Context, id string) ([]storage.Version, error) {
	return s.store.ListVersions(ctx, id)
}

// RestoreVersion replaces the open scenario with its saved version rev, as
// an ordinary edit: it is checked, saved as a new version and undoable.
func (s *Session) RestoreVersion(ctx context.Context, rev int) error {
	doc := s.Doc()
	if doc == nil {
		return ErrNoScenario
	}
	rec, err := s.store.GetVersion(ctx, doc.ID, rev)
	if err != nil {
		return fmt.Errorf("restore version %d: %w", rev, err)
	}
	old, err := engine.ReadScenario(rec.Data)
	if err != nil {
		return fmt.Errorf("restore version %d: %w", rev, err)
	}
	return s.Edit(ctx, func(sc *engine.Scenario) error { *sc = *old; return nil })
}

// StorageUsage reports how many bytes the site stores and may store, and
// whether the browser promised to keep them.
func (s *Session) StorageUsage(ctx context.Context) (used, quota int64, persisted bool, err error) {
	used, quota, err = s.store.Usage(ctx)
	return used, quota, s.store.Persisted(), err
}

// Subscribe calls fn for every save event of the tab's store until cancel
// is called.
func (s *Session) Subscribe(fn func(tabstore.Event)) (cancel func()) {
	return s.store.Subscribe(fn)
}

// WaitStore blocks until the store is usable and returns why it fell back
// to memory (nil when it did not).
func (s *Session) WaitStore(ctx context.Context) (fallback error, err error) {
	return s.store.Wait(ctx)
}

// StoreBlocked tells whether opening the store waits for another tab that
// keeps an older version of the database open.
func (s *Session) StoreBlocked() bool { return s.store.Blocked() }

// StoreUpgraded tells whether another tab's newer version closed the
// store's connection, so nothing more can be saved in this tab.
func (s *Session) StoreUpgraded() bool { return s.store.Upgraded() }
