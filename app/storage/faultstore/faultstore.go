// Package faultstore wraps a storage.Full so that tests can make its writes
// fail the way a browser's do: a full quota, an IndexedDB error, or a write
// that hangs until the test lets it finish. Host tests of the session and
// of tabstore use it to prove that no edit is lost when storage misbehaves.
package faultstore

import (
	"context"
	"fmt"
	"sync"

	"github.com/triggersim/triggersim/app/storage"
)

// ErrQuota is the failure of a browser whose storage quota is used up, as
// the IndexedDB store reports it.
var ErrQuota = fmt.Errorf("put scenario: %w: export scenarios you no longer need as files and delete them", storage.ErrQuotaExceeded)

// ErrBroken is an IndexedDB error that is not about space (a closed
// connection, a disk error).
var ErrBroken = fmt.Errorf("put scenario: %w: the browser could not write its database", storage.ErrUnavailable)

// Store is a storage.Full whose scenario writes fail while a fault is set.
// Reads, settings, history and simulation state pass through.
type Store struct {
	storage.Full

	mu    sync.Mutex
	err   error
	left  int // writes left to fail; <0: until Heal
	puts  int // PutScenario calls, failed or not
	hold  chan struct{}
	holds chan struct{}
}

// New wraps s; it starts healthy.
func New(s storage.Full) *Store { return &Store{Full: s} }

// Fail makes every scenario write fail with err until Heal.
func (f *Store) Fail(err error) { f.FailN(err, -1) }

// FailN makes the next n scenario writes fail with err.
func (f *Store) FailN(err error, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err, f.left = err, n
}

// Heal ends a fault set by Fail or FailN.
func (f *Store) Heal() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err, f.left = nil, 0
}

// Hold makes the next scenario writes wait, before touching the store,
// until release is called; started receives one value per write that is
// waiting. It models a save that is still in flight.
func (f *Store) Hold() (started <-chan struct{}, release func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hold, f.holds = make(chan struct{}), make(chan struct{}, 16)
	hold, holds := f.hold, f.holds
	var once sync.Once
	return holds, func() {
		once.Do(func() {
			f.mu.Lock()
			if f.hold == hold {
				f.hold = nil
			}
			f.mu.Unlock()
			close(hold)
		})
	}
}

// Puts is how many scenario writes were attempted.
func (f *Store) Puts() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.puts
}

// PutScenario implements storage.Store with the fault, if any.
func (f *Store) PutScenario(ctx context.Context, rec storage.Record) error {
	f.mu.Lock()
	f.puts++
	hold, holds := f.hold, f.holds
	err := f.err
	if err != nil && f.left > 0 {
		f.left--
		if f.left == 0 {
			f.err = nil
		}
	}
	f.mu.Unlock()
	if hold != nil {
		holds <- struct{}{}
		select {
		case <-hold:
		case <-ctx.Done():
			return fmt.Errorf("put scenario %s: %w", rec.ID, ctx.Err())
		}
	}
	if err != nil {
		return err
	}
	return f.Full.PutScenario(ctx, rec)
}

var (
	_ storage.Store         = (*Store)(nil)
	_ storage.HistoryStore  = (*Store)(nil)
	_ storage.SimStateStore = (*Store)(nil)
	_ storage.Full          = (*Store)(nil)
)
