package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/triggersim/triggersim/engine"
)

// load reads and checks a scenario file; on failure it prints every error
// with its JSON path and returns nil.
func load(file string, stderr io.Writer) *engine.Scenario {
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
		var list engine.Errors
		if errors.As(err, &list) {
			fmt.Fprintf(stderr, "%s: not a valid scenario (%d errors):\n", file, len(list))
			for _, e := range list {
				fmt.Fprintf(stderr, "  %s\n", e.Error())
			}
		} else {
			fmt.Fprintf(stderr, "%s: not a valid scenario: %v\n", file, err)
		}
		return nil
	}
	return sc
}

func validate(o options, stdout, stderr io.Writer) int {
	sc := load(o.file, stderr)
	if sc == nil {
		return 2
	}
	fmt.Fprintf(stdout, "%s: valid scenario, %d triggers, %d robots, %d items, %d events, %d expectations\n",
		o.file, len(sc.Triggers), len(sc.Robots), len(sc.Items), len(sc.Events), len(sc.Expect))
	return 0
}

func runScenario(o options, stdout, stderr io.Writer) int {
	sc := load(o.file, stderr)
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
