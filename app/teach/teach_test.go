package teach_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lessons"
)

func lesson(t *testing.T, id string) *engine.Scenario {
	t.Helper()
	l, ok := lessons.Get(id)
	require.True(t, ok, id)
	sc, err := l.Scenario()
	require.NoError(t, err)
	return sc
}

type stepWant struct {
	kind, target, trigger, stage, moveTo string
}

func kinds(steps []teach.Step) []stepWant {
	out := make([]stepWant, len(steps))
	for i, s := range steps {
		out[i] = stepWant{s.Kind, s.Target, s.Trigger, s.Stage, s.MoveTo}
	}
	return out
}

func TestWalkNarratesTheEarliestStageWins(t *testing.T) {
	w, err := teach.NewWalk(lesson(t, "ru/04-earliest-stage-wins"))
	require.NoError(t, err)
	assert.Equal(t, teach.Narration{}.Title, w.Narration("ru").Title)
	require.True(t, w.Next())
	n := w.Narration("ru")
	assert.Equal(t, "пн 12.01 10:00 — «Входящий звонок» — «Оснащение ресторана» (DEAL_1)", n.Title)
	assert.Equal(t, []stepWant{
		{teach.StepEvent, "DEAL_1", "", "NEW", ""},
		{teach.StepCandidate, "DEAL_1", "t-obychnyi", "PREPARATION", ""},
		{teach.StepMove, "DEAL_1", "t-obychnyi", "PREPARATION", "PREPARATION"},
		{teach.StepSkip, "DEAL_1", "t-vip", "EXECUTING", ""},
		{teach.StepResult, "", "", "", ""},
	}, kinds(n.Steps))
	assert.Equal(t, "«Оснащение ресторана» (DEAL_1) переходит: «Новая» → «Подготовка документов»", n.Steps[2].Text)
	assert.Contains(t, n.Steps[3].Reason, "Раньше сработал триггер на более ранней стадии (t-obychnyi)")
	assert.Equal(t, teach.ToneBad, n.Steps[3].Tone)

	// The board: one lane, the card moves at the move step.
	require.Len(t, n.Lanes, 1)
	assert.Equal(t, "DEAL", n.Lanes[0].Entity)
	assert.Equal(t, "NEW", n.Positions(-1)["DEAL_1"])
	assert.Equal(t, "NEW", n.Positions(1)["DEAL_1"])
	assert.Equal(t, "PREPARATION", n.Positions(2)["DEAL_1"])
	cards := n.Cards(n.Lanes[0], -1)
	require.Len(t, cards, 2)
	assert.Equal(t, teach.Card{Target: "DEAL_1", Title: "Оснащение ресторана", Amount: "800 000 ₽", Stage: "NEW"}, cards[0])

	// The same story in English, rebuilt by replay.
	w2, err := teach.ReplayWalk(lesson(t, "en/04-earliest-stage-wins"), 1)
	require.NoError(t, err)
	en := w2.Narration("en")
	assert.Equal(t, "The trigger \"VIP call: straight to work\" on In progress does not fire", en.Steps[3].Text)

	require.True(t, w.Next())
	require.False(t, w.Next())
	assert.Equal(t, 2, w.Count())
}

func TestNarrateClientEventAndDelayedRobot(t *testing.T) {
	sim, err := engine.New(lesson(t, "ru/06-call-went-to-another-deal"), engine.Options{})
	require.NoError(t, err)
	sim.Run()
	n := teach.Narrate(sim, 1, "ru")
	assert.Equal(t, []stepWant{
		{teach.StepEvent, "CONTACT_1", "", "", ""},
		{teach.StepDeliver, "DEAL_2", "", "C1:DONE", ""},
		{teach.StepUndelivered, "DEAL_1", "", "NEW", ""},
		{teach.StepNote, "DEAL_2", "", "C1:DONE", ""},
		{teach.StepSkip, "DEAL_2", "t-zvonok", "PREPARATION", ""},
		{teach.StepResult, "", "", "", ""},
	}, kinds(n.Steps))
	assert.Equal(t, "Итог: событие ничего не сдвинуло", n.Steps[5].Text)
	assert.Len(t, n.Lanes, 2, "both pipelines of the client's deals")

	// Event 0 scheduled the robot that closes the deal three days later.
	n = teach.Narrate(sim, 0, "ru")
	assert.Equal(t, teach.StepScheduled, n.Steps[2].Kind)
	assert.Equal(t, "Робот «Закрыть сделку» ждёт: выполнится чт 15.01 09:30", n.Steps[2].Text)
}

