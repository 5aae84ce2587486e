package ui

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/export"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage/tabstore"
)

// TabNotices shows, under the header of every page, what may cost the
// user an edit: the scenarios whose changes are not saved (with a retry
// and a download), a new version of the app (reloading waits until
// everything is saved), another tab's newer version that closed the
// database, and another tab that blocks the database's upgrade. It draws
// the session's unsaved list and the store's state; its buttons call the
// session.
type TabNotices struct {
	app.Compo

	// Tab is the tab's shared state; the notices read its session.
	Tab *Tab
	// Lang is the interface language.
	Lang string

	unsaved  []session.Unsaved
	retrying map[string]bool
	blocked  bool
	upgraded bool
	update   bool
	cancel   []func()
}

// OnInit reads the state before the first render in the browser.
func (n *TabNotices) OnInit() {
	if app.IsClient {
		n.refresh()
	}
}

// OnMount reads the state again and follows its changes; when the
// notices showed nothing and still show nothing, mounting renders nothing
// again.
func (n *TabNotices) OnMount(ctx app.Context) {
	wasQuiet := n.quiet()
	n.retrying = map[string]bool{}
	n.update = ctx.AppUpdateAvailable()
	n.refresh()
	if wasQuiet && n.quiet() {
		ctx.PreventUpdate()
	}
	sess := n.Tab.Session
	n.cancel = append(n.cancel, sess.OnChange(func() { ctx.Dispatch(func(app.Context) { n.refresh() }) }))
	n.cancel = append(n.cancel, sess.Subscribe(func(e tabstore.Event) {
		switch e.Kind {
		case tabstore.Blocked, tabstore.Upgraded, tabstore.Saved, tabstore.Failed:
			ctx.Dispatch(func(app.Context) { n.refresh() })
		}
	}))
}

// OnDismount stops following.
func (n *TabNotices) OnDismount() {
	for _, c := range n.cancel {
		c()
	}
	n.cancel = nil
}

// OnAppUpdate notes that the service worker installed a new version. The
// page is not reloaded: the banner offers it.
func (n *TabNotices) OnAppUpdate(ctx app.Context) { n.update = ctx.AppUpdateAvailable() }

// quiet reports that the notices show nothing: no unsaved scenario, no
// store fault, no new version (the usual state when a page starts).
func (n *TabNotices) quiet() bool {
	return len(n.unsaved) == 0 && !n.blocked && !n.upgraded && !n.update
}

func (n *TabNotices) refresh() {
	sess := n.Tab.Session
	n.unsaved = sess.Unsaved()
	n.blocked, n.upgraded = sess.StoreBlocked(), sess.StoreUpgraded()
}

// Render implements app.Composer.
func (n *TabNotices) Render() app.UI {
	lang := n.Lang
	var items []app.UI
	if n.blocked {
		items = append(items, elc("div", "tab-notice tab-notice--warning").Role("alert").
			DataSet("testid", "db-blocked").Text(i18n.T(lang, "db.blocked")))
	}
	if n.upgraded {
		items = append(items, elc("div", "tab-notice tab-notice--warning").Role("alert").
			DataSet("testid", "db-upgraded").Body(
			spanc("tab-notice__text", i18n.T(lang, "db.upgraded")),
			homeButton("", "db-upgraded-reload", i18n.T(lang, "update.reloadNow"), func(ctx app.Context) { ctx.Reload() }),
		))
	}
	if n.update {
		items = append(items, n.renderUpdate(lang))
	}
	if len(n.unsaved) > 0 {
		items = append(items, n.renderUnsaved(lang))
	}
	if len(items) == 0 {
		return elc("div", "tab-notices tab-notices--empty").DataSet("unsaved", "0")
	}
	return elc("div", "tab-notices").DataSet("unsaved", boolAttr(len(n.unsaved) > 0)).Body(items...)
}

// renderUpdate offers the reload of a new version; while anything is
// unsaved the button waits (a reload would lose it).
func (n *TabNotices) renderUpdate(lang string) app.UI {
	wait := len(n.unsaved) > 0 || n.Tab.Session.HasUnsaved()
	btn := homeButton("primary", "update-reload", i18n.T(lang, "update.reloadNow"), func(ctx app.Context) {
		if n.Tab.Session.HasUnsaved() {
			return
		}
		ctx.Reload()
	})
	if wait {
		btn = btn.Attr("disabled", true).Title(i18n.T(lang, "update.waitUnsaved"))
	}
	return elc("div", "tab-notice").Role("status").DataSet("testid", "update-banner").Body(
		spanc("tab-notice__text", i18n.T(lang, "update.available")),
		btn,
		app.If(wait, func() app.UI {
			return spanc("tab-notice__hint", i18n.T(lang, "update.waitUnsaved"))
		}),
	)
}

// renderUnsaved lists the unsaved scenarios, the open one first.
func (n *TabNotices) renderUnsaved(lang string) app.UI {
	return elc("section", "tab-notice tab-notice--unsaved").Role("alert").
		Aria("label", i18n.T(lang, "unsaved.list")).DataSet("testid", "unsaved-notice").Body(
		elc("ul", "tab-notice__list").Body(
			app.Range(n.unsaved).Slice(func(i int) app.UI {
				u := n.unsaved[i]
				title := u.Title
				if title == "" {
					title = i18n.T(lang, "home.untitled")
				}
				reason := hdrReason(lang, u.Err)
				if n.upgraded {
					reason = i18n.T(lang, "hdr.reasonUpgraded")
				}
				return elc("li", "tab-notice__item").DataSet("id", u.ID).DataSet("attempts", u.Attempts).Body(
					spanc("tab-notice__text", i18n.F(lang, "unsaved.item", "title", title, "reason", reason)),
					app.If(!u.Retry.IsZero(), func() app.UI {
						return elct("span", "tab-notice__hint", "unsaved-next").
							Text(i18n.F(lang, "unsaved.next", "time", u.Retry.Local().Format("15:04:05")))
					}),
					app.If(!u.Conflict(), func() app.UI {
						if n.retrying[u.ID] {
							return homeButton("", "unsaved-retry", i18n.T(lang, "unsaved.retrying"), nil).Attr("disabled", true)
						}
						return homeButton("", "unsaved-retry", i18n.T(lang, "unsaved.retry"), func(ctx app.Context) { n.onRetry(ctx, u.ID) })
					}),
					homeButton("", "unsaved-download", i18n.T(lang, "unsaved.download"), func(ctx app.Context) {
						download(export.FileName(u.Title, ".json"), "application/json", u.JSON)
					}),
				)
			}),
		),
	)
}

// onRetry saves an unsaved scenario now.
func (n *TabNotices) onRetry(ctx app.Context, id string) {
	n.retrying[id] = true
	sess := n.Tab.Session
	ctx.Async(func() {
		err := sess.Retry(context.Background(), id)
		ctx.Dispatch(func(app.Context) {
			delete(n.retrying, id)
			if err != nil {
				app.Log("retrying the save failed:", err)
			}
			n.refresh()
		})
	})
}
