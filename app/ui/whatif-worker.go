package ui

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/labrun"
	"github.com/triggersim/triggersim/app/labwork"
	"github.com/triggersim/triggersim/app/whatiflab"
	"github.com/triggersim/triggersim/whatif"
)

// labWorker is the tab's what-if worker (web/labworker.js running
// app/worker): a run goes there whole, on a thread and a heap of its own,
// and the page only draws its progress and results. It is started when a
// what-if page mounts, so that a run does not wait for it, and ended when
// a run is cancelled, since a run in it cannot be stopped any other way;
// the next run starts it again. The page runs nothing itself: should the
// worker not start, the run says so (whatif.noWorker), and the next run
// tries again. The home page's dialogs use one of their own (dialogLab).
type labWorker struct {
	mu     sync.Mutex
	w      app.Value     // the Worker; nil before start and after stop
	fn     app.Func      // its message and error listener
	ready  chan struct{} // closed when it is ready
	gone   chan struct{} // closed when it is stopped
	failed bool          // it did not start: the run that started it fails
	lastID int
	// busy is the run the worker is making, nil when it is idle.
	busy *labMailbox
}

// labMailbox holds the messages of one run until its goroutine takes
// them.
type labMailbox struct {
	id     int
	queue  []labwork.Message
	notify chan struct{} // a message was queued (capacity 1)
}

func (mb *labMailbox) put(m labwork.Message) {
	mb.queue = append(mb.queue, m)
	select {
	case mb.notify <- struct{}{}:
	default:
	}
}

// labWorkerStart is how long a worker may take to start before the run
// gives up on it: it reads and compiles a 6 MB wasm on its own thread,
// well under a second on a slow machine.
const labWorkerStart = 20 * time.Second

// errNoWorker says the worker cannot take runs.
var errNoWorker = errors.New("the what-if worker is not available")

// workerStopped is the error of a run whose worker stopped under it (its
// program ended, or it threw): Detail is what the browser or the worker
// said, shown inside the page's own words (whatifErrText). The next run
// starts another worker.
type workerStopped struct{ Detail string }

func (e *workerStopped) Error() string { return "the what-if worker stopped: " + e.Detail }

// start starts the worker unless it runs already. It does nothing on the
// host, where there is none.
func (lw *labWorker) start() {
	if !app.IsClient {
		return
	}
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if lw.w != nil || lw.failed {
		return
	}
	ctor := app.Window().Get("Worker")
	if !ctor.Truthy() {
		lw.failed = true
		return
	}
	w := ctor.New("/web/labworker.js")
	// The listener only reads and queues: it runs on the page's event
	// loop, which must not wait for Go.
	var fn app.Func
	fn = app.FuncOf(func(_ app.Value, args []app.Value) any {
		ev := args[0]
		if ev.Get("type").String() == "error" {
			ev.Call("preventDefault")
			lw.hear(w, labwork.Message{Kind: labwork.KindError, Error: ev.Get("message").String()})
			return nil
		}
		// Only the head is read here; the KPIs beside it are copied as
		// they are and read by the run (labwork.Message).
		data := ev.Get("data")
		m, err := labwork.Decode([]byte(data.Get("head").String()))
		if err != nil {
			m = labwork.Message{Kind: labwork.KindError, Error: err.Error()}
		}
		if m.Kind == labwork.KindDone {
			m.A, m.B, m.Doc = jsBytes(data.Get("a")), jsBytes(data.Get("b")), jsBytes(data.Get("doc"))
			if runs := data.Get("runs"); !runs.IsNull() && !runs.IsUndefined() {
				m.Runs = make([][]byte, runs.Length())
				for i := range m.Runs {
					m.Runs[i] = []byte(runs.Index(i).String())
				}
			}
		}
		lw.hear(w, m)
		return nil
	})
	w.Call("addEventListener", "message", fn)
	w.Call("addEventListener", "error", fn)
	lw.w, lw.fn, lw.ready, lw.gone = w, fn, make(chan struct{}), make(chan struct{})
}

// hear takes a message of worker w (ignored when w has been stopped since).
func (lw *labWorker) hear(w app.Value, m labwork.Message) {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if lw.w == nil || !lw.w.Equal(w) {
		return
	}
	select {
	case <-lw.ready:
	default:
		// Before it is ready, a worker either says it is, or says why
		// it could not start.
		if m.Kind == labwork.KindReady {
			close(lw.ready)
		} else {
			lw.failed = true
			lw.stopLocked()
		}
		return
	}
	mb := lw.busy
	switch {
	case m.ID == 0 && m.Kind == labwork.KindError:
		// The worker itself failed: its run ends with the reason, and
		// the next run starts another.
		if mb != nil {
			mb.put(m)
		}
		lw.stopLocked()
	case mb != nil && m.ID == mb.id:
		mb.put(m)
	}
}

// stop ends the worker, to give its memory back: a wasm program's memory
// only grows, to what its largest run needed with the collector held off
// (the scenario read, and up to gcRoom of app/worker more). The next run
// or prepare starts another.
func (lw *labWorker) stop() {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	lw.stopLocked()
}

