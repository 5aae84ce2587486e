//go:build !(js && wasm)

package engine_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEngineStandardLibraryOnly keeps engine/ free of the browser and of
// third-party code (style.md, "Applied here" 1): `go list -deps ./engine`
// may list only standard-library packages, the engine itself and the
// message catalog package text and the clock's queue internal/clockqueue
// (whose own dependencies are listed too, so they are held to the same
// rule).
func TestEngineStandardLibraryOnly(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}", "./engine")
	cmd.Dir = ".." // the module root
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go list: %s", out)
	const self = "github.com/triggersim/triggersim/engine"
	const catalog = "github.com/triggersim/triggersim/text"
	const clock = "github.com/triggersim/triggersim/internal/clockqueue"
	var bad []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, std, _ := strings.Cut(line, " ")
		switch {
		case path == self, path == catalog, path == clock:
		case path == "syscall/js", strings.Contains(path, "go-app"), strings.Contains(path, "go-indexeddb"):
			bad = append(bad, path)
		case std != "true", strings.Contains(strings.SplitN(path, "/", 2)[0], "."):
			bad = append(bad, path)
		}
	}
	require.Empty(t, bad, "engine depends on packages outside the standard library")
}
