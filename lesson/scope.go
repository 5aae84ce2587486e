package lesson

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// A scope names part of a scenario the trainee may change:
//
//	triggers                every trigger
//	triggers:ENTITY         the triggers of one entity type (DEAL, LEAD, …)
//	robots                  every robot
//	robots:ENTITY           the robots of one entity type
//	robots:ENTITY:STAGE     the robots of one stage
//	items                   the items (cards) and their fields
//	events                  the events
//
// Anything outside the lesson's scopes must stay as in the start; the
// scenario's title, description and expectations are never compared.

// checkScope validates a scope against the lesson's scenario: the code of
// Texts and its arguments that say what is wrong ("" when fine).
func checkScope(s string, sc *engine.Scenario) (string, []string) {
	parts := strings.Split(s, ":")
	switch parts[0] {
	case "items", "events":
		if len(parts) == 1 {
			return "", nil
		}
	case "triggers", "robots":
		if len(parts) == 1 {
			return "", nil
		}
		if sc == nil || len(parts) > 3 || (parts[0] == "triggers" && len(parts) > 2) {
			break
		}
		e := entity(sc, parts[1])
		if e == nil {
			return "lesson.scopeEntity", []string{strconv.Quote(s), parts[1]}
		}
		if len(parts) == 3 && !hasStage(e, parts[2]) {
			return "lesson.scopeStage", []string{strconv.Quote(s), parts[1], parts[2]}
		}
		return "", nil
	}
	return "lesson.scopeUnknown", []string{strconv.Quote(s)}
}

func entity(sc *engine.Scenario, typ string) *engine.Entity {
	for i := range sc.Entities {
		if sc.Entities[i].Type == typ {
			return &sc.Entities[i]
		}
	}
	return nil
}

func hasStage(e *engine.Entity, id string) bool {
	for _, p := range e.Pipelines {
		for _, s := range p.Stages {
			if s.ID == id {
				return true
			}
		}
	}
	return false
}

// inScope reports whether a trigger or robot (kind "triggers"/"robots") of
// an entity and stage is covered by one of the scopes.
func inScope(scopes []string, kind, ent, stage string) bool {
	for _, s := range scopes {
		parts := strings.Split(s, ":")
		if parts[0] != kind {
			continue
		}
		if len(parts) == 1 || (parts[1] == ent && (len(parts) == 2 || parts[2] == stage)) {
			return true
		}
	}
	return false
}

// Section names of OutOfScope.
const (
	SectionTriggers = "triggers"
	SectionRobots   = "robots"
	SectionItems    = "items"
	SectionEvents   = "events"
	SectionSetup    = "setup" // entities, pipelines, users, clients, times, limits
)

// OutOfScope compares the trainee's scenario with the lesson's start and
// returns the sections changed outside what the lesson allows (nil when
// the lesson allows any change, or nothing outside it changed).
func (l *Lesson) OutOfScope(sc *engine.Scenario) []string {
	if len(l.MayChange) == 0 || l.Scenario == nil || sc == nil {
		return nil
	}
	a, b := l.strip(l.Scenario), l.strip(sc)
	var out []string
	if !sameList(a.Triggers, b.Triggers) {
		out = append(out, SectionTriggers)
	}
	if !sameList(a.Robots, b.Robots) {
		out = append(out, SectionRobots)
	}
	if !sameList(a.Items, b.Items) {
		out = append(out, SectionItems)
	}
	if !sameList(a.Events, b.Events) {
		out = append(out, SectionEvents)
	}
	a.Triggers, a.Robots, a.Items, a.Events = nil, nil, nil, nil
	b.Triggers, b.Robots, b.Items, b.Events = nil, nil, nil, nil
	wa, errA := engine.WriteScenario(a)
	wb, errB := engine.WriteScenario(b)
	if errA != nil || errB != nil || !bytes.Equal(wa, wb) {
		out = append(out, SectionSetup)
	}
	return out
}

// strip copies a scenario without what is never compared and without the
// triggers and robots the trainee may change.
func (l *Lesson) strip(sc *engine.Scenario) *engine.Scenario {
	c := *sc
	c.Title, c.Description, c.Expect = "", "", nil
	c.Triggers = nil
	for _, t := range sc.Triggers {
		if !inScope(l.MayChange, "triggers", t.Entity, t.Stage) {
			c.Triggers = append(c.Triggers, t)
		}
	}
	c.Robots = nil
	for _, r := range sc.Robots {
		if !inScope(l.MayChange, "robots", r.Entity, r.Stage) {
			c.Robots = append(c.Robots, r)
		}
	}
	if slices.Contains(l.MayChange, "items") {
		c.Items = nil
	}
	if slices.Contains(l.MayChange, "events") {
		c.Events = nil
	}
	return &c
}

func sameList[T any](a, b []T) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// StartFrom makes a lesson's start from the author's solution: the
// solution without the triggers and robots the scopes let the trainee
// change (the trainee builds them again) and without expectations. Items
// and events stay: they are the story the trainee's automation must handle.
func StartFrom(sol *engine.Scenario, scopes []string) *engine.Scenario {
	l := &Lesson{MayChange: scopes}
	c := *sol
	c.Expect = nil
	c.Triggers, c.Robots = nil, nil
	for _, t := range sol.Triggers {
		if !inScope(l.MayChange, "triggers", t.Entity, t.Stage) {
			c.Triggers = append(c.Triggers, t)
		}
	}
	for _, r := range sol.Robots {
		if !inScope(l.MayChange, "robots", r.Entity, r.Stage) {
			c.Robots = append(c.Robots, r)
		}
	}
	return &c
}

// MayChangeTrigger reports whether the trainee may add, change or delete a
// trigger of an entity type on a stage.
func (l *Lesson) MayChangeTrigger(ent, stage string) bool {
	return len(l.MayChange) == 0 || inScope(l.MayChange, "triggers", ent, stage)
}

// MayChangeRobot reports whether the trainee may add, change, move or
// delete a robot of an entity type on a stage.
func (l *Lesson) MayChangeRobot(ent, stage string) bool {
	return len(l.MayChange) == 0 || inScope(l.MayChange, "robots", ent, stage)
}

// MayChangeSection reports whether the trainee may change a section
// (Section*) at all: items and events when a scope names them, the setup
// (entities, pipelines, stages, users, times) only when the lesson allows
// any change. For triggers and robots it reports whether some scope names
// them; MayChangeTrigger and MayChangeRobot say where.
func (l *Lesson) MayChangeSection(section string) bool {
	if len(l.MayChange) == 0 {
		return true
	}
	for _, s := range l.MayChange {
		kind, _, _ := strings.Cut(s, ":")
		if kind == section {
			return true
		}
	}
	return false
}

// NewlyOutOfScope returns the sections that after changes outside the
// lesson's scopes while before did not: what one edit of the trainee's
// scenario would break. A trainee whose copy already differs somewhere
// (an older copy, a lesson changed since) may still edit what is allowed.
func (l *Lesson) NewlyOutOfScope(before, after *engine.Scenario) []string {
	was := l.OutOfScope(before)
	var out []string
	for _, s := range l.OutOfScope(after) {
		if !slices.Contains(was, s) {
			out = append(out, s)
		}
	}
	return out
}

// ScopeMessage says, in lang, that a section was changed that the lesson
// does not let the trainee change (the texts of Report.Messages).
func ScopeMessage(section, lang string) string { return say(lang, "scope."+section) }
