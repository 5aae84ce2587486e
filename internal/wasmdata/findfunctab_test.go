package wasmdata

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	helloOnce sync.Once
	helloWasm []byte
	helloErr  error
)

// hello is testdata/hello built for js/wasm as ./build.sh builds the page
// (symbols stripped), once for the package's tests.
func hello(t testing.TB) []byte {
	t.Helper()
	helloOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wasmdata")
		if err != nil {
			helloErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "hello.wasm")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./testdata/hello")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if msg, err := cmd.CombinedOutput(); err != nil {
			helloErr = &exec.ExitError{Stderr: msg}
			return
		}
		helloWasm, helloErr = os.ReadFile(out)
	})
	require.NoError(t, helloErr, "go build ./testdata/hello for js/wasm")
	return helloWasm
}

// image is a module's data as the memory it writes.
func image(t *testing.T, wasm []byte) (int, []byte) {
	t.Helper()
	lo, mem, err := ModuleImage(wasm)
	require.NoError(t, err)
	return lo, mem
}

// TestStripThenRestore: the stripped module writes the same memory as the
// original once Restore has written the table, its other sections are
// unchanged, and it is smaller.
func TestStripThenRestore(t *testing.T) {
	orig := hello(t)
	stripped, saved, err := Strip(orig)
	require.NoError(t, err)
	assert.Equal(t, len(orig)-len(stripped), saved)
	assert.Positive(t, saved)

	m, ok, err := ReadMeta(stripped)
	require.NoError(t, err)
	require.True(t, ok, "the stripped module says where the table goes")
	lo0, want := image(t, orig)
	lo, got := image(t, stripped)
	require.Equal(t, lo0, lo)
	require.Equal(t, len(want), len(got), "the table is not the end of the data")
	table := int(m.Table) - lo
	n := tableBytes(m)
	assert.Equal(t, make([]byte, n), got[table:table+n], "the table's bytes are gone")
	assert.NotEqual(t, make([]byte, n), want[table:table+n])
	require.NoError(t, Restore(lo, got, m))
	assert.True(t, bytes.Equal(want, got), "restored memory differs from the linker's")

	before, err := Sections(orig)
	require.NoError(t, err)
	after, err := Sections(stripped)
	require.NoError(t, err)
	require.Len(t, after, len(before)+1, "one custom section more")
	for i, s := range before {
		if s.ID != dataSection {
			assert.Equal(t, s, after[i], "section %d", i)
		}
	}

	_, _, err = Strip(stripped)
	assert.ErrorIs(t, err, ErrStripped)
	_, ok, err = ReadMeta(orig)
	require.NoError(t, err)
	assert.False(t, ok, "an original module has no meta section")
}

// TestStripChecksTheLinker: a table the walk does not rebuild byte for
// byte (a linker that computes it otherwise) fails the build.
func TestStripChecksTheLinker(t *testing.T) {
	orig := hello(t)
	stripped, _, err := Strip(orig)
	require.NoError(t, err)
	m, _, err := ReadMeta(stripped)
	require.NoError(t, err)
	lo, mem := image(t, orig)
	// In wasm every function spans 16 buckets: bucket 16 holds function 1.
	// Make the linker's table say 7 there.
	addr := int(m.Table) + 16*bucketBytes
	require.Equal(t, []byte{1, 0, 0, 0}, mem[addr-lo:addr-lo+4])
	secs, err := Sections(orig)
	require.NoError(t, err)
	for i, s := range secs {
		if s.ID != dataSection {
			continue
		}
		segs, err := Segments(s.Body)
		require.NoError(t, err)
		for k, sg := range segs {
			if sg.At <= addr && addr < sg.At+len(sg.Body) {
				body := bytes.Clone(sg.Body)
				body[addr-sg.At] = 7
				segs[k].Body = body
			}
		}
		secs[i].Body = EncodeSegments(segs)
	}
	_, _, err = Strip(Module(secs))
	assert.ErrorIs(t, err, ErrFormat)
	assert.ErrorContains(t, err, "new Go linker")
}

func TestStripRejects(t *testing.T) {
	junk := EncodeSegments([]Segment{{1024, []byte("no function table here")}})
	tests := map[string][]byte{
		"not wasm":          []byte("hello"),
		"no data section":   Module(nil),
		"a data count":      Module([]Section{{dataCount, []byte{1}}, {dataSection, junk}}),
		"no function table": Module([]Section{{dataSection, junk}}),
		"cut short":         hello(t)[:len(hello(t))/2],
	}
	// A Go module that would strip but for a data count section, whose
	// count the rewrite would make wrong.
	secs, err := Sections(hello(t))
	require.NoError(t, err)
	tests["a Go module with a data count"] = Module(append([]Section{{dataCount, []byte{1}}}, secs...))
	// Both rewrites open the module alike (openImage).
	rewrites := map[string]func([]byte) ([]byte, int, error){"Strip": Strip, "StripLines": StripLines}
	for rw, rewrite := range rewrites {
		for name, wasm := range tests {
			out, _, err := rewrite(wasm)
			assert.ErrorIs(t, err, ErrFormat, "%s: %s", rw, name)
			assert.Zero(t, len(out), "%s: %s", rw, name)
		}
	}
}

