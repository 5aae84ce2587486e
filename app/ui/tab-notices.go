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
		items = append(items, tabNoticesBlockedView.el(lang))
	}
	if n.upgraded {
		items = append(items, tabNoticesUpgradedView.el(lang, func(ctx app.Context, e app.Event) { ctx.Reload() }))
	}
	if n.update {
		items = append(items, n.renderUpdate(lang))
	}
	if len(n.unsaved) > 0 {
		items = append(items, n.renderUnsaved(lang))
	}
	if len(items) == 0 {
		return tabNoticesEmptyView.el(lang)
	}
	return tabNoticesView.el(lang, boolAttr(len(n.unsaved) > 0), items)
}

// tabNoticesView holds the notices; data-unsaved says whether any
// scenario is unsaved.
var tabNoticesView = &view{name: "tab-notices", src: `<div class="tab-notices" data-unsaved={0}>{1}</div>`}

// tabNoticesEmptyView is the notices when there is nothing to say.
var tabNoticesEmptyView = &view{name: "tab-notices-empty", src: `<div class="tab-notices tab-notices--empty" data-unsaved="0"></div>`}

// tabNoticesBlockedView says another tab blocks the database's upgrade.
var tabNoticesBlockedView = &view{name: "tab-notices-blocked", src: `
<div class="tab-notice tab-notice--warning" role="alert" data-testid="db-blocked">{t:db.blocked}</div>`}

// tabNoticesUpgradedView says another tab's newer version closed the
// database, with a reload.
var tabNoticesUpgradedView = &view{name: "tab-notices-upgraded", src: `
<div class="tab-notice tab-notice--warning" role="alert" data-testid="db-upgraded">
	<span class="tab-notice__text">{t:db.upgraded}</span>
	<button type="button" class="button" data-testid="db-upgraded-reload" @click={0}>{t:update.reloadNow}</button>
</div>`}

// renderUpdate offers the reload of a new version; while anything is
// unsaved the button waits (a reload would lose it).
func (n *TabNotices) renderUpdate(lang string) app.UI {
	wait := len(n.unsaved) > 0 || n.Tab.Session.HasUnsaved()
	// While waiting the button is disabled and titled; otherwise it has
	// neither attribute (nil and "" set nothing).
	var disabled any
	title, hint := "", app.UI(nil)
	if wait {
		disabled, title = true, i18n.T(lang, "update.waitUnsaved")
		hint = tabNoticesWaitView.el(lang)
	}
	return tabNoticesUpdateView.el(lang, disabled, title, func(ctx app.Context, e app.Event) {
		if n.Tab.Session.HasUnsaved() {
			return
		}
		ctx.Reload()
	}, hint)
}

// tabNoticesUpdateView is the banner of a new version.
var tabNoticesUpdateView = &view{name: "tab-notices-update", src: `
<div class="tab-notice" role="status" data-testid="update-banner">
	<span class="tab-notice__text">{t:update.available}</span>
	<button type="button" class="button button--primary" data-testid="update-reload" disabled={0} title={1} @click={2}>{t:update.reloadNow}</button>
	{3}
</div>`}

// tabNoticesWaitView says why the reload waits.
var tabNoticesWaitView = &view{name: "tab-notices-wait", src: `<span class="tab-notice__hint">{t:update.waitUnsaved}</span>`}

// renderUnsaved lists the unsaved scenarios, the open one first.
func (n *TabNotices) renderUnsaved(lang string) app.UI {
	items := make([]app.UI, len(n.unsaved))
	for i := range n.unsaved {
		u := n.unsaved[i]
		title := u.Title
		if title == "" {
			title = i18n.T(lang, "home.untitled")
		}
		reason := hdrReason(lang, u.Err)
		if n.upgraded {
			reason = i18n.T(lang, "hdr.reasonUpgraded")
		}
		var next, retry app.UI
		if !u.Retry.IsZero() {
			next = tabNoticesNextView.el(lang, i18n.F(lang, "unsaved.next", "time", u.Retry.Local().Format("15:04:05")))
		}
		if !u.Conflict() {
			if n.retrying[u.ID] {
				retry = tabNoticesRetryingView.el(lang)
			} else {
				retry = tabNoticesRetryView.el(lang, func(ctx app.Context, e app.Event) { n.onRetry(ctx, u.ID) })
			}
		}
		items[i] = tabNoticesItemView.el(lang, u.ID, u.Attempts,
			i18n.F(lang, "unsaved.item", "title", title, "reason", reason), next, retry,
			func(ctx app.Context, e app.Event) {
				download(export.FileName(u.Title, ".json"), "application/json", u.JSON)
			})
	}
	return tabNoticesUnsavedView.el(lang, items)
}

// tabNoticesUnsavedView is the list of unsaved scenarios.
var tabNoticesUnsavedView = &view{name: "tab-notices-unsaved", src: `
<section class="tab-notice tab-notice--unsaved" role="alert" aria-label={t:unsaved.list} data-testid="unsaved-notice">
	<ul class="tab-notice__list">{0}</ul>
</section>`}

// tabNoticesItemView is one unsaved scenario: why, when it is tried
// again, a retry and a download.
var tabNoticesItemView = &view{name: "tab-notices-item", src: `
<li class="tab-notice__item" data-id={0} data-attempts={1}>
	<span class="tab-notice__text">{2}</span>
	{3}
	{4}
	<button type="button" class="button" data-testid="unsaved-download" @click={5}>{t:unsaved.download}</button>
</li>`}

// tabNoticesNextView is when the save is tried again.
var tabNoticesNextView = &view{name: "tab-notices-next", src: `<span class="tab-notice__hint" data-testid="unsaved-next">{0}</span>`}

// tabNoticesRetryView saves an unsaved scenario now.
var tabNoticesRetryView = &view{name: "tab-notices-retry", src: `
<button type="button" class="button" data-testid="unsaved-retry" @click={0}>{t:unsaved.retry}</button>`}

// tabNoticesRetryingView is the retry button while the save runs.
var tabNoticesRetryingView = &view{name: "tab-notices-retrying", src: `
<button type="button" class="button" data-testid="unsaved-retry" disabled>{t:unsaved.retrying}</button>`}

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
