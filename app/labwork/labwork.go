// Package labwork is the what-if lab's run as the lab's Web Worker does
// it, and the messages the worker and the page exchange.
//
// A run of 10 000 deals over 90 days is seconds of wasm. On the page's
// thread it had to be cut into slices with the page's turns between them,
// and a garbage collection of its heap was still a long task; in a worker
// of its own (app/worker) it runs whole on another thread, with its own
// heap, and the page only draws progress and results. The worker is given
// the scenario files, not the page's scenarios, so a run reads them
// exactly as the command line does (triggersim whatif), and it words its
// errors with whatiflab.ErrText in the run's language, as the page would.
//
// Everything here is plain Go: the browser's part (posting messages,
// copying bytes) is in app/worker and the page's whatif-worker.go.
package labwork

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/app/whatiflab"
	"github.com/triggersim/triggersim/calibrate"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

// Request is one run the page asks of the worker. The files travel as
// bytes beside the request's JSON (Uint8Arrays in the message), which
// holds only the small fields.
type Request struct {
	ID int `json:"id"`
	// A is variant A's scenario file; B, when not nil, variant B's, run
	// on A's traffic. Replay, when not nil, is a recorded event history
	// (CSV) run instead of the model's traffic.
	A, B, Replay []byte `json:"-"`
	// Seed, Days and Lang are the page's fields as typed
	// (whatiflab.Options reads them).
	Seed string `json:"seed"`
	Days string `json:"days"`
	Lang string `json:"lang"`
	// Prepare asks only to read A, ahead of the runs: the page sends it
	// when it opens a scenario, so that the first run does not wait for
	// 10 000 deals to be read. Nothing is posted back (a file that does
	// not read says so when it is run).
	Prepare bool `json:"prepare,omitempty"`
	// Batch, when not nil, asks for the lab's replications or sweep
	// instead of one run: this worker's part of the plan's jobs.
	Batch *Batch `json:"batch,omitempty"`
	// Calibrate, when not nil, asks for a calibration from a portal's
	// history instead of a run; its files are Files.
	Calibrate *Calibrate `json:"calibrate,omitempty"`
	// Import, when not nil, asks for a Bitrix24 import instead of a run;
	// its files are Files.
	Import *Import  `json:"import,omitempty"`
	Files  [][]byte `json:"-"`
}

// Batch is the what-if lab's replications or sweep (app/labrun's form,
// as typed), split between workers: this one runs jobs Part,
// Part+Parts, Part+2·Parts… of the plan (labrun.Plan.Jobs, the same list
// in every worker), and gives their KPIs in that order (Merge puts the
// parts together). A run's KPIs depend only on its job, so the split
// changes nothing of the results.
type Batch struct {
	Form  labrun.Form `json:"form"`
	Part  int         `json:"part"`
	Parts int         `json:"parts"`
}

// Kinds of Message.
const (
	KindReady    = "ready"    // the worker has started and takes requests
	KindProgress = "progress" // a run's progress
	KindDone     = "done"     // a run's results
	KindError    = "error"    // a run's error, worded in its language
)

// Message is what the worker posts to the page: its head as JSON (Head,
// Decode) and, for a done message, the two variants' KPIs beside it as
// strings of their own, so that the page reads the head in the event's
// handler and the KPIs later, in tasks of their own (Result).
type Message struct {
	ID       int                `json:"id"`
	Kind     string             `json:"kind"`
	Progress whatiflab.Progress `json:"progress,omitzero"`
	// A and B are the variants' KPIs (whatif.EncodeWire); B is nil when
	// A ran alone.
	A, B []byte `json:"-"`
	// Done and Fraction are a batch's progress: the runs of this part
	// finished, and the share of its work done (0 to 1).
	Done     int     `json:"done,omitempty"`
	Fraction float64 `json:"fraction,omitempty"`
	// Runs are a batch's KPIs (whatif.EncodeWire), one per job of the
	// part, sent beside the head like A and B.
	Runs [][]byte `json:"-"`
	// Elapsed is the run's time in the worker.
	Elapsed time.Duration `json:"elapsed,omitempty"`
	Error   string        `json:"error,omitempty"`
	// Texts is the error in each language of the interface, for an
	// error the page shows again in another language when the user
	// switches (a calibration's, and a run's that a panic stopped).
	Texts map[string]string `json:"texts,omitempty"`
	// Lines is an import's error, its problems in each language of the
	// interface.
	Lines map[string][]string `json:"lines,omitempty"`
	// Doc, Title and Report are a calibration's results: the scenario
	// file (sent beside the head, like A), its title and the fit report;
	// an import's are Doc and Title.
	Doc    []byte            `json:"-"`
	Title  string            `json:"title,omitempty"`
	Report *calibrate.Report `json:"report,omitempty"`
}

