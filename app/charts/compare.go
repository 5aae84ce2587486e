package charts

import (
	"strings"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/whatif"
)

// Row is one metric of an A/B comparison as the page and the CSV show it.
type Row struct {
	Key   string
	Label string
	A, B  string // formatted values
	Delta string // formatted B − A, "" when equal
	// Tone is 1 when B is better, -1 when worse, 0 when the change is
	// neither (or there is none); Changed marks any difference.
	Tone    int
	Changed bool
}

// CompareRows turns a whatif.Diff into labelled, formatted rows. Stage
// and trigger names come from the scenarios (A's first, then B's).
func CompareRows(d whatif.Diff, ka, kb *whatif.KPIs, sa, sb *engine.Scenario, lang string) []Row {
	sem := map[string]string{}
	names := map[string]string{}
	for _, k := range []*whatif.KPIs{kb, ka} {
		if k == nil {
			continue
		}
		for _, s := range k.Stages {
			sem[s.Entity+"/"+s.Stage] = s.Semantics
			names[s.Entity+"/"+s.Stage] = stageLabel(s)
		}
	}
	f := format.UI(lang)
	out := make([]Row, 0, len(d.Rows))
	for _, r := range d.Rows {
		row := Row{Key: r.Key, Label: MetricLabel(r.Key, names, sa, sb, lang),
			A: f.Value(r.Kind, r.A), B: f.Value(r.Kind, r.B), Changed: r.Changed}
		if r.Missing == "a" {
			row.A = "—"
		}
		if r.Missing == "b" {
			row.B = "—"
		}
		if r.Changed && r.Missing == "" {
			row.Delta = f.Delta(r.Kind, r.Delta)
			row.Tone = Tone(r.Key, r.Delta, sem)
		}
		out = append(out, row)
	}
	return out
}

// Tone judges a change of a metric: 1 better, -1 worse, 0 neutral. More
// items reaching success is better, reaching failure worse; shorter time
// in a process stage is better; events that moved nothing, loops and
// errors are worse. Trigger and robot counts are neutral: more firings is
// neither good nor bad in itself.
func Tone(key string, delta float64, semantics map[string]string) int {
	if delta == 0 {
		return 0
	}
	up := 1
	if delta < 0 {
		up = -1
	}
	parts := strings.Split(key, "/")
	switch parts[0] {
	case "noMove", "loop", "error":
		return -up
	case "stage":
		if len(parts) != 4 {
			return 0
		}
		sem := semantics[parts[1]+"/"+parts[2]]
		switch parts[3] {
		case "toSuccess":
			return up
		case "toFailure":
			return -up
		case "medianSec", "p90Sec":
			if sem == engine.Process {
				return -up
			}
			return 0
		case "items", "entered", "atEnd":
			switch {
			case sem == engine.Success:
				return up
			case sem == engine.Failure:
				return -up
			case parts[3] != "atEnd":
				// More items reaching a process stage is progress
				// down the funnel; what stays there at the end is
				// work in progress, neither good nor bad.
				return up
			}
		}
	case "conv":
		if len(parts) == 4 {
			switch semantics[parts[1]+"/"+parts[3]] {
			case engine.Failure:
				return -up
			default:
				return up
			}
		}
	}
	return 0
}

// MetricLabel names a metric key for people: "Сделка успешна: в конце
// периода", "Новая → Сделка успешна", "Триггер «Счёт оплачен»: сработал".
func MetricLabel(key string, stageNames map[string]string, sa, sb *engine.Scenario, lang string) string {
	parts := strings.Split(key, "/")
	stage := func(entity, id string) string {
		if n, ok := stageNames[entity+"/"+id]; ok {
			return n
		}
		return id
	}
	trig := func(id string) string {
		if n := TriggerName(sa, id); n != id {
			return n
		}
		return TriggerName(sb, id)
	}
	robot := func(id string) string {
		if n := RobotName(sa, id); n != id {
			return n
		}
		return RobotName(sb, id)
	}
	t := func(k string) string { return i18n.T(lang, "whatif.m."+k) }
	q := func(s string) string {
		if lang == "en" {
			return "“" + s + "”"
		}
		return "«" + s + "»"
	}
	switch {
	case parts[0] == "stage" && len(parts) == 4:
		return stage(parts[1], parts[2]) + ": " + t("stage."+parts[3])
	case parts[0] == "conv" && len(parts) == 4:
		return t("conv") + ": " + stage(parts[1], parts[2]) + " → " + stage(parts[1], parts[3])
	case parts[0] == "trigger" && len(parts) == 3:
		return t("trigger") + " " + q(trig(parts[1])) + ": " + t("trigger."+parts[2])
	case parts[0] == "robot" && len(parts) == 3:
		return t("robot") + " " + q(robot(parts[1])) + ": " + t("robot."+parts[2])
	case parts[0] == "loop" && len(parts) >= 2:
		return t("loop") + ": " + strings.Join(parts[2:], " → ")
	case parts[0] == "error" && len(parts) >= 2:
		return t("error") + ": " + strings.Join(parts[1:], "/")
	case parts[0] == "noMove" && len(parts) >= 2 && parts[1] != "events" && parts[1] != "share":
		s := t("noMoveReason") + ": " + parts[1]
		if len(parts) > 2 {
			s += " (" + q(trig(parts[2])) + ")"
		}
		return s
	}
	if l := i18n.T(lang, "whatif.m."+key); l != "whatif.m."+key {
		return l
	}
	return key
}
