package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// LangSwitch is a pair of toggle buttons, one per interface language.
type LangSwitch struct {
	app.Compo

	// Lang is the active language; its button is pressed.
	Lang string
	// OnChange is called with the language of the pressed button.
	OnChange func(ctx app.Context, lang string)
}

// Render implements app.Composer.
func (l *LangSwitch) Render() app.UI {
	langs := i18n.Languages()
	return elc("div", "lang-switch").
		Role("group").
		Attr("aria-label", i18n.T(l.Lang, "lang.switch")).
		Body(
			app.Range(langs).Slice(func(i int) app.UI {
				lang := langs[i]
				pressed := lang == l.Lang
				class := "lang-switch__button"
				if pressed {
					class += " lang-switch__button--active"
				}
				return buttonc(class).
					Attr("data-lang", lang).
					Attr("aria-pressed", strconv.FormatBool(pressed)).
					Lang(lang).
					// Looked up in the page's language: every catalogue names
					// the languages alike (i18n's TestLanguageNamesAlike), and
					// a Russian page then reads no English text as it starts
					// (the first English lookup parses both catalogues, 12 ms
					// of every load in profiles).
					Text(i18n.T(l.Lang, "lang."+lang)).
					OnClick(func(ctx app.Context, e app.Event) {
						l.onSelect(ctx, lang)
					})
			}),
		)
}

// onSelect reports a language change, ignoring a click on the active one.
func (l *LangSwitch) onSelect(ctx app.Context, lang string) {
	if lang == l.Lang || l.OnChange == nil {
		return
	}
	l.OnChange(ctx, lang)
}
