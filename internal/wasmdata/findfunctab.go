package wasmdata

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// Go's linker writes, into every module, a lookup table from a program
// counter to the function that holds it (runtime.findfunctab): one
// 20-byte bucket per 4 096 PCs. On wasm a PC is a function's index times
// 65 536 plus a block number, so the table has 16 buckets per function:
// 3.1 MB of the page's memory image, and (its zero runs splitting it into
// 85 000 segments) 2.3 MB of its 16.9 MB file. The browser copies, hashes
// and decodes every byte of the file on every load, even a reload that
// reuses the compiled code. Yet the table follows from the function table
// (ftab) beside it: Strip takes it out of the module and records where it
// goes in a custom section (MetaSection), and web/findfunctab.js writes it
// back into memory before the program starts, as Restore does here.

// MetaSection names the custom section Strip adds: five little-endian
// uint64 (Meta's fields in order).
const MetaSection = "triggersim.findfunctab"

// Meta says where the table goes and what it follows from.
type Meta struct {
	Table uint64 // address of the table (moduledata.findfunctab)
	Ftab  uint64 // address of the (entry, record offset) pairs
	NFunc uint64 // functions in ftab (it has one more entry: the end)
	MinPC uint64 // the first function's entry PC
	MaxPC uint64 // the end of the last function
}

// ErrStripped is returned by Strip for a module it already stripped.
var ErrStripped = errors.New("the function lookup table was already taken out")

const (
	bucketPCs    = 4096 // PCs a bucket covers (abi.FuncTabBucketSize)
	subbuckets   = 16
	subPCs       = bucketPCs / subbuckets
	bucketBytes  = 4 + subbuckets
	wasmFuncPCs  = 1 << 16 // a wasm function's PC is its index << 16
	moduleFields = 176     // moduledata up to and including maxpc
)

// pclnMagic opens Go's function table (runtime.pcHeader, Go 1.20 and
// later): the magic, two zero bytes, the instruction size quantum (1 for
// wasm) and the pointer size (8).
var pclnMagic = []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8}

// Strip returns the module without its function lookup table's bytes and
// with MetaSection, and how many bytes the file lost. It first rebuilds
// the table the way web/findfunctab.js will and checks it equals the
// linker's byte for byte: a linker that lays it out otherwise fails the
// build instead of a page.
func Strip(wasm []byte) ([]byte, int, error) {
	im, err := openImage(wasm, MetaSection, ErrStripped)
	if err != nil {
		return nil, 0, err
	}
	secs, lo, mem := im.secs, im.lo, im.mem
	m, err := locate(lo, mem)
	if err != nil {
		return nil, 0, err
	}
	if err := m.check(lo, mem); err != nil {
		return nil, 0, err
	}
	at, n := int(m.Table)-lo, tableBytes(m)
	want := make([]byte, n)
	if err := build(lo, mem, m, want); err != nil {
		return nil, 0, err
	}
	if !bytes.Equal(want, mem[at:at+n]) {
		return nil, 0, fmt.Errorf("%w: the function lookup table is not the one internal/wasmdata rebuilds (a new Go linker?)", ErrFormat)
	}
	secs[im.data].Body = EncodeSegments(cut(im.segs, int(m.Table), int(m.Table)+n))
	secs = append(secs, customSectionOf(MetaSection, m.encode()))
	out := Module(secs)
	return out, len(wasm) - len(out), nil
}

// Restore writes a stripped module's table into the memory image that
// starts at address lo (Image), as web/findfunctab.js does in the page.
// (ModuleImage gives a module's image.)
func Restore(lo int, mem []byte, m Meta) error {
	if err := m.check(lo, mem); err != nil {
		return err
	}
	at := int(m.Table) - lo
	return build(lo, mem, m, mem[at:at+tableBytes(m)])
}

// ReadMeta reads a stripped module's MetaSection; ok is false for a module
// Strip did not change.
func ReadMeta(wasm []byte) (m Meta, ok bool, err error) {
	secs, err := Sections(wasm)
	if err != nil {
		return Meta{}, false, err
	}
	for _, s := range secs {
		name, body, isCustom := custom(s)
		if !isCustom || name != MetaSection {
			continue
		}
		if len(body) != 5*8 {
			return Meta{}, false, fmt.Errorf("%w: a %s section of %d bytes", ErrFormat, MetaSection, len(body))
		}
		f := func(i int) uint64 { return binary.LittleEndian.Uint64(body[8*i:]) }
		return Meta{f(0), f(1), f(2), f(3), f(4)}, true, nil
	}
	return Meta{}, false, nil
}

