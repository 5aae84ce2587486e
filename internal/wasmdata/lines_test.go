package wasmdata

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	traceOnce sync.Once
	traceWasm []byte
	traceErr  error
)

// traceProgram is testdata/trace built for js/wasm as ./build.sh builds
// the page, once for the package's tests.
func traceProgram(t testing.TB) []byte {
	t.Helper()
	traceOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wasmdata")
		if err != nil {
			traceErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "trace.wasm")
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./testdata/trace")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if msg, err := cmd.CombinedOutput(); err != nil {
			traceErr = &exec.ExitError{Stderr: msg}
			return
		}
		traceWasm, traceErr = os.ReadFile(out)
	})
	require.NoError(t, traceErr, "go build ./testdata/trace for js/wasm")
	return traceWasm
}

// runNode runs a js/wasm module under Node with Go's own loader and
// returns what it printed; a panic is an exit status of 2.
func runNode(t *testing.T, wasm []byte) (string, int) {
	t.Helper()
	node, err := exec.LookPath("node")
	require.NoError(t, err, "Node runs the stripped module: apt-get install -y nodejs")
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "m.wasm")
	require.NoError(t, os.WriteFile(file, wasm, 0o644))
	cmd := exec.Command(node, filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec_node.js"), file)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err, "node: %s", out)
	}
	return string(out), code
}

// tableBytesOf reads the pc-value table at off (its end mark included).
func tableBytesOf(t *testing.T, pctab []byte, off uint32) []byte {
	t.Helper()
	if off == 0 {
		return nil
	}
	n, err := tableLen(pctab, int(off))
	require.NoError(t, err)
	return pctab[off : int(off)+n]
}

// TestStripLinesKeepsTheStackMaps: every table but file and line is the
// same bytes after StripLines, at its new offset; file and line are gone.
func TestStripLinesKeepsTheStackMaps(t *testing.T) {
	before := traceProgram(t)
	after, saved, err := StripLines(before)
	require.NoError(t, err)
	assert.Positive(t, saved)

	lo0, mem0, err := ModuleImage(before)
	require.NoError(t, err)
	lo1, mem1, err := ModuleImage(after)
	require.NoError(t, err)
	t0, err := readPCTables(lo0, mem0)
	require.NoError(t, err)
	t1, err := readPCTables(lo1, mem1)
	require.NoError(t, err)
	require.Equal(t, len(t0.funcs), len(t1.funcs))
	pc0, pc1 := mem0[t0.pctab:t0.pctab+t0.size], mem1[t1.pctab:t1.pctab+t1.size]
	u32 := func(mem []byte, at int) uint32 { return binary.LittleEndian.Uint32(mem[at:]) }
	lines := 0
	for i, f0 := range t0.funcs {
		f1 := t1.funcs[i]
		k0, k1 := t0.kept(mem0, f0), t1.kept(mem1, f1)
		require.Equal(t, len(k0), len(k1), "function %d", i)
		for j := range k0 {
			assert.Equal(t, tableBytesOf(t, pc0, u32(mem0, k0[j])), tableBytesOf(t, pc1, u32(mem1, k1[j])), "function %d table %d", i, j)
		}
		assert.Zero(t, u32(mem1, f1+funcPCFile), "function %d pcfile", i)
		assert.Zero(t, u32(mem1, f1+funcPCLn), "function %d pcln", i)
		assert.Zero(t, u32(mem1, f1+funcCU), "function %d cuOffset", i)
		assert.Zero(t, u32(mem1, f1+funcStart), "function %d startLine", i)
		if u32(mem0, f0+funcPCLn) != 0 && u32(mem0, f0+funcStart) != 0 {
			lines++
		}
		// The rest of the record is untouched.
		assert.Equal(t, mem0[f0:f0+funcPCSP], mem1[f1:f1+funcPCSP], "function %d", i)
		assert.Equal(t, mem0[f0+funcNPCData:f0+funcCU], mem1[f1+funcNPCData:f1+funcCU], "function %d npcdata", i)
		assert.Equal(t, mem0[f0+funcStart+4:f0+funcFixed], mem1[f1+funcStart+4:f1+funcFixed], "function %d funcID, flag, nfuncdata", i)
	}
	assert.Positive(t, lines)
	// The file tables are zeroed; memory outside them, the pc-value table
	// and the records is as before.
	assert.Equal(t, lo0, lo1)
	files, err := fileTables(mem0)
	require.NoError(t, err)
	assert.Greater(t, files[1]-files[0], 1000, "the trace program's cutab and filetab")
	assert.Contains(t, string(mem0[files[0]:files[1]]), "main.go", "the file names are there before")
	assert.Equal(t, make([]byte, files[1]-files[0]), mem1[files[0]:files[1]])
	assert.Equal(t, mem0[:files[0]], mem1[:files[0]])
	assert.Equal(t, mem0[files[1]:t0.pctab], mem1[files[1]:t1.pctab])

	_, _, err = StripLines(after)
	assert.ErrorIs(t, err, ErrLinesStripped)
}

