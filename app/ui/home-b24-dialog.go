package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/labwork"
)

// HomeB24Dialog imports a portal's pipelines and stages from two saved
// REST responses, crm.category.list and crm.status.list, into a new
// scenario or into the open one. The what-if lab's worker reads them
// (labwork.Import): the page does not carry the REST reader. The worker
// starts when the dialog opens and ends when it closes.
type HomeB24Dialog struct {
	app.Compo

	// Lang is the interface language.
	Lang string
	// OpenTitle is the open scenario's title ("" when none is open: then
	// only a new scenario is offered).
	OpenTitle string
	// OnImport receives the imported scenario file (b24import.Scenario)
	// and whether to merge it into the open scenario; OnFail the import's
	// error (its lines: home.Problems); OnClose hides the dialog.
	OnImport func(ctx app.Context, doc []byte, merge bool)
	OnFail   func(ctx app.Context, err error)
	OnClose  func(ctx app.Context)

	cats, stats         []byte
	catsName, statsName string
	merge               bool
	missing, running    bool
	lab                 dialogLab
}

// OnMount starts the dialog's worker while the user picks the files.
func (d *HomeB24Dialog) OnMount(ctx app.Context) { d.lab.open() }

// OnDismount drops an import in progress and ends the worker.
func (d *HomeB24Dialog) OnDismount() { d.lab.close() }

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
			homeB24ImportView.el(lang, d.running, d.running, func(ctx app.Context, e app.Event) { d.onImport(ctx) }),
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

// The dialog's import button, disabled and busy while the worker reads
// the files.
var homeB24ImportView = &view{name: "home-b24-import", src: `
<button type="button" class="button button--primary" data-testid="b24-import" disabled={0} aria-busy={1} @click={2}>{t:home.importButton}</button>`}

// onImport sends both files to the dialog's worker and hands its scenario
// file, or its error, to the page.
func (d *HomeB24Dialog) onImport(ctx app.Context) {
	if d.running {
		return
	}
	if d.cats == nil || d.stats == nil {
		d.missing = true
		return
	}
	merge := d.merge && d.OpenTitle != ""
	req := labwork.ImportRequest(d.cats, d.stats, i18n.T(d.Lang, "home.b24ScenarioName"), d.Lang)
	run, cancel, lw := d.lab.begin()
	d.running = true
	ctx.Async(func() {
		m, err := lw.call(run, req, nil)
		var doc []byte
		if err == nil {
			doc, err = m.Imported()
		} else {
			err = workerError{err}
		}
		ctx.Dispatch(func(ctx app.Context) {
			if run.Err() != nil {
				return // the dialog went away
			}
			cancel()
			d.running = false
			switch {
			case err != nil && d.OnFail != nil:
				d.OnFail(ctx, err)
			case err == nil && d.OnImport != nil:
				d.OnImport(ctx, doc, merge)
			}
		})
	})
}

// workerError is a worker that could not start or stopped, as one problem
// worded in any language of the interface (home.Problems reads its Lines).
type workerError struct{ err error }

func (e workerError) Error() string { return e.err.Error() }
func (e workerError) Unwrap() error { return e.err }

// Lines is the worker's failure in the what-if page's words.
func (e workerError) Lines(lang string) []string { return []string{whatifErrText(lang, e.err)} }
