package engine

import (
	"cmp"
	"slices"
)

// A step in units (StepBudget). One event can reach ten thousand items
// (a call to a contact who owns that many deals): a browser must not run
// it in one task. The cascade keeps where it is (cascade.phase, next and
// client), so that the step can stop after a number of units of work and
// resume where it stopped; the work and its order are those of Step, so
// the log, the items and the counters come out the same for any budget.

// StepBudget runs the next due task and its cascade, as Step does, but
// stops after budget units of work (an event, a robot run, one item of a
// client logged or offered the event; at least one unit runs), and the
// next call resumes there. used is how many units ran: 0 when nothing was
// left to run (Step's false); done is true when the step is over.
//
// While a step is pending, Step, Fire, RunUntil, Run and Result finish it
// first; Next reports it as due now. The readers (Items, Item, Log,
// LogLen, Places…) see the state so far, the middle of an event.
func (s *Sim) StepBudget(budget int) (used int, done bool) {
	budget = max(budget, 1)
	if !s.pending {
		at, ok := s.Next()
		if !ok {
			return 0, true
		}
		t := s.queue.Pop()
		if at.After(s.now) {
			s.now = at
		}
		if s.stopped {
			// As runCascade: a stopped run runs nothing more.
			return 1, true
		}
		if t.event >= 0 {
			s.beginCascade(t.event, nil)
		} else {
			s.beginCascade(t.origin, t)
		}
	}
	left, done := s.resume(budget)
	return budget - left, done
}

// Pending reports whether StepBudget left a step unfinished.
func (s *Sim) Pending() bool { return s.pending }

// finishStep runs the rest of a step StepBudget left pending.
func (s *Sim) finishStep() {
	if s.pending {
		s.resume(maxBudget)
	}
}

// maxBudget is a budget no step exhausts.
const maxBudget = int(^uint(0) >> 1)

// clientStep is a client event's delivery in progress (section 1.3): the
// client's items, its deals newest first, the deal that gets the event,
// the items that do, and where the delivery is.
type clientStep struct {
	code, client string
	data         map[string]any
	mine         []*item
	deals, out   []*item
	chosen       *item
	part, i      int
	keys         []dealKey // beginClient's sort, kept for its room
}

// dealKey is what orders a client's deals, newest first.
type dealKey struct {
	modSec, crSec   int64
	modNsec, crNsec int32
	id              int
	it              *item
}

// reset empties the delivery, keeping the lists' room for the next one.
func (c clientStep) reset() clientStep {
	clear(c.deals)
	clear(c.out)
	return clientStep{deals: c.deals[:0], out: c.out[:0], keys: c.keys[:0]}
}

// beginClient starts the delivery of a client event: the deal that gets
// it is the newest one in work (by DATE_MODIFY, then creation, then id),
// logged at once; deliverClient does the rest, unit by unit.
func (s *Sim) beginClient(code, typ string, n int, data map[string]any) {
	c := &s.cas.client
	c.code, c.client, c.data = code, Target(typ, n), data
	c.mine = s.clients[clientKey{typ, n}]
	// Newest first by keys of plain numbers: comparing time.Time values
	// in the sort took most of a ten-thousand-deal event's first unit in
	// the browser. Deals' ids differ, so the order is total and a plain
	// sort gives what a stable one would.
	keys := c.keys[:0]
	for _, it := range c.mine {
		if it.em.typ == "DEAL" {
			keys = append(keys, dealKey{it.modified.Unix(), it.created.Unix(), int32(it.modified.Nanosecond()), int32(it.created.Nanosecond()), it.id, it})
		}
	}
	slices.SortFunc(keys, func(x, y dealKey) int {
		switch {
		case x.modSec != y.modSec:
			return cmp.Compare(y.modSec, x.modSec)
		case x.modNsec != y.modNsec:
			return cmp.Compare(y.modNsec, x.modNsec)
		case x.crSec != y.crSec:
			return cmp.Compare(y.crSec, x.crSec)
		case x.crNsec != y.crNsec:
			return cmp.Compare(y.crNsec, x.crNsec)
		}
		return cmp.Compare(y.id, x.id)
	})
	for _, k := range keys {
		c.deals = append(c.deals, k.it)
	}
	clear(keys)
	c.keys = keys[:0]
	for _, d := range c.deals {
		if d.semantics() == Process {
			c.chosen = d
			c.out = append(c.out, d)
			s.add(LogEntry{Type: LogDeliver, Target: d.target, Code: code, Why: Reason{Code: "deliver.deal", Args: []string{c.client, d.target}}})
			break
		}
	}
	s.cas.phase = casClient
}

// deliverClient goes on with a client event's delivery for at most budget
// units: the deals that do not get it, logged; the client's other items,
// which get it or not by their type; then the event offered to every item
// that gets it. It returns the budget left, and moves the cascade to its
// work when the delivery is over.
func (s *Sim) deliverClient(budget int) int {
	c := &s.cas.client
	code := c.code
	for {
		switch c.part {
		case 0: // the deals that do not get the event
			for c.i < len(c.deals) {
				d := c.deals[c.i]
				if d == c.chosen {
					c.i++
					continue
				}
				if budget <= 0 {
					return 0
				}
				budget--
				c.i++
				why, other := "undelivered.closed", c.client
				if d.semantics() == Process {
					why, other = "undelivered.older", c.chosen.target
				}
				s.add(LogEntry{Type: LogUndelivered, Target: d.target, Code: code, Why: Reason{Code: why, Args: s.pair(d.target, other)}})
			}
			c.part, c.i = 1, 0
		case 1: // the client's other items
			for c.i < len(c.mine) {
				it := c.mine[c.i]
				if it.em.typ == "DEAL" {
					c.i++
					continue
				}
				if budget <= 0 {
					return 0
				}
				budget--
				c.i++
				switch {
				case it.em.typ == "ORDER":
					c.out = append(c.out, it)
					s.add(LogEntry{Type: LogDeliver, Target: it.target, Code: code, Why: Reason{Code: "deliver.order", Args: []string{c.client, it.target}}})
				case IsDynamic(it.em.typ) && it.em.codes[code]:
					c.out = append(c.out, it)
					s.add(LogEntry{Type: LogDeliver, Target: it.target, Code: code, Why: Reason{Code: "deliver.smart", Args: []string{c.client, it.target}}})
				default:
					s.add(LogEntry{Type: LogUndelivered, Target: it.target, Code: code, Why: Reason{Code: "undelivered.type", Args: []string{it.target, c.client}}})
				}
			}
			if len(c.out) == 0 {
				s.add(LogEntry{Type: LogNote, Target: c.client, Code: code, Why: Reason{Code: "deliver.none", Args: []string{c.client}}})
			}
			c.part, c.i = 2, 0
		default: // the event offered to the items that get it
			for c.i < len(c.out) {
				if budget <= 0 {
					return 0
				}
				budget--
				it := c.out[c.i]
				c.i++
				s.dispatch(code, it, c.data, nil)
			}
			s.cas.phase = casWork
			return budget
		}
	}
}