// TestStripLinesRuns: the stripped module runs under Node as the linker's
// does (its collections walk 300 frames with the moved stack maps), and
// a panic still names its functions, without files and lines.
func TestStripLinesRuns(t *testing.T) {
	before := traceProgram(t)
	out, code := runNode(t, before)
	assert.Equal(t, 2, code, out)
	assert.Contains(t, out, "sum true")
	assert.Contains(t, out, "caller main.main github.com/triggersim/triggersim/internal/wasmdata/testdata/trace/main.go:42 true")
	assert.Contains(t, out, "panic: boom")
	assert.Contains(t, out, "main.explode()\n\tgithub.com/triggersim/triggersim/internal/wasmdata/testdata/trace/main.go:38 +0x")

	after, _, err := StripLines(before)
	require.NoError(t, err)
	stripped, _, err := Strip(after)
	require.NoError(t, err, "the lookup table comes out after the lines")
	for name, wasm := range map[string][]byte{"lines": after} {
		out, code := runNode(t, wasm)
		assert.Equal(t, 2, code, "%s: %s", name, out)
		assert.Contains(t, out, "sum true", name)
		assert.Contains(t, out, "caller main.main ?:0 true", name)
		assert.Contains(t, out, "panic: boom", name)
		assert.Contains(t, out, "main.explode()\n\t?:0 +0x", name)
		assert.Contains(t, out, "main.main()\n\t?:0 +0x", name)
	}
	assert.NotEmpty(t, stripped)
}

func TestStripLinesRejects(t *testing.T) {
	junk := EncodeSegments([]Segment{{1024, []byte("no function table here")}})
	tests := map[string][]byte{
		"not wasm":          []byte("hello"),
		"no data section":   Module(nil),
		"no function table": Module([]Section{{dataSection, junk}}),
		"cut short":         traceProgram(t)[:len(traceProgram(t))/2],
	}
	for name, wasm := range tests {
		out, _, err := StripLines(wasm)
		assert.ErrorIs(t, err, ErrFormat, name)
		assert.Nil(t, out, name)
	}
}

func TestTableLen(t *testing.T) {
	tests := []struct {
		name  string
		pctab []byte
		off   int
		want  int
		bad   bool
	}{
		{"one pair", []byte{0, 2, 5, 0}, 1, 3, false},
		{"a zero first value delta", []byte{0, 0, 5, 4, 1, 0}, 1, 5, false},
		{"a two-byte varint", []byte{0, 0x82, 1, 5, 0}, 1, 4, false},
		{"no end", []byte{0, 2, 5}, 1, 0, true},
		{"offset 0", []byte{0, 2, 5, 0}, 0, 0, true},
		{"past the end", []byte{0, 2, 5, 0}, 9, 0, true},
		{"a varint cut short", []byte{0, 2, 0x80}, 1, 0, true},
	}
	for _, tt := range tests {
		n, err := tableLen(tt.pctab, tt.off)
		if tt.bad {
			assert.ErrorIs(t, err, ErrFormat, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, n, tt.name)
	}
}

// FuzzSymbolize: no trace makes Symbolize panic, and it changes only
// the ?:0 lines.
func FuzzSymbolize(f *testing.F) {
	f.Add("main.explode()\n\t?:0 +0x2\n")
	f.Add("main.a(...)\n\t?:0\nmain.explode()\n\t?:0 +0xffffffffffffffffff\n")
	f.Add("created by main.main in goroutine 1\n\t?:0 +0x0\n")
	syms, err := ReadSymbols(traceProgram(f))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, trace string) {
		var out strings.Builder
		if err := syms.Symbolize(&out, strings.NewReader(trace)); err != nil {
			return
		}
		in := strings.Split(strings.TrimSuffix(trace, "\n"), "\n")
		for i := range in {
			in[i] = strings.TrimSuffix(in[i], "\r") // as bufio.ScanLines reads it
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		require.Len(t, got, len(in))
		for i := range in {
			if in[i] != got[i] {
				assert.True(t, strings.HasPrefix(in[i], "\t?:0"), "line %d changed: %q", i, in[i])
			}
		}
	})
}

