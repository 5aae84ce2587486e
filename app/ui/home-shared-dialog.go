package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/i18n"
)

// HomeSharedDialog previews the scenario of a share link (#s1.…) before it
// is added to the user's scenarios: nothing is stored until they confirm.
type HomeSharedDialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// What the link holds, or Err when it cannot be read.
	Title, Description          string
	Pipelines, Triggers, Robots int
	Items, Events               int
	Err                         string
	// Loading is true while the link is being read.
	Loading bool
	// OnImport stores the scenario; OnClose drops the link.
	OnImport func(ctx app.Context)
	OnClose  func(ctx app.Context)
}

// Render implements app.Composer.
func (d *HomeSharedDialog) Render() app.UI {
	lang := d.Lang
	m := homeModal{
		testID:  "shared-dialog",
		title:   i18n.T(lang, "home.sharedTitle"),
		close:   i18n.T(lang, "home.cancel"),
		wide:    true,
		onClose: d.OnClose,
	}
	if d.Err != "" {
		m.body = []app.UI{pc("home-page__error", i18n.F(lang, "home.sharedBroken", "error", d.Err))}
		m.actions = []app.UI{homeButton("", "", i18n.T(lang, "hdr.close"), d.OnClose)}
		return m.render()
	}
	if d.Loading {
		m.body = []app.UI{pc("home-page__loading", i18n.T(lang, "hdr.loading"))}
		return m.render()
	}
	counts := []string{
		home.Count(lang, d.Pipelines, "count.pipeline"),
		home.Count(lang, d.Triggers, "count.trigger"),
		home.Count(lang, d.Robots, "count.robot"),
		home.Count(lang, d.Items, "count.item"),
		home.Count(lang, d.Events, "count.event"),
	}
	m.body = []app.UI{
		pc("home-dialog__text", i18n.T(lang, "home.sharedIntro")),
		elc("div", "home-preview").Body(
			elct("h3", "home-preview__title", "shared-title").Text(d.Title),
			app.If(d.Description != "", func() app.UI {
				return pc("home-preview__description", d.Description)
			}),
			elct("ul", "home-preview__counts", "shared-counts").Body(
				app.Range(counts).Slice(func(i int) app.UI { return elText("li", counts[i]) }),
			),
		),
	}
	m.actions = []app.UI{
		homeButton("primary", "shared-import", i18n.T(lang, "home.sharedImport"), d.OnImport).Attr("autofocus", true),
		homeButton("", "", i18n.T(lang, "home.cancel"), d.OnClose),
	}
	return m.render()
}
