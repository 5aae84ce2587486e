package whatif

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
)

// Replications: the same traffic model run with several seeds, so that a KPI
// is reported as a mean with a confidence interval rather than as the one
// number of one seeded run. Run i uses seed s+i, where s is the model's (or
// Options') seed; an A/B comparison gives both variants the same seeds
// (common random numbers), so the per-seed differences are paired.
//
// The runs are independent jobs. RunJobs spreads them over goroutines (the
// command line); a Batch runs them one slice at a time (the browser). Both
// store run i's KPIs at index i, so the summaries do not depend on the
// order in which the runs finished.

// MaxRuns bounds the replications of one experiment, MaxJobs the runs of a
// whole sweep (points × runs × variants): beyond them a browser tab, and
// the patience of whoever waits, give out.
const (
	MaxRuns = 1000
	MaxJobs = 20000
)

// ErrTooMuchWork is returned when an experiment asks for more runs than
// MaxRuns or MaxJobs.
var ErrTooMuchWork = errors.New("whatif: too many runs")

// Job is one run of an experiment.
type Job struct {
	Scenario *engine.Scenario
	Options  Options
}

// BaseSeed is the seed of run 0: Options' seed when set, else the model's.
func BaseSeed(sc *engine.Scenario, opt Options) int {
	if opt.SeedSet {
		return opt.Seed
	}
	if opt.Model != nil {
		return opt.Model.Seed
	}
	if sc.WhatIf != nil {
		return sc.WhatIf.Seed
	}
	return 0
}

// SeedJobs returns the jobs of runs replications of sc: seeds base, base+1, ….
func SeedJobs(sc *engine.Scenario, opt Options, runs int) []Job {
	base := BaseSeed(sc, opt)
	jobs := make([]Job, runs)
	for i := range jobs {
		o := opt
		o.Seed, o.SeedSet = base+i, true
		jobs[i] = Job{Scenario: sc, Options: o}
	}
	return jobs
}

// checkRuns refuses a number of runs outside 1 … MaxRuns.
func checkRuns(runs int) error {
	if runs < 1 || runs > MaxRuns {
		return fmt.Errorf("%w: %d runs; expected 1 to %d", ErrTooMuchWork, runs, MaxRuns)
	}
	return nil
}

