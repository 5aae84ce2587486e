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
				return badUsage("arg.runs", "max", "1000", "got", strconv.Quote(engine.Clip(value)))
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
		return o, badUsage("arg.calibrateFiles", "files", strings.Join(rest[1:], " "))
	}
	switch {
	case o.statuses == "":
		return o, badUsage("arg.statuses")
	case len(o.histories) == 0:
		return o, badUsage("arg.history")
	case o.out == "":
		return o, badUsage("arg.out")
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
		fmt.Fprint(stdout, say(explicit(langOf(args)), "usage.calibrate"))
		return 0
	}
	if err != nil {
		return usageFail(stderr, args, "calibrate", err)
	}
	lang := o.lang
	if lang == "" {
		lang = "ru"
	}
	in := calibrate.Input{Locale: lang, Title: o.title}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "triggersim: %s\n", sayErr(explicit(o.lang), err))
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
