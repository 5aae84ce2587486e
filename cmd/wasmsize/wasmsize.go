package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/triggersim/triggersim/internal/wasmdata"
)

// Func is one function body of the code section.
type Func struct {
	Name string // Go name from the name section; "func<N>" without one
	Size int    // bytes of the body, locals included
}

// Module is what Parse reads from a wasm binary.
type Module struct {
	Funcs []Func // in code-section order
	Code  int    // sum of the bodies
	Data  int    // bytes of the data section (pclntab, rodata, types, …)
	// CodeSection and DataSection are the two sections' contents, for
	// what they weigh compressed (-wire).
	CodeSection, DataSection []byte
}

// ErrFormat is returned for input that is not a well-formed wasm module
// (the same error as internal/wasmdata's, which reads the data section).
var ErrFormat = wasmdata.ErrFormat

// reader is internal/wasmdata's.
type reader = wasmdata.Reader

// Parse reads the sections of a wasm binary.
func Parse(b []byte) (*Module, error) {
	secs, err := wasmdata.Sections(b)
	if err != nil {
		return nil, err
	}
	m := &Module{}
	imported := 0
	names := map[uint64]string{}
	for _, sec := range secs {
		s := &reader{B: sec.Body}
		switch sec.ID {
		case 0: // custom
			nm, err := s.Name()
			if err != nil {
				return nil, err
			}
			if nm == "name" {
				if err := readNames(s, names); err != nil {
					return nil, err
				}
			}
		case 2: // imports
			if imported, err = countFuncImports(s); err != nil {
				return nil, err
			}
		case 10: // code
			m.CodeSection = sec.Body
			n, err := s.Uleb()
			if err != nil {
				return nil, err
			}
			for k := uint64(0); k < n; k++ {
				fn, err := s.Sized()
				if err != nil {
					return nil, err
				}
				m.Funcs = append(m.Funcs, Func{Size: len(fn)})
				m.Code += len(fn)
			}
		case 11: // data
			m.Data = len(sec.Body)
			m.DataSection = sec.Body
		}
	}
	for k := range m.Funcs {
		idx := uint64(imported + k)
		if nm, ok := names[idx]; ok {
			m.Funcs[k].Name = nm
		} else {
			m.Funcs[k].Name = fmt.Sprintf("func%d", idx)
		}
	}
	return m, nil
}

// countFuncImports returns how many of the imports are functions: they take
// the first function indices, before the code section's bodies.
func countFuncImports(s *reader) (int, error) {
	n, err := s.Uleb()
	if err != nil {
		return 0, err
	}
	funcs := 0
	for k := uint64(0); k < n; k++ {
		if _, err := s.Name(); err != nil {
			return 0, err
		}
		if _, err := s.Name(); err != nil {
			return 0, err
		}
		kind, err := s.Bytes(1)
		if err != nil {
			return 0, err
		}
		switch kind[0] {
		case 0: // func: type index
			funcs++
			_, err = s.Uleb()
		case 1: // table: reftype, limits
			if _, err = s.Bytes(1); err == nil {
				err = skipLimits(s)
			}
		case 2: // memory: limits
			err = skipLimits(s)
		case 3: // global: valtype, mutability
			_, err = s.Bytes(2)
		default:
			err = fmt.Errorf("%w: import kind %d", ErrFormat, kind[0])
		}
		if err != nil {
			return 0, err
		}
	}
	return funcs, nil
}

func skipLimits(s *reader) error {
	flags, err := s.Bytes(1)
	if err != nil {
		return err
	}
	if _, err := s.Uleb(); err != nil {
		return err
	}
	if flags[0]&1 == 1 {
		_, err = s.Uleb()
	}
	return err
}

// readNames reads the function-names subsection (id 1) of the name section.
func readNames(s *reader, names map[uint64]string) error {
	for s.Pos < len(s.B) {
		sub, err := s.Bytes(1)
		if err != nil {
			return err
		}
		size, err := s.Uleb()
		if err != nil {
			return err
		}
		body, err := s.Bytes(size)
		if err != nil {
			return err
		}
		if sub[0] != 1 {
			continue
		}
		f := &reader{B: body}
		n, err := f.Uleb()
		if err != nil {
			return err
		}
		for k := uint64(0); k < n; k++ {
			idx, err := f.Uleb()
			if err != nil {
				return err
			}
			nm, err := f.Name()
			if err != nil {
				return err
			}
			names[idx] = nm
		}
	}
	return nil
}

// Package returns the Go package of a function name as the wasm linker
// writes it, with '/' turned into '_': "github.com_x_y_pkg.(*T).M" gives
// "github.com_x_y_pkg", "encoding_json.(*decodeState).literalStore" gives
// "encoding_json". A first path element with a dot (a host name) is skipped
// before looking for the dot that ends the package.
func Package(name string) string {
	from := 0
	if i := strings.IndexByte(name, '_'); i > 0 && isHost(name[:i]) {
		from = i + 1
	}
	if i := strings.IndexByte(name[from:], '.'); i >= 0 {
		return name[:from+i]
	}
	return name
}

// isHost reports whether s looks like a host name: lower-case letters,
// digits and hyphens in at least two dot-separated labels.
func isHost(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
		for _, c := range l {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// Report writes the totals, the packages by code size and the largest
// functions; top limits both lists (0: all).
func (m *Module) Report(w io.Writer, top int) {
	fmt.Fprintf(w, "code %d bytes in %d functions, data %d bytes\n", m.Code, len(m.Funcs), m.Data)
	byPkg := map[string]int{}
	for _, f := range m.Funcs {
		byPkg[Package(f.Name)] += f.Size
	}
	type kv struct {
		k string
		v int
	}
	pkgs := make([]kv, 0, len(byPkg))
	for k, v := range byPkg {
		pkgs = append(pkgs, kv{k, v})
	}
	sort.Slice(pkgs, func(a, b int) bool {
		if pkgs[a].v != pkgs[b].v {
			return pkgs[a].v > pkgs[b].v
		}
		return pkgs[a].k < pkgs[b].k
	})
	fmt.Fprintln(w, "-- code by package")
	for i, p := range pkgs {
		if top > 0 && i >= top {
			break
		}
		fmt.Fprintf(w, "%9d %s\n", p.v, p.k)
	}
	fns := append([]Func(nil), m.Funcs...)
	sort.SliceStable(fns, func(a, b int) bool { return fns[a].Size > fns[b].Size })
	fmt.Fprintln(w, "-- largest functions")
	for i, f := range fns {
		if top > 0 && i >= top {
			break
		}
		fmt.Fprintf(w, "%9d %s\n", f.Size, f.Name)
	}
}
