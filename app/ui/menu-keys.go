package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The chips' action menus (role="menu") follow the WAI-ARIA menu button
// pattern: opening the menu puts the focus on its first item, the arrow
// keys (and Home, End) move between the items, Escape closes the menu and
// gives the focus back to its button. Tab still leaves the menu.

// go-app runs event handlers after the browser's dispatch, when the
// event's currentTarget is gone: the handlers find their elements from the
// target (the button, or the icon inside it; the focused menu item).

// focusMenuOf focuses the first item of the menu next to the menu button
// that target is or is inside, once the menu is rendered (ctx.Defer runs
// after the component's update).
func focusMenuOf(ctx app.Context, target app.Value) {
	if !app.IsClient || target == nil || !target.Truthy() {
		return
	}
	button := target.Call("closest", `[aria-haspopup="menu"]`)
	if !button.Truthy() {
		return
	}
	ctx.Defer(func(app.Context) {
		if parent := button.Get("parentElement"); parent.Truthy() {
			if item := parent.Call("querySelector", `[role="menu"] [role="menuitem"]:not([disabled])`); item.Truthy() {
				item.Call("focus")
			}
		}
	})
}

// menuKeys is the menu's keydown handler; close hides the menu.
func menuKeys(close func()) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if e.Value == nil {
			return
		}
		menu := e.Get("target").Call("closest", `[role="menu"]`)
		if !menu.Truthy() {
			return
		}
		items := menu.Call("querySelectorAll", `[role="menuitem"]:not([disabled])`)
		n := items.Length()
		if n == 0 {
			return
		}
		at := -1
		active := app.Window().Get("document").Get("activeElement")
		for i := 0; i < n; i++ {
			if items.Index(i).Equal(active) {
				at = i
			}
		}
		next := -1
		switch e.Get("key").String() {
		case "ArrowDown":
			next = (at + 1) % n
		case "ArrowUp":
			next = (at - 1 + n) % n
		case "Home":
			next = 0
		case "End":
			next = n - 1
		case "Escape":
			e.PreventDefault()
			e.Call("stopPropagation")
			close()
			if parent := menu.Get("parentElement"); parent.Truthy() {
				if b := parent.Call("querySelector", `[aria-haspopup="menu"]`); b.Truthy() {
					b.Call("focus")
				}
			}
			return
		default:
			ctx.PreventUpdate()
			return
		}
		e.PreventDefault()
		items.Index(next).Call("focus")
		ctx.PreventUpdate()
	}
}
