// Package i18n holds the interface strings of triggersim in Russian and
// English. The app is Russian first: Russian is the default and the fallback
// for unknown languages, because the simulated Bitrix24 portals are Russian.
//
// It is deliberately tiny (a map per language and a plural helper): the UI has
// a few dozen strings and a dependency on a full message-format library would
// cost more wasm bytes than it saves.
package i18n

import "strings"

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

// tables lists the string tables: one per part of the UI, each in its own
// file (core here, designer.go, board.go, home.go), so that each part
// carries its own strings. Keys are unique across tables.
func tables() []map[string]map[string]string {
	return []map[string]map[string]string{coreMessages, designerMessages, boardMessages, homeMessages, teachMessages, whatifMessages, lessonMessages, labMessages, unsavedMessages}
}

// messages is the union of the tables, built once; read-only afterwards.
var messages = merge(tables())

func merge(ts []map[string]map[string]string) map[string]map[string]string {
	out := map[string]map[string]string{RU: {}, EN: {}}
	for _, t := range ts {
		for lang, m := range t {
			for k, v := range m {
				out[lang][k] = v
			}
		}
	}
	return out
}

// coreMessages are the strings of the shell: header, language, errors.
var coreMessages = map[string]map[string]string{
	RU: {
		"app.name":        "triggersim",
		"app.tagline":     "Симулятор роботов и триггеров Битрикс24",
		"lang.switch":     "Язык интерфейса",
		"lang.ru":         "RU",
		"lang.en":         "EN",
		"home.title":      "Сценарии",
		"home.empty":      "Сценариев пока нет.",
		"loading":         "Загрузка…",
		"error.storage":   "Хранилище недоступно",
		"scenario.one":    "сценарий",
		"scenario.few":    "сценария",
		"scenario.many":   "сценариев",
		"update.reload":   "Доступна новая версия, перезагрузка…",
		"footer.offline":  "Работает без сети: всё хранится в этом браузере.",
		"nav.home":        "Главная",
		"nav.skipToMain":  "К содержимому",
		"header.homeLink": "На главную",
	},
	EN: {
		"app.name":        "triggersim",
		"app.tagline":     "Bitrix24 robots and triggers simulator",
		"lang.switch":     "Interface language",
		"lang.ru":         "RU",
		"lang.en":         "EN",
		"home.title":      "Scenarios",
		"home.empty":      "No scenarios yet.",
		"loading":         "Loading…",
		"error.storage":   "Storage is unavailable",
		"scenario.one":    "scenario",
		"scenario.few":    "scenarios",
		"scenario.many":   "scenarios",
		"update.reload":   "A new version is available, reloading…",
		"footer.offline":  "Works offline: everything is kept in this browser.",
		"nav.home":        "Home",
		"nav.skipToMain":  "Skip to content",
		"header.homeLink": "Go to the home page",
	},
}

// Normalize maps a language tag such as "en-US" or "RU" to a supported
// language code, falling back to Default.
func Normalize(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if _, ok := messages[lang]; ok {
		return lang
	}
	return Default
}

// T returns the text of key in lang. A key missing in lang falls back to the
// Russian text, and a key missing everywhere is returned as is, so a typo is
// visible on screen instead of an empty label.
func T(lang, key string) string {
	if s, ok := messages[Normalize(lang)][key]; ok {
		return s
	}
	if s, ok := messages[Default][key]; ok {
		return s
	}
	return key
}

// Has reports whether key is defined in lang; tests use it to check that both
// tables carry the same keys.
func Has(lang, key string) bool {
	_, ok := messages[Normalize(lang)][key]
	return ok
}

// Keys returns the keys defined for lang, in no particular order.
func Keys(lang string) []string {
	m := messages[Normalize(lang)]
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
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
