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
		body = append(body, elText("p", i18n.T(lang, "hdr.loading")))
	case d.err != "":
		body = append(body, pc("home-page__error", d.err))
	case len(d.versions) == 0:
		body = append(body, elText("p", i18n.T(lang, "hdr.historyEmpty")))
	default:
		body = append(body, elc("ol", "history-dialog__list").Body(
			app.Range(d.versions).Slice(func(i int) app.UI {
				v := d.versions[i]
				rev := v.Revision
				current := rev == d.Revision
				return elc("li", "history-dialog__item").DataSet("rev", strconv.Itoa(rev)).Body(
					elc("div", "history-dialog__what").Body(
						elText("strong", i18n.F(lang, "hdr.historyRev", "revision", strconv.Itoa(rev))),
						app.If(current, func() app.UI {
							return spanc("history-dialog__current", i18n.T(lang, "hdr.historyCurrent"))
						}),
						spanc("history-dialog__title", v.Title),
					),
					spanc("history-dialog__when", home.FormatUpdated(v.Updated, now, lang)+" · "+home.FormatBytes(int64(v.Size), lang)),
					app.If(!current, func() app.UI {
						return homeButton("", "restore-"+strconv.Itoa(rev), i18n.T(lang, "hdr.historyRestore"), func(ctx app.Context) {
							if d.OnRestore != nil {
								d.OnRestore(ctx, rev)
							}
						})
					}),
				)
			}),
		))
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
