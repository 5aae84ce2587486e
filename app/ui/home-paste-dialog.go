package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// HomePasteDialog imports a scenario from pasted text: the JSON of a
// scenario file or a share link.
type HomePasteDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// OnImport receives the pasted text; OnClose hides the dialog.
	OnImport func(ctx app.Context, text string)
	OnClose  func(ctx app.Context)

	text string
}

// Render implements app.Composer.
func (d *HomePasteDialog) Render() app.UI {
	lang := d.Lang
	return homeModal{
		testID:  "paste-dialog",
		title:   i18n.T(lang, "home.pasteTitle"),
		close:   i18n.T(lang, "home.cancel"),
		wide:    true,
		onClose: d.OnClose,
		body: []app.UI{
			elc("label", "home-field__label").Attr("for", "paste-text").Text(i18n.T(lang, "home.pasteLabel")),
			app.Elem("textarea").
				ID("paste-text").
				Class("home-field__textarea").
				Attr("data-testid", "paste-text").
				Attr("rows", 12).
				Spellcheck(false).
				Attr("placeholder", `{"format": "triggersim/scenario", "version": 1, …}`).
				Attr("autofocus", true).
				Attr("value", d.text).
				OnInput(func(ctx app.Context, e app.Event) {
					d.text = ctx.JSSrc().Get("value").String()
					ctx.PreventUpdate()
				}),
			pc("home-field__hint", i18n.T(lang, "home.pasteHint")),
		},
		actions: []app.UI{
			homeButton("primary", "paste-import", i18n.T(lang, "home.importButton"), d.onImport),
			homeButton("", "", i18n.T(lang, "home.cancel"), d.OnClose),
		},
	}.render()
}

func (d *HomePasteDialog) onImport(ctx app.Context) {
	text := strings.TrimSpace(d.text)
	if text == "" || d.OnImport == nil {
		return
	}
	d.OnImport(ctx, text)
}
