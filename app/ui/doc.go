// Package ui holds the go-app components of triggersim, one kebab-case file
// per component (shell.go → Shell). Exported fields are inputs from the
// parent, unexported fields are state, handlers are onXxx methods, and a
// child talks to its parent through callback fields.
//
// Components render state and dispatch; nothing else. The mechanism is
// one explicit controller per page, as in app/simulate: a page holds what
// it shows and forwards every user intent to a controller in a package a
// host test can reach — session.Session (the open scenario, its edits and
// storage), session.Simulation (the board's simulation and its saved
// state), simulate.Controller (the clock, events and moves), design (the
// designer's edits), teach, home, charts. Work that touches storage or
// takes long runs in ctx.Async and comes back through Dispatch on the
// page's own context (pageContext). go-app's actions and
// ctx.SetState/ObserveState are not used.
//
// The place in the app is the address (app/route): pages read it in OnNav
// and write it back with showPlace, so a reload, back and forward land
// where the user was.
//
// Nothing in this package reaches storage directly or holds state of its
// own at package level: what the pages of one tab share (the session and
// the header's tab-wide state) is the Tab that package main hands to every
// page.
package ui
