package labrun

import (
	"fmt"
	"math"
	"strconv"

	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/calibrate"
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
	for _, a := range rep.Arrivals {
		diff := strconv.FormatFloat(a.Diff*100, 'f', 1, 64) + " %"
		if a.Diff >= 0 {
			diff = "+" + diff
		}
		v.Lines = append(v.Lines, fmt.Sprintf(i18n.T(lang, "lab.calArrivals"), a.Observed,
			charts.FormatCount(a.Simulated.Mean, lang), charts.FormatCount(a.Simulated.Low, lang), charts.FormatCount(a.Simulated.High, lang), diff))
	}
	var finals, medians []charts.Interval
	for i, f := range rep.Finals {
		label := f.Name
		if label == "" {
			label = f.Stage
		}
		finals = append(finals, charts.Interval{Label: label, Mean: f.Simulated, Low: f.Simulated, High: f.Simulated, Ref: f.Observed,
			Color: map[bool]string{true: "#7bd500", false: "#ff5752"}[f.Semantics == "success"]})
		v.Rows = append(v.Rows, []string{label, charts.Percent(f.Observed, lang), charts.Percent(f.Simulated, lang)})
		_ = i
	}
	for _, s := range rep.Stages {
		label := s.Name
		if label == "" {
			label = s.Stage
		}
		medians = append(medians, charts.Interval{Label: label, Mean: float64(s.SimulatedMed), Low: float64(s.SimulatedMed), High: float64(s.SimulatedMed), Ref: float64(s.ObservedMed)})
		v.Rows = append(v.Rows, []string{label, charts.Duration(s.ObservedMed, lang), charts.Duration(s.SimulatedMed, lang)})
	}
	v.Finals = charts.IntervalBars(i18n.T(lang, "lab.calChartFinals"), finals, charts.FormatShare, lang)
	v.Medians = charts.IntervalBars(i18n.T(lang, "lab.calChartMedians"), medians, charts.FormatSeconds, lang)
	v.Lines = append(v.Lines, fmt.Sprintf(i18n.T(lang, "lab.calTrans"), charts.Percent(rep.TransitionDiff, lang),
		charts.Duration(int64(rep.CycleEMDSec), lang), charts.Duration(int64(rep.CycleMeanSec), lang),
		charts.FormatCount(math.Round(rep.ArrivalEMDHours*10)/10, lang)))
	v.Lines = append(v.Lines, rep.Notes...)
	return v
}
