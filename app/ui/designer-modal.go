package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// designerModal frames a designer dialog: a dimmed overlay, a white panel
// with a title bar and a close button, the body and a footer of buttons.
// Escape closes it; DialogFocus keeps the keyboard inside while it is
// open and gives the focus back to the opener. It is markup shared by the
// dialog components, not a component itself.
func designerModal(lang, title, testID, size string, onClose app.EventHandler, body []app.UI, footer ...app.UI) app.UI {
	titleID := "dlg-" + testID + "-title"
	panel := "designer-modal__panel"
	if size != "" {
		panel += " designer-modal__panel--" + size
	}
	return elc("div", "designer-modal").
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if e.Get("key").String() == "Escape" && onClose != nil {
				onClose(ctx, e)
			}
		}).
		Body(
			elc("div", panel).
				Role("dialog").
				Attr("aria-modal", "true").
				Attr("aria-labelledby", titleID).
				Attr("data-testid", testID).
				Body(
					elc("div", "designer-modal__head").Body(
						app.Elem("h2").ID(titleID).Class("designer-modal__title").Text(title),
						buttonc("designer-modal__close").
							Attr("aria-label", i18n.T(lang, "designer.close")).
							Title(i18n.T(lang, "designer.close")).
							Text("×").
							OnClick(onClose),
					),
					elc("div", "designer-modal__body").Body(body...),
					app.If(len(footer) > 0, func() app.UI {
						return elc("div", "designer-modal__foot").Body(footer...)
					}),
				),
			&DialogFocus{},
		)
}

// errorNote renders a field's error text under it, or nothing.
func errorNote(msg string) app.UI {
	if msg == "" {
		return nil
	}
	return elc("p", "designer-form__error").Role("alert").Text(msg)
}

// errorList renders general errors at the top of a dialog.
func errorList(msgs []string) app.UI {
	if len(msgs) == 0 {
		return nil
	}
	return elc("div", "designer-form__errors").Role("alert").Body(
		app.Range(msgs).Slice(func(i int) app.UI { return elText("p", msgs[i]) }),
	)
}

// jsValue is the value of the element that fired an event.
func jsValue(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// jsChecked is the checked state of the checkbox that fired an event.
func jsChecked(ctx app.Context) bool { return ctx.JSSrc().Get("checked").Bool() }

// lockedNote says, at the top of a dialog, why a lesson's trainee may not
// change what it shows (nothing when "").
func lockedNote(text string) app.UI {
	if text == "" {
		return nil
	}
	return elc("p", "designer-form__locked").Role("note").Attr("data-testid", "dialog-locked").Body(
		app.Elem("span").Attr("aria-hidden", "true").Body(Icon("ban")),
		spanText(text),
	)
}
