// Package golden compares test output with golden files and rewrites them
// when the tests run with -update. Every golden file of the repository goes
// through it, so one flag refreshes them all:
//
//	go test ./engine_test ./whatif -update
//
// It is imported by tests only; it registers the -update flag on import.
package golden

import (
	"flag"
	"os"
	"path/filepath"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current results")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with the file at path and fails t when they differ.
// With -update it first writes got to path (creating its directory).
func Check(t require.TestingT, path string, got []byte) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file %s; run the test with -update to create it", path)
	require.Equal(t, string(want), string(got), "output differs from %s (run the test with -update if the change is intended)", path)
}
