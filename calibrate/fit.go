package calibrate

import (
	"context"
	"errors"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

// The fit report: the fitted scenario is run (several seeds) and its
// stage entries are measured exactly as the history's are, up to the
// history's last record, so that every number is compared like with like.

type step struct {
	stage string
	at    time.Time
}

// trajectory is one item's stage entries; arrived is true when the item
// was created within the history (observed) or the run (simulated).
type trajectory struct {
	entity  string
	arrived bool
	steps   []step
}

// sample is a set of trajectories from runs runs (1 for the history).
type sample struct {
	items []trajectory
	runs  int
}

type transition struct{ entity, from, to string }

// measures are what the report compares; counts are per run.
type measures struct {
	arrivals map[string]float64
	arrived  map[string]int // total over the runs, for shares
	finals   map[itemStage]int
	stays    map[itemStage][]int64
	trans    map[transition]float64
	cycle    []float64 // seconds from creation to the first final stage
	arrAt    []float64 // hours from the start
}

// measure takes the arrived items' entries up to end.
func (s *sample) measure(start, end time.Time, sem func(entity, stage string) string) measures {
	m := measures{arrivals: map[string]float64{}, arrived: map[string]int{}, finals: map[itemStage]int{},
		stays: map[itemStage][]int64{}, trans: map[transition]float64{}}
	per := 1 / float64(max(s.runs, 1))
	for _, tr := range s.items {
		if !tr.arrived || len(tr.steps) == 0 || tr.steps[0].at.After(end) {
			continue
		}
		steps := tr.steps
		for len(steps) > 0 && steps[len(steps)-1].at.After(end) {
			steps = steps[:len(steps)-1]
		}
		m.arrivals[tr.entity] += per
		m.arrived[tr.entity]++
		m.arrAt = append(m.arrAt, steps[0].at.Sub(start).Hours())
		for i, st := range steps {
			if i+1 < len(steps) {
				k := itemStage{tr.entity, st.stage}
				m.stays[k] = append(m.stays[k], int64(steps[i+1].at.Sub(st.at)/time.Second))
				m.trans[transition{tr.entity, st.stage, steps[i+1].stage}] += per
			}
		}
		for _, st := range steps {
			if s := sem(tr.entity, st.stage); s == engine.Success || s == engine.Failure {
				m.cycle = append(m.cycle, st.at.Sub(steps[0].at).Seconds())
				break
			}
		}
		last := steps[len(steps)-1].stage
		if s := sem(tr.entity, last); s == engine.Success || s == engine.Failure {
			m.finals[itemStage{tr.entity, last}]++
		}
	}
	return m
}

// Report is the fit of a calibrated scenario to its history.
type Report struct {
	// Runs of the fitted scenario (seeds 1 …).
	Runs int `json:"runs"`
	// From and To are the history's first and last record; the simulated
	// runs are measured over the same window.
	From string `json:"from"`
	To   string `json:"to"`
	// Records and Items of the history.
	Records  int          `json:"records"`
	Arrivals []ArrivalFit `json:"arrivals"`
	Finals   []ShareFit   `json:"finals"`
	Stages   []StageFit   `json:"stages"`
	// Transitions are the moves between stages per run, observed and
	// simulated; TransitionDiff is Σ|simulated − observed| / Σ observed.
	Transitions    []TransitionFit `json:"transitions"`
	TransitionDiff float64         `json:"transitionDiff"`
	// CycleEMDSec is the earth mover's distance between the observed and
	// simulated times from creation to the first final stage, in seconds;
	// CycleMeanSec the observed mean, for scale. ArrivalEMDHours is the
	// distance between the arrival times (hours from the start).
	CycleEMDSec     float64  `json:"cycleEmdSec"`
	CycleMeanSec    float64  `json:"cycleMeanSec"`
	ArrivalEMDHours float64  `json:"arrivalEmdHours"`
	Notes           []string `json:"notes"`
}

// ArrivalFit compares the items created in the window.
type ArrivalFit struct {
	Entity    string          `json:"entity"`
	Observed  int             `json:"observed"`
	Simulated whatif.Estimate `json:"simulated"`
	// Diff is simulated / observed − 1.
	Diff float64 `json:"diff"`
}

// ShareFit compares the share of the created items that ended in a final
// stage.
type ShareFit struct {
	Entity    string  `json:"entity"`
	Stage     string  `json:"stage"`
	Name      string  `json:"name"`
	Semantics string  `json:"semantics"`
	Observed  float64 `json:"observed"`
	Simulated float64 `json:"simulated"`
}

// StageFit compares the completed stays in a stage (median and p90 by the
// nearest rank).
type StageFit struct {
	Entity       string  `json:"entity"`
	Stage        string  `json:"stage"`
	Name         string  `json:"name"`
	ObservedN    int     `json:"observedN"`
	SimulatedN   float64 `json:"simulatedN"` // per run
	ObservedMed  int64   `json:"observedMedianSec"`
	SimulatedMed int64   `json:"simulatedMedianSec"`
	ObservedP90  int64   `json:"observedP90Sec"`
	SimulatedP90 int64   `json:"simulatedP90Sec"`
}

// TransitionFit is one move between stages.
type TransitionFit struct {
	Entity    string  `json:"entity"`
	From      string  `json:"from"`
	To        string  `json:"to"`
	Observed  float64 `json:"observed"`
	Simulated float64 `json:"simulated"`
}

// DefaultRuns is the number of runs of a fit report.
const DefaultRuns = 5

// jobs are the traced runs of the fitted scenario.
func (c *Calibration) jobs(runs int) []whatif.Job {
	return whatif.SeedJobs(c.Scenario, whatif.Options{Trace: true, Seed: 1, SeedSet: true}, runs)
}

// Fit runs the fitted scenario runs times on up to workers goroutines (0:
// one per CPU) and compares it with the history.
func (c *Calibration) Fit(ctx context.Context, runs, workers int) (*Report, error) {
	if runs < 1 || runs > whatif.MaxRuns {
		return nil, whatif.ErrTooMuchWork
	}
	jobs := c.jobs(runs)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type result struct {
		k     *whatif.KPIs
		trace []whatif.Step
		err   error
	}
	out := make([]result, runs)
	var wg sync.WaitGroup
	next := make(chan int, runs)
	for i := range jobs {
		next <- i
	}
	close(next)
	for w := 0; w < min(workers, runs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r, err := whatif.NewRunner(jobs[i].Scenario, jobs[i].Options)
				if err != nil {
					out[i].err = err
					continue
				}
				for r.Step(2000) {
					if err := ctx.Err(); err != nil {
						out[i].err = err
						break
					}
				}
				if out[i].err == nil {
					out[i].err = r.Err()
				}
				out[i].k, out[i].trace = r.KPIs(), r.Trace()
			}
		}()
	}
	wg.Wait()
	ks := make([]*whatif.KPIs, runs)
	traces := make([][]whatif.Step, runs)
	for i, r := range out {
		if r.err != nil {
			return nil, r.err
		}
		ks[i], traces[i] = r.k, r.trace
	}
	return c.report(ks, traces), nil
}

