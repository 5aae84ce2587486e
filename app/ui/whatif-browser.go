package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/gchold"
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

// gcHold holds the garbage collector off while what-if runs go and while
// a fired event is drawn (gchold.Holds: the settings are the program's,
// so the tab keeps the one count, Tab.gc).
type gcHold struct{ holds gchold.Holds }

// whatifGCRoom is how much a run may allocate before the collector runs
// anyway while it is held off: more than a 10 000-item, 90-day run needs
// (about 40 MB natively), far less than a tab may use.
const whatifGCRoom = 96 << 20

// whatifHoldGCQuiet holds the garbage collector off while a run is made in
// the lab's workers (unless the page allocates more than whatifGCRoom
// meanwhile) and returns the function that lets it go, once however often
// it is called. In the browser the collector has no thread of its own:
// once a cycle has begun, the first time the program waits it marks
// everything still to mark, in one task. The page only waits, draws the
// progress and then the results, so a collection begun meanwhile would
// mark the page's own heap (the open scenario, 10 000 deals: a long task
// of 50-100 ms) for garbage the run did not make (what opening the
// scenario left). It is let go once the results are on the page, without
// collecting: the page collects when it next would.
func (g *gcHold) whatifHoldGCQuiet() (release func()) {
	if !app.IsClient {
		return func() {}
	}
	return g.hold(whatifGCRoom, func() {})
}

// hold holds the collector off: room is what may be allocated before the
// collector runs anyway, collect is called when the last hold lets go.
func (g *gcHold) hold(room int64, collect func()) (release func()) {
	return g.holds.Hold(room, collect)
}
