package ui

import (
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// BoardColumn is one stage of the board: a coloured header with the stage
// name, the item count and the stage's triggers and robots, then the cards.
// Cards dropped on it are moved to its stage. A column renders at most
// its first cards (simulate.PageSize, more on "show more"), so the page
// stays small whatever the number of items: data-count is how many items
// the stage holds, data-rendered how many cards are in the page.
type BoardColumn struct {
	app.Compo

	Lang      string
	Stage     string
	Name      string
	Color     string
	Semantics string
	Count     int
	More      int
	Cards     []simulate.Card
	Triggers  []simulate.Chip
	Robots    []simulate.Chip

	// Actions are what the column and its cards do (one pointer for the
	// whole board, so that an unchanged column is not rendered again).
	Actions *CardActions

	over  bool
	cards cardList
}

// OnMount puts the cards in the page.
func (c *BoardColumn) OnMount(ctx app.Context) {
	c.cards = cardList{}
	c.syncCards(ctx)
}

// OnUpdate brings the cards up to date once go-app has updated the
// column's own elements (the "show more" button comes after the cards).
func (c *BoardColumn) OnUpdate(ctx app.Context) {
	ctx.Defer(c.syncCards)
}

func (c *BoardColumn) syncCards(ctx app.Context) {
	if !app.IsClient || c.JSValue() == nil {
		return
	}
	box := c.JSValue().Call("querySelector", ":scope > .board__cards")
	if !box.Truthy() {
		return
	}
	c.cards.sync(box, c.Lang, c.Cards)
}

// card is the target of the card holding the event's target, "" when
// the event did not start inside one of the column's cards.
func (c *BoardColumn) card(e app.Event, selector string) (target string, el app.Value) {
	t := e.Get("target")
	if !t.Truthy() || !t.Get("closest").Truthy() {
		return "", nil
	}
	card := t.Call("closest", ".board__card")
	if !card.Truthy() || !c.JSValue().Call("contains", card).Bool() {
		return "", nil
	}
	if selector != "" {
		el = t.Call("closest", selector)
		if !el.Truthy() || !card.Call("contains", el).Bool() {
			return "", nil
		}
	}
	return card.Get("dataset").Get("target").String(), el
}

// onCardsClick runs the action of the card's button that was clicked:
// its title opens the item, the other two fire an event or open the move
// menu.
func (c *BoardColumn) onCardsClick(ctx app.Context, e app.Event) {
	target, btn := c.card(e, "button")
	if target == "" {
		return
	}
	var pick func(*CardActions) func(app.Context, string)
	switch {
	case btn.Get("classList").Call("contains", "board__card-title").Bool():
		pick = func(a *CardActions) func(app.Context, string) { return a.Open }
	case btn.Get("dataset").Get("testid").String() == "card-fire":
		pick = func(a *CardActions) func(app.Context, string) { return a.Fire }
	case btn.Get("dataset").Get("testid").String() == "card-move":
		pick = func(a *CardActions) func(app.Context, string) { return a.Move }
	default:
		return
	}
	c.Actions.call(ctx, pick, target)
}

// onCardsDragStart starts dragging a card: the drop on a column moves it.
func (c *BoardColumn) onCardsDragStart(ctx app.Context, e app.Event) {
	target, _ := c.card(e, "")
	if target == "" {
		return
	}
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		dt.Call("setData", "text/plain", target)
		dt.Set("effectAllowed", "move")
	}
	c.Actions.call(ctx, func(a *CardActions) func(app.Context, string) { return a.Drag }, target)
}

