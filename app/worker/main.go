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
		release := gc.Hold(req.GCRoom(), runtime.GC)
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
