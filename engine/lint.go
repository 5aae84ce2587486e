package engine

import (
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Lint finds design mistakes in a scenario without running it: triggers
// that can never fire or never win, stages nothing leads to, robot and
// trigger loops, delays Bitrix24 changes or that land outside working hours,
// and plan limits. docs/lint.md explains every code. The rules are the
// firing algorithm of bitrix24-automation.md sections 2.3–2.5, the robot
// time settings of 3.3, the loop guards of 3.6 and the plan notes of 6.1:
// each finding is something a Bitrix24 administrator would otherwise learn
// from a live portal.

// Finding codes: stable, so that scripts, the app and the docs can rely on
// them.
const (
	LintTriggerFirstStage    = "TRIGGER_FIRST_STAGE"
	LintTriggerUnsupported   = "TRIGGER_UNSUPPORTED"
	LintTriggerUnsatisfiable = "TRIGGER_UNSATISFIABLE"
	LintTriggerShadowed      = "TRIGGER_SHADOWED"
	LintStageUnreachable     = "STAGE_UNREACHABLE"
	LintCycle                = "CYCLE"
	LintDelayUnderMin        = "DELAY_UNDER_MIN"
	LintDelayOutsideWorkTime = "DELAY_OUTSIDE_WORKTIME"
	LintFieldNotWatchable    = "FIELD_NOT_WATCHABLE"
	LintPlanLimit            = "PLAN_LIMIT"
)

// Severities of a finding. An error is something that can never work; a
// warning works differently from what the design suggests or may fail on a
// live portal; info is a remark that does not make `triggersim lint` fail.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// PlanRobotsLimitAssumed is the number of triggers plus active robots per
// entity type that the PLAN_LIMIT check assumes for Bitrix24's limited
// automation (Basic plan). The real number is a plan variable
// (crm_automation_robots_limit) that no source states (open question 4);
// 5 is an assumption based on third-party plan tables.
const PlanRobotsLimitAssumed = 5

// Finding is one lint result, located in the scenario file (Path) and in
// the app's designer (Link).
type Finding struct {
	Code     string
	Severity string
	Entity   string
	Pipeline int
	Stage    string
	// Trigger is the trigger's id when the finding is about a trigger.
	Trigger string
	// Robot is the robot's id when the finding is about a robot.
	Robot string
	// Path is the JSON path in the scenario: "triggers[3]", "robots[1].delay".
	Path string
	// Link is the place in the designer:
	// "/design?entity=DEAL&pipeline=0&stage=NEW#trigger-t3".
	Link string
	// Cycle lists the steps of a CYCLE in order: "robot r1", "trigger t2", …
	Cycle []string
	// Why is the message; Why.Text("ru") and Why.Text("en") render it.
	Why Reason
}

// Message is the finding's text in lang ("ru" by default, or "en").
func (f Finding) Message(lang string) string { return f.Why.Text(lang) }

// Lint checks a scenario that ReadScenario accepted and returns its
// findings sorted by path (array indexes compared as numbers), then code.
// References it cannot resolve (a hand-built Scenario with an unknown stage)
// are skipped rather than reported: ReadScenario reports those.
func Lint(sc *Scenario) []Finding {
	l := newLinter(sc)
	l.checkTriggers()
	l.checkShadowed()
	l.checkStages()
	l.checkCycles()
	l.checkDelays()
	l.checkPlans()
	sort.SliceStable(l.out, func(i, j int) bool {
		a, b := l.out[i], l.out[j]
		if c := comparePaths(a.Path, b.Path); c != 0 {
			return c < 0
		}
		return a.Code < b.Code
	})
	return l.out
}

// lintRef is a stage located in the scenario: indexes into sc.Entities,
// the entity's Pipelines and the pipeline's Stages.
type lintRef struct {
	entity, pipe, stage int
}

func (r lintRef) less(o lintRef) bool {
	if r.entity != o.entity {
		return r.entity < o.entity
	}
	if r.pipe != o.pipe {
		return r.pipe < o.pipe
	}
	return r.stage < o.stage
}

type linter struct {
	sc  *Scenario
	out []Finding
	// trig and rob are the resolved stages of triggers and robots by index;
	// ok is false for a reference that does not resolve.
	trig, rob []lintSlot
	// known and supported by trigger index.
	info      []TriggerInfo
	known     []bool
	supported []bool
}

type lintSlot struct {
	ref lintRef
	ok  bool
}

func newLinter(sc *Scenario) *linter {
	l := &linter{sc: sc}
	l.trig = make([]lintSlot, len(sc.Triggers))
	l.info = make([]TriggerInfo, len(sc.Triggers))
	l.known = make([]bool, len(sc.Triggers))
	l.supported = make([]bool, len(sc.Triggers))
	for i, t := range sc.Triggers {
		ref, ok := l.stageRef(t.Entity, t.Stage)
		l.trig[i] = lintSlot{ref, ok}
		l.info[i], l.known[i] = LookupTrigger(t.Code)
		l.supported[i] = l.known[i] && l.info[i].Supports(t.Entity)
	}
	l.rob = make([]lintSlot, len(sc.Robots))
	for i, r := range sc.Robots {
		ref, ok := l.stageRef(r.Entity, r.Stage)
		l.rob[i] = lintSlot{ref, ok}
	}
	return l
}

// stageRef resolves a stage id of an entity type the way the engine does:
// the exact id, or the bare id of a prefixed default stage when unambiguous.
func (l *linter) stageRef(entityType, id string) (lintRef, bool) {
	for e := range l.sc.Entities {
		ent := &l.sc.Entities[e]
		if ent.Type != entityType {
			continue
		}
		for p := range ent.Pipelines {
			for s, st := range ent.Pipelines[p].Stages {
				if st.ID == id {
					return lintRef{e, p, s}, true
				}
			}
		}
		var found lintRef
		n := 0
		for p := range ent.Pipelines {
			for s, st := range ent.Pipelines[p].Stages {
				if i := strings.LastIndexByte(st.ID, ':'); i >= 0 && st.ID[i+1:] == id {
					found = lintRef{e, p, s}
					n++
				}
			}
		}
		return found, n == 1
	}
	return lintRef{}, false
}

func (l *linter) entityType(r lintRef) string { return l.sc.Entities[r.entity].Type }

func (l *linter) pipeline(r lintRef) *Pipeline { return &l.sc.Entities[r.entity].Pipelines[r.pipe] }

func (l *linter) stage(r lintRef) Stage { return l.pipeline(r).Stages[r.stage] }

// designLink is the designer address of a stage, with an anchor for a
// trigger or robot ("trigger-t1", "robot-r2") or none.
func designLink(entity string, pipeline int, stage, anchor string) string {
	s := "/design?entity=" + url.QueryEscape(entity) + "&pipeline=" + strconv.Itoa(pipeline)
	if stage != "" {
		s += "&stage=" + url.QueryEscape(stage)
	}
	if anchor != "" {
		s += "#" + url.PathEscape(anchor)
	}
	return s
}

// triggerFinding fills a finding about trigger i.
func (l *linter) triggerFinding(i int, code, severity, path string, why Reason) Finding {
	t := &l.sc.Triggers[i]
	f := Finding{Code: code, Severity: severity, Entity: t.Entity, Trigger: t.ID, Path: path, Why: why, Stage: t.Stage}
	if s := l.trig[i]; s.ok {
		f.Pipeline = l.pipeline(s.ref).ID
		f.Stage = l.stage(s.ref).ID
	}
	f.Link = designLink(f.Entity, f.Pipeline, f.Stage, "trigger-"+t.ID)
	return f
}

// robotFinding fills a finding about robot i.
func (l *linter) robotFinding(i int, code, severity, path string, why Reason) Finding {
	r := &l.sc.Robots[i]
	f := Finding{Code: code, Severity: severity, Entity: r.Entity, Robot: r.ID, Path: path, Why: why, Stage: r.Stage}
	if s := l.rob[i]; s.ok {
		f.Pipeline = l.pipeline(s.ref).ID
		f.Stage = l.stage(s.ref).ID
	}
	f.Link = designLink(f.Entity, f.Pipeline, f.Stage, "robot-"+r.ID)
	return f
}

func triggerPath(i int) string { return "triggers[" + strconv.Itoa(i) + "]" }
func robotPath(i int) string   { return "robots[" + strconv.Itoa(i) + "]" }

// fireless reports whether trigger i can never be a candidate because it
// sits on the first stage without "allow moving back".
func (l *linter) fireless(i int) bool {
	s := l.trig[i]
	return s.ok && s.ref.stage == 0 && !l.sc.Triggers[i].AllowBackwards
}

// ---- Triggers: unsupported, first stage, unsatisfiable, unwatchable ----

func (l *linter) checkTriggers() {
	for i := range l.sc.Triggers {
		t := &l.sc.Triggers[i]
		if !l.trig[i].ok {
			continue
		}
		path := triggerPath(i)
		switch {
		case !l.known[i]:
			l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsupported, SeverityError, path+".code",
				Reason{Code: "lint.unknownCode", Args: []string{t.ID, t.Code}}))
			continue
		case !l.supported[i]:
			l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsupported, SeverityError, path+".code",
				Reason{Code: "lint.unsupported", Args: []string{t.ID, t.Code, t.Entity, l.info[i].SupportedTypes()}}))
			continue
		}
		if l.fireless(i) {
			l.out = append(l.out, l.triggerFinding(i, LintTriggerFirstStage, SeverityError, path,
				Reason{Code: "lint.firstStage", Args: []string{t.ID, l.stage(l.trig[i].ref).ID}}))
		}
		if t.Code == "FIELD_CHANGED" {
			l.checkWatched(i)
			continue
		}
		l.checkEventFilter(i)
	}
}

