package ui

import (
	"context"
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/route"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
)

// headerState is the header's state that must outlive a page: every page
// mounts its own Header, and the save state, the storage warning and a
// pending conflict belong to the tab (Tab.header). Only the UI goroutine
// touches it.
type headerState struct {
	save      string // "", "saving", "saved", "failed"
	reason    string
	memory    bool // the store fell back to memory
	synced    bool // settings were read from the store once
	presenter bool
	loaded    bool         // presenter applied from the preferences
	prefs     *prefs.Prefs // the tab's preferences
	conflict  string
	remote    string // the open scenario changed in another tab
	remoteRev int
}

// Header is the top bar of every page: the product name, the sections,
// the save state of the open scenario, its version history, the presenter
// mode and the language. It also shows the tab-wide notices: the storage
// warning, a change made in another tab, the conflict dialog when a save
// lost against another tab, and TabNotices (unsaved edits, a new version,
// storage faults caused by other tabs).
type Header struct {
	app.Compo

	// Tab is the tab's shared state: the session and this header's
	// tab-wide state.
	Tab *Tab

	// Lang is the interface language.
	Lang string
	// Place is where the page is; the section links carry its scenario.
	Place route.Place
	// OnLangChange is called with the language the user picked (or the
	// one remembered in the store, once per tab).
	OnLangChange func(ctx app.Context, lang string)

	path   string
	dialog string // "", "history"
	cancel func()
	// guard asks before the other tab's version replaces unsaved edits.
	guard       unsavedGuard
	cancelUnsav func()
}

// OnInit takes the page's path and, once per tab, the presenter mode
// from the preferences before the first render in the browser, so that
// mounting the header renders nothing again.
func (h *Header) OnInit() {
	if !app.IsClient {
		return
	}
	h.path = app.Window().URL().Path
	if hs := &h.Tab.header; !hs.loaded {
		hs.loaded = true
		hs.applyPresenter(hs.prefs.Presenter())
	}
}

// OnMount subscribes to the store's events and, once per tab, reads the
// remembered language and presenter mode from the store.
func (h *Header) OnMount(ctx app.Context) {
	hs := &h.Tab.header
	if path := ctx.Page().URL().Path; path != h.path {
		h.path = path
	} else {
		ctx.PreventUpdate() // OnInit saw the same page: nothing to draw again
	}
	sess := h.Tab.Session
	h.cancelUnsav = sess.OnChange(func() { ctx.Dispatch(func(app.Context) {}) })
	h.cancel = sess.Subscribe(func(e tabstore.Event) {
		ctx.Dispatch(func(ctx app.Context) { h.onStoreEvent(ctx, e) })
	})
	ctx.Async(func() {
		bg := context.Background()
		fallback, _ := sess.WaitStore(bg)
		if hs.synced {
			ctx.Dispatch(func(ctx app.Context) { hs.memory = fallback != nil })
			return
		}
		storedLang, langErr := sess.GetSetting(bg, storage.SettingLang)
		pres, presErr := sess.GetSetting(bg, storage.SettingPresenter)
		ctx.Dispatch(func(ctx app.Context) {
			hs.memory = fallback != nil
			hs.synced = true
			// The preferences already hold the mode the page started
			// with (OnInit): it is written again only when the store
			// says otherwise, not on every load (a localStorage write
			// and its JSON, 2.9 ms of a warm load's start sampled).
			if on := pres == "1"; presErr == nil && on != hs.presenter {
				hs.setPresenter(ctx, on)
			}
			// localStorage is read here, not at mount: a choice made
			// while the store was opening is the one to keep.
			chosen, chosenOK := h.Tab.Prefs.ChosenLang()
			sync := prefs.SyncLang(chosen, chosenOK, storedLang, langErr == nil,
				langErr == nil || errors.Is(langErr, storage.ErrNotExist))
			if sync.Show != "" && sync.Show != h.Lang {
				h.switchLang(ctx, sync.Show)
			}
			if sync.Store != "" {
				ctx.Async(func() {
					if err := sess.PutSetting(bg, storage.SettingLang, sync.Store); err != nil {
						app.Log("saving the interface language failed:", err)
					}
				})
			}
		})
	})
}

