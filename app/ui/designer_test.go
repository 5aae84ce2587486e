package ui

import (
	"errors"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/engine"
)

func TestTriggerChip(t *testing.T) {
	tests := []struct {
		name, lang string
		trigger    engine.Trigger
		wantName   string
		wantCode   string
		wantMarks  []string
	}{
		{"named, with condition and back move", "ru", engine.Trigger{ID: "t1", Code: "CALL", Name: "Звонок",
			Condition: engine.Condition{{Field: "TITLE", Op: "!empty"}}, AllowBackwards: true}, "Звонок", "Входящий звонок", []string{"с условием", "можно назад"}},
		{"unnamed shows the catalogue name", "en", engine.Trigger{ID: "t2", Code: "EMAIL_LINK"}, "Link clicked in email", "Track link clicks", nil},
		{"an unknown code shows as it is", "ru", engine.Trigger{ID: "t3", Code: "CUSTOM_X"}, "CUSTOM_X", "CUSTOM_X", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var edited, copied, deleted string
			c := &TriggerChip{Lang: tt.lang, Trigger: tt.trigger,
				OnEdit:   func(_ app.Context, id string) { edited = id },
				OnCopy:   func(_ app.Context, id string) { copied = id },
				OnDelete: func(_ app.Context, id string) { deleted = id }}
			e := app.NewTestEngine()
			require.NoError(t, e.Load(c))
			e.ConsumeAll()
			// div.trigger-chip > [button.main > [icon, span.text > [name, code]], marks, menu button]
			assert.NoError(t, app.Match(app.Elem("div").Class("trigger-chip").ID("trigger-"+tt.trigger.ID).DataSet("trigger", tt.trigger.ID), c, 0))
			assert.NoError(t, app.Match(app.Text(tt.wantName), c, 0, 0, 1, 0, 0))
			assert.NoError(t, app.Match(app.Text(tt.wantCode), c, 0, 0, 1, 1, 0))
			for i, m := range tt.wantMarks {
				if i == 1 { // the back-move mark: an icon, then the words
					assert.NoError(t, app.Match(app.Raw(iconSVG("back")), c, 0, 1, i, 0))
					assert.NoError(t, app.Match(app.Text(m), c, 0, 1, i, 1, 0))
					continue
				}
				assert.NoError(t, app.Match(app.Text(m), c, 0, 1, i, 0))
			}
			if len(tt.wantMarks) == 0 {
				assert.Error(t, app.Match(app.Elem("span"), c, 0, 1, 0))
			}

			c.onToggleMenu(app.Context{}, app.Event{})
			assert.True(t, c.menuOpen)
			c.onEdit(app.Context{}, app.Event{})
			c.onCopy(app.Context{}, app.Event{})
			c.onDelete(app.Context{}, app.Event{})
			assert.Equal(t, [3]string{tt.trigger.ID, tt.trigger.ID, tt.trigger.ID}, [3]string{edited, copied, deleted})
			assert.False(t, c.menuOpen)
		})
	}
}

func TestDesignerColumn(t *testing.T) {
	after := true
	col := &DesignerColumn{
		Lang:       "ru",
		Stage:      engine.Stage{ID: "WON", Name: "Сделка успешна", Semantics: engine.Success, Color: "#7BD500"},
		Triggers:   []engine.Trigger{{ID: "t1", Code: "INVOICE"}},
		Robots:     []engine.Robot{{ID: "r1", Type: engine.RobotNotify}, {ID: "r2", Type: engine.RobotSendSms, AfterPrevious: after}},
		DelayTexts: []string{"Сразу", "Через 1 день"},
	}
	var added string
	col.OnAddTrigger = func(_ app.Context, stage string) { added = stage }
	e := app.NewTestEngine()
	require.NoError(t, e.Load(col))
	e.ConsumeAll()
	// section > [button.head, div.triggers > [h3, chip, add], div.robots > [h3, chip, chip, add]]
	assert.NoError(t, app.Match(app.Elem("section").Class("designer-column designer-column--success").ID("stage-WON").
		DataSet("stage", "WON").Aria("label", "Сделка успешна"), col, 0))
	assert.NoError(t, app.Match(app.Text("Сделка успешна"), col, 0, 0, 0, 0))
	assert.NoError(t, app.Match(app.Text("Успех"), col, 0, 0, 1, 0))
	assert.NoError(t, app.Match(app.Text("Триггеры"), col, 0, 1, 0, 0))
	assert.NoError(t, app.Match(&TriggerChip{Lang: "ru", Trigger: col.Triggers[0]}, col, 0, 1, 1))
	assert.NoError(t, app.Match(app.Text("Роботы"), col, 0, 2, 0, 0))
	assert.NoError(t, app.Match(&RobotChip{Lang: "ru", Robot: col.Robots[0], DelayText: "Сразу", First: true}, col, 0, 2, 1))
	assert.NoError(t, app.Match(&RobotChip{Lang: "ru", Robot: col.Robots[1], DelayText: "Через 1 день", Last: true}, col, 0, 2, 2))

	col.onAddTrigger(app.Context{}, app.Event{})
	assert.Equal(t, "WON", added)
}