// checkWatched is FIELD_CHANGED's field list: empty never matches, and
// fields Bitrix24 does not offer are never compared.
func (l *linter) checkWatched(i int) {
	t := &l.sc.Triggers[i]
	path := triggerPath(i) + ".settings.fields"
	var listed, bad []string
	for _, f := range stringList(t.Settings["fields"]) {
		if f == "" {
			continue
		}
		listed = append(listed, f)
		if !FieldWatchable(f, t.Entity) {
			bad = append(bad, f)
		}
	}
	switch {
	case len(listed) == 0:
		l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsatisfiable, SeverityError, path,
			Reason{Code: "lint.fieldsNone", Args: []string{t.ID}}))
	case len(bad) == len(listed):
		l.out = append(l.out, l.triggerFinding(i, LintFieldNotWatchable, SeverityError, path,
			Reason{Code: "lint.unwatchableAll", Args: []string{t.ID, strings.Join(bad, ", ")}}))
	case len(bad) > 0:
		l.out = append(l.out, l.triggerFinding(i, LintFieldNotWatchable, SeverityWarning, path,
			Reason{Code: "lint.unwatchableSome", Args: []string{t.ID, strings.Join(bad, ", ")}}))
	}
}

// checkEventFilter warns when the script has events of the trigger's code
// that could reach its entity type, and the trigger's individual settings
// (form, line, link, code, …) reject every one of them. A scenario without
// such events says nothing about the filter, so it is left alone.
func (l *linter) checkEventFilter(i int) {
	t := &l.sc.Triggers[i]
	if len(t.Settings) == 0 {
		return
	}
	n := 0
	var first Reason
	for _, ev := range l.sc.Events {
		if ev.Code != t.Code || !l.eventMayReach(ev, t) {
			continue
		}
		ok, why := l.info[i].Matches(t.Settings, ev.Data)
		if ok {
			return
		}
		if n == 0 {
			first = why
		}
		n++
	}
	if n == 0 {
		return
	}
	l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsatisfiable, SeverityWarning, triggerPath(i)+".settings",
		Reason{Code: "lint.noEventMatches", Args: []string{t.ID, strconv.Itoa(n), t.Code}, Parts: []Reason{first}}))
}

