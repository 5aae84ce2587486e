package ui

import (
	"context"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/storage"
)

// HistoryDialog lists the kept versions of the open scenario (the store's
// last storage.MaxVersions saves), newest first, each with a restore
// button; the current revision is marked.
type HistoryDialog struct {
	app.Compo

	// Tab is the tab's shared state (session and header).
	Tab *Tab
	// Lang is the interface language.
	Lang string
	// ID and Revision are the open scenario's.
	ID       string
	Revision int
	// OnRestore restores a version; OnClose hides the dialog.
	OnRestore func(ctx app.Context, rev int)
	OnClose   func(ctx app.Context)

	loading  bool
	versions []storage.Version
	err      string
}

// OnMount reads the versions off the UI goroutine.
func (d *HistoryDialog) OnMount(ctx app.Context) { d.load(ctx) }

// OnUpdate reloads after a restore made a new revision.
func (d *HistoryDialog) OnUpdate(ctx app.Context) { d.load(ctx) }

func (d *HistoryDialog) load(ctx app.Context) {
	d.loading = true
	id, sess := d.ID, d.Tab.Session
	ctx.Async(func() {
		vs, err := sess.Versions(context.Background(), id)
		ctx.Dispatch(func(ctx app.Context) {
			d.loading, d.versions, d.err = false, vs, ""
			if err != nil {
				d.err = err.Error()
			}
		})
	})
}

// Render implements app.Composer.
func (d *HistoryDialog) Render() app.UI {
	lang := d.Lang
	now := time.Now()
	var body []app.UI
	body = append(body, pc("home-dialog__text", i18n.F(lang, "hdr.historyIntro", "n", strconv.Itoa(storage.MaxVersions))))
	switch {
	case d.loading && len(d.versions) == 0:
		body = append(body, historyDialogLoadingView.el(lang))
	case d.err != "":
		body = append(body, pc("home-page__error", d.err))
	case len(d.versions) == 0:
		body = append(body, historyDialogEmptyView.el(lang))
	default:
		items := make([]app.UI, len(d.versions))
		for i, v := range d.versions {
			items[i] = d.renderVersion(lang, v, now)
		}
		body = append(body, historyDialogListView.el(lang, items))
	}
	return homeModal{
		testID:  "history-dialog",
		title:   i18n.T(lang, "hdr.historyTitle"),
		close:   i18n.T(lang, "hdr.close"),
		wide:    true,
		onClose: d.OnClose,
		body:    body,
	}.render()
}

// renderVersion is one kept version: its revision, title and save, and
// a restore button unless it is the current one.
func (d *HistoryDialog) renderVersion(lang string, v storage.Version, now time.Time) app.UI {
	rev := v.Revision
	var current, restore app.UI
	if rev == d.Revision {
		current = historyDialogCurrentView.el(lang)
	} else {
		restore = homeButton("", "restore-"+strconv.Itoa(rev), i18n.T(lang, "hdr.historyRestore"), func(ctx app.Context) {
			if d.OnRestore != nil {
				d.OnRestore(ctx, rev)
			}
		})
	}
	return historyDialogItemView.el(lang, strconv.Itoa(rev),
		i18n.F(lang, "hdr.historyRev", "revision", strconv.Itoa(rev)), current, v.Title,
		home.FormatUpdated(v.Updated, now, lang)+" · "+home.FormatBytes(int64(v.Size), lang), restore)
}

// historyDialogLoadingView says the versions are being read.
var historyDialogLoadingView = &view{name: "history-dialog-loading", src: `<p>{t:hdr.loading}</p>`}

// historyDialogEmptyView says there is no kept version.
var historyDialogEmptyView = &view{name: "history-dialog-empty", src: `<p>{t:hdr.historyEmpty}</p>`}

// historyDialogListView is the list of versions, newest first.
var historyDialogListView = &view{name: "history-dialog-list", src: `<ol class="history-dialog__list">{0}</ol>`}

// historyDialogItemView is one version: {2} marks the current one, {5}
// is its restore button.
var historyDialogItemView = &view{name: "history-dialog-item", src: `
<li class="history-dialog__item" data-rev={0}>
	<div class="history-dialog__what">
		<strong>{1}</strong>
		{2}
		<span class="history-dialog__title">{3}</span>
	</div>
	<span class="history-dialog__when">{4}</span>
	{5}
</li>`}

// historyDialogCurrentView marks the current version.
var historyDialogCurrentView = &view{name: "history-dialog-current", src: `<span class="history-dialog__current">{t:hdr.historyCurrent}</span>`}
