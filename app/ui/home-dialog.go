package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// homeModal is the modal frame of the home page's and the header's
// dialogs: a dimmed backdrop, a white panel with a title, the body and a
// row of actions. Escape, a click on the backdrop and the × button call
// onClose; DialogFocus makes it keyboard operable like the other dialogs. It is a function, not a component, because its content is
// elements, which go-app cannot diff as component fields.
type homeModal struct {
	testID  string // data-testid of the panel
	title   string // rendered as text
	close   string // label of the × button
	wide    bool
	body    []app.UI
	actions []app.UI
	onClose func(ctx app.Context)
}

func (m homeModal) render() app.UI {
	panel := "home-dialog__panel"
	if m.wide {
		panel += " home-dialog__panel--wide"
	}
	titleID := "dlg-" + m.testID
	closeFn := func(ctx app.Context, e app.Event) {
		if m.onClose != nil {
			m.onClose(ctx)
		}
	}
	return elc("div", "home-dialog").
		OnClick(func(ctx app.Context, e app.Event) {
			// Only a click on the backdrop itself closes.
			if e.Get("target").Equal(e.Get("currentTarget")) {
				closeFn(ctx, e)
			}
		}).
		Body(
			elc("div", panel).
				Role("dialog").
				Aria("modal", "true").
				Aria("labelledby", titleID).
				DataSet("testid", m.testID).
				OnKeyDown(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Escape" {
						closeFn(ctx, e)
					}
				}).
				Body(
					elc("div", "home-dialog__head").Body(
						app.Elem("h2").ID(titleID).Class("home-dialog__title").Text(m.title),
						buttonc("home-dialog__close").
							Aria("label", m.close).
							Title(m.close).
							Text("×").
							OnClick(closeFn),
					),
					elc("div", "home-dialog__body").Body(m.body...),
					app.If(len(m.actions) > 0, func() app.UI {
						return elc("div", "home-dialog__actions").Body(m.actions...)
					}),
				),
			// The focus moves in, Tab stays in, Escape closes from
			// anywhere and the focus goes back to the opener.
			&DialogFocus{},
		)
}

// homeButton is a button of the home page's style: kind is "primary",
// "danger", "link" or "" (secondary).
func homeButton(kind, testid, text string, onClick func(ctx app.Context)) app.HTMLElem {
	class := "button"
	if kind != "" {
		class += " button--" + kind
	}
	b := buttonc(class).Text(text)
	if testid != "" {
		b = b.DataSet("testid", testid)
	}
	if onClick != nil {
		b = b.OnClick(func(ctx app.Context, e app.Event) { onClick(ctx) })
	}
	return b
}
