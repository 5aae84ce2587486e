package labrun

import (
	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/calibrate"
	"github.com/triggersim/triggersim/format"
)

// FitView is the calibration dialog's fit report: two charts (final
// shares and stage medians, the model as bars, the history as diamonds),
// sentences, and a table.
type FitView struct {
	Finals, Medians string
	Lines           []string
	Rows            [][]string
}

// Fit renders a calibration's fit report in lang.
func Fit(rep *calibrate.Report, lang string) FitView {
	var v FitView
	f := format.UI(lang)
	for _, a := range rep.Arrivals {
		diff := f.Percent(a.Diff)
		if a.Diff >= 0 {
			diff = "+" + diff
		}
		v.Lines = append(v.Lines, i18n.F(lang, "lab.calArrivals", "observed", a.Observed, "mean", f.Number(a.Simulated.Mean), "low", f.Number(a.Simulated.Low), "high", f.Number(a.Simulated.High), "diff", diff))
	}
	var finals, medians []charts.Interval
	for _, fin := range rep.Finals {
		label := fin.Name
		if label == "" {
			label = fin.Stage
		}
		finals = append(finals, charts.Interval{Label: label, Mean: fin.Simulated, Low: fin.Simulated, High: fin.Simulated, Ref: fin.Observed,
			Color: map[bool]string{true: "#7bd500", false: "#ff5752"}[fin.Semantics == "success"]})
		v.Rows = append(v.Rows, []string{label, f.Percent(fin.Observed), f.Percent(fin.Simulated)})
	}
	for _, s := range rep.Stages {
		label := s.Name
		if label == "" {
			label = s.Stage
		}
		medians = append(medians, charts.Interval{Label: label, Mean: float64(s.SimulatedMed), Low: float64(s.SimulatedMed), High: float64(s.SimulatedMed), Ref: float64(s.ObservedMed)})
		v.Rows = append(v.Rows, []string{label, f.Duration(s.ObservedMed), f.Duration(s.SimulatedMed)})
	}
	v.Finals = charts.IntervalBars(i18n.T(lang, "lab.calChartFinals"), finals, format.Share, lang)
	v.Medians = charts.IntervalBars(i18n.T(lang, "lab.calChartMedians"), medians, format.Duration, lang)
	v.Lines = append(v.Lines, i18n.F(lang, "lab.calTrans", "diff", f.Percent(rep.TransitionDiff), "cycleEMD", f.Seconds(rep.CycleEMDSec), "cycleMean", f.Seconds(rep.CycleMeanSec), "arrivalEMD", f.Number(rep.ArrivalEMDHours)))
	v.Lines = append(v.Lines, rep.Notes...)
	return v
}
