package calibrate

import (
	"fmt"
	"io"
	"strings"

	"github.com/triggersim/triggersim/format"
)

// WriteReport prints the fit report in lang ("ru" or "en").
func WriteReport(w io.Writer, r *Report, lang string) {
	p := func(layout string, a ...any) { fmt.Fprintf(w, layout, a...) }
	f := format.Text(lang)
	num, dur := f.Number, f.Duration
	n := func(v int) string { return f.Int(int64(v)) }
	line := func(key string, pairs ...string) { p("%s\n", say(lang, key, pairs...)) }
	line("report.title", "from", r.From, "to", r.To, "records", n(r.Records), "runs", n(r.Runs))
	p("\n")
	line("report.arrivals")
	for _, a := range r.Arrivals {
		p("  ")
		line("report.arrLine", "entity", a.Entity, "observed", n(a.Observed), "mean", num(a.Simulated.Mean),
			"low", num(a.Simulated.Low), "high", num(a.Simulated.High), "diff", signedPct(f, a.Diff))
	}
	p("\n")
	line("report.finals")
	for _, fin := range r.Finals {
		p("  %s %s (%s): %s / %s (%s)\n", fin.Entity, fin.Stage, fin.Name, f.Percent(fin.Observed), f.Percent(fin.Simulated), f.Points(fin.Simulated-fin.Observed))
	}
	p("\n")
	line("report.stages")
	rows := [][]string{strings.Split(say(lang, "report.stHead"), "|")}
	for _, s := range r.Stages {
		rows = append(rows, []string{s.Entity + " " + s.Stage + " (" + s.Name + ")", f.Int(int64(s.ObservedN)), num(s.SimulatedN),
			dur(s.ObservedMed), dur(s.SimulatedMed), dur(s.ObservedP90), dur(s.SimulatedP90)})
	}
	table(w, rows)
	p("\n")
	line("report.trans", "diff", f.Percent(r.TransitionDiff))
	for i, t := range r.Transitions {
		if i == 15 {
			p("  … %s\n", n(len(r.Transitions)-i))
			break
		}
		p("  %s %s → %s: %s / %s\n", t.Entity, t.From, t.To, num(t.Observed), num(t.Simulated))
	}
	p("\n")
	line("report.emd", "cycle", f.Seconds(r.CycleEMDSec), "mean", f.Seconds(r.CycleMeanSec), "arrival", num(r.ArrivalEMDHours))
	if len(r.Notes) > 0 {
		p("\n")
		line("report.notes")
		for _, n := range r.Notes {
			p("  - %s\n", n)
		}
	}
}

// signedPct prints a relative difference with its sign: "+4.2 %".
func signedPct(f format.Printer, v float64) string {
	s := f.Percent(v)
	if v >= 0 {
		s = "+" + s
	}
	return s
}

func table(w io.Writer, rows [][]string) {
	width := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-len([]rune(c)))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
