package engine

import (
	"slices"
	"sort"
)

// Cycles.

// lintEdge is one way the design moves an item from a stage to another
// without an outside event: a robot of the stage, alone (change stage,
// change pipeline) or through the trigger its action fires (a field write
// firing FIELD_CHANGED or RESP_CHANGED, an e-mail firing EMAIL_SENT).
type lintEdge struct {
	from, to lintRef
	robot    int
	trigger  int // -1 when the robot moves the item itself
	delayed  bool
	// field and value are what the robot writes when the edge goes through
	// FIELD_CHANGED or RESP_CHANGED: the loop repeats only if something
	// else on the way writes another value.
	field string
	value any
}

// checkCycles draws the stage graph of those edges and reports its
// elementary cycles (section 3.6). Robots and triggers with a condition are
// left out, since a condition may be what ends the loop.
func (l *linter) checkCycles() {
	live := l.liveRobots()
	delayed := l.delayedRobots()
	var edges []lintEdge
	for i, r := range l.sc.Robots {
		if !live[i] || len(r.Condition) > 0 {
			continue
		}
		edges = append(edges, l.robotEdges(i, delayed[i])...)
	}
	out := map[lintRef][]lintEdge{}
	var nodes []lintRef
	for _, e := range edges {
		if _, ok := out[e.from]; !ok {
			nodes = append(nodes, e.from)
		}
		out[e.from] = append(out[e.from], e)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].less(nodes[j]) })
	const maxCycles, maxSteps = 20, 20000
	found, steps := 0, 0
	for _, start := range nodes {
		// Johnson-style enumeration without the blocking sets: only cycles
		// whose smallest node is start, so each is found once.
		var path []lintRef
		on := map[lintRef]bool{}
		var dfs func(n lintRef)
		dfs = func(n lintRef) {
			if found >= maxCycles || steps >= maxSteps {
				return
			}
			steps++
			path = append(path, n)
			on[n] = true
			var next []lintRef
			seen := map[lintRef]bool{}
			for _, e := range out[n] {
				if !seen[e.to] {
					seen[e.to] = true
					next = append(next, e.to)
				}
			}
			sort.Slice(next, func(i, j int) bool { return next[i].less(next[j]) })
			for _, m := range next {
				switch {
				case m == start:
					if l.reportCycle(path, out, live) {
						found++
					}
				case !on[m] && start.less(m):
					dfs(m)
				}
			}
			on[n] = false
			path = path[:len(path)-1]
		}
		dfs(start)
	}
}

// liveRobots marks the robots that run when an item enters their stage:
// active, and not behind an immediate unconditional change-stage or
// change-pipeline robot above them on the stage, which ends the stage's
// workflow before they start (section 3.4).
func (l *linter) liveRobots() []bool {
	live := make([]bool, len(l.sc.Robots))
	ended := map[lintRef]bool{}
	delayed := l.delayedRobots()
	for i, r := range l.sc.Robots {
		if !l.rob[i].ok {
			continue
		}
		ref := l.rob[i].ref
		active := r.Active == nil || *r.Active
		live[i] = active && !ended[ref]
		if live[i] && !delayed[i] && len(r.Condition) == 0 && (r.Type == RobotChangeStage || r.Type == RobotChangePipeline) {
			ended[ref] = true
		}
	}
	return live
}

// delayedRobots marks robots that run later than the stage entry: their
// own delay, or a chain ("after previous") behind a delayed robot.
func (l *linter) delayedRobots() []bool {
	out := make([]bool, len(l.sc.Robots))
	last := map[lintRef]int{}
	for i, r := range l.sc.Robots {
		if !l.rob[i].ok {
			continue
		}
		ref := l.rob[i].ref
		out[i] = hasDelay(r.Delay)
		if p, ok := last[ref]; ok && r.AfterPrevious && out[p] {
			out[i] = true
		}
		last[ref] = i
	}
	return out
}

// hasDelay reports whether a delay setting makes the robot wait; "after 0"
// without anything else is "immediately".
func hasDelay(d *Delay) bool {
	return d != nil && !(d.Type == DelayAfter && d.Value == 0 && d.Basis == "" && d.Time == "" && !d.WorkTime && !d.WaitWorkDay)
}

