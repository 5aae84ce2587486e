package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

// whatifOptions are the parsed whatif command line.
type whatifOptions struct {
	file, compare, replay, lang string
	seed, days, runs            int
	seedSet, json, changed      bool
	sweep                       *whatif.Sweep
	kpi, goal                   string
}

// whatifFlags are the flags of the whatif command.
var whatifFlags = flags{switches: set("json", "changed"),
	values: set("seed", "days", "compare", "replay", "lang", "runs", "sweep", "kpi", "goal")}

// isWhatIf reports whether the command line is the whatif command: its
// first argument that is neither a flag nor a flag's value is "whatif".
func isWhatIf(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			name := strings.TrimLeft(a, "-")
			if whatifFlags.values[name] {
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
	rest, err := whatifFlags.parse(args, func(name, value string) error {
		switch name {
		case "json":
			o.json = true
		case "changed":
			o.changed = true
		case "seed", "days":
			n, err := strconv.Atoi(value)
			if err != nil || n < 0 || name == "days" && (n < 1 || n > 3650) {
				return badUsage("arg."+name, "got", strconv.Quote(engine.Clip(value)))
			}
			if name == "seed" {
				o.seed, o.seedSet = n, true
			} else {
				o.days = n
			}
		case "runs":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || n > whatif.MaxRuns {
				return badUsage("arg.runs", "max", strconv.Itoa(whatif.MaxRuns), "got", strconv.Quote(engine.Clip(value)))
			}
			o.runs = n
		case "sweep":
			sw, err := whatif.ParseSweep(value)
			if se := (*whatif.SweepError)(nil); errors.As(err, &se) {
				return flagErr{"--sweep", se}
			} else if err != nil {
				return fmt.Errorf("--sweep: %v", err)
			}
			o.sweep = &sw
		case "kpi":
			o.kpi = value
		case "goal":
			if value != whatif.GoalMax && value != whatif.GoalMin {
				return badUsage("arg.goal", "got", strconv.Quote(engine.Clip(value)))
			}
			o.goal = value
		case "compare":
			o.compare = value
		case "replay":
			o.replay = value
		case "lang":
			return setLang(&o.lang, value)
		}
		return nil
	})
	if err != nil {
		return o, err
	}
	if len(rest) != 2 || rest[0] != "whatif" {
		return o, badUsage("arg.oneFile", "command", "whatif")
	}
	switch {
	case o.sweep != nil && o.compare != "":
		return o, badUsage("arg.sweepCompare")
	case o.sweep == nil && (o.kpi != "" || o.goal != ""):
		return o, badUsage("arg.kpiGoal")
	case o.sweep != nil && o.runs == 0:
		o.runs = 5
	}
	o.file = rest[1]
	return o, nil
}

// runWhatIf is the whatif command.
func runWhatIf(args []string, stdout, stderr io.Writer) int {
	o, err := parseWhatIfArgs(args)
	if err == errHelp {
		fmt.Fprint(stdout, say(explicit(langOf(args)), "usage.whatif"))
		return 0
	}
	if err != nil {
		return usageFail(stderr, args, "whatif", err)
	}
	sc := load(o.file, explicit(o.lang), stderr)
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
		if errors.Is(err, whatif.ErrNoEvents) {
			fmt.Fprintf(stderr, "%s: %v\n", o.replay, err)
			return 2
		}
		if err != nil {
			lang := explicit(o.lang)
			fmt.Fprintf(stderr, "%s\n%s\n", say(lang, "whatif.badHistory", "file", o.replay), strings.Join(whatif.ReplayErrorLines(err, lang), "\n"))
			return 2
		}
		opt.Replay = evs
	} else if sc.WhatIf == nil {
		fmt.Fprintln(stderr, say(explicit(o.lang), "whatif.noModel", "file", o.file))
		return 2
	}
	lang := o.lang
	if lang == "" {
		lang = sc.Locale
	}
	ctx := context.Background()
	if o.sweep != nil {
		return runSweep(ctx, o, opt, lang, titleOf(sc, o.file), stdout, stderr)
	}
	if o.runs > 0 {
		return runReplicated(ctx, o, sc, opt, lang, stdout, stderr)
	}
	if o.compare == "" {
		k, err := whatif.Run(ctx, sc, opt, nil)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", o.file, runError(err, lang))
			return 2
		}
		if o.json {
			return writeJSON(stdout, stderr, k)
		}
		whatif.WriteReport(stdout, titleOf(sc, o.file), k, lang)
		return 0
	}
	other := load(o.compare, explicit(o.lang), stderr)
	if other == nil {
		return 2
	}
	ka, kb, diff, err := whatif.RunAB(ctx, sc, other, opt, nil)
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %s\n", runError(err, lang))
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

// runError words a run's error: a run past the work budget in the
// report's language (it says how big the run would be and what to lower),
// anything else as it is.
func runError(err error, lang string) string {
	var be *whatif.BudgetError
	if errors.As(err, &be) {
		return be.Message(lang)
	}
	return err.Error()
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

// runReplicated is whatif --runs N, alone or with --compare.
func runReplicated(ctx context.Context, o whatifOptions, sc *engine.Scenario, opt whatif.Options, lang string, stdout, stderr io.Writer) int {
	if o.compare == "" {
		s, _, err := whatif.Replicate(ctx, sc, opt, o.runs, 0, nil)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", o.file, runError(err, lang))
			return 2
		}
		if o.json {
			return writeJSON(stdout, stderr, s)
		}
		whatif.WriteSummary(stdout, titleOf(sc, o.file), s, lang)
		return 0
	}
	other := load(o.compare, explicit(o.lang), stderr)
	if other == nil {
		return 2
	}
	d, err := whatif.ReplicateAB(ctx, sc, other, opt, o.runs, 0, nil)
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %s\n", runError(err, lang))
		return 2
	}
	if o.json {
		return writeJSON(stdout, stderr, d)
	}
	whatif.WritePaired(stdout, titleOf(sc, o.file), titleOf(other, o.compare), d, lang, o.changed)
	return 0
}

// runSweep is whatif --sweep: the file is read again for every point, with
// the swept number replaced, so the reader checks each point.
func runSweep(ctx context.Context, o whatifOptions, opt whatif.Options, lang, title string, stdout, stderr io.Writer) int {
	doc, err := os.ReadFile(o.file)
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n", err)
		return 2
	}
	res, err := whatif.RunSweep(ctx, doc, *o.sweep, opt, o.runs, o.kpi, o.goal, 0, nil)
	if err != nil {
		fmt.Fprintf(stderr, "%s: --sweep: %s\n", o.file, runError(err, lang))
		return 2
	}
	if o.json {
		return writeJSON(stdout, stderr, res)
	}
	whatif.WriteSweep(stdout, title, *o.sweep, res, lang)
	return 0
}
