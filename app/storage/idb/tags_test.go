//go:build !js

package idb

import (
	"bufio"
	"fmt"
	"go/build/constraint"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAllWasmTags checks that every file of the package but this one is
// built for js/wasm only: the package calls syscall/js everywhere, and a
// file without the tag would break the host build in a confusing way.
func TestAllWasmTags(t *testing.T) {
	paths, err := filepath.Glob("*.go")
	require.NoError(t, err)
	require.False(t, len(paths) < 2, "found only %v", paths)
	for _, path := range paths {
		if path == "tags_test.go" {
			continue
		}
		assert.True(t, hasJSWasmTag(t, path), "%s does not start with //go:build js && wasm", path)
	}
}

// hasJSWasmTag reports whether the first build constraint of the file,
// before any code, is exactly js && wasm.
func hasJSWasmTag(t *testing.T, path string) bool {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "//") {
			return false
		}
		if !constraint.IsGoBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			assert.Fail(t, fmt.Sprintf("%s: %v", path, err))
			return false
		}
		and, ok := expr.(*constraint.AndExpr)
		if !ok {
			return false
		}
		x, y := and.X.String(), and.Y.String()
		return x == "js" && y == "wasm" || x == "wasm" && y == "js"
	}
	err = scanner.Err()
	require.NoError(t, err)
	return false
}
