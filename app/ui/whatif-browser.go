package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Browser calls of the what-if lab: yielding to the event loop between
// slices of a run, reading an uploaded file, and offering downloads (SVG,
// PNG through a canvas, CSV). They go through app.Value so that the
// package builds and renders on the host, where app.Window() is inert.

// whatifYield gives the browser a turn: the wasm program shares the page's
// only thread, so a long run pauses between slices. A MessageChannel
// message comes back within a fraction of a millisecond (a timer is
// clamped to 4 ms once nested), while input events and painting still run
// in between.
func whatifYield() {
	if !app.IsClient {
		time.Sleep(time.Millisecond)
		return
	}
	done := make(chan struct{})
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		fn.Release()
		close(done)
		return nil
	})
	ch := app.Window().Get("MessageChannel").New()
	ch.Get("port1").Set("onmessage", fn)
	ch.Get("port2").Call("postMessage", 0)
	<-done
}

// whatifReadFile reads the first file of an <input type="file"> change
// event as text and calls done on the UI goroutine.
func whatifReadFile(ctx app.Context, e app.Event, done func(ctx app.Context, name string, data []byte, err error)) {
	if !app.IsClient {
		return
	}
	files := e.Get("target").Get("files")
	if !files.Truthy() || files.Get("length").Int() == 0 {
		return
	}
	readFileText(ctx, files.Index(0), done)
	// Let the same file be chosen again after a change.
	e.Get("target").Set("value", "")
}

// whatifDownloadPNG rasterises an SVG document at twice its size (sharp
// on a projector) through an <img> and a canvas, and offers the PNG.
func whatifDownloadPNG(name, svg string) {
	if !app.IsClient {
		return
	}
	win := app.Window()
	src := win.Get("URL").Call("createObjectURL", bytesBlob([]byte(svg), "image/svg+xml"))
	img := win.Get("Image").New()
	var onLoad, onBlob app.Func
	onBlob = app.FuncOf(func(_ app.Value, args []app.Value) any {
		onBlob.Release()
		if len(args) > 0 && args[0].Truthy() {
			saveBlob(args[0], name)
		}
		return nil
	})
	onLoad = app.FuncOf(func(app.Value, []app.Value) any {
		onLoad.Release()
		w, h := img.Get("naturalWidth").Int(), img.Get("naturalHeight").Int()
		canvas := win.Get("document").Call("createElement", "canvas")
		canvas.Set("width", 2*w)
		canvas.Set("height", 2*h)
		g := canvas.Call("getContext", "2d")
		g.Call("scale", 2, 2)
		g.Call("drawImage", img, 0, 0, w, h)
		win.Get("URL").Call("revokeObjectURL", src)
		canvas.Call("toBlob", onBlob, "image/png")
		return nil
	})
	img.Set("onload", onLoad)
	img.Set("src", src)
}
