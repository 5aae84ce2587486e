package simulate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
)

// seed loads the article's example: DEAL_1 in NEW, CALL → PREPARATION,
// EMAIL_LINK → PREPAYMENT_INVOICE, INVOICE → EXECUTING.
func seed(t *testing.T) *Controller {
	t.Helper()
	sc, err := engine.ReadScenario(seedData(t))
	require.NoError(t, err)
	c, err := New(sc)
	require.NoError(t, err)
	return c
}

// seedData is the article's example as a file: the scenario the board's
// ?items=N copies its deal in.
func seedData(tb testing.TB) []byte {
	tb.Helper()
	ex, ok := examples.Find("07-seed-article.json")
	require.True(tb, ok, "example 07 is missing")
	return ex.Data
}

func stage(t *testing.T, c *Controller, target string) string {
	t.Helper()
	it, ok := c.Sim().Item(target)
	require.True(t, ok, target)
	return it.Stage
}

var call = engine.Event{Code: "CALL", Target: "DEAL_1", Data: map[string]any{"LINE_NUMBER": "+74952223344"}}

func TestFireMovesAndExplains(t *testing.T) {
	c := seed(t)
	idx := c.Fire(call)
	assert.Equal(t, 5, idx, "interactive events come after the five script events")
	assert.Equal(t, "PREPARATION", stage(t, c, "DEAL_1"))

	x := Explain(c.Sim(), c.LastEvent(), NewNames(c.Scenario()), "ru")
	require.NotNil(t, x)
	assert.Equal(t, "Входящий звонок → DEAL_1", x.Title)
	require.Len(t, x.Candidates, 1)
	assert.Equal(t, Fired, x.Candidates[0].Status)
	assert.Equal(t, "Триггер «Клиент позвонил — готовим КП» сработал: DEAL_1 перешёл со стадии «Новая» на «Подготовка документов» от имени Максим Менеджер", x.Candidates[0].Text)
	require.NotEmpty(t, x.Robots)
	assert.Equal(t, "Робот «Отправить КП» выполнен: Коммерческое предложение для ООО «Северный ветер»", x.Robots[0].Text)

	// The same call again: the trigger is on the current stage now.
	c.Fire(call)
	x = Explain(c.Sim(), c.LastEvent(), NewNames(c.Scenario()), "en")
	require.Len(t, x.Candidates, 1)
	assert.Equal(t, Skipped, x.Candidates[0].Status)
	assert.Contains(t, x.Candidates[0].Text, "did not fire: the trigger is on the current stage")
}

func TestStepRunAndReset(t *testing.T) {
	c := seed(t)
	start := c.Now()
	require.True(t, c.Step())
	assert.Equal(t, start.Add(30*time.Minute), c.Now(), "the first script event is at +30m")
	assert.Equal(t, "PREPARATION", stage(t, c, "DEAL_1"))

	end := c.End()
	assert.Equal(t, start.Add(53*time.Hour), end, "the last script event is at +2d5h")
	for !c.RunToward(end, 1) {
	}
	c.EndRun()
	assert.Equal(t, end, c.Now())
	assert.Equal(t, "EXECUTING", stage(t, c, "DEAL_1"))
	for _, ch := range c.Checks("ru") {
		assert.True(t, ch.Pass, ch.Message)
	}
	rows := c.Timeline("ru")
	require.Len(t, rows, 5)
	for _, r := range rows {
		assert.True(t, r.Played, r.Code)
	}

	c.Reset()
	assert.Equal(t, start, c.Now())
	assert.Equal(t, "NEW", stage(t, c, "DEAL_1"))
	assert.False(t, c.Timeline("ru")[0].Played)
}

