package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// ConflictDialog appears when a save lost against another tab: the user
// either takes the other tab's version or keeps theirs as a copy. Nothing
// is lost silently: until they choose, their edit stays in memory.
type ConflictDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Title is the scenario's title.
	Title string
	// OnReload opens the stored version; OnCopy saves this tab's version
	// as a new scenario; OnClose only hides the dialog.
	OnReload func(ctx app.Context)
	OnCopy   func(ctx app.Context)
	OnClose  func(ctx app.Context)
}

// Render implements app.Composer.
func (c *ConflictDialog) Render() app.UI {
	lang := c.Lang
	return homeModal{
		testID:  "conflict-dialog",
		title:   i18n.T(lang, "hdr.conflictTitle"),
		close:   i18n.T(lang, "hdr.close"),
		onClose: c.OnClose,
		body: []app.UI{
			pc("home-dialog__text", i18n.F(lang, "hdr.conflictText", "title", c.Title)),
			elc("ul", "home-dialog__choices").Body(
				app.Elem("li").Body(elText("strong", i18n.T(lang, "hdr.conflictReload")), app.Text(" — "+i18n.T(lang, "hdr.conflictReloadH"))),
				app.Elem("li").Body(elText("strong", i18n.T(lang, "hdr.conflictCopy")), app.Text(" — "+i18n.T(lang, "hdr.conflictCopyH"))),
			),
		},
		actions: []app.UI{
			homeButton("primary", "conflict-copy", i18n.T(lang, "hdr.conflictCopy"), c.OnCopy).Attr("autofocus", true),
			homeButton("", "conflict-reload", i18n.T(lang, "hdr.conflictReload"), c.OnReload),
		},
	}.render()
}
