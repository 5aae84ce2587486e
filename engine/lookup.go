package engine

import "strconv"

// Lookups over a scenario's design, for reports and the app: names of
// stages, triggers, robots and users as a person reads them.

// FindStage finds a stage of an entity type by id (the bare id of a
// prefixed default stage is accepted, as in the engine).
func (sc *Scenario) FindStage(entityType, id string) (Stage, int, bool) {
	for _, e := range sc.Entities {
		if e.Type != entityType {
			continue
		}
		for _, p := range e.Pipelines {
			for _, st := range p.Stages {
				if st.ID == id {
					return st, p.ID, true
				}
			}
		}
		var found Stage
		var pid, n int
		for _, p := range e.Pipelines {
			for _, st := range p.Stages {
				if i := lastIndexByte(st.ID, ':'); i >= 0 && st.ID[i+1:] == id {
					found, pid = st, p.ID
					n++
				}
			}
		}
		return found, pid, n == 1
	}
	return Stage{}, 0, false
}

// StageLabel is "Name (ID)" for a stage, or the id when it is unknown.
func (sc *Scenario) StageLabel(entityType, id string) string {
	if st, _, ok := sc.FindStage(entityType, id); ok && st.Name != "" {
		return st.Name + " (" + st.ID + ")"
	}
	return id
}

// TriggerByID finds a trigger.
func (sc *Scenario) TriggerByID(id string) (*Trigger, bool) {
	for i := range sc.Triggers {
		if sc.Triggers[i].ID == id {
			return &sc.Triggers[i], true
		}
	}
	return nil, false
}

// RobotByID finds a robot.
func (sc *Scenario) RobotByID(id string) (*Robot, bool) {
	for i := range sc.Robots {
		if sc.Robots[i].ID == id {
			return &sc.Robots[i], true
		}
	}
	return nil, false
}

// UserName is a user's name, or "#id".
func (sc *Scenario) UserName(id int, lang string) string {
	if id == 0 {
		if lang == "en" {
			return "automation"
		}
		return "автоматизация"
	}
	for _, u := range sc.Users {
		if u.ID == id {
			return u.Name
		}
	}
	return "#" + strconv.Itoa(id)
}