// OnDismount stops listening to the store.
func (h *Header) OnDismount() {
	if h.cancelUnsav != nil {
		h.cancelUnsav()
		h.cancelUnsav = nil
	}
	if h.cancel != nil {
		h.cancel()
		h.cancel = nil
	}
}

// onStoreEvent updates the save state, opens the conflict dialog, and
// notices changes of the open scenario made in other tabs. The save
// indicator is about the open scenario: another scenario's save neither
// sets nor clears it (an unsaved one stays listed by TabNotices).
func (h *Header) onStoreEvent(ctx app.Context, e tabstore.Event) {
	hs := &h.Tab.header
	doc := h.Tab.Session.Doc()
	open := doc != nil && doc.ID == e.ID
	switch e.Kind {
	case tabstore.Saving, tabstore.Saved, tabstore.Failed:
		if doc != nil && !open {
			ctx.PreventUpdate()
			return
		}
	}
	switch e.Kind {
	case tabstore.Saving:
		hs.save, hs.reason = "saving", ""
	case tabstore.Saved:
		hs.save, hs.reason = "saved", ""
		if open {
			hs.remote = ""
		}
	case tabstore.Failed:
		hs.save, hs.reason = "failed", hdrReason(h.Lang, e.Err)
		if open && errors.Is(e.Err, storage.ErrConflict) {
			hs.conflict = e.ID
		}
	case tabstore.Remote:
		if open && e.Rev != doc.Revision {
			hs.remote, hs.remoteRev = e.ID, e.Rev
		}
	default:
		ctx.PreventUpdate()
	}
}

// hdrReason says in words why a save failed.
func hdrReason(lang string, err error) string {
	switch {
	case errors.Is(err, storage.ErrConflict):
		return i18n.T(lang, "hdr.reasonConflict")
	case errors.Is(err, storage.ErrQuotaExceeded):
		return i18n.T(lang, "hdr.reasonQuota")
	case storage.IsUnavailable(err):
		return i18n.T(lang, "hdr.reasonStorage")
	case err == nil:
		return ""
	}
	return err.Error()
}

// Render implements app.Composer.
func (h *Header) Render() app.UI {
	hs := &h.Tab.header
	lang := h.Lang
	doc := h.Tab.Session.Doc()
	var save, history app.UI
	if doc != nil || hs.save != "" {
		state, reason := h.saveState(lang)
		save = &SaveIndicator{Lang: lang, State: state, Reason: reason}
	}
	if doc != nil {
		history = headerHistoryView.el(lang, func(ctx app.Context, e app.Event) { h.dialog = "history" })
	}
	return headerView.el(lang, logo(), h.renderNav(lang), save, history, h.renderPresenter(lang),
		&LangSwitch{
			Lang:     lang,
			OnChange: h.onLang,
		},
		h.renderNotices(lang),
		h.renderDialogs(lang),
		&TabNotices{Tab: h.Tab, Lang: lang},
	)
}

// headerView is the bar: the brand (the logo {0} and the names), the
// sections {1}, the tools, then the notices and the dialogs.
var headerView = &view{name: "header", src: `
<div class="header-wrap">
	<header class="header">
		<a class="header__brand" href="/" title={t:header.homeLink}>
			{0}
			<span class="header__titles">
				<span class="header__name">{t:app.name}</span>
				<span class="header__tagline">{t:app.tagline}</span>
			</span>
		</a>
		{1}
		<div class="header__tools">{2}{3}{4}{5}</div>
	</header>
	{6}{7}{8}
</div>`}

