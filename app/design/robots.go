package design

import (
	"strconv"

	"github.com/triggersim/triggersim/engine"
)

// RobotTypes are the robot types of the scenario format, in the order the
// robot picker shows them.
func RobotTypes() []string {
	return []string{engine.RobotChangeStage, engine.RobotUpdateFields, engine.RobotChangeResponsible,
		engine.RobotChangePipeline, engine.RobotCreateTask, engine.RobotSendEmail, engine.RobotSendSms,
		engine.RobotNotify, engine.RobotAddComment}
}

// StageRobots returns the robots placed on a stage, in file order (their
// order on the stage, which «после предыдущего» chains follow).
func StageRobots(sc *engine.Scenario, typ, stage string) []engine.Robot {
	var out []engine.Robot
	for _, r := range sc.Robots {
		if OnStage(sc, r.Entity, r.Stage, typ, stage) {
			out = append(out, r)
		}
	}
	return out
}

// DefaultParams are the params a new robot of type robotType starts with
// on a stage: the next stage for «Изменить стадию», the first user for
// «Сменить ответственного», another pipeline for «Сменить воронку», and
// text (in the interface language, from the caller) for the text robots.
func DefaultParams(sc *engine.Scenario, typ, stage, robotType, text string) (map[string]any, error) {
	ref, ok := FindStage(sc, typ, stage)
	if !ok {
		return nil, fail("stage.unknown", stage, typ)
	}
	switch robotType {
	case engine.RobotChangeStage:
		p := Pipeline(sc, typ, ref.Pipeline)
		next := p.Stages[0].ID
		if ref.Index+1 < len(p.Stages) {
			next = p.Stages[ref.Index+1].ID
		}
		return map[string]any{"stage": next}, nil
	case engine.RobotUpdateFields:
		return map[string]any{"fields": map[string]any{"COMMENTS": text}}, nil
	case engine.RobotChangeResponsible:
		user := 1
		if len(sc.Users) > 0 {
			user = sc.Users[0].ID
		}
		return map[string]any{"user": user}, nil
	case engine.RobotChangePipeline:
		if typ != "DEAL" {
			return nil, fail("robot.type", robotType, typ)
		}
		for _, p := range Entity(sc, typ).Pipelines {
			if p.ID != ref.Pipeline {
				return map[string]any{"pipeline": p.ID}, nil
			}
		}
		return nil, fail("robot.pipeline")
	case engine.RobotCreateTask:
		return map[string]any{"title": text}, nil
	case engine.RobotSendEmail:
		return map[string]any{"subject": text}, nil
	case engine.RobotSendSms, engine.RobotNotify, engine.RobotAddComment:
		return map[string]any{"text": text}, nil
	}
	return nil, fail("robot.type", robotType, typ)
}

// AddRobot places r (its ID is ignored) last on its stage and returns the
// new id.
func AddRobot(sc *engine.Scenario, r engine.Robot) (string, error) {
	if Entity(sc, r.Entity) == nil {
		return "", fail("entity.unknown", r.Entity)
	}
	ref, ok := FindStage(sc, r.Entity, r.Stage)
	if !ok {
		return "", fail("stage.unknown", r.Stage, r.Entity)
	}
	if err := checkRobotType(r); err != nil {
		return "", err
	}
	r.Stage = ref.Stage.ID
	r.ID = NextRobotID(sc)
	sc.Robots = insertRobot(sc.Robots, lastOnStage(sc, r.Entity, r.Stage)+1, r)
	return r.ID, nil
}

func checkRobotType(r engine.Robot) error {
	for _, t := range RobotTypes() {
		if t == r.Type {
			if t == engine.RobotChangePipeline && r.Entity != "DEAL" {
				return fail("robot.type", t, r.Entity)
			}
			return nil
		}
	}
	return fail("robot.type", r.Type, r.Entity)
}

// lastOnStage is the index in sc.Robots of the last robot on a stage, or
// len(sc.Robots)-1 when the stage has none (so a new robot goes last).
func lastOnStage(sc *engine.Scenario, typ, stage string) int {
	last := len(sc.Robots) - 1
	found := false
	for i, r := range sc.Robots {
		if OnStage(sc, r.Entity, r.Stage, typ, stage) {
			last, found = i, true
		}
	}
	if !found {
		return len(sc.Robots) - 1
	}
	return last
}

func insertRobot(list []engine.Robot, at int, r engine.Robot) []engine.Robot {
	list = append(list, engine.Robot{})
	copy(list[at+1:], list[at:])
	list[at] = r
	return list
}

// UpdateRobot replaces a robot (matched by r.ID); its entity type stays.
func UpdateRobot(sc *engine.Scenario, r engine.Robot) error {
	cur, ok := sc.RobotByID(r.ID)
	if !ok {
		return fail("robot.unknown", r.ID)
	}
	r.Entity = cur.Entity
	ref, ok := FindStage(sc, r.Entity, r.Stage)
	if !ok {
		return fail("stage.unknown", r.Stage, r.Entity)
	}
	if err := checkRobotType(r); err != nil {
		return err
	}
	r.Stage = ref.Stage.ID
	*cur = r
	return nil
}

// DeleteRobot removes a robot. An expectation that names it must be
// changed first.
func DeleteRobot(sc *engine.Scenario, id string) error {
	for i, r := range sc.Robots {
		if r.ID != id {
			continue
		}
		for j, ex := range sc.Expect {
			if ex.Ran == id || ex.NotRan == id {
				return fail("robot.expect", robotLabel(r), strconv.Itoa(j+1))
			}
		}
		sc.Robots = append(sc.Robots[:i], sc.Robots[i+1:]...)
		return nil
	}
	return fail("robot.unknown", id)
}

// CopyRobot copies a robot to the end of a stage of the same entity type
// and returns the copy's id.
func CopyRobot(sc *engine.Scenario, id, toStage string) (string, error) {
	r, ok := sc.RobotByID(id)
	if !ok {
		return "", fail("robot.unknown", id)
	}
	c := *r
	c.Stage = toStage
	c.Params = cloneMap(r.Params)
	c.Condition = append(engine.Condition(nil), r.Condition...)
	if r.Delay != nil {
		d := *r.Delay
		c.Delay = &d
	}
	if r.Active != nil {
		a := *r.Active
		c.Active = &a
	}
	return AddRobot(sc, c)
}

// MoveRobot moves a robot one place up (delta -1) or down (+1) among the
// robots of its stage.
func MoveRobot(sc *engine.Scenario, id string, delta int) error {
	r, ok := sc.RobotByID(id)
	if !ok {
		return fail("robot.unknown", id)
	}
	var idx []int
	pos := -1
	for i, x := range sc.Robots {
		if OnStage(sc, x.Entity, x.Stage, r.Entity, canonical(sc, r.Entity, r.Stage)) {
			if x.ID == id {
				pos = len(idx)
			}
			idx = append(idx, i)
		}
	}
	to := pos + delta
	if (delta != -1 && delta != 1) || pos < 0 || to < 0 || to >= len(idx) {
		return fail("robot.edge", robotLabel(*r))
	}
	a, b := idx[pos], idx[to]
	sc.Robots[a], sc.Robots[b] = sc.Robots[b], sc.Robots[a]
	return nil
}

func canonical(sc *engine.Scenario, typ, ref string) string {
	if st, _, ok := sc.FindStage(typ, ref); ok {
		return st.ID
	}
	return ref
}
