// Package whatiflab is the logic of the what-if lab page (/whatif): it runs
// variant A alone (whatif.Run) or A and B on the same traffic
// (whatif.RunAB), reports progress with an estimate of the time left, stops
// when cancelled, and turns the KPIs into the page's headline tiles. The
// page only shows what it reports and sends the user's intents.
//
// It is plain Go, run whole by the lab's worker (app/labwork), which has a
// thread of its own: the page runs no simulation. The clock is injected,
// so the tests run on the host.
package whatiflab

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

// Defaults of a Lab.
const (
	// DefaultEvery bounds how often progress is reported.
	DefaultEvery = 100 * time.Millisecond
	// etaAfter and etaFraction: no estimate of the time left before the run
	// has worked this long and done this share (it would only jump).
	etaAfter    = 150 * time.Millisecond
	etaFraction = 0.03
	// MaxDays bounds the horizon a page may ask for.
	MaxDays = 3650
)

// Progress is what the page shows while a run goes on.
type Progress struct {
	// Percent of the whole run (both variants when comparing).
	Percent int
	// Variant is 0 while A runs, 1 while B runs.
	Variant int
	// Day of Days of the running variant's horizon.
	Day, Days int
	// Left is the estimated time left; 0 when there is no estimate yet.
	Left time.Duration
}

// Result is a finished run.
type Result struct {
	// A and B are the variants' KPIs; B is nil when A ran alone.
	A, B *whatif.KPIs
	// Diff compares A and B (empty without B).
	Diff whatif.Diff
	// Elapsed is the wall-clock time the run took.
	Elapsed time.Duration
}

// Lab runs what-if simulations for a page. The zero value works (wall
// clock, default reporting interval).
type Lab struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Every bounds how often progress is reported; 0 means DefaultEvery.
	Every time.Duration
}

// Run runs a alone, or a and b on a's traffic when b is not nil. progress
// (optional) is called at most every l.Every. Cancelling ctx stops the
// run with ctx's error.
func (l Lab) Run(ctx context.Context, a, b *engine.Scenario, opt whatif.Options, progress func(Progress)) (Result, error) {
	now := l.Now
	if now == nil {
		now = time.Now
	}
	every := l.Every
	if every <= 0 {
		every = DefaultEvery
	}
	began := now()
	var lastReport time.Time
	report := func(done, total time.Duration) {
		if progress == nil {
			return
		}
		t := now()
		if total <= 0 || t.Sub(lastReport) < every || done >= total {
			return
		}
		lastReport = t
		progress(measure(done, total, b != nil, t.Sub(began)))
	}
	pace := whatif.Pace{Steps: StepChunk}
	var res Result
	var err error
	if b == nil {
		res.A, err = whatif.RunPaced(ctx, a, opt, pace, report)
	} else {
		res.A, res.B, res.Diff, err = whatif.RunABPaced(ctx, a, b, opt, pace, report)
	}
	if err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	res.Elapsed = now().Sub(began)
	return res, nil
}

// StepChunk is how many runner steps (an event with its cascade, or a due
// robot) the worker makes between two looks at the clock and the
// context, in a run and in a part of a batch (labwork): about a
// millisecond of a 10 000-deal run, well under the progress interval.
// Reading the clock is a call out of wasm into JavaScript; at every 16
// steps (when the page ran simulations itself and had to yield often) it
// was about 1 % of a run.
const StepChunk = 256

// measure turns the runs' done and total (both variants together when
// comparing) into a Progress after elapsed of work.
func measure(done, total time.Duration, ab bool, elapsed time.Duration) Progress {
	frac := float64(done) / float64(total)
	p := Progress{Percent: int(frac*100 + 0.5)}
	horizon := total
	if ab {
		horizon = total / 2
		if done >= horizon {
			p.Variant, done = 1, done-horizon
		}
	}
	p.Day, p.Days = int(done/(24*time.Hour)), int(horizon/(24*time.Hour))
	if frac > etaFraction && elapsed > etaAfter {
		p.Left = time.Duration(float64(elapsed) * (1 - frac) / frac)
	}
	return p
}

// Options reads the page's seed and horizon fields: a seed is a whole
// number ≥ 0, a horizon a whole number of days ≥ 1 (at most MaxDays);
// anything else leaves the scenario's own value.
func Options(seed, days, lang string, replay []engine.Event) whatif.Options {
	opt := whatif.Options{Lang: lang, Replay: replay}
	if n, err := strconv.Atoi(strings.TrimSpace(seed)); err == nil && n >= 0 {
		opt.Seed, opt.SeedSet = n, true
	}
	if n, err := strconv.Atoi(strings.TrimSpace(days)); err == nil && n > 0 {
		opt.Days = min(n, MaxDays)
	}
	return opt
}

// ErrText words a run's error in lang when it is a run past the work
// budget (how big, what to lower), a traffic model's mistake or a
// scenario's problems; other errors as they are. The page and the lab's
// worker both word errors with it, so a run says the same wherever it ran.
func ErrText(lang string, err error) string {
	var be *whatif.BudgetError
	if errors.As(err, &be) {
		return be.Message(lang)
	}
	var me *whatif.ModelError
	if errors.As(err, &me) {
		return me.Text(lang)
	}
	var es engine.Errors
	if errors.As(err, &es) {
		return es.Text(lang)
	}
	return err.Error()
}
