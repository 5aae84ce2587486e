package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// ItemCard is one CRM item on the simulation board: its title, sum,
// responsible person and the robots waiting for it. It can be dragged to
// another column; its buttons are the keyboard way to do the same and to
// send it an event.
type ItemCard struct {
	app.Compo

	Lang        string
	Target      string
	Title       string
	Amount      string
	Responsible string
	// Pending lists the waiting robots: "name · due".
	Pending []string
	// Moved highlights a card the last action moved or created.
	Moved bool

	// Actions are what the card's buttons do; nil does nothing.
	Actions *CardActions
}

// CardActions are what a card's buttons do, given the card's target. The
// board passes the same pointer to every card and column: go-app renders a
// child component again when one of its fields changed, and a func field
// never compares equal, even to itself, while the same pointer does. So
// after an event only the cards whose data changed are rendered again.
type CardActions struct {
	// Open opens the item's details and history.
	Open func(ctx app.Context, target string)
	// Fire opens the event dialog for the item.
	Fire func(ctx app.Context, target string)
	// Move opens the stage menu (the keyboard alternative to dragging).
	Move func(ctx app.Context, target string)
	// Drag reports the start of a drag.
	Drag func(ctx app.Context, target string)
	// Drop moves the dragged item (target, or the one Drag reported when
	// the drop carries none) to stage.
	Drop func(ctx app.Context, stage, target string)
	// More shows more cards of a stage's column.
	More func(ctx app.Context, stage string)
}

// call runs one of the actions when it is set.
func (a *CardActions) call(ctx app.Context, pick func(*CardActions) func(app.Context, string), target string) {
	if a == nil {
		return
	}
	if f := pick(a); f != nil {
		f(ctx, target)
	}
}

// Render implements app.Composer.
func (c *ItemCard) Render() app.UI {
	class := "board__card"
	if c.Moved {
		class += " board__card--moved"
	}
	var pending app.UI
	if len(c.Pending) > 0 {
		pending = app.Ul().
			Class("board__card-pending").
			Aria("label", i18n.T(c.Lang, "board.card.pending")).
			Body(app.Range(c.Pending).Slice(func(i int) app.UI {
				return app.Li().Class("board__card-robot").Body(Icon("clock"), app.Span().Class("icon-text").Text(c.Pending[i]))
			}))
	}
	return app.Div().
		Class(class).
		DataSet("target", c.Target).
		Draggable(true).
		OnDragStart(c.onDragStart).
		Body(
			app.Button().
				Type("button").
				Class("board__card-title").
				Title(i18n.T(c.Lang, "board.card.open")).
				OnClick(c.onOpen).
				Text(c.Title),
			app.Div().Class("board__card-meta").Body(
				app.If(c.Amount != "", func() app.UI {
					return app.Span().Class("board__card-amount").Text(c.Amount)
				}),
				app.Span().Class("board__card-id").Text(c.Target),
			),
			app.If(c.Responsible != "", func() app.UI {
				return app.Div().Class("board__card-resp").Body(
					app.Span().Class("board__card-avatar").Aria("hidden", "true").Text(initials(c.Responsible)),
					app.Span().Text(c.Responsible),
				)
			}),
			pending,
			app.Div().Class("board__card-actions").Body(
				app.Button().
					Type("button").
					Class("board__card-action board__card-action--fire").
					DataSet("testid", "card-fire").
					Aria("label", i18n.T(c.Lang, "board.card.fire")+" — "+c.Target).
					OnClick(c.onFire).
					Body(iconText("bolt", i18n.T(c.Lang, "board.card.fire"))...),
				app.Button().
					Type("button").
					Class("board__card-action").
					DataSet("testid", "card-move").
					Aria("haspopup", "dialog").
					Aria("label", i18n.T(c.Lang, "board.card.move")+" — "+c.Target).
					OnClick(c.onMove).
					Text(i18n.T(c.Lang, "board.card.move")),
			),
		)
}

func (c *ItemCard) onDragStart(ctx app.Context, e app.Event) {
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		dt.Call("setData", "text/plain", c.Target)
		dt.Set("effectAllowed", "move")
	}
	c.Actions.call(ctx, func(a *CardActions) func(app.Context, string) { return a.Drag }, c.Target)
}

func (c *ItemCard) onOpen(ctx app.Context, e app.Event) {
	c.Actions.call(ctx, func(a *CardActions) func(app.Context, string) { return a.Open }, c.Target)
}

func (c *ItemCard) onFire(ctx app.Context, e app.Event) {
	c.Actions.call(ctx, func(a *CardActions) func(app.Context, string) { return a.Fire }, c.Target)
}

func (c *ItemCard) onMove(ctx app.Context, e app.Event) {
	c.Actions.call(ctx, func(a *CardActions) func(app.Context, string) { return a.Move }, c.Target)
}

// initials are the first letters of the first two words of a name.
func initials(name string) string {
	var out []rune
	start := true
	for _, r := range name {
		if r == ' ' {
			start = true
			continue
		}
		if start && len(out) < 2 {
			out = append(out, r)
		}
		start = false
	}
	return string(out)
}
