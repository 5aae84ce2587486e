package memory

import (
	"bytes"
	"context"
	"fmt"

	"github.com/triggersim/triggersim/app/storage"
)

// ListVersions implements storage.HistoryStore.
func (s *Store) ListVersions(ctx context.Context, id string) ([]storage.Version, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("list versions of %q: %w", id, err)
	}
	if id == "" {
		return nil, fmt.Errorf("list versions: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	kept := s.history[id]
	versions := make([]storage.Version, 0, len(kept))
	for i := len(kept) - 1; i >= 0; i-- {
		rec := kept[i]
		versions = append(versions, storage.Version{
			Revision: rec.Revision, Title: rec.Title, Updated: rec.Updated, Size: len(rec.Data),
		})
	}
	return versions, nil
}

// GetVersion implements storage.HistoryStore.
func (s *Store) GetVersion(ctx context.Context, id string, rev int) (storage.Record, error) {
	if err := ctx.Err(); err != nil {
		return storage.Record{}, fmt.Errorf("get version %d of %q: %w", rev, id, err)
	}
	if id == "" {
		return storage.Record{}, fmt.Errorf("get version: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, rec := range s.history[id] {
		if rec.Revision == rev {
			rec.Data = bytes.Clone(rec.Data)
			return rec, nil
		}
	}
	return storage.Record{}, fmt.Errorf("get version %d of %q: %w", rev, id, storage.ErrNotExist)
}

// GetSimState implements storage.SimStateStore.
func (s *Store) GetSimState(ctx context.Context, id string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("get simulation state of %q: %w", id, err)
	}
	if id == "" {
		return nil, fmt.Errorf("get simulation state: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	data, ok := s.simstate[id]
	if !ok {
		return nil, fmt.Errorf("get simulation state of %q: %w", id, storage.ErrNotExist)
	}
	return bytes.Clone(data), nil
}

// PutSimState implements storage.SimStateStore.
func (s *Store) PutSimState(ctx context.Context, id string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put simulation state of %q: %w", id, err)
	}
	if id == "" {
		return fmt.Errorf("put simulation state: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cp := bytes.Clone(data)
	if cp == nil {
		cp = []byte{}
	}
	s.simstate[id] = cp
	return nil
}

// DeleteSimState implements storage.SimStateStore.
func (s *Store) DeleteSimState(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete simulation state of %q: %w", id, err)
	}
	if id == "" {
		return fmt.Errorf("delete simulation state: empty id: %w", storage.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.simstate, id)
	return nil
}
