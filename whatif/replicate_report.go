package whatif

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
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
func interval(key string, e Estimate) string {
	return "[" + formatMean(key, e.Low) + "; " + formatMean(key, e.High) + "]"
}

// formatMean prints a mean or a bound: like formatMetric, with counts
// rounded to two decimals (the interval is not that precise anyway).
func formatMean(key string, v float64) string {
	s := formatMetric(key, v)
	if s == strconv.FormatFloat(v, 'f', -1, 64) {
		return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	}
	return s
}

// WriteSummary prints a replicated run: every metric with its interval.
func WriteSummary(w io.Writer, title string, s *Summary, lang string) {
	fmt.Fprintf(w, rw(lang, "title")+"\n", title)
	fmt.Fprintf(w, rpw(lang, "runs")+"\n", s.Runs, s.Seeds[0], s.Seeds[1])
	if s.Runs < 2 {
		fmt.Fprintln(w, rpw(lang, "oneRun"))
	}
	rows := [][]string{strings.Split(rpw(lang, "sumHead"), "|")}
	for _, m := range s.Metrics {
		rows = append(rows, []string{m.Key, formatMean(m.Key, m.Mean), interval(m.Key, m.Estimate), formatMean(m.Key, m.Half())})
	}
	table(w, rows, nil)
}

// WritePaired prints a replicated A/B comparison; with onlySignificant,
// the rows whose difference is not significant are left out.
func WritePaired(w io.Writer, titleA, titleB string, d *PairedDiff, lang string, onlySignificant bool) {
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
		delta := formatMean(r.Key, r.Delta.Mean)
		if r.Delta.Mean > 0 {
			delta = "+" + delta
		}
		rows = append(rows, []string{r.Key, formatMean(r.Key, r.A.Mean), formatMean(r.Key, r.B.Mean), delta, interval(r.Key, r.Delta)})
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
