package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// DialogFocus makes the modal dialog it is rendered next to keyboard
// operable, as the WAI-ARIA dialog pattern asks: on open the focus moves
// into the dialog (its first field, else its first button), Tab and
// Shift+Tab cycle inside it, Escape closes it even when the focus is on
// the page behind (after a click on the dialog's text, say), and on close
// the focus goes back to the control that opened it.
//
// It is placed as the last child of a dialog's overlay by designerModal
// and modal, the shared frames of the designer's and the board's dialogs.
// It renders an empty hidden span: the work is done on the DOM, since the
// frames are markup functions, not components with their own mount.
type DialogFocus struct {
	app.Compo

	opener    app.Value
	openerSel []string
	keydown   app.Func
}

// innermost reports whether f belongs to the innermost open dialog: only
// that one traps the keyboard. The document is the record of the open
// dialogs (each renders one span.dialog-focus, and a dialog opened over
// another comes later in the document), so no list is kept beside it.
func (f *DialogFocus) innermost() bool {
	spans := app.Window().Get("document").Call("querySelectorAll", ".dialog-focus")
	n := spans.Length()
	return n > 0 && f.JSValue() != nil && spans.Index(n-1).Equal(f.JSValue())
}

// anyDialogOpen reports whether a dialog is in the document.
func anyDialogOpen() bool {
	return app.Window().Get("document").Call("querySelector", ".dialog-focus").Truthy()
}

// focusableSelector matches the controls Tab can reach.
const focusableSelector = `a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), ` +
	`select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])`

// Render implements app.Composer.
func (f *DialogFocus) Render() app.UI {
	return elc("span", "dialog-focus").Attr("aria-hidden", "true")
}

// OnMount remembers the opener, starts the keyboard trap and moves the
// focus into the dialog once the dialog's own components have mounted.
func (f *DialogFocus) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	doc := app.Window().Get("document")
	f.opener = doc.Get("activeElement")
	f.openerSel = openerSelectors(f.opener)
	f.keydown = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			f.onKeyDown(args[0])
		}
		return nil
	})
	doc.Call("addEventListener", "keydown", f.keydown)
	var start app.Func
	start = app.FuncOf(func(this app.Value, args []app.Value) any {
		start.Release()
		f.focusInitial()
		return nil
	})
	app.Window().Call("setTimeout", start, 0)
}

// OnDismount stops the trap and gives the focus back to the opener.
func (f *DialogFocus) OnDismount() {
	if !app.IsClient {
		return
	}
	app.Window().Get("document").Call("removeEventListener", "keydown", f.keydown)
	f.keydown.Release()
	opener, sels := f.opener, f.openerSel
	f.opener = nil
	// The page re-renders after the dialog is gone (a card may move to
	// another column), so look for the opener a little later.
	var back app.Func
	back = app.FuncOf(func(this app.Value, args []app.Value) any {
		back.Release()
		restoreFocus(opener, sels)
		return nil
	})
	app.Window().Call("setTimeout", back, 60)
}

// dialog is the dialog element next to the hidden span.
func (f *DialogFocus) dialog() app.Value {
	if f.JSValue() == nil {
		return nil
	}
	parent := f.JSValue().Get("parentElement")
	if !parent.Truthy() {
		return nil
	}
	d := parent.Call("querySelector", `[role="dialog"]`)
	if !d.Truthy() {
		return nil
	}
	return d
}

// focusInitial focuses the dialog's first field, else its first button
// in the body or footer, else its close button, unless the dialog has
// already put the focus inside itself.
func (f *DialogFocus) focusInitial() {
	d := f.dialog()
	if d == nil {
		return
	}
	if d.Call("contains", app.Window().Get("document").Get("activeElement")).Bool() {
		return
	}
	for _, sel := range []string{
		"[autofocus]",
		`input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])`,
		".designer-modal__body " + "button:not([disabled]), .modal__body button:not([disabled]), .home-dialog__body button:not([disabled])",
		".designer-modal__foot button:not([disabled])",
		focusableSelector,
	} {
		if el := firstVisible(d, sel); el != nil {
			el.Call("focus")
			return
		}
	}
	// Nothing to focus: the dialog itself takes it, so Escape works.
	d.Call("setAttribute", "tabindex", "-1")
	d.Call("focus")
}

