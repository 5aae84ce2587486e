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
	var empty app.UI
	if len(p.Rows) == 0 {
		empty = elc("p", "lint-panel__empty").Body(iconText("check", i18n.T(lang, "designer.lint.noneHint"))...)
	}
	rows := make([]app.UI, len(p.Rows))
	for i, r := range p.Rows {
		rows[i] = p.renderRow(lang, r)
	}
	closeText := i18n.T(lang, "designer.lint.close")
	return elc("section", "lint-panel").
		ID("lint-panel").
		DataSet("testid", "lint-panel").
		Aria("labelledby", "lint-panel-title").
		Body(
			divc("lint-panel__head",
				app.Elem("h2").ID("lint-panel-title").Class("lint-panel__title").Body(
					app.Text(i18n.T(lang, "designer.lint.title")),
					spanc("lint-panel__count", lintCount(lang, len(p.Rows))).DataSet("testid", "lint-count"),
				),
				pc("lint-panel__hint", i18n.T(lang, "designer.lint.hint")),
				button("designer-icon-button lint-panel__close", "×", p.onClose).
					Aria("label", closeText).
					Title(closeText),
			),
			empty,
			elc("ul", "lint-panel__list").Body(rows...),
		)
}

func (p *LintPanel) onClose(ctx app.Context, e app.Event) {
	if p.OnClose != nil {
		p.OnClose(ctx)
	}
}

func (p *LintPanel) renderRow(lang string, r lintview.Row) app.UI {
	sev := i18n.T(lang, "designer.lint.severity."+r.Severity)
	var where, cycle, link app.UI
	if r.Where != "" {
		where = spanc("lint-panel__where", r.Where)
	}
	if len(r.Cycle) > 0 {
		steps := make([]app.UI, 0, len(r.Cycle)+1)
		for _, s := range r.Cycle {
			var step app.UI = spanc("lint-chain__step", s.Text)
			if s.Link != "" {
				step = elc("a", "lint-chain__step").Attr("href", s.Link).Text(s.Text)
			}
			steps = append(steps, elc("li", "lint-chain__item").Body(step))
		}
		steps = append(steps, elc("li", "lint-chain__item lint-chain__item--back").Aria("hidden", "true").Body(Icon("restart")))
		cycle = elc("ol", "lint-chain").Aria("label", i18n.T(lang, "designer.lint.cycle")).Body(steps...)
	}
	if r.Link != "" {
		link = elc("a", "lint-panel__link").
			Attr("href", r.Link).
			DataSet("testid", "lint-link").
			Aria("label", i18n.F(lang, "designer.lint.showLabel", "code", r.Code)).
			Body(iconTextAfter(i18n.T(lang, "designer.lint.show"), "right")...)
	}
	return elct("li", "lint-panel__row lint-panel__row--"+r.Severity, "lint-finding").
		DataSet("code", r.Code).
		DataSet("severity", r.Severity).
		Body(
			spanBody("lint-icon lint-icon--"+r.Severity, lintIcon(r.Severity)).Title(sev).Role("img").Aria("label", sev),
			divc("lint-panel__body",
				divc("lint-panel__meta",
					elcText("code", "lint-code", r.Code),
					where,
				),
				pc("lint-panel__text", r.Text).DataSet("testid", "lint-message"),
				cycle,
			),
			link,
		)
}