// FuzzStripLines: no input makes StripLines panic or loop, and what it
// strips it recognises as stripped.
func FuzzStripLines(f *testing.F) {
	f.Add(Module(nil))
	f.Add(traceProgram(f))
	f.Fuzz(func(t *testing.T, wasm []byte) {
		if syms, err := ReadSymbols(wasm); err == nil {
			syms.Where("main.main", 3)
		}
		out, _, err := StripLines(wasm)
		if err != nil {
			return
		}
		_, _, err = StripLines(out)
		assert.ErrorIs(t, err, ErrLinesStripped)
	})
}

func TestSegmentsOf(t *testing.T) {
	tests := []struct {
		name string
		mem  []byte
		want []Segment
	}{
		{"empty", nil, nil},
		{"all zero", make([]byte, 20), nil},
		{"one run", []byte{0, 0, 1, 2, 3, 0}, []Segment{{102, []byte{1, 2, 3}}}},
		{"short run kept", run(segmentGap - 1), []Segment{{100, run(segmentGap - 1)}}},
		{"long run left out", run(segmentGap), []Segment{{100, []byte{1}}, {101 + segmentGap, []byte{2}}}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, segmentsOf(100, tt.mem), tt.name)
	}
	// Past the wasm runtimes' limit the rest is one segment.
	step := segmentGap + 1
	mem := make([]byte, step*(maxSegments+5))
	for i := 0; i < len(mem); i += step { // a 1 and a long run of zeros, 100 005 times
		mem[i] = 1
	}
	segs := segmentsOf(0, mem)
	require.Len(t, segs, maxSegments)
	lo, img, err := Image(segs)
	require.NoError(t, err)
	assert.Zero(t, lo)
	assert.Equal(t, mem[:len(img)], img)
	assert.Len(t, img, len(mem)-segmentGap)
}

// run is a 1, n zeros and a 2.
func run(n int) []byte {
	b := make([]byte, n+2)
	b[0], b[n+1] = 1, 2
	return b
}

// TestSymbolizeGivesTheLinesBack: a stripped module's stack trace, with
// the files and lines read from the module before StripLines, is the
// trace the linker's module prints.
func TestSymbolizeGivesTheLinesBack(t *testing.T) {
	before := traceProgram(t)
	want, _ := runNode(t, before)
	after, _, err := StripLines(before)
	require.NoError(t, err)
	got, _ := runNode(t, after)
	require.NotEqual(t, want, got)

	syms, err := ReadSymbols(before)
	require.NoError(t, err)
	// The trace's one runtime.Caller line has no offset to read.
	got = strings.Replace(got, "caller main.main ?:0 true", "caller main.main github.com/triggersim/triggersim/internal/wasmdata/testdata/trace/main.go:42 true", 1)
	var out strings.Builder
	require.NoError(t, syms.Symbolize(&out, strings.NewReader(got)))
	assert.Equal(t, want, out.String())

	_, err = ReadSymbols(after)
	assert.ErrorIs(t, err, ErrLinesStripped, "a stripped module has no lines to give")
}

func TestSymbolizeInlinedAndUnknown(t *testing.T) {
	syms, err := ReadSymbols(traceProgram(t))
	require.NoError(t, err)
	file, line, ok := syms.Where("main.explode", 2)
	require.True(t, ok)
	trace := strings.Join([]string{
		"goroutine 1 [running]:",
		"main.inlined(...)", // inlined into main.explode: the PC's place goes here
		"\t?:0",
		"main.explode()",
		"\t?:0 +0x2",
		"no.such.Func()",
		"\t?:0 +0x5",
		"created by main.main in goroutine 1",
		"\t?:0 +0x0",
		"",
	}, "\n")
	var out strings.Builder
	require.NoError(t, syms.Symbolize(&out, strings.NewReader(trace)))
	lines := strings.Split(out.String(), "\n")
	assert.Equal(t, fmt.Sprintf("\t%s:%d", file, line), lines[2])
	assert.Equal(t, "\t?:0 +0x2", lines[4], "the function the others were inlined into")
	assert.Equal(t, "\t?:0 +0x5", lines[6], "a function the module does not have")
	assert.Regexp(t, `^\t\S+/trace/main\.go:\d+ \+0x0$`, lines[8])
}
