// Package labrun is the logic of the what-if page's replicated runs and
// parameter sweeps, and of the home page's calibration dialog: it reads
// the forms, plans the runs (whatif.Job), turns their KPIs into results
// and draws the charts with intervals. The lab's worker (app/labwork)
// drives the runs with Slices; components only render the output.
// Everything here runs on the host.
package labrun

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/whatif"
)

// Form is the runs and sweep form as typed. An empty Path means plain
// replications.
type Form struct {
	Runs                 string
	Path, From, To, Step string
	KPI, Goal            string
}

// Plan is a checked form.
type Plan struct {
	Runs  int
	Sweep *whatif.Sweep
	KPI   string
	Goal  string
}

// Plan checks the form; errors are worded in lang.
func (f Form) Plan(lang string) (Plan, error) {
	p := Plan{KPI: strings.TrimSpace(f.KPI), Goal: f.Goal}
	runs := strings.TrimSpace(f.Runs)
	if runs == "" {
		runs = "5"
	}
	n, err := strconv.Atoi(runs)
	if err != nil || n < 1 || n > whatif.MaxRuns {
		return p, errors.New(i18n.F(lang, "lab.errRuns", "max", whatif.MaxRuns, "got", f.Runs))
	}
	p.Runs = n
	path := strings.TrimSpace(f.Path)
	if path == "" {
		return p, nil
	}
	var nums [3]float64
	for i, s := range []string{f.From, f.To, f.Step} {
		x, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			name := i18n.T(lang, []string{"lab.sweepFrom", "lab.sweepTo", "lab.sweepStep"}[i])
			return p, errors.New(i18n.F(lang, "lab.errNumber", "field", name, "got", s))
		}
		nums[i] = x
	}
	if nums[2] <= 0 {
		return p, errors.New(i18n.T(lang, "lab.errStep"))
	}
	if nums[1] < nums[0] {
		return p, errors.New(i18n.T(lang, "lab.errRange"))
	}
	sw, err := whatif.ParseSweep(path + "=" + strings.Join([]string{clean(f.From), clean(f.To), clean(f.Step)}, ":"))
	var se *whatif.SweepError
	if err != nil && !errors.Is(err, whatif.ErrTooMuchWork) && errors.As(err, &se) {
		return p, errors.New(se.Message(lang))
	}
	if err != nil {
		return p, workError(err, 0, n, lang)
	}
	p.Sweep = &sw
	return p, nil
}

func clean(s string) string { return strings.Replace(strings.TrimSpace(s), ",", ".", 1) }

// workError words ErrTooMuchWork in lang.
func workError(err error, points, runs int, lang string) error {
	if errors.Is(err, whatif.ErrTooMuchWork) {
		return errors.New(i18n.F(lang, "lab.errWork", "points", points, "runs", runs, "total", points*runs, "max", whatif.MaxJobs, "maxPoints", whatif.MaxPoints))
	}
	return err
}

// Jobs are the runs of the plan on sc, and the swept values (nil without
// a sweep).
func (p Plan) Jobs(sc *engine.Scenario, opt whatif.Options, lang string) ([]whatif.Job, []float64, error) {
	if p.Sweep == nil {
		return whatif.SeedJobs(sc, opt, p.Runs), nil, nil
	}
	n := len(mustValues(*p.Sweep))
	if n*p.Runs > whatif.MaxJobs {
		return nil, nil, workError(whatif.ErrTooMuchWork, n, p.Runs, lang)
	}
	doc, err := engine.WriteScenario(sc)
	if err != nil {
		return nil, nil, err
	}
	if _, err := whatif.SetNumber(doc, p.Sweep.Path, p.Sweep.From); err != nil {
		return nil, nil, errors.New(i18n.F(lang, "lab.errPath", "path", p.Sweep.Path))
	}
	vals, scs, err := whatif.SweepScenarios(doc, *p.Sweep)
	if err != nil {
		return nil, nil, err
	}
	jobs, err := whatif.SweepJobs(scs, opt, p.Runs)
	if err != nil {
		return nil, nil, workError(err, len(vals), p.Runs, lang)
	}
	return jobs, vals, nil
}

func mustValues(s whatif.Sweep) []float64 {
	v, _ := s.Values()
	return v
}

// Result is what the page shows after the runs.
type Result struct {
	Summary *whatif.Summary
	Sweep   *whatif.SweepResult
	// Chart is the SVG of the result; Lines are sentences under it.
	Chart string
	Lines []string
	// Rows is the table: metric (or value), mean, interval, and for a
	// sweep the difference from the best.
	Rows [][]string
}

