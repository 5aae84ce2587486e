package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/andybalholm/brotli"

	"github.com/triggersim/triggersim/cmd/serve/static"
)

// brotliSize is len(b) compressed as the site's server precompresses
// files (cmd/serve/static: the same quality and window).
func brotliSize(b []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: static.BrotliQuality, LGWin: static.BrotliWindow})
	w.Write(b) // a bytes.Buffer does not fail
	w.Close()
	return buf.Len()
}

// Wire writes what the code and the data weigh over the wire, each
// compressed alone (their sum is a little over the whole file's), and
// the data's parts (DataParts). It compresses about twenty megabytes at
// brotli's highest level: expect a minute.
func (m *Module) Wire(w io.Writer) error {
	fmt.Fprintf(w, "over the wire (brotli %d, window 2^%d), each part alone: raw -> compressed\n", static.BrotliQuality, static.BrotliWindow)
	fmt.Fprintf(w, "%10d -> %9d  code\n", len(m.CodeSection), brotliSize(m.CodeSection))
	fmt.Fprintf(w, "%10d -> %9d  data\n", len(m.DataSection), brotliSize(m.DataSection))
	mem, err := Memory(m.DataSection)
	if err != nil {
		return err
	}
	parts, err := DataParts(mem)
	if err != nil {
		return err
	}
	for _, p := range parts {
		fmt.Fprintf(w, "%10d -> %9d    %s\n", len(p.Bytes), brotliSize(p.Bytes), p.Name)
	}
	return nil
}
