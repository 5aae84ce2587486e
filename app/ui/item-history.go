package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// ItemHistory is what happened to one item: its stage changes with who
// made them (a user, a trigger or a robot), field updates and robots.
type ItemHistory struct {
	app.Compo

	Lang   string
	Target string
	Lines  []simulate.Line
}

// Render implements app.Composer.
func (h *ItemHistory) Render() app.UI {
	return elc("section", "item-history").
		Attr("data-history", h.Target).
		Attr("aria-label", i18n.T(h.Lang, "board.history.title")).
		Body(
			h3c("item-history__title", i18n.T(h.Lang, "board.history.title")),
			app.If(len(h.Lines) == 0, func() app.UI {
				return pc("item-history__empty", i18n.T(h.Lang, "board.history.empty"))
			}),
			elc("ol", "item-history__list").Body(
				app.Range(h.Lines).Slice(func(i int) app.UI {
					l := h.Lines[i]
					return elc("li", "item-history__line item-history__line--"+l.Type).Body(
						spanc("item-history__time", simulate.FormatShort(l.At, h.Lang)),
						spanc("item-history__text", l.Text),
					)
				}),
			),
		)
}
