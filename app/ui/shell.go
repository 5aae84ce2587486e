package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/route"
)

// Shell is the root component: the header bar and the main area. It owns the
// interface language and hands it down to every child.
type Shell struct {
	app.Compo

	// Tab is the tab's shared state (session and header).
	Tab *Tab

	lang string
}

// OnInit restores the remembered language before the first render in
// the browser, so the page is rendered once in it rather than in the
// default language and again.
func (s *Shell) OnInit() {
	if app.IsClient {
		s.setLang(s.Tab.Prefs.Lang())
	}
}

// OnMount marks the page ready. The server renders the page before the
// wasm runs, so end-to-end tests wait for body[data-ready="1"] instead of
// for the first visible element. The first render was already the page
// as it stands (see HomePage.OnMount), so mounting renders nothing again.
func (s *Shell) OnMount(ctx app.Context) {
	if lang := i18n.Normalize(s.Tab.Prefs.Lang()); lang != s.lang {
		s.setLang(lang)
	} else {
		ctx.PreventUpdate()
	}
	markShown(ctx, route.Home, "")
}

// Render implements app.Composer.
func (s *Shell) Render() app.UI {
	lang := s.currentLang()
	return pageFrame(lang, s.Tab, route.Place{Page: route.Home}, "shell", "shell__main", s.onLangChange, &HomePage{Tab: s.Tab, Lang: lang})
}

// onLangChange switches the interface language and remembers it.
func (s *Shell) onLangChange(ctx app.Context, lang string) {
	s.lang = i18n.Normalize(lang)
	s.Tab.Prefs.SetLang(s.lang)
}

// setLang normalises lang and mirrors it on <html lang>, which screen
// readers and hyphenation use.
func (s *Shell) setLang(lang string) {
	s.lang = i18n.Normalize(lang)
	setDocumentLang(s.lang)
}

// currentLang is the language to render in: the default until OnMount ran.
func (s *Shell) currentLang() string {
	if s.lang == "" {
		return i18n.Default
	}
	return s.lang
}
