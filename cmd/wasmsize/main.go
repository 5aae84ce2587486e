// Command wasmsize reports where the bytes of a Go WebAssembly binary go: the
// code of each function, summed by package, and the size of the data section.
//
// It reads the module's sections (the code section gives each function body's
// size, the "name" custom section gives each function's Go name), so build
// without -ldflags='-s', which drops the name section:
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/app.wasm ./app
//	go run ./cmd/wasmsize /tmp/app.wasm                # packages and top functions
//	go run ./cmd/wasmsize -top 0 -funcs /tmp/app.wasm  # every function, tab-separated
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
)

func main() {
	top := flag.Int("top", 40, "how many packages and functions to list (0: all)")
	funcs := flag.Bool("funcs", false, "print every function as size<TAB>name instead of the summary")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top N] [-funcs] file.wasm")
		os.Exit(2)
	}
	b, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	m, err := Parse(b)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if *funcs {
		for _, f := range m.Funcs {
			fmt.Fprintf(w, "%d\t%s\n", f.Size, f.Name)
		}
		return
	}
	m.Report(w, *top)
}
