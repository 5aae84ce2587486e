package wasmdata

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Beside the stack maps the collector needs, Go's linker writes into every
// module two pc-value tables per function that only a traceback reads:
// the file and the line of every PC (runtime.funcline1, behind a panic's
// stack trace, runtime.Caller and go-app's error locations). On wasm they
// do not compress well (varint deltas): in the page's module they are
// 276 KB of the memory image and 133 KB of its brotli file, for a panic
// the user never sees. StripLines takes them out: every function's pcfile
// and pcln offsets become 0, which the runtime reads as "no table" (a
// frame then prints as ?:0, with its function's name and PC offset), and
// the tables the collector and the scheduler read (pcsp and every pcdata
// table: stack maps, unsafe points, inlining) are packed together at the
// start of the pc-value table, byte for byte, with their offsets
// rewritten. cmd/wasmsym puts the file and line back into a stack trace
// from the same commit's module built without cmd/wasmstrip (Symbols).

// LinesSection names the custom section StripLines adds: two
// little-endian uint64, the pc-value table's size before and after.
const LinesSection = "triggersim.lines"

// ErrLinesStripped is returned by StripLines for a module it already
// stripped.
var ErrLinesStripped = errors.New("the line tables were already taken out")

// Offsets in runtime._func (Go 1.20 and later).
const (
	funcPCSP    = 16
	funcPCFile  = 20
	funcPCLn    = 24
	funcNPCData = 28
	funcCU      = 32 // cuOffset: the function's first entry in cutab
	funcStart   = 36 // startLine
	funcFixed   = 44 // the pcdata offsets follow
	mdPCTab     = 80 // moduledata.pctab (pointer, length, capacity)
)

// StripLines returns the module without its file and line tables and
// with LinesSection, and how many bytes of the memory image those tables
// took. The file itself may lose fewer: the data segments are cut again
// with segmentGap, which keeps short runs of zeros that brotli packs
// better than segment headers.
func StripLines(wasm []byte) ([]byte, int, error) {
	im, err := openImage(wasm, LinesSection, ErrLinesStripped)
	if err != nil {
		return nil, 0, err
	}
	secs, lo, mem := im.secs, im.lo, im.mem
	t, err := readPCTables(lo, mem)
	if err != nil {
		return nil, 0, err
	}
	packed, err := t.pack(mem)
	if err != nil {
		return nil, 0, err
	}
	// The rewritten records lie in the linker's segments or in the zero
	// runs between them (an offset's zero byte), so the segments are cut
	// again from the new image (segmentsOf).
	region := mem[t.pctab : t.pctab+t.size]
	copy(region, packed)
	clear(region[len(packed):])
	files, err := fileTables(mem)
	if err != nil {
		return nil, 0, err
	}
	clear(mem[files[0]:files[1]])
	secs[im.data].Body = EncodeSegments(segmentsOf(lo, mem))
	var meta []byte
	meta = binary.LittleEndian.AppendUint64(meta, uint64(t.size))
	meta = binary.LittleEndian.AppendUint64(meta, uint64(len(packed)))
	secs = append(secs, customSectionOf(LinesSection, meta))
	return Module(secs), t.size - len(packed), nil
}

// pcTables is where a module's pc-value tables and function records are
// in its memory image (offsets into the image).
type pcTables struct {
	pctab, size int   // the pc-value table
	funcs       []int // every function's record
}

// readPCTables finds the function table through its moduledata (as
// locate does) and every function's record, bounded by the image.
func readPCTables(lo int, mem []byte) (pcTables, error) {
	m, err := locate(lo, mem)
	if err != nil {
		return pcTables{}, err
	}
	ftab := int(m.Ftab) - lo
	md, err := moduledataOf(lo, mem, m)
	if err != nil {
		return pcTables{}, err
	}
	u64 := func(at int) uint64 { return binary.LittleEndian.Uint64(mem[at:]) }
	pctab, size := u64(md+mdPCTab), u64(md+mdPCTab+8)
	if pctab < uint64(lo) || pctab-uint64(lo) > uint64(len(mem)) || size > uint64(len(mem))-(pctab-uint64(lo)) || size == 0 {
		return pcTables{}, fmt.Errorf("%w: a pc-value table outside the data", ErrFormat)
	}
	t := pcTables{pctab: int(pctab) - lo, size: int(size), funcs: make([]int, 0, m.NFunc)}
	for i := range int(m.NFunc) {
		f := ftab + int(binary.LittleEndian.Uint32(mem[ftab+8*i+4:]))
		if f < ftab || f+funcFixed > len(mem) {
			return pcTables{}, fmt.Errorf("%w: function record %d outside the data", ErrFormat, i)
		}
		n := int(binary.LittleEndian.Uint32(mem[f+funcNPCData:]))
		if n > 64 || f+funcFixed+4*n > len(mem) {
			return pcTables{}, fmt.Errorf("%w: function record %d has %d pcdata tables", ErrFormat, i, n)
		}
		t.funcs = append(t.funcs, f)
	}
	return t, nil
}

// moduledataOf is the offset of the moduledata locate accepted for m.
func moduledataOf(lo int, mem []byte, m Meta) (int, error) {
	var key [8]byte
	binary.LittleEndian.PutUint64(key[:], m.Ftab)
	u64 := func(at int) uint64 { return binary.LittleEndian.Uint64(mem[at:]) }
	for md := 0; md+moduleFields <= len(mem); md += 8 - (lo+md)%8 {
		if u64(md+104) == m.Ftab && u64(md+128) == m.Ftab && u64(md+136) == m.NFunc+1 && u64(md+152) == m.Table {
			return md, nil
		}
	}
	return 0, fmt.Errorf("%w: no moduledata points at the function table", ErrFormat)
}

