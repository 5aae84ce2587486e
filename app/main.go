// Command app is the triggersim web application. Compiled to WebAssembly it
// runs the UI in the browser (main_wasm.go); compiled for the host it
// generates the static website that serves that wasm (main_host.go). Only the
// routes are shared; everything else lives in importable packages.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/ui"
)

// routes registers the pages over one store. It runs in both binaries: the
// generator pre-renders every route (over tabstore.Local of a memory store)
// and the browser
// mounts the same components over the tab's store. Every page gets the
// same Tab: one session, so moving between pages keeps the open scenario,
// its undo history and its simulation. It returns that Tab (the browser
// asks its session before the page is left with unsaved edits).
func routes(store session.Store) *ui.Tab {
	tab := ui.NewTab(session.New(store, nil, nil), prefs.New(prefs.Browser(), app.Log).WithTab(prefs.TabBrowser()))
	app.Route(route.Home, func() app.Composer { return &ui.Shell{Tab: tab} })
	app.Route(route.Simulate, func() app.Composer { return &ui.BoardPage{Tab: tab} })
	app.Route(route.Design, func() app.Composer { return &ui.DesignerPage{Tab: tab} })
	app.Route(route.Lessons, func() app.Composer { return &ui.LessonsPage{Tab: tab} })
	app.Route(route.Lesson, func() app.Composer { return &ui.LessonPage{Tab: tab} })
	app.Route(route.Narrate, func() app.Composer { return &ui.NarrationPage{Tab: tab} })
	app.Route(route.Quiz, func() app.Composer { return &ui.QuizPage{Tab: tab} })
	app.Route(route.Whatif, func() app.Composer { return &ui.WhatifPage{Tab: tab} })
	app.Route(route.Author, func() app.Composer { return &ui.AuthorPage{Tab: tab} })
	app.Route(route.Train, func() app.Composer { return &ui.TrainPage{Tab: tab} })
	app.Route(route.Results, func() app.Composer { return &ui.ResultsPage{Tab: tab} })
	return tab
}
