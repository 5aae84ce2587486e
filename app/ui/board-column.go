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

// boardColumnView is a stage's column around its header (built in Go, for
// its styles): the trigger and robot chips and the box of cards.
var boardColumnView = &view{name: "board-column", src: `
<section class={0} data-stage={1} data-count={2} data-rendered={3} aria-label={4}
	@dragover={5} @dragenter={5} @dragleave={6} @drop={7}>
	{8}
	<div class="board__automation">
		<div class="board__chips" role="group" aria-label={t:board.column.triggers}>{9}</div>
		<div class="board__chips" role="group" aria-label={t:board.column.robots}>{10}</div>
	</div>
	<div class="board__cards" @click={11} @dragstart={12}>{13}{14}</div>
</section>`}

// boardColumnHeadView is the header's stage name and item count.
var boardColumnHeadView = &view{name: "board-column-head", src: `
<h2 class="board__stage" title={0}>{1}</h2>
<span class="board__count" title={2}>{3}</span>`}

// boardColumnTriggerView is one trigger chip.
var boardColumnTriggerView = &view{name: "board-column-trigger", src: `
<span class={0} data-trigger={1} title={2}>{3}<span class="board__chip-text">{4}</span></span>`}

// boardColumnRobotView is one robot chip.
var boardColumnRobotView = &view{name: "board-column-robot", src: `
<span class={0} data-robot={1} title={2}>{3}<span class="board__chip-text">{4}</span></span>`}

// boardColumnEmptyView is the note of a column without items.
var boardColumnEmptyView = &view{name: "board-column-empty", src: `
<p class="board__empty">{t:board.column.empty}</p>`}

// boardColumnMoreView is the button that shows more of the column's cards.
var boardColumnMoreView = &view{name: "board-column-more", src: `
<button type="button" class="board__more" data-testid="column-more" @click={0}>{1}</button>`}

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
	head := elc("header", "board__head").
		Style("--stage-color", color).
		Style("color", textOn(color)).
		Body(boardColumnHeadView.els(c.Lang,
			c.Name, app.Text(c.Name),
			simulate.CountLabel(c.Lang, c.Count), app.Text(strconv.Itoa(c.Count)))...)
	var empty, more app.UI
	if c.Count == 0 {
		empty = boardColumnEmptyView.el(c.Lang)
	}
	if c.More > 0 {
		more = boardColumnMoreView.el(c.Lang, app.EventHandler(c.onMore),
			app.Text(i18n.T(c.Lang, "board.column.more")+" "+strconv.Itoa(c.More)))
	}
	return boardColumnView.el(c.Lang,
		class, c.Stage, c.Count, len(c.Cards), c.Name,
		app.EventHandler(c.onDragOver), app.EventHandler(c.onDragLeave), app.EventHandler(c.onDrop),
		head,
		c.chips(boardColumnTriggerView, c.Triggers, "board__chip board__chip--trigger", "bolt", "board.column.trigger", true),
		c.chips(boardColumnRobotView, c.Robots, "board__chip board__chip--robot", "gear", "board.column.robot", false),
		app.EventHandler(c.onCardsClick), app.EventHandler(c.onCardsDragStart),
		empty, more)
}

// chips are the column's trigger or robot chips, each a v given its
// class, id, title, icon and name; lit marks the lit ones (triggers).
func (c *BoardColumn) chips(v *view, chips []simulate.Chip, class, icon, key string, lit bool) []app.UI {
	if len(chips) == 0 {
		return nil // a nil slice in a hole costs no allocation
	}
	label := i18n.T(c.Lang, key)
	// The classes go into an any once, not once a chip.
	var plain, lighted any = class, nil
	out := make([]app.UI, len(chips))
	for i, t := range chips {
		cls := plain
		if lit && t.Lit {
			if lighted == nil {
				lighted = class + " board__chip--lit"
			}
			cls = lighted
		}
		out[i] = v.el(c.Lang, cls, t.ID, chipTitle(label, t), Icon(icon), app.Text(t.Name))
	}
	return out
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
