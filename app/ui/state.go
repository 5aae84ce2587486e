package ui

import (
	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/session"
)

// Tab is what every page of one browser tab shares: the session over the
// tab's store (the open scenario, its undo history and its simulation)
// and the header's tab-wide state (the last save, the storage warning, a
// pending conflict, the presenter mode). package main makes one and hands
// it to every page through the routes, so moving between pages keeps them;
// nothing in this package holds state of its own.
//
// Only the UI goroutine touches header; the session and gc are safe for
// the ctx.Async goroutines that call them.
type Tab struct {
	Session *session.Session
	// Prefs are this browser's preferences (language, presenter mode,
	// panels, the trainee's lesson): components never reach the browser's
	// storage themselves.
	Prefs  *prefs.Prefs
	header headerState
	// gc holds the garbage collector off while what-if runs go
	// (whatifHoldGC). The collector's settings belong to the whole
	// program, so the count of holds lives here, once per tab, and not in
	// a page: a what-if page made anew while a cancelled run of the last
	// one winds down would otherwise save the held-off settings as the
	// ones to restore.
	gc gcHold
	// boardWarm is set once the board's code has been warmed up in this
	// tab (warmUpBoard): compiled code stays for the life of the page.
	boardWarm bool
	// lab is the tab's what-if worker (whatif-worker.go), labs the
	// workers of the lab's replications and sweeps.
	lab  labWorker
	labs labPool
}

// NewTab returns the tab's shared state over a session and the browser's
// preferences.
func NewTab(sess *session.Session, p *prefs.Prefs) *Tab {
	return &Tab{Session: sess, Prefs: p, header: headerState{prefs: p}}
}
