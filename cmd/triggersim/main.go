// Command triggersim runs and checks triggersim scenario files: the same
// engine as the browser app, for scripts, CI and people who like terminals.
//
//	triggersim run FILE [--json] [--lang ru|en]
//	triggersim validate FILE
//	triggersim lint FILE [--json] [--lang ru|en]
//	triggersim whatif FILE [--runs N] [--compare OTHER] [--sweep PATH=FROM:TO:STEP] …
//	triggersim calibrate --statuses S.json --history H.json … -o OUT.json
//	triggersim lesson check LESSON.json [SOLUTION.json] [--lang ru|en]
//
// Exit status: 0 when every expectation holds, 1 when one fails, 2 when the
// file is not a valid scenario (errors with their JSON paths on stderr) or
// the command line is wrong.
package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/triggersim/triggersim/engine"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  triggersim run FILE [--json] [--lang ru|en]   run a scenario: a readable report, or the result JSON
  triggersim validate FILE                      only read and check the file
  triggersim lint FILE [--json] [--lang ru|en]  find design mistakes (docs/lint.md); exit 1 when found
  triggersim whatif FILE [--seed N] [--days N] [--json] [--compare OTHER] [--replay CSV]
                         [--runs N] [--sweep PATH=FROM:TO:STEP --kpi KEY --goal max|min]
                                                 what-if lab: KPIs of generated traffic (docs/whatif.md)
  triggersim calibrate --categories C.json --statuses S.json --history H.json [--history …] [--deals D.json …] -o OUT.json
                                                 a what-if scenario fitted to a portal's history, with its fit report
  triggersim lesson check LESSON.json [SOLUTION.json] [--lang ru|en]
                                                 check a lesson: goals fail at the start, hold on the solution
Flags may come before or after the file name.
Exit status: 0 expectations hold, 1 an expectation fails, 2 invalid file or usage.
`

// options are the parsed command line.
type options struct {
	cmd  string
	file string
	json bool
	lang string
}

// mainFlags are the flags of run, validate and lint.
var mainFlags = flags{switches: set("json"), values: set("lang")}

func parseArgs(args []string) (options, error) {
	var o options
	rest, err := mainFlags.parse(args, func(name, value string) error {
		if name == "json" {
			o.json = true
			return nil
		}
		return setLang(&o.lang, value)
	})
	if err != nil {
		return o, err
	}
	if slices.Contains(rest, "help") {
		return o, errHelp
	}
	if len(rest) == 0 {
		return o, fmt.Errorf("no command")
	}
	o.cmd = rest[0]
	switch o.cmd {
	case "run", "validate", "lint":
	default:
		return o, fmt.Errorf("unknown command %s", engine.Quote(o.cmd))
	}
	if len(rest) != 2 {
		return o, fmt.Errorf("%s needs exactly one FILE", o.cmd)
	}
	o.file = rest[1]
	return o, nil
}

var errHelp = fmt.Errorf("help")

func run(args []string, stdout, stderr io.Writer) int {
	if isWhatIf(args) { // whatif.go: flags of its own
		return runWhatIf(args, stdout, stderr)
	}
	if isCalibrate(args) { // calibrate.go
		return runCalibrate(args, stdout, stderr)
	}
	if isLesson(args) { // lesson.go
		return runLesson(args, stdout, stderr)
	}
	o, err := parseArgs(args)
	if err == errHelp {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "triggersim: %v\n%s", err, usage)
		return 2
	}
	switch o.cmd {
	case "validate":
		return validate(o, stdout, stderr)
	case "lint":
		return lint(o, stdout, stderr)
	default:
		return runScenario(o, stdout, stderr)
	}
}
