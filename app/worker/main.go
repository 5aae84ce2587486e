//go:build js && wasm

// Command worker is the what-if lab's Web Worker: web/labworker.js starts
// Go's support file and this program (built to web/labworker.wasm), which
// runs the page's what-if requests whole, on a thread of their own, and
// posts their progress and results back (app/labwork has the protocol and
// the work; this file is only the browser's side of it).
//
// It is a program of its own, not the page's: it carries the engine and
// the what-if runner but not go-app or the pages, and its heap and
// collections are not the page's.
package main

import (
	"encoding/json"
	"runtime"
	"syscall/js"

	"github.com/triggersim/triggersim/app/gchold"
	"github.com/triggersim/triggersim/app/labwork"
)

// gcRoom is how much a run may allocate before the collector runs while
// it is held off: more than a 10 000-item, 90-day run needs (about 40 MB
// natively). A worker's heap is its own, so holding the collector off
// costs the page nothing; the collection comes after the results are
// posted.
const gcRoom = 96 << 20

// batchGCRoom is gcRoom for a part of the lab's batch (and a calibration,
// which makes a few runs of the fitted scenario): up to four workers
// run parts at once, each making run after run, so the room is what one
// run needs rather than several. Measured under Node on the 10 166-deal
// bench scenario, three 90-day runs of a part: 37 MB of memory and 4.5 s
// with 32 MB of room, 101 MB and 4.8 s with 96 MB, 31 MB and 5.6 s with
// the collector left on (one run alone: 1.6 s with 96 MB, 1.8-2.1 s with
// 32 MB).
const batchGCRoom = 32 << 20

func main() {
	queue := make(chan labwork.Request, 16)
	// A message is the request's JSON in "req" and the files as
	// Uint8Arrays in "a", "b" and "replay" (null when absent) and, for a
	// calibration, an array of them in "files". The
	// callback only copies and queues: a run goes on in main, so the
	// worker hears the next message once the run is over (the page sends
	// one at a time and stops a run by ending the worker).
	js.Global().Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		d := args[0].Get("data")
		var req labwork.Request
		if err := json.Unmarshal([]byte(d.Get("req").String()), &req); err != nil {
			post(labwork.Message{Kind: labwork.KindError, Error: "what-if worker: " + err.Error()})
			return nil
		}
		req.A, req.B, req.Replay = bytesOf(d.Get("a")), bytesOf(d.Get("b")), bytesOf(d.Get("replay"))
		if files := d.Get("files"); !files.IsNull() && !files.IsUndefined() {
			req.Files = make([][]byte, files.Length())
			for i := range req.Files {
				req.Files[i] = bytesOf(files.Index(i))
			}
		}
		select {
		case queue <- req:
		default:
			post(labwork.Message{ID: req.ID, Kind: labwork.KindError, Error: "what-if worker: too many runs asked at once"})
		}
		return nil
	}))
	post(labwork.Message{Kind: labwork.KindReady})
	w := &labwork.Worker{}
	var gc gchold.Holds
	for req := range queue {
		room := int64(gcRoom)
		if req.Batch != nil || req.Calibrate != nil {
			room = batchGCRoom
		}
		release := gc.Hold(room, runtime.GC)
		w.Handle(req, post)
		release()
	}
}

// bytesOf copies a Uint8Array; nil for null or undefined.
func bytesOf(v js.Value) []byte {
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

// post sends m to the page: {head, a, b}, the KPIs as strings beside the
// head (labwork.Message).
func post(m labwork.Message) {
	msg := js.Global().Get("Object").New()
	msg.Set("head", string(m.Head()))
	if m.A != nil {
		msg.Set("a", string(m.A))
	}
	if m.B != nil {
		msg.Set("b", string(m.B))
	}
	if m.Doc != nil {
		msg.Set("doc", string(m.Doc))
	}
	if m.Runs != nil {
		runs := make([]any, len(m.Runs))
		for i, r := range m.Runs {
			runs[i] = string(r)
		}
		msg.Set("runs", runs)
	}
	js.Global().Call("postMessage", msg)
}
