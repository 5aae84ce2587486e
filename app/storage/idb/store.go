//go:build js && wasm

package idb

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"syscall/js"

	indexeddb "github.com/hack-pad/go-indexeddb/idb"

	"github.com/triggersim/triggersim/app/storage"
)

// Store is the IndexedDB storage.Store. It also implements
// storage.HistoryStore and storage.SimStateStore. Create it with Open.
type Store struct {
	name string
	db   *indexeddb.Database
	// source identifies this Store in change notifications, so that Watch
	// can leave out its own saves.
	source string
	// channel posts change notifications; it is undefined when the browser
	// has no BroadcastChannel.
	channel js.Value
	// vc follows the connection's versionchange events (versionchange.go).
	vc versionWatch
}

var (
	_ storage.Store         = (*Store)(nil)
	_ storage.HistoryStore  = (*Store)(nil)
	_ storage.SimStateStore = (*Store)(nil)
	_ storage.Full          = (*Store)(nil)
)

// DefaultName is the database name the app uses.
const DefaultName = "triggersim"

// Open opens (creating or upgrading as needed) the IndexedDB database name.
// It never panics: when the browser has no usable IndexedDB it returns an
// error satisfying errors.Is(err, storage.ErrUnavailable), and the caller
// falls back to the memory store. Close the store when done with it.
//
// When another tab keeps the database open at an older version, Open waits
// for it (see WhenBlocked); when another tab later opens it at a newer
// version, the store closes its connection (see OnVersionChange).
func Open(ctx context.Context, name string, opts ...Option) (*Store, error) {
	factory, err := globalFactory()
	if err != nil {
		return nil, err
	}
	return openWith(ctx, factory, name, opts...)
}

// globalFactory returns window.indexedDB, or errNoIndexedDB.
func globalFactory() (factory js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			// Reading indexedDB throws a SecurityError in some sandboxes.
			err = fmt.Errorf("%w (%v)", errNoIndexedDB, recovered(r))
		}
	}()
	factory = js.Global().Get("indexedDB")
	if !factory.Truthy() {
		return js.Undefined(), errNoIndexedDB
	}
	return factory, nil
}

// openWith opens name through the given IDBFactory; tests pass broken
// factories to check that nothing panics.
func openWith(ctx context.Context, factory js.Value, name string, opts ...Option) (s *Store, err error) {
	var o openOptions
	for _, opt := range opts {
		opt(&o)
	}
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("open database %q: %w (%v)", name, storage.ErrUnavailable, recovered(r))
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open database %q: %w", name, err)
	}
	if name == "" {
		return nil, fmt.Errorf("open database: empty name: %w", storage.ErrInvalid)
	}
	if !factory.Truthy() {
		return nil, fmt.Errorf("open database %q: %w", name, errNoIndexedDB)
	}
	factory, release := watchedFactory(factory, o.onBlocked)
	defer release()
	f, err := indexeddb.WrapFactory(factory)
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w: %v", name, storage.ErrUnavailable, err)
	}
	var upgradeErr error
	req, err := f.Open(ctx, name, SchemaVersion, func(db *indexeddb.Database, oldVersion, newVersion uint) error {
		if err := upgrade(db, oldVersion, newVersion); err != nil {
			// Returning the error would make go-indexeddb panic inside
			// the event handler; closing the connection instead aborts
			// the upgrade, so the open request fails and nothing changes.
			upgradeErr = fmt.Errorf("upgrade from version %d: %w", oldVersion, err)
			_ = db.Close()
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w: %v", name, storage.ErrUnavailable, err)
	}
	db, err := req.Await(ctx)
	switch {
	case upgradeErr != nil:
		return nil, fmt.Errorf("open database %q: %w: %v", name, storage.ErrUnavailable, upgradeErr)
	case err == nil:
	case ctx.Err() != nil:
		return nil, fmt.Errorf("open database %q: %w", name, ctx.Err())
	case isVersionError(err):
		return nil, fmt.Errorf("open database %q: %w: it was written by a newer version of triggersim; reload the page to get it (%v)", name, storage.ErrUnavailable, err)
	default:
		return nil, fmt.Errorf("open database %q: %w: the browser refused IndexedDB, as private windows may (%v)", name, storage.ErrUnavailable, err)
	}
	s = &Store{name: name, db: db, source: newSource(), channel: newChannel()}
	if jsDB, err := req.Request.Result(); err == nil {
		s.watchVersionChange(jsDB)
	}
	if err := s.migrate(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open database %q: %w", name, err)
	}
	return s, nil
}

// isVersionError reports a database newer than SchemaVersion.
func isVersionError(err error) bool {
	return errors.Is(err, errVersion)
}

// Name returns the database name.
func (s *Store) Name() string { return s.name }

// Close closes the database connection and the notification channel. The
// store must not be used afterwards.
func (s *Store) Close() error {
	if s.channel.Truthy() {
		s.channel.Call("close")
	}
	if s.Upgraded() {
		s.vc.release()
		return nil // closed already, by the versionchange
	}
	err := mapError(s.db.Close())
	s.vc.release()
	return err
}

// Delete deletes the database name with everything in it: tests use it to
// clean up, and the app offers it as "delete all my data". It fails while
// another connection to it stays open longer than ctx allows.
func Delete(ctx context.Context, name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("delete database %q: %w (%v)", name, storage.ErrUnavailable, recovered(r))
		}
	}()
	factory, err := globalFactory()
	if err != nil {
		return err
	}
	f, err := indexeddb.WrapFactory(factory)
	if err != nil {
		return fmt.Errorf("delete database %q: %w", name, err)
	}
	req, err := f.DeleteDatabase(name)
	if err != nil {
		return fmt.Errorf("delete database %q: %w", name, mapError(err))
	}
	if err := req.Await(ctx); err != nil {
		return fmt.Errorf("delete database %q: %w", name, mapError(err))
	}
	return nil
}

