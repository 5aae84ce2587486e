// Command app is the triggersim web application. Compiled to WebAssembly it
// runs the UI in the browser (main_wasm.go); compiled for the host it
// generates the static website that serves that wasm (main_host.go). Only the
// routes are shared; everything else lives in importable packages.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/ui"
)

// routes registers the pages. It runs in both binaries: the generator
// pre-renders every route and the browser mounts the same components.
func routes() {
	app.Route("/", func() app.Composer { return &ui.Shell{} })
	app.Route("/simulate", func() app.Composer { return &ui.BoardPage{} })
	app.Route("/design", func() app.Composer { return &ui.DesignerPage{} })
	app.Route("/lessons", func() app.Composer { return &ui.LessonsPage{} })
	app.Route("/lesson", func() app.Composer { return &ui.LessonPage{} })
	app.Route("/narrate", func() app.Composer { return &ui.NarrationPage{} })
	app.Route("/quiz", func() app.Composer { return &ui.QuizPage{} })
	app.Route("/whatif", func() app.Composer { return &ui.WhatifPage{} })
}