// TableBytes is the size of the table at m.Table.
func (m Meta) TableBytes() int { return tableBytes(m) }

func (m Meta) encode() []byte {
	var b []byte
	for _, v := range []uint64{m.Table, m.Ftab, m.NFunc, m.MinPC, m.MaxPC} {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return b
}

// tableBytes is the table's size: a bucket for every 4 096 PCs, the last
// one cut after its last subbucket (the linker's symbol is 4 bytes a
// bucket and 1 a subbucket).
func tableBytes(m Meta) int {
	span := m.MaxPC - m.MinPC
	return int(4*((span+bucketPCs-1)/bucketPCs) + (span+subPCs-1)/subPCs)
}

// PCHeader is where Go's function table starts in a memory image (Image):
// the offset of its header, runtime.pcHeader, which has room for its
// fields after it (the magic, then nfunc, nfiles, textStart and the
// offsets of the names, cu, file, pc-value and function tables).
func PCHeader(mem []byte) (int, error) {
	p := bytes.Index(mem, pclnMagic)
	if p < 0 || p+8+8*8 > len(mem) {
		return 0, fmt.Errorf("%w: no Go function table in the data", ErrFormat)
	}
	return p, nil
}

// locate finds the function table's header (pcHeader) in the memory image
// and the moduledata that points at it, and reads where the lookup table
// is. A header is accepted only with a moduledata whose pclntable and ftab
// both start at the header's pclnOffset and whose ftab has nfunc+1 entries.
func locate(lo int, mem []byte) (Meta, error) {
	p, err := PCHeader(mem)
	if err != nil {
		return Meta{}, err
	}
	u64 := func(at int) uint64 { return binary.LittleEndian.Uint64(mem[at:]) }
	header := uint64(lo + p)
	nfunc, pcln := u64(p+8), u64(p+8+7*8)
	ftab := header + pcln
	var key [8]byte
	binary.LittleEndian.PutUint64(key[:], header)
	for from := 0; ; {
		i := bytes.Index(mem[from:], key[:])
		if i < 0 {
			return Meta{}, fmt.Errorf("%w: no moduledata points at the function table", ErrFormat)
		}
		md := from + i
		from = md + 1
		if (lo+md)%8 != 0 || md+moduleFields > len(mem) {
			continue
		}
		if u64(md+104) != ftab || u64(md+128) != ftab || u64(md+136) != nfunc+1 {
			continue
		}
		m := Meta{Table: u64(md + 152), Ftab: ftab, NFunc: nfunc, MinPC: u64(md + 160), MaxPC: u64(md + 168)}
		if err := m.check(lo, mem); err != nil {
			return Meta{}, err
		}
		// The table must not hold what the page needs to rebuild it.
		t0, t1 := m.Table, m.Table+uint64(tableBytes(m))
		if t0 < uint64(lo+md+moduleFields) && uint64(lo+md) < t1 || t0 < ftab+8*(nfunc+1) && ftab < t1 {
			return Meta{}, fmt.Errorf("%w: the lookup table overlaps the function table", ErrFormat)
		}
		return m, nil
	}
}

// check bounds what build reads and writes by the memory image, so that a
// malformed module cannot make it loop or index out of range.
func (m Meta) check(lo int, mem []byte) error {
	end := uint64(lo + len(mem))
	switch {
	case m.NFunc == 0 || m.MinPC >= m.MaxPC || m.MaxPC-m.MinPC > 1<<40:
		return fmt.Errorf("%w: %d functions over PCs %d-%d", ErrFormat, m.NFunc, m.MinPC, m.MaxPC)
	case m.Ftab < uint64(lo) || m.Ftab+8*(m.NFunc+1) > end || m.NFunc > uint64(len(mem)):
		return fmt.Errorf("%w: a function table outside the data", ErrFormat)
	case m.Table < uint64(lo) || m.Table+uint64(tableBytes(m)) > end:
		return fmt.Errorf("%w: a lookup table outside the data", ErrFormat)
	case m.Table%4 != 0 || m.Ftab%4 != 0:
		// web/findfunctab.js reads and writes both as 32-bit words.
		return fmt.Errorf("%w: a lookup table at %d or a function table at %d not aligned to 4 bytes", ErrFormat, m.Table, m.Ftab)
	}
	return nil
}

// build writes the table into out. Each bucket holds the index of the
// function that holds its first PC, and each of its subbuckets how many
// functions later the one holding the subbucket's first PC comes: as the
// linker's cmd/link/internal/ld.(*Link).findfunctab computes it, the
// smallest function index in each. A wasm function spans 65 536 PCs, 16
// whole buckets, so every subbucket byte is 0; a module where a function
// ends inside a bucket (other than the last function) is refused.
// web/findfunctab.js is the same walk.
func build(lo int, mem []byte, m Meta, out []byte) error {
	ftab := int(m.Ftab) - lo
	entry := func(k uint64) uint64 {
		return uint64(binary.LittleEndian.Uint32(mem[ftab+8*int(k):])) * wasmFuncPCs
	}
	end := func(k uint64) uint64 {
		if k+1 < m.NFunc {
			return entry(k + 1)
		}
		return m.MaxPC
	}
	if entry(0) != m.MinPC {
		return fmt.Errorf("%w: the first function starts at PC %d, not %d", ErrFormat, entry(0), m.MinPC)
	}
	nsub := (m.MaxPC - m.MinPC + subPCs - 1) / subPCs
	clear(out)
	k, e := uint64(0), end(0)
	for b := uint64(0); b*subbuckets < nsub; b++ {
		start := m.MinPC + b*bucketPCs
		for e <= start {
			k++
			if k >= m.NFunc || end(k) < e {
				return fmt.Errorf("%w: function entries out of order", ErrFormat)
			}
			e = end(k)
		}
		if e < start+bucketPCs && b*subbuckets+1 < nsub {
			return fmt.Errorf("%w: function %d ends inside a bucket", ErrFormat, k)
		}
		binary.LittleEndian.PutUint32(out[b*bucketBytes:], uint32(k))
	}
	return nil
}

// ModuleImage is the memory a module's data section writes (Image).
func ModuleImage(wasm []byte) (lo int, mem []byte, err error) {
	secs, err := Sections(wasm)
	if err != nil {
		return 0, nil, err
	}
	_, segs, err := dataSegments(secs)
	if err != nil {
		return 0, nil, err
	}
	return Image(segs)
}

// dataImage is a module opened for a rewrite of its data.
type dataImage struct {
	secs []Section
	data int       // the data section's index in secs
	segs []Segment // as the module has them
	lo   int       // the lowest address a segment writes
	mem  []byte    // the memory image from lo
}

// openImage reads a module for a rewrite of its data. A module that
// already has the custom section done gives errDone. A data count section
// is refused: both rewrites change the number of segments.
func openImage(wasm []byte, done string, errDone error) (dataImage, error) {
	var im dataImage
	secs, err := Sections(wasm)
	if err != nil {
		return im, err
	}
	for _, s := range secs {
		if name, _, ok := custom(s); ok && name == done {
			return im, errDone
		}
		if s.ID == dataCount {
			return im, fmt.Errorf("%w: a data count section (Go's linker writes none)", ErrFormat)
		}
	}
	data, segs, err := dataSegments(secs)
	if err != nil {
		return im, err
	}
	lo, mem, err := Image(segs)
	if err != nil {
		return im, err
	}
	return dataImage{secs, data, segs, lo, mem}, nil
}

// dataSegments finds the data section among secs and reads its segments.
func dataSegments(secs []Section) (index int, segs []Segment, err error) {
	for i, s := range secs {
		if s.ID == dataSection {
			segs, err := Segments(s.Body)
			return i, segs, err
		}
	}
	return -1, nil, fmt.Errorf("%w: no data section", ErrFormat)
}

// cut returns the segments without the bytes of [from, to).
func cut(segs []Segment, from, to int) []Segment {
	out := make([]Segment, 0, len(segs))
	for _, s := range segs {
		end := s.At + len(s.Body)
		if end <= from || s.At >= to {
			out = append(out, s)
			continue
		}
		if s.At < from {
			out = append(out, Segment{s.At, s.Body[:from-s.At]})
		}
		if end > to {
			out = append(out, Segment{to, s.Body[to-s.At:]})
		}
	}
	return out
}
