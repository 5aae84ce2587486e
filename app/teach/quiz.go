package teach

import (
	"fmt"

	"github.com/triggersim/triggersim/engine"
)

// Question is one round of "where will this deal go?": the next script
// event in words, the item asked about and the stages to choose from. The
// answer is known to the quiz but not shown until Reveal.
type Question struct {
	// Event is the script event's index.
	Event int
	// Text is the event in words.
	Text string
	// Target is the item asked about; Title its name in words.
	Target string
	Title  string
	// From is the item's stage before the event ("" for a created item).
	From string
	// Options are the stages of the item's pipeline, in order.
	Options []engine.Stage
	// Lane is that pipeline, for drawing the board.
	Lane Lane

	answer string
	story  Narration
}

// Quiz plays the scenario's script one event at a time and asks where an
// item will be after each one. Its simulation stands just before the next
// question's event; the hidden outcome is computed on a copy made by
// replaying the same steps (the engine has no snapshot, and a replay is
// deterministic).
type Quiz struct {
	sc    *engine.Scenario
	sim   *engine.Sim
	steps int // tasks run on sim

	q        *Question
	answered bool
	pick     string
	number   int // calls of Next: the open question's number
	right    int
	asked    int
}

// QuizPlace is where a learner stands in a quiz, as the quiz page's
// address keeps it, so that a reload lands on the same question.
type QuizPlace struct {
	// Question is the open question's number: 1 for the first, one past
	// the last at the end.
	Question int
	// Pick is the stage picked for the open question, "" while it is
	// unanswered.
	Pick string
	// Right and Asked are the score shown, the open question's answer
	// included.
	Right, Asked int
}

// NewQuiz starts a quiz at the scenario's start.
func NewQuiz(sc *engine.Scenario) (*Quiz, error) {
	sim, err := engine.New(sc, engine.Options{})
	if err != nil {
		return nil, fmt.Errorf("start the quiz: %w", err)
	}
	return &Quiz{sc: sc, sim: sim}, nil
}

// Sim is the simulation as it stands before the current question's event
// (after it, once answered).
func (q *Quiz) Sim() *engine.Sim { return q.sim }

// Score is the number of right answers and of answered questions.
func (q *Quiz) Score() (right, asked int) { return q.right, q.asked }

// Current is the open question, nil before Next or at the end.
func (q *Quiz) Current() *Question { return q.q }

// Answered reports whether the current question has been answered.
func (q *Quiz) Answered() bool { return q.answered }

// replay is a fresh simulation with the quiz's steps run: a copy of the
// quiz's state.
func (q *Quiz) replay() *engine.Sim {
	sim, err := engine.New(q.sc, engine.Options{})
	if err != nil {
		return nil // New already succeeded once on the same scenario
	}
	for i := 0; i < q.steps; i++ {
		sim.Step()
	}
	return sim
}

// Next moves to the next script event that has an item to ask about,
// running the delayed robots due before it, and returns the question;
// false at the end of the script. An unanswered question is dropped
// without counting.
func (q *Quiz) Next(lang string) (*Question, bool) {
	if q.q != nil && !q.answered {
		// Skipped: play its event without counting it.
		q.sim.Step()
		q.steps++
	}
	q.q, q.answered, q.pick = nil, false, ""
	q.number++
	for {
		if _, ok := q.sim.Next(); !ok {
			return nil, false
		}
		peek := q.replay()
		from := len(peek.Log())
		before := map[string]string{}
		for _, st := range peek.Items() {
			before[st.Target] = st.Stage
		}
		peek.Step()
		entries := peek.Log()[from:]
		if len(entries) > 0 && entries[0].Type == engine.LogEvent && entries[0].Event < len(q.sc.Events) {
			if qu := q.question(peek, entries, before, lang); qu != nil {
				q.q = qu
				return qu, true
			}
		}
		// A delayed robot, or an event with nothing to ask: play it.
		q.sim.Step()
		q.steps++
	}
}

