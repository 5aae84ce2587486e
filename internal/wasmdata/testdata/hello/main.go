// Command hello is a small Go program for the wasmdata tests to build for
// js/wasm: enough of the runtime for a real function lookup table.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "hello")
}
