package whatif

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/text"
)

// Sweeps: one numeric value of the scenario (a robot's delay, a condition's
// threshold, an arrival rate, an event's probability) varied over a range,
// every point replicated on the same seeds, and one KPI charted against
// the value. Because every point sees the same seeds, the difference
// between a point and the best one is paired, as in an A/B comparison.

// MaxPoints bounds the points of a sweep.
const MaxPoints = 200

// Sweep is one parameter range: Path addresses a number of the scenario
// file the way the reader's error messages do ("robots[2].delay.value",
// "whatif.arrivals[0].perDay"); the values are From, From+Step, … up to To.
type Sweep struct {
	Path           string
	From, To, Step float64
	// decimals is the precision the range was written with, so that
	// 0.1 + 2·0.1 comes out as 0.3.
	decimals int
}

// SweepError is a mistake in a sweep's range: Code is a key of Texts
// ("sweep.step") and Args its values in the order of the key's parameter
// list. Error prints it in English; Message in the interface language. Err
// is ErrTooMuchWork when the range has too many points, nil otherwise.
type SweepError struct {
	Code string
	Args []string
	Err  error
}

func sweepErr(code string, args ...string) *SweepError { return &SweepError{Code: code, Args: args} }

func (e *SweepError) Error() string {
	if e.Err != nil {
		return e.Err.Error() + ": " + e.Message(text.EN)
	}
	return e.Message(text.EN)
}

// Message says what is wrong in lang ("en", or Russian for anything else).
func (e *SweepError) Message(lang string) string {
	if lang != text.EN {
		lang = text.RU
	}
	s, _ := Texts.Format(lang, e.Code, e.Args...)
	return s
}

func (e *SweepError) Unwrap() error { return e.Err }

// ParseSweep reads "PATH=FROM:TO:STEP"; its errors are *SweepError.
func ParseSweep(s string) (Sweep, error) {
	path, rng, ok := strings.Cut(s, "=")
	parts := strings.Split(rng, ":")
	if !ok || path == "" || len(parts) != 3 {
		return Sweep{}, sweepErr("sweep.form", strconv.Quote(s))
	}
	sw := Sweep{Path: path}
	nums := [3]*float64{&sw.From, &sw.To, &sw.Step}
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return Sweep{}, sweepErr("sweep.number", [3]string{"FROM", "TO", "STEP"}[i], strconv.Quote(p))
		}
		*nums[i] = f
		if _, frac, ok := strings.Cut(strings.TrimSpace(p), "."); ok {
			frac, _, _ = strings.Cut(strings.ToLower(frac), "e")
			sw.decimals = max(sw.decimals, len(frac))
		}
	}
	sw.decimals = min(sw.decimals, 12)
	if sw.Step <= 0 {
		return Sweep{}, sweepErr("sweep.step", parts[2])
	}
	if sw.To < sw.From {
		return Sweep{}, sweepErr("sweep.range", parts[0], parts[1])
	}
	if _, err := sw.Values(); err != nil {
		return Sweep{}, err
	}
	return sw, nil
}

// Values are the points of the sweep.
func (s Sweep) Values() ([]float64, error) {
	n := math.Floor(float64(float64(s.To-s.From)/s.Step)*(1+1e-12)) + 1
	if n > MaxPoints {
		e := sweepErr("sweep.points", formatParam(n), formatParam(s.From), formatParam(s.To), formatParam(s.Step), strconv.Itoa(MaxPoints))
		e.Err = ErrTooMuchWork
		return nil, e
	}
	scale := math.Pow(10, float64(s.decimals))
	out := make([]float64, int(n))
	for i := range out {
		v := float64(s.From + float64(float64(i)*s.Step))
		out[i] = math.Round(float64(v*scale)) / scale
	}
	return out, nil
}

// SetNumber returns doc with the number at path replaced by v; the rest of
// the file, key order included, is kept byte for byte. The value must be
// in the file: a key left to its default is not there to vary.
func SetNumber(doc []byte, path string, v float64) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	type frame struct {
		array bool
		index int
		key   string
		path  string
	}
	var stack []frame
	cur := func() string {
		if len(stack) == 0 {
			return ""
		}
		f := stack[len(stack)-1]
		if f.array {
			return f.path + "[" + strconv.Itoa(f.index) + "]"
		}
		return keyPath(f.path, f.key)
	}
	next := func() { // a value ended: move on in the parent
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].key = ""
			}
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("not valid JSON: %v", err)
		}
		if n := len(stack); n > 0 && !stack[n-1].array && stack[n-1].key == "" {
			if d, ok := tok.(json.Delim); !ok || d != '}' {
				stack[n-1].key = tok.(string)
				continue
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				p := cur()
				if p == path {
					return nil, fmt.Errorf("%s: expected a number to vary, got %s", path, map[bool]string{true: "an object", false: "an array"}[t == '{'])
				}
				stack = append(stack, frame{array: t == '[', path: p})
			default:
				stack = stack[:len(stack)-1]
				next()
			}
		default:
			if cur() == path {
				num, ok := t.(json.Number)
				if !ok {
					return nil, fmt.Errorf("%s: expected a number to vary, got %s", path, describeJSON(t))
				}
				end := int(dec.InputOffset())
				start := end - len(num)
				out := make([]byte, 0, len(doc)+24)
				out = append(out, doc[:start]...)
				out = strconv.AppendFloat(out, v, 'f', -1, 64)
				return append(out, doc[end:]...), nil
			}
			next()
		}
	}
	return nil, fmt.Errorf("%s: no such value in the scenario (a key left to its default must be written into the file to vary it)", path)
}

