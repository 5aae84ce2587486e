package charts

import (
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/whatif"
)

// Table is a KPI table: a header and rows of cells. The page shows it
// with formatted cells; the CSV export writes the raw form (plain numbers,
// seconds, shares as percents with a dot) that a spreadsheet can compute
// with.
type Table struct {
	Name string // file name stem: "stages", "triggers", …
	Head []string
	Rows [][]string
	// Numeric marks the columns to align right.
	Numeric []bool
}

// Tables are the KPI tables of a run: stages, triggers, robots, the
// reasons why events moved nothing, and loops. raw selects the CSV form.
func Tables(k *whatif.KPIs, sc *engine.Scenario, lang string, raw bool) []Table {
	t := func(key string) string { return i18n.T(lang, "whatif.col."+key) }
	cnt := func(n int) string {
		if raw {
			return strconv.Itoa(n)
		}
		return format.UI(lang).Int(int64(n))
	}
	pct := func(f float64) string {
		if raw {
			return strconv.FormatFloat(f*100, 'f', 1, 64)
		}
		return format.UI(lang).Percent(f)
	}
	dur := func(sec int64, n int) string {
		if raw {
			return strconv.FormatInt(sec, 10)
		}
		if n == 0 {
			return "—"
		}
		return format.UI(lang).Duration(sec)
	}
	secHead := func(key string) string {
		if raw {
			return t(key) + ", " + i18n.T(lang, "whatif.col.seconds")
		}
		return t(key)
	}
	pctHead := func(key string) string {
		if raw {
			return t(key) + ", %"
		}
		return t(key)
	}

	stages := Table{Name: "stages",
		Head:    []string{t("stage"), t("id"), t("entered"), t("items"), t("atEnd"), secHead("median"), secHead("p90"), pctHead("toSuccess"), pctHead("toFailure")},
		Numeric: []bool{false, false, true, true, true, true, true, true, true}}
	for _, s := range k.Stages {
		stages.Rows = append(stages.Rows, []string{stageLabel(s), s.Stage, cnt(s.Entered), cnt(s.Items), cnt(s.AtEnd),
			dur(s.MedianSec, s.Left), dur(s.P90Sec, s.Left), pct(s.ToSuccess), pct(s.ToFailure)})
	}

	triggers := Table{Name: "triggers",
		Head:    []string{t("trigger"), t("id"), t("stageId"), t("code"), t("fired"), t("skipped")},
		Numeric: []bool{false, false, false, false, true, true}}
	for _, tr := range k.Triggers {
		triggers.Rows = append(triggers.Rows, []string{TriggerName(sc, tr.ID), tr.ID, tr.Stage, tr.Code, cnt(tr.Fired), cnt(tr.Skipped)})
	}

	robots := Table{Name: "robots",
		Head:    []string{t("robot"), t("id"), t("stageId"), t("type"), t("ran"), t("condition"), t("scheduled"), t("cancelled"), t("failed")},
		Numeric: []bool{false, false, false, false, true, true, true, true, true}}
	for _, r := range k.Robots {
		robots.Rows = append(robots.Rows, []string{RobotName(sc, r.ID), r.ID, r.Stage, r.Type, cnt(r.Ran), cnt(r.Condition), cnt(r.Scheduled), cnt(r.Cancelled), cnt(r.Failed)})
	}

	reasons := Table{Name: "no-move-reasons",
		Head:    []string{t("reason"), t("trigger"), t("count"), pctHead("share")},
		Numeric: []bool{false, false, true, true}}
	for _, r := range k.NoMove.Reasons {
		tr := ""
		if r.Trigger != "" {
			tr = TriggerName(sc, r.Trigger)
		}
		reasons.Rows = append(reasons.Rows, []string{r.TextIn(lang), tr, cnt(r.Count), pct(r.Share)})
	}

	loops := Table{Name: "loops",
		Head:    []string{t("loop"), t("cycle"), t("count")},
		Numeric: []bool{false, false, true}}
	for _, l := range k.Loops {
		loops.Rows = append(loops.Rows, []string{l.Kind, strings.Join(l.Cycle, " → "), cnt(l.Count)})
	}
	return []Table{stages, triggers, robots, reasons, loops}
}

// CompareTable is the A/B comparison as a table (for the CSV export).
func CompareTable(rows []Row, lang string) Table {
	t := func(key string) string { return i18n.T(lang, "whatif.col."+key) }
	tab := Table{Name: "compare", Head: []string{t("metric"), t("key"), "A", "B", t("delta"), t("verdict")},
		Numeric: []bool{false, false, true, true, true, false}}
	for _, r := range rows {
		verdict := ""
		switch {
		case r.Tone > 0:
			verdict = i18n.T(lang, "whatif.better")
		case r.Tone < 0:
			verdict = i18n.T(lang, "whatif.worse")
		case r.Changed:
			verdict = i18n.T(lang, "whatif.changed")
		}
		tab.Rows = append(tab.Rows, []string{r.Label, r.Key, r.A, r.B, r.Delta, verdict})
	}
	return tab
}

// CSV is the table as CSV bytes (see the package function CSV).
func (t Table) CSV() []byte {
	rows := make([][]string, 0, len(t.Rows)+1)
	rows = append(rows, t.Head)
	rows = append(rows, t.Rows...)
	return CSV(rows)
}
