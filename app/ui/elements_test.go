package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// typedBuilder is a call of one of go-app's typed element builders
// (app.Div(), app.Button()…): go-app's other exported functions that end
// in "()" are not elements.
var typedBuilder = regexp.MustCompile(`\bapp\.(A|Abbr|Article|Aside|B|Body|Br|Button|Caption|Code|Details|Dialog|Div|Em|FieldSet|Figure|Footer|Form|H[1-6]|Header|Hr|I|Img|Input|Label|Legend|Li|Main|Nav|Ol|OptGroup|Option|P|Pre|Section|Select|Small|Span|Strong|Summary|TBody|THead|Table|Td|Textarea|Th|Time|Tr|Ul)\(\)`)

// TestElementsAreGeneric keeps go-app's typed builders out of the page:
// each one used brings its own type and methods into the wasm (see
// elements.go). Test files are checked too, so that a test compares what
// the page builds.
func TestElementsAreGeneric(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		if f == "elements_test.go" {
			continue // it names them
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, call := range typedBuilder.FindAllString(string(src), -1) {
			assert.Failf(t, "typed go-app builder", "%s: %s; use app.Elem / app.ElemSelfClosing (elements.go)", f, call)
		}
	}
}

// TestTextareaTextIsItsValue: go-app's typed Textarea().Text set the
// value; app.Elem("textarea").Text adds a child text, which the browser
// reads once and the user's edits then hide. Every textarea chain sets
// .Attr("value", …) instead.
func TestTextareaTextIsItsValue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, chain := range textareaChains(string(src)) {
			seen++
			assert.NotContains(t, chain, "Text(", "%s: a textarea's text is .Attr(\"value\", …)", f)
			assert.NotContains(t, chain, "Textf(", "%s: a textarea's text is .Attr(\"value\", …)", f)
		}
	}
	for _, v := range packageViews(t) {
		// A view refuses a textarea with content (TestViewRejects).
		seen += strings.Count(v.src, "<textarea")
	}
	assert.GreaterOrEqual(t, seen, 7, "the textareas of the author page, the paste dialog, the results page, the robot dialog and the train page")
}

// textareaChains are the builder chains of src that start with
// app.Elem("textarea"): from there to the end of the statement's line
// that does not end in a dot (a chain goes on after a trailing dot).
func textareaChains(src string) []string {
	var chains []string
	for rest := src; ; {
		i := strings.Index(rest, `app.Elem("textarea")`)
		if i < 0 {
			return chains
		}
		rest = rest[i:]
		end := 0
		for {
			nl := strings.IndexByte(rest[end:], '\n')
			if nl < 0 {
				end = len(rest)
				break
			}
			end += nl + 1
			if !strings.HasSuffix(strings.TrimRight(rest[:end], "\n\t "), ".") {
				break
			}
		}
		chains = append(chains, rest[:end])
		rest = rest[end:]
	}
}
