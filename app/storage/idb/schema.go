//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"syscall/js"

	indexeddb "github.com/hack-pad/go-indexeddb/idb"
)

// SchemaVersion is the IndexedDB version of the database this code writes.
//
// Version 1 (the first app release) had one object store:
//
//	scenarios  key id → {id, title, revision, updated (ms since epoch), data (the JSON as a string)}
//
// Version 2 splits a scenario so that listing does not load every
// scenario's content, keeps history and simulation state, and stores the
// JSON as bytes:
//
//	meta         key id            → {id, title, revision, updated (ms)}
//	scenarios    key id            → Uint8Array (the scenario JSON)
//	history      key [id, rev]     → {title, updated (ms), size}
//	historydata  key [id, rev]     → Uint8Array
//	simstate     key id            → Uint8Array (opaque simulation state)
//	settings     key name          → string
//	schema       key "migrateFrom" → the version whose data is still to convert
//
// Going from 1 to 2, the upgrade handler creates the new stores and records
// "migrateFrom": 1; Open then converts every v1 record in one readwrite
// transaction that also deletes the marker, so the conversion happens
// exactly once and entirely, even if the tab is closed in between (the next
// Open finds the marker and converts then). It is not done inside the
// upgrade handler because go-indexeddb does not hand it the version-change
// transaction that reading the old store needs.
const SchemaVersion = 2

// Object store names of SchemaVersion.
const (
	storeMeta        = "meta"
	storeScenarios   = "scenarios"
	storeHistory     = "history"
	storeHistoryData = "historydata"
	storeSimState    = "simstate"
	storeSettings    = "settings"
	storeSchema      = "schema"
)

// migrateFromKey is the schema store's key of the pending-conversion marker.
const migrateFromKey = "migrateFrom"

// upgrade creates what version newVersion needs on a database at
// oldVersion. It runs in the upgradeneeded event, so it must not wait for
// anything; it reports an error by returning it.
func upgrade(db *indexeddb.Database, oldVersion, newVersion uint) error {
	if newVersion != SchemaVersion {
		return fmt.Errorf("upgrade to unknown version %d", newVersion)
	}
	switch oldVersion {
	case 0:
		for _, name := range []string{storeMeta, storeScenarios, storeHistory, storeHistoryData, storeSimState, storeSettings, storeSchema} {
			if _, err := db.CreateObjectStore(name, indexeddb.ObjectStoreOptions{}); err != nil {
				return fmt.Errorf("create object store %s: %w", name, err)
			}
		}
		return nil
	case 1:
		for _, name := range []string{storeMeta, storeHistory, storeHistoryData, storeSimState, storeSettings} {
			if _, err := db.CreateObjectStore(name, indexeddb.ObjectStoreOptions{}); err != nil {
				return fmt.Errorf("create object store %s: %w", name, err)
			}
		}
		schema, err := db.CreateObjectStore(storeSchema, indexeddb.ObjectStoreOptions{})
		if err != nil {
			return fmt.Errorf("create object store %s: %w", storeSchema, err)
		}
		if _, err := schema.PutKey(js.ValueOf(migrateFromKey), js.ValueOf(1)); err != nil {
			return fmt.Errorf("mark the version 1 data for conversion: %w", err)
		}
		return nil
	}
	return fmt.Errorf("no upgrade path from version %d to %d", oldVersion, newVersion)
}