// kept lists the offsets of the tables a function keeps (pcsp, then its
// pcdata tables), each with where its offset is written.
func (t pcTables) kept(mem []byte, f int) (fields []int) {
	fields = append(fields, f+funcPCSP)
	n := int(binary.LittleEndian.Uint32(mem[f+funcNPCData:]))
	for j := range n {
		fields = append(fields, f+funcFixed+4*j)
	}
	return fields
}

// pack copies every kept table into a new pc-value table (offset 0, the
// runtime's "no table", stays a zero byte), rewrites the records'
// offsets to it and sets pcfile and pcln to 0. mem is changed only when
// every table was read.
func (t pcTables) pack(mem []byte) ([]byte, error) {
	pctab := mem[t.pctab : t.pctab+t.size]
	packed := []byte{0}
	moved := map[uint32]uint32{}
	type write struct {
		at  int
		off uint32
	}
	var writes []write
	for _, f := range t.funcs {
		for _, at := range t.kept(mem, f) {
			off := binary.LittleEndian.Uint32(mem[at:])
			if off == 0 {
				continue
			}
			to, ok := moved[off]
			if !ok {
				n, err := tableLen(pctab, int(off))
				if err != nil {
					return nil, err
				}
				if len(packed)+n > len(pctab) {
					return nil, fmt.Errorf("%w: pc-value tables overlap", ErrFormat)
				}
				to = uint32(len(packed))
				moved[off] = to
				packed = append(packed, pctab[off:int(off)+n]...)
			}
			writes = append(writes, write{at, to})
		}
	}
	for _, w := range writes {
		binary.LittleEndian.PutUint32(mem[w.at:], w.off)
	}
	for _, f := range t.funcs {
		for _, at := range []int{funcPCFile, funcPCLn, funcCU, funcStart} {
			binary.LittleEndian.PutUint32(mem[f+at:], 0)
		}
	}
	return packed, nil
}

// fileTables is where cutab and filetab lie in the image, [from, to):
// they follow each other, between the function names and the pc-value
// table (runtime.pcHeader's cuOffset, filetabOffset and pctabOffset).
func fileTables(mem []byte) ([2]int, error) {
	p, err := PCHeader(mem)
	if err != nil {
		return [2]int{}, err
	}
	field := func(i int) uint64 { return binary.LittleEndian.Uint64(mem[p+8+8*i:]) }
	cu, filetab, pctab := field(4), field(5), field(6)
	if !(cu <= filetab && filetab <= pctab && pctab <= uint64(len(mem)-p)) {
		return [2]int{}, fmt.Errorf("%w: file tables outside the data", ErrFormat)
	}
	return [2]int{p + int(cu), p + int(pctab)}, nil
}

// tableLen is the length of the pc-value table at off, its end mark
// included: pairs of a zigzag value delta and a PC delta, both varints,
// ended by a zero value delta after the first pair (runtime.step).
func tableLen(pctab []byte, off int) (int, error) {
	if off <= 0 || off >= len(pctab) {
		return 0, fmt.Errorf("%w: a pc-value table at %d of %d bytes", ErrFormat, off, len(pctab))
	}
	p := off
	for first := true; ; first = false {
		if p >= len(pctab) {
			return 0, fmt.Errorf("%w: the pc-value table at %d runs past the end", ErrFormat, off)
		}
		if pctab[p] == 0 && !first {
			return p + 1 - off, nil
		}
		for range 2 {
			_, n := binary.Uvarint(pctab[p:])
			if n <= 0 {
				return 0, fmt.Errorf("%w: the pc-value table at %d has a bad varint", ErrFormat, off)
			}
			p += n
		}
	}
}

// segmentGap is the shortest run of zeros segmentsOf leaves out. Go's
// linker uses 8, a segment's header; but once StripLines has zeroed the
// file and line offsets every function record carries such a run, and
// cutting there makes 24 000 segments instead of 15 000. Headers are
// varints that brotli cannot predict while a run of zeros costs it
// almost nothing: at 64 the page's app.wasm has 164 segments and is
// 63 KB lighter over the wire (docs/performance.md, tenth run).
const segmentGap = 64

// maxSegments is the most data segments wasm runtimes accept (V8's
// kV8MaxWasmDataSegments); Go's linker keeps under it the same way.
const maxSegments = 100000

// segmentsOf cuts a memory image into data segments as Go's linker does
// (cmd/link/internal/wasm writeDataSec), leaving out runs of segmentGap
// zeros or more; past maxSegments-1 segments the rest of the image is one
// segment.
func segmentsOf(lo int, mem []byte) []Segment {
	var segs []Segment
	for i := 0; i < len(mem); {
		for i < len(mem) && mem[i] == 0 {
			i++
		}
		if i == len(mem) {
			break
		}
		start, last := i, i
		if len(segs) == maxSegments-1 {
			for j := len(mem) - 1; j > i; j-- {
				if mem[j] != 0 {
					last = j
					break
				}
			}
			segs = append(segs, Segment{lo + start, mem[start : last+1]})
			break
		}
		for ; i < len(mem) && i-last <= segmentGap; i++ {
			if mem[i] != 0 {
				last = i
			}
		}
		segs = append(segs, Segment{lo + start, mem[start : last+1]})
		i = last + 1
	}
	return segs
}
