package teach

import (
	"fmt"
	"strings"
	"time"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/text"
)

// Kinds of Step, from the log entry types, plus the closing summary.
const (
	StepEvent       = "event"
	StepDeliver     = "deliver"
	StepUndelivered = "undelivered"
	StepCandidate   = "candidate" // a trigger with the event's code that fired
	StepSkip        = "skip"      // one that did not, with the reason
	StepMove        = "move"
	StepCreate      = "create"
	StepUpdate      = "update"
	StepRobot       = "robot"
	StepScheduled   = "scheduled"
	StepCancelled   = "cancelled"
	StepOutbox      = "outbox"
	StepNote        = "note"
	StepLoop        = "loop"
	StepError       = "error"
	StepResult      = "result"
)

// Tones of a step, for its colour on the projector.
const (
	ToneInfo = "info"
	ToneGood = "good"
	ToneBad  = "bad"
)

// Step is one moment of the narration: a headline read aloud, the reason
// under it, and what to highlight on the board.
type Step struct {
	Kind string
	Tone string
	// Text is the headline; Reason explains it (may be empty).
	Text   string
	Reason string
	// Target, Trigger, Robot and Stage are the ids to highlight
	// (data-target, data-trigger, data-robot, data-stage).
	Target  string
	Trigger string
	Robot   string
	Stage   string
	// MoveTo is set on a step that moves Target to that stage.
	MoveTo string
}

// Lane is one pipeline the narration shows: every pipeline an entry of
// the narrated cascade touches, in order of appearance.
type Lane struct {
	Entity   string
	Pipeline int
	Name     string
	Stages   []engine.Stage
}

// Card is an item on a lane.
type Card struct {
	Target string
	Title  string
	Amount string
	Stage  string
}

// Narration is one event (or one due robot) told in steps.
type Narration struct {
	// Title says what happens and when, e.g. "пн 12.01 10:00 — Входящий
	// звонок: «Кофемашины для офиса» (DEAL_1)".
	Title string
	At    time.Time
	Steps []Step
	Lanes []Lane

	sc     *engine.Scenario
	before map[string]string // target → stage before the first step
	cards  map[string]Card   // target → title and amount
	order  []string          // targets in item order
}

// Narrate tells the cascade of one event of a simulation (a script event
// or one fired interactively) that has already run: the entries logged
// for that event index at the event's own instant. Robots it scheduled for
// later appear as "scheduled".
func Narrate(sim *engine.Sim, event int, lang string) Narration {
	log := sim.Log()
	var entries []engine.LogEntry
	var at time.Time
	for _, e := range log {
		if e.Event != event {
			continue
		}
		if len(entries) == 0 {
			at = e.Time
		} else if !e.Time.Equal(at) {
			break
		}
		entries = append(entries, e)
	}
	n := newNarration(sim, entries, lang, nil)
	if event >= 0 && event < len(sim.Events()) {
		nm := namer{sc: sim.Scenario(), sim: sim, lang: lang}
		n.Title = nm.when(at) + " — " + nm.event(sim.Events()[event])
	}
	return n
}

// newNarration builds the steps of a run of log entries. before gives the
// items' stages before the entries; nil derives them from the entries and
// the items' histories.
func newNarration(sim *engine.Sim, entries []engine.LogEntry, lang string, before map[string]string) Narration {
	sc := sim.Scenario()
	nm := namer{sc: sc, sim: sim, lang: lang}
	n := Narration{sc: sc, cards: map[string]Card{}, before: map[string]string{}}
	if len(entries) > 0 {
		n.At = entries[0].Time
	}
	for _, st := range sim.Items() {
		title, _ := st.Fields["TITLE"].(string)
		amount := ""
		if v, ok := st.Fields["OPPORTUNITY"]; ok {
			amount = engine.FormatValue(engine.FieldMoney, v)
			if cur, _ := st.Fields["CURRENCY_ID"].(string); cur != "" && !strings.Contains(amount, " "+cur) {
				amount += " " + currencySign(cur)
			}
		}
		n.cards[st.Target] = Card{Target: st.Target, Title: title, Amount: amount}
		n.order = append(n.order, st.Target)
	}
	// Stages before: the first move's "from", else the history at the
	// instant, else (given) the snapshot.
	created := map[string]bool{}
	for _, e := range entries {
		if e.Type == engine.LogCreate {
			created[e.Target] = true
		}
		if (e.Type == engine.LogTrigger || e.Type == engine.LogMove) && e.From != "" {
			if _, ok := n.before[e.Target]; !ok && !created[e.Target] {
				n.before[e.Target] = e.From
			}
		}
	}
	for _, t := range n.order {
		if _, ok := n.before[t]; ok || created[t] {
			continue
		}
		if before != nil {
			if s, ok := before[t]; ok {
				n.before[t] = s
			}
			continue
		}
		for _, p := range sim.History(t) {
			if p.At.After(n.At) {
				break
			}
			n.before[t] = p.Stage
		}
	}
	pos := map[string]string{}
	for k, v := range n.before {
		pos[k] = v
	}
	for _, e := range entries {
		for _, s := range n.steps(nm, e, pos) {
			if s.MoveTo != "" {
				pos[s.Target] = s.MoveTo
			}
			n.Steps = append(n.Steps, s)
		}
	}
	n.Steps = append(n.Steps, n.summary(nm, pos))
	n.Lanes = n.lanes(entries)
	return n
}