// migrate converts the data an upgrade left marked for conversion. All of
// it happens in one transaction, in request callbacks that never wait.
func (s *Store) migrate(ctx context.Context) error {
	txn, err := s.db.Transaction(indexeddb.TransactionReadWrite, storeSchema,
		storeMeta, storeScenarios, storeHistory, storeHistoryData)
	if err != nil {
		return mapError(err)
	}
	st, err := stores(txn, storeSchema, storeMeta, storeScenarios, storeHistory, storeHistoryData)
	if err != nil {
		return err
	}
	schema, meta, scenarios, history, historyData := st[0], st[1], st[2], st[3], st[4]

	listenCtx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var failure error
	fail := func(err error) {
		if failure == nil {
			failure = err
		}
		_ = txn.Abort()
	}

	marker, err := schema.Get(js.ValueOf(migrateFromKey))
	if err != nil {
		return mapError(err)
	}
	err = marker.ListenSuccess(listenCtx, func() {
		from, err := marker.Result()
		if err != nil {
			fail(err)
			return
		}
		if missing(from) {
			return // nothing to convert, or another tab converted it first
		}
		if from.Type() != js.TypeNumber || from.Int() != 1 {
			fail(fmt.Errorf("no conversion from version %s", from.Call("toString").String()))
			return
		}
		keys, err := scenarios.GetAllKeys()
		if err != nil {
			fail(err)
			return
		}
		err = keys.ListenSuccess(listenCtx, func() {
			ids, err := keys.Result()
			if err != nil {
				fail(err)
				return
			}
			for _, key := range ids {
				get, err := scenarios.Get(key)
				if err != nil {
					fail(err)
					return
				}
				key := key
				if err := get.ListenSuccess(listenCtx, func() {
					v1, err := get.Result()
					if err != nil {
						fail(err)
						return
					}
					if err := convertV1(key, v1, meta, scenarios, history, historyData); err != nil {
						fail(err)
					}
				}); err != nil {
					fail(err)
					return
				}
			}
			if _, err := schema.Delete(js.ValueOf(migrateFromKey)); err != nil {
				fail(err)
			}
		})
		if err != nil {
			fail(err)
		}
	})
	if err != nil {
		return mapError(err)
	}
	err = txn.Await(ctx)
	if failure != nil {
		return fmt.Errorf("convert version 1 data: %w", failure)
	}
	if err != nil {
		return fmt.Errorf("convert version 1 data: %w", mapError(err))
	}
	return nil
}

// convertV1 rewrites one version 1 scenario record as version 2 records: its
// metadata, its content as bytes, and its first history entry.
func convertV1(key, v1 js.Value, meta, scenarios, history, historyData *indexeddb.ObjectStore) error {
	if v1.Type() != js.TypeObject || v1.Get("data").Type() != js.TypeString {
		return fmt.Errorf("scenario %s: not a version 1 record", key.String())
	}
	id := key.String()
	data := js.Global().Get("TextEncoder").New().Call("encode", v1.Get("data"))
	rev := num(v1, "revision")
	updated := v1.Get("updated")
	if _, err := meta.PutKey(key, metaValue(id, str(v1, "title"), rev, updated)); err != nil {
		return err
	}
	if _, err := scenarios.PutKey(key, data); err != nil {
		return err
	}
	if rev > 0 {
		if _, err := history.PutKey(versionKey(id, rev), historyValue(str(v1, "title"), updated, data.Get("length").Int())); err != nil {
			return err
		}
		if _, err := historyData.PutKey(versionKey(id, rev), data); err != nil {
			return err
		}
	}
	return nil
}

// metaValue is a meta store record.
func metaValue(id, title string, rev int, updated js.Value) js.Value {
	return js.ValueOf(map[string]any{"id": id, "title": title, "revision": rev, "updated": updated})
}

// historyValue is a history store record.
func historyValue(title string, updated js.Value, size int) js.Value {
	return js.ValueOf(map[string]any{"title": title, "updated": updated, "size": size})
}

// stores returns the named object stores of a transaction, in order.
func stores(txn *indexeddb.Transaction, names ...string) ([]*indexeddb.ObjectStore, error) {
	out := make([]*indexeddb.ObjectStore, len(names))
	for i, name := range names {
		st, err := txn.ObjectStore(name)
		if err != nil {
			return nil, fmt.Errorf("object store %s: %w", name, mapError(err))
		}
		out[i] = st
	}
	return out, nil
}
