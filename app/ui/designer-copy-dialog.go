package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// CopyDialog asks where to copy a trigger or a robot: any stage of the
// same entity type, in any of its pipelines (grouped by pipeline).
type CopyDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Title is the dialog title («Копировать триггер»).
	Title string
	// Pipelines are the entity type's pipelines.
	Pipelines []engine.Pipeline
	// From is the stage the original is on (preselected).
	From string
	// OnCopy receives the chosen stage; OnClose is called on cancel.
	OnCopy  func(ctx app.Context, stage string)
	OnClose func(ctx app.Context)

	to string
}

// Render implements app.Composer.
func (c *CopyDialog) Render() app.UI {
	lang := i18n.Normalize(c.Lang)
	to := c.target()
	groups := make([]app.UI, len(c.Pipelines))
	for i, p := range c.Pipelines {
		opts := make([]app.UI, len(p.Stages))
		for j, st := range p.Stages {
			opts[j] = option(st.ID, st.ID == to, st.Name)
		}
		groups[i] = app.Elem("optgroup").Attr("label", p.Name).Body(opts...)
	}
	return designerModal(lang, c.Title, "copy-dialog", "", c.onClose, []app.UI{
		formField(
			formLabel("copy-to", i18n.T(lang, "designer.stage.copyTo")),
			selectc("copy-to", "designer-input", c.onTo, groups...).Attr("data-testid", "copy-to"),
		),
	},
		button("button button--secondary", i18n.T(lang, "designer.cancel"), c.onClose),
		button("button button--primary", i18n.T(lang, "designer.copy"), c.onCopy).
			Attr("data-testid", "copy-confirm"),
	)
}

func (c *CopyDialog) onTo(ctx app.Context, e app.Event) { c.to = jsValue(ctx) }

func (c *CopyDialog) onCopy(ctx app.Context, e app.Event) {
	if c.OnCopy != nil {
		c.OnCopy(ctx, c.target())
	}
}

func (c *CopyDialog) onClose(ctx app.Context, e app.Event) {
	if c.OnClose != nil {
		c.OnClose(ctx)
	}
}

// target is the chosen stage, the original's stage until one is chosen.
func (c *CopyDialog) target() string {
	if c.to == "" {
		return c.From
	}
	return c.to
}
