package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/lintview"
)

// LintPanel is the designer's «Проверка» panel: every lint finding of the
// open scenario with its severity, code, place and message, a loop drawn
// as a chain of steps, and a link that shows the trigger, robot or stage
// in the designer (the engine's link, followed by DesignerPage.OnNav).
type LintPanel struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Rows are the findings, in the lint's order.
	Rows []lintview.Row
	// OnClose hides the panel.
	OnClose func(ctx app.Context)
}

// Render implements app.Composer.
func (p *LintPanel) Render() app.UI {
	lang := p.Lang
	return app.Section().
		Class("lint-panel").
		ID("lint-panel").
		DataSet("testid", "lint-panel").
		Aria("labelledby", "lint-panel-title").
		Body(
			app.Div().Class("lint-panel__head").Body(
				app.H2().ID("lint-panel-title").Class("lint-panel__title").Body(
					app.Text(i18n.T(lang, "designer.lint.title")),
					app.Span().Class("lint-panel__count").DataSet("testid", "lint-count").Text(lintCount(lang, len(p.Rows))),
				),
				app.P().Class("lint-panel__hint").Text(i18n.T(lang, "designer.lint.hint")),
				app.Button().Type("button").Class("designer-icon-button lint-panel__close").
					Aria("label", i18n.T(lang, "designer.lint.close")).
					Title(i18n.T(lang, "designer.lint.close")).
					Text("×").
					OnClick(func(ctx app.Context, e app.Event) {
						if p.OnClose != nil {
							p.OnClose(ctx)
						}
					}),
			),
			app.If(len(p.Rows) == 0, func() app.UI {
				return app.P().Class("lint-panel__empty").Body(iconText("check", i18n.T(lang, "designer.lint.noneHint"))...)
			}),
			app.Ul().Class("lint-panel__list").Body(
				app.Range(p.Rows).Slice(func(i int) app.UI { return p.renderRow(lang, p.Rows[i]) }),
			),
		)
}

func (p *LintPanel) renderRow(lang string, r lintview.Row) app.UI {
	sev := i18n.T(lang, "designer.lint.severity."+r.Severity)
	return app.Li().
		Class("lint-panel__row lint-panel__row--"+r.Severity).
		DataSet("testid", "lint-finding").
		DataSet("code", r.Code).
		DataSet("severity", r.Severity).
		Body(
			app.Span().Class("lint-icon lint-icon--"+r.Severity).Title(sev).Role("img").Aria("label", sev).Body(lintIcon(r.Severity)),
			app.Div().Class("lint-panel__body").Body(
				app.Div().Class("lint-panel__meta").Body(
					app.Code().Class("lint-code").Text(r.Code),
					app.If(r.Where != "", func() app.UI {
						return app.Span().Class("lint-panel__where").Text(r.Where)
					}),
				),
				app.P().Class("lint-panel__text").DataSet("testid", "lint-message").Text(r.Text),
				app.If(len(r.Cycle) > 0, func() app.UI {
					return app.Ol().Class("lint-chain").Aria("label", i18n.T(lang, "designer.lint.cycle")).Body(
						app.Range(r.Cycle).Slice(func(j int) app.UI {
							s := r.Cycle[j]
							var step app.UI = app.Span().Class("lint-chain__step").Text(s.Text)
							if s.Link != "" {
								step = app.A().Class("lint-chain__step").Href(s.Link).Text(s.Text)
							}
							return app.Li().Class("lint-chain__item").Body(step)
						}),
						app.Li().Class("lint-chain__item lint-chain__item--back").Aria("hidden", "true").Body(Icon("restart")),
					)
				}),
			),
			app.If(r.Link != "", func() app.UI {
				return app.A().Class("lint-panel__link").
					Href(r.Link).
					DataSet("testid", "lint-link").
					Aria("label", i18n.F(lang, "designer.lint.showLabel", "code", r.Code)).
					Body(iconTextAfter(i18n.T(lang, "designer.lint.show"), "right")...)
			}),
		)
}
