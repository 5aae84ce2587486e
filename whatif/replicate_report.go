package whatif

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/format"
)

// replicateWords are the phrases of the replicated reports.
var replicateWords = map[string][2]string{
	"runs":       {"Повторов: %d (seed %d … %d), среднее и 95-процентный доверительный интервал (t Стьюдента)", "Runs: %d (seeds %d … %d), mean and 95 %% confidence interval (Student's t)"},
	"sumHead":    {"показатель|среднее|95 % интервал|± ", "metric|mean|95 % interval|±"},
	"pairHead":   {"показатель|А|Б|Б − А|95 % интервал Б − А", "metric|A|B|B − A|95 % interval of B − A"},
	"pairTitle":  {"Сравнение на одних и тех же seed: А = %s, Б = %s", "Comparison on the same seeds: A = %s, B = %s"},
	"pairSig":    {"Значимо отличаются (интервал разности не содержит 0, отмечены «●»): %d из %d.", "Significant differences (the interval of B − A excludes 0, marked ●): %d of %d."},
	"pairNone":   {"Ни одна разность не значима: интервалы всех разностей содержат 0.", "No difference is significant: every interval of B − A contains 0."},
	"oneRun":     {"Один прогон: интервалов нет, нужно не меньше двух повторов.", "One run: no intervals; at least two runs are needed."},
	"sweepTitle": {"Перебор %s от %s до %s с шагом %s; повторов в точке: %d", "Sweep of %s from %s to %s in steps of %s; runs per point: %d"},
	"sweepHead":  {"значение|%s|95 %% интервал|разность с лучшей", "value|%s|95 %% interval|difference from the best"},
	"best":       {"Лучшая точка по %s (%s): %s = %s, среднее %s [%s; %s].", "Best point by %s (%s): %s = %s, mean %s [%s; %s]."},
	"tied":       {"Не отличимы от лучшей (интервал парной разности содержит 0, отмечены «≈»): %s.", "Not distinguishable from the best (the interval of the paired difference contains 0, marked ≈): %s."},
	"clear":      {"Лучшая точка значимо лучше всех остальных.", "The best point is significantly better than every other."},
	"max":        {"больше — лучше", "higher is better"},
	"min":        {"меньше — лучше", "lower is better"},
}

func rpw(lang, key string) string {
	if lang == "en" {
		return replicateWords[key][1]
	}
	return replicateWords[key][0]
}

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
	fmt.Fprintf(w, rw(lang, "title")+"\n", title)
	fmt.Fprintf(w, rpw(lang, "runs")+"\n", s.Runs, s.Seeds[0], s.Seeds[1])
	if s.Runs < 2 {
		fmt.Fprintln(w, rpw(lang, "oneRun"))
	}
	rows := [][]string{strings.Split(rpw(lang, "sumHead"), "|")}
	for _, m := range s.Metrics {
		rows = append(rows, []string{m.Key, f.Value(m.Kind, m.Mean), interval(f, m.Kind, m.Estimate), f.Value(m.Kind, m.Half())})
	}
	table(w, rows, nil)
}

// WritePaired prints a replicated A/B comparison; with onlySignificant,
// the rows whose difference is not significant are left out.
func WritePaired(w io.Writer, titleA, titleB string, d *PairedDiff, lang string, onlySignificant bool) {
	f := format.Text(lang)
	fmt.Fprintf(w, rpw(lang, "pairTitle")+"\n", titleA, titleB)
	fmt.Fprintf(w, rpw(lang, "runs")+"\n", d.Runs, d.Seeds[0], d.Seeds[1])
	if d.Runs < 2 {
		fmt.Fprintln(w, rpw(lang, "oneRun"))
	}
	rows := [][]string{strings.Split(rpw(lang, "pairHead"), "|")}
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
		fmt.Fprintln(w, rpw(lang, "pairNone"))
	} else {
		fmt.Fprintf(w, rpw(lang, "pairSig")+"\n", d.Significant, len(d.Rows))
	}
}

// formatParam prints a swept parameter's value.
func formatParam(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
