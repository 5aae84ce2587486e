package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoNativeFileControls fails when a component draws a browser file
// input itself: the native control writes «Choose File / No file chosen» in
// the browser's language under a Russian interface. FileButton draws ours;
// the home toolbar's input is visually hidden behind its own label.
func TestNoNativeFileControls(t *testing.T) {
	allowed := map[string]bool{"file-button.go": true, "home-page.go": true}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || allowed[f] {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NotContains(t, string(src), `Attr("type", "file")`, "%s: use FileButton instead of a native file input", f)
	}
	src, err := os.ReadFile("home-page.go")
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(src), `Attr("type", "file")`), "home-page.go: only the toolbar's hidden input")
	assert.Contains(t, string(src), `Class("home-toolbar__file")`)
}