func TestReadMetaRejects(t *testing.T) {
	short := Module([]Section{customSectionOf(MetaSection, []byte{1, 2, 3})})
	_, _, err := ReadMeta(short)
	assert.ErrorIs(t, err, ErrFormat)
}

func TestRestoreRejects(t *testing.T) {
	mem := make([]byte, 4096)
	tests := map[string]Meta{
		"no functions":        {Table: 100, Ftab: 0, NFunc: 0, MinPC: 1 << 16, MaxPC: 2 << 16},
		"PCs backwards":       {Table: 100, Ftab: 0, NFunc: 1, MinPC: 2 << 16, MaxPC: 1 << 16},
		"ftab outside":        {Table: 100, Ftab: 4090, NFunc: 1, MinPC: 1 << 16, MaxPC: 2 << 16},
		"table outside":       {Table: 4000, Ftab: 0, NFunc: 1, MinPC: 1 << 16, MaxPC: 2 << 16},
		"first entry not min": {Table: 100, Ftab: 0, NFunc: 1, MinPC: 1 << 16, MaxPC: 1<<16 + 100},
		"a hundred terabytes": {Table: 100, Ftab: 0, NFunc: 1, MinPC: 0, MaxPC: 1 << 50},
	}
	for name, m := range tests {
		assert.ErrorIs(t, Restore(0, mem, m), ErrFormat, name)
	}
}

// TestRestoreNeedsAlignedTables: web/findfunctab.js reads and writes the
// tables as 32-bit words, so a table not on a 4-byte boundary is refused
// (Strip then leaves the module whole) and one on it is written.
func TestRestoreNeedsAlignedTables(t *testing.T) {
	at := func(ftab int) []byte {
		mem := make([]byte, 4096)
		binary.LittleEndian.PutUint32(mem[ftab:], 1)   // the function's entry, 1<<16
		binary.LittleEndian.PutUint32(mem[ftab+8:], 2) // the end
		return mem
	}
	ok := Meta{Table: 100, Ftab: 0, NFunc: 1, MinPC: 1 << 16, MaxPC: 2 << 16}
	require.NoError(t, Restore(0, at(0), ok))
	for name, m := range map[string]Meta{
		"table at 102": {Table: 102, Ftab: 0, NFunc: 1, MinPC: 1 << 16, MaxPC: 2 << 16},
		"ftab at 2":    {Table: 100, Ftab: 2, NFunc: 1, MinPC: 1 << 16, MaxPC: 2 << 16},
	} {
		err := Restore(0, at(int(m.Ftab)), m)
		assert.ErrorIs(t, err, ErrFormat, name)
		assert.ErrorContains(t, err, "aligned", name)
	}
}

func TestCut(t *testing.T) {
	segs := []Segment{{0, []byte("ab")}, {10, []byte("cdefgh")}, {20, []byte("ij")}}
	tests := []struct {
		name     string
		from, to int
		want     []Segment
	}{
		{"nothing", 4, 8, segs},
		{"a whole segment", 10, 16, []Segment{{0, []byte("ab")}, {20, []byte("ij")}}},
		{"the middle of one", 12, 14, []Segment{{0, []byte("ab")}, {10, []byte("cd")}, {14, []byte("gh")}, {20, []byte("ij")}}},
		{"across two", 1, 12, []Segment{{0, []byte("a")}, {12, []byte("efgh")}, {20, []byte("ij")}}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cut(segs, tt.from, tt.to), tt.name)
	}
}

// FuzzStrip: no input makes Strip panic or loop, and what it strips it
// recognises as stripped.
func FuzzStrip(f *testing.F) {
	f.Add(Module(nil))
	f.Add(Module([]Section{{dataSection, EncodeSegments([]Segment{{8, pclnMagic}})}}))
	f.Add(hello(f))
	f.Fuzz(func(t *testing.T, wasm []byte) {
		out, _, err := Strip(wasm)
		if err != nil {
			return
		}
		_, ok, err := ReadMeta(out)
		require.NoError(t, err)
		assert.True(t, ok)
		_, _, err = Strip(out)
		assert.ErrorIs(t, err, ErrStripped)
	})
}
