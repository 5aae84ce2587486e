// Command wasmsym puts files and lines back into a Go stack trace that the
// shipped page or what-if worker printed. cmd/wasmstrip takes the file and
// line tables out of the shipped modules (a frame prints as ?:0 +0x1c);
// wasmsym reads them from the same commit's module built without it:
//
//	mapfile -t F < <(./build.sh wasmflags)
//	GOOS=js GOARCH=wasm go build "${F[@]}" -o /tmp/app.wasm ./app
//	go run ./cmd/wasmsym /tmp/app.wasm < trace.txt
//
// (for the worker's module: ./build.sh wasmflags worker and ./app/worker.)
// Every frame the runtime prints with its PC offset gets its file and
// line; a frame inlined into it
// (printed without an offset) gets the innermost one on the first frame
// of the group, the rest stay ?:0.
package main

import (
	"fmt"
	"os"

	"github.com/triggersim/triggersim/internal/wasmdata"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmsym module.wasm < trace.txt")
		os.Exit(2)
	}
	wasm, err := os.ReadFile(os.Args[1])
	if err == nil {
		var syms *wasmdata.Symbols
		if syms, err = wasmdata.ReadSymbols(wasm); err == nil {
			err = syms.Symbolize(os.Stdout, os.Stdin)
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "wasmsym: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
