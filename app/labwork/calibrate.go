package labwork

import (
	"errors"
	"fmt"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/calibrate"
)

// Calibrate asks the worker for a calibration (calibrate.Build and its fit
// report, the home page's "from a portal's history") instead of a run. It
// names the portal's export files; their bytes travel beside the request
// in Request.Files, in the order Files gives them.
type Calibrate struct {
	Categories string   `json:"categories,omitempty"` // "" when not given
	Statuses   string   `json:"statuses"`
	Histories  []string `json:"histories"`
	Deals      []string `json:"deals,omitempty"`
	Locale     string   `json:"locale"`
}

// CalibrateRequest is the request for a calibration of in: the files'
// names in the request, their bytes in Files (in.Categories is left out
// when it has no name).
func CalibrateRequest(in calibrate.Input, lang string) Request {
	c := &Calibrate{Categories: in.Categories.Name, Statuses: in.Statuses.Name, Locale: in.Locale}
	var files [][]byte
	if in.Categories.Name != "" {
		files = append(files, in.Categories.Data)
	}
	files = append(files, in.Statuses.Data)
	for _, f := range in.Histories {
		c.Histories, files = append(c.Histories, f.Name), append(files, f.Data)
	}
	for _, f := range in.Deals {
		c.Deals, files = append(c.Deals, f.Name), append(files, f.Data)
	}
	return Request{Lang: lang, Calibrate: c, Files: files}
}

// input puts the names and the bytes back together; it fails when they
// do not fit (a page and a worker of different builds).
func (c *Calibrate) input(files [][]byte) (calibrate.Input, error) {
	n := 1 + len(c.Histories) + len(c.Deals)
	if c.Categories != "" {
		n++
	}
	if len(files) != n {
		return calibrate.Input{}, fmt.Errorf("what-if worker: %d files for a calibration of %d", len(files), n)
	}
	in := calibrate.Input{Locale: c.Locale}
	next := func(name string) calibrate.File {
		f := calibrate.File{Name: name, Data: files[0]}
		files = files[1:]
		return f
	}
	if c.Categories != "" {
		in.Categories = next(c.Categories)
	}
	in.Statuses = next(c.Statuses)
	for _, name := range c.Histories {
		in.Histories = append(in.Histories, next(name))
	}
	for _, name := range c.Deals {
		in.Deals = append(in.Deals, next(name))
	}
	return in, nil
}

// handleCalibrate builds the calibration, runs its fit with progress
// (Message.Fraction) and posts the scenario file, its title and the fit
// report, or the error worded in every language of the interface.
func (w *Worker) handleCalibrate(req Request, send func(Message)) {
	fail := func(err error) {
		send(errorMessage(req.Lang, func(lang string) string { return calibrateErrText(err, lang) }))
	}
	in, err := req.Calibrate.input(req.Files)
	if err != nil {
		fail(err)
		return
	}
	c, err := calibrate.Build(in)
	if err != nil {
		fail(err)
		return
	}
	f := c.NewFitter(calibrate.DefaultRuns)
	labrun.Slices{Now: w.Now, Every: w.every}.Drive(f, nil, func() {
		send(Message{Kind: KindProgress, Fraction: f.Progress()})
	})
	rep, err := f.Report()
	if err != nil {
		fail(err)
		return
	}
	send(Message{Kind: KindDone, Doc: c.Doc, Title: c.Scenario.Title, Report: rep})
}

// calibrateErrText words a calibration's error in lang: the input errors
// of package calibrate in that language, any other as it is.
func calibrateErrText(err error, lang string) string {
	var ce *calibrate.Error
	if errors.As(err, &ce) {
		return ce.Message(i18n.Normalize(lang))
	}
	return err.Error()
}

// CalibrateError is a calibration's error as the worker worded it, in
// every language of the interface.
type CalibrateError struct {
	Texts map[string]string
	text  string // in the request's language
}

func (e *CalibrateError) Error() string { return e.text }

// Text is the error in lang.
func (e *CalibrateError) Text(lang string) string {
	if t, ok := e.Texts[i18n.Normalize(lang)]; ok {
		return t
	}
	return e.text
}

// Calibration is a done calibration message's results: the scenario
// file, its title and the fit report; for an error message, a
// *CalibrateError.
func (m Message) Calibration() (doc []byte, title string, rep *calibrate.Report, err error) {
	switch {
	case m.Kind == KindError:
		return nil, "", nil, &CalibrateError{Texts: m.Texts, text: m.Error}
	case m.Kind != KindDone:
		return nil, "", nil, fmt.Errorf("what-if worker: a %s message has no result", m.Kind)
	case m.Doc == nil || m.Report == nil:
		return nil, "", nil, errors.New("what-if worker: a calibration came back without its scenario or report")
	}
	return m.Doc, m.Title, m.Report, nil
}