// question builds the question of an event from its played copy.
func (q *Quiz) question(peek *engine.Sim, entries []engine.LogEntry, before map[string]string, lang string) *Question {
	idx := entries[0].Event
	ev := q.sc.Events[idx]
	nm := namer{sc: q.sc, sim: peek, lang: lang}
	target := ""
	switch {
	case ev.Code == engine.CodeCreate:
		for _, e := range entries {
			if e.Type == engine.LogCreate {
				target = e.Target
				break
			}
		}
	default:
		typ, n, ok := engine.ParseTarget(ev.Target)
		if !ok {
			return nil
		}
		switch typ {
		case "CONTACT", "COMPANY":
			// Ask about the client's first deal: whether the event
			// reaches it at all is part of the question.
			for _, it := range q.sc.Items {
				if it.Entity == "DEAL" && (typ == "CONTACT" && it.Contact == n || typ == "COMPANY" && it.Company == n) {
					target = engine.Target(it.Entity, it.ID)
					break
				}
			}
		case "EMAIL", "TASK":
			for _, e := range entries {
				if e.Type == engine.LogDeliver {
					target = e.Target
					break
				}
			}
		default:
			target = ev.Target
		}
	}
	if target == "" {
		return nil
	}
	st, ok := peek.Item(target)
	if !ok {
		return nil
	}
	story := newNarration(peek, entries, lang, before)
	story.Title = nm.when(entries[0].Time) + " — " + nm.event(ev)
	lane := Lane{Entity: st.Entity, Pipeline: st.Pipeline}
	from := before[target]
	if from != "" {
		if _, pid, ok := q.sc.FindStage(st.Entity, from); ok {
			lane.Pipeline = pid
		}
	}
	for _, e := range q.sc.Entities {
		if e.Type != st.Entity {
			continue
		}
		for _, p := range e.Pipelines {
			if p.ID == lane.Pipeline {
				lane.Stages = p.Stages
				lane.Name = e.Title
				if len(e.Pipelines) > 1 {
					lane.Name += ": " + p.Name
				}
			}
		}
	}
	// A deal moved to another pipeline by a robot is asked about in its
	// new pipeline's stages too: offer both when they differ.
	options := lane.Stages
	if st.Pipeline != lane.Pipeline {
		for _, e := range q.sc.Entities {
			if e.Type == st.Entity {
				for _, p := range e.Pipelines {
					if p.ID == st.Pipeline {
						options = append(append([]engine.Stage(nil), options...), p.Stages...)
					}
				}
			}
		}
	}
	return &Question{
		Event: idx, Text: story.Title, Target: target, Title: nm.item(target), From: from,
		Options: options, Lane: lane, answer: st.Stage, story: story,
	}
}

// Answer records the learner's pick for the current question and plays
// the event on the quiz's simulation. It reports whether the pick was
// right; answering twice counts once.
func (q *Quiz) Answer(stage string) (correct bool) {
	if q.q == nil {
		return false
	}
	correct = stage == q.q.answer
	if q.answered {
		return correct
	}
	q.answered, q.pick = true, stage
	q.asked++
	if correct {
		q.right++
	}
	q.sim.Step()
	q.steps++
	return correct
}

// Reveal is the hidden outcome: the stage the item ends in after the
// event's cascade, and the narration that explains it. Only after Answer.
func (q *Question) Reveal() (stage string, story Narration) { return q.answer, q.story }

// Cards lists the items of the question's lane before the event.
func (q *Question) Cards() []Card { return q.story.Cards(q.Lane, -1) }

// Place is where the quiz stands.
func (q *Quiz) Place() QuizPlace {
	return QuizPlace{Question: q.number, Pick: q.pick, Right: q.right, Asked: q.asked}
}

// SeekQuiz starts a quiz on sc and moves it to p: to question
// p.Question (the first when 0; the end when past the last), answered
// with p.Pick when that is one of its stages, with p's score. A score
// that cannot be (more answers than questions, more right than asked, a
// wrong answer counted right) is bounded to the nearest one that can.
func SeekQuiz(sc *engine.Scenario, p QuizPlace, lang string) (*Quiz, error) {
	q, err := NewQuiz(sc)
	if err != nil {
		return nil, err
	}
	for q.number < max(p.Question, 1) {
		if _, ok := q.Next(lang); !ok {
			break
		}
	}
	correct := false
	if cur := q.q; cur != nil && p.Pick != "" {
		for _, st := range cur.Options {
			if st.ID == p.Pick {
				correct = q.Answer(p.Pick)
				break
			}
		}
	}
	// Questions before the open one were answered or skipped: at most one
	// answer each, plus the open question's.
	done, now := q.number-1, 0
	if q.answered {
		now = 1
	}
	q.asked = min(max(p.Asked, now), done+now)
	lo, hi := 0, q.asked
	if q.answered {
		if correct {
			lo = 1
		} else {
			hi--
		}
	}
	q.right = min(max(p.Right, lo), hi)
	return q, nil
}
