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
	closeFn := func(ctx app.Context, e app.Event) {
		if m.onClose != nil {
			m.onClose(ctx)
		}
	}
	var actions app.UI
	if len(m.actions) > 0 {
		actions = homeModalActionsView.el("", m.actions)
	}
	return homeModalView.el("",
		func(ctx app.Context, e app.Event) {
			// Only a click on the backdrop itself closes.
			if e.Get("target").Equal(e.Get("currentTarget")) {
				closeFn(ctx, e)
			}
		},
		panel, "dlg-"+m.testID, m.testID,
		func(ctx app.Context, e app.Event) {
			if e.Get("key").String() == "Escape" {
				closeFn(ctx, e)
			}
		},
		m.title, m.close, closeFn, m.body, actions,
		// The focus moves in, Tab stays in, Escape closes from
		// anywhere and the focus goes back to the opener.
		&DialogFocus{},
	)
}

// homeModalView is the frame: the backdrop ({0} closes on a click on
// itself), the panel labelled by its title {2}, the × button, the body
// and the actions, and the focus keeper {10}.
var homeModalView = &view{name: "home-modal", src: `
<div class="home-dialog" @click={0}>
	<div class={1} role="dialog" aria-modal="true" aria-labelledby={2} data-testid={3} @keydown={4}>
		<div class="home-dialog__head">
			<h2 id={2} class="home-dialog__title">{5}</h2>
			<button type="button" class="home-dialog__close" aria-label={6} title={6} @click={7}>×</button>
		</div>
		<div class="home-dialog__body">{8}</div>
		{9}
	</div>
	{10}
</div>`}

// homeModalActionsView is the row of a dialog's actions.
var homeModalActionsView = &view{name: "home-modal-actions", src: `<div class="home-dialog__actions">{0}</div>`}

// homeButton is a button of the home page's style: kind is "primary",
// "danger", "link" or "" (secondary).
func homeButton(kind, testid, text string, onClick func(ctx app.Context)) app.HTMLElem {
	class := "button"
	if kind != "" {
		class += " button--" + kind
	}
	b := buttonc(class).Text(text)
	if testid != "" {
		b = b.Attr("data-testid", testid)
	}
	if onClick != nil {
		b = b.OnClick(func(ctx app.Context, e app.Event) { onClick(ctx) })
	}
	return b
}