// headerHistoryView opens the open scenario's version history.
var headerHistoryView = &view{name: "header-history", src: `
<button type="button" class="header__tool" data-testid="history-open" title={t:hdr.historyHint} @click={0}>{t:hdr.history}</button>`}

// saveState is the indicator's state and reason. For the open scenario
// it is the session's: "failed" while its edit is unsaved (until this
// scenario is saved, whatever else is), "saving" while a save runs,
// otherwise "saved". Without an open scenario it is the last write's.
func (h *Header) saveState(lang string) (state, reason string) {
	hs, sess := &h.Tab.header, h.Tab.Session
	if doc := sess.Doc(); doc != nil {
		if u, ok := sess.UnsavedOf(doc.ID); ok {
			if sess.StoreUpgraded() {
				return "failed", i18n.T(lang, "hdr.reasonUpgraded")
			}
			return "failed", hdrReason(lang, u.Err)
		}
		if !doc.Saved && !sess.Pending() {
			// An action whose dialog is still open (session.Begin) is
			// not being saved: the stored version is still the last one.
			return "saving", ""
		}
		return "saved", ""
	}
	if hs.save == "" {
		return "saved", ""
	}
	return hs.save, hs.reason
}

func (h *Header) renderNav(lang string) app.UI {
	open := ""
	if d := h.Tab.Session.Doc(); d != nil {
		open = d.ID
	}
	// Each link's class, address and aria-current ("" sets none), in the
	// order of headerNavView.
	pages := [...]string{route.Home, route.Design, route.Simulate, route.Whatif, route.Lessons}
	args := make([]any, 0, 3*len(pages))
	for _, page := range pages {
		class, current := "header__link", ""
		if h.path == page || (page == "/lessons" && (h.path == "/lesson" || h.path == "/narrate" || h.path == "/quiz")) {
			// Class adds to the class set before: the active link's
			// class names header__link twice.
			class, current = "header__link header__link header__link--active", "page"
		}
		args = append(args, class, route.Link(page, h.Place, open).String(), current)
	}
	return headerNavView.el(lang, args...)
}

// headerNavView is the sections; data-nav is each link's route (route.Home,
// route.Design, route.Simulate, route.Whatif, route.Lessons).
var headerNavView = &view{name: "header-nav", src: `
<nav class="header__nav" aria-label={t:hdr.nav}>
	<a class={0} href={1} aria-current={2} data-nav="/">{t:nav.home}</a>
	<a class={3} href={4} aria-current={5} data-nav="/design">{t:hdr.design}</a>
	<a class={6} href={7} aria-current={8} data-nav="/simulate">{t:hdr.simulate}</a>
	<a class={9} href={10} aria-current={11} data-nav="/whatif">{t:hdr.whatif}</a>
	<a class={12} href={13} aria-current={14} data-nav="/lessons">{t:hdr.lessons}</a>
</nav>`}

func (h *Header) renderPresenter(lang string) app.UI {
	hs := &h.Tab.header
	on := hs.presenter
	class := "header__tool header__tool--toggle"
	if on {
		class += " header__tool--on"
	}
	pressed := "false"
	if on {
		pressed = "true"
	}
	return headerPresenterView.el(lang, class, pressed, func(ctx app.Context, e app.Event) {
		hs.setPresenter(ctx, !hs.presenter)
		on := hs.presenter
		v := "0"
		if on {
			v = "1"
		}
		st := h.Tab.Session
		ctx.Async(func() {
			if err := st.PutSetting(context.Background(), storage.SettingPresenter, v); err != nil {
				app.Log("saving the presenter mode failed:", err)
			}
		})
	})
}

// headerPresenterView turns the presenter mode on and off.
var headerPresenterView = &view{name: "header-presenter", src: `
<button type="button" class={0} data-testid="presenter-toggle" aria-pressed={1} title={t:hdr.presenterHint} @click={2}>{t:hdr.presenter}</button>`}

