//go:build js

package share

import (
	"errors"
	"syscall/js"
)

// deflate compresses a scenario file for a link with the browser's
// CompressionStream("deflate-raw"), the same format as Go's
// compress/flate, which Decode still inflates. The page's wasm then
// carries no DEFLATE compressor of its own: 21 KB of brotli less for every
// page (docs/performance.md, "Issue 12, thirteenth run"). The browser
// compresses at its own level: its links to the built-in examples are
// within 3 % of Go's best compression's (shorter for 11 of 12), and a link
// made by either opens everywhere.
//
// It waits for the stream's promise: call it from a goroutine of its own,
// never from a JavaScript callback, which would block the event loop that
// settles the promise.
func deflate(data []byte) ([]byte, error) {
	g := js.Global()
	cs := g.Get("CompressionStream")
	if !cs.Truthy() {
		return stored(data), nil // an older browser: a longer link, no compression
	}
	src := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(src, data)
	stream := g.Get("Blob").New([]any{src}).Call("stream").Call("pipeThrough", cs.New("deflate-raw"))
	buf, err := await(g.Get("Response").New(stream).Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	view := g.Get("Uint8Array").New(buf)
	out := make([]byte, view.Length())
	js.CopyBytesToGo(out, view)
	return out, nil
}

// await waits for a promise: its callbacks only hand the outcome over on
// a buffered channel.
func await(promise js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	onOK := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{v: args[0]}
		return nil
	})
	onErr := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer onOK.Release()
	defer onErr.Release()
	promise.Call("then", onOK, onErr)
	s := <-ch
	return s.v, s.err
}
