package ui

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
)

// HomeFooter says where the data lives: how much of the browser's quota it
// uses, whether the browser promised to keep it, or that it lives in this
// tab only.
type HomeFooter struct {
	app.Compo

	// Tab is the tab's shared state (session and header).
	Tab *Tab
	// Lang is the interface language.
	Lang string
	// Refresh changes when the footer should read the usage again (after
	// a save or a deletion).
	Refresh int

	loaded      bool
	memory      bool
	used, quota int64
	persisted   bool
}

// OnMount reads the usage off the UI goroutine; until it comes, nothing
// changes on screen.
func (f *HomeFooter) OnMount(ctx app.Context) {
	f.load(ctx)
	ctx.PreventUpdate()
}

// OnUpdate reads it again when Refresh changed.
func (f *HomeFooter) OnUpdate(ctx app.Context) { f.load(ctx) }

func (f *HomeFooter) load(ctx app.Context) {
	sess := f.Tab.Session
	ctx.Async(func() {
		bg := context.Background()
		fallback, _ := sess.WaitStore(bg)
		used, quota, persisted, err := sess.StorageUsage(bg)
		ctx.Dispatch(func(ctx app.Context) {
			f.loaded, f.memory = err == nil || fallback != nil, fallback != nil
			f.used, f.quota, f.persisted = used, quota, persisted
		})
	})
}

// Render implements app.Composer.
func (f *HomeFooter) Render() app.UI {
	lang := f.Lang
	var line string
	switch {
	case f.memory:
		line = i18n.T(lang, "home.memoryOnly")
	case f.loaded && f.quota > 0:
		line = i18n.F(lang, "home.usage", "used", home.FormatBytes(f.used, lang), "quota", home.FormatBytes(f.quota, lang))
		if f.persisted {
			line += " " + i18n.T(lang, "home.persisted")
		} else {
			line += " " + i18n.T(lang, "home.notPersisted")
		}
	}
	return elct("footer", "home-footer", "home-footer").Body(
		pc("home-footer__line", i18n.T(lang, "footer.offline")),
		app.If(line != "", func() app.UI {
			return elct("p", "home-footer__line", "storage-usage").Text(line)
		}),
	)
}