// steps turns one log entry into its steps.
func (n *Narration) steps(nm namer, e engine.LogEntry, pos map[string]string) []Step {
	T := func(key string, pairs ...any) string { return i18n.F(nm.lang, key, pairs...) }
	why := ""
	if !e.Why.IsZero() {
		why = text.Sentence(e.Why.Text(nm.lang))
	}
	s := Step{Kind: e.Type, Tone: ToneInfo, Target: e.Target, Reason: why, Stage: pos[e.Target]}
	switch e.Type {
	case engine.LogEvent:
		s.Kind = StepEvent
		s.Text = T("teach.step.event", "event", nm.code(e.Code), "item", nm.item(e.Target))
		if e.Code == engine.CodeMove || e.Code == engine.CodeUpdate || e.Code == engine.CodeCreate {
			s.Text = T("teach.step.action", "action", nm.code(e.Code), "item", nm.item(e.Target))
			if e.Code == engine.CodeCreate {
				s.Target = ""
			}
		}
	case engine.LogDeliver:
		s.Kind, s.Tone = StepDeliver, ToneGood
		s.Text = T("teach.step.deliver", "item", nm.item(e.Target))
	case engine.LogUndelivered:
		s.Kind, s.Tone = StepUndelivered, ToneBad
		s.Text = T("teach.step.undelivered", "item", nm.item(e.Target))
	case engine.LogSkip:
		s.Kind, s.Tone, s.Trigger = StepSkip, ToneBad, e.Trigger
		if t, ok := nm.sc.TriggerByID(e.Trigger); ok {
			s.Stage = canonicalStage(nm.sc, e.Target, t.Stage)
		}
		s.Text = T("teach.step.skip", "trigger", nm.trigger(e.Trigger), "stage", nm.stage(e.Target, s.Stage))
	case engine.LogTrigger:
		cand := Step{Kind: StepCandidate, Tone: ToneGood, Target: e.Target, Trigger: e.Trigger, Stage: e.To,
			Text:   T("teach.step.fired", "trigger", nm.trigger(e.Trigger), "stage", nm.stage(e.Target, e.To)),
			Reason: i18n.T(nm.lang, "teach.step.firedWhy")}
		by := ""
		if e.By != nil {
			by = T("teach.step.by", "user", nm.user(*e.By))
		}
		move := Step{Kind: StepMove, Tone: ToneGood, Target: e.Target, Trigger: e.Trigger, Stage: e.To, MoveTo: e.To,
			Text:   T("teach.step.move", "item", nm.item(e.Target), "from", nm.stage(e.Target, e.From), "to", nm.stage(e.Target, e.To)),
			Reason: by}
		return []Step{cand, move}
	case engine.LogMove:
		s.Kind, s.Tone, s.Stage, s.MoveTo, s.Robot = StepMove, ToneGood, e.To, e.To, e.Robot
		s.Text = T("teach.step.move", "item", nm.item(e.Target), "from", nm.stage(e.Target, e.From), "to", nm.stage(e.Target, e.To))
		switch {
		case e.Robot != "":
			s.Reason = T("teach.step.byRobot", "robot", nm.robot(e.Robot))
		case e.By != nil:
			s.Reason = T("teach.step.byUser", "user", nm.user(*e.By))
		}
	case engine.LogCreate:
		s.Kind, s.Tone, s.Stage, s.MoveTo = StepCreate, ToneGood, e.To, e.To
		s.Text = T("teach.step.create", "item", nm.item(e.Target), "stage", nm.stage(e.Target, e.To))
	case engine.LogUpdate:
		s.Kind, s.Robot = StepUpdate, e.Robot
		s.Text = T("teach.step.update", "item", nm.item(e.Target), "fields", nm.fields(e.Target, e.Fields))
		if e.Robot != "" {
			s.Reason = T("teach.step.byRobot", "robot", nm.robot(e.Robot))
		}
	case engine.LogRobot:
		s.Kind, s.Robot = StepRobot, e.Robot
		switch e.Status {
		case engine.RobotRan:
			s.Tone = ToneGood
			s.Text = T("teach.step.robotRan", "robot", nm.robot(e.Robot), "item", nm.item(e.Target))
		case engine.RobotCondition:
			s.Tone = ToneBad
			s.Text = T("teach.step.robotCondition", "robot", nm.robot(e.Robot))
		case engine.RobotInactive:
			s.Tone = ToneBad
			s.Text = T("teach.step.robotInactive", "robot", nm.robot(e.Robot))
		default:
			s.Tone = ToneBad
			s.Text = T("teach.step.robotError", "robot", nm.robot(e.Robot))
		}
	case engine.LogScheduled:
		s.Kind, s.Robot = StepScheduled, e.Robot
		due := e.Time
		if t, err := time.Parse(time.RFC3339, e.Due); err == nil {
			due = t
		}
		s.Text = T("teach.step.scheduled", "robot", nm.robot(e.Robot), "when", nm.when(due))
	case engine.LogCancelled:
		s.Kind, s.Tone, s.Robot = StepCancelled, ToneBad, e.Robot
		s.Text = T("teach.step.cancelled", "robot", nm.robot(e.Robot))
	case engine.LogOutbox:
		s.Kind, s.Robot = StepOutbox, e.Robot
		s.Text = T("teach.step.outbox", "text", e.Text)
	case engine.LogNote:
		s.Kind = StepNote
		s.Text, s.Reason = why, ""
	case engine.LogLoop:
		s.Kind, s.Tone = StepLoop, ToneBad
		s.Text = i18n.T(nm.lang, "teach.step.loop")
	default:
		s.Kind, s.Tone = StepError, ToneBad
		s.Text = i18n.T(nm.lang, "teach.step.error")
	}
	return []Step{s}
}