func TestUndoRedoReplays(t *testing.T) {
	c := seed(t)
	c.Fire(call)                                                   // 1: PREPARATION
	c.Fire(MoveEvent("DEAL_1", "PREPAYMENT_INVOICE", 0))           // 2
	require.True(t, c.Step())                                      // 3: the script's CALL at +30m
	c.Fire(UpdateEvent("DEAL_1", map[string]any{"TITLE": "X"}, 0)) // 4
	c.Reset()                                                      // 5
	assert.Equal(t, "NEW", stage(t, c, "DEAL_1"))
	require.Len(t, c.Actions(), 5)

	steps := []struct {
		op    func() error
		stage string
		now   time.Duration
		title string
	}{
		{c.Undo, "PREPAYMENT_INVOICE", 30 * time.Minute, "X"}, // undo reset
		{c.Undo, "PREPAYMENT_INVOICE", 30 * time.Minute, "Поставка оборудования для «Северного ветра»"},
		{c.Undo, "PREPAYMENT_INVOICE", 0, ""},
		{c.Undo, "PREPARATION", 0, ""},
		{c.Undo, "NEW", 0, ""},
		{c.Undo, "NEW", 0, ""}, // nothing left: no-op
		{c.Redo, "PREPARATION", 0, ""},
		{c.Redo, "PREPAYMENT_INVOICE", 0, ""},
	}
	for i, s := range steps {
		require.NoError(t, s.op())
		assert.Equal(t, s.stage, stage(t, c, "DEAL_1"), "step %d", i)
		assert.Equal(t, c.Start().Add(s.now), c.Now(), "step %d", i)
		if s.title != "" {
			it, _ := c.Sim().Item("DEAL_1")
			assert.Equal(t, s.title, it.Fields["TITLE"], "step %d", i)
		}
	}
	assert.True(t, c.CanRedo())
	c.Fire(call) // a new action clears redo
	assert.False(t, c.CanRedo())
}

func TestRunTowardIsOneUndoableAction(t *testing.T) {
	c := seed(t)
	end := c.End()
	slices := 0
	for !c.RunToward(end, 1) {
		slices++
	}
	c.EndRun()
	assert.Greater(t, slices, 1, "a budget of one step needs several slices")
	require.Len(t, c.Actions(), 1)
	a := c.Actions()[0]
	assert.Equal(t, ActRun, a.Kind)
	assert.Equal(t, end, a.Until)

	require.NoError(t, c.Undo())
	assert.Equal(t, c.Start(), c.Now())
	require.NoError(t, c.Redo())
	assert.Equal(t, end, c.Now())
	assert.Equal(t, "EXECUTING", stage(t, c, "DEAL_1"))
}

func TestSetScenarioKeepsActions(t *testing.T) {
	c := seed(t)
	c.Fire(call)
	sc := *c.Scenario()
	sc.Events = nil
	require.NoError(t, c.SetScenario(&sc))
	assert.Equal(t, "PREPARATION", stage(t, c, "DEAL_1"), "the fired call is replayed on the edited scenario")
	assert.Empty(t, c.Timeline("ru"))
	_, ok := c.Next()
	assert.False(t, ok, "no script is left to run")
}

func TestBoardColumnsAndWindowing(t *testing.T) {
	c := seed(t)
	for i := 0; i < 45; i++ {
		c.Fire(CreateEvent("DEAL", "NEW", map[string]any{"TITLE": fmt.Sprintf("Сделка %d", i), "OPPORTUNITY": 50000.0}, 0, 0, "", 0))
	}
	n := NewNames(c.Scenario())
	b := c.Board("DEAL", 0, nil, n, "ru")
	require.Len(t, b.Columns, 8)
	col := b.Columns[0]
	assert.Equal(t, "NEW", col.Stage)
	assert.Equal(t, 46, col.Count)
	assert.Len(t, col.Cards, PageSize)
	assert.Equal(t, 46-PageSize, col.More)
	assert.Equal(t, "Поставка оборудования для «Северного ветра»", col.Cards[0].Title)
	assert.Equal(t, "120\u00a0000\u00a0₽", col.Cards[0].Amount)
	assert.Equal(t, "Максим Менеджер", col.Cards[0].Responsible)
	assert.False(t, col.Cards[0].Moved)
	assert.True(t, b.Columns[0].Cards[0].Moved == false && c.Board("DEAL", 0, map[string]int{"NEW": 100}, n, "ru").Columns[0].Cards[45].Moved,
		"the last created card is highlighted")

	b = c.Board("DEAL", 0, map[string]int{"NEW": 100}, n, "ru")
	assert.Len(t, b.Columns[0].Cards, 46)
	assert.Zero(t, b.Columns[0].More)

	prep := b.Columns[1]
	require.Len(t, prep.Triggers, 1)
	assert.Equal(t, "t-zvonok", prep.Triggers[0].ID)
	assert.False(t, prep.Triggers[0].Lit)
	require.Len(t, prep.Robots, 1)

	c.Fire(call)
	b = c.Board("DEAL", 0, nil, n, "ru")
	assert.True(t, b.Columns[1].Triggers[0].Lit)
	require.Len(t, b.Columns[1].Cards, 1)
	assert.True(t, b.Columns[1].Cards[0].Moved)

	tabs := c.Tabs("ru")
	require.Len(t, tabs, 2)
	assert.Equal(t, Tab{Entity: "DEAL", Pipeline: 0, Label: "Сделки", Count: 46}, tabs[0])
}

