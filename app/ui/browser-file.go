package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Browser file calls shared by the pages that import and export (home,
// what-if lab): reading a chosen or dropped file, and offering a download.
// They go through app.Value so the package builds and renders on the
// host, where app.Window() is inert.

// readFileText reads a File (from an <input type="file"> or a drop) as
// text and calls done with its name and content on the UI goroutine. The
// browser decodes the file as UTF-8, as a scenario file must be.
func readFileText(ctx app.Context, file app.Value, done func(ctx app.Context, name string, data []byte, err error)) {
	if !app.IsClient || file == nil || !file.Truthy() {
		return
	}
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
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, nil, browserError(msg)) })
		return nil
	})
	file.Call("text").Call("then", onOK, onErr)
}

// browserError is a plain error from a browser message.
type browserError string

func (e browserError) Error() string { return string(e) }

// bytesBlob makes a Blob of bytes.
func bytesBlob(data []byte, mime string) app.Value {
	u8 := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	return app.Window().Get("Blob").New([]any{u8}, map[string]any{"type": mime})
}

// saveBlob offers a Blob as a download named name: an object URL and a
// click on a temporary <a download>. The URL is revoked a minute later,
// long after the browser has started the download.
func saveBlob(blob app.Value, name string) {
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	doc := app.Window().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	a.Get("style").Set("display", "none")
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

// download offers bytes as a file named name.
func download(name, mime string, data []byte) {
	if !app.IsClient {
		return
	}
	saveBlob(bytesBlob(data, mime), name)
}
