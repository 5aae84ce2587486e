package ui

import (
	"errors"
	"math"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/app/labwork"
	"github.com/triggersim/triggersim/calibrate"
	"github.com/triggersim/triggersim/text"
)

// HomeCalibrateDialog builds a what-if scenario from a portal's saved REST
// output («Калибровка по истории»): the files of crm.category.list,
// crm.status.list, crm.stagehistory.list (several) and crm.deal.list
// (optional). The what-if lab's worker (labwork.Calibrate) fits the model
// (package calibrate) and runs the fit, off the page's thread, with
// progress and cancel; the dialog shows the fit report with charts and
// hands the scenario to the page to store.
type HomeCalibrateDialog struct {
	app.Compo

	Lang string
	// OnCreate receives the scenario file; OnClose hides the dialog.
	OnCreate func(ctx app.Context, doc []byte, title string)
	OnClose  func(ctx app.Context)

	cats, stats      *calibrate.File
	history, deals   []calibrate.File
	missing, running bool
	percent          int
	errMsg           string
	// failure is the error of the last calibration, worded when shown so
	// that it follows the interface language.
	failure error
	lab     dialogLab

	doc     []byte // the fitted scenario's file
	title   string
	rep     *calibrate.Report
	view    labrun.FitView
	viewFor string
}

// OnMount starts the dialog's worker while the user picks the files.
func (d *HomeCalibrateDialog) OnMount(ctx app.Context) { d.lab.open() }

// OnDismount stops a fit in progress and ends the worker.
func (d *HomeCalibrateDialog) OnDismount() { d.lab.close() }

// Render implements app.Composer.
func (d *HomeCalibrateDialog) Render() app.UI {
	lang := d.Lang
	if d.rep != nil && d.viewFor != lang {
		d.view, d.viewFor = labrun.Fit(d.rep, lang), lang
	}
	// file is a file field's button and, once files are chosen, their
	// names.
	file := func(id string, multiple bool, chosen string, add func(files []calibrate.File)) (app.UI, app.UI) {
		var hint app.UI
		if chosen != "" {
			hint = homeCalibrateChosenView.el(lang, Icon("check"), chosen)
		}
		return &FileButton{Lang: lang, Label: i18n.T(lang, "file.choose"), ID: id, TestID: id, Multiple: multiple, HideName: true,
			Accept: ".json,application/json", OnChange: func(ctx app.Context, e app.Event) {
				files := homeFiles(e)
				var got []calibrate.File
				for _, f := range files {
					readFileText(ctx, f, func(ctx app.Context, name string, data []byte, err error) {
						if err != nil {
							d.errMsg = name + ": " + err.Error()
							return
						}
						got = append(got, calibrate.File{Name: name, Data: data})
						if len(got) == len(files) {
							add(got)
							d.missing, d.rep, d.doc = false, nil, nil
						}
					})
				}
			}}, hint
	}
	name := func(f *calibrate.File) string {
		if f == nil {
			return ""
		}
		return f.Name
	}
	count := func(fs []calibrate.File) string {
		switch len(fs) {
		case 0:
			return ""
		case 1:
			return fs[0].Name
		}
		return i18n.F(lang, "lab.calFiles", "n", len(fs))
	}
	cats, catsHint := file("cal-categories", false, name(d.cats), func(fs []calibrate.File) { d.cats = &fs[0] })
	stats, statsHint := file("cal-statuses", false, name(d.stats), func(fs []calibrate.File) { d.stats = &fs[0] })
	history, historyHint := file("cal-history", true, count(d.history), func(fs []calibrate.File) { d.history = fs })
	deals, dealsHint := file("cal-deals", true, count(d.deals), func(fs []calibrate.File) { d.deals = fs })
	body := homeCalibrateFilesView.els(lang, cats, catsHint, stats, statsHint, history, historyHint, deals, dealsHint)
	if d.missing {
		body = append(body, homeCalibrateMissingView.el(lang))
	}
	if msg := d.errMsg; msg != "" || d.failure != nil {
		if d.failure != nil {
			msg = text.Sentence(calibrateErrorText(d.failure, lang))
		}
		body = append(body, homeCalibrateErrorView.el(lang, msg))
	}
	if d.running {
		percent := strconv.Itoa(d.percent)
		body = append(body, homeCalibrateProgressView.el(lang,
			percent,
			elc("div", "whatif__progress-bar").Style("width", percent+"%"),
			i18n.T(lang, "lab.calFitting")+" "+percent+" %"))
	}
	if d.rep != nil && !d.running {
		v := d.view
		lines := make([]app.UI, len(v.Lines))
		for i, l := range v.Lines {
			lines[i] = pc("home-dialog__text", l)
		}
		rows := make([]app.UI, len(v.Rows))
		for i, r := range v.Rows {
			rows[i] = homeCalibrateRowView.el(lang, r[0], r[1], r[2])
		}
		body = append(body, homeCalibrateReportView.el(lang,
			lines,
			&WhatifChart{Name: "calibration-finals", Title: i18n.T(lang, "lab.calChartFinals"), SVG: v.Finals, Lang: lang},
			&WhatifChart{Name: "calibration-medians", Title: i18n.T(lang, "lab.calChartMedians"), SVG: v.Medians, Lang: lang},
			rows))
	}
	// The buttons keep their places (go-app keeps an element's handlers
	// when only its attributes change): they are disabled, not removed.
	cancel := i18n.T(lang, "home.cancel")
	actions := append(homeCalibrateActionsView.els(lang,
		d.running, func(ctx app.Context, e app.Event) { d.onFit(ctx) },
		!d.running, func(ctx app.Context, e app.Event) { d.onCancel(ctx) },
		d.doc == nil || d.rep == nil || d.running, func(ctx app.Context, e app.Event) { d.onCreate(ctx) }),
		homeButton("", "", cancel, d.OnClose))
	return homeModal{
		testID:  "cal-dialog",
		title:   i18n.T(lang, "lab.calTitle"),
		close:   cancel,
		wide:    true,
		onClose: d.OnClose,
		body:    body,
		actions: actions,
	}.render()
}

