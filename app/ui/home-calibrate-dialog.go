package ui

import (
	"context"
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
	cancel  context.CancelFunc
	// lab is the dialog's worker, started when the dialog opens (a
	// worker takes a few hundred milliseconds to load and start its
	// program, longer than fitting a small history) and ended when it
	// closes.
	lab *labWorker

	doc     []byte // the fitted scenario's file
	title   string
	rep     *calibrate.Report
	view    labrun.FitView
	viewFor string
}

// OnMount starts the dialog's worker while the user picks the files.
func (d *HomeCalibrateDialog) OnMount(ctx app.Context) {
	d.lab = &labWorker{}
	d.lab.start()
}

// OnDismount stops a fit in progress and ends the worker.
func (d *HomeCalibrateDialog) OnDismount() {
	if d.cancel != nil {
		d.cancel()
	}
	if d.lab != nil {
		d.lab.stop()
	}
}

// Render implements app.Composer.
func (d *HomeCalibrateDialog) Render() app.UI {
	lang := d.Lang
	if d.rep != nil && d.viewFor != lang {
		d.view, d.viewFor = labrun.Fit(d.rep, lang), lang
	}
	file := func(id, label string, multiple bool, chosen string, add func(files []calibrate.File)) app.UI {
		return elc("div", "home-field").Body(
			elc("label", "home-field__label").Attr("for", id).Text(label),
			&FileButton{Lang: lang, Label: i18n.T(lang, "file.choose"), ID: id, TestID: id, Multiple: multiple, HideName: true,
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
				}},
			app.If(chosen != "", func() app.UI { return elc("span", "home-field__hint").Body(iconText("check", chosen)...) }),
		)
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
	body := []app.UI{
		pc("home-dialog__text", i18n.T(lang, "lab.calIntro")),
		file("cal-categories", i18n.T(lang, "lab.calCategories"), false, name(d.cats), func(fs []calibrate.File) { d.cats = &fs[0] }),
		file("cal-statuses", i18n.T(lang, "lab.calStatuses"), false, name(d.stats), func(fs []calibrate.File) { d.stats = &fs[0] }),
		file("cal-history", i18n.T(lang, "lab.calHistory"), true, count(d.history), func(fs []calibrate.File) { d.history = fs }),
		file("cal-deals", i18n.T(lang, "lab.calDeals"), true, count(d.deals), func(fs []calibrate.File) { d.deals = fs }),
	}
	if d.missing {
		body = append(body, elc("p", "home-page__error").Role("alert").Text(i18n.T(lang, "lab.calNeedFiles")))
	}
	if msg := d.errMsg; msg != "" || d.failure != nil {
		if d.failure != nil {
			msg = text.Sentence(calibrateErrorText(d.failure, lang))
		}
		body = append(body, elc("p", "home-page__error").Role("alert").DataSet("testid", "cal-error").Text(msg))
	}
	if d.running {
		body = append(body, elct("div", "whatif__progress", "cal-progress").Body(
			elc("div", "whatif__progress-track").Role("progressbar").
				Aria("valuemin", "0").Aria("valuemax", "100").Aria("valuenow", strconv.Itoa(d.percent)).
				Body(elc("div", "whatif__progress-bar").Style("width", strconv.Itoa(d.percent)+"%")),
			spanc("whatif__progress-text", i18n.T(lang, "lab.calFitting")+" "+strconv.Itoa(d.percent)+" %"),
		))
	}
	if d.rep != nil && !d.running {
		v := d.view
		rows := v.Rows
		body = append(body, elct("div", "home-calibrate__report", "cal-report").Body(
			elText("h3", i18n.T(lang, "lab.calReport")),
			app.Range(v.Lines).Slice(func(i int) app.UI { return pc("home-dialog__text", v.Lines[i]) }),
			&WhatifChart{Name: "calibration-finals", Title: i18n.T(lang, "lab.calChartFinals"), SVG: v.Finals, Lang: lang},
			&WhatifChart{Name: "calibration-medians", Title: i18n.T(lang, "lab.calChartMedians"), SVG: v.Medians, Lang: lang},
			elc("table", "whatif__table").Body(
				app.Elem("tbody").Body(app.Range(rows).Slice(func(i int) app.UI {
					r := rows[i]
					return app.Elem("tr").Body(app.Elem("th").Attr("scope", "row").Text(r[0]), elcText("td", "whatif__num", r[1]), elcText("td", "whatif__num", r[2]))
				})),
			),
		))
	}
	// The buttons keep their places (go-app keeps an element's handlers
	// when only its attributes change): they are disabled, not removed.
	actions := []app.UI{
		homeButton("primary", "cal-run", i18n.T(lang, "lab.calRun"), d.onFit).Attr("disabled", d.running),
		homeButton("", "cal-cancel", i18n.T(lang, "lab.cancel"), d.onCancel).Attr("disabled", !d.running),
		homeButton("primary", "cal-create", i18n.T(lang, "lab.calCreate"), d.onCreate).Attr("disabled", d.doc == nil || d.rep == nil || d.running),
		homeButton("", "", i18n.T(lang, "home.cancel"), d.OnClose),
	}
	return homeModal{
		testID:  "cal-dialog",
		title:   i18n.T(lang, "lab.calTitle"),
		close:   i18n.T(lang, "home.cancel"),
		wide:    true,
		onClose: d.OnClose,
		body:    body,
		actions: actions,
	}.render()
}

func (d *HomeCalibrateDialog) onCancel(ctx app.Context) {
	if d.cancel != nil {
		d.cancel()
	}
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
	run, cancel := context.WithCancel(context.Background())
	d.cancel, d.running, d.percent, d.errMsg, d.failure, d.rep, d.doc = cancel, true, 0, "", nil, nil, nil
	lw := d.lab
	if lw == nil { // not mounted (host tests)
		lw = &labWorker{}
	}
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