// Result summarises the runs' KPIs (job order) and draws the chart.
func (p Plan) Result(sc *engine.Scenario, values []float64, ks []*whatif.KPIs, lang string) (*Result, error) {
	if p.Sweep == nil {
		s := whatif.Summarize(ks)
		res := &Result{Summary: s}
		res.Chart = RunsChart(s, ks[0], sc, lang)
		f := format.UI(lang)
		for _, m := range s.Metrics {
			res.Rows = append(res.Rows, []string{m.Key, f.Value(m.Kind, m.Mean), "[" + f.Value(m.Kind, m.Low) + "; " + f.Value(m.Kind, m.High) + "]"})
		}
		return res, nil
	}
	kpi := p.KPI
	if kpi == "" {
		kpi = whatif.DefaultKPI(sc)
	}
	sr, err := whatif.SummarizeSweep(p.Sweep.Path, values, ks, p.Runs, kpi, p.Goal)
	if errors.Is(err, whatif.ErrUnknownKPI) {
		return nil, errors.New(i18n.F(lang, "lab.errKPI", "kpi", kpi))
	}
	if err != nil {
		return nil, err
	}
	res := &Result{Sweep: sr}
	f, kind := format.UI(lang), sr.KPIKind
	pts := make([]charts.SweepPoint, len(sr.Points))
	var tied []string
	for i, pt := range sr.Points {
		pts[i] = charts.SweepPoint{X: pt.Value, Mean: pt.KPI.Mean, Low: pt.KPI.Low, High: pt.KPI.High}
		vs := ""
		if i != sr.Best {
			vs = f.Delta(kind, pt.VsBest.Mean) + " [" + f.Delta(kind, pt.VsBest.Low) + "; " + f.Delta(kind, pt.VsBest.High) + "]"
		}
		mark := ""
		switch {
		case i == sr.Best:
			mark = i18n.T(lang, "lab.chart.best") + ": "
		case pt.Tied:
			mark = "≈ "
			tied = append(tied, strconv.FormatFloat(pt.Value, 'f', -1, 64))
		}
		res.Rows = append(res.Rows, []string{mark + strconv.FormatFloat(pt.Value, 'f', -1, 64), f.Value(kind, pt.KPI.Mean),
			"[" + f.Value(kind, pt.KPI.Low) + "; " + f.Value(kind, pt.KPI.High) + "]", vs})
	}
	res.Chart = charts.SweepLine(i18n.F(lang, "lab.sweepChart", "kpi", kpi, "path", sr.Path), sr.Path, kpi, pts, sr.Best, kind, lang)
	b := sr.Points[sr.Best]
	goal := i18n.T(lang, "lab.goalMax")
	if sr.Goal == whatif.GoalMin {
		goal = i18n.T(lang, "lab.goalMin")
	}
	res.Lines = append(res.Lines, i18n.F(lang, "lab.best", "kpi", kpi, "goal", goal, "path", sr.Path, "value", strconv.FormatFloat(b.Value, 'f', -1, 64), "mean", f.Value(kind, b.KPI.Mean), "low", f.Value(kind, b.KPI.Low), "high", f.Value(kind, b.KPI.High)))
	if len(tied) > 0 {
		res.Lines = append(res.Lines, i18n.F(lang, "lab.tied", "values", strings.Join(tied, ", ")))
	} else if len(sr.Points) > 1 {
		res.Lines = append(res.Lines, i18n.T(lang, "lab.clear"))
	}
	return res, nil
}

// RunsChart draws the items that entered each stage of the main pipeline:
// mean and interval over the runs.
func RunsChart(s *whatif.Summary, k0 *whatif.KPIs, sc *engine.Scenario, lang string) string {
	pipe := charts.MainPipeline(k0)
	var rows []charts.Interval
	i := 0
	for _, st := range k0.Stages {
		if st.Entity != pipe.Entity || st.Pipeline != pipe.ID {
			continue
		}
		e, _ := s.Get("stage/" + st.Entity + "/" + st.Stage + "/items")
		label := st.Name
		if label == "" {
			label = st.Stage
		}
		rows = append(rows, charts.Interval{Label: label, Mean: e.Mean, Low: e.Low, High: e.High, Ref: math.NaN(),
			Color: charts.StageColor(sc, st.Entity, st.Stage, i, st.Semantics)})
		i++
	}
	return charts.IntervalBars(i18n.F(lang, "lab.runsTitle", "runs", s.Runs), rows, format.Count, lang)
}

// KPIChoices are the metric keys a sweep can optimise, the likeliest
// first: items reaching each stage, then the run totals.
func KPIChoices(sc *engine.Scenario) []string {
	var out []string
	for _, e := range sc.Entities {
		for _, p := range e.Pipelines {
			for _, st := range p.Stages {
				out = append(out, "stage/"+e.Type+"/"+st.ID+"/items")
			}
		}
	}
	return append(out, "arrived", "events/fired", "noMove/share")
}
