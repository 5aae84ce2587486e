// Command trace is a Go program for the wasmdata tests to run under Node
// after StripLines: its collections walk deep stacks (the stack maps StripLines
// moves), it asks runtime.Caller for its place, and it ends in a panic
// whose stack trace names its functions.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	v    int
	next *node
}

// deep holds a heap object in each of n frames across collections; a
// wrong stack map frees or moves one under the frame that holds it.
//
//go:noinline
func deep(n int) int {
	keep := &node{v: n}
	if n == 0 {
		for range 5 {
			junk := make([]*node, 0, 1000)
			for i := range 1000 {
				junk = append(junk, &node{v: i})
			}
			runtime.GC()
			_ = junk
		}
		return keep.v
	}
	return deep(n-1) + keep.v
}

//go:noinline
func explode() { panic("boom") }

func main() {
	fmt.Println("sum", deep(300) == 300*301/2)
	pc, file, line, ok := runtime.Caller(0)
	fmt.Printf("caller %s %s:%d %v\n", runtime.FuncForPC(pc).Name(), file, line, ok)
	explode()
}
