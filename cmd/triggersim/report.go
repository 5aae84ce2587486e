package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/triggersim/triggersim/engine"
)

func when(lang string, t time.Time) string {
	return strings.Fields(say(lang, "run.weekdays"))[t.Weekday()] + " " + t.Format("2006-01-02 15:04")
}

// writeReport prints the timeline of events, moves, robots and skips with
// their reasons, the items' final stages and the expectations.
func writeReport(out io.Writer, sc *engine.Scenario, res *engine.Result, lang string) {
	title := sc.Title
	if title == "" {
		title = "triggersim"
	}
	end, _ := time.Parse(time.RFC3339, res.End)
	fmt.Fprintf(out, "%s\n%s\n", title, say(lang, "run.period", "start", when(lang, sc.Start), "end", when(lang, end)))
	if note := say(lang, "run.fromFile"); note != "" {
		// The file's names stay in its language (often Russian): the
		// quotes tell an English reader where they come from.
		fmt.Fprintln(out, note)
	}
	fmt.Fprintln(out)
	fmt.Fprintf(out, "%s\n", say(lang, "run.timeline"))
	if len(res.Log) == 0 {
		fmt.Fprintf(out, "  %s\n", say(lang, "run.noEvents"))
	}
	entityOf := func(target string) string {
		t, _, _ := engine.ParseTarget(target)
		return t
	}
	stage := func(target, id string) string { return stageLabel(sc, entityOf(target), id, lang) }
	user := func(id int) string { return userLabel(sc, id, lang) }
	lastAt := ""
	for _, e := range res.Log {
		prefix := strings.Repeat(" ", 23)
		if e.At != lastAt {
			t, _ := time.Parse(time.RFC3339, e.At)
			prefix = fmt.Sprintf("  %-21s", when(lang, t))
			lastAt = e.At
		}
		line := ""
		switch e.Type {
		case engine.LogEvent:
			line = fmt.Sprintf("▶ %s → %s%s", e.Code, e.Target, dataText(e.Data, lang))
			if e.Reason != "" {
				line += " (" + e.Reason + ")"
			}
		case engine.LogDeliver:
			line = "  ↳ " + e.Reason
		case engine.LogUndelivered:
			line = "  ↳ ✗ " + e.Reason
		case engine.LogTrigger:
			line = "  " + say(lang, "run.fired", "trigger", e.Trigger, "name", triggerName(sc, e.Trigger), "item", e.Target,
				"from", stage(e.Target, e.From), "to", stage(e.Target, e.To), "user", user(deref(e.By)))
		case engine.LogSkip:
			line = fmt.Sprintf("  ✗ %s%s: %s", e.Trigger, triggerName(sc, e.Trigger), e.Reason)
		case engine.LogCreate:
			line = "  " + say(lang, "run.created", "item", e.Target, "stage", stage(e.Target, e.To))
		case engine.LogMove:
			line = "  " + say(lang, "run.moved", "item", e.Target, "from", stage(e.Target, e.From), "to", stage(e.Target, e.To))
			if e.Robot != "" {
				line += " (" + e.Robot + ")"
			} else if e.By != nil {
				line += say(lang, "run.movedBy", "user", user(*e.By))
			}
		case engine.LogUpdate:
			line = "  " + say(lang, "run.updated", "item", e.Target, "fields", dataText(e.Fields, lang))
		case engine.LogRobot:
			key := "run.robotRan"
			if e.Status != engine.RobotRan {
				key = "run.robotNotRun"
			}
			line = "  " + say(lang, key, "robot", e.Robot, "name", robotName(sc, e.Robot), "item", e.Target)
			if e.Text != "" {
				line += " «" + e.Text + "»"
			}
			if e.Reason != "" {
				line += " — " + e.Reason
			}
		case engine.LogScheduled:
			line = "  " + say(lang, "run.scheduled", "robot", e.Robot, "name", robotName(sc, e.Robot), "item", e.Target, "when", whenText(lang, e.Due))
			if e.Reason != "" {
				line += " — " + e.Reason
			}
		case engine.LogCancelled:
			line = "  " + say(lang, "run.cancelled", "robot", e.Robot, "item", e.Target, "reason", e.Reason)
		case engine.LogOutbox:
			line = fmt.Sprintf("  ✉ %s: %s", e.Code, e.Text)
		case engine.LogNote:
			line = "  ℹ " + e.Reason
		case engine.LogError:
			line = "  ⚠ " + e.Reason
		case engine.LogLoop:
			line = "  ⟳ " + e.Reason
		default:
			line = "  " + e.Type + " " + e.Reason
		}
		fmt.Fprintf(out, "%s%s\n", prefix, line)
	}
	fmt.Fprintf(out, "\n%s\n", say(lang, "run.items"))
	for _, it := range res.Items {
		fmt.Fprintf(out, "  %-20s %s\n", it.Target, stage(it.Target, it.Stage))
	}
	fmt.Fprintf(out, "\n%s\n", say(lang, "run.expect"))
	if len(res.Expect) == 0 {
		fmt.Fprintf(out, "  %s\n", say(lang, "run.noExpect"))
		return
	}
	pass := 0
	for _, e := range res.Expect {
		mark := "✘"
		if e.Pass {
			mark = "✔"
			pass++
		}
		name := ""
		if e.Name != "" {
			name = e.Name + ": "
			if lang == "en" {
				name = "«" + e.Name + "»: "
			}
		}
		fmt.Fprintf(out, "  %s %s%s\n", mark, name, e.Message)
	}
	fmt.Fprintf(out, "  %s\n", say(lang, "run.passed", "passed", num(lang, pass), "total", num(lang, len(res.Expect))))
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func whenText(lang, s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return when(lang, t)
}

func triggerName(sc *engine.Scenario, id string) string {
	if t, ok := sc.TriggerByID(id); ok && t.Name != "" {
		return " «" + t.Name + "»"
	}
	return ""
}

func robotName(sc *engine.Scenario, id string) string {
	if r, ok := sc.RobotByID(id); ok && r.Name != "" {
		return " «" + r.Name + "»"
	}
	return ""
}

// stageLabel is "Name (ID)" for a stage; in English the name, which is the
// file's, is quoted: "«Новая» (NEW)".
func stageLabel(sc *engine.Scenario, entity, id, lang string) string {
	label := sc.StageLabel(entity, id)
	if lang != "en" || label == id {
		return label
	}
	name := strings.TrimSuffix(label, " ("+id+")")
	return "«" + name + "» (" + id + ")"
}

// userLabel is a user's name; in English a name from the file is quoted.
func userLabel(sc *engine.Scenario, id int, lang string) string {
	name := sc.UserName(id, lang)
	if lang != "en" || id == 0 || strings.HasPrefix(name, "#") {
		return name
	}
	return "«" + name + "»"
}

// dataText prints event data or written fields as "key=value" pairs, numbers
// the way lang writes them.
func dataText(m map[string]any, lang string) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		if sub, ok := m[k].(map[string]any); ok {
			fmt.Fprintf(&b, " %s:{%s }", k, dataText(sub, lang))
			continue
		}
		fmt.Fprintf(&b, " %s=%v", k, engine.FormatValueLang(lang, "", m[k]))
	}
	return b.String()
}
