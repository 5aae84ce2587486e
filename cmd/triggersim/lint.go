package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/engine"
)

// lintJSON is one finding in `triggersim lint --json`: the Finding with its
// message in both languages.
type lintJSON struct {
	Code     string            `json:"code"`
	Severity string            `json:"severity"`
	Entity   string            `json:"entity,omitempty"`
	Pipeline int               `json:"pipeline"`
	Stage    string            `json:"stage,omitempty"`
	Trigger  string            `json:"trigger,omitempty"`
	Robot    string            `json:"robot,omitempty"`
	Path     string            `json:"path"`
	Link     string            `json:"link"`
	Cycle    []string          `json:"cycle,omitempty"`
	Message  map[string]string `json:"message"`
}

// lint prints the findings of a scenario. Exit status: 0 when there is no
// error or warning (info findings are printed but do not fail), 1 when
// there is one, 2 when the file is not a valid scenario.
func lint(o options, stdout, stderr io.Writer) int {
	sc := load(o.file, explicit(o.lang), stderr)
	if sc == nil {
		return 2
	}
	lang := o.lang
	if lang == "" {
		lang = sc.Locale
	}
	findings := engine.Lint(sc)
	var errs, warns, infos int
	for _, f := range findings {
		switch f.Severity {
		case engine.SeverityError:
			errs++
		case engine.SeverityWarning:
			warns++
		default:
			infos++
		}
	}
	failed := errs+warns > 0
	if o.json {
		out := make([]lintJSON, 0, len(findings))
		for _, f := range findings {
			out = append(out, lintJSON{
				Code: f.Code, Severity: f.Severity, Entity: f.Entity, Pipeline: f.Pipeline, Stage: f.Stage,
				Trigger: f.Trigger, Robot: f.Robot, Path: f.Path, Link: lintview.FindingLink(f), Cycle: f.Cycle,
				Message: map[string]string{"ru": f.Message("ru"), "en": f.Message("en")},
			})
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"file": o.file, "findings": out}); err != nil {
			fmt.Fprintf(stderr, "triggersim: %v\n", err)
			return 2
		}
	} else {
		if len(findings) == 0 {
			fmt.Fprintln(stdout, say(lang, "lint.none", "file", o.file))
		}
		for _, f := range findings {
			fmt.Fprintf(stdout, "%-7s %-22s %s\n", f.Severity, f.Code, f.Path)
			fmt.Fprintf(stdout, "        %s\n", f.Message(lang))
			fmt.Fprintf(stdout, "        %s\n", lintview.FindingLink(f))
		}
		if len(findings) > 0 {
			fmt.Fprintf(stdout, "\n%s\n", say(lang, "lint.summary", "file", o.file, "n", num(lang, len(findings)),
				"errors", num(lang, errs), "warnings", num(lang, warns), "notes", num(lang, infos)))
		}
	}
	if failed {
		return 1
	}
	return 0
}