// ListScenarios implements storage.Store. It reads only the metadata.
func (s *Store) ListScenarios(ctx context.Context) (metas []storage.Meta, err error) {
	defer s.recoverInto("list scenarios", &err)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("list scenarios: %w", err)
	}
	txn, err := s.db.Transaction(indexeddb.TransactionReadOnly, storeMeta)
	if err != nil {
		return nil, fmt.Errorf("list scenarios: %w", mapError(err))
	}
	st, err := stores(txn, storeMeta)
	if err != nil {
		return nil, fmt.Errorf("list scenarios: %w", err)
	}
	cursor, err := st[0].OpenCursor(indexeddb.CursorNext)
	if err != nil {
		return nil, fmt.Errorf("list scenarios: %w", mapError(err))
	}
	metas = []storage.Meta{}
	err = cursor.Iter(ctx, func(c *indexeddb.CursorWithValue) error {
		key, err := c.Key()
		if err != nil {
			return err
		}
		v, err := c.Value()
		if err != nil {
			return err
		}
		metas = append(metas, readMeta(key.String(), v))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list scenarios: %w", mapError(err))
	}
	// IndexedDB orders strings by UTF-16 code units; the contract (and the
	// memory store) orders by Go string comparison.
	sort.Slice(metas, func(i, j int) bool { return metas[i].ID < metas[j].ID })
	return metas, nil
}

// readMeta decodes a meta store record.
func readMeta(id string, v js.Value) storage.Meta {
	return storage.Meta{ID: id, Title: str(v, "title"), Revision: num(v, "revision"), Updated: fromMillis(v.Get("updated"))}
}

// getRecord reads a record's metadata and data, kept in two object
// stores under the same key, in one read-only transaction (both requests
// are issued before the first wait). A missing record satisfies
// errors.Is(err, storage.ErrNotExist).
func (s *Store) getRecord(ctx context.Context, metaStore, dataStore string, key js.Value) (meta js.Value, data []byte, err error) {
	txn, err := s.db.Transaction(indexeddb.TransactionReadOnly, metaStore, dataStore)
	if err != nil {
		return meta, nil, mapError(err)
	}
	st, err := stores(txn, metaStore, dataStore)
	if err != nil {
		return meta, nil, err
	}
	metaReq, err := st[0].Get(key)
	if err != nil {
		return meta, nil, mapError(err)
	}
	dataReq, err := st[1].Get(key)
	if err != nil {
		return meta, nil, mapError(err)
	}
	if err := txn.Await(ctx); err != nil {
		return meta, nil, mapError(err)
	}
	mv, err := metaReq.Result()
	if err != nil {
		return meta, nil, mapError(err)
	}
	if missing(mv) {
		return meta, nil, storage.ErrNotExist
	}
	dv, err := dataReq.Result()
	if err != nil {
		return meta, nil, mapError(err)
	}
	data, err = fromBytesJS(dv)
	if err != nil {
		return meta, nil, err
	}
	return mv, data, nil
}

