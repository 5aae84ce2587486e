// The files are read from the disk, which the browser that runs the wasm
// tests (wasmbrowsertest) does not have.

//go:build !js

package i18n_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/internal/textgen"
	"github.com/triggersim/triggersim/text"
)

// regenerate is the command that rewrites table.go from texts/.
const regenerate = "go test ./app/i18n -run TestTableIsCurrent -update"

// TestTableIsCurrent keeps table.go, the catalog the app carries, equal to
// texts/*.txt compiled: a text edited without the table regenerated fails
// here (run the test with -update).
func TestTableIsCurrent(t *testing.T) {
	textgen.Check(t, "texts", "table.go", "i18n", "table", regenerate)
}

// TestTableReadsAsTheFiles compares the compiled catalog with the files
// parsed, for every key in both languages: its texts, parameters and
// placeholders, and what a lookup of a key that is not there returns.
func TestTableReadsAsTheFiles(t *testing.T) {
	files := text.FromFS(os.DirFS("texts"), ".")
	keys := files.Keys()
	require.Greater(t, len(keys), 900, "the files were not read")
	assert.Equal(t, keys, i18n.Texts.Keys())
	for _, key := range keys {
		assert.True(t, i18n.Texts.Has(key), key)
		assert.Equal(t, files.Params(key), i18n.Texts.Params(key), key)
		for _, lang := range text.Languages() {
			want, wantOK := files.Raw(lang, key)
			got, ok := i18n.Texts.Raw(lang, key)
			assert.Equal(t, wantOK, ok, key)
			assert.Equal(t, want, got, "%s in %s", key, lang)
			assert.Equal(t, files.HasIn(lang, key), i18n.Texts.HasIn(lang, key), key)
			assert.Equal(t, files.Placeholders(lang, key), i18n.Texts.Placeholders(lang, key), key)
			args := []string{"α", "β", "γ", "δ", "ε", "ζ", "η", "θ"}
			wantF, _ := files.Format(lang, key, args...)
			gotF, _ := i18n.Texts.Format(lang, key, args...)
			assert.Equal(t, wantF, gotF, "%s in %s, formatted", key, lang)
		}
	}
	for _, key := range []string{"", "a", "zzzz", keys[0] + "x", "hdr"} {
		_, ok := i18n.Texts.Raw(text.RU, key)
		assert.False(t, ok, "%q", key)
		assert.False(t, i18n.Texts.HasIn(text.EN, key), "%q", key)
		assert.False(t, i18n.Texts.Has(key), "%q", key)
	}
	assert.Empty(t, i18n.Texts.Problems())
}
