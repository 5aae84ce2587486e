package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// ExplainPanel explains the last event: where it was delivered, every
// candidate trigger with why it fired or not, what moved, and what the
// robots did.
type ExplainPanel struct {
	app.Compo

	Lang string
	// X is the explanation; nil before the first event.
	X *simulate.Explanation
}

// Render implements app.Composer.
func (p *ExplainPanel) Render() app.UI {
	if p.X == nil {
		return app.Section().Class("explain").DataSet("testid", "explain").Body(
			app.P().Class("explain__hint").Text(i18n.T(p.Lang, "board.explain.none")),
		)
	}
	x := p.X
	return app.Section().
		Class("explain").
		DataSet("testid", "explain").
		DataSet("event", x.Index).
		Aria("live", "polite").
		Body(
			app.Div().Class("explain__event").Body(
				app.Span().Class("explain__time").Text(simulate.FormatShort(x.At, p.Lang)),
				app.Strong().Class("explain__title").Text(x.Title),
			),
			p.group("delivery", "board.explain.delivery", x.Delivery),
			p.group("candidates", "board.explain.candidates", x.Candidates),
			app.If(len(x.Candidates) == 0 && x.Code != "CREATE" && x.Code != "UPDATE" && x.Code != "MOVE", func() app.UI {
				return app.P().Class("explain__hint").Text(i18n.T(p.Lang, "board.explain.noCandidates"))
			}),
			p.group("changes", "board.explain.changes", x.Changes),
			p.group("robots", "board.explain.robots", x.Robots),
			p.group("other", "board.explain.other", x.Other),
		)
}

func (p *ExplainPanel) group(id, key string, lines []simulate.Line) app.UI {
	if len(lines) == 0 {
		return nil
	}
	return app.Div().Class("explain__group").DataSet("group", id).Body(
		app.H3().Class("explain__heading").Text(i18n.T(p.Lang, key)),
		app.Ul().Class("explain__list").Body(
			app.Range(lines).Slice(func(i int) app.UI {
				l := lines[i]
				mark, cls := markOf(l)
				return app.Li().Class("explain__line explain__line--"+cls).Body(
					app.Span().Class("explain__mark").Aria("hidden", "true").Body(Icon(mark)),
					app.Span().Class("explain__text").Text(l.Text),
				)
			}),
		),
	)
}

// markOf is a line's icon and style: fired and ran lines are green,
// skipped and failed ones grey or red.
func markOf(l simulate.Line) (string, string) {
	switch {
	case l.Status == simulate.Fired:
		return "check", "ok"
	case l.Status == simulate.Skipped:
		return "cross", "skip"
	case l.Type == "robot" && l.Status == "ran":
		return "check", "ok"
	case l.Type == "robot":
		return "cross", "skip"
	case l.Type == "scheduled":
		return "clock", "wait"
	case l.Type == "cancelled", l.Type == "undelivered":
		return "ban", "skip"
	case l.Type == "error", l.Type == "loop":
		return "alert", "error"
	case l.Type == "outbox":
		return "mail", "info"
	case l.Type == "deliver":
		return "right", "info"
	}
	return "dot", "info"
}
