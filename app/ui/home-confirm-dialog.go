package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// HomeConfirmDialog asks before a scenario is deleted: deletion removes its
// history too and cannot be undone.
type HomeConfirmDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Title is the scenario's title.
	Title string
	// OnConfirm deletes; OnClose keeps the scenario.
	OnConfirm func(ctx app.Context)
	OnClose   func(ctx app.Context)
}

// Render implements app.Composer.
func (d *HomeConfirmDialog) Render() app.UI {
	lang := d.Lang
	return homeModal{
		testID:  "delete-dialog",
		title:   i18n.T(lang, "home.deleteTitle"),
		close:   i18n.T(lang, "home.cancel"),
		onClose: d.OnClose,
		body:    []app.UI{pc("home-dialog__text", i18n.F(lang, "home.deleteText", "title", d.Title))},
		actions: []app.UI{
			homeButton("danger", "delete-confirm", i18n.T(lang, "home.deleteConfirm"), d.OnConfirm),
			homeButton("", "delete-cancel", i18n.T(lang, "home.cancel"), d.OnClose).Attr("autofocus", true),
		},
	}.render()
}
