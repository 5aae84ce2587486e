package whatif

import (
	"fmt"
	"io"
	"strings"

	"github.com/triggersim/triggersim/format"
)

// reportWords are the fixed phrases of the text reports, Russian and
// English.
var reportWords = map[string][2]string{
	"title":      {"%s", "%s"},
	"horizon":    {"Период: %s — %s (%d дн.), seed %d", "Horizon: %s — %s (%d days), seed %d"},
	"replay":     {"прогон записанной истории событий", "replay of a recorded event history"},
	"items":      {"Элементов: %d (пришло за период: %d)", "Items: %d (arrived: %d)"},
	"events":     {"События: запланировано %d, произошло %d, не случилось (элемент ушёл со стадии) %d; роботов по таймеру: %d", "Events: scheduled %d, fired %d, dropped (the item had left the stage) %d; delayed robot runs: %d"},
	"stages":     {"Стадии", "Stages"},
	"stageHead":  {"стадия|вошло|сейчас|медиана|p90|→ успех|→ провал", "stage|entered|at end|median|p90|→ success|→ failure"},
	"conv":       {"Конверсия (из стадии → в более позднюю)", "Conversion (from a stage → to a later one)"},
	"triggers":   {"Триггеры: сколько раз сработали", "Triggers: times fired"},
	"robots":     {"Роботы: сколько раз выполнились", "Robots: times run"},
	"robotLine":  {"%s: выполнен %d, условие не выполнено %d, отменён %d", "%s: ran %d, condition false %d, cancelled %d"},
	"never":      {"Ни разу не сработали: %s", "Never fired: %s"},
	"neverRan":   {"Ни разу не выполнились: %s", "Never ran: %s"},
	"loops":      {"Циклы, остановленные защитой", "Loops stopped by a guard"},
	"noLoops":    {"Циклов нет", "No loops"},
	"errors":     {"Ошибки", "Errors"},
	"noMove":     {"Событий, которые ничего не сдвинули: %d из %d (%s)", "Events that moved nothing: %d of %d (%s)"},
	"why":        {"Почему (частые причины):", "Why (top reasons):"},
	"moreWhy":    {"… и ещё причин: %d", "… and %d more reasons"},
	"compare":    {"Сравнение: А = %s, Б = %s", "Comparison: A = %s, B = %s"},
	"cmpHead":    {"показатель|А|Б|Б − А", "metric|A|B|B − A"},
	"cmpSame":    {"Все показатели совпадают.", "All metrics are the same."},
	"cmpChanged": {"Отличаются показателей: %d из %d (отмечены «●»).", "%d of %d metrics differ (marked ●)."},
	"stopped":    {"Прогон остановлен защитой от зацикливания.", "The run was stopped by the runaway guard."},
}

func rw(lang, key string) string {
	if lang == "en" {
		return reportWords[key][1]
	}
	return reportWords[key][0]
}

