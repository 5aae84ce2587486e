package main

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/wasmdata"
)

// sleb128 is n as a signed LEB128 number (an i32.const's operand).
func sleb128(n int) []byte {
	var b []byte
	for {
		c := byte(n & 0x7f)
		n >>= 7
		if n == 0 && c&0x40 == 0 || n == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// segment is an active data segment writing body at offset at.
func segment(at int, body []byte) []byte {
	return bytes.Join([][]byte{leb(0), {0x41}, sleb128(at), {0x0b}, leb(len(body)), body}, nil)
}

func TestMemory(t *testing.T) {
	data := bytes.Join([][]byte{leb(2), segment(110, []byte("bb")), segment(100, []byte("aa"))}, nil)
	mem, err := Memory(data)
	require.NoError(t, err)
	assert.Equal(t, []byte("aa\x00\x00\x00\x00\x00\x00\x00\x00bb"), mem, "from the lowest offset, gaps zeroed")
}

// goData is a memory image laid out as the Go linker does: read-only
// data, the function table's header, names, pc-value tables, the table
// of (entry, record) pairs and two records, then variables.
func goData() []byte {
	var b bytes.Buffer
	b.WriteString("RODATA")
	p := b.Len()
	b.Write([]byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8}) // runtime.pcHeader's magic, as wasmdata.PCHeader finds it
	u64 := func(v int) { binary.Write(&b, binary.LittleEndian, uint64(v)) }
	// nfunc, nfiles, textStart, names, cu, filetab, pctab, records
	for _, v := range []int{2, 1, 0, 72, 80, 80, 80, 90} {
		u64(v)
	}
	b.WriteString("f1\x00f2\x00..") // names: 8 bytes
	b.WriteString("PCTABLES..")     // pc-value tables: 10 bytes
	u32 := func(v int) { binary.Write(&b, binary.LittleEndian, uint32(v)) }
	for _, pair := range [][2]int{{0, 24}, {1, 68}, {2, 0}} {
		u32(pair[0])
		u32(pair[1])
	}
	b.Write(make([]byte, funcHeader)) // the first record: no pcdata, no funcdata
	last := make([]byte, funcHeader)
	last[28], last[funcHeader-1] = 1, 1 // one pcdata and one funcdata offset
	b.Write(last)
	b.Write(make([]byte, 8))
	if b.Len() != p+90+120 {
		panic("goData's layout is off")
	}
	b.WriteString("VARS")
	return b.Bytes()
}

func TestDataParts(t *testing.T) {
	parts, err := DataParts(goData())
	require.NoError(t, err)
	require.Len(t, parts, 5)
	assert.Equal(t, "RODATA", string(parts[0].Bytes))
	assert.Equal(t, "f1\x00f2\x00..", string(parts[1].Bytes))
	assert.Equal(t, "PCTABLES..", string(parts[2].Bytes))
	assert.Len(t, parts[3].Bytes, 120, "pairs, two records and the last one's offsets")
	assert.Equal(t, "VARS", string(parts[4].Bytes))
}

func TestDataPartsRejects(t *testing.T) {
	good := goData()
	tests := map[string][]byte{
		"no table":    []byte("just read-only data"),
		"header cut":  good[:6+20],
		"records cut": good[:len(good)-60],
		"offsets disordered": func() []byte {
			b := bytes.Clone(good)
			binary.LittleEndian.PutUint64(b[6+8+8*3:], 90) // names after the pc tables
			return b
		}(),
	}
	for name, mem := range tests {
		_, err := DataParts(mem)
		assert.ErrorIs(t, err, ErrFormat, name)
	}
}

// FuzzData: no data section, however made, panics Memory or DataParts or
// makes them allocate more than maxMemory.
func FuzzData(f *testing.F) {
	f.Add(bytes.Join([][]byte{leb(1), segment(0, goData())}, nil))
	f.Add(bytes.Join([][]byte{leb(2), segment(110, []byte("bb")), segment(100, []byte("aa"))}, nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		mem, err := Memory(data)
		if err != nil {
			return
		}
		require.LessOrEqual(t, len(mem), wasmdata.MaxImage)
		DataParts(mem) //nolint:errcheck // only must not panic
	})
}
