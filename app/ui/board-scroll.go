package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// BoardScroll holds the board's stage columns in a horizontal scroller
// that shows there is more: a fade on the edge where columns are hidden
// and a button on each side that scrolls by a few columns. With the side
// panel open, the final stages («Сделка успешна», «Сделка провалена»)
// are off to the right, and a trainer must see at once that they are
// there. The wrapper's data-more attribute ("", "left", "right", "both")
// tells the styles and the tests which edges hide columns.
type BoardScroll struct {
	app.Compo

	Lang string
	// Columns are the stage columns.
	Columns []app.UI

	observer app.Value
	mutation app.Value
	onScroll app.Func
	onResize app.Func
}

const boardScrollID = "board-columns"

// Render implements app.Composer.
func (s *BoardScroll) Render() app.UI {
	lang := i18n.Normalize(s.Lang)
	return elct("div", "board-scroll", "board-scroll").Body(
		buttonc("board-scroll__button board-scroll__button--left").
			Attr("data-testid", "board-scroll-left").
			Attr("aria-label", i18n.T(lang, "board.scrollLeft")).
			Attr("aria-controls", boardScrollID).
			Title(i18n.T(lang, "board.scrollLeft")).
			OnClick(func(ctx app.Context, e app.Event) { s.scroll(-1) }).
			Body(Icon("chevronL")),
		app.Elem("div").ID(boardScrollID).Class("board").Role("region").
			Attr("aria-label", i18n.T(lang, "board.region")).
			TabIndex(0).
			Body(s.Columns...),
		buttonc("board-scroll__button board-scroll__button--right").
			Attr("data-testid", "board-scroll-right").
			Attr("aria-label", i18n.T(lang, "board.scrollRight")).
			Attr("aria-controls", boardScrollID).
			Title(i18n.T(lang, "board.scrollRight")).
			OnClick(func(ctx app.Context, e app.Event) { s.scroll(1) }).
			Body(Icon("chevronR")),
	)
}

// OnMount watches the scroller's position and size, so that the cue
// follows scrolling, a resized window, the side panel and new columns.
func (s *BoardScroll) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	s.onScroll = app.FuncOf(func(this app.Value, args []app.Value) any { s.mark(); return nil })
	s.onResize = app.FuncOf(func(this app.Value, args []app.Value) any { s.mark(); return nil })
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(boardScrollID)
		if el == nil || !el.Truthy() {
			return
		}
		el.Call("addEventListener", "scroll", s.onScroll, map[string]any{"passive": true})
		if ro := app.Window().Get("ResizeObserver"); ro.Truthy() {
			s.observer = ro.New(s.onResize)
			s.observer.Call("observe", el)
			// A new column changes the content, not the scroller's box.
			if mo := app.Window().Get("MutationObserver"); mo.Truthy() {
				s.mutation = mo.New(s.onResize)
				s.mutation.Call("observe", el, map[string]any{"childList": true})
			}
		}
		s.mark()
	})
}

// OnDismount stops watching.
func (s *BoardScroll) OnDismount() {
	if s.observer != nil {
		s.observer.Call("disconnect")
		s.observer = nil
	}
	if s.mutation != nil {
		s.mutation.Call("disconnect")
		s.mutation = nil
	}
	if s.onScroll != nil {
		if el := app.Window().GetElementByID(boardScrollID); el != nil && el.Truthy() {
			el.Call("removeEventListener", "scroll", s.onScroll)
		}
	}
}

// mark sets data-more on the wrapper from the scroller's position.
func (s *BoardScroll) mark() {
	el := app.Window().GetElementByID(boardScrollID)
	if el == nil || !el.Truthy() {
		return
	}
	left := el.Get("scrollLeft").Float()
	hidden := el.Get("scrollWidth").Float() - el.Get("clientWidth").Float()
	more := scrollMore(left, hidden)
	el.Get("parentNode").Get("dataset").Set("more", more)
}

// scrollMore names the edges that hide columns: "left", "right", "both"
// or "" for a scroll position left out of hidden scrollable pixels.
func scrollMore(left, hidden float64) string {
	l, r := left > 1, left < hidden-1
	switch {
	case l && r:
		return "both"
	case l:
		return "left"
	case r:
		return "right"
	}
	return ""
}

// scroll moves the columns by most of the visible width.
func (s *BoardScroll) scroll(dir int) {
	if !app.IsClient {
		return
	}
	el := app.Window().GetElementByID(boardScrollID)
	if el == nil || !el.Truthy() {
		return
	}
	step := el.Get("clientWidth").Float() * 0.8
	el.Call("scrollBy", map[string]any{"left": float64(dir) * step, "behavior": "smooth"})
}