func describeJSON(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case string:
		return strconv.Quote(x)
	}
	return fmt.Sprint(v)
}

// keyPath appends an object key to a path as the engine's errors do.
func keyPath(path, key string) string {
	plain := key != ""
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			plain = false
		}
	}
	if !plain {
		return path + "[" + strconv.Quote(key) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// SweepScenarios reads one scenario per value of the sweep from doc, the
// scenario file. An error names the value and the reader's message.
func SweepScenarios(doc []byte, s Sweep) ([]float64, []*engine.Scenario, error) {
	vals, err := s.Values()
	if err != nil {
		return nil, nil, err
	}
	out := make([]*engine.Scenario, len(vals))
	for i, v := range vals {
		d, err := SetNumber(doc, s.Path, v)
		if err != nil {
			return nil, nil, err
		}
		sc, err := engine.ReadScenario(d)
		if err != nil {
			return nil, nil, fmt.Errorf("%s = %s: %w", s.Path, formatParam(v), err)
		}
		out[i] = sc
	}
	return vals, out, nil
}

// Goals of a sweep.
const (
	GoalMax = "max"
	GoalMin = "min"
)

// SweepPoint is one value of the parameter.
type SweepPoint struct {
	Value float64  `json:"value"`
	KPI   Estimate `json:"kpi"`
	// VsBest is the paired difference from the best point (this − best,
	// over the same seeds); Tied is true when its interval contains 0, so
	// the runs cannot tell this point from the best.
	VsBest Estimate `json:"vsBest"`
	Tied   bool     `json:"tied"`
}

// SweepResult is a KPI against the parameter.
type SweepResult struct {
	Path string `json:"path"`
	KPI  string `json:"kpi"`
	// KPIKind says how the KPI's values read.
	KPIKind format.Kind  `json:"kpiKind"`
	Goal    string       `json:"goal"`
	Runs    int          `json:"runs"`
	Seeds   [2]int       `json:"seeds"`
	Level   float64      `json:"level"`
	Points  []SweepPoint `json:"points"`
	// Best is the index of the point with the best mean (the first of
	// equal ones).
	Best int `json:"best"`
}

// SweepJobs are the runs of a sweep, point by point, each point on the
// same seeds. It refuses more than MaxJobs runs.
func SweepJobs(scs []*engine.Scenario, opt Options, runs int) ([]Job, error) {
	if err := checkRuns(runs); err != nil {
		return nil, err
	}
	if n := len(scs) * runs; n > MaxJobs {
		return nil, fmt.Errorf("%w: %d points × %d runs = %d runs; at most %d: use fewer points (a larger step) or fewer runs",
			ErrTooMuchWork, len(scs), runs, n, MaxJobs)
	}
	var jobs []Job
	for _, sc := range scs {
		if sc.WhatIf == nil && opt.Model == nil && opt.Replay == nil {
			return nil, ErrNoModel
		}
		jobs = append(jobs, SeedJobs(sc, opt, runs)...)
	}
	return jobs, nil
}

// DefaultKPI is the KPI a sweep optimises when none is named: the items
// that reached the first success stage of the first entity type.
func DefaultKPI(sc *engine.Scenario) string {
	for _, e := range sc.Entities {
		for _, p := range e.Pipelines {
			for _, st := range p.Stages {
				if st.Semantics == engine.Success {
					return "stage/" + e.Type + "/" + st.ID + "/items"
				}
			}
		}
	}
	return "arrived"
}

// ErrUnknownKPI is returned when a sweep's KPI is not a metric of the runs.
var ErrUnknownKPI = errors.New("whatif: unknown KPI")

// SummarizeSweep turns the KPIs of SweepJobs (len(values) × runs, point
// by point) into the KPI against the parameter.
func SummarizeSweep(path string, values []float64, ks []*KPIs, runs int, kpi, goal string) (*SweepResult, error) {
	if goal != GoalMin {
		goal = GoalMax
	}
	if len(ks) != len(values)*runs {
		return nil, fmt.Errorf("whatif: %d runs for %d points × %d", len(ks), len(values), runs)
	}
	res := &SweepResult{Path: path, KPI: kpi, Goal: goal, Runs: runs, Level: Level, Points: []SweepPoint{}}
	if len(ks) > 0 {
		res.Seeds = [2]int{ks[0].Seed, ks[runs-1].Seed}
	}
	series := make([][]float64, len(values))
	found := false
	var known []string
	for p := range values {
		series[p] = make([]float64, runs)
		for i := 0; i < runs; i++ {
			for _, m := range Metrics(ks[p*runs+i]) {
				if m.Key == kpi {
					series[p][i] = m.Value
					res.KPIKind = m.Kind
					found = true
				}
				if p == 0 && i == 0 && (strings.HasPrefix(m.Key, "stage/") && strings.HasSuffix(m.Key, "/items") || !strings.HasPrefix(m.Key, "stage/") && len(known) < 12) {
					known = append(known, m.Key)
				}
			}
		}
	}
	if !found && len(ks) > 0 {
		return nil, fmt.Errorf("%w %q; metrics of this scenario include %s", ErrUnknownKPI, kpi, strings.Join(known, ", "))
	}
	best := 0
	for p := range values {
		e := estimate(series[p])
		res.Points = append(res.Points, SweepPoint{Value: values[p], KPI: e})
		if goal == GoalMax && e.Mean > res.Points[best].KPI.Mean || goal == GoalMin && e.Mean < res.Points[best].KPI.Mean {
			best = p
		}
	}
	res.Best = best
	for p := range res.Points {
		d := make([]float64, runs)
		for i := range d {
			d[i] = float64(series[p][i] - series[best][i])
		}
		res.Points[p].VsBest = estimate(d)
		res.Points[p].Tied = p != best && !res.Points[p].VsBest.Excludes(0)
	}
	return res, nil
}

// RunSweep runs a whole sweep of the scenario file doc on up to workers
// goroutines.
func RunSweep(ctx context.Context, doc []byte, s Sweep, opt Options, runs int, kpi, goal string, workers int, progress func(done, total int)) (*SweepResult, error) {
	vals, scs, err := SweepScenarios(doc, s)
	if err != nil {
		return nil, err
	}
	jobs, err := SweepJobs(scs, opt, runs)
	if err != nil {
		return nil, err
	}
	if err := CheckJobs(jobs); err != nil {
		return nil, err
	}
	if kpi == "" {
		kpi = DefaultKPI(scs[0])
	}
	ks, err := RunJobs(ctx, jobs, workers, progress)
	if err != nil {
		return nil, err
	}
	return SummarizeSweep(s.Path, vals, ks, runs, kpi, goal)
}

// WriteSweep prints a sweep: the KPI at every point with its interval, the
// best point, and the points the runs cannot tell from it.
func WriteSweep(w io.Writer, title string, s Sweep, r *SweepResult, lang string) {
	f := format.Text(lang)
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, say(lang, "sweep.title", "path", r.Path, "from", formatParam(s.From), "to", formatParam(s.To),
		"step", formatParam(s.Step), "runs", f.Int(int64(r.Runs))))
	fmt.Fprintln(w, runsLine(f, lang, r.Runs, r.Seeds))
	rows := [][]string{strings.Split(say(lang, "sweep.head", "kpi", r.KPI), "|")}
	marks := []bool{false}
	var tied []string
	for i, p := range r.Points {
		vs := ""
		if i != r.Best {
			vs = f.Delta(r.KPIKind, p.VsBest.Mean) + " " + deltaInterval(f, r.KPIKind, p.VsBest)
		}
		mark := "  "
		switch {
		case i == r.Best:
			mark = "★ "
		case p.Tied:
			mark = "≈ "
			tied = append(tied, formatParam(p.Value))
		}
		rows = append(rows, []string{mark + formatParam(p.Value), f.Value(r.KPIKind, p.KPI.Mean), interval(f, r.KPIKind, p.KPI), vs})
		marks = append(marks, false)
	}
	table(w, rows, marks)
	b := r.Points[r.Best]
	fmt.Fprintln(w, say(lang, "sweep.best", "kpi", r.KPI, "goal", say(lang, "sweep.goal."+r.Goal), "path", r.Path,
		"value", formatParam(b.Value), "mean", f.Value(r.KPIKind, b.KPI.Mean),
		"low", f.Value(r.KPIKind, b.KPI.Low), "high", f.Value(r.KPIKind, b.KPI.High)))
	if len(tied) > 0 {
		fmt.Fprintln(w, say(lang, "sweep.tied", "values", strings.Join(tied, ", ")))
	} else if len(r.Points) > 1 {
		fmt.Fprintln(w, say(lang, "sweep.clear"))
	}
}
