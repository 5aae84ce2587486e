package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The browser calls the home page needs: reading a chosen or dropped file,
// offering a download, and the clipboard. They go through app.Value so the
// package still builds (and the components still render) on the host,
// where app.Window() is inert.

// homeReadFile reads a File (from an <input type="file"> or a drop) as
// text and calls done with its name and content on the UI goroutine. The
// browser decodes the file as UTF-8, as a scenario file must be.
func homeReadFile(ctx app.Context, file app.Value, done func(ctx app.Context, name string, data []byte, err error)) {
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
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, nil, homeError(msg)) })
		return nil
	})
	file.Call("text").Call("then", onOK, onErr)
}

// homeError is a plain error from a browser message.
type homeError string

func (e homeError) Error() string { return string(e) }

// homeFiles returns the files of an input's change event or a drop event.
func homeFiles(e app.Event) []app.Value {
	var list app.Value
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		list = dt.Get("files")
	} else if t := e.Get("target"); t.Truthy() {
		list = t.Get("files")
	}
	if list == nil || !list.Truthy() {
		return nil
	}
	out := make([]app.Value, 0, list.Length())
	for i := 0; i < list.Length(); i++ {
		out = append(out, list.Index(i))
	}
	return out
}

// homeDownload offers data as a file download: a Blob, an object URL and
// a click on a temporary <a download>. The URL is revoked a minute later,
// long after the browser has started the download.
func homeDownload(ctx app.Context, name, mime string, data []byte) {
	if !app.IsClient {
		return
	}
	win := app.Window()
	u8 := win.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	blob := win.Get("Blob").New([]any{u8}, map[string]any{"type": mime})
	url := win.Get("URL").Call("createObjectURL", blob)
	doc := win.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	ctx.After(60_000_000_000, func(app.Context) {
		win.Get("URL").Call("revokeObjectURL", url)
	})
}

// homeCopyText writes text to the clipboard and reports on the UI
// goroutine whether the browser allowed it (it may not, without a user
// gesture or permission): the caller then shows the text to copy by hand.
func homeCopyText(ctx app.Context, text string, done func(ctx app.Context, ok bool)) {
	if !app.IsClient {
		return
	}
	cb := app.Window().Get("navigator").Get("clipboard")
	if !cb.Truthy() || !cb.Get("writeText").Truthy() {
		done(ctx, false)
		return
	}
	var onOK, onErr app.Func
	release := func() {
		onOK.Release()
		onErr.Release()
	}
	onOK = app.FuncOf(func(app.Value, []app.Value) any {
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, true) })
		return nil
	})
	onErr = app.FuncOf(func(app.Value, []app.Value) any {
		release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, false) })
		return nil
	})
	cb.Call("writeText", text).Call("then", onOK, onErr)
}

// homeLocationHash returns location.hash without its "#".
func homeLocationHash() string {
	if !app.IsClient {
		return ""
	}
	h := app.Window().Get("location").Get("hash").String()
	if len(h) > 0 && h[0] == '#' {
		h = h[1:]
	}
	return h
}

// homeClearHash removes the fragment from the address without a reload,
// so that a reload does not offer the shared scenario again.
func homeClearHash() {
	if !app.IsClient {
		return
	}
	loc := app.Window().Get("location")
	app.Window().Get("history").Call("replaceState", nil, "", loc.Get("pathname").String()+loc.Get("search").String())
}

// homeOrigin is location.origin, the base of a share link.
func homeOrigin() string {
	if !app.IsClient {
		return ""
	}
	return app.Window().Get("location").Get("origin").String()
}
