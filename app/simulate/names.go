package simulate

import (
	"strconv"

	"github.com/triggersim/triggersim/app/i18n"

	"github.com/triggersim/triggersim/engine"
)

// Names turns the ids in the log (stages, triggers, robots, users, items)
// into the words the scenario gives them, so explanations read like
// Bitrix24 and not like a JSON file.
type Names struct {
	stages   map[string]engine.Stage // entity + "\x00" + stage id
	pipes    map[string]string       // entity + "\x00" + pipeline id
	triggers map[string]engine.Trigger
	robots   map[string]engine.Robot
	users    map[int]string
	clients  map[string]string
}

// NewNames indexes a scenario.
func NewNames(sc *engine.Scenario) *Names {
	n := &Names{
		stages: map[string]engine.Stage{}, pipes: map[string]string{},
		triggers: map[string]engine.Trigger{}, robots: map[string]engine.Robot{},
		users: map[int]string{}, clients: map[string]string{},
	}
	for _, e := range sc.Entities {
		for _, p := range e.Pipelines {
			n.pipes[e.Type+"\x00"+strconv.Itoa(p.ID)] = p.Name
			for _, st := range p.Stages {
				n.stages[e.Type+"\x00"+st.ID] = st
			}
		}
	}
	for _, t := range sc.Triggers {
		n.triggers[t.ID] = t
	}
	for _, r := range sc.Robots {
		n.robots[r.ID] = r
	}
	for _, u := range sc.Users {
		n.users[u.ID] = u.Name
	}
	for _, c := range sc.Clients {
		n.clients[engine.Target(c.Type, c.ID)] = c.Name
	}
	return n
}

// Stage is a stage's name in an entity type; the id when unknown.
func (n *Names) Stage(entity, id string) string {
	if st, ok := n.stages[entity+"\x00"+id]; ok && st.Name != "" {
		return st.Name
	}
	return id
}

// StageColor is a stage's colour, "" when unknown.
func (n *Names) StageColor(entity, id string) string {
	return n.stages[entity+"\x00"+id].Color
}

// Pipeline is a pipeline's name.
func (n *Names) Pipeline(entity string, id int) string {
	if s, ok := n.pipes[entity+"\x00"+strconv.Itoa(id)]; ok && s != "" {
		return s
	}
	return strconv.Itoa(id)
}

// Trigger is a trigger's name: its own, else the catalogue's short name of
// its code, else its id.
func (n *Names) Trigger(id, lang string) string {
	t, ok := n.triggers[id]
	if !ok {
		return id
	}
	if t.Name != "" {
		return t.Name
	}
	return CodeName(t.Code, lang)
}

// TriggerStage is the stage id a trigger sits on, "" when unknown.
func (n *Names) TriggerStage(id string) string { return n.triggers[id].Stage }

// Robot is a robot's name: its own, else the Bitrix24 name of its type in
// lang («Изменить стадию», never the code ChangeStage), else its id.
func (n *Names) Robot(id, lang string) string {
	r, ok := n.robots[id]
	if !ok {
		return id
	}
	if r.Name != "" {
		return r.Name
	}
	return engine.RobotTypeName(r.Type, pick(lang))
}

// User is a user's name; "#id" when unknown, "" for 0.
func (n *Names) User(id int) string {
	if id == 0 {
		return ""
	}
	if s, ok := n.users[id]; ok && s != "" {
		return s
	}
	return "#" + strconv.Itoa(id)
}

// Client is a client's name, "" when not in the scenario.
func (n *Names) Client(target string) string { return n.clients[target] }

// CodeName is the catalogue's short name of a trigger code in lang, or
// the words of a user action; the code itself when unknown.
func CodeName(code, lang string) string {
	if ti, ok := engine.LookupTrigger(code); ok {
		if s := ti.ShortName[pick(lang)]; s != "" {
			return s
		}
		return ti.Name[pick(lang)]
	}
	switch code {
	case engine.CodeCreate, engine.CodeUpdate, engine.CodeMove:
		return i18n.T(lang, "board.code."+code)
	}
	return code
}

func pick(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "ru"
}

// EntityOf is the entity type of an item target ("DEAL" for "DEAL_3"),
// or "" when the target is not an item.
func EntityOf(target string) string {
	t, _, ok := engine.ParseTarget(target)
	if !ok {
		return ""
	}
	switch t {
	case "CONTACT", "COMPANY", "EMAIL", "TASK":
		return ""
	}
	return t
}
