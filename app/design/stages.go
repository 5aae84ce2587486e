package design

import (
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// Stage colours of new stages: Bitrix24's palette.
const (
	colorSuccess = "#7BD500"
	colorFailure = "#FF5752"
)

var processPalette = []string{"#39A8EF", "#2FC6F6", "#55D0E0", "#1EC6FA", "#3BC8F5", "#00A2E8"}

// isColor reports whether s is a colour as Bitrix24 writes it, "#" and six
// hexadecimal digits. A loop, not a regexp: a package-level regexp is
// compiled when the wasm starts, before the first page shows.
func isColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// stagePrefix is the id prefix of a pipeline's stages ("C1:", "DT31_0:"),
// taken from its success stage, which every pipeline has.
func stagePrefix(p *engine.Pipeline) string {
	for _, st := range p.Stages {
		if st.Semantics == engine.Success {
			if i := strings.LastIndexByte(st.ID, ':'); i >= 0 {
				return st.ID[:i+1]
			}
			return ""
		}
	}
	return ""
}

func successIndex(p *engine.Pipeline) int {
	for i, st := range p.Stages {
		if st.Semantics == engine.Success {
			return i
		}
	}
	return -1
}

// AddStage adds a stage to a pipeline and returns its id. A process stage
// goes last among the process stages (just before the success stage), a
// failure stage last of all: the order rules of a pipeline then still hold.
// A pipeline has exactly one success stage, so no second one can be added.
func AddStage(sc *engine.Scenario, typ string, pipeline int, semantics, name string) (string, error) {
	e := Entity(sc, typ)
	if e == nil {
		return "", fail("entity.unknown", typ)
	}
	p := Pipeline(sc, typ, pipeline)
	if p == nil {
		return "", fail("pipeline.unknown", strconv.Itoa(pipeline), typ)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return "", fail("stage.name")
	}
	prefix := stagePrefix(p)
	id := nextID(prefix+"UC_", func(id string) bool { return stageIDTaken(e, id) })
	st := engine.Stage{ID: id, Name: name, Semantics: semantics}
	succ := successIndex(p)
	switch semantics {
	case engine.Process:
		st.Color = processPalette[succ%len(processPalette)]
		p.Stages = insertStage(p.Stages, succ, st)
	case engine.Failure:
		st.Color = colorFailure
		p.Stages = append(p.Stages, st)
	case engine.Success:
		return "", fail("stage.success", p.Stages[succ].Name)
	default:
		return "", fail("stage.semantics", semantics)
	}
	touch(e)
	return id, nil
}

func insertStage(list []engine.Stage, at int, st engine.Stage) []engine.Stage {
	list = append(list, engine.Stage{})
	copy(list[at+1:], list[at:])
	list[at] = st
	return list
}

// UpdateStage renames and recolours a stage. color is "#RRGGBB".
func UpdateStage(sc *engine.Scenario, typ, id, name, color string) error {
	ref, ok := FindStage(sc, typ, id)
	if !ok {
		return fail("stage.unknown", id, typ)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return fail("stage.name")
	}
	if color != "" && !isColor(color) {
		return fail("stage.color", color)
	}
	p := Pipeline(sc, typ, ref.Pipeline)
	p.Stages[ref.Index].Name = name
	p.Stages[ref.Index].Color = strings.ToUpper(color)
	touch(Entity(sc, typ))
	return nil
}

// SetSemantics turns a process stage into a failure stage or back. The
// stage moves to keep the order rules: a new failure stage goes right after
// the success stage, a new process stage right before it. The success stage
// itself is fixed: every pipeline has exactly one.
func SetSemantics(sc *engine.Scenario, typ, id, semantics string) error {
	ref, ok := FindStage(sc, typ, id)
	if !ok {
		return fail("stage.unknown", id, typ)
	}
	p := Pipeline(sc, typ, ref.Pipeline)
	st := p.Stages[ref.Index]
	if st.Semantics == semantics {
		return nil
	}
	succ := successIndex(p)
	switch {
	case st.Semantics == engine.Success:
		return fail("stage.successFixed", st.Name)
	case semantics == engine.Success:
		return fail("stage.success", p.Stages[succ].Name)
	case semantics != engine.Process && semantics != engine.Failure:
		return fail("stage.semantics", semantics)
	case st.Semantics == engine.Process && succ == 1:
		return fail("stage.lastProcess", st.Name)
	}
	p.Stages = append(p.Stages[:ref.Index], p.Stages[ref.Index+1:]...)
	st.Semantics = semantics
	succ = successIndex(p)
	if semantics == engine.Failure {
		if st.Color == "" || isPalette(st.Color) {
			st.Color = colorFailure
		}
		p.Stages = insertStage(p.Stages, succ+1, st)
	} else {
		if st.Color == "" || strings.EqualFold(st.Color, colorFailure) {
			st.Color = processPalette[succ%len(processPalette)]
		}
		p.Stages = insertStage(p.Stages, succ, st)
	}
	touch(Entity(sc, typ))
	return nil
}

func isPalette(c string) bool {
	for _, p := range processPalette {
		if strings.EqualFold(p, c) {
			return true
		}
	}
	return false
}

// MoveStage moves a stage one place left (delta -1) or right (+1). Process
// stages stay before the success stage and failure stages after it; the
// success stage does not move.
func MoveStage(sc *engine.Scenario, typ, id string, delta int) error {
	ref, ok := FindStage(sc, typ, id)
	if !ok {
		return fail("stage.unknown", id, typ)
	}
	p := Pipeline(sc, typ, ref.Pipeline)
	st := p.Stages[ref.Index]
	if st.Semantics == engine.Success {
		return fail("stage.successFixed", st.Name)
	}
	to := ref.Index + delta
	if delta != -1 && delta != 1 || to < 0 || to >= len(p.Stages) {
		return fail("stage.edge", st.Name)
	}
	if p.Stages[to].Semantics != st.Semantics {
		return fail("stage.move", st.Name)
	}
	p.Stages[ref.Index], p.Stages[to] = p.Stages[to], p.Stages[ref.Index]
	touch(Entity(sc, typ))
	return nil
}

// StageUsage counts the triggers and robots placed on a stage: deleting
// the stage deletes them, so the UI asks first.
func StageUsage(sc *engine.Scenario, typ, id string) (triggers, robots int) {
	for _, t := range sc.Triggers {
		if OnStage(sc, t.Entity, t.Stage, typ, id) {
			triggers++
		}
	}
	for _, r := range sc.Robots {
		if OnStage(sc, r.Entity, r.Stage, typ, id) {
			robots++
		}
	}
	return triggers, robots
}

// DeleteStage removes a stage with its triggers and robots. Refused, with
// the reason: the success stage; the last process stage; a stage that
// items are in; a stage that the script, an expectation or a «Изменить
// стадию» robot of another stage names.
func DeleteStage(sc *engine.Scenario, typ, id string) error {
	ref, ok := FindStage(sc, typ, id)
	if !ok {
		return fail("stage.unknown", id, typ)
	}
	p := Pipeline(sc, typ, ref.Pipeline)
	st := p.Stages[ref.Index]
	if st.Semantics == engine.Success {
		return fail("stage.successFixed", st.Name)
	}
	if st.Semantics == engine.Process && successIndex(p) == 1 {
		return fail("stage.lastProcess", st.Name)
	}
	if err := stageReferenced(sc, typ, st.ID, map[string]bool{st.ID: true}); err != nil {
		return err
	}
	removeOnStage(sc, typ, st.ID)
	p.Stages = append(p.Stages[:ref.Index], p.Stages[ref.Index+1:]...)
	touch(Entity(sc, typ))
	return nil
}

// stageReferenced explains why a stage cannot go: items in it, script
// events that move or create items there, expectations about it, robots of
// other stages that move items there.
// Robots on the stages in removing go with them and are not counted.
func stageReferenced(sc *engine.Scenario, typ, id string, removing map[string]bool) error {
	st, _, _ := sc.FindStage(typ, id)
	var items []string
	for _, it := range sc.Items {
		if it.Entity == typ && sameStage(sc, typ, it.Stage, id) {
			items = append(items, engine.Target(typ, it.ID))
		}
	}
	if len(items) > 0 {
		return fail("stage.items", st.Name, strings.Join(items, ", "))
	}
	for i, ev := range sc.Events {
		if eventStage(ev, typ) != "" && sameStage(sc, typ, eventStage(ev, typ), id) {
			return fail("stage.events", st.Name, strconv.Itoa(i+1), ev.Code+" "+ev.Target)
		}
	}
	for i, ex := range sc.Expect {
		if ex.Stage == "" {
			continue
		}
		if t, _, ok := engine.ParseTarget(ex.Target); ok && t == typ && sameStage(sc, typ, ex.Stage, id) {
			return fail("stage.expect", st.Name, strconv.Itoa(i+1))
		}
	}
	for _, r := range sc.Robots {
		if r.Entity != typ || r.Type != engine.RobotChangeStage {
			continue
		}
		if own, ok := FindStage(sc, typ, r.Stage); ok && removing[own.Stage.ID] {
			continue
		}
		if s, _ := r.Params["stage"].(string); s != "" && sameStage(sc, typ, s, id) {
			return fail("stage.robot", st.Name, robotLabel(r))
		}
	}
	return nil
}

// eventStage is the stage a script event names for entity type typ, or "".
func eventStage(ev engine.Event, typ string) string {
	switch ev.Code {
	case engine.CodeCreate:
		if ev.Target != typ {
			return ""
		}
		s, _ := ev.Data["stage"].(string)
		return s
	case engine.CodeMove:
		if t, _, ok := engine.ParseTarget(ev.Target); !ok || t != typ {
			return ""
		}
		s, _ := ev.Data["stage"].(string)
		return s
	case engine.CodeUpdate:
		if t, _, ok := engine.ParseTarget(ev.Target); !ok || t != typ {
			return ""
		}
		f, _ := ev.Data["fields"].(map[string]any)
		s, _ := f["STAGE_ID"].(string)
		return s
	}
	return ""
}

// removeOnStage deletes the triggers and robots placed on a stage.
func removeOnStage(sc *engine.Scenario, typ, id string) {
	ts := sc.Triggers[:0]
	for _, t := range sc.Triggers {
		if !OnStage(sc, t.Entity, t.Stage, typ, id) {
			ts = append(ts, t)
		}
	}
	sc.Triggers = ts
	rs := sc.Robots[:0]
	for _, r := range sc.Robots {
		if !OnStage(sc, r.Entity, r.Stage, typ, id) {
			rs = append(rs, r)
		}
	}
	sc.Robots = rs
}
