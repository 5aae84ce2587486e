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
