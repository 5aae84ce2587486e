package engine

import (
	"slices"
	"time"
)

// ItemState is an item as the board shows it: where it is now, its fields
// and the robots waiting for it.
type ItemState struct {
	Target   string
	Entity   string
	ID       int
	Pipeline int
	Stage    string
	Fields   map[string]any // a copy
	Contact  int
	Company  int
	Parent   string
	Entered  time.Time
	Pending  []PendingRobot
}

// PendingRobot is a robot waiting for its delay.
type PendingRobot struct {
	Robot string
	Due   time.Time
}

// StagePoint is one entry of an item's stage history.
type StagePoint struct {
	At       time.Time
	Stage    string
	Pipeline int
}

func (s *Sim) state(it *item) ItemState {
	st := ItemState{
		Target: it.target, Entity: it.em.typ, ID: it.id, Pipeline: it.pm.id, Stage: it.stageID(),
		Fields: it.allFields(), Contact: it.contact, Company: it.company,
		Parent: it.parent, Entered: it.entered,
	}
	for _, t := range it.pending {
		if !t.cancelled {
			st.Pending = append(st.Pending, PendingRobot{Robot: t.branch[t.pos].r.ID, Due: t.at})
		}
	}
	return st
}

// Items lists every item (entity types in file order, then by id).
func (s *Sim) Items() []ItemState {
	out := make([]ItemState, 0, len(s.items))
	for _, it := range s.sortedItems() {
		out = append(out, s.state(it))
	}
	return out
}

// Item returns one item's state.
func (s *Sim) Item(target string) (ItemState, bool) {
	it := s.byTarget[target]
	if it == nil {
		return ItemState{}, false
	}
	return s.state(it), true
}

// History is an item's stage history, oldest first.
func (s *Sim) History(target string) []StagePoint {
	it := s.byTarget[target]
	if it == nil {
		return nil
	}
	idx := s.historyOf(it)
	out := make([]StagePoint, len(idx))
	for i, p := range idx {
		out[i] = s.point(it, p)
	}
	return out
}

// Events is the script plus the events fired interactively so far; a log
// entry's Event indexes it. The fired events a batch run forgot
// (TrimEvents) are zero Events.
func (s *Sim) Events() []Event {
	for i := len(s.events); i < s.script+s.nFired; i++ {
		s.events = append(s.events, s.event(i))
	}
	return s.events
}

// Scenario is the scenario the simulation runs.
func (s *Sim) Scenario() *Scenario { return s.sc }

// ItemPlace is where an item is: enough to count items and lay out a board
// without copying every item's fields.
type ItemPlace struct {
	Target   string
	Entity   string
	Pipeline int
	Stage    string
}

// Places lists where every item is, in the order of Items.
func (s *Sim) Places() []ItemPlace { return s.AppendPlaces(nil) }

// AppendPlaces appends to dst where every item is, in the order of
// Items, and returns the extended slice: a page that asks after every
// event passes the same buffer again (dst[:0]) instead of allocating ten
// thousand places for the collector each time.
func (s *Sim) AppendPlaces(dst []ItemPlace) []ItemPlace {
	dst = slices.Grow(dst, len(s.items))
	for _, it := range s.sortedItems() {
		dst = append(dst, ItemPlace{Target: it.target, Entity: it.em.typ, Pipeline: it.pm.id, Stage: it.stageID()})
	}
	return dst
}

// LastDue is when the last robot still waiting for its delay is due, and
// false when none waits. It is what the latest PendingRobot.Due of Items
// would say (the first such robot in Items' order when several are due at
// the same instant), without copying every item's fields: the board's "to the end" button
// asks it before every jump to the end.
func (s *Sim) LastDue() (time.Time, bool) {
	var (
		last  time.Time
		owner *item
	)
	for _, it := range s.items {
		for _, t := range it.pending {
			if t.cancelled {
				continue
			}
			if owner == nil || t.at.After(last) || (t.at.Equal(last) && before(it, owner)) {
				last, owner = t.at, it
			}
		}
	}
	return last, owner != nil
}

// before reports whether a comes before b in Items' order (entity type in
// file order, then id).
func before(a, b *item) bool {
	if a.em.index != b.em.index {
		return a.em.index < b.em.index
	}
	return a.id < b.id
}
