//go:build js && wasm

package idb

import (
	"context"
	"fmt"
	"sync"
	"syscall/js"

	"github.com/triggersim/triggersim/app/storage"
)

// ChannelName is the BroadcastChannel on which stores announce their saves
// to the other tabs of the same origin.
const ChannelName = "triggersim"

// newChannel returns a BroadcastChannel for posting, or undefined when the
// browser has none (then other tabs are simply not told).
func newChannel() (ch js.Value) {
	defer func() {
		if recover() != nil {
			ch = js.Undefined()
		}
	}()
	ctor := js.Global().Get("BroadcastChannel")
	if !ctor.Truthy() {
		return js.Undefined()
	}
	return ctor.New(ChannelName)
}

// notify tells the other tabs that scenario id is now at revision rev (0:
// deleted). It is best effort: a tab that misses it still gets
// storage.ErrConflict when it saves over the change.
func (s *Store) notify(id string, rev int) {
	defer func() { _ = recover() }()
	if !s.channel.Truthy() {
		return
	}
	s.channel.Call("postMessage", map[string]any{"db": s.name, "source": s.source, "id": id, "rev": rev})
}

// change is one received notification.
type change struct {
	id  string
	rev int
}

// Watch calls fn for every save (rev ≥ 1, the revision now stored) and
// deletion (rev = 0) of a scenario of this database made through another
// Store, usually in another tab, until ctx is done. It returns at once; fn
// runs on a goroutine of its own, one call at a time in the order the
// notifications arrived, so it may call the store (which waits). A typical
// use: refresh the scenario list, or warn the editor of scenario id that
// its next save would conflict.
//
// It returns an error satisfying errors.Is(err, storage.ErrUnavailable)
// when the browser has no BroadcastChannel.
func (s *Store) Watch(ctx context.Context, fn func(id string, rev int)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("watch: %w: %v", storage.ErrUnavailable, recovered(r))
		}
	}()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	ctor := js.Global().Get("BroadcastChannel")
	if !ctor.Truthy() {
		return fmt.Errorf("watch: %w: this browser has no BroadcastChannel, other tabs' saves are noticed only on reload", storage.ErrUnavailable)
	}
	channel := ctor.New(ChannelName)

	var (
		mu      sync.Mutex
		pending []change
	)
	wake := make(chan struct{}, 1)
	// The handler runs on the event loop: it only queues and never waits.
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		msg := args[0].Get("data")
		if msg.Type() != js.TypeObject || str(msg, "db") != s.name || str(msg, "source") == s.source {
			return nil
		}
		id := str(msg, "id")
		if id == "" {
			return nil
		}
		mu.Lock()
		pending = append(pending, change{id: id, rev: num(msg, "rev")})
		mu.Unlock()
		select {
		case wake <- struct{}{}:
		default:
		}
		return nil
	})
	channel.Call("addEventListener", "message", onMessage)

	go func() {
		defer func() {
			channel.Call("removeEventListener", "message", onMessage)
			channel.Call("close")
			onMessage.Release()
		}()
		for {
			select {
			case <-ctx.Done():
				return
			case <-wake:
			}
			mu.Lock()
			batch := pending
			pending = nil
			mu.Unlock()
			for _, c := range batch {
				if ctx.Err() != nil {
					return
				}
				fn(c.id, c.rev)
			}
		}
	}()
	return nil
}