// stopLocked ends the worker; the next run starts another. A run it was
// making hears that it is gone.
func (lw *labWorker) stopLocked() {
	if lw.w == nil {
		return
	}
	lw.w.Call("terminate")
	// Messages it posted may still wait in the page's queue: the
	// listener goes before its function is released.
	lw.w.Call("removeEventListener", "message", lw.fn)
	lw.w.Call("removeEventListener", "error", lw.fn)
	lw.fn.Release()
	close(lw.gone)
	if lw.busy != nil {
		lw.busy.put(labwork.Message{ID: lw.busy.id, Kind: labwork.KindError, Error: errNoWorker.Error()})
	}
	lw.w, lw.fn, lw.busy = nil, nil, nil
}

// run makes req, one run, in the worker and waits for its results,
// calling progress with each report. It returns errNoWorker when the
// worker could not start, the context's error when cancelled (the worker
// is ended), or the run's error as the worker worded it.
func (lw *labWorker) run(ctx context.Context, req labwork.Request, progress func(whatiflab.Progress)) (whatiflab.Result, error) {
	m, err := lw.call(ctx, req, func(m labwork.Message) {
		if progress != nil {
			progress(m.Progress)
		}
	})
	if err != nil {
		return whatiflab.Result{}, err
	}
	whatifYield() // the KPIs are read in tasks of their own
	return m.Result(whatifYield)
}

// call sends req to the worker and waits for its last message (done or
// error), calling progress with each progress message. Its errors are
// run's.
func (lw *labWorker) call(ctx context.Context, req labwork.Request, progress func(labwork.Message)) (labwork.Message, error) {
	if !app.IsClient {
		return labwork.Message{}, errNoWorker
	}
	mb, err := lw.send(ctx, req)
	if err != nil {
		return labwork.Message{}, err
	}
	for {
		select {
		case <-ctx.Done():
			lw.mu.Lock()
			if lw.busy == mb {
				lw.stopLocked()
			}
			lw.mu.Unlock()
			return labwork.Message{}, ctx.Err()
		case <-mb.notify:
		}
		lw.mu.Lock()
		q := mb.queue
		mb.queue = nil
		lw.mu.Unlock()
		for _, m := range q {
			switch m.Kind {
			case labwork.KindProgress:
				if progress != nil {
					progress(m)
				}
			case labwork.KindDone, labwork.KindError:
				lw.mu.Lock()
				if lw.busy == mb {
					lw.busy = nil
				}
				lw.mu.Unlock()
				if m.Kind == labwork.KindError && m.ID == 0 {
					return labwork.Message{}, &workerStopped{Detail: m.Error}
				}
				return m, nil
			}
		}
	}
}

// send starts the worker if need be, waits until it is ready and posts
// req to it. A worker still making an older run (cancelled, its goroutine
// not yet woken) is ended first and another started: the page wants the
// newer run.
func (lw *labWorker) send(ctx context.Context, req labwork.Request) (*labMailbox, error) {
	timeout := time.NewTimer(labWorkerStart)
	defer timeout.Stop()
	// A worker that did not start before (a file that did not load) is
	// tried again for every run.
	lw.mu.Lock()
	lw.failed = false
	lw.mu.Unlock()
	for {
		lw.start()
		lw.mu.Lock()
		w, ready, gone, failed := lw.w, lw.ready, lw.gone, lw.failed
		lw.mu.Unlock()
		if failed || w == nil {
			return nil, errNoWorker
		}
		select {
		case <-ready:
		case <-gone: // it failed to start, or was stopped: look again
		case <-timeout.C:
			lw.mu.Lock()
			if lw.w != nil && lw.w.Equal(w) {
				lw.failed = true
				lw.stopLocked()
			}
			lw.mu.Unlock()
			return nil, errNoWorker
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		lw.mu.Lock()
		switch {
		case lw.w == nil || !lw.w.Equal(w):
			// Failed or stopped while this run waited: look again.
			lw.mu.Unlock()
			continue
		case lw.busy != nil:
			lw.stopLocked()
			lw.mu.Unlock()
			continue
		}
		lw.lastID++
		req.ID = lw.lastID
		mb := &labMailbox{id: req.ID, notify: make(chan struct{}, 1)}
		err := post(w, req)
		if err == nil {
			lw.busy = mb
		}
		lw.mu.Unlock()
		return mb, err
	}
}

// prepare has the worker read a scenario file ahead of its runs
// (labwork.Request.Prepare), once it is ready and unless it is making a
// run. It does not wait: the goroutine it starts ends when the file is
// sent, or when the worker cannot take it.
func (lw *labWorker) prepare(data []byte) {
	if !app.IsClient || data == nil {
		return
	}
	lw.start()
	lw.mu.Lock()
	w, ready, gone := lw.w, lw.ready, lw.gone
	lw.mu.Unlock()
	if w == nil {
		return
	}
	go func() {
		select {
		case <-ready:
		case <-gone:
			return
		case <-time.After(labWorkerStart):
			return
		}
		lw.mu.Lock()
		defer lw.mu.Unlock()
		if lw.w == nil || !lw.w.Equal(w) || lw.busy != nil {
			return
		}
		lw.lastID++
		_ = post(w, labwork.Request{ID: lw.lastID, A: data, Prepare: true})
	}()
}

// jsBytes is a string of a message as bytes; nil when absent.
func jsBytes(v app.Value) []byte {
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	return []byte(v.String())
}

// post sends req to worker w: its JSON, and its files as Uint8Arrays
// whose buffers are handed over, not copied again.
func post(w app.Value, req labwork.Request) error {
	head, err := json.Marshal(req)
	if err != nil {
		return err
	}
	msg := app.Window().Get("Object").New()
	msg.Set("req", string(head))
	var transfer []any
	bytes := func(data []byte) app.Value {
		arr := app.Window().Get("Uint8Array").New(len(data))
		app.CopyBytesToJS(arr, data)
		transfer = append(transfer, arr.Get("buffer"))
		return arr
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"a", req.A}, {"b", req.B}, {"replay", req.Replay}} {
		if f.data == nil {
			msg.Set(f.name, nil)
			continue
		}
		msg.Set(f.name, bytes(f.data))
	}
	if req.Files != nil {
		files := make([]any, len(req.Files))
		for i, data := range req.Files {
			files[i] = bytes(data)
		}
		msg.Set("files", files)
	}
	w.Call("postMessage", msg, transfer)
	return nil
}

