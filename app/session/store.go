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
// events. The store's optional parts are checked once, in New; a store
// without one gives an error satisfying storage.ErrUnavailable (or no
// events), never a silent no-op.

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

// The tab's store has every optional part.
var (
	_ Health                = (*tabstore.Store)(nil)
	_ Events                = (*tabstore.Store)(nil)
	_ Usage                 = (*tabstore.Store)(nil)
	_ storage.HistoryStore  = (*tabstore.Store)(nil)
	_ storage.SimStateStore = (*tabstore.Store)(nil)
)

// parts are the optional parts of the session's store, found once.
type parts struct {
	history storage.HistoryStore
	usage   Usage
	events  Events
	health  Health
}

func findParts(store storage.Store) parts {
	var p parts
	p.history, _ = store.(storage.HistoryStore)
	p.usage, _ = store.(Usage)
	p.events, _ = store.(Events)
	p.health, _ = store.(Health)
	return p
}

// errNoPart is the error of a call to a part the store lacks.
func errNoPart(what string) error {
	return fmt.Errorf("%s: %w: the store keeps no %s", what, storage.ErrUnavailable, what)
}

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
	if s.parts.history == nil {
		return nil, errNoPart("history")
	}
	return s.parts.history.ListVersions(ctx, id)
}

// RestoreVersion replaces the open scenario with its saved version rev, as
// an ordinary edit: it is checked, saved as a new version and undoable.
func (s *Session) RestoreVersion(ctx context.Context, rev int) error {
	doc := s.Doc()
	if doc == nil {
		return ErrNoScenario
	}
	if s.parts.history == nil {
		return errNoPart("history")
	}
	rec, err := s.parts.history.GetVersion(ctx, doc.ID, rev)
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
	if s.parts.usage == nil {
		return 0, 0, false, errNoPart("usage")
	}
	used, quota, err = s.parts.usage.Usage(ctx)
	return used, quota, s.parts.usage.Persisted(), err
}

// Subscribe calls fn for every save event of the tab's store until cancel
// is called; a store without events never calls it.
func (s *Session) Subscribe(fn func(tabstore.Event)) (cancel func()) {
	if s.parts.events == nil {
		return func() {}
	}
	return s.parts.events.Subscribe(fn)
}

// WaitStore blocks until the store is usable and returns why it fell back
// to memory (nil when it did not, or cannot).
func (s *Session) WaitStore(ctx context.Context) (fallback error, err error) {
	if s.parts.events == nil {
		return nil, nil
	}
	return s.parts.events.Wait(ctx)
}

// StoreBlocked tells whether opening the store waits for another tab that
// keeps an older version of the database open (false for a store that
// cannot tell).
func (s *Session) StoreBlocked() bool {
	return s.parts.health != nil && s.parts.health.Blocked()
}

// StoreUpgraded tells whether another tab's newer version closed the
// store's connection, so nothing more can be saved in this tab (false for
// a store that cannot tell).
func (s *Session) StoreUpgraded() bool {
	return s.parts.health != nil && s.parts.health.Upgraded()
}
