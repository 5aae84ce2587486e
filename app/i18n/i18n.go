// Package i18n holds the interface strings of triggersim in Russian and
// English. The app is Russian first: Russian is the default and the fallback
// for unknown languages, because the simulated Bitrix24 portals are Russian.
//
// The strings live in texts/, one file per part of the UI and language
// (core, board, designer, home, teach, whatif, lesson, lab, unsaved), read
// by package text: the same catalog format as the engine's sentences, parsed
// on first use rather than compiled into map literals (smaller wasm, and the
// two languages checked key for key by Catalog.Problems).
package i18n

import (
	"embed"
	"fmt"
	"strings"

	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/text"
)

//go:embed texts/*.txt
var textFiles embed.FS

// Texts is the app's message catalog; keys are unique across the files.
var Texts = text.FromFS(textFiles, "texts")

// Supported language codes.
const (
	RU = "ru"
	EN = "en"
)

// Default is the language used when none is chosen or the choice is unknown.
const Default = RU

// Languages returns the supported languages in the order the switch shows
// them. It returns a new slice so callers cannot change the package's state.
func Languages() []string { return []string{RU, EN} }

// Normalize maps a language tag such as "en-US" or "RU" to a supported
// language code, falling back to Default.
func Normalize(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if lang == RU || lang == EN {
		return lang
	}
	return Default
}

// T returns the text of key in lang. A key missing in lang falls back to the
// Russian text, and a key missing everywhere is returned as is, so a typo is
// visible on screen instead of an empty label.
func T(lang, key string) string {
	if s, ok := Texts.Raw(Normalize(lang), key); ok {
		return s
	}
	return key
}

// F returns the text of key in lang with its placeholders filled by name:
// pairs are names and values in turn, F(lang, "course.imported", "title",
// t, "n", 3). A value prints as the app prints numbers (format.UI): a
// whole number with grouped thousands, a float64 as format.Printer.Number
// does; a string as it is, an error by its message, anything else as
// fmt.Sprint writes it. A placeholder with no value stays as written
// ("{n}"), so a forgotten name is visible on screen; a missing key is
// returned as is, as T does. The texts hold no printf verbs (the catalog
// test refuses them), so a literal "%" needs no escaping.
func F(lang, key string, pairs ...any) string {
	lang = Normalize(lang)
	args := make([]string, 0, len(pairs))
	p := format.UI(lang)
	for i, v := range pairs {
		if i%2 == 0 {
			name, _ := v.(string)
			args = append(args, name)
			continue
		}
		args = append(args, value(p, v))
	}
	if s, ok := Texts.Named(lang, key, args...); ok {
		return s
	}
	return key
}

// value prints one value of F.
func value(p format.Printer, v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return p.Int(int64(x))
	case int64:
		return p.Int(x)
	case int32:
		return p.Int(int64(x))
	case float64:
		return p.Number(x)
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// Has reports whether key is defined in lang; tests use it to check that both
// tables carry the same keys.
func Has(lang, key string) bool {
	return Texts.HasIn(Normalize(lang), key)
}

// Keys returns the keys defined for lang, in no particular order.
func Keys(lang string) []string {
	lang = Normalize(lang)
	var keys []string
	for _, k := range Texts.Keys() {
		if Texts.HasIn(lang, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// Plural picks the form of a word that agrees with the count n.
//
// Russian has three forms: one (1, 21, 101 сценарий), few (2–4, 22–24
// сценария) and many (0, 5–20, 11–14, 25 сценариев). English uses one for
// n == 1 and many otherwise; few is ignored. Negative counts take the form of
// their absolute value.
func Plural(lang string, n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	if Normalize(lang) != RU {
		if n == 1 {
			return one
		}
		return many
	}
	mod10, mod100 := n%10, n%100
	switch {
	case mod10 == 1 && mod100 != 11:
		return one
	case mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14):
		return few
	default:
		return many
	}
}
