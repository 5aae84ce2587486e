package main

import (
	"encoding/binary"
	"fmt"

	"github.com/triggersim/triggersim/internal/wasmdata"
)

// Part is a named stretch of the data section's memory image.
type Part struct {
	Name  string
	Bytes []byte
}

// funcHeader is the size of a runtime._func record before its pcdata and
// funcdata offsets.
const funcHeader = 44

// DataParts splits the memory image the data section writes (Memory) at
// Go's function table: what comes before it (read-only data: type
// descriptors, string literals, embedded files), the table's function
// names, its pc-value tables (stack, file and line of every call site),
// its function records, and what comes after (initialised variables).
// The parts tell how much of the data follows the code: the last three
// grow with the number of functions and call sites.
func DataParts(mem []byte) ([]Part, error) {
	p, err := wasmdata.PCHeader(mem)
	if err != nil {
		return nil, err
	}
	n := uint64(len(mem))
	field := func(i int) uint64 { return binary.LittleEndian.Uint64(mem[p+8+8*i:]) }
	nfunc, names, cu, pctab, records := field(0), field(3), field(4), field(6), field(7)
	bad := fmt.Errorf("%w: a malformed Go function table", ErrFormat)
	// Every offset is checked against the image before it is used as an
	// int: the fields are read from the file.
	if nfunc == 0 || nfunc > n || records > n || !(0 < names && names <= cu && cu <= pctab && pctab <= records) {
		return nil, bad
	}
	ft := p + int(records)
	if uint64(ft)+8*(nfunc+1) > n {
		return nil, bad
	}
	// The records follow the table of (entry, record offset) pairs; the
	// last record ends after its pcdata and funcdata offsets.
	last := ft + int(binary.LittleEndian.Uint32(mem[ft+8*int(nfunc-1)+4:]))
	if last+funcHeader > len(mem) {
		return nil, bad
	}
	npcdata, nfuncdata := int(binary.LittleEndian.Uint32(mem[last+28:])), int(mem[last+funcHeader-1])
	end := min(last+funcHeader+4*(npcdata+nfuncdata), len(mem))
	return []Part{
		{"read-only data (types, strings, embedded files)", mem[:p]},
		{"function names", mem[p+int(names) : p+int(cu)]},
		{"pc-value tables", mem[p+int(pctab) : ft]},
		{"function records", mem[ft:end]},
		{"variables", mem[end:]},
	}, nil
}

// Memory is the linear memory the data section's segments write, from
// the first byte any segment writes (Go's wasm segments are all active,
// at constant offsets).
func Memory(data []byte) ([]byte, error) {
	segs, err := wasmdata.Segments(data)
	if err != nil {
		return nil, err
	}
	_, mem, err := wasmdata.Image(segs)
	return mem, err
}
