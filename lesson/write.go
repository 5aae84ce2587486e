package lesson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// Write renders a lesson file: two-space indentation, keys in the order of
// docs/lesson-format.md, texts and goals on one line each, the scenarios
// as engine.WriteScenario writes them. The output is the same byte for
// byte on every call, and Read(Write(l)) gives l back, so a file written
// here survives a read and a write unchanged.
func Write(l *Lesson) ([]byte, error) {
	var b bytes.Buffer
	if err := writeLesson(&b, l, "", true); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// writeLesson writes a lesson object indented by ind; header adds the
// format and version (a course's lessons have none).
func writeLesson(b *bytes.Buffer, l *Lesson, ind string, header bool) error {
	in := ind + "  "
	var fields []string
	if header {
		fields = append(fields, `"format": `+jsonString(Format), fmt.Sprintf(`"version": %d`, Version))
	}
	fields = append(fields,
		`"id": `+jsonString(l.ID),
		`"title": `+textJSON(l.Title),
		`"task": `+textJSON(l.Task))
	if len(l.Hints) > 0 {
		fields = append(fields, `"hints": `+textList(l.Hints, in))
	}
	if len(l.Narration) > 0 {
		fields = append(fields, `"narration": `+textList(l.Narration, in))
	}
	if len(l.MayChange) > 0 {
		q := make([]string, len(l.MayChange))
		for i, s := range l.MayChange {
			q[i] = jsonString(s)
		}
		fields = append(fields, `"may_change": [`+strings.Join(q, ", ")+`]`)
	}
	goals, err := goalsJSON(l, in)
	if err != nil {
		return err
	}
	fields = append(fields, `"goals": `+goals)
	if l.Scenario == nil {
		return fmt.Errorf("lesson %s: no scenario", l.ID)
	}
	sc, err := scenarioJSON(l.Scenario, in)
	if err != nil {
		return fmt.Errorf("lesson %s: scenario: %w", l.ID, err)
	}
	fields = append(fields, `"scenario": `+sc)
	if l.Solution != nil {
		sol, err := scenarioJSON(l.Solution, in)
		if err != nil {
			return fmt.Errorf("lesson %s: solution: %w", l.ID, err)
		}
		fields = append(fields, `"solution": `+sol)
	}
	b.WriteString("{\n")
	for i, f := range fields {
		b.WriteString(in)
		b.WriteString(f)
		if i < len(fields)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(ind + "}")
	return nil
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// textJSON writes a Text on one line, "ru" first.
func textJSON(t Text) string {
	var parts []string
	for _, lang := range Languages {
		if s, ok := t[lang]; ok {
			parts = append(parts, jsonString(lang)+": "+jsonString(s))
		}
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func textList(ts []Text, ind string) string {
	items := make([]string, len(ts))
	for i, t := range ts {
		items[i] = textJSON(t)
	}
	return listJSON(items, ind)
}

func listJSON(items []string, ind string) string {
	if len(items) == 0 {
		return "[]"
	}
	return "[\n" + ind + "  " + strings.Join(items, ",\n"+ind+"  ") + "\n" + ind + "]"
}

func goalsJSON(l *Lesson, ind string) (string, error) {
	items := make([]string, len(l.Goals))
	for i, g := range l.Goals {
		var parts []string
		if len(g.Name) > 0 {
			parts = append(parts, `"name": `+textJSON(g.Name))
		}
		switch g.Kind {
		case GoalExpect:
			x, err := expectJSON(g.Expect)
			if err != nil {
				return "", fmt.Errorf("goals[%d]: %w", i, err)
			}
			parts = append(parts, `"expect": `+x)
		case GoalMaxTriggers:
			parts = append(parts, fmt.Sprintf(`"max_triggers": %d`, g.MaxTriggers))
		case GoalNoLint:
			parts = append(parts, `"no_lint": `+jsonString(g.NoLint))
		case GoalRobotBefore:
			parts = append(parts, fmt.Sprintf(`"robot_before": {"target": %s, "robot": %s, "before": %s}`,
				jsonString(g.Target), jsonString(g.Robot), jsonString(g.Before)))
		default:
			return "", fmt.Errorf("goals[%d]: unknown kind %q", i, g.Kind)
		}
		items[i] = "{" + strings.Join(parts, ", ") + "}"
	}
	return listJSON(items, ind), nil
}

// expectJSON writes an expectation as the engine does, on one line.
func expectJSON(x engine.Expectation) (string, error) {
	x.Name = ""
	sc := engine.Scenario{Expect: []engine.Expectation{x}}
	data, err := engine.WriteScenario(&sc)
	if err != nil {
		return "", err
	}
	var e errs
	ms, ok := e.object(data, "", nil)
	if !ok {
		return "", e.err()
	}
	list, ok := e.array(get(ms, "expect"), "expect")
	if !ok || len(list) != 1 {
		return "", fmt.Errorf("the engine wrote no expectation")
	}
	xm, ok := e.object(list[0], "", nil)
	if !ok {
		return "", e.err()
	}
	parts := make([]string, len(xm))
	for i, m := range xm {
		var c bytes.Buffer
		if err := json.Compact(&c, m.val); err != nil {
			return "", err
		}
		parts[i] = jsonString(m.key) + ": " + c.String()
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

// scenarioJSON writes a scenario as engine.WriteScenario does, indented
// to sit inside the lesson.
func scenarioJSON(sc *engine.Scenario, ind string) (string, error) {
	data, err := engine.WriteScenario(sc)
	if err != nil {
		return "", err
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.ReplaceAll(s, "\n", "\n"+ind), nil
}
