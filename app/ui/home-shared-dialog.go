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
		m.body = []app.UI{homeSharedLoadingView.el(lang)}
		return m.render()
	}
	var description app.UI
	if d.Description != "" {
		description = pc("home-preview__description", d.Description)
	}
	m.body = homeSharedPreviewView.els(lang, d.Title, description,
		home.Count(lang, d.Pipelines, "count.pipeline"),
		home.Count(lang, d.Triggers, "count.trigger"),
		home.Count(lang, d.Robots, "count.robot"),
		home.Count(lang, d.Items, "count.item"),
		home.Count(lang, d.Events, "count.event"))
	var onImport app.EventHandler
	if d.OnImport != nil {
		onImport = func(ctx app.Context, e app.Event) { d.OnImport(ctx) }
	}
	m.actions = []app.UI{
		homeSharedImportView.el(lang, onImport),
		homeButton("", "", m.close, d.OnClose),
	}
	return m.render()
}

// The dialog while the link is being read.
var homeSharedLoadingView = &view{name: "home-shared-loading", src: `
<p class="home-page__loading">{t:hdr.loading}</p>`}

// What the link holds: its title, its description ({1}) and how many
// pipelines, triggers, robots, items and events.
var homeSharedPreviewView = &view{name: "home-shared-preview", src: `
<p class="home-dialog__text">{t:home.sharedIntro}</p>
<div class="home-preview">
	<h3 class="home-preview__title" data-testid="shared-title">{0}</h3>
	{1}
	<ul class="home-preview__counts" data-testid="shared-counts">
		<li>{2}</li>
		<li>{3}</li>
		<li>{4}</li>
		<li>{5}</li>
		<li>{6}</li>
	</ul>
</div>`}

// The dialog's import button, focused when it opens.
var homeSharedImportView = &view{name: "home-shared-import", src: `
<button type="button" class="button button--primary" data-testid="shared-import" autofocus @click={0}>{t:home.sharedImport}</button>`}
