// Command triggersim runs and checks triggersim scenario files: the same
// engine as the browser app, for scripts, CI and people who like terminals.
//
//	triggersim run FILE [--json] [--lang ru|en]
//	triggersim validate FILE [--lang ru|en]
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
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/triggersim/triggersim/engine"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

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
		return o, badUsage("arg.noCommand")
	}
	o.cmd = rest[0]
	switch o.cmd {
	case "run", "validate", "lint":
	default:
		return o, badUsage("arg.unknownCommand", "command", engine.Quote(o.cmd))
	}
	if len(rest) != 2 {
		return o, badUsage("arg.oneFile", "command", o.cmd)
	}
	o.file = rest[1]
	return o, nil
}

var errHelp = errors.New("help")

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
		fmt.Fprint(stdout, say(explicit(langOf(args)), "usage.main"))
		return 0
	}
	if err != nil {
		return usageFail(stderr, args, "main", err)
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
