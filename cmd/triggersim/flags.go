package main

import (
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// flags are the flags of a command: switches stand alone, value flags
// take a value as "--name=value" or as the next argument. One or two
// leading dashes are the same.
type flags struct {
	switches, values map[string]bool
}

// parse walks args: arguments that are not flags ("-" is one) come back
// in order; every flag goes to set with its value ("" for a switch), and
// an error from set stops the walk. -h and --help give errHelp; an
// unknown flag or a value flag at the end is an error naming it.
func (f flags) parse(args []string, set func(name, value string) error) (rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case name == "h" || name == "help":
			return rest, errHelp
		case f.switches[name]:
			value = ""
		case !f.values[name]:
			return rest, badUsage("arg.unknownFlag", "flag", engine.Clip(a))
		case !hasValue:
			if i+1 >= len(args) {
				return rest, badUsage("arg.needsValue", "flag", name)
			}
			i++
			value = args[i]
		}
		if err := set(name, value); err != nil {
			return rest, err
		}
	}
	return rest, nil
}

// set makes a set of names.
func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// setLang checks the value of --lang and stores it in lang.
func setLang(lang *string, value string) error {
	if value != "ru" && value != "en" {
		return badUsage("arg.lang", "got", engine.Quote(value))
	}
	*lang = value
	return nil
}