// WriteReport prints the KPIs as a readable report in lang ("ru" or "en").
func WriteReport(w io.Writer, title string, k *KPIs, lang string) {
	p := func(layout string, a ...any) { fmt.Fprintf(w, layout, a...) }
	f := format.Text(lang)
	p(rw(lang, "title")+"\n", title)
	p(rw(lang, "horizon")+"\n", k.Start, k.End, k.Days, k.Seed)
	if k.Replay {
		p("%s\n", rw(lang, "replay"))
	}
	if k.Stopped {
		p("%s\n", rw(lang, "stopped"))
	}
	p(rw(lang, "items")+"\n", k.Items, k.Arrived)
	p(rw(lang, "events")+"\n", k.Events.Scheduled, k.Events.Fired, k.Events.Dropped, k.EngineSteps)
	for _, c := range k.Events.ByCode {
		p("  %-14s %6d / %6d / %6d\n", c.Code, c.Scheduled, c.Fired, c.Dropped)
	}

	p("\n%s\n", rw(lang, "stages"))
	rows := [][]string{strings.Split(rw(lang, "stageHead"), "|")}
	for _, s := range k.Stages {
		if s.Entered == 0 && s.AtEnd == 0 {
			continue
		}
		name := s.Entity + " " + s.Stage
		if s.Name != "" {
			name += " (" + s.Name + ")"
		}
		rows = append(rows, []string{name, f.Int(int64(s.Entered)), f.Int(int64(s.AtEnd)),
			f.Duration(s.MedianSec), f.Duration(s.P90Sec), f.Percent(s.ToSuccess), f.Percent(s.ToFailure)})
	}
	table(w, rows, nil)

	if len(k.Conversion) > 0 {
		p("\n%s\n", rw(lang, "conv"))
		for _, c := range k.Conversion {
			p("  %s %s → %s: %s (%d)\n", c.Entity, c.From, c.To, f.Percent(c.Share), c.Items)
		}
	}
	if len(k.Triggers) > 0 {
		p("\n%s\n", rw(lang, "triggers"))
		for _, t := range k.Triggers {
			p("  %s (%s → %s): %d\n", t.ID, t.Code, t.Stage, t.Fired)
		}
		if len(k.NeverFired) > 0 {
			p("  "+rw(lang, "never")+"\n", strings.Join(k.NeverFired, ", "))
		}
	}
	if len(k.Robots) > 0 {
		p("\n%s\n", rw(lang, "robots"))
		for _, r := range k.Robots {
			p("  "+rw(lang, "robotLine")+"\n", r.ID, r.Ran, r.Condition, r.Cancelled)
		}
		if len(k.NeverRan) > 0 {
			p("  "+rw(lang, "neverRan")+"\n", strings.Join(k.NeverRan, ", "))
		}
	}
	p("\n")
	if len(k.Loops) == 0 {
		p("%s\n", rw(lang, "noLoops"))
	} else {
		p("%s\n", rw(lang, "loops"))
		for _, l := range k.Loops {
			p("  %d × %s: %s\n", l.Count, l.Kind, strings.Join(l.Cycle, " → "))
		}
	}
	if len(k.Errors) > 0 {
		p("\n%s\n", rw(lang, "errors"))
		for _, e := range k.Errors {
			p("  %d × %s\n", e.Count, e.Text)
		}
	}
	p("\n"+rw(lang, "noMove")+"\n", k.NoMove.Events, k.Events.Fired, f.Percent(k.NoMove.Share))
	if len(k.NoMove.Reasons) > 0 {
		p("%s\n", rw(lang, "why"))
		for _, r := range k.NoMove.Reasons {
			who := ""
			if r.Trigger != "" {
				who = r.Trigger + ": "
			}
			p("  %6d (%s) %s%s\n", r.Count, f.Percent(r.Share), who, r.Text)
		}
		if k.NoMove.MoreReasons > 0 {
			p("  "+rw(lang, "moreWhy")+"\n", k.NoMove.MoreReasons)
		}
	}
}

// WriteDiff prints an A/B comparison: every metric side by side, the ones
// that differ marked. With onlyChanged, equal metrics are left out.
func WriteDiff(w io.Writer, titleA, titleB string, d Diff, lang string, onlyChanged bool) {
	f := format.Text(lang)
	fmt.Fprintf(w, rw(lang, "compare")+"\n", titleA, titleB)
	rows := [][]string{strings.Split(rw(lang, "cmpHead"), "|")}
	marks := []bool{false}
	for _, r := range d.Rows {
		if onlyChanged && !r.Changed {
			continue
		}
		delta := ""
		if r.Changed {
			delta = f.Delta(r.Kind, r.Delta)
		}
		rows = append(rows, []string{r.Key, f.Value(r.Kind, r.A), f.Value(r.Kind, r.B), delta})
		marks = append(marks, r.Changed)
	}
	table(w, rows, marks)
	if d.Changed == 0 {
		fmt.Fprintln(w, rw(lang, "cmpSame"))
	} else {
		fmt.Fprintf(w, rw(lang, "cmpChanged")+"\n", d.Changed, len(d.Rows))
	}
}

// table prints rows in aligned columns (the first left-aligned, the rest
// right-aligned); a marked row starts with "●".
func table(w io.Writer, rows [][]string, marks []bool) {
	width := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for ri, r := range rows {
		mark := "  "
		if marks != nil && marks[ri] {
			mark = "● "
		}
		var b strings.Builder
		b.WriteString(mark)
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
