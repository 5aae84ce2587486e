package charts

import (
	"cmp"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/whatif"
)

// Pipeline names one pipeline of an entity type.
type Pipeline struct {
	Entity string
	ID     int
}

// MainPipeline is the pipeline the charts show by default: the one whose
// stages saw the most items (the first on a tie).
func MainPipeline(k *whatif.KPIs) Pipeline {
	var best Pipeline
	bestN := -1
	seen := map[Pipeline]int{}
	var order []Pipeline
	for _, s := range k.Stages {
		p := Pipeline{s.Entity, s.Pipeline}
		if _, ok := seen[p]; !ok {
			order = append(order, p)
		}
		seen[p] += s.Items
	}
	for _, p := range order {
		if seen[p] > bestN {
			best, bestN = p, seen[p]
		}
	}
	return best
}

// stagesOf returns the KPI rows of one pipeline, in pipeline order.
func stagesOf(k *whatif.KPIs, p Pipeline) []whatif.StageKPI {
	var out []whatif.StageKPI
	for _, s := range k.Stages {
		if s.Entity == p.Entity && s.Pipeline == p.ID {
			out = append(out, s)
		}
	}
	return out
}

// StageColor is a stage's colour in the scenario, or a Bitrix24-like
// default for its position and semantics.
func StageColor(sc *engine.Scenario, entity, stage string, index int, semantics string) string {
	if sc != nil {
		if st, _, ok := sc.FindStage(entity, stage); ok && st.Color != "" {
			return safeColor(st.Color, defaultColor(index, semantics))
		}
	}
	return defaultColor(index, semantics)
}

func stageLabel(s whatif.StageKPI) string {
	if s.Name != "" {
		return s.Name
	}
	return s.Stage
}

// FunnelBars are the funnel of one pipeline: how many distinct items
// reached each stage, with the share of the items of the first stage.
func FunnelBars(k *whatif.KPIs, sc *engine.Scenario, p Pipeline, lang string) []Bar {
	stages := stagesOf(k, p)
	var out []Bar
	first := 0
	for i, s := range stages {
		if i == 0 {
			first = s.Items
		}
		b := Bar{Label: stageLabel(s), Value: float64(s.Items), Color: StageColor(sc, s.Entity, s.Stage, i, s.Semantics)}
		if first > 0 {
			b.Note = format.UI(lang).Percent(float64(s.Items) / float64(first))
		}
		out = append(out, b)
	}
	return out
}

// CompareBars notes on b how each bar differs from the bar of the same
// label in a: "+120" in green when more items reached a success stage or
// a process stage, red when more reached a failure stage.
func CompareBars(a, b []Bar, semantics []string, lang string) []Bar {
	out := make([]Bar, len(b))
	copy(out, b)
	for i := range out {
		if i >= len(a) {
			break
		}
		delta := int(out[i].Value - a[i].Value)
		if delta == 0 {
			out[i].Note, out[i].Tone = "=", 0
			continue
		}
		out[i].Note = format.UI(lang).Delta(format.Count, float64(delta))
		sem := ""
		if i < len(semantics) {
			sem = semantics[i]
		}
		out[i].Tone = cmp.Compare(delta, 0)
		if sem == engine.Failure {
			out[i].Tone = -out[i].Tone
		}
	}
	return out
}

// Semantics lists the stage semantics of a pipeline in order (for
// CompareBars).
func Semantics(k *whatif.KPIs, p Pipeline) []string {
	var out []string
	for _, s := range stagesOf(k, p) {
		out = append(out, s.Semantics)
	}
	return out
}

// FlowSeries are the stages of one pipeline for CumulativeFlow, bottom
// first: success, failure, then the process stages from the last to the
// first, so finished work accumulates at the bottom.
func FlowSeries(k *whatif.KPIs, sc *engine.Scenario, p Pipeline) []Series {
	stages := stagesOf(k, p)
	var done, failed, process []Series
	for i, s := range stages {
		ser := Series{Label: stageLabel(s), Color: StageColor(sc, s.Entity, s.Stage, i, s.Semantics), Values: s.Daily}
		switch s.Semantics {
		case engine.Success:
			done = append(done, ser)
		case engine.Failure:
			failed = append(failed, ser)
		default:
			process = append(process, ser)
		}
	}
	out := append(done, failed...)
	for i := len(process) - 1; i >= 0; i-- {
		out = append(out, process[i])
	}
	return out
}

// Spans are the process stages of one pipeline for TimeInStage (final
// stages have no time in stage: nothing leaves them).
func Spans(k *whatif.KPIs, sc *engine.Scenario, p Pipeline) []Span {
	var out []Span
	for i, s := range stagesOf(k, p) {
		if s.Semantics != engine.Process {
			continue
		}
		out = append(out, Span{Label: stageLabel(s), Color: StageColor(sc, s.Entity, s.Stage, i, s.Semantics),
			Median: s.MedianSec, P90: s.P90Sec, Stays: s.Left})
	}
	return out
}

// TriggerBars are the scenario's triggers (file order) with how often each
// fired, coloured by the stage it sits on.
func TriggerBars(k *whatif.KPIs, sc *engine.Scenario, lang string) []Bar {
	var out []Bar
	for _, t := range k.Triggers {
		b := Bar{Label: TriggerName(sc, t.ID), Value: float64(t.Fired), Color: "#39A8EF"}
		if sc != nil {
			if st, _, ok := sc.FindStage(t.Entity, t.Stage); ok {
				b.Color = StageColor(sc, t.Entity, st.ID, 0, st.Semantics)
			}
		}
		if t.Fired == 0 {
			b.Note, b.Tone = i18n.T(lang, "whatif.chart.never"), -1
		}
		out = append(out, b)
	}
	return out
}

// TriggerName is a trigger's name in the scenario, else its id.
func TriggerName(sc *engine.Scenario, id string) string {
	if sc != nil {
		for _, t := range sc.Triggers {
			if t.ID == id && t.Name != "" {
				return t.Name
			}
		}
	}
	return id
}

// RobotName is a robot's name in the scenario, else its id.
func RobotName(sc *engine.Scenario, id string) string {
	if sc != nil {
		for _, r := range sc.Robots {
			if r.ID == id && r.Name != "" {
				return r.Name
			}
		}
	}
	return id
}
