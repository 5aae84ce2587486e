//go:build js

package share

import (
	"context"
	"syscall/js"

	"github.com/triggersim/triggersim/app/jspromise"
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
	buf, err := jspromise.Await(context.Background(), g.Get("Response").New(stream).Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	view := g.Get("Uint8Array").New(buf)
	out := make([]byte, view.Length())
	js.CopyBytesToGo(out, view)
	return out, nil
}
