// Package home is the domain side of the scenarios home page: which
// scenarios and examples to show and how, and the checks an import must
// pass before anything is stored. It is plain Go (no go-app) so that every
// rule is tested on the host; the components in app/ui only render what it
// returns.
package home

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/triggersim/triggersim/app/export"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
)

// MaxItems is the most CRM items an imported scenario may start with. The
// board draws every item and the engine keeps each one's history: 10 000
// items (the largest benchmarked scenario) stay responsive in a browser tab,
// ten times more would freeze it for seconds on every step. Larger
// simulations run with the command-line tool, which has no such limit.
const MaxItems = 10_000

// ErrTooManyItems is the error of a scenario over MaxItems.
var ErrTooManyItems = errors.New("too many items")

// tooManyItems is the item limit's error: an engine.Errors (so it lists
// with its path like any reading error) that also satisfies
// errors.Is(err, ErrTooManyItems).
type tooManyItems struct{ errs engine.Errors }

func (e tooManyItems) Error() string   { return e.errs.Error() }
func (e tooManyItems) Unwrap() []error { return []error{e.errs, ErrTooManyItems} }

// Problem is one reason an import was refused: the JSON path into the file
// ("" for the file as a whole) and what is wrong there.
type Problem struct {
	Path string
	Msg  string // in English, or as the error said it
	// err is the reader's error behind the problem, if any: Text renders
	// it in the interface's language.
	err *engine.Error
	// text renders a problem of another import (Bitrix24) in a language.
	text func(lang string) string
}

// Text is the problem's message in lang: the engine's reading errors
// (with their line and column when the JSON is broken) and the import's
// own checks are in the catalogs of both languages; any other error reads
// as it was given.
func (p Problem) Text(lang string) string {
	if p.text != nil {
		return p.text(i18n.Normalize(lang))
	}
	if p.err == nil {
		return p.Msg
	}
	if i18n.Texts.Has(p.err.Code) {
		if s, ok := i18n.Texts.Format(i18n.Normalize(lang), p.err.Code, p.err.Args...); ok {
			return s
		}
	}
	return p.err.Message(i18n.Normalize(lang))
}

// linedError is an error of several problems, each a line worded in any
// language of the interface: a Bitrix24 import's (b24import.Error, and
// labwork.ImportError when the what-if worker ran the import).
type linedError interface {
	error
	Lines(lang string) []string
}

// Problems lists every problem an error carries: each engine.Error with
// its path, or the error's message as one problem without a path.
func Problems(err error) []Problem {
	if err == nil {
		return nil
	}
	var es engine.Errors
	if errors.As(err, &es) {
		out := make([]Problem, 0, len(es))
		for _, e := range es {
			out = append(out, Problem{Path: e.Path, Msg: e.Msg, err: e})
		}
		return out
	}
	var e *engine.Error
	if errors.As(err, &e) {
		return []Problem{{Path: e.Path, Msg: e.Msg, err: e}}
	}
	var le linedError
	if errors.As(err, &le) {
		en := le.Lines(i18n.EN)
		out := make([]Problem, len(en))
		for i := range en {
			out[i] = Problem{Msg: en[i], text: func(lang string) string {
				if ls := le.Lines(lang); i < len(ls) {
					return ls[i]
				}
				return en[i]
			}}
		}
		return out
	}
	return []Problem{{Msg: err.Error()}}
}

// Validate checks a file before it is imported, in the order that costs
// least first: size (export.CheckImport), then the engine's reader (every
// error with its JSON path: wrong types, unknown keys, duplicate ids, deep
// nesting), then the item limit, then the engine's compiler. It returns the
// scenario read, for a preview. Nothing is stored either way.
func Validate(data []byte) (*engine.Scenario, error) {
	if err := export.CheckImport(data); err != nil {
		return nil, err
	}
	sc, err := engine.ReadScenario(data)
	if err != nil {
		return nil, err
	}
	if n := len(sc.Items); n > MaxItems {
		return nil, tooManyItems{engine.Errors{{Path: "items", Msg: fmt.Sprintf(
			"%d items, more than the %d a scenario in the browser may start with; split the scenario or run it with the command-line tool",
			n, MaxItems), Code: "home.tooManyItems", Args: []string{strconv.Itoa(n), strconv.Itoa(MaxItems)}}}}
	}
	if err := engine.Check(sc); err != nil {
		return nil, err
	}
	return sc, nil
}

// Summary is what a preview shows of a scenario before it is imported.
type Summary struct {
	Title, Description, Locale string
	Entities, Pipelines        int
	Triggers, Robots, Items    int
	Events                     int
}

// Summarize counts what a scenario holds.
func Summarize(sc *engine.Scenario) Summary {
	s := Summary{
		Title: sc.Title, Description: sc.Description, Locale: sc.Locale,
		Entities: len(sc.Entities), Triggers: len(sc.Triggers), Robots: len(sc.Robots),
		Items: len(sc.Items), Events: len(sc.Events),
	}
	for _, e := range sc.Entities {
		s.Pipelines += len(e.Pipelines)
	}
	return s
}

