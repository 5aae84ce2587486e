package whatif

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/format"
)

// interval prints [low; high] of a metric.
func interval(f format.Printer, kind format.Kind, e Estimate) string {
	return "[" + f.Value(kind, e.Low) + "; " + f.Value(kind, e.High) + "]"
}

// deltaInterval prints [low; high] of a difference, signed, shares in
// percentage points.
func deltaInterval(f format.Printer, kind format.Kind, e Estimate) string {
	return "[" + f.Delta(kind, e.Low) + "; " + f.Delta(kind, e.High) + "]"
}

// WriteSummary prints a replicated run: every metric with its interval.
func WriteSummary(w io.Writer, title string, s *Summary, lang string) {
	f := format.Text(lang)
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, runsLine(f, lang, s.Runs, s.Seeds))
	if s.Runs < 2 {
		fmt.Fprintln(w, say(lang, "replicate.oneRun"))
	}
	rows := [][]string{strings.Split(say(lang, "replicate.sumHead"), "|")}
	for _, m := range s.Metrics {
		rows = append(rows, []string{m.Key, f.Value(m.Kind, m.Mean), interval(f, m.Kind, m.Estimate), f.Value(m.Kind, m.Half())})
	}
	table(w, rows, nil)
}

// WritePaired prints a replicated A/B comparison; with onlySignificant,
// the rows whose difference is not significant are left out.
func WritePaired(w io.Writer, titleA, titleB string, d *PairedDiff, lang string, onlySignificant bool) {
	f := format.Text(lang)
	fmt.Fprintln(w, say(lang, "replicate.pairTitle", "a", titleA, "b", titleB))
	fmt.Fprintln(w, runsLine(f, lang, d.Runs, d.Seeds))
	if d.Runs < 2 {
		fmt.Fprintln(w, say(lang, "replicate.oneRun"))
	}
	rows := [][]string{strings.Split(say(lang, "replicate.pairHead"), "|")}
	marks := []bool{false}
	for _, r := range d.Rows {
		if onlySignificant && !r.Significant {
			continue
		}
		rows = append(rows, []string{r.Key, f.Value(r.Kind, r.A.Mean), f.Value(r.Kind, r.B.Mean),
			f.Delta(r.Kind, r.Delta.Mean), deltaInterval(f, r.Kind, r.Delta)})
		marks = append(marks, r.Significant)
	}
	table(w, rows, marks)
	if d.Significant == 0 {
		fmt.Fprintln(w, say(lang, "replicate.pairNone"))
	} else {
		fmt.Fprintln(w, say(lang, "replicate.pairSig", "significant", f.Int(int64(d.Significant)), "total", f.Int(int64(len(d.Rows)))))
	}
}

// runsLine says how many runs a replicated report is made of, and their
// seeds.
func runsLine(f format.Printer, lang string, runs int, seeds [2]int) string {
	return say(lang, "replicate.runs", "runs", f.Int(int64(runs)), "first", f.Int(int64(seeds[0])), "last", f.Int(int64(seeds[1])))
}

// formatParam prints a swept parameter's value.
func formatParam(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
