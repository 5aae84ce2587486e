package engine

import (
	"encoding/json"
	"time"
)

// checkExpectations evaluates the scenario's expectations after the run.
func (s *Sim) checkExpectations() []ExpectResult {
	out := []ExpectResult{}
	for i, e := range s.sc.Expect {
		pass, why := s.check(e)
		out = append(out, ExpectResult{Index: i, Name: e.Name, Pass: pass, Message: why.Text(s.lang)})
	}
	return out
}

// Check evaluates one expectation against the current state, so that the
// app and lessons can check goals while a simulation is still going.
func (s *Sim) Check(e Expectation) (bool, Reason) { return s.check(e) }

func (s *Sim) check(e Expectation) (bool, Reason) {
	it := s.byTarget[e.Target]
	if it == nil {
		return false, Reason{Code: "expect.noItem", Args: []string{e.Target}}
	}
	switch {
	case e.Stage != "":
		want := e.Stage
		if ref, ok := it.em.stage(e.Stage); ok {
			want = ref.pipeline.p.Stages[ref.index].ID
		}
		if e.At != nil {
			at := e.At.Resolve(s.sc.Start)
			got, ok := it.stageAt(at)
			when := s.formatTime(at)
			if !ok {
				return false, Reason{Code: "expect.notYet", Args: []string{e.Target, when}}
			}
			if got == want {
				return true, Reason{Code: "expect.stageAt", Args: []string{e.Target, when, got}}
			}
			return false, Reason{Code: "expect.stageAtWrong", Args: []string{e.Target, when, got, want}}
		}
		got := it.stageID()
		if got == want {
			return true, Reason{Code: "expect.stage", Args: []string{e.Target, got}}
		}
		return false, Reason{Code: "expect.stageWrong", Args: []string{e.Target, got, want}}
	case e.Fired != "":
		if s.countLog(LogTrigger, e.Target, e.Fired) > 0 {
			return true, Reason{Code: "expect.fired", Args: []string{e.Fired, e.Target}}
		}
		return false, Reason{Code: "expect.firedNot", Args: []string{e.Fired, e.Target}}
	case e.NotFired != "":
		if s.countLog(LogTrigger, e.Target, e.NotFired) == 0 {
			return true, Reason{Code: "expect.notFired", Args: []string{e.NotFired, e.Target}}
		}
		return false, Reason{Code: "expect.notFiredBut", Args: []string{e.NotFired, e.Target}}
	case e.Ran != "":
		if s.countLog(LogRobot, e.Target, e.Ran) > 0 {
			return true, Reason{Code: "expect.ran", Args: []string{e.Ran, e.Target}}
		}
		return false, Reason{Code: "expect.ranNot", Args: []string{e.Ran, e.Target}}
	case e.NotRan != "":
		if s.countLog(LogRobot, e.Target, e.NotRan) == 0 {
			return true, Reason{Code: "expect.notRan", Args: []string{e.NotRan, e.Target}}
		}
		return false, Reason{Code: "expect.notRanBut", Args: []string{e.NotRan, e.Target}}
	case e.Field != "":
		typ := it.em.fieldType(e.Field)
		got, _ := it.FieldValue(e.Field)
		if ValuesEqual(typ, got, e.Value) {
			return true, Reason{Code: "expect.field", Args: []string{e.Target, e.Field, clipArg(valueArg(typ, got))}}
		}
		// Values come from the file: quoted short, like every message.
		return false, Reason{Code: "expect.fieldWrong", Args: []string{e.Target, e.Field, clipArg(valueArg(typ, got)), Clip(jsonText(e.Value))}}
	}
	return false, Reason{Code: "expect.empty"}
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return string(b)
}

// countLog counts trigger moves (LogTrigger) or robot actions that ran
// (LogRobot) for a target.
func (s *Sim) countLog(typ, target, id string) int {
	if typ == LogTrigger {
		return s.Fired(target, id)
	}
	return s.Ran(target, id)
}

// stageAt is the item's stage at a virtual time, after everything due at
// that instant has run; false when the item did not exist yet.
func (it *item) stageAt(t time.Time) (string, bool) {
	got, ok := "", false
	for _, i := range it.sim.historyOf(it) {
		p := it.sim.point(it, i)
		if p.At.After(t) {
			break
		}
		got, ok = p.Stage, true
	}
	return got, ok
}
