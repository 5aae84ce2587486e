package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/calibrate"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
)

const calibrateUsage = `usage:
  triggersim calibrate --categories C.json --statuses S.json --history H.json [--history H2.json …]
                       [--deals D.json …] -o SCENARIO.json [--runs N] [--json] [--lang ru|en] [--title T]
Builds a what-if scenario from a Bitrix24 portal's history (docs/whatif.md,
"Calibrating from a portal's history"): pipelines and stages from the saved
output of crm.category.list and crm.status.list, arrivals and the time in
every stage with where items go next from crm.stagehistory.list pages, and
the fields of new deals from crm.deal.list pages. Writes the scenario to -o
and prints how well it reproduces the history (--json: the fit report as
JSON), from N runs (default 5).
Exit status: 0 done, 2 invalid input or usage.
`

type calibrateOptions struct {
	categories, statuses, out, lang, title string
	histories, deals                       []string
	runs                                   int
	json                                   bool
}

// calibrateFlags are the flags of the calibrate command.
var calibrateFlags = flags{switches: set("json"),
	values: set("categories", "statuses", "history", "deals", "o", "out", "runs", "lang", "title")}

func parseCalibrateArgs(args []string) (calibrateOptions, error) {
	o := calibrateOptions{runs: calibrate.DefaultRuns}
	rest, err := calibrateFlags.parse(args, func(name, value string) error {
		switch name {
		case "json":
			o.json = true
		case "categories":
			o.categories = value
		case "statuses":
			o.statuses = value
		case "history":
			o.histories = append(o.histories, value)
		case "deals":
			o.deals = append(o.deals, value)
		case "o", "out":
			o.out = value
		case "title":
			o.title = value
		case "runs":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || n > 1000 {
				return fmt.Errorf("--runs expects a whole number from 1 to 1000, got %q", engine.Clip(value))
			}
			o.runs = n
		case "lang":
			return setLang(&o.lang, value)
		}
		return nil
	})
	if err != nil {
		return o, err
	}
	if len(rest) != 1 || rest[0] != "calibrate" {
		return o, fmt.Errorf("calibrate takes no file names without a flag: %s", strings.Join(rest[1:], " "))
	}
	switch {
	case o.statuses == "":
		return o, fmt.Errorf("--statuses is required: the saved output of crm.status.list")
	case len(o.histories) == 0:
		return o, fmt.Errorf("--history is required: the saved output of crm.stagehistory.list (repeat it for several files)")
	case o.out == "":
		return o, fmt.Errorf("-o is required: the scenario file to write")
	}
	return o, nil
}

func isCalibrate(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return a == "calibrate"
		}
		if n := strings.TrimLeft(a, "-"); !strings.Contains(n, "=") && n != "json" && n != "h" && n != "help" {
			return false // a value flag before the command: not ours
		}
	}
	return false
}

// readInput reads one input file; lang is --lang as given ("" when not).
func readInput(name, lang string) (calibrate.File, error) {
	st, err := os.Stat(name)
	if err != nil {
		return calibrate.File{}, err
	}
	if st.Size() > calibrate.MaxFileBytes {
		return calibrate.File{}, errors.New(say(explicit(lang), "file.tooBig", "file", name,
			"size", format.Text(lang).Int(st.Size()), "max", num(lang, calibrate.MaxFileBytes>>20)))
	}
	data, err := os.ReadFile(name)
	return calibrate.File{Name: name, Data: data}, err
}

func runCalibrate(args []string, stdout, stderr io.Writer) int {
	o, err := parseCalibrateArgs(args)
	if err == errHelp {
		fmt.Fprint(stdout, calibrateUsage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n%s", err, calibrateUsage)
		return 2
	}
	lang := o.lang
	if lang == "" {
		lang = "ru"
	}
	in := calibrate.Input{Locale: lang, Title: o.title}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "triggersim: %v\n", err)
		return 2
	}
	if o.categories != "" {
		if in.Categories, err = readInput(o.categories, o.lang); err != nil {
			return fail(err)
		}
	}
	if in.Statuses, err = readInput(o.statuses, o.lang); err != nil {
		return fail(err)
	}
	for _, h := range o.histories {
		f, err := readInput(h, o.lang)
		if err != nil {
			return fail(err)
		}
		in.Histories = append(in.Histories, f)
	}
	for _, d := range o.deals {
		f, err := readInput(d, o.lang)
		if err != nil {
			return fail(err)
		}
		in.Deals = append(in.Deals, f)
	}
	c, err := calibrate.Build(in)
	if err != nil {
		return fail(err)
	}
	rep, err := c.Fit(context.Background(), o.runs, 0)
	if err != nil {
		return fail(err)
	}
	if err := os.WriteFile(o.out, c.Doc, 0o644); err != nil {
		return fail(err)
	}
	if o.json {
		return writeJSON(stdout, stderr, rep)
	}
	calibrate.WriteReport(stdout, rep, lang)
	fmt.Fprintf(stdout, "\n%s\n", say(lang, "calibrate.written", "file", o.out))
	return 0
}
