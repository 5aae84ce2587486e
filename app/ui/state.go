package ui

import (
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/memory"
)

// shared is what every page of one browser tab works on: one session over
// the chosen store. A tab is one user, so one value is enough; it lives
// here rather than in each page so that moving between pages keeps the open
// scenario, its undo history and its simulation.
var shared struct {
	store storage.Store
	sess  *session.Session
}

// UseStore chooses the store before the app starts (the IndexedDB store in
// the browser, the memory store when IndexedDB is unavailable and in tests).
func UseStore(s storage.Store) {
	shared.store = s
	shared.sess = nil
}

// Session returns the tab's session, creating it over the chosen store
// (the memory store when none was chosen).
func Session() *session.Session {
	if shared.sess == nil {
		if shared.store == nil {
			shared.store = memory.New()
		}
		shared.sess = session.New(shared.store, nil, nil)
	}
	return shared.sess
}
