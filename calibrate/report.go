package calibrate

import (
	"fmt"
	"io"
	"strings"

	"github.com/triggersim/triggersim/format"
)

var words = map[string][2]string{
	"title":    {"Калибровка по истории: %s — %s, записей %d; прогонов модели: %d", "Calibration from history: %s — %s, %d records; model runs: %d"},
	"arrivals": {"Новые элементы за период (история / модель, 95 % интервал)", "New items in the window (history / model, 95 % interval)"},
	"arrLine":  {"  %s: %d / %s [%s; %s] (%s)", "  %s: %d / %s [%s; %s] (%s)"},
	"finals":   {"Доля созданных, закончивших на финальной стадии (история / модель)", "Share of the created items that ended in a final stage (history / model)"},
	"stages":   {"Время на стадии, завершённые пребывания", "Time in stage, completed stays"},
	"stHead":   {"стадия|n ист.|n мод.|медиана ист.|медиана мод.|p90 ист.|p90 мод.", "stage|n hist.|n model|median hist.|median model|p90 hist.|p90 model"},
	"trans":    {"Переходы между стадиями за период (история / модель), разность частот: %s", "Moves between stages in the window (history / model), frequency difference: %s"},
	"emd":      {"Расстояние (EMD) времени цикла: %s при среднем %s; времени прихода: %s ч", "Earth mover's distance of cycle time: %s with a mean of %s; of arrival time: %s h"},
	"notes":    {"Замечания", "Notes"},
}

func wd(lang, k string) string {
	if lang == "en" {
		return words[k][1]
	}
	return words[k][0]
}

// WriteReport prints the fit report in lang ("ru" or "en").
func WriteReport(w io.Writer, r *Report, lang string) {
	p := func(layout string, a ...any) { fmt.Fprintf(w, layout, a...) }
	f := format.Text(lang)
	num, dur := f.Number, f.Duration
	p(wd(lang, "title")+"\n\n", r.From, r.To, r.Records, r.Runs)
	p("%s\n", wd(lang, "arrivals"))
	for _, a := range r.Arrivals {
		p(wd(lang, "arrLine")+"\n", a.Entity, a.Observed, num(a.Simulated.Mean), num(a.Simulated.Low), num(a.Simulated.High), signedPct(f, a.Diff))
	}
	p("\n%s\n", wd(lang, "finals"))
	for _, fin := range r.Finals {
		p("  %s %s (%s): %s / %s (%s)\n", fin.Entity, fin.Stage, fin.Name, f.Percent(fin.Observed), f.Percent(fin.Simulated), f.Points(fin.Simulated-fin.Observed))
	}
	p("\n%s\n", wd(lang, "stages"))
	rows := [][]string{strings.Split(wd(lang, "stHead"), "|")}
	for _, s := range r.Stages {
		rows = append(rows, []string{s.Entity + " " + s.Stage + " (" + s.Name + ")", f.Int(int64(s.ObservedN)), num(s.SimulatedN),
			dur(s.ObservedMed), dur(s.SimulatedMed), dur(s.ObservedP90), dur(s.SimulatedP90)})
	}
	table(w, rows)
	p("\n"+wd(lang, "trans")+"\n", f.Percent(r.TransitionDiff))
	for i, t := range r.Transitions {
		if i == 15 {
			p("  … %d\n", len(r.Transitions)-i)
			break
		}
		p("  %s %s → %s: %s / %s\n", t.Entity, t.From, t.To, num(t.Observed), num(t.Simulated))
	}
	p("\n"+wd(lang, "emd")+"\n", f.Seconds(r.CycleEMDSec), f.Seconds(r.CycleMeanSec), num(r.ArrivalEMDHours))
	if len(r.Notes) > 0 {
		p("\n%s\n", wd(lang, "notes"))
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