func TestRobotChipShowsDelayAndChain(t *testing.T) {
	off := false
	c := &RobotChip{Lang: "en", Robot: engine.Robot{ID: "r1", Type: engine.RobotCreateTask, Name: "Call back",
		AfterPrevious: true, Active: &off}, DelayText: "After 2 hours"}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	assert.NoError(t, app.Match(app.Elem("div").Class("robot-chip robot-chip--inactive robot-chip--chained").ID("robot-r1").DataSet("robot", "r1"), c, 0))
	assert.NoError(t, app.Match(app.Raw(iconSVG("down")), c, 0, 0, 0))
	assert.NoError(t, app.Match(app.Text("after previous"), c, 0, 0, 1, 0))
	assert.NoError(t, app.Match(app.Text("Create task"), c, 0, 1, 0, 0))
	assert.NoError(t, app.Match(app.Text("Call back"), c, 0, 1, 1, 0))
	assert.NoError(t, app.Match(app.Text("After 2 hours"), c, 0, 1, 2, 0))
}

func TestDelaySummary(t *testing.T) {
	sc := &engine.Scenario{}
	tests := []struct {
		lang string
		d    *engine.Delay
		want string
	}{
		{"ru", nil, "Сразу"},
		{"ru", &engine.Delay{Type: "after", Value: 1, Unit: "d"}, "Через 1 день"},
		{"ru", &engine.Delay{Type: "after", Value: 3, Unit: "h"}, "Через 3 часа"},
		{"ru", &engine.Delay{Type: "after", Value: 25, Unit: "m"}, "Через 25 минут"},
		{"en", &engine.Delay{Type: "after", Value: 1, Unit: "d"}, "After 1 day"},
		{"ru", &engine.Delay{Type: "before", Value: 2, Unit: "d", Basis: "CLOSEDATE"}, "За 2 дня до: Дата завершения"},
		{"en", &engine.Delay{Type: "before", Value: 2, Unit: "h", Basis: "CLOSEDATE"}, "2 hours before End date"},
		{"ru", &engine.Delay{Type: "in", Basis: "BEGINDATE", Time: "10:00"}, "Точное время: Дата начала, 10:00"},
		{"ru", &engine.Delay{Type: "after", Value: 1, Unit: "d", Time: "09:30"}, "Через 1 день, 09:30"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, delaySummary(tt.lang, sc, "DEAL", tt.d))
	}
}

func TestEditErrors(t *testing.T) {
	got := editErrors("ru", engine.Errors{
		{Path: "triggers[3].settings.url", Msg: "expected a string"},
		{Path: "triggers[3].condition[1].value", Msg: "expected a number"},
		{Path: "robots[0].params.title", Msg: "missing"},
		{Path: "robots[0].delay.unit", Msg: "bad unit"},
		{Path: "events[0].at", Msg: "bad time"},
	})
	assert.Equal(t, []string{"expected a string"}, got["settings.url"])
	assert.Equal(t, []string{"expected a number"}, got["condition.1"])
	assert.Equal(t, []string{"missing"}, got["params.title"])
	assert.Equal(t, []string{"bad unit"}, got["delay"])
	assert.Equal(t, []string{"Сценарий не примет это изменение: events[0].at: bad time"}, got[""])

	rule := editErrors("en", &design.Error{Code: "stage.lastProcess", Args: []string{"New"}})
	assert.Equal(t, []string{"“New” is the last in-progress stage, and a pipeline must keep at least one."}, rule[""])
	assert.Equal(t, []string{"Сценарий не примет это изменение: boom"}, editErrors("ru", errors.New("boom"))[""])

	// The reader's coded errors read in the interface language, by field.
	_, err := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}],
	  "triggers": [{"id": "t", "entity": "DEAL", "stage": "NOPE", "code": "CALL"}]}`))
	require.Error(t, err)
	assert.Equal(t, []string{`неизвестная стадия "NOPE" в DEAL`}, editErrors("ru", err)["stage"])
	assert.Equal(t, []string{`unknown stage "NOPE" in DEAL`}, editErrors("en", err)["stage"])
}

func TestConditionValueShapes(t *testing.T) {
	cl := engine.Clause{Field: "OPPORTUNITY", Op: "=", Value: 5.0, HasValue: true}
	setOp(&cl, engine.OpBetween)
	assert.Equal(t, []any{"", ""}, cl.Value)
	setOp(&cl, engine.OpEmpty)
	assert.False(t, cl.HasValue)
	setOp(&cl, engine.OpIn)
	assert.Equal(t, []any{}, cl.Value)
	assert.Equal(t, 1500.5, parseValue(engine.FieldMoney, "1 500,5"))
	assert.Equal(t, "abc", parseValue(engine.FieldString, " abc "))
	assert.Equal(t, "1, x", valueText([]any{1.0, "x"}))
}
