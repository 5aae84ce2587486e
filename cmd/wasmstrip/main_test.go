package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/wasmdata"
)

// TestStrip: a module is stripped in place once; a file that is not a
// module is left whole.
func TestStrip(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "hello.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", name, "../../internal/wasmdata/testdata/hello")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	orig, err := os.ReadFile(name)
	require.NoError(t, err)

	require.NoError(t, strip(name))
	once, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Less(t, len(once), len(orig))
	_, ok, err := wasmdata.ReadMeta(once)
	require.NoError(t, err)
	assert.True(t, ok)
	_, _, err = wasmdata.StripLines(once)
	assert.ErrorIs(t, err, wasmdata.ErrLinesStripped)

	require.NoError(t, strip(name), "a stripped module is left as it is")
	twice, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, once, twice)

	bad := filepath.Join(dir, "bad.wasm")
	require.NoError(t, os.WriteFile(bad, orig[:len(orig)/3], 0o644))
	assert.ErrorIs(t, strip(bad), wasmdata.ErrFormat)
	left, err := os.ReadFile(bad)
	require.NoError(t, err)
	assert.Equal(t, orig[:len(orig)/3], left, "the file is whole")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2, "no temporary file left")
}