// Fitter runs the fit in slices, for the browser: call Step until it
// returns false, then Report.
type Fitter struct {
	c      *Calibration
	jobs   []whatif.Job
	cur    *whatif.Runner
	i      int
	ks     []*whatif.KPIs
	traces [][]whatif.Step
	err    error
}

// NewFitter prepares runs traced runs.
func (c *Calibration) NewFitter(runs int) *Fitter {
	runs = min(max(runs, 1), whatif.MaxRuns)
	return &Fitter{c: c, jobs: c.jobs(runs), ks: make([]*whatif.KPIs, runs), traces: make([][]whatif.Step, runs)}
}

// Step does up to n units of work; false when done (or failed).
func (f *Fitter) Step(n int) bool {
	if f.err != nil || f.i >= len(f.jobs) {
		return false
	}
	if f.cur == nil {
		f.cur, f.err = whatif.NewRunner(f.jobs[f.i].Scenario, f.jobs[f.i].Options)
		if f.err != nil {
			return false
		}
	}
	if !f.cur.Step(n) {
		if f.err = f.cur.Err(); f.err != nil {
			return false
		}
		f.ks[f.i], f.traces[f.i] = f.cur.KPIs(), f.cur.Trace()
		f.cur = nil
		f.i++
	}
	return f.i < len(f.jobs)
}