func TestQuiz(t *testing.T) {
	q, err := teach.NewQuiz(lesson(t, "ru/04-earliest-stage-wins"))
	require.NoError(t, err)

	qu, ok := q.Next("ru")
	require.True(t, ok)
	assert.Equal(t, "DEAL_1", qu.Target)
	assert.Equal(t, "NEW", qu.From)
	assert.Len(t, qu.Options, 8, "the default deal stages")
	assert.Contains(t, qu.Text, "Входящий звонок")
	// The quiz's own simulation has not played the event yet.
	st, _ := q.Sim().Item("DEAL_1")
	assert.Equal(t, "NEW", st.Stage)

	assert.True(t, q.Answer("PREPARATION"), "the earliest stage wins, not the VIP trigger")
	stage, story := qu.Reveal()
	assert.Equal(t, "PREPARATION", stage)
	assert.NotEmpty(t, story.Steps)
	assert.True(t, q.Answer("PREPARATION"), "answering twice counts once")
	right, asked := q.Score()
	assert.Equal(t, [2]int{1, 1}, [2]int{right, asked})

	qu, ok = q.Next("ru")
	require.True(t, ok)
	assert.Equal(t, "DEAL_2", qu.Target)
	assert.False(t, q.Answer("EXECUTING"))
	right, asked = q.Score()
	assert.Equal(t, [2]int{1, 2}, [2]int{right, asked})

	_, ok = q.Next("ru")
	assert.False(t, ok)
}

// A quiz's place (question, pick, score) brings a new quiz back to the
// same question: the quiz page's address after a reload.
func TestSeekQuiz(t *testing.T) {
	sc := lesson(t, "ru/04-earliest-stage-wins")
	q, err := teach.NewQuiz(sc)
	require.NoError(t, err)
	_, ok := q.Next("ru")
	require.True(t, ok)
	assert.Equal(t, teach.QuizPlace{Question: 1}, q.Place())
	q.Answer("PREPARATION")
	assert.Equal(t, teach.QuizPlace{Question: 1, Pick: "PREPARATION", Right: 1, Asked: 1}, q.Place())
	want, ok := q.Next("ru")
	require.True(t, ok)
	q.Answer("EXECUTING")
	at := q.Place()
	assert.Equal(t, teach.QuizPlace{Question: 2, Pick: "EXECUTING", Right: 1, Asked: 2}, at)

	back, err := teach.SeekQuiz(sc, at, "ru")
	require.NoError(t, err)
	assert.Equal(t, at, back.Place())
	require.NotNil(t, back.Current())
	assert.Equal(t, want.Target, back.Current().Target)
	assert.Equal(t, want.Text, back.Current().Text)
	assert.True(t, back.Answered())
	st, _ := back.Sim().Item(want.Target)
	got, _ := q.Sim().Item(want.Target)
	assert.Equal(t, got.Stage, st.Stage, "the answered event is played")

	// Unanswered, the question waits.
	back, err = teach.SeekQuiz(sc, teach.QuizPlace{Question: 2, Right: 1, Asked: 1}, "ru")
	require.NoError(t, err)
	assert.Equal(t, teach.QuizPlace{Question: 2, Right: 1, Asked: 1}, back.Place())
	assert.False(t, back.Answered())

	// Past the last question: the end, with its score.
	back, err = teach.SeekQuiz(sc, teach.QuizPlace{Question: 3, Right: 1, Asked: 2}, "ru")
	require.NoError(t, err)
	assert.Nil(t, back.Current())
	right, asked := back.Score()
	assert.Equal(t, [2]int{1, 2}, [2]int{right, asked})
	_, ok = back.Next("ru")
	assert.False(t, ok)
}

