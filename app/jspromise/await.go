//go:build js && wasm

// Package jspromise waits for a JavaScript promise from Go.
package jspromise

import (
	"context"
	"errors"
	"syscall/js"
)

// Await waits for promise without blocking the event loop: the settle
// callbacks only hand the value over on a buffered channel. Call it from
// a goroutine of its own, never from a JavaScript callback, which would
// hold the event loop that settles the promise.
func Await(ctx context.Context, promise js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	var onOK, onErr js.Func
	onOK = js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := js.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- settled{v: v}
		return nil
	})
	onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "promise rejected"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		ch <- settled{err: errors.New(msg)}
		return nil
	})
	release := func() { onOK.Release(); onErr.Release() }
	promise.Call("then", onOK, onErr)
	select {
	case s := <-ch:
		release()
		return s.v, s.err
	case <-ctx.Done():
		// The callbacks may still be called: release them only then.
		go func() { <-ch; release() }()
		return js.Undefined(), ctx.Err()
	}
}
