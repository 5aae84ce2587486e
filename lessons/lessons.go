// Package lessons holds triggersim's built-in lessons: ordinary lesson files
// (docs/lesson-format.md, read by package lesson) with a task, hints,
// goals and a starting scenario. The learner opens a lesson, edits its
// automation in the designer until the goals hold, and the app remembers
// the lesson as done.
//
// The built-in lessons live in ru/ and en/ with the same file names in both
// languages; solutions/<lang>/ holds each lesson's solution as a scenario
// file, for the tests and `triggersim lesson check` only (it is not
// embedded in the app).
package lessons

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

//go:embed ru/*.json en/*.json
var files embed.FS

// Lesson is one built-in lesson.
type Lesson struct {
	// ID is "<lang>/<file name without .json>", e.g. "ru/01-first-trigger".
	ID string
	// Lang is the lesson's language, "ru" or "en".
	Lang string
	// Slug is the file name without .json; the same lesson has the same
	// slug in every language.
	Slug string
	// Number is the lesson's order, from the file name's "NN-" prefix.
	Number int
	// Title and Description are the lesson's title and task.
	Title       string
	Description string
	// Hints are the lesson's hints, opened one by one.
	Hints []string
	// Data is the scenario file the learner starts from: the lesson's
	// scenario with its expectation goals as the scenario's expectations.
	Data []byte
	// Doc is the lesson file.
	Doc *lesson.Lesson
}

// Languages the built-in lessons are written in.
func Languages() []string { return []string{"ru", "en"} }

// List returns the built-in lessons of a language in order; an unknown
// language gives the Russian ones, as the app's interface does.
func List(lang string) []Lesson {
	if lang != "en" {
		lang = "ru"
	}
	names, err := fs.Glob(files, lang+"/*.json")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	out := make([]Lesson, 0, len(names))
	for _, n := range names {
		l, err := load(n)
		if err != nil {
			// The tests read every embedded lesson, so this is a build
			// that skipped them; show the lesson without its texts.
			l = Lesson{ID: strings.TrimSuffix(n, ".json"), Lang: lang, Title: n}
		}
		out = append(out, l)
	}
	return out
}

// Get finds a lesson by its ID.
func Get(id string) (Lesson, bool) {
	lang, slug, ok := strings.Cut(id, "/")
	if !ok || (lang != "ru" && lang != "en") || slug == "" || strings.ContainsAny(slug, "/\\.") {
		return Lesson{}, false
	}
	l, err := load(lang + "/" + slug + ".json")
	if err != nil {
		return Lesson{}, false
	}
	return l, true
}

// Translate returns the ID of the same lesson in another language, or ""
// when there is none.
func Translate(id, lang string) string {
	_, slug, ok := strings.Cut(id, "/")
	if !ok {
		return ""
	}
	if _, ok := Get(lang + "/" + slug); !ok {
		return ""
	}
	return lang + "/" + slug
}

func load(name string) (Lesson, error) {
	data, err := files.ReadFile(name)
	if err != nil {
		return Lesson{}, err
	}
	doc, err := lesson.Read(data)
	if err != nil {
		return Lesson{}, fmt.Errorf("lesson %s: %w", name, err)
	}
	slug := strings.TrimSuffix(path.Base(name), ".json")
	num, _ := strconv.Atoi(strings.SplitN(slug, "-", 2)[0])
	lang := path.Dir(name)
	start, err := doc.StartFile(lang)
	if err != nil {
		return Lesson{}, fmt.Errorf("lesson %s: %w", name, err)
	}
	var hints []string
	for _, h := range doc.Hints {
		hints = append(hints, h.In(lang))
	}
	return Lesson{
		ID: lang + "/" + slug, Lang: lang, Slug: slug, Number: num,
		Title: doc.Title.In(lang), Description: doc.Task.In(lang), Hints: hints,
		Data: start, Doc: doc,
	}, nil
}

// File returns the lesson file as embedded, for export and sharing.
func (l Lesson) File() ([]byte, error) {
	return files.ReadFile(l.Lang + "/" + l.Slug + ".json")
}

// Scenario reads the lesson's starting scenario.
func (l Lesson) Scenario() (*engine.Scenario, error) { return engine.ReadScenario(l.Data) }

// Goal is the lesson's goal: the expectations of its scenario.
func (l Lesson) Goal() []engine.Expectation {
	sc, err := l.Scenario()
	if err != nil {
		return nil
	}
	return sc.Expect
}

// Check runs a scenario to its end and checks its own expectations: done
// is true when there is at least one and every one holds. The messages are
// in the scenario's locale.
func Check(sc *engine.Scenario) (done bool, results []engine.ExpectResult) {
	return CheckGoal(sc, sc.Expect, "")
}

// CheckGoal runs a scenario against a goal given separately, so that a
// learner who edits or deletes the expectations of the open scenario is
// still held to the lesson's own goal. lang is the language of the
// messages ("" for the scenario's locale). A scenario the engine cannot
// run fails every expectation, with the engine's error as the message.
func CheckGoal(sc *engine.Scenario, goal []engine.Expectation, lang string) (done bool, results []engine.ExpectResult) {
	if sc == nil || len(goal) == 0 {
		return false, nil
	}
	run := *sc
	run.Expect = goal
	res, err := engine.Run(&run, engine.Options{Lang: lang, Quiet: true})
	if err != nil {
		results = make([]engine.ExpectResult, len(goal))
		for i, g := range goal {
			results[i] = engine.ExpectResult{Index: i, Name: g.Name, Message: err.Error()}
		}
		return false, results
	}
	return res.OK, res.Expect
}