func (h *Header) renderNotices(lang string) app.UI {
	hs := &h.Tab.header
	var notices []app.UI
	if hs.memory {
		notices = append(notices, headerStorageView.el(lang))
	}
	if d := h.Tab.Session.Doc(); hs.remote != "" && d != nil && d.ID == hs.remote {
		key := "hdr.remoteChanged"
		if hs.remoteRev == 0 {
			key = "hdr.remoteDeleted"
		}
		var reload app.UI
		if hs.remoteRev > 0 {
			reload = headerRemoteReloadView.el(lang, func(ctx app.Context, e app.Event) {
				h.guard.run(ctx, h.Tab.Session, "unsaved.askReloadText", h.onReload)
			})
		}
		notices = append(notices, headerRemoteView.el(lang, i18n.F(lang, key, "title", d.Scenario.Title), reload,
			func(ctx app.Context, e app.Event) { hs.remote = "" }))
	}
	if len(notices) == 0 {
		return app.Text("")
	}
	return headerNoticesView.el(lang, notices)
}

// headerNoticesView holds the header's notices.
var headerNoticesView = &view{name: "header-notices", src: `<div class="header__notices">{0}</div>`}

// headerStorageView warns that nothing is kept: the store fell back to
// memory.
var headerStorageView = &view{name: "header-storage", src: `
<div class="header__notice header__notice--warning" role="alert" data-testid="storage-warning">{t:hdr.storageMemory}</div>`}

// headerRemoteView says another tab changed or deleted the open
// scenario: {1} is the reload, when there is a version to reload.
var headerRemoteView = &view{name: "header-remote", src: `
<div class="header__notice" role="status" data-testid="remote-notice">
	<span>{0}</span>
	{1}
	<button type="button" class="button button--link" @click={2}>{t:hdr.dismiss}</button>
</div>`}

// headerRemoteReloadView opens the other tab's version.
var headerRemoteReloadView = &view{name: "header-remote-reload", src: `
<button type="button" class="button button--link" data-testid="remote-reload" @click={0}>{t:hdr.remoteReload}</button>`}

func (h *Header) renderDialogs(lang string) app.UI {
	hs := &h.Tab.header
	d := h.Tab.Session.Doc()
	switch {
	case h.guard.then != nil && d != nil:
		return h.guard.render(lang)
	case hs.conflict != "" && d != nil && d.ID == hs.conflict:
		return &ConflictDialog{
			Lang:     lang,
			Title:    d.Scenario.Title,
			OnReload: h.onReload,
			OnCopy:   h.onSaveCopy,
			OnClose:  func(ctx app.Context) { hs.conflict = "" },
		}
	case h.dialog == "history" && d != nil:
		return &HistoryDialog{
			Tab:       h.Tab,
			Lang:      lang,
			ID:        d.ID,
			Revision:  d.Revision,
			OnRestore: h.onRestore,
			OnClose:   func(ctx app.Context) { h.dialog = "" },
		}
	}
	return app.Text("")
}

// switchLang tells the page to switch to lang, and sets <html lang> once
// the page is drawn in it (langShown).
func (h *Header) switchLang(ctx app.Context, lang string) {
	if h.OnLangChange == nil {
		return
	}
	h.OnLangChange(ctx, lang)
	langShown(ctx, i18n.Normalize(lang))
}

// langShown sets <html lang> to lang once the page has been drawn in it
// (after go-app's next update, which draws the switch's texts). Screen
// readers and hyphenation read the attribute, and scripts and tests take
// it as the sign that the page has switched: set in the switch's handler,
// it ran ahead of the texts.
func langShown(ctx app.Context, lang string) {
	ctx.Defer(func(app.Context) { setDocumentLang(lang) })
}

// onLang switches the language and remembers it in the store.
func (h *Header) onLang(ctx app.Context, lang string) {
	h.switchLang(ctx, lang)
	st := h.Tab.Session
	ctx.Async(func() {
		if err := st.PutSetting(context.Background(), storage.SettingLang, lang); err != nil {
			app.Log("saving the interface language failed:", err)
		}
	})
}

