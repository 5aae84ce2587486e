package wasmdata

import (
	"encoding/binary"
	"fmt"
)

// Segment is an active data segment of memory 0: Body is written at At
// when the module is instantiated (the only kind Go's linker writes).
type Segment struct {
	At   int
	Body []byte
}

// Segments reads a data section's contents.
func Segments(data []byte) ([]Segment, error) {
	r := &Reader{B: data}
	n, err := r.Uleb()
	if err != nil {
		return nil, err
	}
	segs := make([]Segment, 0, min(n, uint64(len(data))/4)) // a segment takes 4 bytes at least
	for range n {
		flags, err := r.Uleb()
		if err != nil {
			return nil, err
		}
		if flags != 0 || r.Pos >= len(data) || data[r.Pos] != 0x41 { // active, memory 0, i32.const
			return nil, fmt.Errorf("%w: a data segment at %d has no constant offset", ErrFormat, r.Pos)
		}
		r.Pos++
		at, k := sleb(data[r.Pos:])
		if k <= 0 || at < 0 || r.Pos+k >= len(data) || data[r.Pos+k] != 0x0b { // end
			return nil, fmt.Errorf("%w: a data segment at %d has a bad offset", ErrFormat, r.Pos)
		}
		r.Pos += k + 1
		body, err := r.Sized()
		if err != nil {
			return nil, err
		}
		if at > 1<<32 {
			return nil, fmt.Errorf("%w: a data segment at offset %d", ErrFormat, at)
		}
		segs = append(segs, Segment{int(at), body})
	}
	return segs, nil
}

// EncodeSegments is the data section's contents for segs.
func EncodeSegments(segs []Segment) []byte {
	out := binary.AppendUvarint(nil, uint64(len(segs)))
	for _, s := range segs {
		out = append(out, 0, 0x41)
		out = appendSleb(out, int64(s.At))
		out = append(out, 0x0b)
		out = binary.AppendUvarint(out, uint64(len(s.Body)))
		out = append(out, s.Body...)
	}
	return out
}

// MaxImage bounds the image Image makes: a Go program's data is tens of
// megabytes, and a hostile file must not make it allocate gigabytes.
const MaxImage = 1 << 30

// Image is the memory the segments write, from the lowest address any of
// them writes (lo); gaps are zero.
func Image(segs []Segment) (lo int, mem []byte, err error) {
	if len(segs) == 0 {
		return 0, nil, nil
	}
	lo, hi := segs[0].At, 0
	for _, s := range segs {
		lo = min(lo, s.At)
		hi = max(hi, s.At+len(s.Body))
	}
	if hi-lo > MaxImage {
		return 0, nil, fmt.Errorf("%w: data segments span %d bytes", ErrFormat, hi-lo)
	}
	mem = make([]byte, hi-lo)
	for _, s := range segs {
		copy(mem[s.At-lo:], s.Body)
	}
	return lo, mem, nil
}

// sleb reads a signed LEB128 number; n <= 0 when it is cut short.
func sleb(b []byte) (v int64, n int) {
	var shift uint
	for i, c := range b {
		if i == 10 {
			return 0, -1
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			if shift < 64 && c&0x40 != 0 {
				v -= 1 << shift
			}
			return v, i + 1
		}
	}
	return 0, 0
}

// appendSleb appends v as a signed LEB128 number.
func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
