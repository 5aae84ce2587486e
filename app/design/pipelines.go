package design

import (
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// AddEntity adds an entity type with Bitrix24's default pipeline in the
// scenario's locale. A smart process is "DYNAMIC_<n>"; NextDynamicType
// suggests a free one.
func AddEntity(sc *engine.Scenario, typ string) error {
	if !engine.ValidEntityType(typ) {
		return fail("entity.invalid", typ)
	}
	if Entity(sc, typ) != nil {
		return fail("entity.exists", typ)
	}
	sc.Entities = append(sc.Entities, engine.Entity{
		Type:      typ,
		Pipelines: []engine.Pipeline{engine.DefaultPipeline(typ, sc.Locale, 0)},
	})
	return nil
}

// NextDynamicType is the first smart-process type (from DYNAMIC_128) that
// the scenario does not have yet.
func NextDynamicType(sc *engine.Scenario) string {
	for n := 128; n <= 191; n++ {
		t := "DYNAMIC_" + strconv.Itoa(n)
		if Entity(sc, t) == nil {
			return t
		}
	}
	for n := 1030; ; n += 2 {
		t := "DYNAMIC_" + strconv.Itoa(n)
		if Entity(sc, t) == nil {
			return t
		}
	}
}

// AddPipeline adds a pipeline with the default stages of its type (deal
// stages get the "C<n>:" prefix, smart invoices and smart processes
// "DT<type>_<n>:"), named name, and returns its id. Leads, quotes and
// orders have exactly one pipeline in Bitrix24.
func AddPipeline(sc *engine.Scenario, typ, name string) (int, error) {
	e := Entity(sc, typ)
	if e == nil {
		return 0, fail("entity.unknown", typ)
	}
	if engine.SinglePipeline(typ) {
		return 0, fail("pipeline.single", typ)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, fail("pipeline.name")
	}
	id := 1
	for _, p := range e.Pipelines {
		if p.ID >= id {
			id = p.ID + 1
		}
	}
	p := engine.DefaultPipeline(typ, sc.Locale, id)
	p.Name = name
	// A hand-made stage may already use a default id: keep ids unique.
	for i := range p.Stages {
		for stageIDTaken(e, p.Stages[i].ID) {
			p.Stages[i].ID += "_" + strconv.Itoa(id)
		}
	}
	e.Pipelines = append(e.Pipelines, p)
	touch(e)
	return id, nil
}

// RenamePipeline changes a pipeline's name.
func RenamePipeline(sc *engine.Scenario, typ string, id int, name string) error {
	p := Pipeline(sc, typ, id)
	if p == nil {
		return fail("pipeline.unknown", strconv.Itoa(id), typ)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return fail("pipeline.name")
	}
	p.Name = name
	touch(Entity(sc, typ))
	return nil
}

// PipelineUsage counts the triggers and robots on a pipeline's stages,
// for the confirmation before deleting it.
func PipelineUsage(sc *engine.Scenario, typ string, id int) (triggers, robots int) {
	p := Pipeline(sc, typ, id)
	if p == nil {
		return 0, 0
	}
	for _, st := range p.Stages {
		t, r := StageUsage(sc, typ, st.ID)
		triggers += t
		robots += r
	}
	return triggers, robots
}

// DeletePipeline removes a pipeline with its triggers and robots. As in
// Bitrix24 the general pipeline (id 0) stays, and a pipeline that items
// are in cannot be deleted; a «Сменить воронку» robot that leads to it
// must be changed first.
func DeletePipeline(sc *engine.Scenario, typ string, id int) error {
	e := Entity(sc, typ)
	if e == nil {
		return fail("entity.unknown", typ)
	}
	p := Pipeline(sc, typ, id)
	if p == nil {
		return fail("pipeline.unknown", strconv.Itoa(id), typ)
	}
	if id == 0 {
		return fail("pipeline.default", p.Name)
	}
	if len(e.Pipelines) == 1 {
		return fail("pipeline.last", p.Name)
	}
	var items []string
	for _, it := range sc.Items {
		if it.Entity != typ {
			continue
		}
		if ref, ok := FindStage(sc, typ, it.Stage); ok && ref.Pipeline == id {
			items = append(items, engine.Target(typ, it.ID))
		}
	}
	if len(items) > 0 {
		return fail("pipeline.items", p.Name, strings.Join(items, ", "))
	}
	for _, r := range sc.Robots {
		if r.Entity == typ && r.Type == engine.RobotChangePipeline && intParam(r.Params, "pipeline") == id {
			return fail("pipeline.robot", p.Name, robotLabel(r))
		}
	}
	removing := map[string]bool{}
	for _, st := range p.Stages {
		removing[st.ID] = true
	}
	for _, st := range p.Stages {
		if err := stageReferenced(sc, typ, st.ID, removing); err != nil {
			return err
		}
	}
	for _, st := range p.Stages {
		removeOnStage(sc, typ, st.ID)
	}
	for i := range e.Pipelines {
		if e.Pipelines[i].ID == id {
			e.Pipelines = append(e.Pipelines[:i], e.Pipelines[i+1:]...)
			break
		}
	}
	touch(e)
	return nil
}

func stageIDTaken(e *engine.Entity, id string) bool {
	for _, p := range e.Pipelines {
		for _, st := range p.Stages {
			if st.ID == id {
				return true
			}
		}
	}
	return false
}

// intParam reads an integer param that may be an int or a JSON number.
func intParam(m map[string]any, key string) int {
	switch v := m[key].(type) {
	case int:
		return v
	case float64:
		return int(v)
	case int64:
		return int(v)
	}
	return -1
}

func robotLabel(r engine.Robot) string {
	if r.Name != "" {
		return "«" + r.Name + "» (" + r.ID + ")"
	}
	return r.ID
}

func triggerLabel(t engine.Trigger) string {
	if t.Name != "" {
		return "«" + t.Name + "» (" + t.ID + ")"
	}
	return t.ID
}
