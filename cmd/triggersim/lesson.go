package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

// lessonFlags are the flags of the lesson command.
var lessonFlags = flags{values: set("lang")}

func isLesson(args []string) bool { return len(args) > 0 && args[0] == "lesson" }

// runLesson is `triggersim lesson check`.
func runLesson(args []string, stdout, stderr io.Writer) int {
	lang := ""
	rest, err := lessonFlags.parse(args[1:], func(_, value string) error { return setLang(&lang, value) })
	if err == errHelp || slices.Contains(rest, "help") {
		fmt.Fprint(stdout, say(explicit(langOf(args)), "usage.lesson"))
		return 0
	}
	if err != nil {
		return usageFail(stderr, args, "lesson", err)
	}
	if len(rest) == 0 || rest[0] != "check" || len(rest) < 2 || len(rest) > 3 {
		return usageFail(stderr, args, "lesson", badUsage("arg.lesson"))
	}
	file := rest[1]
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n", err)
		return 2
	}
	given := explicit(lang) // for the messages that were English only
	if len(data) > lesson.MaxBytes {
		fmt.Fprintln(stderr, say(given, "file.tooBig", "file", file, "size", num(given, len(data)), "max", num(given, lesson.MaxBytes/1_000_000)))
		return 2
	}
	l, err := lesson.Read(data)
	if err != nil {
		printInvalid(stderr, file, "lesson", given, err)
		return 2
	}
	if lang == "" {
		lang = l.Scenario.Locale
		if langs := l.Langs(); len(langs) == 1 {
			lang = langs[0]
		}
	}
	var sol *engine.Scenario
	if len(rest) == 3 {
		if sol = load(rest[2], given, stderr); sol == nil {
			return 2
		}
	}
	if sol == nil && l.Solution == nil {
		fmt.Fprintln(stderr, say(lang, "lesson.noSolution", "file", file))
		return 2
	}
	v := l.Validate(sol, lang)
	fmt.Fprintln(stdout, say(given, "lesson.header", "file", file, "id", strconv.Quote(l.ID),
		"goals", num(given, len(l.Goals)), "hints", num(given, len(l.Hints))))
	printReport(stdout, say(lang, "lesson.start"), v.Start)
	printReport(stdout, say(lang, "lesson.solution"), v.Solution)
	if len(v.Problems) > 0 {
		for _, p := range v.Problems {
			fmt.Fprintf(stdout, "✘ %s\n", p)
		}
		return 1
	}
	fmt.Fprintln(stdout, say(lang, "lesson.sound"))
	return 0
}

func printReport(w io.Writer, label string, r lesson.Report) {
	fmt.Fprintf(w, "%s: %d/%d\n", label, r.Passed(), len(r.Goals)) // a score, not a sentence
	for _, g := range r.Goals {
		mark := "✘"
		if g.Pass {
			mark = "✔"
		}
		name := ""
		if g.Name != "" {
			name = g.Name + ": "
		}
		fmt.Fprintf(w, "  %s %s%s\n", mark, name, g.Message)
	}
	for _, m := range r.Messages {
		fmt.Fprintf(w, "  ✘ %s\n", m)
	}
}

// printInvalid prints, in lang, that file is not a valid what ("scenario"
// or "lesson"), and every reading error with its JSON path, in lang too.
func printInvalid(w io.Writer, file, what, lang string, err error) {
	var list engine.Errors
	if errors.As(err, &list) && len(list) > 1 {
		fmt.Fprintln(w, say(lang, "invalid."+what+"N", "file", file, "n", num(lang, len(list))))
		for _, e := range list {
			fmt.Fprintf(w, "  %s\n", e.Text(lang))
		}
		return
	}
	// One error reads on the line that says so.
	fmt.Fprintln(w, say(lang, "invalid."+what, "file", file, "error", engine.ErrorMessage(err, lang)))
}