// robotEdges are the moves robot i sets off by itself.
func (l *linter) robotEdges(i int, delayed bool) []lintEdge {
	r := &l.sc.Robots[i]
	from := l.rob[i].ref
	edge := lintEdge{from: from, robot: i, trigger: -1, delayed: delayed}
	var out []lintEdge
	switch r.Type {
	case RobotChangeStage:
		id, _ := r.Params["stage"].(string)
		if to, ok := l.stageRef(r.Entity, id); ok && to.pipe == from.pipe && to != from {
			edge.to = to
			out = append(out, edge)
		}
	case RobotChangePipeline:
		e := &l.sc.Entities[from.entity]
		for p := range e.Pipelines {
			if e.Pipelines[p].ID == intOf(r.Params["pipeline"]) && p != from.pipe {
				if land := pipelineLandings(&e.Pipelines[p]); len(land) > 0 {
					edge.to = lintRef{from.entity, p, land[0]}
					out = append(out, edge)
				}
			}
		}
	case RobotSendEmail:
		if t, ok := l.firstTrigger(from, "EMAIL_SENT", nil); ok {
			edge.trigger, edge.to = t, l.trig[t].ref
			out = append(out, edge)
		}
	case RobotChangeResponsible:
		if t, ok := l.firstTrigger(from, "RESP_CHANGED", nil); ok {
			edge.trigger, edge.to = t, l.trig[t].ref
			edge.field, edge.value = "ASSIGNED_BY_ID", float64(intOf(r.Params["user"]))
			out = append(out, edge)
		}
	case RobotUpdateFields:
		fields, _ := r.Params["fields"].(map[string]any)
		src := from
		for _, k := range []string{"STAGE_ID", "STATUS_ID"} {
			if id, ok := fields[k].(string); ok {
				if to, ok := l.stageRef(r.Entity, id); ok && to.pipe == from.pipe && to != from {
					src = to
				}
			}
		}
		if src != from {
			e := edge
			e.to = src
			out = append(out, e)
		}
		var changed []string
		for _, k := range sortedKeys(fields) {
			if k != "STAGE_ID" && k != "STATUS_ID" {
				changed = append(changed, k)
			}
		}
		if len(changed) == 0 {
			break
		}
		// RESP_CHANGED first; FIELD_CHANGED only when it did not apply.
		if _, ok := fields["ASSIGNED_BY_ID"]; ok {
			if t, ok := l.firstTrigger(src, "RESP_CHANGED", nil); ok {
				edge.trigger, edge.to = t, l.trig[t].ref
				edge.field, edge.value = "ASSIGNED_BY_ID", fields["ASSIGNED_BY_ID"]
				return append(out, edge)
			}
		}
		if t, ok := l.firstTrigger(src, "FIELD_CHANGED", changed); ok {
			edge.trigger, edge.to = t, l.trig[t].ref
			for _, f := range changed {
				if FieldWatchable(f, r.Entity) && slices.Contains(stringList(l.sc.Triggers[t].Settings["fields"]), f) {
					edge.field, edge.value = f, fields[f]
					break
				}
			}
			out = append(out, edge)
		}
	}
	return out
}

// firstTrigger is the trigger of code that wins for an item on stage from
// (section 2.4), when the outcome is certain: the first candidate in stage
// order whose settings accept the change. If that candidate has a
// condition the outcome depends on data, and no edge is drawn.
func (l *linter) firstTrigger(from lintRef, code string, changed []string) (int, bool) {
	var cands []int
	for i, t := range l.sc.Triggers {
		s := l.trig[i]
		if t.Code != code || !s.ok || !l.supported[i] || s.ref.entity != from.entity || s.ref.pipe != from.pipe {
			continue
		}
		if s.ref.stage == from.stage || s.ref.stage < from.stage && !t.AllowBackwards {
			continue
		}
		if code == "FIELD_CHANGED" {
			ok, _ := fieldChangedMatches(t.Settings, changed, t.Entity)
			if !ok {
				continue
			}
		}
		cands = append(cands, i)
	}
	if len(cands) == 0 {
		return 0, false
	}
	sort.SliceStable(cands, func(a, b int) bool { return l.trig[cands[a]].ref.stage < l.trig[cands[b]].ref.stage })
	if len(l.sc.Triggers[cands[0]].Condition) > 0 {
		return 0, false
	}
	return cands[0], true
}