// Worker runs requests one after another. It keeps the last scenario
// files it read, with what it read from them: a page runs the same
// scenario again and again (another seed, another horizon), and reading
// 10 000 deals is a good part of a run. A run does not change the
// scenario it is given (the page relies on the same).
type Worker struct {
	// Now is the clock; nil means time.Now.
	Now        func() time.Time
	cacheA     cached
	cacheB     cached
	every      time.Duration // progress interval; 0 means whatiflab's
	beforeRead func()        // tests: called before a file is read
}

type cached struct {
	data []byte
	sc   *engine.Scenario
}

func (c *cached) read(data []byte, before func()) (*engine.Scenario, error) {
	if c.sc != nil && bytes.Equal(c.data, data) {
		return c.sc, nil
	}
	if before != nil {
		before()
	}
	sc, err := engine.ReadScenario(data)
	if err != nil {
		c.data, c.sc = nil, nil
		return nil, err
	}
	c.data, c.sc = bytes.Clone(data), sc
	return sc, nil
}

// Head is the message's head as JSON, for Decode.
func (m Message) Head() []byte {
	out, _ := json.Marshal(m) // only numbers and strings: always encodes
	return out
}

// Handle runs req (one run, or a part of a batch) and posts its progress
// and then its results or its error. A Prepare request only reads its
// file and posts nothing.
//
// A panic in the run (a bug: no input should cause one) ends the run with
// an error in the run's language instead of ending the worker's program,
// which would leave the page waiting for an answer that never comes; the
// files read are forgotten, as what was read from them may be half-made.
func (w *Worker) Handle(req Request, post func(Message)) {
	send := func(m Message) {
		m.ID = req.ID
		post(m)
	}
	defer func() {
		if v := recover(); v != nil {
			w.cacheA, w.cacheB = cached{}, cached{}
			if !req.Prepare {
				send(errorMessage(req.Lang, func(lang string) string {
					return i18n.F(lang, "whatif.internalError", "detail", fmt.Sprint(v))
				}))
			}
		}
	}()
	if req.Batch != nil {
		w.handleBatch(req, send)
		return
	}
	if req.Calibrate != nil {
		w.handleCalibrate(req, send)
		return
	}
	if req.Import != nil {
		w.handleImport(req, send)
		return
	}
	if req.Prepare {
		if sc, err := w.cacheA.read(req.A, w.beforeRead); err == nil {
			warmUp(sc, whatiflab.Options(req.Seed, req.Days, req.Lang, nil))
		}
		return
	}
	res, err := w.run(req, func(p whatiflab.Progress) { send(Message{Kind: KindProgress, Progress: p}) })
	if err != nil {
		send(Message{Kind: KindError, Error: whatiflab.ErrText(req.Lang, err)})
		return
	}
	m := Message{Kind: KindDone, Elapsed: res.Elapsed}
	if m.A, err = whatif.EncodeWire(res.A); err == nil && res.B != nil {
		m.B, err = whatif.EncodeWire(res.B)
	}
	if err != nil {
		send(Message{Kind: KindError, Error: err.Error()})
		return
	}
	send(m)
}

// GCRoom is how much the worker lets req's work allocate before Go's
// collector runs while it holds it off (app/gchold). A single run gets
// more than a 10 000-item, 90-day run needs (about 40 MB natively): a
// worker's heap is its own, so holding the collector off costs the page
// nothing, and the collection comes after the results are posted. A part
// of the lab's batch (and a calibration, which makes a few runs of the
// fitted scenario) gets what one run needs rather than several, as up to
// four workers run parts at once: under Node, on the 10 166-deal bench
// scenario, three 90-day runs of a part took 37 MB of memory and 4.5 s
// with 32 MB of room, 101 MB and 4.8 s with 96 MB, 31 MB and 5.6 s with
// the collector left on (one run alone: 1.6 s with 96 MB, 1.8-2.1 s with
// 32 MB).
func (req Request) GCRoom() int64 {
	if req.Batch != nil || req.Calibrate != nil {
		return 32 << 20
	}
	return 96 << 20
}