// The calibration dialog's introduction and its four file fields, each a
// label, a file button and the names of the files chosen.
var homeCalibrateFilesView = &view{name: "home-calibrate-files", src: `
<p class="home-dialog__text">{t:lab.calIntro}</p>
<div class="home-field">
	<label class="home-field__label" for="cal-categories">{t:lab.calCategories}</label>
	{0}
	{1}
</div>
<div class="home-field">
	<label class="home-field__label" for="cal-statuses">{t:lab.calStatuses}</label>
	{2}
	{3}
</div>
<div class="home-field">
	<label class="home-field__label" for="cal-history">{t:lab.calHistory}</label>
	{4}
	{5}
</div>
<div class="home-field">
	<label class="home-field__label" for="cal-deals">{t:lab.calDeals}</label>
	{6}
	{7}
</div>`}

// The names of a field's chosen files, ticked.
var homeCalibrateChosenView = &view{name: "home-calibrate-chosen", src: `
<span class="home-field__hint">{0}<span class="icon-text">{1}</span></span>`}

// The failure of a fit asked for without the files it needs.
var homeCalibrateMissingView = &view{name: "home-calibrate-missing", src: `
<p class="home-page__error" role="alert">{t:lab.calNeedFiles}</p>`}

// A file that could not be read, or a fit that failed.
var homeCalibrateErrorView = &view{name: "home-calibrate-error", src: `
<p class="home-page__error" role="alert" data-testid="cal-error">{0}</p>`}

// The progress of a fit: its bar (given with its width) and its words.
var homeCalibrateProgressView = &view{name: "home-calibrate-progress", src: `
<div class="whatif__progress" data-testid="cal-progress">
	<div class="whatif__progress-track" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow={0}>{1}</div>
	<span class="whatif__progress-text">{2}</span>
</div>`}

