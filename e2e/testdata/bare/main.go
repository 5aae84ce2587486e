// Command bare is the smallest go-app page: the baseline that
// e2e's load benchmark compares triggersim against. Like the app, it marks
// body[data-ready="1"] once mounted, and it is built the same way (wasm
// without the host code, local icon, precompressed). Its one button,
// which counts its clicks, is the baseline of the board's fire benchmark:
// what go-app itself takes from a click to the changed page.
package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type hello struct {
	app.Compo
	clicks int
}

func (h *hello) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		if app.IsClient {
			app.Window().Get("document").Get("body").Get("dataset").Set("ready", "1")
		}
	})
}

func (h *hello) Render() app.UI {
	return app.Div().Body(
		app.H1().Text("Hello"),
		app.Button().ID("click").Text("Click").OnClick(func(app.Context, app.Event) { h.clicks++ }),
		app.P().ID("clicks").Text(strconv.Itoa(h.clicks)),
	)
}

func routes() {
	app.Route("/", func() app.Composer { return &hello{} })
}