// batchSteps is how many runner steps a batch makes between two looks at
// the clock (labrun.Slices.Chunk): a run's pace (whatiflab.StepChunk).
const batchSteps = whatiflab.StepChunk

func (w *Worker) handleBatch(req Request, send func(Message)) {
	now := w.Now
	if now == nil {
		now = time.Now
	}
	began := now()
	ks, err := w.batch(req, func(done int, fraction float64) {
		send(Message{Kind: KindProgress, Done: done, Fraction: fraction})
	})
	if err != nil {
		send(Message{Kind: KindError, Error: whatiflab.ErrText(req.Lang, err)})
		return
	}
	m := Message{Kind: KindDone, Runs: make([][]byte, len(ks)), Elapsed: now().Sub(began)}
	for i, k := range ks {
		if m.Runs[i], err = whatif.EncodeWire(k); err != nil {
			send(Message{Kind: KindError, Error: err.Error()})
			return
		}
	}
	send(m)
}

// batch runs req's part of its batch, reporting progress at most every
// w.every (whatiflab.DefaultEvery when 0).
func (w *Worker) batch(req Request, progress func(done int, fraction float64)) ([]*whatif.KPIs, error) {
	bt := req.Batch
	if bt.Parts < 1 || bt.Part < 0 || bt.Part >= bt.Parts {
		return nil, fmt.Errorf("what-if worker: part %d of %d", bt.Part, bt.Parts)
	}
	sc, replay, err := w.inputs(req)
	if err != nil {
		return nil, err
	}
	plan, err := bt.Form.Plan(req.Lang)
	if err != nil {
		return nil, err
	}
	jobs, _, err := plan.Jobs(sc, whatiflab.Options(req.Seed, req.Days, req.Lang, replay), req.Lang)
	if err != nil {
		return nil, err
	}
	var mine []whatif.Job
	for i := bt.Part; i < len(jobs); i += bt.Parts {
		mine = append(mine, jobs[i])
	}
	b := whatif.NewBatch(mine)
	labrun.Slices{Now: w.Now, Every: w.every, Chunk: batchSteps}.Drive(b, nil, func() {
		done, _, frac := b.Progress()
		progress(done, frac)
	})
	return b.Results()
}

// Merge puts the parts of a batch together in the plan's order: parts[p]
// are the KPIs of jobs p, p+len(parts)… It fails when the parts do not
// make n jobs.
func Merge(parts [][]*whatif.KPIs, n int) ([]*whatif.KPIs, error) {
	out := make([]*whatif.KPIs, n)
	got := 0
	for p, ks := range parts {
		for k, kpi := range ks {
			i := p + k*len(parts)
			if i >= n {
				return nil, fmt.Errorf("what-if worker: part %d has more than its share of %d runs", p, n)
			}
			out[i] = kpi
			got++
		}
	}
	if got != n {
		return nil, fmt.Errorf("what-if worker: %d runs of %d came back", got, n)
	}
	return out, nil
}

// BatchResult is a done batch message's KPIs, in its part's order, or
// the batch's error (wrapping ErrRun) for an error message. yield, when
// not nil, is called between two runs' KPIs.
func (m Message) BatchResult(yield func()) ([]*whatif.KPIs, error) {
	if err := m.finished(); err != nil {
		return nil, err
	}
	out := make([]*whatif.KPIs, len(m.Runs))
	for i, data := range m.Runs {
		if i > 0 && yield != nil {
			yield()
		}
		k, err := whatif.DecodeWire(data)
		if err != nil {
			return nil, err
		}
		out[i] = k
	}
	return out, nil
}

// inputs reads req's scenario (through the cache) and history.
func (w *Worker) inputs(req Request) (*engine.Scenario, []engine.Event, error) {
	sc, err := w.cacheA.read(req.A, w.beforeRead)
	if err != nil {
		return nil, nil, err
	}
	var replay []engine.Event
	if req.Replay != nil {
		if replay, err = whatif.ReplayCSV(bytes.NewReader(req.Replay)); err != nil {
			return nil, nil, err
		}
	}
	return sc, replay, nil
}

