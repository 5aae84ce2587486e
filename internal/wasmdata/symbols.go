package wasmdata

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
)

// Symbols answers where a PC of a module's function is in the source,
// from a module that still has its file and line tables: the same
// commit built with ./build.sh's flags, before cmd/wasmstrip. It is what
// cmd/wasmsym reads to put files and lines back into a stack trace the
// shipped page printed.
type Symbols struct {
	mem                          []byte
	pctab, cutab, filetab, names int // offsets into mem
	byName                       map[string][]int
}

// Offsets in runtime._func and runtime.pcHeader (Go 1.20 and later).
const (
	funcNameOff  = 4
	funcCUOffset = 32
	hdrNames     = 32
	hdrCU        = 40
	hdrFiles     = 48
)

// ReadSymbols reads a module's function table. A module StripLines
// changed has no lines to give: ErrLinesStripped.
func ReadSymbols(wasm []byte) (*Symbols, error) {
	secs, err := Sections(wasm)
	if err != nil {
		return nil, err
	}
	for _, s := range secs {
		if name, _, ok := custom(s); ok && name == LinesSection {
			return nil, fmt.Errorf("%w: build the module again without cmd/wasmstrip", ErrLinesStripped)
		}
	}
	_, segs, err := dataSegments(secs)
	if err != nil {
		return nil, err
	}
	lo, mem, err := Image(segs)
	if err != nil {
		return nil, err
	}
	t, err := readPCTables(lo, mem)
	if err != nil {
		return nil, err
	}
	h, err := PCHeader(mem)
	if err != nil {
		return nil, err
	}
	off := func(field int) (int, error) {
		v := binary.LittleEndian.Uint64(mem[h+field:])
		if v >= uint64(len(mem)-h) {
			return 0, fmt.Errorf("%w: a table outside the data", ErrFormat)
		}
		return h + int(v), nil
	}
	s := &Symbols{mem: mem, pctab: t.pctab, byName: map[string][]int{}}
	if s.names, err = off(hdrNames); err != nil {
		return nil, err
	}
	if s.cutab, err = off(hdrCU); err != nil {
		return nil, err
	}
	if s.filetab, err = off(hdrFiles); err != nil {
		return nil, err
	}
	for _, f := range t.funcs {
		name := s.cstring(s.names + int(int32(binary.LittleEndian.Uint32(mem[f+funcNameOff:]))))
		s.byName[printName(name)] = append(s.byName[printName(name)], f)
	}
	return s, nil
}

// printName is a function's name as a stack trace prints it: a generic
// function's type arguments as "..." (runtime.funcNamePiecesForPrint).
func printName(name string) string {
	i := strings.IndexByte(name, '[')
	if i < 0 {
		return name
	}
	j := strings.LastIndexByte(name, ']')
	if j <= i {
		return name
	}
	return name[:i+1] + "..." + name[j:]
}

// cstring is the NUL-terminated string at off ("" outside the data).
func (s *Symbols) cstring(off int) string {
	if off < 0 || off >= len(s.mem) {
		return ""
	}
	n := bytes.IndexByte(s.mem[off:], 0)
	if n < 0 {
		return ""
	}
	return string(s.mem[off : off+n])
}

// Where is the file and line of the PC that a stack trace prints as
// name(...) followed by +0x<off>: as the runtime reads it, the call
// instruction before a return address (off-1) unless off is 0. ok is
// false for a name the module does not have, or has more than once.
func (s *Symbols) Where(name string, off uint64) (file string, line int, ok bool) {
	fs := s.byName[name]
	if len(fs) != 1 {
		return "", 0, false
	}
	f := fs[0]
	pc := off
	if pc > 0 {
		pc--
	}
	u32 := func(at int) uint32 { return binary.LittleEndian.Uint32(s.mem[at:]) }
	fileno, ok1 := s.value(u32(f+funcPCFile), pc)
	ln, ok2 := s.value(u32(f+funcPCLn), pc)
	if !ok1 || !ok2 || fileno < 0 {
		return "", 0, false
	}
	at := s.cutab + 4*(int(u32(f+funcCUOffset))+int(fileno))
	if at+4 > len(s.mem) {
		return "", 0, false
	}
	return s.cstring(s.filetab + int(u32(at))), int(ln), true
}

// value runs the pc-value table at off up to pc (relative to the
// function's entry), as runtime.pcvalue does.
func (s *Symbols) value(off uint32, pc uint64) (int32, bool) {
	if off == 0 || s.pctab+int(off) >= len(s.mem) {
		return 0, false
	}
	p := s.mem[s.pctab+int(off):]
	val, at := int32(-1), uint64(0)
	for first := true; ; first = false {
		if len(p) == 0 || p[0] == 0 && !first {
			return 0, false
		}
		uv, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, false
		}
		p = p[n:]
		d, n := binary.Uvarint(p)
		if n <= 0 {
			return 0, false
		}
		p = p[n:]
		if uv&1 != 0 {
			val += int32(^(uv >> 1))
		} else {
			val += int32(uv >> 1)
		}
		at += d
		if pc < at {
			return val, true
		}
	}
}
