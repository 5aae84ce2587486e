//go:build !js

package main

import (
	"go/build/constraint"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuildTags keeps the split between the two binaries: the browser code
// only in the wasm, the site generator only on the host.
func TestBuildTags(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"main_wasm.go", "js && wasm"},
		{"main_host.go", "!js"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(tt.file)
			require.NoError(t, err)
			assert.Equal(t, tt.want, buildConstraint(t, string(src)))
		})
	}
	// Every other file is shared and must carry no constraint.
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, f := range files {
		if f == "main_wasm.go" || f == "main_host.go" || strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Empty(t, buildConstraint(t, string(src)), f)
	}
}

// TestWasmLeavesOutHostCode checks the wasm's dependencies: the generator
// and the static server would double the download (13.6 MB instead of 7).
func TestWasmLeavesOutHostCode(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err, "go list -deps")
	deps := strings.Fields(string(out))
	require.Contains(t, deps, "github.com/maxence-charriere/go-app/v10/pkg/app")
	for _, banned := range []string{
		"net/http/httptest",
		"github.com/triggersim/triggersim/app/sitegen",
		"github.com/triggersim/triggersim/cmd/serve/static",
		"github.com/andybalholm/brotli",
	} {
		assert.NotContains(t, deps, banned)
	}
}

// buildConstraint returns the //go:build expression of a Go file, or "".
func buildConstraint(t *testing.T, src string) string {
	t.Helper()
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(line, "package ") {
			break
		}
		if constraint.IsGoBuild(line) {
			expr, err := constraint.Parse(line)
			require.NoError(t, err)
			return expr.String()
		}
	}
	return ""
}
