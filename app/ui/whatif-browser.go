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
	file := files.Index(0)
	name := file.Get("name").String()
	var onOK, onErr app.Func
	release := func() {
		onOK.Release()
		onErr.Release()
	}
	onOK = app.FuncOf(func(_ app.Value, args []app.Value) any {
		text := ""
		if len(args) > 0 {
			text = args[0].String()
		}
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, []byte(text), nil) })
		return nil
	})
	onErr = app.FuncOf(func(_ app.Value, args []app.Value) any {
		msg := "read failed"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, nil, whatifError(msg)) })
		return nil
	})
	file.Call("text").Call("then", onOK, onErr)
	// Let the same file be chosen again after a change.
	e.Get("target").Set("value", "")
}

type whatifError string

func (e whatifError) Error() string { return string(e) }

// whatifBlob makes a Blob of bytes.
func whatifBlob(data []byte, mime string) app.Value {
	u8 := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	return app.Window().Get("Blob").New([]any{u8}, map[string]any{"type": mime})
}

// whatifSaveBlob offers a Blob as a download named name.
func whatifSaveBlob(blob app.Value, name string) {
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	doc := app.Window().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke app.Func
	revoke = app.FuncOf(func(app.Value, []app.Value) any {
		app.Window().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	app.Window().Call("setTimeout", revoke, 60000)
}

// whatifDownload offers bytes as a file.
func whatifDownload(name, mime string, data []byte) {
	if !app.IsClient {
		return
	}
	whatifSaveBlob(whatifBlob(data, mime), name)
}

// whatifDownloadPNG rasterises an SVG document at twice its size (sharp
// on a projector) through an <img> and a canvas, and offers the PNG.
func whatifDownloadPNG(name, svg string) {
	if !app.IsClient {
		return
	}
	win := app.Window()
	src := win.Get("URL").Call("createObjectURL", whatifBlob([]byte(svg), "image/svg+xml"))
	img := win.Get("Image").New()
	var onLoad, onBlob app.Func
	onBlob = app.FuncOf(func(_ app.Value, args []app.Value) any {
		onBlob.Release()
		if len(args) > 0 && args[0].Truthy() {
			whatifSaveBlob(args[0], name)
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