// Example is a built-in scenario as the home page lists it.
type Example struct {
	Name        string // file name, the key for /design?example= and /simulate?example=
	Title       string
	Description string
	Locale      string // "ru" or "en"
	// WhatIf is true when the file carries a traffic model, so the what-if
	// lab can run it.
	WhatIf bool
}

// Data returns the example's file, read when the user opens it: the home
// page lists the examples as it starts, and copying every file's 45 KB
// out of the program's data then was work for nothing.
func (e Example) Data() ([]byte, bool) {
	ex, ok := examples.Find(e.Name)
	return ex.Data, ok
}

// Examples lists the built-in scenarios with their title, description and
// locale, in file-name order. They come from examples.Heads, a table
// generated from the files, so the home page decodes no JSON when it
// first shows: the full reader runs when one is opened.
func Examples() []Example {
	heads := examples.Heads()
	out := make([]Example, 0, len(heads))
	for _, h := range heads {
		locale := h.Locale
		if locale != i18n.EN {
			locale = i18n.RU
		}
		out = append(out, Example{Name: h.Name, Title: h.Title, Description: h.Description, Locale: locale,
			WhatIf: h.WhatIf})
	}
	return out
}

// ExampleGroups splits examples by locale, the interface language's group
// first, so a Russian user sees the Russian examples on top.
func ExampleGroups(all []Example, lang string) [][]Example {
	lang = i18n.Normalize(lang)
	order := []string{i18n.RU, i18n.EN}
	if lang == i18n.EN {
		order = []string{i18n.EN, i18n.RU}
	}
	var out [][]Example
	for _, loc := range order {
		var g []Example
		for _, ex := range all {
			if ex.Locale == loc {
				g = append(g, ex)
			}
		}
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// SortRecent orders the user's scenarios newest first (ties by title, then
// id), the order a returning user looks for.
func SortRecent(metas []storage.Meta) []storage.Meta {
	out := append([]storage.Meta(nil), metas...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Updated.Equal(b.Updated) {
			return a.Updated.After(b.Updated)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.ID < b.ID
	})
	return out
}

// NewTitle is the title of a new blank scenario: base («Новый сценарий»)
// when no stored scenario has it, else base with the smallest free number
// from 2 («Новый сценарий 2», «Новый сценарий 3»…), so that two new
// scenarios never look identical.
func NewTitle(base string, metas []storage.Meta) string {
	used := make(map[string]bool, len(metas))
	for _, m := range metas {
		used[strings.TrimSpace(m.Title)] = true
	}
	if !used[base] {
		return base
	}
	for n := 2; ; n++ {
		if t := base + " " + strconv.Itoa(n); !used[t] {
			return t
		}
	}
}

// CopyTitle is the title of a copy: "Оплата (копия)", "Payment (copy)".
func CopyTitle(title, lang string) string {
	return strings.TrimSpace(title) + " " + i18n.T(lang, "home.copySuffix")
}

// Count writes n with the word that agrees with it: "1 сценарий",
// "3 сценария", "5 сценариев". key names the i18n forms key+".one",
// key+".few" and key+".many".
func Count(lang string, n int, key string) string {
	word := i18n.Plural(lang, n, i18n.T(lang, key+".one"), i18n.T(lang, key+".few"), i18n.T(lang, key+".many"))
	return fmt.Sprintf("%d %s", n, word)
}

// ruMonths are the genitive month names of a Russian date.
var ruMonths = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

// FormatUpdated writes when a scenario was saved, relative to now in now's
// location: "сегодня в 14:05", "вчера в 09:30", "12 января 2026 в 10:00"
// ("today at 14:05", "yesterday at 09:30", "12 January 2026 at 10:00").
func FormatUpdated(t, now time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(now.Location())
	clock := t.Format("15:04")
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	day := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC)
	today := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC)
	var date string
	switch day.Sub(today) / (24 * time.Hour) {
	case 0:
		date = i18n.T(lang, "home.today")
	case -1:
		date = i18n.T(lang, "home.yesterday")
	default:
		if i18n.Normalize(lang) == i18n.RU {
			date = fmt.Sprintf("%d %s %d", d1, ruMonths[m1-1], y1)
		} else {
			date = fmt.Sprintf("%d %s %d", d1, m1.String(), y1)
		}
	}
	return i18n.F(lang, "home.atTime", "date", date, "time", clock)
}

// FormatBytes writes a byte count for people: "850 Б", "12,4 КБ", "3,1 МБ"
// ("850 B", "12.4 KB", "3.1 MB"); decimal units, as browsers report quota.
func FormatBytes(n int64, lang string) string {
	units := []string{"B", "KB", "MB", "GB", "TB"}
	if i18n.Normalize(lang) == i18n.RU {
		units = []string{"Б", "КБ", "МБ", "ГБ", "ТБ"}
	}
	if n < 1000 {
		return fmt.Sprintf("%d %s", n, units[0])
	}
	v, u := float64(n), 0
	for v >= 1000 && u < len(units)-1 {
		v /= 1000
		u++
	}
	s := fmt.Sprintf("%.1f", v)
	if v >= 100 {
		s = fmt.Sprintf("%.0f", v)
	}
	if i18n.Normalize(lang) == i18n.RU {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s + " " + units[u]
}
