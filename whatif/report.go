package whatif

import (
	"fmt"
	"io"
	"strings"

	"github.com/triggersim/triggersim/format"
)

// WriteReport prints the KPIs as a readable report in lang ("ru" or "en").
func WriteReport(w io.Writer, title string, k *KPIs, lang string) {
	p := func(layout string, a ...any) { fmt.Fprintf(w, layout, a...) }
	f := format.Text(lang)
	n := func(v int) string { return f.Int(int64(v)) }
	line := func(key string, pairs ...string) { p("%s\n", say(lang, key, pairs...)) }
	p("%s\n", title)
	line("report.horizon", "start", k.Start, "end", k.End, "days", n(k.Days), "seed", n(k.Seed))
	if k.Replay {
		line("report.replay")
	}
	if k.Stopped {
		line("report.stopped")
	}
	line("report.items", "items", n(k.Items), "arrived", n(k.Arrived))
	line("report.events", "scheduled", n(k.Events.Scheduled), "fired", n(k.Events.Fired), "dropped", n(k.Events.Dropped), "robots", n(k.EngineSteps))
	for _, c := range k.Events.ByCode {
		p("  %-14s %6d / %6d / %6d\n", c.Code, c.Scheduled, c.Fired, c.Dropped)
	}

	p("\n")
	line("report.stages")
	rows := [][]string{strings.Split(say(lang, "report.stageHead"), "|")}
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
		p("\n")
		line("report.conv")
		for _, c := range k.Conversion {
			p("  %s %s → %s: %s (%s)\n", c.Entity, c.From, c.To, f.Percent(c.Share), n(c.Items))
		}
	}
	if len(k.Triggers) > 0 {
		p("\n")
		line("report.triggers")
		for _, t := range k.Triggers {
			p("  %s (%s → %s): %s\n", t.ID, t.Code, t.Stage, n(t.Fired))
		}
		if len(k.NeverFired) > 0 {
			p("  ")
			line("report.never", "triggers", strings.Join(k.NeverFired, ", "))
		}
	}
	if len(k.Robots) > 0 {
		p("\n")
		line("report.robots")
		for _, r := range k.Robots {
			p("  ")
			line("report.robotLine", "robot", r.ID, "ran", n(r.Ran), "condition", n(r.Condition), "cancelled", n(r.Cancelled))
		}
		if len(k.NeverRan) > 0 {
			p("  ")
			line("report.neverRan", "robots", strings.Join(k.NeverRan, ", "))
		}
	}
	p("\n")
	if len(k.Loops) == 0 {
		line("report.noLoops")
	} else {
		line("report.loops")
		for _, l := range k.Loops {
			p("  %s × %s: %s\n", n(l.Count), l.Kind, strings.Join(l.Cycle, " → "))
		}
	}
	if len(k.Errors) > 0 {
		p("\n")
		line("report.errors")
		for _, e := range k.Errors {
			p("  %s × %s\n", n(e.Count), e.Text)
		}
	}
	p("\n")
	line("report.noMove", "events", n(k.NoMove.Events), "fired", n(k.Events.Fired), "share", f.Percent(k.NoMove.Share))
	if len(k.NoMove.Reasons) > 0 {
		line("report.why")
		for _, r := range k.NoMove.Reasons {
			who := ""
			if r.Trigger != "" {
				who = r.Trigger + ": "
			}
			p("  %6s (%s) %s%s\n", n(r.Count), f.Percent(r.Share), who, r.Text)
		}
		if k.NoMove.MoreReasons > 0 {
			p("  ")
			line("report.moreWhy", "n", n(k.NoMove.MoreReasons))
		}
	}
}

// WriteDiff prints an A/B comparison: every metric side by side, the ones
// that differ marked. With onlyChanged, equal metrics are left out.
func WriteDiff(w io.Writer, titleA, titleB string, d Diff, lang string, onlyChanged bool) {
	f := format.Text(lang)
	fmt.Fprintln(w, say(lang, "report.compare", "a", titleA, "b", titleB))
	rows := [][]string{strings.Split(say(lang, "report.cmpHead"), "|")}
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
		fmt.Fprintln(w, say(lang, "report.cmpSame"))
	} else {
		fmt.Fprintln(w, say(lang, "report.cmpChanged", "changed", f.Int(int64(d.Changed)), "total", f.Int(int64(len(d.Rows)))))
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
