package ui

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pictograph reports whether r is a character that a machine without an
// emoji font may draw as an empty box: emoji, dingbats, miscellaneous
// symbols and technical signs, geometric shapes used as icons, curved
// arrows and the emoji variation selector. The plain arrows ← ↑ → ↓ stay
// allowed in prose: every text font has them.
func pictograph(r rune) bool {
	switch {
	case r >= 0x21A9 && r <= 0x21FF, // ↩ ↶ ↷ ↺ …
		r >= 0x2300 && r <= 0x23FF,   // ⌘ ⏱ ⏰ …
		r >= 0x25A0 && r <= 0x25FF,   // ▶ ○ ● …
		r >= 0x2600 && r <= 0x27BF,   // ⚡ ⚙ ⚠ ✎ ✓ ✔ ✖ ✉ …
		r >= 0x2B00 && r <= 0x2BFF,   // ⬆ ⭐ …
		r >= 0x1F000 && r <= 0x1FAFF, // 🗑 🎉 🚀 …
		r == 0xFE0F:
		return true
	}
	return false
}

// TestNoPictographsInInterface fails when a source of what the interface
// shows (components, strings, engine and lesson texts, the stylesheet,
// the examples) contains an emoji or pictographic character: icons are
// drawn by Icon.
func TestNoPictographsInInterface(t *testing.T) {
	root := filepath.Join("..", "..")
	dirs := []string{"app", "engine", "lessons", "web", "examples"}
	skip := map[string]bool{filepath.Join("app", "storage"): true} // storage test data, never shown
	checked := 0
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			if e.IsDir() {
				if skip[rel] {
					return filepath.SkipDir
				}
				return nil
			}
			ext := filepath.Ext(path)
			if strings.HasSuffix(path, "_test.go") || (ext != ".go" && ext != ".css" && ext != ".json" && ext != ".md" && ext != ".html") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			checked++
			for n, line := range strings.Split(string(data), "\n") {
				for col, r := range line {
					assert.False(t, pictograph(r), "%s:%d:%d: pictograph %q (U+%04X): draw it with Icon in app/ui/icon.go", rel, n+1, utf8.RuneCountInString(line[:col])+1, r, r)
				}
			}
			return nil
		})
		require.NoError(t, err)
	}
	assert.Greater(t, checked, 50, "the scan must see the sources")
}

// TestIconsAreHiddenSVG renders every icon of the set and checks it is
// well-formed SVG hidden from screen readers.
func TestIconsAreHiddenSVG(t *testing.T) {
	for name := range icons {
		svg := iconSVG(name)
		var doc struct {
			XMLName xml.Name
			Hidden  string `xml:"aria-hidden,attr"`
			Focus   string `xml:"focusable,attr"`
			Paths   []struct {
				D string `xml:"d,attr"`
			} `xml:"path"`
		}
		require.NoError(t, xml.Unmarshal([]byte(svg), &doc), name)
		assert.Equal(t, "svg", doc.XMLName.Local, name)
		assert.Equal(t, "true", doc.Hidden, name)
		assert.Equal(t, "false", doc.Focus, name)
		assert.NotEmpty(t, doc.Paths, name)
		for _, p := range doc.Paths {
			assert.Regexp(t, `^[MmLlHhVvCcSsQqTtAaZz0-9 .,-]+$`, p.D, name)
		}
	}
	assert.Panics(t, func() { iconSVG("no-such-icon") })
}

// TestIconNamesExist checks that every icon a component asks for by a
// literal name is in the set, so no page panics on render.
func TestIconNamesExist(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	re := regexp.MustCompile(`(?:Icon|iconText|iconTextAfter)\("([^"]+)"|iconTextAfter\([^()]*(?:\([^()]*\))?[^()]*, "([^"]+)"\)|(?:mark|icon)(?:, [a-zA-Z]+)*\s*:?= "[^"]*", "([a-z]+)"|return "([a-z]+)", "(?:ok|skip|wait|error|info)"`)
	used := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "icon.go" {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			for _, name := range m[1:] {
				if name == "" {
					continue
				}
				used++
				_, ok := icons[name]
				assert.True(t, ok, "%s asks for icon %q, which is not in app/ui/icon.go", f, name)
			}
		}
	}
	assert.Greater(t, used, 30)
}
