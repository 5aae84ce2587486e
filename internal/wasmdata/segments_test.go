package wasmdata

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func leb(n int) []byte { return binary.AppendUvarint(nil, uint64(n)) }

func TestImage(t *testing.T) {
	data := EncodeSegments([]Segment{{110, []byte("bb")}, {100, []byte("aa")}})
	segs, err := Segments(data)
	require.NoError(t, err)
	lo, mem, err := Image(segs)
	require.NoError(t, err)
	assert.Equal(t, 100, lo)
	assert.Equal(t, []byte("aa\x00\x00\x00\x00\x00\x00\x00\x00bb"), mem, "from the lowest offset, gaps zeroed")
}

func TestSegmentsRoundTrip(t *testing.T) {
	segs := []Segment{{0, []byte("a")}, {63, []byte("b")}, {64, []byte("c")}, {1 << 20, []byte("d")}, {1<<31 - 1, []byte{}}}
	got, err := Segments(EncodeSegments(segs))
	require.NoError(t, err)
	assert.Equal(t, segs, got)
}

func TestSegmentsRejects(t *testing.T) {
	tests := map[string][]byte{
		"cut short":         leb(1),
		"passive":           bytes.Join([][]byte{leb(1), leb(1), leb(0)}, nil),
		"no constant":       bytes.Join([][]byte{leb(1), leb(0), {0x23, 0, 0x0b}, leb(0)}, nil),
		"no end":            bytes.Join([][]byte{leb(1), leb(0), {0x41, 0, 0x00}, leb(0)}, nil),
		"body overruns":     bytes.Join([][]byte{leb(1), leb(0), {0x41, 0, 0x0b}, leb(5), []byte("ab")}, nil),
		"a negative offset": bytes.Join([][]byte{leb(1), leb(0), {0x41, 0x7f, 0x0b}, leb(0)}, nil),
	}
	for name, data := range tests {
		_, err := Segments(data)
		assert.ErrorIs(t, err, ErrFormat, name)
	}
}

func TestImageRejectsAGigabyteSpan(t *testing.T) {
	_, _, err := Image([]Segment{{0, []byte("a")}, {1<<31 - 2, []byte("b")}})
	assert.ErrorIs(t, err, ErrFormat)
}

func FuzzSegments(f *testing.F) {
	f.Add(EncodeSegments([]Segment{{100, []byte("aa")}}))
	f.Add(leb(3))
	f.Fuzz(func(t *testing.T, data []byte) {
		segs, err := Segments(data)
		if err != nil {
			return
		}
		again, err := Segments(EncodeSegments(segs))
		require.NoError(t, err)
		assert.Equal(t, len(segs), len(again))
		_, _, _ = Image(segs)
	})
}
