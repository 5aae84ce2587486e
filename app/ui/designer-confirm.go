package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// DesignerConfirm asks a yes/no question before a destructive edit.
type DesignerConfirm struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Text is the question.
	Text string
	// OnYes and OnNo are called with the answer.
	OnYes, OnNo func(ctx app.Context)
}

// Render implements app.Composer.
func (c *DesignerConfirm) Render() app.UI {
	lang := i18n.Normalize(c.Lang)
	no := func(ctx app.Context, e app.Event) {
		if c.OnNo != nil {
			c.OnNo(ctx)
		}
	}
	return designerModal(lang, i18n.T(lang, "designer.confirm"), "confirm", "narrow", no, []app.UI{
		pc("designer-confirm__text", c.Text),
	},
		buttonc("button button--secondary").
			Text(i18n.T(lang, "designer.cancel")).OnClick(no),
		buttonc("button button--danger").
			Attr("data-testid", "confirm-yes").
			Text(i18n.T(lang, "designer.delete")).
			OnClick(func(ctx app.Context, e app.Event) {
				if c.OnYes != nil {
					c.OnYes(ctx)
				}
			}),
	)
}
