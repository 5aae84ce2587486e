package engine

import "time"

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
	out := make([]StagePoint, len(it.history))
	for i := range it.history {
		out[i] = s.point(it, i)
	}
	return out
}

// stagePoint records where the item is now, for its stage history.
func (s *Sim) stagePoint(it *item) stagePoint {
	return stagePoint{sec: s.now.Unix(), nsec: int32(s.now.Nanosecond()), loc: s.locIndex(s.now.Location()),
		pipeline: int32(it.pm.index), stage: int32(it.stage)}
}

// point reads back entry i of an item's stage history.
func (s *Sim) point(it *item, i int) StagePoint {
	p := it.history[i]
	pm := it.em.pipelines[p.pipeline]
	return StagePoint{At: time.Unix(p.sec, int64(p.nsec)).In(s.locs[p.loc]), Stage: pm.p.Stages[p.stage].ID, Pipeline: pm.id}
}

// Events is the script plus the events fired interactively so far; a log
// entry's Event indexes it.
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
func (s *Sim) Places() []ItemPlace {
	out := make([]ItemPlace, 0, len(s.items))
	for _, it := range s.sortedItems() {
		out = append(out, ItemPlace{Target: it.target, Entity: it.em.typ, Pipeline: it.pm.id, Stage: it.stageID()})
	}
	return out
}