// GetScenario implements storage.Store.
func (s *Store) GetScenario(ctx context.Context, id string) (rec storage.Record, err error) {
	op := fmt.Sprintf("get scenario %q", id)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return rec, fmt.Errorf("%s: %w", op, err)
	}
	if id == "" {
		return rec, fmt.Errorf("get scenario: empty id: %w", storage.ErrInvalid)
	}
	mv, data, err := s.getRecord(ctx, storeMeta, storeScenarios, idKey(id))
	if err != nil {
		return rec, fmt.Errorf("%s: %w", op, err)
	}
	return storage.Record{Meta: readMeta(id, mv), Data: data}, nil
}

// PutScenario implements storage.Store. The scenario, its metadata and its
// history entry are written in one transaction, after the revision check
// made inside the same transaction; other tabs are notified afterwards.
func (s *Store) PutScenario(ctx context.Context, rec storage.Record) (err error) {
	op := fmt.Sprintf("put scenario %q", rec.ID)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if rec.ID == "" {
		return fmt.Errorf("put scenario: empty id: %w", storage.ErrInvalid)
	}
	id, next := rec.ID, storage.NextRevision(rec)
	// Everything written is prepared before the transaction starts, so the
	// success handler below only issues requests.
	data := toBytesJS(rec.Data)
	updated := millis(rec.Updated)
	meta := metaValue(id, rec.Title, next, updated)
	hist := historyValue(rec.Title, updated, len(rec.Data))

	txn, err := s.db.Transaction(indexeddb.TransactionReadWrite, storeMeta, storeScenarios, storeHistory, storeHistoryData)
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	st, err := stores(txn, storeMeta, storeScenarios, storeHistory, storeHistoryData)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	metaStore, scenarios, history, historyData := st[0], st[1], st[2], st[3]

	listenCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var failure error
	fail := func(err error) {
		if failure == nil {
			failure = err
		}
		_ = txn.Abort()
	}
	check, err := metaStore.Get(idKey(id))
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	err = check.ListenSuccess(listenCtx, func() {
		cur, err := check.Result()
		if err != nil {
			fail(err)
			return
		}
		stored := 0
		if !missing(cur) {
			stored = num(cur, "revision")
		}
		if stored != rec.Revision {
			fail(fmt.Errorf("revision %d, stored %d: %w", rec.Revision, stored, storage.ErrConflict))
			return
		}
		writes := []func() error{
			func() error { _, err := metaStore.PutKey(idKey(id), meta); return err },
			func() error { _, err := scenarios.PutKey(idKey(id), data); return err },
			func() error { _, err := history.PutKey(versionKey(id, next), hist); return err },
			func() error { _, err := historyData.PutKey(versionKey(id, next), data); return err },
		}
		if drop := next - storage.MaxVersions; drop > 0 {
			old := versionRange(id, math.Inf(-1), float64(drop))
			writes = append(writes,
				func() error { _, err := history.Delete(old); return err },
				func() error { _, err := historyData.Delete(old); return err },
			)
		}
		for _, w := range writes {
			if err := w(); err != nil {
				fail(err)
				return
			}
		}
	})
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	err = txn.Await(ctx)
	if failure != nil {
		return fmt.Errorf("%s: %w", op, mapError(failure))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	s.notify(id, next)
	return nil
}

// DeleteScenario implements storage.Store. It deletes the scenario with its
// history and simulation state, in one transaction.
func (s *Store) DeleteScenario(ctx context.Context, id string) (err error) {
	op := fmt.Sprintf("delete scenario %q", id)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if id == "" {
		return fmt.Errorf("delete scenario: empty id: %w", storage.ErrInvalid)
	}
	names := []string{storeMeta, storeScenarios, storeHistory, storeHistoryData, storeSimState}
	txn, err := s.db.Transaction(indexeddb.TransactionReadWrite, names[0], names[1:]...)
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	st, err := stores(txn, names...)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	listenCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var failure error
	fail := func(err error) {
		if failure == nil {
			failure = err
		}
		_ = txn.Abort()
	}
	check, err := st[0].Get(idKey(id))
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	err = check.ListenSuccess(listenCtx, func() {
		cur, err := check.Result()
		if err != nil {
			fail(err)
			return
		}
		if missing(cur) {
			fail(storage.ErrNotExist)
			return
		}
		keys := []js.Value{idKey(id), idKey(id), allVersions(id), allVersions(id), idKey(id)}
		for i, key := range keys {
			if _, err := st[i].Delete(key); err != nil {
				fail(err)
				return
			}
		}
	})
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	err = txn.Await(ctx)
	if failure != nil {
		return fmt.Errorf("%s: %w", op, mapError(failure))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", op, mapError(err))
	}
	s.notify(id, 0)
	return nil
}

// GetSetting implements storage.Store.
func (s *Store) GetSetting(ctx context.Context, key string) (value string, err error) {
	op := fmt.Sprintf("get setting %q", key)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("%s: %w", op, err)
	}
	if key == "" {
		return "", fmt.Errorf("get setting: empty key: %w", storage.ErrInvalid)
	}
	v, err := s.get(ctx, storeSettings, idKey(key))
	if err != nil {
		return "", fmt.Errorf("%s: %w", op, err)
	}
	if missing(v) {
		return "", fmt.Errorf("%s: %w", op, storage.ErrNotExist)
	}
	if v.Type() != js.TypeString {
		return "", fmt.Errorf("%s: stored value is a %s, not a string", op, v.Type())
	}
	return v.String(), nil
}