func TestPendingRobotsOnCards(t *testing.T) {
	sc, err := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "locale": "ru",
		"start": "2026-01-12T09:00:00+03:00", "entities": [{"type": "DEAL"}],
		"robots": [{"id": "r1", "entity": "DEAL", "stage": "PREPARATION", "type": "Notify", "name": "Напомнить",
			"params": {"text": "!"}, "delay": {"type": "after", "value": 2, "unit": "h"}}],
		"items": [{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "A"}}]}`))
	require.NoError(t, err)
	c, err := New(sc)
	require.NoError(t, err)
	c.Fire(MoveEvent("DEAL_1", "PREPARATION", 0))
	b := c.Board("DEAL", 0, nil, NewNames(sc), "ru")
	assert.Equal(t, []string{"Напомнить · пн 12 янв, 11:00"}, b.Columns[1].Cards[0].Pending)
	h := History(c.Sim(), "DEAL_1", NewNames(sc), "ru")
	var texts []string
	for _, l := range h {
		texts = append(texts, l.Text)
	}
	assert.Contains(t, strings.Join(texts, "\n"), "DEAL_1: стадия «Новая» → «Подготовка документов»")
	assert.Contains(t, strings.Join(texts, "\n"), "Робот «Напомнить» запланирован на пн 12 янв, 11:00")
}

func TestLogLinesFilters(t *testing.T) {
	c := seed(t)
	c.Fire(call)
	n := NewNames(c.Scenario())
	all, total := LogLines(c.Sim(), Filter{}, n, "ru", 0)
	assert.Equal(t, len(c.Sim().Log()), total)
	assert.Len(t, all, total)
	assert.Equal(t, c.Sim().Log()[len(c.Sim().Log())-1].Seq, all[0].Seq, "newest first")

	trig, total := LogLines(c.Sim(), Filter{Type: engine.LogTrigger}, n, "ru", 0)
	assert.Equal(t, 1, total)
	assert.Equal(t, "t-zvonok", trig[0].Trigger)

	found, _ := LogLines(c.Sim(), Filter{Text: "ОТПРАВИТЬ кп"}, n, "ru", 0)
	assert.NotEmpty(t, found)
	none, total := LogLines(c.Sim(), Filter{Target: "DEAL_99"}, n, "ru", 0)
	assert.Empty(t, none)
	assert.Zero(t, total)

	limited, total := LogLines(c.Sim(), Filter{}, n, "ru", 2)
	assert.Len(t, limited, 2)
	assert.Equal(t, len(all), total)
}

func TestFormatting(t *testing.T) {
	tm := time.Date(2026, 1, 12, 9, 5, 0, 0, time.FixedZone("MSK", 3*3600))
	assert.Equal(t, "пн, 12 января 2026, 09:05", FormatClock(tm, "ru"))
	assert.Equal(t, "Mon, 12 January 2026, 09:05", FormatClock(tm, "en"))
	assert.Equal(t, "пн 12 янв, 09:05", FormatShort(tm, "ru"))
	assert.Equal(t, "2026-01-12T09:05", LocalInput(tm))
	back, err := ParseLocalInput("2026-01-12T09:05", tm)
	require.NoError(t, err)
	assert.True(t, back.Equal(tm))

	tests := []struct {
		v, cur any
		want   string
	}{
		{50000.0, "RUB", "50\u00a0000\u00a0₽"},
		{1250.5, nil, "1\u00a0250.5\u00a0₽"},
		{"100|USD", nil, "100\u00a0$"},
		{nil, nil, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Amount(tt.v, tt.cur), "%v", tt.v)
	}
	assert.Equal(t, "3 элемента", CountLabel("ru", 3))
	assert.Equal(t, "5 элементов", CountLabel("ru", 5))
	assert.Equal(t, "1 item", CountLabel("en", 1))
}

func TestEventDataAndFields(t *testing.T) {
	d, err := EventData("WEBFORM", map[string]string{"form_id": "7"})
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"form_id": 7.0}, d)
	_, err = EventData("WEBFORM", map[string]string{"form_id": "x"})
	assert.Error(t, err)
	d, err = EventData("CALL", map[string]string{"LINE_NUMBER": " "})
	require.NoError(t, err)
	assert.Nil(t, d)

	v, err := FieldValue(engine.FieldMoney, "50 000,5")
	require.NoError(t, err)
	assert.Equal(t, 50000.5, v)
	_, err = FieldValue(engine.FieldNumber, "abc")
	assert.Error(t, err)

	ev := CreateEvent("DEAL", "NEW", map[string]any{"TITLE": "A"}, 1, 0, "DEAL_1", 2)
	assert.Equal(t, map[string]any{"stage": "NEW", "fields": map[string]any{"TITLE": "A"}, "contact": 1.0, "parent": "DEAL_1"}, ev.Data)

	groups := Codes("DEAL", "ru")
	require.NotEmpty(t, groups)
	var codes []string
	for _, g := range groups {
		for _, c := range g.Codes {
			codes = append(codes, c.ID)
		}
	}
	assert.Contains(t, codes, "INVOICE")
	assert.NotContains(t, codes, "PAYMENT", "PAYMENT is for orders only")
	assert.Equal(t, []DataKey{{Key: "LINE_NUMBER", Kind: "string", Label: "Номер линии"}}, DataKeys("CALL", "ru"))
}

func TestInsertEventKeepsTimeOrder(t *testing.T) {
	start := time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC)
	mk := func(raw string) engine.Event {
		ev, err := ScriptEvent(raw, "CALL", "DEAL_1", nil, 0)
		require.NoError(t, err)
		return ev
	}
	evs := []engine.Event{mk("+1h"), mk("+3h")}
	evs = InsertEvent(evs, mk("+2h"), start)
	evs = InsertEvent(evs, mk("+5h"), start)
	evs = InsertEvent(evs, mk("+1h"), start)
	var raws []string
	for _, e := range evs {
		raws = append(raws, e.At.Raw)
	}
	assert.Equal(t, []string{"+1h", "+1h", "+2h", "+3h", "+5h"}, raws)
	_, err := ScriptEvent("tomorrow", "CALL", "DEAL_1", nil, 0)
	assert.Error(t, err)
}

func TestClientsAndBound(t *testing.T) {
	c := seed(t)
	assert.Equal(t, []Target{{ID: "CONTACT_1", Label: "Елена Васильева (CONTACT_1)"}, {ID: "COMPANY_1", Label: "ООО «Северный ветер» (COMPANY_1)"}}, c.Clients("ru"))
	c.Fire(call) // the SendEmail robot creates EMAIL_1
	bound := c.Bound("DEAL_1")
	require.Len(t, bound, 1)
	assert.Equal(t, "EMAIL_1", bound[0].ID)
}

func TestWithItems(t *testing.T) {
	data := seedData(t)
	out, err := WithItems(data, 9)
	require.NoError(t, err)
	sc, err := engine.ReadScenario(out)
	require.NoError(t, err)
	require.Len(t, sc.Items, 10)
	assert.Equal(t, 10, sc.Items[9].ID)
	assert.Equal(t, "Сделка #10", sc.Items[9].Fields["TITLE"])
	c, err := New(sc)
	require.NoError(t, err)
	total := 0
	for _, col := range c.Board("DEAL", 0, nil, NewNames(sc), "ru").Columns {
		total += col.Count
	}
	assert.Equal(t, 10, total)
}

// TestScenarioWithItems: the scenario ScenarioWithItems gives is the one
// WithItems writes.
func TestScenarioWithItems(t *testing.T) {
	data := seedData(t)
	out, err := WithItems(data, 12)
	require.NoError(t, err)
	sc, err := ScenarioWithItems(data, 12)
	require.NoError(t, err)
	require.Len(t, sc.Items, 13)
	written, err := engine.WriteScenario(sc)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(written))

	// No extra items: the scenario as read.
	sc, err = ScenarioWithItems(data, 0)
	require.NoError(t, err)
	assert.Len(t, sc.Items, 1)
	_, err = ScenarioWithItems([]byte(`{`), 3)
	assert.Error(t, err)
}

func BenchmarkBoard10000(b *testing.B) {
	out, err := WithItems(seedData(b), 9999)
	require.NoError(b, err)
	sc, err := engine.ReadScenario(out)
	require.NoError(b, err)
	c, err := New(sc)
	require.NoError(b, err)
	n := NewNames(sc)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Board("DEAL", 0, nil, n, "ru")
	}
}

func TestJumpInput(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	ref := time.Date(2026, 1, 12, 9, 5, 0, 0, msk)
	assert.Equal(t, "12.01.2026 09:05", JumpInput(ref, "ru"))
	assert.Equal(t, "2026-01-12 09:05", JumpInput(ref, "en"))
	assert.Equal(t, "12.01.2026 21:30", JumpInput(ref.Add(12*time.Hour+25*time.Minute), "ru"), "24-hour clock")

	tests := []struct {
		in   string
		want time.Time
	}{
		{"14.01.2026 18:30", time.Date(2026, 1, 14, 18, 30, 0, 0, msk)},
		{"  14.01.2026   18:30 ", time.Date(2026, 1, 14, 18, 30, 0, 0, msk)},
		{"4.2.2026 8:05", time.Date(2026, 2, 4, 8, 5, 0, 0, msk)},
		{"14.01.2026, 18:30", time.Date(2026, 1, 14, 18, 30, 0, 0, msk)},
		{"2026-01-14 18:30", time.Date(2026, 1, 14, 18, 30, 0, 0, msk)},
		{"2026-01-14T18:30", time.Date(2026, 1, 14, 18, 30, 0, 0, msk)},
		{"2026-01-14T18:30:00", time.Date(2026, 1, 14, 18, 30, 0, 0, msk)},
		{"18:30", time.Date(2026, 1, 12, 18, 30, 0, 0, msk)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseJumpInput(tt.in, ref)
			require.NoError(t, err)
			assert.True(t, got.Equal(tt.want), "got %s", got)
			assert.Equal(t, msk, got.Location())
		})
	}
	for _, bad := range []string{"", "завтра", "31.02.2026 10:00", "12.01.2026", "12.01.2026 25:00", "01/12/2026, 09:00 AM"} {
		_, err := ParseJumpInput(bad, ref)
		assert.ErrorIs(t, err, ErrJumpInput, bad)
	}
}

// TestExplainPutsDelayedRobotsUnderTheirOwnInstant: after a clock jump, a
// delayed robot's move belongs under the robot and the time it ran, never
// under the event that scheduled it.
func TestExplainPutsDelayedRobotsUnderTheirOwnInstant(t *testing.T) {
	sc, err := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "locale": "ru",
		"start": "2026-01-12T09:00:00+03:00", "entities": [{"type": "DEAL"}],
		"triggers": [{"id": "t1", "entity": "DEAL", "stage": "PREPARATION", "code": "CALL", "name": "Звонок"}],
		"robots": [{"id": "r1", "entity": "DEAL", "stage": "PREPARATION", "type": "ChangeStage", "name": "Дальше",
			"params": {"stage": "PREPAYMENT_INVOICE"}, "delay": {"type": "after", "value": 1, "unit": "d"}}],
		"items": [{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "A"}}]}`))
	require.NoError(t, err)
	c, err := New(sc)
	require.NoError(t, err)
	idx := c.Fire(engine.Event{Code: "CALL", Target: "DEAL_1"})
	names := NewNames(sc)

	x := Explain(c.Sim(), idx, names, "ru")
	require.NotNil(t, x)
	assert.Empty(t, x.Later, "nothing ran later yet")
	require.Len(t, x.Candidates, 1)
	assert.Contains(t, x.Candidates[0].Text, "«Подготовка документов»")
	require.Len(t, x.Robots, 1)
	assert.Contains(t, x.Robots[0].Text, "запланирован на вт 13 янв, 09:00")

	// The clock reaches the robot's time: its move is a section of its own.
	for !c.RunToward(c.Start().Add(48*time.Hour), 100) {
	}
	c.EndRun()
	x = Explain(c.Sim(), idx, names, "ru")
	assert.Equal(t, "Входящий звонок → DEAL_1", x.Cause)
	assert.Equal(t, c.Start(), x.When)
	require.Len(t, x.Candidates, 1, "the event's own section keeps only the event's move")
	assert.Empty(t, x.Changes)
	require.Len(t, x.Later, 1)
	later := x.Later[0]
	assert.Equal(t, "Отложенный робот «Дальше» → DEAL_1", later.Cause)
	assert.Equal(t, c.Start().Add(24*time.Hour), later.When)
	require.Len(t, later.Robots, 1)
	assert.Equal(t, "ran", later.Robots[0].Status)
	require.Len(t, later.Changes, 1)
	assert.Contains(t, later.Changes[0].Text, "«Подготовка документов» → «Счёт на предоплату» (робот «Дальше»)")
	assert.False(t, x.Empty())

	x = Explain(c.Sim(), idx, names, "en")
	assert.Equal(t, "Delayed robot «Дальше» → DEAL_1", x.Later[0].Cause)
}