// The fit's report: its lines, its two charts and its table.
var homeCalibrateReportView = &view{name: "home-calibrate-report", src: `
<div class="home-calibrate__report" data-testid="cal-report">
	<h3>{t:lab.calReport}</h3>
	{0}
	{1}
	{2}
	<table class="whatif__table">
		<tbody>{3}</tbody>
	</table>
</div>`}

// A row of the fit's table: a name and two numbers.
var homeCalibrateRowView = &view{name: "home-calibrate-row", src: `
<tr><th scope="row">{0}</th><td class="whatif__num">{1}</td><td class="whatif__num">{2}</td></tr>`}

// The dialog's actions but the last: run the fit, cancel it, create the
// scenario.
var homeCalibrateActionsView = &view{name: "home-calibrate-actions", src: `
<button type="button" class="button button--primary" data-testid="cal-run" disabled={0} @click={1}>{t:lab.calRun}</button>
<button type="button" class="button" data-testid="cal-cancel" disabled={2} @click={3}>{t:lab.cancel}</button>
<button type="button" class="button button--primary" data-testid="cal-create" disabled={4} @click={5}>{t:lab.calCreate}</button>`}

func (d *HomeCalibrateDialog) onCancel(ctx app.Context) {
	d.lab.drop()
	d.running = false
}

func (d *HomeCalibrateDialog) onCreate(ctx app.Context) {
	if d.doc != nil && d.OnCreate != nil {
		d.OnCreate(ctx, d.doc, d.title)
	}
}

// onFit sends the files to the dialog's worker, which builds the model
// and runs the fit (a cancel ends the worker; the next fit starts
// another).
func (d *HomeCalibrateDialog) onFit(ctx app.Context) {
	if d.running {
		return
	}
	if d.stats == nil || len(d.history) == 0 {
		d.missing = true
		return
	}
	in := calibrate.Input{Statuses: *d.stats, Histories: d.history, Deals: d.deals, Locale: d.Lang}
	if d.cats != nil {
		in.Categories = *d.cats
	}
	req := labwork.CalibrateRequest(in, d.Lang)
	run, cancel, lw := d.lab.begin()
	d.running, d.percent, d.errMsg, d.failure, d.rep, d.doc = true, 0, "", nil, nil, nil
	ctx.Async(func() {
		m, err := lw.call(run, req, func(m labwork.Message) {
			pc := int(math.Round(m.Fraction * 100))
			ctx.Dispatch(func(ctx app.Context) {
				if run.Err() == nil {
					d.percent = pc
				}
			})
		})
		if run.Err() != nil {
			return // cancelled, or the dialog went away
		}
		var doc []byte
		var title string
		var rep *calibrate.Report
		if err == nil {
			doc, title, rep, err = m.Calibration()
		}
		ctx.Dispatch(func(ctx app.Context) {
			if run.Err() != nil {
				return
			}
			cancel()
			d.running, d.failure, d.doc, d.title, d.rep, d.viewFor = false, err, doc, title, rep, ""
			// The report (or the error) comes below the file fields, at
			// the foot of the dialog's scrolled body: bring it into view.
			ctx.Defer(func(app.Context) {
				el := app.Window().Get("document").Call("querySelector", `[data-testid="cal-report"], [data-testid="cal-error"]`)
				if el.Truthy() {
					el.Call("scrollIntoView", map[string]any{"block": "nearest"})
				}
			})
		})
	})
}

// calibrateErrorText words err in lang: a calibration's error in that
// language (the worker words it in each), a worker that stopped or could
// not start as the what-if page says it.
func calibrateErrorText(err error, lang string) string {
	var ce *labwork.CalibrateError
	if errors.As(err, &ce) {
		return ce.Text(lang)
	}
	return whatifErrText(lang, err)
}
