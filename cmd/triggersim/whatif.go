package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

const whatifUsage = `usage:
  triggersim whatif FILE [--seed N] [--days N] [--json] [--lang ru|en]
                         [--compare OTHER] [--replay HISTORY.csv] [--changed]
Runs the scenario's "whatif" traffic model (see docs/whatif.md) through its
automation and prints the KPIs. --compare runs OTHER on the same traffic
(FILE's model and seed) and shows both side by side, differences marked;
--changed shows only the metrics that differ. --replay runs a recorded
event history (CSV: time,code,target,data) instead of the model.
Exit status: 0 done, 2 invalid file or usage.
`

// whatifOptions are the parsed whatif command line.
type whatifOptions struct {
	file, compare, replay, lang string
	seed, days                  int
	seedSet, json, changed      bool
}

// whatifValueFlags take a value as the next argument.
var whatifValueFlags = map[string]bool{"seed": true, "days": true, "compare": true, "replay": true, "lang": true}

// isWhatIf reports whether the command line is the whatif command: its
// first argument that is neither a flag nor a flag's value is "whatif".
func isWhatIf(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			name := strings.TrimLeft(a, "-")
			if whatifValueFlags[name] {
				i++
			}
			continue
		}
		return a == "whatif"
	}
	return false
}

func parseWhatIfArgs(args []string) (whatifOptions, error) {
	var o whatifOptions
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "json":
			o.json = true
			continue
		case "changed":
			o.changed = true
			continue
		case "h", "help":
			return o, errHelp
		}
		if !whatifValueFlags[name] {
			return o, fmt.Errorf("unknown flag %s", a)
		}
		if !hasValue {
			if i+1 >= len(args) {
				return o, fmt.Errorf("--%s needs a value", name)
			}
			i++
			value = args[i]
		}
		switch name {
		case "seed", "days":
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 || name == "days" && (n < 1 || n > 3650) {
				return o, fmt.Errorf("--%s expects a whole number%s, got %q", name, map[bool]string{true: " from 1 to 3650", false: " ≥ 0"}[name == "days"], value)
			}
			if name == "seed" {
				o.seed, o.seedSet = n, true
			} else {
				o.days = n
			}
		case "compare":
			o.compare = value
		case "replay":
			o.replay = value
		case "lang":
			if value != "ru" && value != "en" {
				return o, fmt.Errorf("--lang must be ru or en, got %q", value)
			}
			o.lang = value
		}
	}
	if len(rest) != 2 || rest[0] != "whatif" {
		return o, fmt.Errorf("whatif needs exactly one FILE")
	}
	o.file = rest[1]
	return o, nil
}

// runWhatIf is the whatif command.
func runWhatIf(args []string, stdout, stderr io.Writer) int {
	o, err := parseWhatIfArgs(args)
	if err == errHelp {
		fmt.Fprint(stdout, whatifUsage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n%s", err, whatifUsage)
		return 2
	}
	sc := load(o.file, stderr)
	if sc == nil {
		return 2
	}
	opt := whatif.Options{Seed: o.seed, SeedSet: o.seedSet, Days: o.days, Lang: o.lang}
	if o.replay != "" {
		f, err := os.Open(o.replay)
		if err != nil {
			fmt.Fprintf(stderr, "triggersim: %v\n", err)
			return 2
		}
		evs, err := whatif.ReplayCSV(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "%s: not a valid event history:\n%v\n", o.replay, err)
			return 2
		}
		opt.Replay = evs
	} else if sc.WhatIf == nil {
		fmt.Fprintf(stderr, "%s: the scenario has no \"whatif\" traffic model; add one (docs/whatif.md) or give --replay HISTORY.csv\n", o.file)
		return 2
	}
	lang := o.lang
	if lang == "" {
		lang = sc.Locale
	}
	ctx := context.Background()
	if o.compare == "" {
		k, err := whatif.Run(ctx, sc, opt, nil)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", o.file, err)
			return 2
		}
		if o.json {
			return writeJSON(stdout, stderr, k)
		}
		whatif.WriteReport(stdout, titleOf(sc, o.file), k, lang)
		return 0
	}
	other := load(o.compare, stderr)
	if other == nil {
		return 2
	}
	ka, kb, diff, err := whatif.RunAB(ctx, sc, other, opt, nil)
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n", err)
		return 2
	}
	if o.json {
		return writeJSON(stdout, stderr, struct {
			A    *whatif.KPIs `json:"a"`
			B    *whatif.KPIs `json:"b"`
			Diff whatif.Diff  `json:"diff"`
		}{ka, kb, diff})
	}
	whatif.WriteDiff(stdout, titleOf(sc, o.file), titleOf(other, o.compare), diff, lang, o.changed)
	return 0
}

func titleOf(sc *engine.Scenario, file string) string {
	if sc.Title != "" {
		return sc.Title
	}
	return file
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n", err)
		return 2
	}
	stdout.Write(append(b, '\n'))
	return 0
}
