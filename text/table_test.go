package text

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tableFiles is a small catalog with each kind of line a table keeps:
// declared parameters, a declaration of none, no declaration, a quoted
// text with edge spaces, an empty text.
var tableFiles = map[string]string{
	"a.ru.txt": "skip(stage, current) = стадия {stage} раньше {current}\nnone() = без параметров\nnamed = привет, {name}\n" +
		"sep = \", \"\nempty =\n",
	"a.en.txt": "skip(stage, current) = stage {stage} before {current}\nnone() = no parameters\nnamed = hello, {name}\n" +
		"sep = \", \"\nempty =\n",
}

// A compiled catalog answers every lookup as the catalog it was compiled
// from, and compiles back to the same table.
func TestTableReadsAsItsCatalog(t *testing.T) {
	files := FromFiles(tableFiles)
	tab, err := Compile(files)
	require.NoError(t, err)
	c := FromTable(tab)
	assert.Equal(t, []string{"empty", "named", "none", "sep", "skip"}, c.Keys())
	for _, key := range append(files.Keys(), "", "missing", "zzz") {
		assert.Equal(t, files.Has(key), c.Has(key), key)
		assert.Equal(t, files.Params(key), c.Params(key), key)
		for _, lang := range []string{RU, EN, "de"} {
			want, wantOK := files.Format(lang, key, "A", "B")
			got, ok := c.Format(lang, key, "A", "B")
			assert.Equal(t, wantOK, ok, key)
			assert.Equal(t, want, got, "%s in %s", key, lang)
			want, _ = files.Named(lang, key, "name", "Аня")
			got, _ = c.Named(lang, key, "name", "Аня")
			assert.Equal(t, want, got, "%s in %s", key, lang)
			assert.Equal(t, files.HasIn(lang, key), c.HasIn(lang, key), "%s in %s", key, lang)
			assert.Equal(t, files.Placeholders(lang, key), c.Placeholders(lang, key), key)
		}
	}
	assert.Equal(t, []string{}, c.Params("none"), "declared, none")
	assert.Nil(t, c.Params("named"), "undeclared")
	got, _ := c.Raw(EN, "sep")
	assert.Equal(t, ", ", got, "a quoted text keeps its spaces")
	assert.Empty(t, c.Problems())
	again, err := Compile(c)
	require.NoError(t, err)
	assert.Equal(t, tab, again)
}

// A catalog with problems is not compiled: the table could no longer
// report them.
func TestCompileRefusesProblems(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"a key in one language":   {"a.ru.txt": "only = только\n", "a.en.txt": ""},
		"parameters that differ":  {"a.ru.txt": "k(a) = {a}\n", "a.en.txt": "k(b) = {b}\n"},
		"a line that is not text": {"a.ru.txt": "broken\n", "a.en.txt": "broken\n"},
	} {
		t.Run(name, func(t *testing.T) {
			tab, err := Compile(FromFiles(files))
			require.Error(t, err)
			assert.Nil(t, tab)
			assert.Contains(t, err.Error(), "the catalog has problems")
		})
	}
}

// Goroutines may look up a table's keys for the first time at once.
func TestTableConcurrentFirstUse(t *testing.T) {
	tab, err := Compile(FromFiles(tableFiles))
	require.NoError(t, err)
	c := FromTable(tab)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, key := range []string{"skip", "none", "named", "sep"} {
				_, ok := c.Format(RU, key, "x", "y")
				assert.True(t, ok, key)
			}
			assert.Len(t, c.Keys(), 5)
		})
	}
	wg.Wait()
	got, _ := c.Format(RU, "skip", "НОВАЯ", "ВТОРАЯ")
	assert.Equal(t, "стадия НОВАЯ раньше ВТОРАЯ", got)
}
