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
	return elct("section", "expect-panel", "checks").Body(
		app.If(len(p.Checks) == 0, func() app.UI {
			return pc("expect-panel__empty", i18n.T(p.Lang, "board.checks.empty"))
		}).Else(func() app.UI {
			return pc("expect-panel__summary",
				i18n.T(p.Lang, "board.checks.summary")+" "+strconv.Itoa(pass)+" / "+strconv.Itoa(len(p.Checks)))
		}),
		elc("ul", "expect-panel__list").Body(
			app.Range(p.Checks).Slice(func(i int) app.UI {
				c := p.Checks[i]
				cls, mark, state := "expect-panel__item--fail", "cross", i18n.T(p.Lang, "board.checks.fail")
				if c.Pass {
					cls, mark, state = "expect-panel__item--pass", "check", i18n.T(p.Lang, "board.checks.pass")
				}
				return elc("li", "expect-panel__item "+cls).DataSet("pass", c.Pass).Body(
					elc("span", "expect-panel__mark").Role("img").Aria("label", state).Body(Icon(mark)),
					app.Elem("div").Body(
						app.If(c.Name != "", func() app.UI { return elcText("strong", "expect-panel__name", c.Name) }),
						divText("expect-panel__msg", c.Message),
					),
				)
			}),
		),
	)
}