func TestLinksOfEntityTypes(t *testing.T) {
	for _, tt := range []struct {
		entity string
		parent bool
	}{{"DEAL", false}, {"LEAD", false}, {"ORDER", false}, {"QUOTE", true}, {"SMART_INVOICE", true}, {"DYNAMIC_128", true}} {
		l := LinksOf(tt.entity)
		assert.True(t, l.Contact && l.Company, tt.entity)
		assert.Equal(t, tt.parent, l.Parent, tt.entity)
	}
}

// TestExplainSaysWhyWorkingTimePushedARobot: a delayed robot that respects
// working hours says which day off or hours pushed it, in both languages.
func TestExplainSaysWhyWorkingTimePushedARobot(t *testing.T) {
	sc, err := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "locale": "ru",
		"start": "2026-01-16T17:00:00+03:00", "entities": [{"type": "DEAL"}],
		"triggers": [{"id": "t1", "entity": "DEAL", "stage": "PREPARATION", "code": "CALL", "name": "Звонок"}],
		"robots": [{"id": "r1", "entity": "DEAL", "stage": "PREPARATION", "type": "Notify", "name": "Напомнить",
			"params": {"text": "x"}, "delay": {"type": "after", "value": 2, "unit": "h", "workTime": true}}],
		"items": [{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "A"}}]}`))
	require.NoError(t, err)
	c, err := New(sc)
	require.NoError(t, err)
	idx := c.Fire(engine.Event{Code: "CALL", Target: "DEAL_1"})
	names := NewNames(sc)
	x := Explain(c.Sim(), idx, names, "ru")
	require.NotNil(t, x)
	require.Len(t, x.Robots, 1)
	assert.Equal(t, "Робот «Напомнить» запланирован на пн 19 янв, 09:00 — 2026-01-16 19:00 — нерабочее время компании (вне рабочих часов 09:00–18:00; выходные по графику: 2026-01-17, 2026-01-18): робот учитывает рабочее время и ждёт его начала", x.Robots[0].Text)
	x = Explain(c.Sim(), idx, names, "en")
	assert.Contains(t, x.Robots[0].Text, "— 2026-01-16 19:00 is not company working time (outside working hours 09:00–18:00; days off in the schedule: 2026-01-17, 2026-01-18)")
}

// TestUnnamedRobotsShowTheirBitrix24Name: a robot without a name of its
// own shows as Bitrix24 names its type («Изменить стадию», "Change stage")
// on the board's chips, its cards' pending list and the explanation, never
// as the type code ChangeStage; trigger chips carry their code's name too.
func TestUnnamedRobotsShowTheirBitrix24Name(t *testing.T) {
	sc, err := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "locale": "ru",
		"start": "2026-01-12T09:00:00+03:00", "entities": [{"type": "DEAL"}],
		"triggers": [{"id": "t1", "entity": "DEAL", "stage": "PREPARATION", "code": "CALL"}],
		"robots": [{"id": "r1", "entity": "DEAL", "stage": "PREPARATION", "type": "ChangeStage",
			"params": {"stage": "PREPAYMENT_INVOICE"}, "delay": {"type": "after", "value": 1, "unit": "h"}}],
		"items": [{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "A"}}]}`))
	require.NoError(t, err)
	c, err := New(sc)
	require.NoError(t, err)
	idx := c.Fire(engine.Event{Code: "CALL", Target: "DEAL_1"})
	names := NewNames(sc)
	for _, tt := range []struct{ lang, robot, trigger, pending string }{
		{"ru", "Изменить стадию", "Входящий звонок", "Изменить стадию · пн 12 янв, 10:00"},
		{"en", "Change stage", "Inbound call", "Change stage · Mon 12 Jan, 10:00"},
	} {
		b := c.Board("DEAL", 0, nil, names, tt.lang)
		col := b.Columns[1]
		require.Len(t, col.Robots, 1)
		assert.Equal(t, tt.robot, col.Robots[0].Name, tt.lang)
		assert.Equal(t, tt.robot, col.Robots[0].Kind, tt.lang)
		require.Len(t, col.Triggers, 1)
		assert.Equal(t, tt.trigger, col.Triggers[0].Kind, tt.lang)
		assert.Equal(t, []string{tt.pending}, col.Cards[0].Pending, tt.lang)

		x := Explain(c.Sim(), idx, names, tt.lang)
		require.Len(t, x.Robots, 1)
		assert.Contains(t, x.Robots[0].Text, tt.robot, tt.lang)
		assert.NotContains(t, x.Robots[0].Text, "ChangeStage", tt.lang)
	}
}

