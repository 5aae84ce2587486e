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
//	go run ./cmd/wasmsize -wire /tmp/app.wasm          # code and data over the wire
//
// -wire also splits the data at Go's function table (DataParts): the
// read-only data before it, the table's names, pc-value tables and
// function records, and the variables after it.
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
	wire := flag.Bool("wire", false, "print what the code, the data and the data's parts weigh compressed")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top N] [-funcs | -wire] file.wasm")
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
	if *wire {
		if err := m.Wire(w); err != nil {
			w.Flush()
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *funcs {
		for _, f := range m.Funcs {
			fmt.Fprintf(w, "%d\t%s\n", f.Size, f.Name)
		}
		return
	}
	m.Report(w, *top)
}
