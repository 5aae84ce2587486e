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
	return app.Elem("section").
		Class("item-history").
		DataSet("history", h.Target).
		Aria("label", i18n.T(h.Lang, "board.history.title")).
		Body(
			app.Elem("h3").Class("item-history__title").Text(i18n.T(h.Lang, "board.history.title")),
			app.If(len(h.Lines) == 0, func() app.UI {
				return app.Elem("p").Class("item-history__empty").Text(i18n.T(h.Lang, "board.history.empty"))
			}),
			app.Elem("ol").Class("item-history__list").Body(
				app.Range(h.Lines).Slice(func(i int) app.UI {
					l := h.Lines[i]
					return app.Elem("li").Class("item-history__line item-history__line--"+l.Type).Body(
						app.Elem("span").Class("item-history__time").Text(simulate.FormatShort(l.At, h.Lang)),
						app.Elem("span").Class("item-history__text").Text(l.Text),
					)
				}),
			),
		)
}