// labPool is the tab's workers for the lab's replications and sweeps,
// apart from the one of its single runs (Tab.lab): a batch is split
// between them (labwork.Batch), each on a core of its own.
type labPool struct {
	mu      sync.Mutex
	workers []*labWorker
}

// labMaxParts bounds the workers of a batch: each holds its own copy of
// the scenario (a 10 000-deal scenario is tens of megabytes in each).
const labMaxParts = 4

// parts is how many workers a batch of n runs gets: one per core the
// browser reports (at least one, at most labMaxParts and n).
func (lp *labPool) parts(n int) int {
	cores := 1
	if app.IsClient {
		if hc := app.Window().Get("navigator").Get("hardwareConcurrency"); hc.Truthy() {
			cores = hc.Int()
		}
	}
	return max(1, min(cores, labMaxParts, n))
}

// worker is the pool's worker i, made (not started) on first use.
func (lp *labPool) worker(i int) *labWorker {
	lp.mu.Lock()
	defer lp.mu.Unlock()
	for len(lp.workers) <= i {
		lp.workers = append(lp.workers, &labWorker{})
	}
	return lp.workers[i]
}

// batch runs the lab's batch of n runs split between parts workers of
// the pool and gives the n runs' KPIs in the plan's order. progress gets
// the runs done and the share of the whole work done, from the parts'
// reports. It returns errNoWorker when a worker could not start;
// cancelling ctx ends the workers.
func (lp *labPool) batch(ctx context.Context, req labwork.Request, form labrun.Form, n, parts int, progress func(done int, fraction float64)) ([]*whatif.KPIs, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The parts' workers are ended once the batch is over, so that the
	// tab does not keep up to labMaxParts heaps of the scenario's size.
	defer func() {
		for p := range parts {
			lp.worker(p).stop()
		}
	}()
	type report struct {
		part     int
		done     int
		fraction float64
		ks       []*whatif.KPIs
		err      error
		last     bool
	}
	reports := make(chan report, 64)
	for p := range parts {
		r := req
		r.Batch = &labwork.Batch{Form: form, Part: p, Parts: parts}
		go func() {
			m, err := lp.worker(p).call(ctx, r, func(m labwork.Message) {
				select {
				case reports <- report{part: p, done: m.Done, fraction: m.Fraction}:
				default: // a report may be dropped, never the last one
				}
			})
			var ks []*whatif.KPIs
			if err == nil {
				ks, err = m.BatchResult(whatifYield)
			}
			reports <- report{part: p, ks: ks, err: err, last: true}
		}()
	}
	done, fractions, share := make([]int, parts), make([]float64, parts), make([]int, parts)
	for p := range parts {
		share[p] = (n - p + parts - 1) / parts // jobs p, p+parts…
	}
	results := make([][]*whatif.KPIs, parts)
	var first error
	for left := parts; left > 0; {
		r := <-reports
		if !r.last {
			done[r.part], fractions[r.part] = r.done, r.fraction
			if progress != nil {
				d, f := 0, 0.0
				for p := range parts {
					d += done[p]
					f += fractions[p] * float64(share[p])
				}
				progress(d, f/float64(n))
			}
			continue
		}
		left--
		if r.err != nil && (first == nil || errors.Is(r.err, errNoWorker)) {
			first = r.err
			cancel() // the other parts are of no use now
		}
		results[r.part] = r.ks
	}
	if first != nil {
		return nil, first
	}
	return labwork.Merge(results, n)
}