// eventMayReach reports whether an event could be delivered to an item of
// the trigger's entity type: an item of that type, a client (which reaches
// deals, orders and smart processes only), or an e-mail or task (bound to
// whichever item a robot made it for).
func (l *linter) eventMayReach(ev Event, t *Trigger) bool {
	typ, _, ok := ParseTarget(ev.Target)
	if !ok {
		return false
	}
	switch typ {
	case "CONTACT", "COMPANY":
		return t.Entity == typeDeal || t.Entity == typeOrder || IsDynamic(t.Entity)
	case "EMAIL", "TASK":
		return true
	}
	return typ == t.Entity
}

// ---- Shadowing ----

// checkShadowed finds trigger B whose every chance is taken by an earlier
// trigger A of the same code in the same pipeline: A has no condition and
// its settings accept whatever B's accept, so for the items that would
// reach B from before A's stage, A is tested first and always wins
// (section 2.4: the first passing candidate in stage order).
func (l *linter) checkShadowed() {
	type group struct {
		ref  lintRef // entity and pipeline
		code string
	}
	groups := map[group][]int{}
	var keys []group
	for i := range l.sc.Triggers {
		if !l.trig[i].ok || !l.supported[i] {
			continue
		}
		r := l.trig[i].ref
		g := group{lintRef{r.entity, r.pipe, 0}, l.sc.Triggers[i].Code}
		if _, seen := groups[g]; !seen {
			keys = append(keys, g)
		}
		groups[g] = append(groups[g], i)
	}
	for _, g := range keys {
		list := groups[g]
		sort.SliceStable(list, func(a, b int) bool { return l.trig[list[a]].ref.stage < l.trig[list[b]].ref.stage })
		for k, b := range list {
			if l.fireless(b) {
				continue
			}
			for _, a := range list[:k] {
				ta, tb := &l.sc.Triggers[a], &l.sc.Triggers[b]
				if len(ta.Condition) > 0 || l.fireless(a) || !settingsCover(ta.Code, ta.Entity, ta.Settings, tb.Settings) {
					continue
				}
				sa := l.stage(l.trig[a].ref).ID
				var why Reason
				switch {
				case l.trig[a].ref.stage == l.trig[b].ref.stage:
					why = Reason{Code: "lint.shadowedSame", Args: []string{tb.ID, ta.ID, sa}}
				case ta.AllowBackwards:
					why = Reason{Code: "lint.shadowedBack", Args: []string{tb.ID, ta.ID, sa}}
				default:
					why = Reason{Code: "lint.shadowed", Args: []string{tb.ID, ta.ID, sa}}
				}
				l.out = append(l.out, l.triggerFinding(b, LintTriggerShadowed, SeverityWarning, triggerPath(b), why))
				break
			}
		}
	}
}

