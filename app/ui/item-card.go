package ui

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/simulate"
)

// A card is one CRM item on the simulation board: its title, sum,
// responsible person and the robots waiting for it. It can be dragged to
// another column; its buttons are the keyboard way to do the same and to
// send it an event.
//
// Cards are not go-app components. go-app matches a parent's children by
// position, so when a card left the top of a column every card after it
// was rendered again with the next card's content, and an event that
// moved one deal rewrote some forty cards (a third of a move's time at
// 2 000 deals). A column keeps its cards in a cardList instead, keyed by
// the item's target: an event adds, removes or reorders the DOM nodes of
// the cards that changed and leaves the others alone. The column's
// .board__cards element gets the clicks and drag starts of its cards
// (onCardsClick, onCardsDragStart).

// CardActions are what a card's buttons do, given the card's target. The
// board passes the same pointer to every column: go-app renders a child
// component again when one of its fields changed, and a func field never
// compares equal, even to itself, while the same pointer does.
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

// cardHTML is the markup of one card, the same elements go-app would
// build for it (no whitespace between them). Every text is escaped: a
// title is text, never HTML.
func cardHTML(lang string, c simulate.Card) string {
	var b strings.Builder
	esc := escapeHTML
	b.WriteString(`<div class="board__card`)
	if c.Moved {
		b.WriteString(` board__card--moved`)
	}
	b.WriteString(`" data-target="` + esc(c.Target) + `" draggable="true">`)
	b.WriteString(`<button type="button" class="board__card-title" title="` + esc(i18n.T(lang, "board.card.open")) + `">` + esc(c.Title) + `</button>`)
	b.WriteString(`<div class="board__card-meta">`)
	if c.Amount != "" {
		b.WriteString(`<span class="board__card-amount">` + esc(c.Amount) + `</span>`)
	}
	b.WriteString(`<span class="board__card-id">` + esc(c.Target) + `</span></div>`)
	if c.Responsible != "" {
		b.WriteString(`<div class="board__card-resp"><span class="board__card-avatar" aria-hidden="true">` + esc(initials(c.Responsible)) +
			`</span><span>` + esc(c.Responsible) + `</span></div>`)
	}
	if len(c.Pending) > 0 {
		b.WriteString(`<ul class="board__card-pending" aria-label="` + esc(i18n.T(lang, "board.card.pending")) + `">`)
		for _, p := range c.Pending {
			b.WriteString(`<li class="board__card-robot">` + iconSVG("clock") + `<span class="icon-text">` + esc(p) + `</span></li>`)
		}
		b.WriteString(`</ul>`)
	}
	fire, move := i18n.T(lang, "board.card.fire"), i18n.T(lang, "board.card.move")
	b.WriteString(`<div class="board__card-actions">`)
	b.WriteString(`<button type="button" class="board__card-action board__card-action--fire" data-testid="card-fire" aria-label="` +
		esc(fire+" — "+c.Target) + `">` + iconSVG("bolt") + `<span class="icon-text">` + esc(fire) + `</span></button>`)
	b.WriteString(`<button type="button" class="board__card-action" data-testid="card-move" aria-haspopup="dialog" aria-label="` +
		esc(move+" — "+c.Target) + `">` + esc(move) + `</button>`)
	b.WriteString(`</div></div>`)
	return b.String()
}

// sameCard reports whether two cards look the same apart from the
// highlight of a moved card.
func sameCard(a, b simulate.Card) bool {
	return a.Target == b.Target && a.Title == b.Title && a.Amount == b.Amount &&
		a.Responsible == b.Responsible && slices.Equal(a.Pending, b.Pending)
}

// cardList is the cards a column has put in the page, in their order:
// what each one shows and its DOM node.
type cardList struct {
	lang  string
	cards []simulate.Card
	nodes []app.Value
}

// sync makes the cards in box (the column's .board__cards element, whose
// own children, the empty-column note and the "show more" button, come
// after the cards) show cards in lang. A card whose item is still shown
// keeps its node: only its highlight changes, or, when its content
// changed, the node is replaced. New cards are parsed from one string.
func (l *cardList) sync(box app.Value, lang string, cards []simulate.Card) {
	old := make(map[string]int, len(l.cards))
	if lang == l.lang {
		for i, c := range l.cards {
			old[c.Target] = i
		}
	}
	nodes := make([]app.Value, len(cards))
	kept := make([]bool, len(l.cards))
	var fresh []int
	var markup strings.Builder
	for i, c := range cards {
		j, ok := old[c.Target]
		if ok && !kept[j] && sameCard(l.cards[j], c) {
			kept[j] = true
			nodes[i] = l.nodes[j]
			if l.cards[j].Moved != c.Moved {
				nodes[i].Get("classList").Call("toggle", "board__card--moved", c.Moved)
			}
			continue
		}
		fresh = append(fresh, i)
		markup.WriteString(cardHTML(lang, c))
	}
	for j, n := range l.nodes {
		if !kept[j] {
			n.Call("remove")
		}
	}
	if len(fresh) > 0 {
		tpl := app.Window().Get("document").Call("createElement", "template")
		tpl.Set("innerHTML", markup.String())
		made := tpl.Get("content").Get("children")
		for k, i := range fresh {
			nodes[i] = made.Index(k)
		}
	}
	// Put the nodes in order before the column's own children: a node
	// already in its place stays where it is.
	at := box.Get("firstChild")
	for _, n := range nodes {
		if at.Truthy() && n.Equal(at) {
			at = at.Get("nextSibling")
			continue
		}
		if at.Truthy() {
			box.Call("insertBefore", n, at)
		} else {
			box.Call("appendChild", n)
		}
	}
	l.lang = lang
	l.cards = slices.Clone(cards)
	l.nodes = nodes
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
