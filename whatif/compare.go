package whatif

import (
	"context"
	"fmt"
	"time"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
)

// Metric is one named number of a KPIs, for side-by-side comparison.
// Keys are stable: "stage/DEAL/WON/atEnd", "conv/DEAL/NEW/WON",
// "trigger/t1/fired", "robot/r2/ran", "events/fired", "noMove/share" ….
// Kind says how the value reads (a count, a share 0…1, seconds); keys hold
// user ids, so nothing may be guessed from them.
type Metric struct {
	Key   string      `json:"key"`
	Kind  format.Kind `json:"kind"`
	Value float64     `json:"value"`
}

// Metrics flattens KPIs into named numbers, in a fixed order.
func Metrics(k *KPIs) []Metric {
	var out []Metric
	add := func(key string, kind format.Kind, v float64) {
		out = append(out, Metric{Key: key, Kind: kind, Value: v})
	}
	addI := func(key string, v int) { add(key, format.Count, float64(v)) }
	share := func(key string, v float64) { add(key, format.Share, v) }
	secs := func(key string, v int64) { add(key, format.Duration, float64(v)) }
	addI("items", k.Items)
	addI("arrived", k.Arrived)
	addI("events/scheduled", k.Events.Scheduled)
	addI("events/fired", k.Events.Fired)
	addI("events/dropped", k.Events.Dropped)
	addI("noMove/events", k.NoMove.Events)
	share("noMove/share", k.NoMove.Share)
	addI("engineSteps", k.EngineSteps)
	for _, s := range k.Stages {
		p := "stage/" + s.Entity + "/" + s.Stage + "/"
		addI(p+"entered", s.Entered)
		addI(p+"items", s.Items)
		addI(p+"atEnd", s.AtEnd)
		secs(p+"medianSec", s.MedianSec)
		secs(p+"p90Sec", s.P90Sec)
		share(p+"toSuccess", s.ToSuccess)
		share(p+"toFailure", s.ToFailure)
	}
	for _, c := range k.Conversion {
		share("conv/"+c.Entity+"/"+c.From+"/"+c.To, c.Share)
	}
	for _, t := range k.Triggers {
		addI("trigger/"+t.ID+"/fired", t.Fired)
	}
	for _, r := range k.Robots {
		addI("robot/"+r.ID+"/ran", r.Ran)
		addI("robot/"+r.ID+"/cancelled", r.Cancelled)
	}
	for _, l := range k.Loops {
		key := "loop/" + l.Kind
		for _, c := range l.Cycle {
			key += "/" + c
		}
		addI(key, l.Count)
	}
	for _, e := range k.Errors {
		addI("error/"+e.Code, e.Count)
	}
	for _, r := range k.NoMove.Reasons {
		key := "noMove/" + r.Code
		if r.Trigger != "" {
			key += "/" + r.Trigger
		}
		addI(key, r.Count)
	}
	return out
}

// DiffRow is one metric of two runs. A metric missing from one run (a
// trigger only variant B has) counts as 0 there, with Missing saying so.
type DiffRow struct {
	Key     string      `json:"key"`
	Kind    format.Kind `json:"kind"`
	A       float64     `json:"a"`
	B       float64     `json:"b"`
	Delta   float64     `json:"delta"` // B − A
	Changed bool        `json:"changed"`
	Missing string      `json:"missing,omitempty"` // "a" or "b"
}

// Diff compares two runs metric by metric: A's metrics in A's order, then
// those only B has.
type Diff struct {
	Rows    []DiffRow `json:"rows"`
	Changed int       `json:"changed"`
}

// Compare lines up the metrics of two runs.
func Compare(a, b *KPIs) Diff {
	ma, mb := Metrics(a), Metrics(b)
	inB := make(map[string]float64, len(mb))
	for _, m := range mb {
		inB[m.Key] = m.Value
	}
	inA := make(map[string]bool, len(ma))
	var d Diff
	row := func(m Metric, va, vb float64, missing string) {
		r := DiffRow{Key: m.Key, Kind: m.Kind, A: va, B: vb, Delta: vb - va, Changed: va != vb || missing != "", Missing: missing}
		if r.Changed {
			d.Changed++
		}
		d.Rows = append(d.Rows, r)
	}
	for _, m := range ma {
		inA[m.Key] = true
		vb, ok := inB[m.Key]
		missing := ""
		if !ok {
			missing = "b"
		}
		row(m, m.Value, vb, missing)
	}
	for _, m := range mb {
		if !inA[m.Key] {
			row(m, 0, m.Value, "a")
		}
	}
	return d
}

// RunAB runs two variants of an automation on the same traffic: A's model
// (or the history in opt.Replay) drives both, with the same seed, so that
// every difference comes from the automation. progress sees both runs as
// one: total is twice the horizon.
func RunAB(ctx context.Context, a, b *engine.Scenario, opt Options, progress func(done, total time.Duration)) (ka, kb *KPIs, diff Diff, err error) {
	return RunABPaced(ctx, a, b, opt, Pace{}, progress)
}

// RunABPaced is RunAB with both runs at the given pace (RunPaced).
func RunABPaced(ctx context.Context, a, b *engine.Scenario, opt Options, pace Pace, progress func(done, total time.Duration)) (ka, kb *KPIs, diff Diff, err error) {
	if opt.Model == nil {
		opt.Model = a.WhatIf
	}
	if opt.Model == nil && opt.Replay == nil {
		return nil, nil, Diff{}, ErrNoModel
	}
	if err := CheckJobs([]Job{{a, opt}, {b, opt}}); err != nil {
		return nil, nil, Diff{}, err
	}
	half := func(first bool) func(done, total time.Duration) {
		if progress == nil {
			return nil
		}
		return func(done, total time.Duration) {
			if !first {
				done += total
			}
			progress(done, 2*total)
		}
	}
	ka, err = RunPaced(ctx, a, opt, pace, half(true))
	if err != nil {
		return nil, nil, Diff{}, fmt.Errorf("variant A: %w", err)
	}
	kb, err = RunPaced(ctx, b, opt, pace, half(false))
	if err != nil {
		return nil, nil, Diff{}, fmt.Errorf("variant B: %w", err)
	}
	return ka, kb, Compare(ka, kb), nil
}
