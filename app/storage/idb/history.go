//go:build js && wasm

package idb

import (
	"context"
	"fmt"

	indexeddb "github.com/hack-pad/go-indexeddb/idb"

	"github.com/triggersim/triggersim/app/storage"
)

// ListVersions implements storage.HistoryStore. It reads only the history
// metadata, never the saved contents.
func (s *Store) ListVersions(ctx context.Context, id string) (versions []storage.Version, err error) {
	op := fmt.Sprintf("list versions of %q", id)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if id == "" {
		return nil, fmt.Errorf("list versions: empty id: %w", storage.ErrInvalid)
	}
	txn, err := s.db.Transaction(indexeddb.TransactionReadOnly, storeHistory)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, mapError(err))
	}
	st, err := stores(txn, storeHistory)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	lo, hi := allVersionBounds(id)
	keyRange, err := indexeddb.NewKeyRangeBound(lo, hi, false, false)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, mapError(err))
	}
	cursor, err := st[0].OpenCursorRange(keyRange, indexeddb.CursorPrevious)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, mapError(err))
	}
	versions = []storage.Version{}
	err = cursor.Iter(ctx, func(c *indexeddb.CursorWithValue) error {
		key, err := c.Key()
		if err != nil {
			return err
		}
		v, err := c.Value()
		if err != nil {
			return err
		}
		versions = append(versions, storage.Version{
			Revision: key.Index(1).Int(),
			Title:    str(v, "title"),
			Updated:  fromMillis(v.Get("updated")),
			Size:     num(v, "size"),
		})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, mapError(err))
	}
	return versions, nil
}

// GetVersion implements storage.HistoryStore.
func (s *Store) GetVersion(ctx context.Context, id string, rev int) (rec storage.Record, err error) {
	op := fmt.Sprintf("get version %d of %q", rev, id)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return rec, fmt.Errorf("%s: %w", op, err)
	}
	if id == "" {
		return rec, fmt.Errorf("get version: empty id: %w", storage.ErrInvalid)
	}
	mv, data, err := s.getRecord(ctx, storeHistory, storeHistoryData, versionKey(id, rev))
	if err != nil {
		return rec, fmt.Errorf("%s: %w", op, err)
	}
	return storage.Record{
		Meta: storage.Meta{ID: id, Title: str(mv, "title"), Revision: rev, Updated: fromMillis(mv.Get("updated"))},
		Data: data,
	}, nil
}

// GetSimState implements storage.SimStateStore.
func (s *Store) GetSimState(ctx context.Context, id string) (data []byte, err error) {
	op := fmt.Sprintf("get simulation state of %q", id)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if id == "" {
		return nil, fmt.Errorf("get simulation state: empty id: %w", storage.ErrInvalid)
	}
	v, err := s.get(ctx, storeSimState, idKey(id))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	if missing(v) {
		return nil, fmt.Errorf("%s: %w", op, storage.ErrNotExist)
	}
	data, err = fromBytesJS(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return data, nil
}

// PutSimState implements storage.SimStateStore.
func (s *Store) PutSimState(ctx context.Context, id string, data []byte) (err error) {
	op := fmt.Sprintf("put simulation state of %q", id)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if id == "" {
		return fmt.Errorf("put simulation state: empty id: %w", storage.ErrInvalid)
	}
	if err := s.put(ctx, storeSimState, idKey(id), toBytesJS(data)); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// DeleteSimState implements storage.SimStateStore.
func (s *Store) DeleteSimState(ctx context.Context, id string) (err error) {
	op := fmt.Sprintf("delete simulation state of %q", id)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if id == "" {
		return fmt.Errorf("delete simulation state: empty id: %w", storage.ErrInvalid)
	}
	if err := s.put(ctx, storeSimState, idKey(id), jsUndefined); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}