// An address cannot make up a score or an answer: what cannot be is
// bounded.
func TestSeekQuizBoundsTheImpossible(t *testing.T) {
	sc := lesson(t, "ru/04-earliest-stage-wins")
	tests := []struct {
		name string
		in   teach.QuizPlace
		want teach.QuizPlace
	}{
		{"zero is the first question", teach.QuizPlace{}, teach.QuizPlace{Question: 1}},
		{"more answers than questions", teach.QuizPlace{Question: 1, Right: 5, Asked: 9}, teach.QuizPlace{Question: 1}},
		{"unknown stage is no answer", teach.QuizPlace{Question: 1, Pick: "NOPE", Right: 1, Asked: 1}, teach.QuizPlace{Question: 1}},
		{"a wrong answer is not right", teach.QuizPlace{Question: 1, Pick: "NEW", Right: 1, Asked: 1}, teach.QuizPlace{Question: 1, Pick: "NEW", Asked: 1}},
		{"a right answer counts", teach.QuizPlace{Question: 1, Pick: "PREPARATION"}, teach.QuizPlace{Question: 1, Pick: "PREPARATION", Right: 1, Asked: 1}},
		{"more right than asked", teach.QuizPlace{Question: 2, Right: 3, Asked: 1}, teach.QuizPlace{Question: 2, Right: 1, Asked: 1}},
		{"far past the end", teach.QuizPlace{Question: 99, Right: 2, Asked: 2}, teach.QuizPlace{Question: 3, Right: 2, Asked: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := teach.SeekQuiz(sc, tt.in, "ru")
			require.NoError(t, err)
			assert.Equal(t, tt.want, q.Place())
		})
	}
}

func TestQuizClientEventAsksAboutTheFirstDeal(t *testing.T) {
	q, err := teach.NewQuiz(lesson(t, "en/06-call-went-to-another-deal"))
	require.NoError(t, err)
	qu, ok := q.Next("en")
	require.True(t, ok)
	assert.Equal(t, "DEAL_2", qu.Target, "the manual move of the service deal")
	q.Next("en") // skipped without an answer: not counted
	qu = q.Current()
	require.NotNil(t, qu)
	assert.Equal(t, "DEAL_1", qu.Target)
	assert.False(t, q.Answer("PREPARATION"), "the call went to the other deal")
	stage, _ := qu.Reveal()
	assert.Equal(t, "NEW", stage)
	right, asked := q.Score()
	assert.Equal(t, [2]int{0, 1}, [2]int{right, asked})
	// The delayed robot three days later is played silently: no question.
	_, ok = q.Next("en")
	assert.False(t, ok)
}

func TestProgress(t *testing.T) {
	p := teach.ParseProgress("")
	assert.Equal(t, "[]", p.String())
	p, changed := p.Mark("ru/02-conditions")
	assert.True(t, changed)
	p, _ = p.Mark("ru/01-first-trigger")
	p, changed = p.Mark("ru/01-first-trigger")
	assert.False(t, changed)
	p, _ = p.Mark("en/01-first-trigger")
	assert.Equal(t, `["en/01-first-trigger","ru/01-first-trigger","ru/02-conditions"]`, p.String())
	assert.Equal(t, 2, p.Count("ru"))
	assert.True(t, teach.ParseProgress(p.String()).Done("ru/02-conditions"))
	assert.False(t, teach.ParseProgress("{broken").Done("ru/02-conditions"))

	ctx := context.Background()
	st := memory.New()
	got, err := teach.LoadProgress(ctx, st)
	require.NoError(t, err)
	assert.Empty(t, got.IDs())
	_, err = teach.MarkDone(ctx, st, "ru/03-current-and-earlier-stages")
	require.NoError(t, err)
	raw, err := st.GetSetting(ctx, teach.ProgressKey)
	require.NoError(t, err)
	assert.Equal(t, `["ru/03-current-and-earlier-stages"]`, raw)

}