// TestExplainLimit: an event that moves many deals is explained by its
// first entries and a count of the others, which add up to the log.
func TestExplainLimit(t *testing.T) {
	sc, err := ScenarioWithItems(seedData(t), 199)
	require.NoError(t, err)
	c, err := New(sc)
	require.NoError(t, err)
	for !c.RunToward(c.End(), 1000) {
	}
	c.EndRun()
	n := NewNames(sc)
	big := 0
	for idx := range c.Sim().Events() {
		x := Explain(c.Sim(), idx, n, "ru")
		require.NotNil(t, x)
		assert.LessOrEqual(t, len(x.Later), ExplainLimit)
		listed, omitted := x.lines(), x.Omitted
		assert.LessOrEqual(t, x.lines(), ExplainLimit)
		for i := range x.Later {
			assert.LessOrEqual(t, x.Later[i].lines(), ExplainLimit)
			listed += x.Later[i].lines()
			omitted += x.Later[i].Omitted
		}
		if x.Omitted == 0 {
			continue
		}
		big++
		if x.LaterOmitted > 0 {
			continue // the spilled sections' entries are not counted
		}
		inLog := 0
		for _, e := range c.Sim().Log() {
			if e.Event == idx {
				inLog++
			}
		}
		assert.Equal(t, inLog-1, listed+omitted, "event %d: every entry but the event's own is listed or counted", idx)
	}
	assert.Positive(t, big, "the call moves 200 deals: some explanation is cut")
}

