// Package design holds the edit operations of the automation designer: pure
// functions that change an *engine.Scenario the way Bitrix24's «Роботы и
// триггеры» page does (add a trigger to a stage, copy a robot, add a
// pipeline, delete a stage …) and refuse, with an explanation, what
// Bitrix24 refuses. The UI calls them inside session.Edit, which then holds
// the result to the rules of a scenario file; this package checks the
// design rules first so that the user reads a sentence about stages and
// pipelines rather than a JSON path.
//
// Every operation is deterministic: new ids are the first free "t<n>",
// "r<n>" or "UC_<n>", and a new webhook code is derived from the scenario,
// never from a clock or a random source.
package design

import (
	"strconv"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// Error is a design rule that an edit would break. Code names the rule
// (the i18n key is "design.err."+Code) and Args are its values in the
// order of that message's parameter list ("design.err.stage.unknown(stage,
// type) = …"), so the same error reads well in Russian and English.
type Error struct {
	Code string
	Args []string
}

// Error renders the English message.
func (e *Error) Error() string { return e.Message(i18n.EN) }

// Message renders the error in the interface language.
func (e *Error) Message(lang string) string {
	key := "design.err." + e.Code
	if s, ok := i18n.Texts.Format(i18n.Normalize(lang), key, e.Args...); ok {
		return s
	}
	return key
}

func fail(code string, args ...string) error { return &Error{Code: code, Args: args} }

// Codes lists every rule code, so a test can check both languages have it.
func Codes() []string {
	return []string{
		"entity.unknown", "entity.exists", "entity.invalid",
		"pipeline.unknown", "pipeline.single", "pipeline.name", "pipeline.default", "pipeline.last",
		"pipeline.items", "pipeline.robot",
		"stage.unknown", "stage.name", "stage.color", "stage.semantics", "stage.success",
		"stage.successFixed", "stage.lastProcess", "stage.items", "stage.events", "stage.robot", "stage.expect",
		"stage.move", "stage.edge",
		"trigger.unknown", "trigger.code", "trigger.unsupported", "trigger.none", "trigger.expect",
		"trigger.fieldWatch", "trigger.otherEntity",
		"robot.unknown", "robot.type", "robot.pipeline", "robot.edge", "robot.expect", "robot.otherEntity",
	}
}

// Entity returns the entity of a type in sc, or nil.
func Entity(sc *engine.Scenario, typ string) *engine.Entity {
	for i := range sc.Entities {
		if sc.Entities[i].Type == typ {
			return &sc.Entities[i]
		}
	}
	return nil
}

// Pipeline returns a pipeline of an entity type, or nil.
func Pipeline(sc *engine.Scenario, typ string, id int) *engine.Pipeline {
	e := Entity(sc, typ)
	if e == nil {
		return nil
	}
	for i := range e.Pipelines {
		if e.Pipelines[i].ID == id {
			return &e.Pipelines[i]
		}
	}
	return nil
}

// StageRef is where a stage is: its pipeline and its index there.
type StageRef struct {
	Pipeline int
	Index    int
	Stage    engine.Stage
}

// FindStage resolves a stage id of an entity type (the bare id of a
// prefixed default stage is accepted, as in files) to its place.
func FindStage(sc *engine.Scenario, typ, id string) (StageRef, bool) {
	st, pid, ok := sc.FindStage(typ, id)
	if !ok {
		return StageRef{}, false
	}
	p := Pipeline(sc, typ, pid)
	for i := range p.Stages {
		if p.Stages[i].ID == st.ID {
			return StageRef{Pipeline: pid, Index: i, Stage: st}, true
		}
	}
	return StageRef{}, false
}

// sameStage reports whether ref (as written in a file) names the stage id.
func sameStage(sc *engine.Scenario, typ, ref, id string) bool {
	if ref == id {
		return true
	}
	st, _, ok := sc.FindStage(typ, ref)
	return ok && st.ID == id
}

// OnStage reports whether a trigger or robot placed at (entity, stage ref)
// belongs to the column of stage id.
func OnStage(sc *engine.Scenario, entity, ref, typ, id string) bool {
	return entity == typ && sameStage(sc, typ, ref, id)
}

// nextID returns prefix+n for the smallest n ≥ 1 not in used.
func nextID(prefix string, used func(string) bool) string {
	for n := 1; ; n++ {
		id := prefix + strconv.Itoa(n)
		if !used(id) {
			return id
		}
	}
}

// NextTriggerID is the first free "t<n>".
func NextTriggerID(sc *engine.Scenario) string {
	return nextID("t", func(id string) bool { _, ok := sc.TriggerByID(id); return ok })
}

// NextRobotID is the first free "r<n>".
func NextRobotID(sc *engine.Scenario) string {
	return nextID("r", func(id string) bool { _, ok := sc.RobotByID(id); return ok })
}

// touch marks an entity's pipelines as given, so that an edited default
// stage list is written into the file rather than regenerated on reading.
func touch(e *engine.Entity) { e.PipelinesDefaulted = false }
