// Package memory is the in-memory storage.Store: it backs host tests and is
// the app's fallback when the browser refuses IndexedDB, so it follows the
// same contract (checked by storagetest) rather than being a loose fake.
package memory

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"sync"

	"github.com/triggersim/triggersim/app/storage"
)

// Store is a storage.Store kept in maps. The zero value is not usable; call
// New.
type Store struct {
	mu        sync.Mutex
	scenarios map[string]storage.Record
	settings  map[string]string
	// history holds the kept versions of each scenario, oldest first, at
	// most storage.MaxVersions.
	history  map[string][]storage.Record
	simstate map[string][]byte
}

var (
	_ storage.Store         = (*Store)(nil)
	_ storage.HistoryStore  = (*Store)(nil)
	_ storage.SimStateStore = (*Store)(nil)
	_ storage.Full          = (*Store)(nil)
)

// New returns an empty store.
func New() *Store {
	return &Store{
		scenarios: make(map[string]storage.Record),
		settings:  make(map[string]string),
		history:   make(map[string][]storage.Record),
		simstate:  make(map[string][]byte),
	}
}

// ListScenarios implements storage.Store.
func (s *Store) ListScenarios(ctx context.Context) ([]storage.Meta, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("list scenarios: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	metas := make([]storage.Meta, 0, len(s.scenarios))
	for _, rec := range s.scenarios {
		metas = append(metas, rec.Meta)
	}
	sort.Slice(metas, func(i, j int) bool { return metas[i].ID < metas[j].ID })
	return metas, nil
}

// GetScenario implements storage.Store.
func (s *Store) GetScenario(ctx context.Context, id string) (storage.Record, error) {
	if err := ctx.Err(); err != nil {
		return storage.Record{}, fmt.Errorf("get scenario %q: %w", id, err)
	}
	if id == "" {
		return storage.Record{}, fmt.Errorf("get scenario: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.scenarios[id]
	if !ok {
		return storage.Record{}, fmt.Errorf("get scenario %q: %w", id, storage.ErrNotExist)
	}
	rec.Data = bytes.Clone(rec.Data)
	return rec, nil
}

// PutScenario implements storage.Store.
func (s *Store) PutScenario(ctx context.Context, rec storage.Record) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put scenario %q: %w", rec.ID, err)
	}
	if rec.ID == "" {
		return fmt.Errorf("put scenario: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	stored := s.scenarios[rec.ID].Revision // 0 when missing
	if rec.Revision != stored {
		return fmt.Errorf("put scenario %q: revision %d, stored %d: %w",
			rec.ID, rec.Revision, stored, storage.ErrConflict)
	}
	rec.Revision = storage.NextRevision(rec)
	rec.Data = bytes.Clone(rec.Data)
	s.scenarios[rec.ID] = rec
	versions := append(s.history[rec.ID], rec)
	if len(versions) > storage.MaxVersions {
		versions = append([]storage.Record(nil), versions[len(versions)-storage.MaxVersions:]...)
	}
	s.history[rec.ID] = versions
	return nil
}

// DeleteScenario implements storage.Store.
func (s *Store) DeleteScenario(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete scenario %q: %w", id, err)
	}
	if id == "" {
		return fmt.Errorf("delete scenario: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.scenarios[id]; !ok {
		return fmt.Errorf("delete scenario %q: %w", id, storage.ErrNotExist)
	}
	delete(s.scenarios, id)
	delete(s.history, id)
	delete(s.simstate, id)
	return nil
}

// GetSetting implements storage.Store.
func (s *Store) GetSetting(ctx context.Context, key string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("get setting %q: %w", key, err)
	}
	if key == "" {
		return "", fmt.Errorf("get setting: empty key: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.settings[key]
	if !ok {
		return "", fmt.Errorf("get setting %q: %w", key, storage.ErrNotExist)
	}
	return v, nil
}

// PutSetting implements storage.Store.
func (s *Store) PutSetting(ctx context.Context, key, value string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put setting %q: %w", key, err)
	}
	if key == "" {
		return fmt.Errorf("put setting: empty key: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings[key] = value
	return nil
}