// settingsCover reports whether a trigger with settings a accepts every
// event that one with settings b accepts (same code). It is conservative:
// when in doubt it says no, so that shadowing is reported only when sure.
func settingsCover(code, entityType string, a, b map[string]any) bool {
	switch code {
	case "FIELD_CHANGED":
		wa := map[string]bool{}
		for _, f := range stringList(a["fields"]) {
			if f != "" && FieldWatchable(f, entityType) {
				wa[f] = true
			}
		}
		if len(wa) == 0 {
			return false
		}
		for _, f := range stringList(b["fields"]) {
			if f != "" && FieldWatchable(f, entityType) && !wa[f] {
				return false
			}
		}
		return true
	case "APP":
		return settingString(a, "APP_ID") == settingString(b, "APP_ID") && settingString(a, "CODE") == settingString(b, "CODE")
	case "EMAIL_LINK":
		return strings.HasPrefix(settingString(b, "url"), settingString(a, "url"))
	}
	for k, v := range a {
		if settingEmpty(v) {
			continue
		}
		if reflect.DeepEqual(v, b[k]) {
			continue
		}
		if _, isList := v.([]any); !isList && settingString(a, k) != "" && settingString(a, k) == settingString(b, k) {
			continue
		}
		return false
	}
	return true
}

// settingEmpty is an unset individual setting: it filters nothing.
func settingEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case Condition:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	if f, ok := numberOf(v); ok {
		return f == 0
	}
	return false
}