// onKeyDown traps Tab inside the innermost dialog and closes it on
// Escape when the key was pressed outside it (the dialog's own handler
// closes it when the focus is inside).
func (f *DialogFocus) onKeyDown(e app.Value) {
	if !f.innermost() {
		return
	}
	d := f.dialog()
	if d == nil {
		return
	}
	active := app.Window().Get("document").Get("activeElement")
	inside := active.Truthy() && d.Call("contains", active).Bool()
	switch e.Get("key").String() {
	case "Escape":
		if inside || e.Get("defaultPrevented").Bool() {
			return
		}
		if target := e.Get("target"); target.Truthy() && d.Call("contains", target).Bool() {
			return
		}
		if c := d.Call("querySelector", ".designer-modal__close, .modal__close, .home-dialog__close"); c.Truthy() {
			e.Call("preventDefault")
			c.Call("click")
		}
	case "Tab":
		els := visibleFocusables(d)
		if len(els) == 0 {
			e.Call("preventDefault")
			return
		}
		first, last := els[0], els[len(els)-1]
		back := e.Get("shiftKey").Bool()
		switch {
		case !inside && back, back && active.Equal(first):
			e.Call("preventDefault")
			last.Call("focus")
		case !inside, !back && active.Equal(last):
			e.Call("preventDefault")
			first.Call("focus")
		}
	}
}

// visibleFocusables are the controls of d Tab can reach, in page order.
func visibleFocusables(d app.Value) []app.Value {
	list := d.Call("querySelectorAll", focusableSelector)
	var out []app.Value
	for i := 0; i < list.Length(); i++ {
		el := list.Index(i)
		if isVisible(el) {
			out = append(out, el)
		}
	}
	return out
}

func firstVisible(d app.Value, sel string) app.Value {
	list := d.Call("querySelectorAll", sel)
	for i := 0; i < list.Length(); i++ {
		if el := list.Index(i); isVisible(el) {
			return el
		}
	}
	return nil
}

func isVisible(el app.Value) bool {
	return el.Call("getClientRects").Length() > 0
}

// openerSelectors are CSS selectors that find the opener again if the
// page re-rendered it: by its test id inside its card, chip or column,
// else the card, chip or column's first control.
func openerSelectors(el app.Value) []string {
	if el == nil || !el.Truthy() || !el.Get("closest").Truthy() {
		return nil
	}
	css := app.Window().Get("CSS")
	holder := el.Call("closest", "[data-target], [data-trigger], [data-robot], [data-stage]")
	scope := ""
	if holder.Truthy() {
		ds := holder.Get("dataset")
		for _, k := range []string{"target", "trigger", "robot", "stage"} {
			if v := ds.Get(k); v.Truthy() {
				scope = `[data-` + k + `="` + css.Call("escape", v.String()).String() + `"]`
				break
			}
		}
	}
	var out []string
	if id := el.Get("dataset").Get("testid"); id.Truthy() {
		sel := `[data-testid="` + css.Call("escape", id.String()).String() + `"]`
		if scope != "" {
			sel = scope + " " + sel
		}
		out = append(out, sel)
	}
	if scope != "" {
		out = append(out, scope+" button", scope)
	}
	return out
}

// blurFocused takes the focus off the element that has it, before the
// dialog that holds it goes: Chromium lays the whole page out when it
// removes the subtree of the focused element (on a 2 000-card board, 5–25
// ms inside the event that closed the dialog), not when that element only
// loses the focus. DialogFocus puts the focus back on the opener after.
func blurFocused() {
	if !app.IsClient {
		return
	}
	if a := app.Window().Get("document").Get("activeElement"); a.Truthy() {
		a.Call("blur")
	}
}

// restoreFocus focuses the opener, or what stands for it now, unless
// another dialog opened or the person already moved the focus.
func restoreFocus(opener app.Value, sels []string) {
	if anyDialogOpen() {
		return
	}
	doc := app.Window().Get("document")
	if a := doc.Get("activeElement"); a.Truthy() && !a.Equal(doc.Get("body")) {
		return
	}
	if opener != nil && opener.Truthy() && opener.Get("isConnected").Bool() && isVisible(opener) {
		opener.Call("focus", map[string]any{"preventScroll": true})
		return
	}
	for _, sel := range sels {
		if el := doc.Call("querySelector", sel); el.Truthy() && isVisible(el) {
			el.Call("focus", map[string]any{"preventScroll": true})
			return
		}
	}
}