// Progress is the share of the runs done, from 0 to 1.
func (f *Fitter) Progress() float64 {
	p := float64(f.i)
	if f.cur != nil {
		d, t := f.cur.Progress()
		if t > 0 {
			p += float64(d) / float64(t)
		}
	}
	return p / float64(len(f.jobs))
}

// Report is the fit, once Step returned false.
func (f *Fitter) Report() (*Report, error) {
	if f.err != nil {
		return nil, f.err
	}
	if f.i < len(f.jobs) {
		return nil, errors.New("calibrate: the fit is not finished")
	}
	return f.c.report(f.ks, f.traces), nil
}

func (c *Calibration) semantics(entity, stage string) string {
	st, _, ok := c.Scenario.FindStage(entity, stage)
	if !ok {
		return ""
	}
	return st.Semantics
}

func (c *Calibration) stageName(entity, stage string) string {
	st, _, _ := c.Scenario.FindStage(entity, stage)
	return st.Name
}

// report compares the runs with the history.
func (c *Calibration) report(ks []*whatif.KPIs, traces [][]whatif.Step) *Report {
	sim := &sample{runs: len(ks)}
	perRun := make([]map[string]int, len(ks))
	for r, tr := range traces {
		perRun[r] = map[string]int{}
		idx := map[int]int{}
		for _, s := range tr {
			j, ok := idx[s.Item]
			if !ok {
				j = len(sim.items)
				idx[s.Item] = j
				sim.items = append(sim.items, trajectory{entity: s.Entity, arrived: true})
				if !s.At.After(c.To) {
					perRun[r][s.Entity]++
				}
			}
			sim.items[j].steps = append(sim.items[j].steps, step{stage: s.Stage, at: s.At})
		}
	}
	start := c.Scenario.Start
	om := c.observed.measure(start, c.To, c.semantics)
	sm := sim.measure(start, c.To, c.semantics)
	rep := &Report{Runs: len(ks), From: c.From.Format(time.RFC3339), To: c.To.Format(time.RFC3339), Records: c.Records,
		Arrivals: []ArrivalFit{}, Finals: []ShareFit{}, Stages: []StageFit{}, Transitions: []TransitionFit{}, Notes: c.Notes}
	if rep.Notes == nil {
		rep.Notes = []string{}
	}
	for _, e := range c.Scenario.Entities {
		if om.arrived[e.Type] == 0 && sm.arrived[e.Type] == 0 {
			continue
		}
		counts := make([]*whatif.KPIs, len(ks))
		for r := range ks {
			counts[r] = &whatif.KPIs{Seed: ks[r].Seed, Arrived: perRun[r][e.Type]}
		}
		est, _ := whatif.Summarize(counts).Get("arrived")
		af := ArrivalFit{Entity: e.Type, Observed: om.arrived[e.Type], Simulated: est}
		if af.Observed > 0 {
			af.Diff = est.Mean/float64(af.Observed) - 1
		}
		rep.Arrivals = append(rep.Arrivals, af)
		for _, p := range e.Pipelines {
			for _, st := range p.Stages {
				k := itemStage{e.Type, st.ID}
				if st.Semantics == engine.Success || st.Semantics == engine.Failure {
					sf := ShareFit{Entity: e.Type, Stage: st.ID, Name: st.Name, Semantics: st.Semantics}
					if n := om.arrived[e.Type]; n > 0 {
						sf.Observed = float64(om.finals[k]) / float64(n)
					}
					if n := sm.arrived[e.Type]; n > 0 {
						sf.Simulated = float64(sm.finals[k]) / float64(n)
					}
					rep.Finals = append(rep.Finals, sf)
				}
				o, s := om.stays[k], sm.stays[k]
				if len(o) == 0 && len(s) == 0 {
					continue
				}
				fit := StageFit{Entity: e.Type, Stage: st.ID, Name: st.Name, ObservedN: len(o), SimulatedN: float64(len(s)) / float64(len(ks))}
				fit.ObservedMed, fit.ObservedP90 = quantiles(o)
				fit.SimulatedMed, fit.SimulatedP90 = quantiles(s)
				rep.Stages = append(rep.Stages, fit)
			}
		}
	}
	keys := map[transition]bool{}
	for k := range om.trans {
		keys[k] = true
	}
	for k := range sm.trans {
		keys[k] = true
	}
	var tk []transition
	for k := range keys {
		tk = append(tk, k)
	}
	sort.Slice(tk, func(i, j int) bool {
		a, b := om.trans[tk[i]], om.trans[tk[j]]
		if a != b {
			return a > b
		}
		if tk[i].entity != tk[j].entity {
			return tk[i].entity < tk[j].entity
		}
		if tk[i].from != tk[j].from {
			return tk[i].from < tk[j].from
		}
		return tk[i].to < tk[j].to
	})
	sumObs, sumDiff := 0.0, 0.0
	for _, k := range tk {
		o, s := om.trans[k], sm.trans[k]
		rep.Transitions = append(rep.Transitions, TransitionFit{Entity: k.entity, From: k.from, To: k.to, Observed: o, Simulated: round4(s)})
		sumObs += o
		if o > s {
			sumDiff += o - s
		} else {
			sumDiff += s - o
		}
	}
	if sumObs > 0 {
		rep.TransitionDiff = round4(sumDiff / sumObs)
	}
	rep.CycleEMDSec = round4(emd(om.cycle, sm.cycle))
	rep.CycleMeanSec = round4(mean(om.cycle))
	rep.ArrivalEMDHours = round4(emd(om.arrAt, sm.arrAt))
	return rep
}

