package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A catalog asked in Russian parses the Russian files alone, and gives
// exactly what the whole catalog gives, even where the files disagree
// (a key in one language only, parameter lists that differ, a key
// defined twice); a key Russian lacks, and any English text, parse both.
func TestRussianLookupsParseRussianAlone(t *testing.T) {
	files := map[string]string{
		"a.ru.txt": "both(x, y) = {x} и {y}\nru.only = только\ntwice = первый\ntwice = второй\n" +
			"decl(a) = {a} {b}\nundeclared = {a} {b}\nbad line\n",
		"a.en.txt": "both(x, y) = {x} and {y}\nen.only = only {n}\ntwice = first\n" +
			"decl(b, a) = {a} {b}\nundeclared = {b} {a}\n",
	}
	keys := []string{"both", "ru.only", "twice", "decl", "undeclared", "en.only", "missing"}
	whole := FromFiles(files)
	whole.parsed()
	lazy := FromFiles(files)
	for _, k := range keys {
		if k == "en.only" || k == "missing" {
			continue
		}
		want, wok := whole.Format(RU, k, "1", "2")
		got, ok := lazy.Format(RU, k, "1", "2")
		assert.Equal(t, wok, ok, k)
		assert.Equal(t, want, got, k)
		assert.Equal(t, whole.Placeholders(RU, k), lazy.Placeholders(RU, k), k)
		wantN, _ := whole.Named(RU, k, "x", "X", "a", "A")
		gotN, _ := lazy.Named(RU, k, "x", "X", "a", "A")
		assert.Equal(t, wantN, gotN, k)
	}
	assert.False(t, lazy.full.Load(), "Russian texts alone were asked for")
	for _, k := range keys {
		for _, lang := range []string{RU, EN} {
			want, wok := whole.Format(lang, k, "1", "2")
			got, ok := lazy.Format(lang, k, "1", "2")
			assert.Equal(t, wok, ok, lang+" "+k)
			assert.Equal(t, want, got, lang+" "+k)
		}
	}
	assert.True(t, lazy.full.Load(), "a key Russian lacks, or English, reads both")
}

// HasIn in Russian answers from the Russian files alone, as the whole
// catalog does, for keys in both languages, in one and in neither: the
// board asks it for optional keys as it explains a fired event, and it
// parsed the English files there.
func TestHasInRussianParsesRussianAlone(t *testing.T) {
	files := map[string]string{
		"a.ru.txt": "both = оба\nru.only = только\n",
		"a.en.txt": "both = both\nen.only = only\n",
	}
	whole := FromFiles(files)
	whole.parsed()
	lazy := FromFiles(files)
	for _, k := range []string{"both", "ru.only", "en.only", "missing"} {
		assert.Equal(t, whole.HasIn(RU, k), lazy.HasIn(RU, k), k)
	}
	assert.False(t, lazy.full.Load(), "Russian texts alone were read")
	for _, k := range []string{"both", "ru.only", "en.only", "missing"} {
		assert.Equal(t, whole.HasIn(EN, k), lazy.HasIn(EN, k), k)
	}
	assert.True(t, lazy.full.Load(), "English reads both")
}
