package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Shell reads the remembered language in OnMount, which the host test
// engine does not call but the browser (wasm tests) does, so Shell is only
// tested in its default language; Header and HomePage cover both.

// Paths into the trees: Header is div.header-wrap > header > a.brand >
// span.titles > span.tagline; HomePage is section > div.head > h1; Shell is
// div.shell > [a.skip, Header, main > HomePage].
var (
	pathHeaderTagline = []int{0, 0, 0, 1, 1, 0}
	pathHomeTitle     = []int{0, 0, 0, 0}
)

func TestHeaderAndHomePage(t *testing.T) {
	tests := []struct {
		lang, wantTitle, wantTagline string
	}{
		{"ru", "Сценарии", "Симулятор роботов и триггеров Битрикс24"},
		{"en", "Scenarios", "Bitrix24 robots and triggers simulator"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			h := &Header{Tab: testTab(), Lang: tt.lang}
			e := app.NewTestEngine()
			require.NoError(t, e.Load(h))
			e.ConsumeAll()
			assert.NoError(t, app.Match(app.Text(tt.wantTagline), h, pathHeaderTagline...))

			p := &HomePage{Tab: testTab(), Lang: tt.lang}
			e = app.NewTestEngine()
			require.NoError(t, e.Load(p))
			e.ConsumeAll()
			assert.NoError(t, app.Match(app.Text(tt.wantTitle), p, pathHomeTitle...))
		})
	}
}

func TestShellDefaultsToRussian(t *testing.T) {
	s := &Shell{Tab: testTab()}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(s))
	e.ConsumeAll()
	assert.Equal(t, "ru", s.currentLang())
	assert.NoError(t, app.Match(app.Text("Сценарии"), s, append([]int{0, 2, 0}, pathHomeTitle...)...))
	assert.NoError(t, app.Match(app.Text("Симулятор роботов и триггеров Битрикс24"), s, append([]int{0, 1}, pathHeaderTagline...)...))
}

func TestLangSwitch(t *testing.T) {
	tests := []struct {
		name, active, pick string
		wantCalls          []string
	}{
		{"switch to en", "ru", "en", []string{"en"}},
		{"switch to ru", "en", "ru", []string{"ru"}},
		{"click active", "ru", "ru", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls []string
			l := &LangSwitch{
				Lang:     tt.active,
				OnChange: func(_ app.Context, lang string) { calls = append(calls, lang) },
			}
			e := app.NewTestEngine()
			require.NoError(t, e.Load(l))
			e.ConsumeAll()
			assert.NoError(t, app.Match(app.Elem("button").
				Attr("type", "button").
				Class("lang-switch__button lang-switch__button--active").
				DataSet("lang", tt.active).
				Aria("pressed", "true").
				Lang(tt.active).
				OnClick(func(app.Context, app.Event) {}), l, 0, indexOf(tt.active)))

			l.onSelect(app.Context{}, tt.pick)
			assert.Equal(t, tt.wantCalls, calls)
		})
	}
}

func TestSetLangNormalises(t *testing.T) {
	s := &Shell{Tab: testTab()}
	for in, want := range map[string]string{"en-US": "en", "EN": "en", "": "ru", "xx": "ru"} {
		s.setLang(in)
		assert.Equal(t, want, s.lang, in)
	}
}

func indexOf(lang string) int {
	if lang == "en" {
		return 1
	}
	return 0
}
