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
		empty = lintPanelEmptyView.el(lang, Icon("check"))
	}
	rows := make([]app.UI, len(p.Rows))
	for i, r := range p.Rows {
		rows[i] = p.renderRow(lang, r)
	}
	return lintPanelView.el(lang, lintCount(lang, len(p.Rows)), p.onClose, empty, rows)
}

// lintPanelView is the panel: its head (title with the count, hint, close
// button), the note that nothing was found ({2}) and the findings.
var lintPanelView = &view{name: "lint-panel", src: `
<section class="lint-panel" id="lint-panel" data-testid="lint-panel" aria-labelledby="lint-panel-title">
	<div class="lint-panel__head">
		<h2 id="lint-panel-title" class="lint-panel__title">{t:designer.lint.title}<span class="lint-panel__count" data-testid="lint-count">{0}</span></h2>
		<p class="lint-panel__hint">{t:designer.lint.hint}</p>
		<button type="button" class="designer-icon-button lint-panel__close" @click={1}
			aria-label={t:designer.lint.close} title={t:designer.lint.close}>×</button>
	</div>
	{2}
	<ul class="lint-panel__list">{3}</ul>
</section>`}

// lintPanelEmptyView says the lint found nothing.
var lintPanelEmptyView = &view{name: "lint-panel-empty", src: `
<p class="lint-panel__empty">{0}<span class="icon-text">{t:designer.lint.noneHint}</span></p>`}

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
		steps := make([]app.UI, len(r.Cycle))
		for i, s := range r.Cycle {
			if s.Link != "" {
				steps[i] = lintChainLinkView.el(lang, s.Link, s.Text)
			} else {
				steps[i] = lintChainStepView.el(lang, s.Text)
			}
		}
		cycle = lintChainView.el(lang, steps, Icon("restart"))
	}
	if r.Link != "" {
		link = lintPanelLinkView.el(lang, r.Link, i18n.F(lang, "designer.lint.showLabel", "code", r.Code), Icon("right"))
	}
	return lintPanelRowView.el(lang, "lint-panel__row lint-panel__row--"+r.Severity, r.Code, r.Severity,
		"lint-icon lint-icon--"+r.Severity, sev, lintIcon(r.Severity), where, r.Text, cycle, link)
}

// lintPanelRowView is one finding: its severity's icon, code, place
// ({6}), message, loop ({8}) and link ({9}).
var lintPanelRowView = &view{name: "lint-panel-row", src: `
<li class={0} data-testid="lint-finding" data-code={1} data-severity={2}>
	<span class={3} title={4} role="img" aria-label={4}>{5}</span>
	<div class="lint-panel__body">
		<div class="lint-panel__meta">
			<code class="lint-code">{1}</code>
			{6}
		</div>
		<p class="lint-panel__text" data-testid="lint-message">{7}</p>
		{8}
	</div>
	{9}
</li>`}

// lintPanelLinkView is the link that shows the finding's place in the
// designer.
var lintPanelLinkView = &view{name: "lint-panel-link", src: `
<a class="lint-panel__link" href={0} data-testid="lint-link" aria-label={1}><span class="icon-text">{t:designer.lint.show}</span>{2}</a>`}

// lintChainView is a loop drawn as its steps, then the arrow back to the
// first.
var lintChainView = &view{name: "lint-chain", src: `
<ol class="lint-chain" aria-label={t:designer.lint.cycle}>
	{0}
	<li class="lint-chain__item lint-chain__item--back" aria-hidden="true">{1}</li>
</ol>`}

// lintChainStepView is a step of a loop.
var lintChainStepView = &view{name: "lint-chain-step", src: `<li class="lint-chain__item"><span class="lint-chain__step">{0}</span></li>`}

// lintChainLinkView is a step of a loop that links to its place.
var lintChainLinkView = &view{name: "lint-chain-link", src: `<li class="lint-chain__item"><a class="lint-chain__step" href={0}>{1}</a></li>`}
