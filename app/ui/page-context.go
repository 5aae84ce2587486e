package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// pageContext remembers a page's own context from OnMount. Work started
// from a button runs in ctx.Async and must dispatch its result through the
// page: go-app drops a Dispatch whose source element was unmounted in the
// meantime (a dialog that closed, a row that re-rendered), and with
// IndexedDB a save is slow enough for that to happen.
type pageContext struct {
	ctx app.Context
	ok  bool
}

// set records the page's context; call it first in OnMount.
func (pc *pageContext) set(ctx app.Context) { pc.ctx, pc.ok = ctx, true }

// or returns the page's context, or ctx before the page mounted.
func (pc *pageContext) or(ctx app.Context) app.Context {
	if pc.ok {
		return pc.ctx
	}
	return ctx
}
