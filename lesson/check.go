package lesson

import (
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
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
			r.Message = say(lang, "maxTriggers", "n", format.Text(lang).Int(int64(n)), "max", format.Text(lang).Int(int64(g.MaxTriggers)))
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
				r.Message = say(lang, "noLint", "code", g.NoLint)
			} else {
				r.Message = say(lang, "lintFound", "code", g.NoLint, "n", format.Text(lang).Int(int64(n)))
			}
		case GoalRobotBefore:
			r.Pass, r.Message = robotBefore(res.Log, g, lang)
		}
	}
	rep.OutOfScope = l.OutOfScope(sc)
	for _, s := range rep.OutOfScope {
		rep.Messages = append(rep.Messages, say(lang, "scope."+s))
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
		return false, say(lang, "robotNotRan", "robot", g.Robot, "item", g.Target)
	case b < 0:
		return false, say(lang, "robotNotRan", "robot", g.Before, "item", g.Target)
	case a < b:
		return true, say(lang, "robotBefore", "robot", g.Robot, "before", g.Before, "item", g.Target)
	}
	return false, say(lang, "robotAfter", "robot", g.Robot, "before", g.Before, "item", g.Target)
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
		v.Problems = append(v.Problems, say(lang, "check.startPass"))
	}
	if sol == nil {
		sol = l.Solution
	}
	if sol == nil {
		v.Problems = append(v.Problems, say(lang, "check.noSol"))
		return v
	}
	v.Solution = l.Check(sol, lang)
	if v.Solution.Passed() != len(l.Goals) {
		v.Problems = append(v.Problems, say(lang, "check.solFail"))
	}
	if len(v.Solution.OutOfScope) > 0 {
		v.Problems = append(v.Problems, say(lang, "check.solScope"))
	}
	return v
}
