package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// ExpectPanel shows the scenario's expectations, pass or fail right now.
type ExpectPanel struct {
	app.Compo

	Lang   string
	Checks []simulate.Check
}

// Render implements app.Composer.
func (p *ExpectPanel) Render() app.UI {
	pass := 0
	for _, c := range p.Checks {
		if c.Pass {
			pass++
		}
	}
	var head app.UI
	if len(p.Checks) == 0 {
		head = expectPanelEmptyView.el(p.Lang)
	} else {
		head = pc("expect-panel__summary",
			i18n.T(p.Lang, "board.checks.summary")+" "+strconv.Itoa(pass)+" / "+strconv.Itoa(len(p.Checks)))
	}
	items := make([]app.UI, len(p.Checks))
	for i, c := range p.Checks {
		cls, mark, state := "expect-panel__item expect-panel__item--fail", "cross", "board.checks.fail"
		if c.Pass {
			cls, mark, state = "expect-panel__item expect-panel__item--pass", "check", "board.checks.pass"
		}
		var name app.UI
		if c.Name != "" {
			name = elcText("strong", "expect-panel__name", c.Name)
		}
		items[i] = expectPanelItemView.el(p.Lang, cls, c.Pass, i18n.T(p.Lang, state), Icon(mark), name, c.Message)
	}
	return expectPanelView.el(p.Lang, head, items)
}

// expectPanelView is the panel: the summary (or why it is empty), then
// the checks.
var expectPanelView = &view{name: "expect-panel", src: `
<section class="expect-panel" data-testid="checks">
	{0}
	<ul class="expect-panel__list">{1}</ul>
</section>`}

// expectPanelEmptyView says the scenario expects nothing.
var expectPanelEmptyView = &view{name: "expect-panel-empty", src: `<p class="expect-panel__empty">{t:board.checks.empty}</p>`}

// expectPanelItemView is one check: its mark, its name and its message.
var expectPanelItemView = &view{name: "expect-panel-item", src: `
<li class={0} data-pass={1}>
	<span class="expect-panel__mark" role="img" aria-label={2}>{3}</span>
	<div>{4}<div class="expect-panel__msg">{5}</div></div>
</li>`}