// Render implements app.Composer.
func (c *BoardColumn) Render() app.UI {
	class := "board__column board__column--" + c.Semantics
	if c.over {
		class += " board__column--over"
	}
	color := c.Color
	if color == "" {
		color = "#39A8EF"
	}
	return elc("section", class).
		DataSet("stage", c.Stage).
		DataSet("count", c.Count).
		DataSet("rendered", len(c.Cards)).
		Aria("label", c.Name).
		OnDragOver(c.onDragOver).
		OnDragEnter(c.onDragOver).
		OnDragLeave(c.onDragLeave).
		OnDrop(c.onDrop).
		Body(
			elc("header", "board__head").
				Style("--stage-color", color).
				Style("color", textOn(color)).
				Body(
					elc("h2", "board__stage").Title(c.Name).Text(c.Name),
					elc("span", "board__count").
						Title(simulate.CountLabel(c.Lang, c.Count)).
						Text(strconv.Itoa(c.Count)),
				),
			elc("div", "board__automation").Body(
				elc("div", "board__chips").Role("group").Aria("label", i18n.T(c.Lang, "board.column.triggers")).Body(
					app.Range(c.Triggers).Slice(func(i int) app.UI {
						t := c.Triggers[i]
						cls := "board__chip board__chip--trigger"
						if t.Lit {
							cls += " board__chip--lit"
						}
						return elc("span", cls).
							DataSet("trigger", t.ID).
							Title(chipTitle(i18n.T(c.Lang, "board.column.trigger"), t)).
							Body(Icon("bolt"), spanc("board__chip-text", t.Name))
					}),
				),
				elc("div", "board__chips").Role("group").Aria("label", i18n.T(c.Lang, "board.column.robots")).Body(
					app.Range(c.Robots).Slice(func(i int) app.UI {
						r := c.Robots[i]
						return elc("span", "board__chip board__chip--robot").
							DataSet("robot", r.ID).
							Title(chipTitle(i18n.T(c.Lang, "board.column.robot"), r)).
							Body(Icon("gear"), spanc("board__chip-text", r.Name))
					}),
				),
			),
			// The cards themselves are put in by cards.sync, before
			// these children (see cardList).
			elc("div", "board__cards").OnClick(c.onCardsClick).OnDragStart(c.onCardsDragStart).Body(
				app.If(c.Count == 0, func() app.UI {
					return pc("board__empty", i18n.T(c.Lang, "board.column.empty"))
				}),
				app.If(c.More > 0, func() app.UI {
					return buttonc("board__more").
						DataSet("testid", "column-more").
						OnClick(c.onMore).
						Text(i18n.T(c.Lang, "board.column.more") + " " + strconv.Itoa(c.More))
				}),
			),
		)
}

func (c *BoardColumn) onDragOver(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		dt.Set("dropEffect", "move")
	}
	if !c.over {
		c.over = true
	} else {
		ctx.PreventUpdate()
	}
}

func (c *BoardColumn) onDragLeave(ctx app.Context, e app.Event) {
	c.over = false
}

func (c *BoardColumn) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	c.over = false
	target := ""
	if dt := e.Get("dataTransfer"); dt.Truthy() {
		target = dt.Call("getData", "text/plain").String()
	}
	if c.Actions != nil && c.Actions.Drop != nil {
		c.Actions.Drop(ctx, c.Stage, target)
	}
}

func (c *BoardColumn) onMore(ctx app.Context, e app.Event) {
	c.Actions.call(ctx, func(a *CardActions) func(app.Context, string) { return a.More }, c.Stage)
}

// chipTitle is the tooltip of a trigger or robot chip: "Робот: Позвонить
// (Поставить задачу)", or just "Робот: Изменить стадию" when the chip's
// name is already the Bitrix24 name of its type. Codes never show.
func chipTitle(label string, c simulate.Chip) string {
	if c.Kind == "" || c.Kind == c.Name {
		return label + ": " + c.Name
	}
	return label + ": " + c.Name + " (" + c.Kind + ")"
}

// textOn picks white or dark text for a background colour "#RRGGBB":
// white where it reaches the WCAG contrast ratio of 4.5:1 (Bitrix24's
// dark stage bars), the interface's dark ink otherwise (its light blues
// and greens, on which white text cannot be read), black on mid colours
// where neither reaches it.
func textOn(color string) string {
	if len(color) != 7 || color[0] != '#' {
		return "#ffffff"
	}
	v, err := strconv.ParseUint(color[1:], 16, 32)
	if err != nil {
		return "#ffffff"
	}
	channel := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	l := 0.2126*channel(v>>16&0xff) + 0.7152*channel(v>>8&0xff) + 0.0722*channel(v&0xff)
	const dark = 0.0189 // the relative luminance of #1d2633
	switch {
	case 1.05/(l+0.05) >= 4.5:
		return "#ffffff"
	case (l+0.05)/(dark+0.05) >= 4.5:
		return "#1d2633"
	}
	return "#000000" // a mid colour (a grey #808080) reads only in black
}