// summary is the closing step: where every item the cascade moved ends.
func (n *Narration) summary(nm namer, pos map[string]string) Step {
	var moved []string
	for _, t := range n.order {
		if pos[t] != "" && pos[t] != n.before[t] {
			moved = append(moved, i18n.F(nm.lang, "teach.step.endsIn", "item", nm.item(t), "stage", nm.stage(t, pos[t])))
		}
	}
	s := Step{Kind: StepResult, Tone: ToneInfo}
	if len(moved) == 0 {
		s.Text = i18n.T(nm.lang, "teach.step.nothingMoved")
		return s
	}
	s.Tone = ToneGood
	s.Text = strings.Join(moved, "; ")
	return s
}

// lanes lists the pipelines the entries touch, in order of appearance.
func (n *Narration) lanes(entries []engine.LogEntry) []Lane {
	var out []Lane
	seen := map[string]bool{}
	add := func(target, stage string) {
		entity, _, ok := engine.ParseTarget(target)
		if !ok || stage == "" {
			return
		}
		_, pid, ok := n.sc.FindStage(entity, stage)
		if !ok {
			return
		}
		key := fmt.Sprintf("%s/%d", entity, pid)
		if seen[key] {
			return
		}
		seen[key] = true
		for _, e := range n.sc.Entities {
			if e.Type != entity {
				continue
			}
			for _, p := range e.Pipelines {
				if p.ID == pid {
					name := e.Title
					if len(e.Pipelines) > 1 {
						name += ": " + p.Name
					}
					out = append(out, Lane{Entity: entity, Pipeline: pid, Name: name, Stages: p.Stages})
				}
			}
		}
	}
	for _, e := range entries {
		switch e.Type {
		case engine.LogTrigger, engine.LogMove:
			add(e.Target, e.From)
			add(e.Target, e.To)
		case engine.LogCreate:
			add(e.Target, e.To)
		default:
			add(e.Target, n.before[e.Target])
		}
	}
	return out
}

// Cards lists the items on a lane as they stand after step i (i = -1:
// before the first step).
func (n Narration) Cards(lane Lane, i int) []Card {
	pos := n.Positions(i)
	var out []Card
	for _, t := range n.order {
		st, ok := pos[t]
		if !ok {
			continue
		}
		entity, _, _ := engine.ParseTarget(t)
		if entity != lane.Entity {
			continue
		}
		if _, pid, ok := n.sc.FindStage(entity, st); !ok || pid != lane.Pipeline {
			continue
		}
		c := n.cards[t]
		c.Stage = canonicalStage(n.sc, t, st)
		out = append(out, c)
	}
	return out
}

// Positions is every item's stage after step i (i = -1: before the
// first step). Items created later in the cascade are absent until then.
func (n Narration) Positions(i int) map[string]string {
	pos := make(map[string]string, len(n.before))
	for k, v := range n.before {
		pos[k] = v
	}
	for j := 0; j <= i && j < len(n.Steps); j++ {
		if s := n.Steps[j]; s.MoveTo != "" {
			pos[s.Target] = s.MoveTo
		}
	}
	return pos
}

// canonicalStage is the full id of a stage ("DT31_0:P" for "P").
func canonicalStage(sc *engine.Scenario, target, id string) string {
	entity, _, _ := engine.ParseTarget(target)
	if st, _, ok := sc.FindStage(entity, id); ok {
		return st.ID
	}
	return id
}

// currencySign is how Bitrix24 cards show the common currencies.
func currencySign(code string) string {
	switch code {
	case "RUB":
		return "₽"
	case "USD":
		return "$"
	case "EUR":
		return "€"
	}
	return code
}
