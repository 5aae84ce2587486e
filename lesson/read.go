package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

var lessonKeys = []string{"format", "version", "id", "title", "task", "hints", "narration", "may_change", "goals", "scenario", "solution"}

var goalKeys = []string{"name", GoalExpect, GoalMaxTriggers, GoalNoLint, GoalRobotBefore}

// validID reports whether s is a lesson or course id: a lower-case ASCII
// letter or digit, then up to 63 of them or hyphens (^[a-z0-9][a-z0-9-]{0,63}$).
// A loop, not a regexp: a package-level regexp is compiled when the wasm
// starts, before the first page shows.
func validID(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// MaxGoals, MaxHints and MaxMaxTriggers bound a lesson's lists.
const (
	MaxGoals       = 50
	MaxHints       = 20
	MaxMaxTriggers = 1000
)

// LintCodes are the codes a "no_lint" goal may name.
var LintCodes = []string{
	engine.LintTriggerFirstStage, engine.LintTriggerUnsupported, engine.LintTriggerUnsatisfiable,
	engine.LintTriggerShadowed, engine.LintStageUnreachable, engine.LintCycle, engine.LintDelayUnderMin,
	engine.LintDelayOutsideWorkTime, engine.LintFieldNotWatchable, engine.LintPlanLimit,
}

// Read reads and validates a lesson file. On failure it returns
// engine.Errors (each with its JSON path; errors.Is(err,
// engine.ErrInvalid) holds). The embedded scenarios are read by
// engine.ReadScenario, so their errors carry paths such as
// "scenario.triggers[0].stage".
func Read(data []byte) (*Lesson, error) {
	if err := checkDocument(data, "lesson file"); err != nil {
		return nil, err
	}
	e := &errs{}
	ms, ok := e.object(data, "", nil)
	if !ok || !e.header(ms, Format, Version) {
		return nil, e.err()
	}
	l := readLesson(e, ms, "")
	if err := e.err(); err != nil {
		return nil, err
	}
	return l, nil
}

// readLesson reads a lesson object at path (the root, or a course's
// "lessons[i]").
func readLesson(e *errs, ms []member, path string) *Lesson {
	for _, m := range ms {
		if !slices.Contains(lessonKeys, m.key) {
			e.addCode(sub(path, m.key), "lesson.unknownKey", quoteList(lessonKeys))
		}
	}
	l := &Lesson{}
	need := func(key string) json.RawMessage {
		v := get(ms, key)
		if v == nil {
			e.addCode(path, "lesson.missing", strconv.Quote(key))
		}
		return v
	}
	if v := need("id"); v != nil {
		if s, ok := e.str(v, sub(path, "id")); ok {
			if !validID(s) {
				e.addCode(sub(path, "id"), "lesson.id", strconv.Quote(s))
			}
			l.ID = s
		}
	}
	if v := need("title"); v != nil {
		l.Title, _ = e.text(v, sub(path, "title"))
	}
	if v := need("task"); v != nil {
		l.Task, _ = e.text(v, sub(path, "task"))
	}
	if l.Title != nil && l.Task != nil && len(l.Langs()) == 0 {
		e.addCode(path, "lesson.commonLanguage")
	}
	if v := get(ms, "hints"); v != nil {
		l.Hints = e.texts(v, sub(path, "hints"))
		if len(l.Hints) > MaxHints {
			e.addCode(sub(path, "hints"), "lesson.hintsMax", strconv.Itoa(MaxHints))
		}
	}
	if v := get(ms, "narration"); v != nil {
		l.Narration = e.texts(v, sub(path, "narration"))
	}
	if v := get(ms, "scenario"); v != nil {
		l.Scenario = e.scenario(v, sub(path, "scenario"))
		if l.Scenario != nil && len(l.Scenario.Expect) > 0 {
			e.addCode(sub(path, "scenario.expect"), "lesson.expectInScenario")
			l.Scenario = nil
		}
	} else {
		need("scenario")
	}
	if v := get(ms, "solution"); v != nil {
		l.Solution = e.scenario(v, sub(path, "solution"))
	}
	if v := get(ms, "may_change"); v != nil {
		l.MayChange = readScopes(e, v, sub(path, "may_change"), l.Scenario)
	}
	if v := need("goals"); v != nil && l.Scenario != nil {
		l.Goals = readGoals(e, v, sub(path, "goals"), get(ms, "scenario"))
	}
	return l
}

func readScopes(e *errs, raw json.RawMessage, path string, sc *engine.Scenario) []string {
	list, ok := e.array(raw, path)
	if !ok {
		return nil
	}
	if len(list) == 0 {
		e.addCode(path, "lesson.noScope")
		return nil
	}
	var out []string
	for i, r := range list {
		p := idx(path, i)
		s, ok := e.str(r, p)
		if !ok {
			continue
		}
		if code, args := checkScope(s, sc); code != "" {
			e.addCode(p, code, args...)
			continue
		}
		if slices.Contains(out, s) {
			e.addCode(p, "lesson.duplicateScope", strconv.Quote(s))
			continue
		}
		out = append(out, s)
	}
	return out
}

func readGoals(e *errs, raw json.RawMessage, path string, scenarioRaw json.RawMessage) []Goal {
	list, ok := e.array(raw, path)
	if !ok {
		return nil
	}
	if len(list) == 0 {
		e.addCode(path, "lesson.noGoal")
		return nil
	}
	if len(list) > MaxGoals {
		e.addCode(path, "lesson.goalsMax", strconv.Itoa(MaxGoals))
		return nil
	}
	goals := make([]Goal, len(list))
	var expects []json.RawMessage
	var expectAt []int
	for i, r := range list {
		p := idx(path, i)
		ms, ok := e.object(r, p, goalKeys)
		if !ok {
			continue
		}
		g := &goals[i]
		if v := get(ms, "name"); v != nil {
			g.Name, _ = e.text(v, sub(p, "name"))
		}
		for _, m := range ms {
			if m.key == "name" {
				continue
			}
			if g.Kind != "" {
				e.addCode(p, "lesson.goalKinds", strconv.Quote(g.Kind), strconv.Quote(m.key))
				break
			}
			g.Kind = m.key
			kp := sub(p, m.key)
			switch m.key {
			case GoalExpect:
				if xm, ok := e.object(m.val, kp, nil); ok && get(xm, "name") != nil {
					e.addCode(sub(kp, "name"), "lesson.goalName")
				}
				expects = append(expects, m.val)
				expectAt = append(expectAt, i)
			case GoalMaxTriggers:
				g.MaxTriggers, _ = e.integer(m.val, kp, 0, MaxMaxTriggers)
			case GoalNoLint:
				if s, ok := e.str(m.val, kp); ok {
					if !slices.Contains(LintCodes, s) {
						e.addCode(kp, "lesson.lintCode", strconv.Quote(s), quoteList(LintCodes))
					}
					g.NoLint = s
				}
			case GoalRobotBefore:
				rm, ok := e.object(m.val, kp, []string{"target", "robot", "before"})
				if !ok {
					continue
				}
				for _, k := range []string{"target", "robot", "before"} {
					v := get(rm, k)
					if v == nil {
						e.addCode(kp, "lesson.missing", strconv.Quote(k))
						continue
					}
					s, _ := e.nonEmpty(v, sub(kp, k))
					switch k {
					case "target":
						g.Target = s
					case "robot":
						g.Robot = s
					default:
						g.Before = s
					}
				}
				if g.Robot != "" && g.Robot == g.Before {
					e.addCode(sub(kp, "before"), "lesson.robotBeforeItself")
				}
			}
		}
		if g.Kind == "" {
			e.addCode(p, "lesson.goalNeeds", quoteList(goalKeys[1:]))
		}
	}
	if len(expects) > 0 && len(e.list) == 0 {
		xs := readExpectations(e, scenarioRaw, expects, expectAt, path)
		for k, x := range xs {
			goals[expectAt[k]].Expect = x
		}
	}
	return goals
}

// readExpectations validates expectation goals with the engine's own
// reader: they become the "expect" of the lesson's scenario, which is read
// again, and the engine's "expect[k]" paths are mapped back to the goals.
func readExpectations(e *errs, scenarioRaw json.RawMessage, expects []json.RawMessage, at []int, path string) []engine.Expectation {
	var se errs
	ms, _ := se.object(scenarioRaw, "", nil)
	var b bytes.Buffer
	b.WriteByte('{')
	for _, m := range ms {
		if m.key == "expect" {
			continue
		}
		k, _ := json.Marshal(m.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(m.val)
		b.WriteByte(',')
	}
	b.WriteString(`"expect":[`)
	for i, x := range expects {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(x)
	}
	b.WriteString("]}")
	sc, err := engine.ReadScenario(b.Bytes())
	if err != nil {
		var list engine.Errors
		if !errors.As(err, &list) {
			e.add(path, "%v", err)
			return nil
		}
		for _, x := range list {
			p := x.Path
			if rest, ok := strings.CutPrefix(p, "expect["); ok {
				if n, tail, ok := strings.Cut(rest, "]"); ok {
					if k, err := strconv.Atoi(n); err == nil && k < len(at) {
						e.addFrom(idx(path, at[k])+".expect"+tail, x)
						continue
					}
				}
			}
			e.addFrom(joinPath(path, p), x)
		}
		return nil
	}
	return sc.Expect
}