// RunJobs runs every job on up to workers goroutines (0: one per CPU) and
// returns their KPIs in job order. progress, when not nil, is called from
// the calling goroutine after each finished run with the number done. The
// first error (in job order) stops the rest.
func RunJobs(ctx context.Context, jobs []Job, workers int, progress func(done, total int)) ([]*KPIs, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(jobs))
	// Every run keeps its items to the end: run only as many side by side
	// as keep the items in flight under MaxItems.
	if most := EstimateJobs(jobs).Items; most > 0 {
		workers = max(1, min(workers, int(MaxItems/most)))
	}
	out := make([]*KPIs, len(jobs))
	errs := make([]error, len(jobs))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	finished := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = Run(ctx, jobs[i].Scenario, jobs[i].Options, nil)
				if errs[i] != nil {
					cancel()
				}
				finished <- i
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(finished) }()
	done := 0
	for range finished {
		done++
		if progress != nil {
			progress(done, len(jobs))
		}
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil && done < len(jobs) {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Batch runs jobs one after the other in slices of work, for a caller
// that must stay responsive (the browser): call Step until it returns
// false, then Results. Stop calling Step to cancel.
type Batch struct {
	jobs []Job
	cur  *Runner
	i    int
	out  []*KPIs
	err  error
}

// NewBatch prepares the jobs; nothing runs yet.
func NewBatch(jobs []Job) *Batch { return &Batch{jobs: jobs, out: make([]*KPIs, len(jobs))} }

// Step does up to n units of work (see Runner.Step), starting the next run
// when one ends. It returns false when every run is done or one failed.
func (b *Batch) Step(n int) bool {
	for n > 0 && b.err == nil && b.i < len(b.jobs) {
		if b.cur == nil {
			r, err := NewRunner(b.jobs[b.i].Scenario, b.jobs[b.i].Options)
			if err != nil {
				b.err = err
				return false
			}
			b.cur = r
		}
		if b.cur.Step(n) {
			return true
		}
		if err := b.cur.Err(); err != nil {
			b.err = err
			return false
		}
		b.out[b.i] = b.cur.KPIs()
		b.cur = nil
		b.i++
		n = 0 // one finished run per slice: its KPIs take time too
	}
	return b.err == nil && b.i < len(b.jobs)
}

// Progress is the share of the work done, from 0 to 1, counting the
// current run's virtual clock.
func (b *Batch) Progress() (runsDone, runs int, fraction float64) {
	runs = len(b.jobs)
	if runs == 0 {
		return 0, 0, 1
	}
	f := float64(b.i)
	if b.cur != nil {
		d, t := b.cur.Progress()
		if t > 0 {
			f += float64(d) / float64(t)
		}
	}
	return b.i, runs, f / float64(runs)
}

// Results are the KPIs of every run in job order, once Step returned false.
func (b *Batch) Results() ([]*KPIs, error) {
	if b.err != nil {
		return nil, b.err
	}
	if b.i < len(b.jobs) {
		return nil, errors.New("whatif: the batch is not finished")
	}
	return b.out, nil
}

// ---- summaries ----

// MetricEstimate is one metric over the runs.
type MetricEstimate struct {
	Key  string      `json:"key"`
	Kind format.Kind `json:"kind"`
	Estimate
}

// Summary is one variant over several runs: every metric of Metrics as a
// mean with its 95 % interval. A metric missing from a run (a loop that
// did not happen) counts as 0 there.
type Summary struct {
	Runs int `json:"runs"`
	// Seeds are the first and the last seed.
	Seeds   [2]int           `json:"seeds"`
	Level   float64          `json:"level"`
	Metrics []MetricEstimate `json:"metrics"`
}

// Get returns the estimate of a metric key.
func (s *Summary) Get(key string) (Estimate, bool) {
	for _, m := range s.Metrics {
		if m.Key == key {
			return m.Estimate, true
		}
	}
	return Estimate{}, false
}

// metricTable lines up the metrics of several runs: keys in order of
// first appearance (run 0's order first), values per key per run, and
// each key's kind.
func metricTable(runs []*KPIs) (keys []string, vals map[string][]float64, kinds map[string]format.Kind) {
	vals = map[string][]float64{}
	kinds = map[string]format.Kind{}
	for i, k := range runs {
		for _, m := range Metrics(k) {
			v := vals[m.Key]
			if v == nil {
				keys = append(keys, m.Key)
				v = make([]float64, len(runs))
				vals[m.Key] = v
				kinds[m.Key] = m.Kind
			}
			v[i] = m.Value
		}
	}
	return keys, vals, kinds
}

// Summarize estimates every metric over runs.
func Summarize(runs []*KPIs) *Summary {
	s := &Summary{Runs: len(runs), Level: Level, Metrics: []MetricEstimate{}}
	if len(runs) > 0 {
		s.Seeds = [2]int{runs[0].Seed, runs[len(runs)-1].Seed}
	}
	keys, vals, kinds := metricTable(runs)
	for _, key := range keys {
		s.Metrics = append(s.Metrics, MetricEstimate{Key: key, Kind: kinds[key], Estimate: estimate(vals[key])})
	}
	return s
}

// PairedRow is one metric of two variants run on the same seeds: the mean
// of each, and the mean of the per-seed differences B − A with its
// interval. Significant is true when that interval excludes zero.
type PairedRow struct {
	Key         string      `json:"key"`
	Kind        format.Kind `json:"kind"`
	A           Estimate    `json:"a"`
	B           Estimate    `json:"b"`
	Delta       Estimate    `json:"delta"`
	Significant bool        `json:"significant"`
}

// PairedDiff compares two variants over the same seeds.
type PairedDiff struct {
	Runs        int         `json:"runs"`
	Seeds       [2]int      `json:"seeds"`
	Level       float64     `json:"level"`
	Rows        []PairedRow `json:"rows"`
	Significant int         `json:"significant"`
}

// Pair compares the runs of variant A and B; run i of each must have used
// the same seed. Keys are A's in A's order, then those only B has.
func Pair(a, b []*KPIs) (*PairedDiff, error) {
	if len(a) != len(b) {
		return nil, fmt.Errorf("whatif: %d runs of A and %d of B", len(a), len(b))
	}
	for i := range a {
		if a[i].Seed != b[i].Seed {
			return nil, fmt.Errorf("whatif: run %d has seed %d in A and %d in B", i, a[i].Seed, b[i].Seed)
		}
	}
	d := &PairedDiff{Runs: len(a), Level: Level, Rows: []PairedRow{}}
	if len(a) > 0 {
		d.Seeds = [2]int{a[0].Seed, a[len(a)-1].Seed}
	}
	ka, va, kinds := metricTable(a)
	kb, vb, kindsB := metricTable(b)
	for k, kind := range kindsB {
		if _, ok := kinds[k]; !ok {
			kinds[k] = kind
		}
	}
	keys := append([]string(nil), ka...)
	for _, k := range kb {
		if va[k] == nil {
			keys = append(keys, k)
		}
	}
	zero := make([]float64, len(a))
	for _, key := range keys {
		xa, xb := va[key], vb[key]
		if xa == nil {
			xa = zero
		}
		if xb == nil {
			xb = zero
		}
		delta := make([]float64, len(a))
		for i := range delta {
			delta[i] = float64(xb[i] - xa[i])
		}
		r := PairedRow{Key: key, Kind: kinds[key], A: estimate(xa), B: estimate(xb), Delta: estimate(delta)}
		r.Significant = len(a) > 1 && r.Delta.Excludes(0)
		if r.Significant {
			d.Significant++
		}
		d.Rows = append(d.Rows, r)
	}
	return d, nil
}

// Replicate runs sc runs times (seeds base … base+runs−1) on up to workers
// goroutines and summarises the metrics.
func Replicate(ctx context.Context, sc *engine.Scenario, opt Options, runs, workers int, progress func(done, total int)) (*Summary, []*KPIs, error) {
	if err := checkRuns(runs); err != nil {
		return nil, nil, err
	}
	jobs := SeedJobs(sc, opt, runs)
	if err := CheckJobs(jobs); err != nil {
		return nil, nil, err
	}
	ks, err := RunJobs(ctx, jobs, workers, progress)
	if err != nil {
		return nil, nil, err
	}
	return Summarize(ks), ks, nil
}

// ABJobs are the jobs of a replicated A/B comparison: A's runs, then B's,
// both on A's model (or the replayed history) with the same seeds.
func ABJobs(a, b *engine.Scenario, opt Options, runs int) ([]Job, error) {
	if opt.Model == nil {
		opt.Model = a.WhatIf
	}
	if opt.Model == nil && opt.Replay == nil {
		return nil, ErrNoModel
	}
	if opt.Replay == nil {
		if err := CheckModel(b, opt.Model); err != nil {
			return nil, err
		}
	}
	return append(SeedJobs(a, opt, runs), SeedJobs(b, opt, runs)...), nil
}

// ReplicateAB runs both variants runs times on the same seeds and pairs
// the results.
func ReplicateAB(ctx context.Context, a, b *engine.Scenario, opt Options, runs, workers int, progress func(done, total int)) (*PairedDiff, error) {
	if err := checkRuns(runs); err != nil {
		return nil, err
	}
	jobs, err := ABJobs(a, b, opt, runs)
	if err != nil {
		return nil, err
	}
	if err := CheckJobs(jobs); err != nil {
		return nil, err
	}
	ks, err := RunJobs(ctx, jobs, workers, progress)
	if err != nil {
		return nil, err
	}
	return Pair(ks[:runs], ks[runs:])
}
