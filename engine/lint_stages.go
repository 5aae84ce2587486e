package engine

import (
	"strconv"
	"strings"
)

// Unreachable stages.

// checkStages warns about stages that nothing in the scenario brings an
// item to: no trigger, no robot (change stage, change pipeline, a stage
// write), no CREATE, MOVE or UPDATE of the script and no starting item.
// First stages are where managers create items, so they are skipped; so are
// final stages and the stages of default pipelines that carry no robots,
// which people close or use by hand: reporting them would be noise.
func (l *linter) checkStages() {
	reached := map[lintRef]bool{}
	mark := func(entityType, id string) {
		if ref, ok := l.stageRef(entityType, id); ok {
			reached[ref] = true
		}
	}
	for _, it := range l.sc.Items {
		mark(it.Entity, it.Stage)
	}
	for i, t := range l.sc.Triggers {
		if l.trig[i].ok && l.supported[i] && !l.fireless(i) {
			mark(t.Entity, t.Stage)
		}
	}
	for i, r := range l.sc.Robots {
		if !l.rob[i].ok {
			continue
		}
		switch r.Type {
		case RobotChangeStage:
			id, _ := r.Params["stage"].(string)
			mark(r.Entity, id)
		case RobotUpdateFields:
			fields, _ := r.Params["fields"].(map[string]any)
			markStageFields(fields, r.Entity, mark)
		case RobotChangePipeline:
			e := &l.sc.Entities[l.rob[i].ref.entity]
			for p := range e.Pipelines {
				if e.Pipelines[p].ID == intOf(r.Params["pipeline"]) {
					for _, s := range pipelineLandings(&e.Pipelines[p]) {
						reached[lintRef{l.rob[i].ref.entity, p, s}] = true
					}
				}
			}
		}
	}
	for _, ev := range l.sc.Events {
		switch ev.Code {
		case CodeCreate:
			id, _ := ev.Data["stage"].(string)
			mark(ev.Target, id)
		case CodeMove:
			typ, _, _ := ParseTarget(ev.Target)
			id, _ := ev.Data["stage"].(string)
			mark(typ, id)
		case CodeUpdate:
			typ, _, _ := ParseTarget(ev.Target)
			fields, _ := ev.Data["fields"].(map[string]any)
			markStageFields(fields, typ, mark)
		}
	}
	robotsOn := map[lintRef][]string{}
	for i, r := range l.sc.Robots {
		if l.rob[i].ok {
			robotsOn[l.rob[i].ref] = append(robotsOn[l.rob[i].ref], r.ID)
		}
	}
	for e := range l.sc.Entities {
		ent := &l.sc.Entities[e]
		for p := range ent.Pipelines {
			pl := &ent.Pipelines[p]
			for s := 1; s < len(pl.Stages); s++ {
				ref := lintRef{e, p, s}
				st := pl.Stages[s]
				robots := robotsOn[ref]
				if reached[ref] || len(robots) == 0 && (ent.PipelinesDefaulted || st.Semantics != Process) {
					continue
				}
				why := Reason{Code: "lint.unreachable", Args: []string{st.ID}}
				if len(robots) > 0 {
					why = Reason{Code: "lint.unreachableRobots", Args: []string{st.ID, strings.Join(robots, ", ")}}
				}
				l.out = append(l.out, Finding{
					Code: LintStageUnreachable, Severity: SeverityWarning, Entity: ent.Type, Pipeline: pl.ID, Stage: st.ID,
					Path: "entities[" + strconv.Itoa(e) + "].pipelines[" + strconv.Itoa(p) + "].stages[" + strconv.Itoa(s) + "]",
					Why:  why,
				})
			}
		}
	}
}

func markStageFields(fields map[string]any, entityType string, mark func(string, string)) {
	for _, k := range []string{"STAGE_ID", "STATUS_ID"} {
		if id, ok := fields[k].(string); ok {
			mark(entityType, id)
		}
	}
}

// pipelineLandings are the stages a ChangePipeline robot can put a deal on
// (section 3.4): the first non-success stage for a deal in progress, the
// success stage for a won deal, the first failure stage for a lost one.
func pipelineLandings(p *Pipeline) []int {
	var out []int
	first, success := -1, -1
	for i, st := range p.Stages {
		if st.Semantics != Success && first < 0 {
			first = i
		}
		if st.Semantics == Success {
			success = i
		}
	}
	if first >= 0 {
		out = append(out, first)
	}
	if success >= 0 {
		out = append(out, success)
		if success+1 < len(p.Stages) {
			out = append(out, success+1)
		}
	}
	return out
}
