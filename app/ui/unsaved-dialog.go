package ui

import (
	"context"
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
)

// UnsavedDialog asks what to do with the open scenario's unsaved edits
// before an action that leaves it: save them, drop them, or stay. Escape
// and × cancel; the focus starts on «Сохранить» and Tab stays inside.
type UnsavedDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// Text is the question (already in Lang).
	Text string
	// Err says why the last save attempt failed, if it did.
	Err string
	// Busy is true while the save runs.
	Busy bool
	// OnSave, OnDiscard and OnCancel are the three answers.
	OnSave    func(ctx app.Context)
	OnDiscard func(ctx app.Context)
	OnCancel  func(ctx app.Context)
}

// Render implements app.Composer.
func (d *UnsavedDialog) Render() app.UI {
	lang := d.Lang
	save := homeButton("primary", "unsaved-save", i18n.T(lang, "unsaved.askSave"), d.OnSave).Attr("autofocus", true)
	if d.Busy {
		save = homeButton("primary", "unsaved-save", i18n.T(lang, "unsaved.retrying"), nil).Attr("disabled", true)
	}
	// DialogFocus moves the focus into the dialog and keeps Tab inside it.
	return elc("div", "unsaved-dialog").Body(homeModal{
		testID:  "unsaved-dialog",
		title:   i18n.T(lang, "unsaved.askTitle"),
		close:   i18n.T(lang, "unsaved.askCancel"),
		onClose: d.OnCancel,
		body: []app.UI{
			pc("home-dialog__text", d.Text),
			app.If(d.Err != "", func() app.UI {
				return elc("p", "home-dialog__error").Role("alert").Attr("data-testid", "unsaved-error").
					Text(i18n.F(lang, "unsaved.askFailed", "error", d.Err))
			}),
		},
		actions: []app.UI{
			save,
			homeButton("danger", "unsaved-discard", i18n.T(lang, "unsaved.askDiscard"), d.OnDiscard).
				Title(i18n.T(lang, "unsaved.askDiscardH")),
			homeButton("", "unsaved-cancel", i18n.T(lang, "unsaved.askCancel"), d.OnCancel),
		},
	}.render(), &DialogFocus{})
}

// unsavedGuard runs an action that leaves the open scenario (open or
// create another one, load another tab's version) at once when nothing is
// unsaved, and otherwise only after the user answered UnsavedDialog. A
// page keeps one as a field and renders it.
type unsavedGuard struct {
	sess *session.Session // the tab's, set by run
	then func(ctx app.Context)
	key  string // i18n key of the question
	err  string
	busy bool
}

// run runs fn now, or asks first; key is the question (with the
// scenario's title as {title}).
func (g *unsavedGuard) run(ctx app.Context, sess *session.Session, key string, fn func(ctx app.Context)) {
	g.sess = sess
	if !sess.OpenUnsaved() {
		fn(ctx)
		return
	}
	g.then, g.key, g.err, g.busy = fn, key, "", false
}

// render is the dialog while a question is open, or nothing.
func (g *unsavedGuard) render(lang string) app.UI {
	if g.then == nil || g.sess == nil || g.sess.Doc() == nil {
		return app.Text("")
	}
	title := g.sess.Doc().Scenario.Title
	if title == "" {
		title = i18n.T(lang, "home.untitled")
	}
	return &UnsavedDialog{
		Lang:      lang,
		Text:      i18n.F(lang, g.key, "title", title),
		Err:       g.err,
		Busy:      g.busy,
		OnSave:    func(ctx app.Context) { g.onSave(ctx, lang) },
		OnDiscard: g.onDiscard,
		OnCancel:  func(ctx app.Context) { g.then = nil },
	}
}

// onSave saves the open scenario and, once it is saved, runs the action.
// A failure keeps the question open with the reason; a conflict hands
// over to the conflict dialog.
func (g *unsavedGuard) onSave(ctx app.Context, lang string) {
	sess := g.sess
	if sess == nil || sess.Doc() == nil || g.busy {
		return
	}
	g.busy, g.err = true, ""
	ctx.Async(func() {
		err := sess.Save(context.Background())
		ctx.Dispatch(func(ctx app.Context) {
			g.busy = false
			switch {
			case errors.Is(err, storage.ErrConflict):
				g.then = nil
			case err != nil:
				g.err = hdrReason(lang, err)
			default:
				fn := g.then
				g.then = nil
				if fn != nil {
					fn(ctx)
				}
			}
		})
	})
}

// onDiscard drops the open scenario's edits and runs the action.
func (g *unsavedGuard) onDiscard(ctx app.Context) {
	sess, fn := g.sess, g.then
	g.then = nil
	if sess == nil || sess.Doc() == nil || fn == nil {
		return
	}
	id := sess.Doc().ID
	ctx.Async(func() {
		err := sess.Discard(context.Background(), id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				app.Log("discarding the unsaved edits failed:", err)
			}
			fn(ctx)
		})
	})
}
