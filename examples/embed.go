// Package examples holds triggersim's built-in scenarios. They are embedded
// so that the app offers them offline and the tests run every one of them.
package examples

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.json
var files embed.FS

//go:generate go test -run TestHeads -update .

// Head is what the home page lists of an example: its title, description
// and locale as the file gives them, and whether it has a "whatif" key.
type Head struct {
	Name        string // file name
	Title       string
	Description string
	Locale      string // as written in the file, "" when absent
	WhatIf      bool
}

// Heads returns the head of every built-in scenario in file-name order. It
// is a table generated from the files (heads.go; go generate ./examples
// rewrites it, and a test fails when it is stale), so the app's first
// page lists the examples without decoding their JSON when the wasm starts.
func Heads() []Head { return append([]Head(nil), heads...) }

// Example is one built-in scenario file.
type Example struct {
	Name string // file name, e.g. "01-oplata-scheta.json"
	Data []byte
}

// All returns the built-in scenarios in file-name order.
func All() []Example {
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	out := make([]Example, 0, len(names))
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			panic(err) // embedded files are always readable
		}
		out = append(out, Example{Name: n, Data: b})
	}
	return out
}

// Find returns the built-in scenario with the given file name, which may
// be given without its ".json" ("07-seed-article"). It is the one lookup
// every page uses for ?example=NAME, so all accept the same names.
func Find(name string) (Example, bool) {
	if name == "" || strings.ContainsAny(name, `/\`) {
		return Example{}, false
	}
	if !strings.HasSuffix(name, ".json") {
		name += ".json"
	}
	b, err := files.ReadFile(name)
	if err != nil {
		return Example{}, false
	}
	return Example{Name: name, Data: b}, true
}
