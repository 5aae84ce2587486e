package main

import (
	"fmt"
	"io"
	"os"

	"github.com/triggersim/triggersim/engine"
)

// load reads and checks a scenario file; on failure it prints every error
// with its JSON path, in lang, and returns nil.
func load(file, lang string, stderr io.Writer) *engine.Scenario {
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n", err)
		return nil
	}
	sc, err := engine.ReadScenario(data)
	if err == nil {
		// Compile too, so that validate catches what only the engine sees.
		_, err = engine.New(sc, engine.Options{})
	}
	if err != nil {
		printInvalid(stderr, file, "scenario", lang, err)
		return nil
	}
	return sc
}

func validate(o options, stdout, stderr io.Writer) int {
	lang := explicit(o.lang)
	sc := load(o.file, lang, stderr)
	if sc == nil {
		return 2
	}
	fmt.Fprintln(stdout, say(lang, "validate.ok", "file", o.file, "triggers", num(lang, len(sc.Triggers)),
		"robots", num(lang, len(sc.Robots)), "items", num(lang, len(sc.Items)), "events", num(lang, len(sc.Events)),
		"expectations", num(lang, len(sc.Expect))))
	return 0
}

func runScenario(o options, stdout, stderr io.Writer) int {
	sc := load(o.file, explicit(o.lang), stderr)
	if sc == nil {
		return 2
	}
	sim, err := engine.New(sc, engine.Options{Lang: o.lang})
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", o.file, err)
		return 2
	}
	sim.Run()
	res := sim.Result()
	if o.json {
		b, err := engine.MarshalResult(res)
		if err != nil {
			fmt.Fprintf(stderr, "triggersim: %v\n", err)
			return 2
		}
		stdout.Write(b)
	} else {
		writeReport(stdout, sc, res, sim.Lang())
	}
	if !res.OK {
		return 1
	}
	return 0
}