// onReload drops the local edit and opens the stored version (the other
// tab's), then shows it. The conflict dialog calls it directly (its text
// says the edit is lost); the other-tab notice asks first.
func (h *Header) onReload(ctx app.Context) {
	hs := &h.Tab.header
	doc := h.Tab.Session.Doc()
	if doc == nil {
		return
	}
	id, sess := doc.ID, h.Tab.Session
	ctx.Async(func() {
		err := sess.Reload(context.Background(), id) // drops the local edit: the other tab wins
		ctx.Dispatch(func(ctx app.Context) {
			hs.conflict, hs.remote = "", ""
			if err != nil {
				hs.save, hs.reason = "failed", hdrReason(h.Lang, err)
				return
			}
			hs.save, hs.reason = "saved", ""
			h.refreshPage(ctx)
		})
	})
}

// onSaveCopy keeps this tab's version as a new scenario and opens it.
func (h *Header) onSaveCopy(ctx app.Context) {
	hs := &h.Tab.header
	doc := h.Tab.Session.Doc()
	if doc == nil {
		return
	}
	data, sess, lang, oldID := doc.JSON, h.Tab.Session, h.Lang, doc.ID
	ctx.Async(func() {
		var err error
		sc, err := engine.ReadScenario(data)
		if err == nil {
			sc.Title = home.CopyTitle(sc.Title, lang)
			data, err = engine.WriteScenario(sc)
		}
		if err == nil {
			_, err = sess.Create(context.Background(), data)
		}
		if err == nil {
			// The edit lives on in the copy: the conflicted scenario
			// keeps the other tab's version.
			err = sess.Discard(context.Background(), oldID)
		}
		ctx.Dispatch(func(ctx app.Context) {
			hs.conflict, hs.remote = "", ""
			if err != nil {
				hs.save, hs.reason = "failed", hdrReason(h.Lang, err)
				return
			}
			h.refreshPage(ctx)
		})
	})
}

// onRestore replaces the open scenario with a saved version, as an
// ordinary (undoable) edit, so the restore is itself a new version.
func (h *Header) onRestore(ctx app.Context, rev int) {
	hs := &h.Tab.header
	sess := h.Tab.Session
	if sess.Doc() == nil {
		return
	}
	ctx.Async(func() {
		err := sess.RestoreVersion(context.Background(), rev)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				hs.save, hs.reason = "failed", hdrReason(h.Lang, err)
				return
			}
			h.dialog = ""
			h.refreshPage(ctx)
		})
	})
}

// refreshPage shows the session's scenario again after the header
// replaced it (a reload, a restored version, or a copy with a new id,
// which the address then names). The home page follows the store's events
// by itself; the other pages read the session when they mount, and
// navigating to the same route only updates a page in place, so the page
// is mounted anew by passing through the home route.
func (h *Header) refreshPage(ctx app.Context) {
	u := ctx.Page().URL()
	if u.Path == "/" || u.Path == "" {
		return
	}
	place := route.Parse(u)
	if d := h.Tab.Session.Doc(); d != nil && place.Scenario != "" {
		place = place.WithScenario(d.ID)
	}
	back := place.URL()
	ctx.Navigate("/")
	ctx.NavigateTo(back)
}

// setPresenter turns the presenter mode on or off for the tab.
func (hs *headerState) setPresenter(ctx app.Context, on bool) {
	hs.presenter = on
	hs.applyPresenter(on)
	hs.prefs.SetPresenter(on)
}

// applyPresenter puts the class "presenter" on <body>: larger type and
// slower animations (see the header block of triggersim.css).
func (hs *headerState) applyPresenter(on bool) {
	hs.presenter = on
	if !app.IsClient {
		return
	}
	cl := app.Window().Get("document").Get("body").Get("classList")
	if on {
		cl.Call("add", "presenter")
	} else {
		cl.Call("remove", "presenter")
	}
}
