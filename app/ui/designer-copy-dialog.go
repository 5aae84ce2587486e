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
	return designerModal(lang, c.Title, "copy-dialog", "", c.onClose, []app.UI{
		app.Div().Class("designer-form__field").Body(
			app.Label().For("copy-to").Class("designer-form__label").Text(i18n.T(lang, "designer.stage.copyTo")),
			app.Select().ID("copy-to").Class("designer-input").DataSet("testid", "copy-to").
				OnChange(func(ctx app.Context, e app.Event) { c.to = jsValue(ctx) }).
				Body(app.Range(c.Pipelines).Slice(func(i int) app.UI {
					p := c.Pipelines[i]
					return app.OptGroup().Label(p.Name).Body(app.Range(p.Stages).Slice(func(j int) app.UI {
						st := p.Stages[j]
						return app.Option().Value(st.ID).Selected(st.ID == to).Text(st.Name)
					}))
				})),
		),
	},
		app.Button().Type("button").Class("button button--secondary").
			Text(i18n.T(lang, "designer.cancel")).OnClick(c.onClose),
		app.Button().Type("button").Class("button button--primary").
			DataSet("testid", "copy-confirm").
			Text(i18n.T(lang, "designer.copy")).
			OnClick(func(ctx app.Context, e app.Event) {
				if c.OnCopy != nil {
					c.OnCopy(ctx, c.target())
				}
			}),
	)
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
