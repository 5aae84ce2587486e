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
// they fire or not, what moved, and what the robots did. The entries made
// at the event's own instant are the embedded Section; what a delayed
// robot did later (when the clock reached its due time) is in Later, one
// section per instant and robot, so that no later move is read as part of
// the event.
type Explanation struct {
	Index  int
	Code   string
	Target string
	At     time.Time
	// Title is the event in words ("Входящий звонок → CONTACT_1").
	Title string
	Section
	Later []Section
	// LaterOmitted counts the later sections past ExplainLimit, which are
	// not listed.
	LaterOmitted int
}

// ExplainLimit bounds an explanation: a section lists at most this many
// entries and an explanation at most this many later sections; the rest
// are counted (Section.Omitted, Explanation.LaterOmitted). An event that
// moves ten thousand deals is explained by its first entries and a count,
// so neither the wasm nor the side panel does work for every deal.
const ExplainLimit = 50

// Section is what happened at one instant for one cause: the event
// itself, or a delayed robot of the event that ran when its time came.
type Section struct {
	// When is the instant of the section's entries; Cause is its heading
	// (the event's title, or «Отложенный робот «…» → DEAL_1»).
	When       time.Time
	Cause      string
	Delivery   []Line // deliver, undelivered
	Candidates []Line // trigger (Fired), skip (Skipped)
	Changes    []Line // create, move, update
	Robots     []Line // robot, scheduled, cancelled, outbox
	Other      []Line // cascaded events, notes, errors, loops
	// Omitted counts the entries past ExplainLimit, which are not listed.
	Omitted int
}

// lines is how many entries the section lists.
func (s *Section) lines() int {
	return len(s.Delivery) + len(s.Candidates) + len(s.Changes) + len(s.Robots) + len(s.Other)
}

// Empty reports whether the section has no entry.
func (s *Section) Empty() bool {
	return len(s.Delivery)+len(s.Candidates)+len(s.Changes)+len(s.Robots)+len(s.Other) == 0
}

// Empty reports whether nothing but the event itself was logged.
func (x *Explanation) Empty() bool {
	return x.Section.Empty() && len(x.Later) == 0
}

// Explain groups the log entries of event idx (the entries whose Event is
// idx: the event's cascade and the delayed robots it led to). It returns
// nil when idx is not an event of the simulation.
//
// A delayed robot's run starts a new section: the robot entry that runs a
// task scheduled earlier by this event, or any entry at a later instant
// than the current section's. Everything that follows (the robot's move,
// the triggers it set off) stays under that section until the next one.
func Explain(sim *engine.Sim, idx int, n *Names, lang string) *Explanation {
	events := sim.Events()
	if idx < 0 || idx >= len(events) {
		return nil
	}
	ev := events[idx]
	x := &Explanation{Index: idx, Code: ev.Code, Target: ev.Target, At: ev.At.Resolve(sim.Scenario().Start)}
	x.Title = i18n.T(lang, "board.explain.title")
	x.Title = fill(x.Title, "code", CodeName(ev.Code, lang), "target", targetName(ev.Target, n))
	x.When, x.Cause = x.At, x.Title
	cur := &x.Section
	// scheduled counts the tasks this event scheduled and that have not
	// run yet, by robot and target.
	scheduled := map[[2]string]int{}
	// spill takes the entries of the later sections past the limit.
	var spill Section
	first := true
	// Entries are rendered only when described (at most ExplainLimit per
	// section): a big event writes tens of thousands.
	for i, e := range sim.LogRange(0, sim.LogLen()) {
		if e.Event != idx {
			continue
		}
		if first && e.Type == engine.LogEvent {
			// The event itself is the title.
			first = false
			x.At, x.When = e.Time, e.Time
			continue
		}
		first = false
		key := [2]string{e.Robot, e.Target}
		delayed := e.Type == engine.LogRobot && scheduled[key] > 0
		if delayed {
			scheduled[key]--
		}
		if delayed || e.Time.After(cur.When) {
			if len(x.Later) < ExplainLimit {
				x.Later = append(x.Later, Section{When: e.Time, Cause: laterCause(e, n, lang)})
				cur = &x.Later[len(x.Later)-1]
			} else {
				x.LaterOmitted++
				spill = Section{When: e.Time}
				cur = &spill
			}
		}
		if e.Type == engine.LogScheduled {
			scheduled[key]++
		}
		if cur == &spill {
			continue
		}
		if cur.lines() >= ExplainLimit {
			cur.Omitted++
			continue
		}
		l := Describe(sim.LogAt(i), n, lang)
		switch e.Type {
		case engine.LogDeliver, engine.LogUndelivered:
			cur.Delivery = append(cur.Delivery, l)
		case engine.LogTrigger:
			l.Status = Fired
			cur.Candidates = append(cur.Candidates, l)
		case engine.LogSkip:
			l.Status = Skipped
			cur.Candidates = append(cur.Candidates, l)
		case engine.LogCreate, engine.LogMove, engine.LogUpdate:
			cur.Changes = append(cur.Changes, l)
		case engine.LogRobot, engine.LogScheduled, engine.LogCancelled, engine.LogOutbox:
			cur.Robots = append(cur.Robots, l)
		default:
			cur.Other = append(cur.Other, l)
		}
	}
	return x
}

// laterCause is the heading of a section that starts with entry e: the
// delayed robot that ran, or the item the later entries are about.
func laterCause(e *engine.LogEntry, n *Names, lang string) string {
	if e.Robot != "" {
		return fill(i18n.T(lang, "board.explain.laterRobot"), "robot", n.Robot(e.Robot, lang), "target", targetName(e.Target, n))
	}
	return fill(i18n.T(lang, "board.explain.later"), "target", targetName(e.Target, n))
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
		"user", n.User(by), "trigger", n.Trigger(e.Trigger, lang), "robot", n.Robot(e.Robot, lang),
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
		if reason != "" {
			// Working hours, a day off or a holiday pushed the time.
			key = "board.log.scheduledWhy"
		}
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