// reportCycle turns a cycle of stages into a finding, choosing for each hop
// the edge that keeps the loop going (an immediate one first). It reports
// false when no choice of edges loops: a field write that nothing in the
// loop changes back fires its trigger once, not again.
func (l *linter) reportCycle(path []lintRef, out map[lintRef][]lintEdge, live []bool) bool {
	onCycle := map[lintRef]bool{}
	for _, n := range path {
		onCycle[n] = true
	}
	hops := make([]lintEdge, len(path))
	for k, from := range path {
		to := path[(k+1)%len(path)]
		best := -1
		for j, e := range out[from] {
			if e.to != to || !l.edgeRepeats(e, onCycle, live) {
				continue
			}
			if best < 0 || out[from][best].delayed && !e.delayed {
				best = j
			}
		}
		if best < 0 {
			return false
		}
		hops[k] = out[from][best]
	}
	immediate, guarded := true, false
	var cycle []string
	var parts []Reason
	for _, h := range hops {
		r := &l.sc.Robots[h.robot]
		if h.delayed {
			immediate = false
		}
		if r.Type == RobotChangeStage {
			guarded = true
		}
		cycle = append(cycle, "robot "+r.ID)
		refs := []Reason{{Code: "lint.robotRef", Args: []string{r.ID}, Parts: []Reason{{Code: "robot.type." + r.Type}}}}
		if h.trigger >= 0 {
			t := &l.sc.Triggers[h.trigger]
			cycle = append(cycle, "trigger "+t.ID)
			refs = append(refs, Reason{Code: "lint.triggerRef", Args: []string{t.ID}, Parts: []Reason{{Code: "trigger.name." + t.Code}}})
		}
		parts = append(parts, Reason{Code: "lint.step", Args: []string{l.stage(h.from).ID}, Parts: refs})
	}
	parts = append(parts, Reason{Code: "lint.plain", Args: []string{l.stage(hops[0].from).ID}})
	code := "lint.cycleDelayed"
	switch {
	case immediate && guarded:
		code = "lint.cycleGuarded"
	case immediate:
		code = "lint.cycleUnguarded"
	}
	f := l.robotFinding(hops[0].robot, LintCycle, SeverityWarning, robotPath(hops[0].robot),
		Reason{Code: code, Parts: []Reason{{Code: "lint.drawing", Parts: parts}}})
	f.Cycle = cycle
	l.out = append(l.out, f)
	return true
}

// edgeRepeats reports whether the edge fires again on the next lap: moves
// and e-mails always do; a field write only when some live, unconditional
// robot on the loop writes another value to the same field in between.
func (l *linter) edgeRepeats(e lintEdge, onCycle map[lintRef]bool, live []bool) bool {
	if e.field == "" {
		return true
	}
	em := &l.sc.Entities[e.from.entity]
	typ := fieldTypeOf(em, e.field, e.value)
	for i, r := range l.sc.Robots {
		if i == e.robot || !live[i] || len(r.Condition) > 0 || !onCycle[l.rob[i].ref] {
			continue
		}
		var v any
		var writes bool
		switch r.Type {
		case RobotUpdateFields:
			fields, _ := r.Params["fields"].(map[string]any)
			v, writes = fields[e.field]
		case RobotChangeResponsible:
			v, writes = float64(intOf(r.Params["user"])), e.field == "ASSIGNED_BY_ID"
		}
		if writes && !ValuesEqual(typ, v, e.value) {
			return true
		}
	}
	return false
}

// fieldTypeOf types a field for comparing written values: standard, then
// declared, then inferred from the value.
func fieldTypeOf(e *Entity, id string, v any) string {
	if t := standardFieldType(id); t != "" {
		return t
	}
	for _, f := range e.Fields {
		if f.ID == id {
			return f.Type
		}
	}
	if t := InferFieldType(v); t != "" {
		return t
	}
	return FieldString
}
