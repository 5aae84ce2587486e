package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
)

// HomeB24Dialog imports a portal's pipelines and stages from two saved
// REST responses, crm.category.list and crm.status.list, into a new
// scenario or into the open one.
type HomeB24Dialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// OpenTitle is the open scenario's title ("" when none is open: then
	// only a new scenario is offered).
	OpenTitle string
	// OnImport receives both files and whether to merge into the open
	// scenario; OnClose hides the dialog.
	OnImport func(ctx app.Context, categories, statuses []byte, merge bool)
	OnClose  func(ctx app.Context)

	cats, stats         []byte
	catsName, statsName string
	merge               bool
	missing             bool
}

// Render implements app.Composer.
func (d *HomeB24Dialog) Render() app.UI {
	lang := d.Lang
	// file is a file field's button and, once a file is chosen, its name.
	file := func(id, chosen string, set func(name string, data []byte)) (app.UI, app.UI) {
		var hint app.UI
		if chosen != "" {
			hint = homeCalibrateChosenView.el(lang, Icon("check"), chosen)
		}
		return &FileButton{Lang: lang, Label: i18n.T(lang, "file.choose"), ID: id, TestID: id, HideName: true,
			Accept: ".json,application/json", OnChange: func(ctx app.Context, e app.Event) {
				files := homeFiles(e)
				if len(files) == 0 {
					return
				}
				readFileText(ctx, files[0], func(ctx app.Context, name string, data []byte, err error) {
					if err == nil {
						set(name, data)
						d.missing = false
					}
				})
			}}, hint
	}
	cats, catsHint := file("b24-categories", d.catsName, func(n string, b []byte) { d.catsName, d.cats = n, b })
	stats, statsHint := file("b24-statuses", d.statsName, func(n string, b []byte) { d.statsName, d.stats = n, b })
	body := homeB24FilesView.els(lang, cats, catsHint, stats, statsHint)
	if d.OpenTitle != "" {
		body = append(body, homeB24TargetView.el(lang,
			!d.merge, func(ctx app.Context, e app.Event) { d.merge = false }, " "+i18n.T(lang, "home.b24New"),
			d.merge, func(ctx app.Context, e app.Event) { d.merge = true }, " "+i18n.F(lang, "home.b24Merge", "title", d.OpenTitle)))
	}
	if d.missing {
		body = append(body, homeB24MissingView.el(lang))
	}
	cancel := i18n.T(lang, "home.cancel")
	return homeModal{
		testID:  "b24-dialog",
		title:   i18n.T(lang, "home.b24Title"),
		close:   cancel,
		wide:    true,
		onClose: d.OnClose,
		body:    body,
		actions: []app.UI{
			homeB24ImportView.el(lang, func(ctx app.Context, e app.Event) { d.onImport(ctx) }),
			homeButton("", "", cancel, d.OnClose),
		},
	}.render()
}

// The dialog's introduction and its two file fields, each a label, a
// file button and the name of the file chosen.
var homeB24FilesView = &view{name: "home-b24-files", src: `
<p class="home-dialog__text">{t:home.b24Intro}</p>
<div class="home-field">
	<label class="home-field__label" for="b24-categories">{t:home.b24Categories}</label>
	{0}
	{1}
</div>
<div class="home-field">
	<label class="home-field__label" for="b24-statuses">{t:home.b24Statuses}</label>
	{2}
	{3}
</div>`}

// Where to import: into a new scenario or into the open one (each radio's
// words come with their leading space).
var homeB24TargetView = &view{name: "home-b24-target", src: `
<fieldset class="home-field">
	<legend class="home-field__label">{t:home.b24Target}</legend>
	<label class="home-field__radio" for="b24-new">
		<input id="b24-new" type="radio" name="b24-target" checked={0} @change={1} />
		{2}
	</label>
	<label class="home-field__radio" for="b24-merge">
		<input id="b24-merge" type="radio" name="b24-target" checked={3} @change={4} />
		{5}
	</label>
</fieldset>`}

// The failure of an import asked for without both files.
var homeB24MissingView = &view{name: "home-b24-missing", src: `
<p class="home-page__error" role="alert">{t:home.b24NeedFiles}</p>`}

// The dialog's import button.
var homeB24ImportView = &view{name: "home-b24-import", src: `
<button type="button" class="button button--primary" data-testid="b24-import" @click={0}>{t:home.importButton}</button>`}

func (d *HomeB24Dialog) onImport(ctx app.Context) {
	if d.cats == nil || d.stats == nil {
		d.missing = true
		return
	}
	if d.OnImport != nil {
		d.OnImport(ctx, d.cats, d.stats, d.merge && d.OpenTitle != "")
	}
}
