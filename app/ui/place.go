package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/route"
)

// placeOf reads the page's place from its address.
func placeOf(ctx app.Context) route.Place { return route.Parse(ctx.Page().URL()) }

// showPlace writes the page's place into the address bar, replacing the
// current history entry: the place changes with every tab or item the
// user picks, and back should go to the previous page, not through every
// click. A reload, back and forward then land on this place.
func showPlace(ctx app.Context, p route.Place) {
	if !app.IsClient {
		return
	}
	u, cur := p.URL(), ctx.Page().URL()
	if cur.Path == u.Path && cur.RawQuery == u.RawQuery && cur.Fragment == u.Fragment {
		return
	}
	ctx.Page().ReplaceURL(u)
}

// markShown tells the end-to-end tests which page has loaded which
// scenario: body[data-page] is the page's path and body[data-scenario] the
// id of the scenario it shows ("" when none). A test that reloads or goes
// back waits for both, since body[data-ready] stays set from the page
// before. It also sets data-ready.
func markShown(ctx app.Context, page, id string) {
	ctx.Defer(func(app.Context) {
		if !app.IsClient {
			return
		}
		ds := app.Window().Get("document").Get("body").Get("dataset")
		ds.Set("page", page)
		ds.Set("scenario", id)
		ds.Set("ready", "1")
	})
}

// markLoading clears the marks of markShown while a page loads.
func markLoading(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ds := app.Window().Get("document").Get("body").Get("dataset")
	ds.Delete("page")
	ds.Delete("scenario")
}
