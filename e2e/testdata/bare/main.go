// Command bare is the smallest go-app page: the baseline that
// e2e's load benchmark compares triggersim against. Like the app, it marks
// body[data-ready="1"] once mounted, and it is built the same way (wasm
// without the host code, local icon, precompressed).
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct {
	app.Compo
}

func (h *hello) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		if app.IsClient {
			app.Window().Get("document").Get("body").Get("dataset").Set("ready", "1")
		}
	})
}

func (h *hello) Render() app.UI {
	return app.H1().Text("Hello")
}

func routes() {
	app.Route("/", func() app.Composer { return &hello{} })
}
