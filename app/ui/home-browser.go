package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The browser calls the home page needs: reading a chosen or dropped file,
// offering a download, and the clipboard. They go through app.Value so the
// package still builds (and the components still render) on the host,
// where app.Window() is inert.

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
