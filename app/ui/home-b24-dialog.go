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
	file := func(id, testid, label, chosen string, set func(name string, data []byte)) app.UI {
		return elc("div", "home-field").Body(
			elc("label", "home-field__label").Attr("for", id).Text(label),
			&FileButton{Lang: lang, Label: i18n.T(lang, "file.choose"), ID: id, TestID: testid, HideName: true,
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
				}},
			app.If(chosen != "", func() app.UI {
				return elc("span", "home-field__hint").Body(iconText("check", chosen)...)
			}),
		)
	}
	body := []app.UI{
		pc("home-dialog__text", i18n.T(lang, "home.b24Intro")),
		file("b24-categories", "b24-categories", i18n.T(lang, "home.b24Categories"), d.catsName, func(n string, b []byte) { d.catsName, d.cats = n, b }),
		file("b24-statuses", "b24-statuses", i18n.T(lang, "home.b24Statuses"), d.statsName, func(n string, b []byte) { d.statsName, d.stats = n, b }),
	}
	if d.OpenTitle != "" {
		body = append(body, elc("fieldset", "home-field").Body(
			elcText("legend", "home-field__label", i18n.T(lang, "home.b24Target")),
			d.radio("b24-new", i18n.T(lang, "home.b24New"), !d.merge, false),
			d.radio("b24-merge", i18n.F(lang, "home.b24Merge", "title", d.OpenTitle), d.merge, true),
		))
	}
	if d.missing {
		body = append(body, elc("p", "home-page__error").Role("alert").Text(i18n.T(lang, "home.b24NeedFiles")))
	}
	return homeModal{
		testID:  "b24-dialog",
		title:   i18n.T(lang, "home.b24Title"),
		close:   i18n.T(lang, "home.cancel"),
		wide:    true,
		onClose: d.OnClose,
		body:    body,
		actions: []app.UI{
			homeButton("primary", "b24-import", i18n.T(lang, "home.importButton"), d.onImport),
			homeButton("", "", i18n.T(lang, "home.cancel"), d.OnClose),
		},
	}.render()
}

func (d *HomeB24Dialog) radio(id, label string, checked, merge bool) app.UI {
	return elc("label", "home-field__radio").Attr("for", id).Body(
		app.ElemSelfClosing("input").
			ID(id).
			Attr("type", "radio").
			Attr("name", "b24-target").
			Attr("checked", checked).
			OnChange(func(ctx app.Context, e app.Event) { d.merge = merge }),
		app.Text(" "+label),
	)
}

func (d *HomeB24Dialog) onImport(ctx app.Context) {
	if d.cats == nil || d.stats == nil {
		d.missing = true
		return
	}
	if d.OnImport != nil {
		d.OnImport(ctx, d.cats, d.stats, d.merge && d.OpenTitle != "")
	}
}