// ---- Unreachable stages ----

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
					Link: designLink(ent.Type, pl.ID, st.ID, ""), Why: why,
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

// ---- Cycles ----

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
				if FieldWatchable(f, r.Entity) && containsString(stringList(l.sc.Triggers[t].Settings["fields"]), f) {
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
		refs := []Reason{{Code: "lint.robotRef", Args: []string{r.ID}, Parts: []Reason{{Code: "lint.robotType." + r.Type}}}}
		if h.trigger >= 0 {
			t := &l.sc.Triggers[h.trigger]
			cycle = append(cycle, "trigger "+t.ID)
			refs = append(refs, Reason{Code: "lint.triggerRef", Args: []string{t.ID}, Parts: []Reason{{Code: "lint.triggerName." + t.Code}}})
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

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ---- Delays ----

// checkDelays reports "after" delays under Bitrix24's 10-minute minimum,
// and delays that certainly land outside company working hours: an exact
// time of day outside them, or a delay counted from a stage entry that the
// script makes at a known moment and that falls on a non-working time.
// Robots that respect working hours (company or the responsible's) are
// shifted by Bitrix24 itself and are not reported.
func (l *linter) checkDelays() {
	cal, err := newCalendar(l.sc.WorkTime, l.sc.Start.Location())
	if err != nil || !cal.hasWorkDays() {
		cal = nil
	}
	for i, r := range l.sc.Robots {
		d := r.Delay
		if d == nil || !l.rob[i].ok {
			continue
		}
		path := robotPath(i) + ".delay"
		if d.Type == DelayAfter && d.Value > 0 && d.Value < 10 && (d.Unit == "m" || d.Unit == "") {
			l.out = append(l.out, l.robotFinding(i, LintDelayUnderMin, SeverityWarning, path,
				Reason{Code: "lint.delayMin", Args: []string{r.ID, strconv.Itoa(d.Value)}}))
		}
		if cal == nil || d.WorkTime || d.WaitWorkDay || !hasDelay(d) {
			continue
		}
		if d.Time != "" {
			if m, err := parseClock(d.Time); err == nil && (m < cal.from || m >= cal.to) {
				l.out = append(l.out, l.robotFinding(i, LintDelayOutsideWorkTime, SeverityWarning, path,
					Reason{Code: "lint.timeOutside", Args: []string{r.ID, d.Time, clockText(cal.from), clockText(cal.to)}}))
				continue
			}
		}
		if d.Basis != "" || r.AfterPrevious || d.Type == DelayBefore {
			continue
		}
		for k, ev := range l.sc.Events {
			if !l.entersStage(ev, l.rob[i].ref) {
				continue
			}
			due := lintDue(d, ev.At.Resolve(l.sc.Start), cal.loc)
			if !cal.isWorking(due) {
				l.out = append(l.out, l.robotFinding(i, LintDelayOutsideWorkTime, SeverityWarning, path,
					Reason{Code: "lint.dueOutside", Args: []string{r.ID, strconv.Itoa(k), due.In(cal.loc).Format("2006-01-02 15:04")}}))
				break
			}
		}
	}
}

// entersStage reports whether a script event puts an item straight onto
// the stage: CREATE on it, MOVE to it, or UPDATE of STAGE_ID to it.
func (l *linter) entersStage(ev Event, ref lintRef) bool {
	typ := l.entityType(ref)
	var id string
	switch ev.Code {
	case CodeCreate:
		if ev.Target != typ {
			return false
		}
		id, _ = ev.Data["stage"].(string)
	case CodeMove, CodeUpdate:
		if t, _, _ := ParseTarget(ev.Target); t != typ {
			return false
		}
		if ev.Code == CodeMove {
			id, _ = ev.Data["stage"].(string)
		} else if f, ok := ev.Data["fields"].(map[string]any); ok {
			id, _ = f["STAGE_ID"].(string)
			if id == "" {
				id, _ = f["STATUS_ID"].(string)
			}
		}
	default:
		return false
	}
	got, ok := l.stageRef(typ, id)
	return ok && got == ref
}

// lintDue is the engine's due time for a delay counted from entered, for a
// delay without a basis field and without working-hours shifts.
func lintDue(d *Delay, entered time.Time, loc *time.Location) time.Time {
	dur, _ := mulDuration(int64(d.Value), unitDuration(d.Unit)) // bounded by the reader
	due := entered
	if d.Type == DelayAfter {
		if d.Value > 0 && dur < 10*time.Minute {
			dur = 10 * time.Minute
		}
		due = entered.Add(dur)
	}
	if d.Time != "" {
		if m, err := parseClock(d.Time); err == nil {
			lt := due.In(loc)
			due = time.Date(lt.Year(), lt.Month(), lt.Day(), m/60, m%60, 0, 0, loc)
		}
	}
	return due
}

func clockText(minutes int) string {
	return twoDigits(minutes/60) + ":" + twoDigits(minutes%60)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// ---- Plans ----

// checkPlans warns when a lead or deal design has more triggers plus active
// robots than the assumed limit of Bitrix24's limited automation (section
// 6.1: over the limit nothing runs for the entity type), and notes task
// automation being a Professional feature (HD-8255031).
func (l *linter) checkPlans() {
	for e := range l.sc.Entities {
		ent := &l.sc.Entities[e]
		if ent.Type != typeLead && ent.Type != typeDeal {
			continue
		}
		// Bitrix24 counts a deal's default pipeline only (section 6.1).
		inCount := func(s lintSlot) bool {
			return s.ok && s.ref.entity == e && ent.Pipelines[s.ref.pipe].ID == 0
		}
		n := 0
		for i := range l.sc.Triggers {
			if inCount(l.trig[i]) {
				n++
			}
		}
		for i, r := range l.sc.Robots {
			if inCount(l.rob[i]) && (r.Active == nil || *r.Active) {
				n++
			}
		}
		if n > PlanRobotsLimitAssumed {
			l.out = append(l.out, Finding{
				Code: LintPlanLimit, Severity: SeverityWarning, Entity: ent.Type,
				Path: "entities[" + strconv.Itoa(e) + "]", Link: designLink(ent.Type, 0, "", ""),
				Why: Reason{Code: "lint.planLimit", Args: []string{ent.Type, strconv.Itoa(n), strconv.Itoa(PlanRobotsLimitAssumed)}},
			})
		}
	}
	for i, t := range l.sc.Triggers {
		if t.Code == "TASK_STATUS" && l.trig[i].ok {
			l.out = append(l.out, l.triggerFinding(i, LintPlanLimit, SeverityInfo, triggerPath(i),
				Reason{Code: "lint.planTasks", Args: []string{t.ID}}))
			break
		}
	}
}

// ---- Order ----

// comparePaths orders JSON paths with array indexes compared as numbers,
// so "triggers[2]" comes before "triggers[10]".
func comparePaths(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, _ := strconv.Atoi(a[:da])
			nb, _ := strconv.Atoi(b[:db])
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// ---- Texts ----

// lintReasonTexts are the sentences of lint findings, plus the names of
// robot types and trigger codes used to draw a cycle. Built once, never
// written.
var lintReasonTexts = buildLintReasonTexts()

func buildLintReasonTexts() map[string]reasonText {
	m := map[string]reasonText{
		"lint.unknownCode": {
			ru: "триггер %s: неизвестный код %s — такого триггера в Битрикс24 нет, он никогда не сработает",
			en: "trigger %s: unknown code %s; Bitrix24 has no such trigger, so it never fires",
		},
		"lint.unsupported": {
			ru: "триггер %s: %s не работает для %s — Битрикс24 не предложит его в списке, и он никогда не сработает; он работает для: %s",
			en: "trigger %s: %s does not work for %s; Bitrix24 does not offer it there and it never fires; it works for %s",
		},
		"lint.firstStage": {
			ru: "триггер %s стоит на первой стадии %s без «Разрешить переходить на предыдущий статус»: раньше первой стадии элементов не бывает, для элементов на ней самой триггер текущей стадии не проверяется, а для элементов дальше по воронке это переход назад — триггер никогда не сработает",
			en: "trigger %s is on the first stage %s without “allow moving back”: no item is ever before the first stage, an item on it skips the trigger of its current stage, and for items further on it is a move back, so it never fires",
		},
		"lint.fieldsNone": {
			ru: "триггер %s «Изменены поля» не отслеживает ни одного поля: пустой список никогда не срабатывает",
			en: "field-change trigger %s watches no field: an empty list never matches",
		},
		"lint.unwatchableAll": {
			ru: "триггер %s отслеживает только поля, которые Битрикс24 не даёт выбрать (%s): изменения этих полей триггер не видит, и он никогда не сработает",
			en: "trigger %s watches only fields Bitrix24 does not let a trigger watch (%s): it never sees their changes and never fires",
		},
		"lint.unwatchableSome": {
			ru: "триггер %s: поля %s Битрикс24 не даёт отслеживать — их изменения триггер не заметит, работают только остальные поля",
			en: "trigger %s: Bitrix24 does not let a trigger watch %s; changes of those fields go unnoticed, only the other fields count",
		},
		"lint.noEventMatches": {
			ru: "триггер %s не подходит ни к одному из событий сценария (%s шт. с кодом %s): %s",
			en: "trigger %s matches none of the scenario's events (%s with code %s): %s",
		},
		"lint.shadowed": {
			ru: "триггер %s перекрыт триггером %s на более ранней стадии %s: у того нет условия, и он срабатывает на то же событие, поэтому для элементов до стадии %[3]s всегда побеждает он; %[1]s сработает только для элементов, уже дошедших до %[3]s",
			en: "trigger %s is shadowed by %s on the earlier stage %s: that one has no condition and accepts the same events, so it always wins for items before %[3]s; %[1]s fires only for items already at %[3]s or later",
		},
		"lint.shadowedBack": {
			ru: "триггер %s перекрыт триггером %s на более ранней стадии %s: у того нет условия, переход назад разрешён, и он срабатывает на то же событие — %[1]s сработает только для элементов, стоящих на самой стадии %[3]s",
			en: "trigger %s is shadowed by %s on the earlier stage %s: that one has no condition, may move back and accepts the same events, so %[1]s fires only for items that are on %[3]s itself",
		},
		"lint.shadowedSame": {
			ru: "триггер %s никогда не сработает: триггер %s на той же стадии %s стоит раньше, не имеет условия и срабатывает на то же событие (порядок триггеров одной стадии — порядок добавления)",
			en: "trigger %s never fires: %s on the same stage %s comes first, has no condition and accepts the same events (triggers of one stage are tried in the order they were added)",
		},
		"lint.unreachable": {
			ru: "на стадию %s ничто не переводит: ни триггер, ни робот, ни событие сценария, ни начальный элемент",
			en: "nothing brings an item to stage %s: no trigger, robot, script event or starting item",
		},
		"lint.unreachableRobots": {
			ru: "на стадию %s ничто не переводит (ни триггер, ни робот, ни событие сценария, ни начальный элемент), поэтому её роботы (%s) не выполнятся",
			en: "nothing brings an item to stage %s (no trigger, robot, script event or starting item), so its robots (%s) never run",
		},
		"lint.cycleGuarded": {
			ru: "цикл без внешнего события: %s. Элемент мечется между стадиями в одном каскаде, пока защита Битрикс24 не остановит процесс на третьем переводе роботом на ту же стадию (рекурсия)",
			en: "a loop that needs no outside event: %s. The item ping-pongs within one cascade until Bitrix24's guard stops the workflow at the third robot move to the same stage (recursion)",
		},
		"lint.cycleUnguarded": {
			ru: "цикл без внешнего события: %s. В цикле нет робота «Изменить стадию», поэтому защита Битрикс24 от рекурсии его не остановит: элемент мечется между стадиями в одном каскаде (симулятор останавливает его по limits.cascade)",
			en: "a loop that needs no outside event: %s. It has no change-stage robot, so Bitrix24's recursion guard does not stop it: the item ping-pongs within one cascade (the simulator stops it at limits.cascade)",
		},
		"lint.cycleDelayed": {
			ru: "цикл с задержкой: %s. Между кругами проходит время, счётчики защиты Битрикс24 сбрасываются, и элемент ходит по кругу бесконечно",
			en: "a loop across time: %s. Time passes between laps, Bitrix24's guard counters reset, and the item loops forever",
		},
		"lint.drawing":  {ru: "%s", en: "%s", ruSep: " ", enSep: " "},
		"lint.step":     {ru: "%s →(%s)→", en: "%s →(%s)→", ruSep: ", ", enSep: ", "},
		"lint.plain":    {ru: "%s", en: "%s"},
		"lint.robotRef": {ru: "%s %s", en: "%s %s"},
		"lint.triggerRef": {
			ru: "%s %s",
			en: "%s %s",
		},
		"lint.delayMin": {
			ru: "робот %s: задержка %s мин. меньше минимальной — Битрикс24 выполнит его через 10 минут",
			en: "robot %s: a delay of %s min is under the minimum; Bitrix24 runs it after 10 minutes",
		},
		"lint.timeOutside": {
			ru: "робот %s выполняется в %s — вне рабочего времени компании (%s–%s), а «Учитывать рабочее время» не включено",
			en: "robot %s runs at %s, outside company working hours (%s–%s), and “respect working hours” is off",
		},
		"lint.dueOutside": {
			ru: "робот %s: для элемента из события events[%s] срок выпадает на %s — нерабочее время компании, а «Учитывать рабочее время» не включено",
			en: "robot %s: for the item of events[%s] it falls due at %s, outside company working hours, and “respect working hours” is off",
		},
		"lint.planLimit": {
			ru: "в %s %s триггеров и активных роботов, больше %s: на тарифах с ограниченной автоматизацией при превышении лимита для этого типа не работает ничего — ни триггеры, ни роботы. Затронуты: «Бесплатный» (автоматизации нет совсем) и «Базовый» (автоматизация ограничена). Лимит задаётся тарифом и в исходниках не указан; число — допущение по сторонним таблицам тарифов",
			en: "%s has %s triggers and active robots, more than %s: on plans with limited automation, going over the limit stops everything for this type, triggers and robots alike. Affected: Free (no automation at all) and Basic (limited automation). The limit is a plan setting not stated in the sources; the number is an assumption from third-party plan tables",
		},
		"lint.planTasks": {
			ru: "триггер %s связан с задачами: по справке Битрикс24 (HD-8255031) автоматизация задач есть только на тарифе «Профессиональный»",
			en: "trigger %s depends on tasks: the Bitrix24 helpdesk (HD-8255031) says task automation is available on the Professional plan only",
		},
	}
	robotNames := map[string][2]string{
		RobotChangeStage:       {"Изменить стадию", "Change stage"},
		RobotUpdateFields:      {"Изменить элемент", "Modify item"},
		RobotChangeResponsible: {"Сменить ответственного", "Change responsible person"},
		RobotChangePipeline:    {"Сменить воронку", "Change pipeline"},
		RobotCreateTask:        {"Поставить задачу", "Create task"},
		RobotSendEmail:         {"Отправить письмо", "Send email"},
		RobotSendSms:           {"Отправить SMS", "Send SMS"},
		RobotNotify:            {"Уведомить сотрудника", "Notify employee"},
		RobotAddComment:        {"Добавить комментарий", "Add comment"},
	}
	for typ, n := range robotNames {
		m["lint.robotType."+typ] = reasonText{ru: escapePercent(n[0]), en: escapePercent(n[1])}
	}
	for _, ti := range catalogue {
		m["lint.triggerName."+ti.Code] = reasonText{ru: escapePercent(ti.ShortName["ru"]), en: escapePercent(ti.ShortName["en"])}
	}
	return m
}

// escapePercent keeps a name literal inside a reason format.
func escapePercent(s string) string { return strings.ReplaceAll(s, "%", "%%") }
