// Package lesson reads, writes and checks lesson files: a starting
// scenario, a task, goals, hints opened one by one, an optional narration
// and what the trainee may change (docs/lesson-format.md). Goals that are
// scenario expectations are checked by the engine exactly as a scenario
// file's "expect"; the lesson-only goals (at most N triggers, no lint
// finding of a code, one robot running before another) are checked here.
// Result sheets (what a trainee submits) and course files (an ordered set
// of lessons) live here too. The package uses the standard library and the
// engine only, so the app, the command line and the tests share it.
package lesson

import (
	"github.com/triggersim/triggersim/engine"
)

// Format and Version name the lesson file format this package reads and
// writes.
const (
	Format  = "triggersim/lesson"
	Version = 1
)

// MaxBytes bounds a lesson, course or result file, as the share link's
// decoder bounds a scenario.
const MaxBytes = 20_000_000

// Languages a text may be written in.
var Languages = []string{"ru", "en"}

// Text is a text in one or both languages, keyed "ru" and "en".
type Text map[string]string

// In returns the text in lang, or in the other language when lang is
// missing, so a one-language lesson reads in either interface language.
func (t Text) In(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	for _, l := range Languages {
		if s := t[l]; s != "" {
			return s
		}
	}
	return ""
}

// Goal kinds.
const (
	GoalExpect      = "expect"
	GoalMaxTriggers = "max_triggers"
	GoalNoLint      = "no_lint"
	GoalRobotBefore = "robot_before"
)

// Goal is one thing the trainee's scenario must achieve. Kind says which
// of the other fields is set.
type Goal struct {
	Name Text
	Kind string
	// Expect is a scenario expectation (GoalExpect), checked by the engine.
	Expect engine.Expectation
	// MaxTriggers: the scenario has at most this many triggers.
	MaxTriggers int
	// NoLint: no lint finding with this code (engine.Lint*).
	NoLint string
	// RobotBefore: on Target, robot Robot runs before robot Before (both run).
	Target, Robot, Before string
}

// Lesson is one lesson file.
type Lesson struct {
	ID        string
	Title     Text
	Task      Text
	Hints     []Text
	Narration []Text
	// MayChange lists what the trainee may change (see Scope); empty means
	// anything.
	MayChange []string
	Goals     []Goal
	// Scenario is the trainee's start. Its Expect is empty: the goals are
	// the lesson's.
	Scenario *engine.Scenario
	// Solution is the author's solution, or nil.
	Solution *engine.Scenario
}

// Langs returns the languages the lesson's title and task are written in.
func (l *Lesson) Langs() []string {
	var out []string
	for _, lang := range Languages {
		if l.Title[lang] != "" && l.Task[lang] != "" {
			out = append(out, lang)
		}
	}
	return out
}

// ExpectGoals returns the goals that are scenario expectations, named in
// lang, in goal order.
func (l *Lesson) ExpectGoals(lang string) []engine.Expectation {
	var out []engine.Expectation
	for _, g := range l.Goals {
		if g.Kind == GoalExpect {
			e := g.Expect
			e.Name = g.Name.In(lang)
			out = append(out, e)
		}
	}
	return out
}

// StartFile returns the scenario file the trainee starts from: the
// lesson's scenario with its expectation goals as the scenario's own
// "expect", so the designer's expectation panel shows them.
func (l *Lesson) StartFile(lang string) ([]byte, error) {
	sc := *l.Scenario
	sc.Expect = l.ExpectGoals(lang)
	return engine.WriteScenario(&sc)
}
