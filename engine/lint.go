package engine

import (
	"sort"
	"strconv"
	"strings"
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

// Finding is one lint result, located in the scenario file (Path) and by
// its place (Entity, Pipeline, Stage, and Trigger or Robot), from which the
// app builds its own link (app/lintview.FindingLink).
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

// triggerFinding fills a finding about trigger i.
func (l *linter) triggerFinding(i int, code, severity, path string, why Reason) Finding {
	t := &l.sc.Triggers[i]
	f := Finding{Code: code, Severity: severity, Entity: t.Entity, Trigger: t.ID, Path: path, Why: why, Stage: t.Stage}
	if s := l.trig[i]; s.ok {
		f.Pipeline = l.pipeline(s.ref).ID
		f.Stage = l.stage(s.ref).ID
	}
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
