package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// setDocumentLang sets <html lang>, which screen readers, hyphenation and
// the :lang() rules read, unless it already says lang. Every page sets it
// as it starts, and the server-rendered page already has the default:
// Chromium restyles the document even when the attribute is written with
// the value it has (2.5 ms sampled in a profile of a warm load).
func setDocumentLang(lang string) {
	if !app.IsClient {
		return
	}
	root := app.Window().Get("document").Get("documentElement")
	if root.Get("lang").String() != lang {
		root.Set("lang", lang)
	}
}
