// Package wasmdata reads and rewrites the data of a WebAssembly module
// built by Go: its sections, its data section's segments and the memory
// image they write, and Go's function lookup table (findfunctab), which
// the build takes out of the module and the page's loader puts back in
// memory (Strip, web/findfunctab.js).
package wasmdata

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrFormat is returned for input that is not a well-formed wasm module,
// or not one laid out the way Go's linker lays out its data.
var ErrFormat = errors.New("not a wasm module")

// Section is one section of a module: its id and its contents.
type Section struct {
	ID   byte
	Body []byte
}

const (
	customSection = 0
	dataSection   = 11
	dataCount     = 12
)

// Sections splits a module into its sections, in order.
func Sections(b []byte) ([]Section, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, ErrFormat
	}
	r := &Reader{B: b, Pos: 8}
	var out []Section
	for r.Pos < len(b) {
		id := b[r.Pos]
		r.Pos++
		body, err := r.Sized()
		if err != nil {
			return nil, err
		}
		out = append(out, Section{id, body})
	}
	return out, nil
}

// Module encodes sections as a module (version 1).
func Module(sections []Section) []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range sections {
		out = append(out, s.ID)
		out = binary.AppendUvarint(out, uint64(len(s.Body)))
		out = append(out, s.Body...)
	}
	return out
}

// custom is a custom section's name and contents.
func custom(s Section) (name string, body []byte, ok bool) {
	if s.ID != customSection {
		return "", nil, false
	}
	r := &Reader{B: s.Body}
	nm, err := r.Name()
	if err != nil {
		return "", nil, false
	}
	return nm, s.Body[r.Pos:], true
}

// customSectionOf builds a custom section.
func customSectionOf(name string, body []byte) Section {
	b := binary.AppendUvarint(nil, uint64(len(name)))
	b = append(b, name...)
	return Section{customSection, append(b, body...)}
}

// Reader reads a module's or a section's bytes from Pos: LEB128 numbers,
// sized byte strings and names, each an ErrFormat where it is malformed
// or overruns B.
type Reader struct {
	B   []byte
	Pos int
}

// Uleb reads an unsigned LEB128 number.
func (r *Reader) Uleb() (uint64, error) {
	v, n := binary.Uvarint(r.B[r.Pos:])
	if n <= 0 {
		return 0, fmt.Errorf("%w: bad LEB128 at %d", ErrFormat, r.Pos)
	}
	r.Pos += n
	return v, nil
}

// Bytes reads n bytes.
func (r *Reader) Bytes(n uint64) ([]byte, error) {
	if n > uint64(len(r.B)-r.Pos) {
		return nil, fmt.Errorf("%w: %d bytes at %d overrun the input", ErrFormat, n, r.Pos)
	}
	s := r.B[r.Pos : r.Pos+int(n)]
	r.Pos += int(n)
	return s, nil
}

// Sized reads a length and that many bytes (a section, a segment's
// contents, a name).
func (r *Reader) Sized() ([]byte, error) {
	n, err := r.Uleb()
	if err != nil {
		return nil, err
	}
	return r.Bytes(n)
}

// Name reads a name (a sized UTF-8 string).
func (r *Reader) Name() (string, error) {
	s, err := r.Sized()
	return string(s), err
}