// quantiles are the median and the 90th percentile by the nearest rank.
func quantiles(xs []int64) (med, p90 int64) {
	if len(xs) == 0 {
		return 0, 0
	}
	s := append([]int64(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	rank := func(tenths int) int64 {
		i := (tenths*len(s)+9)/10 - 1
		return s[min(max(i, 0), len(s)-1)]
	}
	return rank(5), rank(9)
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// emd is the earth mover's (Wasserstein-1) distance between two samples
// of a one-dimensional distribution: ∫ |F_a(x) − F_b(x)| dx. 0 when either
// is empty.
func emd(a, b []float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	a = append([]float64(nil), a...)
	b = append([]float64(nil), b...)
	sort.Float64s(a)
	sort.Float64s(b)
	i, j := 0, 0
	na, nb := float64(len(a)), float64(len(b))
	x := min(a[0], b[0])
	dist := 0.0
	for i < len(a) || j < len(b) {
		var nx float64
		switch {
		case j >= len(b) || i < len(a) && a[i] <= b[j]:
			nx = a[i]
		default:
			nx = b[j]
		}
		fa, fb := float64(i)/na, float64(j)/nb
		d := fa - fb
		if d < 0 {
			d = -d
		}
		dist += d * (nx - x)
		x = nx
		for i < len(a) && a[i] == x {
			i++
		}
		for j < len(b) && b[j] == x {
			j++
		}
	}
	return dist
}