func (w *Worker) run(req Request, progress func(whatiflab.Progress)) (whatiflab.Result, error) {
	a, replay, err := w.inputs(req)
	if err != nil {
		return whatiflab.Result{}, err
	}
	var b *engine.Scenario
	if req.B != nil {
		if b, err = w.cacheB.read(req.B, w.beforeRead); err != nil {
			return whatiflab.Result{}, fmt.Errorf("variant B: %w", err)
		}
	}
	lab := whatiflab.Lab{Now: w.Now, Every: w.every}
	return lab.Run(context.Background(), a, b, whatiflab.Options(req.Seed, req.Days, req.Lang, replay), progress)
}

// warmUpSteps is how many steps (events with their cascades, due robots)
// the warm-up makes: a few percent of a 10 000-deal, 90-day run.
const warmUpSteps = 4000

// warmUp makes the first steps of a run of sc and throws them away. The
// browser compiles wasm in two tiers: a function first runs as quickly
// compiled code and is optimised once it has run often. In Chromium the
// first run of 10 000 deals took 1.9-3.0 s against 1.0-1.5 s for the runs
// after it, all of it in the runner's code; run on the user's own
// scenario, the warm-up takes the paths the user's run will take, while
// the user sets up the run. It changes nothing: the runner works on its
// own copy of the items, and a run's results depend only on the scenario
// and its options.
func warmUp(sc *engine.Scenario, opt whatif.Options) {
	if sc.WhatIf == nil {
		return // a history is needed to run it: nothing to warm
	}
	r, err := whatif.NewRunner(sc, opt)
	if err != nil {
		return
	}
	r.Step(warmUpSteps)
}

// Decode reads the head of a message the worker posted (Message.Head);
// the caller sets A and B from what came beside it.
func Decode(data []byte) (Message, error) {
	var m Message
	if err := json.Unmarshal(data, &m); err != nil {
		return Message{}, fmt.Errorf("what-if worker message: %w", err)
	}
	switch m.Kind {
	case KindReady, KindProgress, KindDone, KindError:
		return m, nil
	}
	return Message{}, fmt.Errorf("what-if worker message: unknown kind %q", m.Kind)
}

// ErrRun is a run's error as the worker worded it.
var ErrRun = errors.New("what-if run failed")

// Result is a done message's results, as whatiflab.Lab.Run gives them in
// the page (the comparison is made here, from the two variants' KPIs), or
// the run's error (wrapping ErrRun, its text already worded) for an error
// message. yield, when not nil, is called between the variants' KPIs: in
// the browser each is read in a task of its own.
func (m Message) Result(yield func()) (whatiflab.Result, error) {
	if err := m.finished(); err != nil {
		return whatiflab.Result{}, err
	}
	res := whatiflab.Result{Elapsed: m.Elapsed}
	var err error
	if res.A, err = whatif.DecodeWire(m.A); err != nil {
		return whatiflab.Result{}, err
	}
	if len(m.B) > 0 {
		if yield != nil {
			yield()
		}
		if res.B, err = whatif.DecodeWire(m.B); err != nil {
			return whatiflab.Result{}, err
		}
		res.Diff = whatif.Compare(res.A, res.B)
	}
	return res, nil
}

// finished is nil for a done message, the run's error (wrapping ErrRun)
// for an error message, and an error for any other.
func (m Message) finished() error {
	switch m.Kind {
	case KindError:
		return runError(m.Error)
	case KindDone:
		return nil
	}
	return fmt.Errorf("what-if worker: a %s message has no result", m.Kind)
}

// errorMessage is an error message worded by text in lang and, in Texts,
// in every language of the interface, so that a page showing it again
// after a switch of language has the words.
func errorMessage(lang string, text func(lang string) string) Message {
	m := Message{Kind: KindError, Error: text(lang), Texts: map[string]string{}}
	for _, l := range i18n.Languages() {
		m.Texts[l] = text(l)
	}
	return m
}

// runError is an error the worker worded: its text is the message, as is.
type runError string

func (e runError) Error() string { return string(e) }
func (e runError) Unwrap() error { return ErrRun }
