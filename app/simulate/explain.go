package simulate

import (
	"sort"
	"strings"
	"time"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// Line is one log entry put into words for the interface language.
type Line struct {
	Seq     int
	At      time.Time
	Type    string
	Target  string
	Trigger string
	Robot   string
	// Status is "fired" or "skipped" for a trigger candidate, the robot
	// status (ran, condition, inactive, error) for a robot entry.
	Status string
	Text   string
}

// Candidate statuses in Explanation.Candidates.
const (
	Fired   = "fired"
	Skipped = "skipped"
)

// Explanation is what one event set off, grouped the way a person asks
// about it: where did it go, which triggers were considered and why did
// they fire or not, what moved, and what the robots did.
type Explanation struct {
	Index  int
	Code   string
	Target string
	At     time.Time
	// Title is the event in words ("Входящий звонок → CONTACT_1").
	Title      string
	Delivery   []Line // deliver, undelivered
	Candidates []Line // trigger (Fired), skip (Skipped)
	Changes    []Line // create, move, update
	Robots     []Line // robot, scheduled, cancelled, outbox
	Other      []Line // cascaded events, notes, errors, loops
}

// Empty reports whether nothing but the event itself was logged.
func (x *Explanation) Empty() bool {
	return len(x.Delivery)+len(x.Candidates)+len(x.Changes)+len(x.Robots)+len(x.Other) == 0
}

// Explain groups the log entries of event idx (the entries whose Event is
// idx: the event's cascade and the delayed robots it led to). It returns
// nil when idx is not an event of the simulation.
func Explain(sim *engine.Sim, idx int, n *Names, lang string) *Explanation {
	events := sim.Events()
	if idx < 0 || idx >= len(events) {
		return nil
	}
	ev := events[idx]
	x := &Explanation{Index: idx, Code: ev.Code, Target: ev.Target, At: ev.At.Resolve(sim.Scenario().Start)}
	x.Title = i18n.T(lang, "board.explain.title")
	x.Title = fill(x.Title, "code", CodeName(ev.Code, lang), "target", targetName(ev.Target, n))
	first := true
	for _, e := range sim.Log() {
		if e.Event != idx {
			continue
		}
		if first && e.Type == engine.LogEvent {
			// The event itself is the title.
			first = false
			x.At = e.Time
			continue
		}
		first = false
		l := Describe(e, n, lang)
		switch e.Type {
		case engine.LogDeliver, engine.LogUndelivered:
			x.Delivery = append(x.Delivery, l)
		case engine.LogTrigger:
			l.Status = Fired
			x.Candidates = append(x.Candidates, l)
		case engine.LogSkip:
			l.Status = Skipped
			x.Candidates = append(x.Candidates, l)
		case engine.LogCreate, engine.LogMove, engine.LogUpdate:
			x.Changes = append(x.Changes, l)
		case engine.LogRobot, engine.LogScheduled, engine.LogCancelled, engine.LogOutbox:
			x.Robots = append(x.Robots, l)
		default:
			x.Other = append(x.Other, l)
		}
	}
	return x
}

// targetName is a target with its client's name when it has one.
func targetName(target string, n *Names) string {
	if name := n.Client(target); name != "" {
		return target + " (" + name + ")"
	}
	return target
}

// Describe puts one log entry into words.
func Describe(e engine.LogEntry, n *Names, lang string) Line {
	l := Line{Seq: e.Seq, At: e.Time, Type: e.Type, Target: e.Target, Trigger: e.Trigger, Robot: e.Robot, Status: e.Status}
	ent := EntityOf(e.Target)
	reason := ""
	if !e.Why.IsZero() {
		reason = e.Why.Text(lang)
	}
	stage := func(id string) string { return n.Stage(ent, id) }
	by := 0
	if e.By != nil {
		by = *e.By
	}
	var key string
	args := []string{"target", e.Target, "reason", reason, "from", stage(e.From), "to", stage(e.To),
		"user", n.User(by), "trigger", n.Trigger(e.Trigger, lang), "robot", n.Robot(e.Robot),
		"code", CodeName(e.Code, lang), "text", e.Text}
	switch e.Type {
	case engine.LogEvent:
		key = "board.log.event"
		if reason != "" {
			key = "board.log.eventWhy"
		}
		args = append(args, "target", targetName(e.Target, n))
	case engine.LogTrigger:
		key = "board.log.trigger"
		if by == 0 {
			key = "board.log.triggerAuto"
		}
	case engine.LogSkip:
		key = "board.log.skip"
		args = append(args, "tstage", n.Stage(ent, n.TriggerStage(e.Trigger)))
	case engine.LogMove:
		switch {
		case e.Robot != "":
			key = "board.log.moveRobot"
		case by != 0:
			key = "board.log.moveUser"
		default:
			key = "board.log.move"
		}
	case engine.LogCreate:
		key = "board.log.create"
	case engine.LogUpdate:
		key = "board.log.update"
		if e.Robot != "" {
			key = "board.log.updateRobot"
		}
		args = append(args, "fields", describeFields(e.Fields, n, lang))
	case engine.LogRobot:
		switch e.Status {
		case engine.RobotRan:
			key = "board.log.robotRan"
			if e.Text != "" {
				key = "board.log.robotRanText"
			}
		case engine.RobotCondition:
			key = "board.log.robotCondition"
		case engine.RobotInactive:
			key = "board.log.robotInactive"
		default:
			key = "board.log.robotError"
		}
	case engine.LogScheduled:
		key = "board.log.scheduled"
		args = append(args, "due", dueText(e.Due, lang))
	case engine.LogCancelled:
		key = "board.log.cancelled"
	case engine.LogOutbox:
		key = "board.log.outbox." + e.Code
		if !i18n.Has(lang, key) {
			key = "board.log.outbox"
		}
	default: // deliver, undelivered, note, error, loop
		key = "board.log.reason"
		if reason == "" {
			args = append(args, "reason", e.Text)
		}
	}
	l.Text = fill(i18n.T(lang, key), args...)
	return l
}

// describeFields lists written fields as "Name: value", sorted by id.
func describeFields(fields map[string]any, n *Names, lang string) string {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		v := engine.FormatValue(engine.StandardFieldType(k), fields[k])
		if k == "ASSIGNED_BY_ID" || k == "MODIFY_BY_ID" {
			if f, ok := fields[k].(float64); ok {
				v = n.User(int(f))
			}
		}
		parts = append(parts, engine.FieldName(k, lang)+": "+v)
	}
	return strings.Join(parts, ", ")
}

func dueText(due, lang string) string {
	t, err := time.Parse(time.RFC3339, due)
	if err != nil {
		return due
	}
	return FormatShort(t, lang)
}

// fill replaces {name} placeholders; later pairs win over earlier ones.
func fill(s string, kv ...string) string {
	for i := len(kv) - 2; i >= 0; i -= 2 {
		ph := "{" + kv[i] + "}"
		if strings.Contains(s, ph) {
			s = strings.ReplaceAll(s, ph, kv[i+1])
		}
	}
	return s
}
