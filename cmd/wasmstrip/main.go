// Command wasmstrip takes two of Go's runtime tables out of wasm modules
// built by Go, in place: the function lookup table (runtime.findfunctab),
// which the page's loader and the what-if worker's rebuild in memory
// before the program starts (web/findfunctab.js), and the file and line
// tables, which only a stack trace reads (cmd/wasmsym puts files and
// lines back into one). ./build.sh runs it on web/app.wasm and
// web/labworker.wasm after compiling them; see internal/wasmdata for why.
//
//	go run ./cmd/wasmstrip web/app.wasm web/labworker.wasm
//
// A module it already stripped is left as it is.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/triggersim/triggersim/internal/wasmdata"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmstrip file.wasm...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := strip(name); err != nil {
			fmt.Fprintf(os.Stderr, "wasmstrip: %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}

// strip rewrites the file through a temporary file in the same directory,
// so that an error leaves the original whole.
func strip(name string) error {
	in, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, lines, table := in, 0, 0
	if o, n, err := wasmdata.StripLines(out); err == nil {
		out, lines = o, n
	} else if !errors.Is(err, wasmdata.ErrLinesStripped) {
		return err
	}
	if o, n, err := wasmdata.Strip(out); err == nil {
		out, table = o, n
	} else if !errors.Is(err, wasmdata.ErrStripped) {
		return err
	}
	if lines == 0 && table == 0 {
		fmt.Printf("%s: already stripped\n", name)
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".wasmstrip-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes (was %d): the function lookup table out (%d bytes, rebuilt in memory by web/findfunctab.js), the file and line tables out (%d bytes of the memory image)\n", name, len(out), len(in), table, lines)
	return nil
}