// TestView: View gives what Tabs and Board give, from one read of the
// items' places, for every tab, with and without card limits, before and
// after events.
func TestView(t *testing.T) {
	c := seed(t)
	n := NewNames(c.Scenario())
	states := []struct {
		name string
		act  func()
	}{
		{"at the start", func() {}},
		{"after 45 new deals", func() {
			for i := 0; i < 45; i++ {
				c.Fire(CreateEvent("DEAL", "NEW", map[string]any{"TITLE": fmt.Sprintf("Сделка %d", i)}, 0, 0, "", 0))
			}
		}},
		{"after the call", func() { c.Fire(call) }},
		{"at the end", func() { c.RunToward(c.End(), 1<<30); c.EndRun() }},
	}
	limits := []map[string]int{nil, {"NEW": 100}, {"NEW": 1, "PREPARATION": 0}}
	for _, st := range states {
		st.act()
		tabs := c.Tabs("en")
		require.NotEmpty(t, tabs)
		for _, tab := range append(tabs, Tab{Entity: "NONE", Pipeline: 7}) {
			for _, lim := range limits {
				t.Run(fmt.Sprintf("%s/%s:%d/%v", st.name, tab.Entity, tab.Pipeline, lim), func(t *testing.T) {
					gotTabs, gotBoard := c.View(tab.Entity, tab.Pipeline, lim, n, "en")
					assert.Equal(t, tabs, gotTabs)
					assert.Equal(t, c.Board(tab.Entity, tab.Pipeline, lim, n, "en"), gotBoard)
				})
			}
		}
	}
}

// BenchmarkFirstBoard10000 is the wasm's work before the first render of
// /simulate?example=07-seed-article.json&items=9999: the copy with its
// extra deals, the session's check, the board's simulation and its first
// model (natively; the page runs it in wasm).
func BenchmarkFirstBoard10000(b *testing.B) {
	data := seedData(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sc, err := ScenarioWithItems(data, 9999)
		require.NoError(b, err)
		require.NoError(b, engine.Check(sc))
		c, err := New(sc)
		require.NoError(b, err)
		c.Board("DEAL", 0, nil, NewNames(sc), "ru")
	}
}