// PutSetting implements storage.Store.
func (s *Store) PutSetting(ctx context.Context, key, value string) (err error) {
	op := fmt.Sprintf("put setting %q", key)
	defer s.recoverInto(op, &err)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if key == "" {
		return fmt.Errorf("put setting: empty key: %w", storage.ErrInvalid)
	}
	if err := s.put(ctx, storeSettings, idKey(key), js.ValueOf(value)); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// get reads one value in its own transaction; undefined when missing.
func (s *Store) get(ctx context.Context, store string, key js.Value) (js.Value, error) {
	txn, err := s.db.Transaction(indexeddb.TransactionReadOnly, store)
	if err != nil {
		return js.Undefined(), mapError(err)
	}
	st, err := stores(txn, store)
	if err != nil {
		return js.Undefined(), err
	}
	req, err := st[0].Get(key)
	if err != nil {
		return js.Undefined(), mapError(err)
	}
	if err := txn.Await(ctx); err != nil {
		return js.Undefined(), mapError(err)
	}
	v, err := req.Result()
	return v, mapError(err)
}

// put writes one value in its own transaction; an undefined value deletes.
func (s *Store) put(ctx context.Context, store string, key, value js.Value) error {
	txn, err := s.db.Transaction(indexeddb.TransactionReadWrite, store)
	if err != nil {
		return mapError(err)
	}
	st, err := stores(txn, store)
	if err != nil {
		return err
	}
	if value.IsUndefined() {
		_, err = st[0].Delete(key)
	} else {
		_, err = st[0].PutKey(key, value)
	}
	if err != nil {
		return mapError(err)
	}
	return mapError(txn.Await(ctx))
}

// recoverInto turns a panic of syscall/js (a JS exception, for example a
// connection closed by the browser) into an error: the store never panics.
func (s *Store) recoverInto(op string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w: %v", op, storage.ErrUnavailable, recovered(r))
	}
	if *err != nil && s.Upgraded() && !errors.Is(*err, ErrUpgraded) {
		// Whatever the browser said (InvalidStateError, mostly), the
		// reason is the other tab's upgrade.
		*err = fmt.Errorf("%s: %w", op, ErrUpgraded)
	}
}

// newSource returns a token that tells this Store's notifications apart.
func newSource() string {
	r := js.Global().Get("Math").Call("random").Float()
	return strconv.FormatFloat(r, 'f', -1, 64) + "-" + strconv.FormatFloat(js.Global().Get("Date").Call("now").Float(), 'f', 0, 64)
}
