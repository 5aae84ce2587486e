package lesson

import (
	"fmt"

	"github.com/triggersim/triggersim/engine"
)

// GoalResult is the verdict on one goal.
type GoalResult struct {
	Index   int
	Name    string
	Pass    bool
	Message string
}

// Report is the verdict on a trainee's scenario.
type Report struct {
	Goals []GoalResult
	// OutOfScope lists the sections changed that the lesson does not let
	// the trainee change (Section*); Messages has their texts.
	OutOfScope []string
	Messages   []string
	// Done: every goal holds and nothing outside the scopes changed.
	Done bool
}

// Passed counts the goals that hold.
func (r Report) Passed() int {
	n := 0
	for _, g := range r.Goals {
		if g.Pass {
			n++
		}
	}
	return n
}

// Check runs the trainee's scenario to its end and checks every goal in
// the lesson's order, with messages in lang ("ru" or "en"). The
// scenario's own expectations are ignored: the goals are the lesson's. A
// scenario the engine cannot run fails every goal with the engine's error.
func (l *Lesson) Check(sc *engine.Scenario, lang string) Report {
	if lang != "en" {
		lang = "ru"
	}
	rep := Report{Goals: make([]GoalResult, len(l.Goals))}
	for i, g := range l.Goals {
		rep.Goals[i] = GoalResult{Index: i, Name: g.Name.In(lang)}
	}
	if sc == nil || len(l.Goals) == 0 {
		return rep
	}
	run := *sc
	run.Expect = l.ExpectGoals(lang)
	sim, err := engine.New(&run, engine.Options{Lang: lang})
	if err != nil {
		for i := range rep.Goals {
			rep.Goals[i].Message = err.Error()
		}
		return rep
	}
	sim.Run()
	res := sim.Result()
	var findings []engine.Finding
	k := 0
	for i, g := range l.Goals {
		r := &rep.Goals[i]
		switch g.Kind {
		case GoalExpect:
			if k < len(res.Expect) {
				r.Pass, r.Message = res.Expect[k].Pass, res.Expect[k].Message
			}
			k++
		case GoalMaxTriggers:
			n := len(sc.Triggers)
			r.Pass = n <= g.MaxTriggers
			r.Message = msg(lang, "maxTriggers", n, g.MaxTriggers)
		case GoalNoLint:
			if findings == nil {
				findings = engine.Lint(sc)
				if findings == nil {
					findings = []engine.Finding{}
				}
			}
			n := 0
			for _, f := range findings {
				if f.Code == g.NoLint {
					n++
				}
			}
			r.Pass = n == 0
			if r.Pass {
				r.Message = msg(lang, "noLint", g.NoLint)
			} else {
				r.Message = msg(lang, "lintFound", g.NoLint, n)
			}
		case GoalRobotBefore:
			r.Pass, r.Message = robotBefore(res.Log, g, lang)
		}
	}
	rep.OutOfScope = l.OutOfScope(sc)
	for _, s := range rep.OutOfScope {
		rep.Messages = append(rep.Messages, msg(lang, "scope."+s))
	}
	rep.Done = len(rep.OutOfScope) == 0
	for _, g := range rep.Goals {
		rep.Done = rep.Done && g.Pass
	}
	return rep
}

// robotBefore checks that g.Robot ran on g.Target before g.Before first
// ran there, and that both ran.
func robotBefore(log []engine.LogEntry, g Goal, lang string) (bool, string) {
	first := func(id string) int {
		for _, e := range log {
			if e.Type == engine.LogRobot && e.Target == g.Target && e.Robot == id && e.Status == engine.RobotRan {
				return e.Seq
			}
		}
		return -1
	}
	a, b := first(g.Robot), first(g.Before)
	switch {
	case a < 0:
		return false, msg(lang, "robotNotRan", g.Robot, g.Target)
	case b < 0:
		return false, msg(lang, "robotNotRan", g.Before, g.Target)
	case a < b:
		return true, msg(lang, "robotBefore", g.Robot, g.Before, g.Target)
	}
	return false, msg(lang, "robotAfter", g.Robot, g.Before, g.Target)
}

var messages = map[string][2]string{ // ru, en
	"maxTriggers":     {"триггеров: %d, можно не больше %d", "%d triggers, at most %d allowed"},
	"noLint":          {"нет замечаний %s", "no %s findings"},
	"lintFound":       {"замечаний %s: %d", "%s findings: %d"},
	"robotNotRan":     {"робот %s не выполнился для %s", "robot %s did not run for %s"},
	"robotBefore":     {"робот %s выполнился раньше робота %s для %s", "robot %s ran before robot %s for %s"},
	"robotAfter":      {"робот %s выполнился не раньше робота %s для %s", "robot %s did not run before robot %s for %s"},
	"scope.triggers":  {"изменены триггеры, которые в этом уроке менять нельзя", "triggers this lesson does not let you change were changed"},
	"scope.robots":    {"изменены роботы, которых в этом уроке менять нельзя", "robots this lesson does not let you change were changed"},
	"scope.items":     {"изменены элементы (карточки), а в этом уроке их менять нельзя", "items (cards) were changed; this lesson does not let you change them"},
	"scope.events":    {"изменены события, а в этом уроке их менять нельзя", "events were changed; this lesson does not let you change them"},
	"scope.setup":     {"изменены сущности, воронки, пользователи или время, а в этом уроке их менять нельзя", "entities, pipelines, users or times were changed; this lesson does not let you change them"},
	"check.startPass": {"цели урока уже выполнены в исходном сценарии: ученику нечего делать", "the lesson's goals already hold on the starting scenario: there is nothing for the trainee to do"},
	"check.solFail":   {"решение автора не выполняет цели урока", "the author's solution does not meet the lesson's goals"},
	"check.solScope":  {"решение автора меняет то, что ученику менять нельзя", "the author's solution changes what the trainee may not change"},
	"check.noSol":     {"нет решения: добавьте его в урок («solution») или передайте файлом", "no solution: put one into the lesson (\"solution\") or give it as a file"},
}

func msg(lang, key string, args ...any) string {
	m := messages[key]
	s := m[0]
	if lang == "en" {
		s = m[1]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Verdict is the result of Validate: an author's check of a lesson.
type Verdict struct {
	Start    Report
	Solution Report
	// Problems are the reasons to refuse publishing, in lang; empty when
	// the goals fail at the start and pass on the solution.
	Problems []string
}

// Validate checks a lesson as a whole: the goals must not already hold on
// the untouched start, and must hold on the solution (sol, or the lesson's
// own Solution when sol is nil) without changes outside the scopes.
func (l *Lesson) Validate(sol *engine.Scenario, lang string) Verdict {
	var v Verdict
	v.Start = l.Check(l.Scenario, lang)
	if v.Start.Passed() == len(l.Goals) {
		v.Problems = append(v.Problems, msg(lang, "check.startPass"))
	}
	if sol == nil {
		sol = l.Solution
	}
	if sol == nil {
		v.Problems = append(v.Problems, msg(lang, "check.noSol"))
		return v
	}
	v.Solution = l.Check(sol, lang)
	if v.Solution.Passed() != len(l.Goals) {
		v.Problems = append(v.Problems, msg(lang, "check.solFail"))
	}
	if len(v.Solution.OutOfScope) > 0 {
		v.Problems = append(v.Problems, msg(lang, "check.solScope"))
	}
	return v
}
