package design_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// base is a small scenario: deals with two pipelines, a lead type, one
// trigger and two robots, an item, an event and expectations.
const base = `{"format": "triggersim/scenario", "version": 1, "title": "T", "locale": "ru",
 "users": [{"id": 1, "name": "Анна"}, {"id": 2, "name": "Борис"}],
 "entities": [
  {"type": "DEAL", "pipelines": [
    {"id": 0, "name": "Общая", "stages": [
      {"id": "NEW", "name": "Новая", "semantics": "process"},
      {"id": "WORK", "name": "В работе", "semantics": "process"},
      {"id": "WON", "name": "Успех", "semantics": "success"},
      {"id": "LOSE", "name": "Провал", "semantics": "failure"},
      {"id": "APOLOGY", "name": "Анализ", "semantics": "failure"}]},
    {"id": 1, "name": "Опт", "stages": [
      {"id": "C1:NEW", "name": "Новая", "semantics": "process"},
      {"id": "C1:WON", "name": "Успех", "semantics": "success"},
      {"id": "C1:LOSE", "name": "Провал", "semantics": "failure"}]}]},
  {"type": "LEAD"}],
 "triggers": [{"id": "t1", "entity": "DEAL", "stage": "WORK", "code": "CALL"}],
 "robots": [
  {"id": "r1", "entity": "DEAL", "stage": "WORK", "type": "Notify", "params": {"text": "a"}},
  {"id": "r2", "entity": "DEAL", "stage": "WORK", "type": "Notify", "params": {"text": "b"}},
  {"id": "r3", "entity": "DEAL", "stage": "NEW", "type": "ChangeStage", "params": {"stage": "APOLOGY"}}],
 "items": [{"id": 1, "entity": "DEAL", "stage": "NEW"}],
 "events": [{"at": "+1h", "code": "MOVE", "target": "DEAL_1", "data": {"stage": "LOSE"}}],
 "expect": [{"target": "DEAL_1", "notFired": "t1"}, {"target": "DEAL_1", "ran": "r2"}]}`

func load(t *testing.T) *engine.Scenario {
	t.Helper()
	sc, err := engine.ReadScenario([]byte(base))
	require.NoError(t, err)
	return sc
}

// valid checks an edited scenario still reads back as a file, as
// session.Edit will demand.
func valid(t *testing.T, sc *engine.Scenario) *engine.Scenario {
	t.Helper()
	out, err := engine.WriteScenario(sc)
	require.NoError(t, err)
	back, err := engine.ReadScenario(out)
	require.NoError(t, err, string(out))
	_, err = engine.New(back, engine.Options{})
	require.NoError(t, err)
	return back
}

func stageIDs(sc *engine.Scenario, typ string, pid int) []string {
	var ids []string
	for _, st := range design.Pipeline(sc, typ, pid).Stages {
		ids = append(ids, st.ID)
	}
	return ids
}

// wantRule checks err is the design rule code and reads as want in Russian.
func wantRule(t *testing.T, err error, code, wantRU string) {
	t.Helper()
	var de *design.Error
	require.True(t, errors.As(err, &de), "want a design.Error, got %v", err)
	assert.Equal(t, code, de.Code)
	if wantRU != "" {
		assert.Equal(t, wantRU, de.Message("ru"))
	}
}

func TestEveryRuleHasBothLanguages(t *testing.T) {
	for _, c := range design.Codes() {
		for _, lang := range i18n.Languages() {
			assert.True(t, i18n.Has(lang, "design.err."+c), "%s: design.err.%s", lang, c)
		}
	}
}

func TestAddTriggers(t *testing.T) {
	tests := []struct {
		name       string
		typ, stage string
		codes      []string
		wantIDs    []string
		wantCode   string
		wantRU     string
	}{
		{"one", "DEAL", "NEW", []string{"EMAIL"}, []string{"t2"}, "", ""},
		{"several in order", "DEAL", "C1:NEW", []string{"CALL", "WEBHOOK", "INVOICE"}, []string{"t2", "t3", "t4"}, "", ""},
		{"unsupported", "LEAD", "NEW", []string{"INVOICE"}, nil, "trigger.unsupported",
			"Триггер INVOICE недоступен для типа LEAD: он работает только для DEAL."},
		{"unknown code", "DEAL", "NEW", []string{"NOPE"}, nil, "trigger.code", "«NOPE» — неизвестный код триггера."},
		{"none", "DEAL", "NEW", nil, nil, "trigger.none", "Выберите хотя бы один триггер."},
		{"unknown stage", "DEAL", "NOPE", []string{"CALL"}, nil, "stage.unknown", "Стадии NOPE у типа DEAL нет."},
		{"unknown entity", "QUOTE", "DRAFT", []string{"CALL"}, nil, "entity.unknown", "В сценарии нет типа QUOTE."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			ids, err := design.AddTriggers(sc, tt.typ, tt.stage, tt.codes)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, tt.wantRU)
				assert.Len(t, sc.Triggers, 1)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantIDs, ids)
			back := valid(t, sc)
			for i, id := range ids {
				tr, ok := back.TriggerByID(id)
				require.True(t, ok)
				assert.Equal(t, tt.codes[i], tr.Code)
				assert.Equal(t, tt.stage, tr.Stage)
			}
		})
	}
}

func TestAddTriggersFillsGapsAndCanonicalStage(t *testing.T) {
	sc := load(t)
	sc.Triggers[0].ID = "t2" // t1 is free now
	ids, err := design.AddTriggers(sc, "LEAD", "NEW", []string{"CALL", "CALL"})
	require.NoError(t, err)
	assert.Equal(t, []string{"t1", "t3"}, ids)
}

func TestWebhookCode(t *testing.T) {
	sc := load(t)
	ids, err := design.AddTriggers(sc, "DEAL", "NEW", []string{"WEBHOOK", "WEBHOOK"})
	require.NoError(t, err)
	a, _ := sc.TriggerByID(ids[0])
	b, _ := sc.TriggerByID(ids[1])
	ca, cb := a.Settings["code"].(string), b.Settings["code"].(string)
	assert.Regexp(t, `^[a-z]{5}$`, ca)
	assert.Regexp(t, `^[a-z]{5}$`, cb)
	assert.NotEqual(t, ca, cb)

	// Deterministic: the same scenario gives the same codes.
	sc2 := load(t)
	ids2, err := design.AddTriggers(sc2, "DEAL", "NEW", []string{"WEBHOOK", "WEBHOOK"})
	require.NoError(t, err)
	a2, _ := sc2.TriggerByID(ids2[0])
	assert.Equal(t, ca, a2.Settings["code"])
	valid(t, sc)

	assert.Equal(t, "https://portal.bitrix24.ru/rest/1/abc/crm.automation.trigger/?target=DEAL_{ID}&code=nwly5",
		design.WebhookURL("portal.bitrix24.ru", "abc", "DEAL", "nwly5"))
}

func TestUpdateTrigger(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(tr *engine.Trigger)
		wantCode string
		wantRU   string
		check    func(t *testing.T, tr *engine.Trigger)
	}{
		{"settings and standard settings", func(tr *engine.Trigger) {
			tr.Name = "  Звонок  "
			tr.AllowBackwards = true
			tr.ExecuteBy = 2
			tr.Settings = map[string]any{"LINE_NUMBER": "+7495"}
			tr.Condition = engine.Condition{{Field: "OPPORTUNITY", Op: ">", Value: 100.0, HasValue: true}}
		}, "", "", func(t *testing.T, tr *engine.Trigger) {
			assert.Equal(t, "Звонок", tr.Name)
			assert.True(t, tr.AllowBackwards)
			assert.Equal(t, 2, tr.ExecuteBy)
			assert.Equal(t, "+7495", tr.Settings["LINE_NUMBER"])
			assert.Len(t, tr.Condition, 1)
		}},
		{"code and entity stay", func(tr *engine.Trigger) { tr.Code = "EMAIL"; tr.Entity = "LEAD" }, "", "",
			func(t *testing.T, tr *engine.Trigger) {
				assert.Equal(t, "CALL", tr.Code)
				assert.Equal(t, "DEAL", tr.Entity)
			}},
		{"move to another stage", func(tr *engine.Trigger) { tr.Stage = "C1:NEW" }, "", "",
			func(t *testing.T, tr *engine.Trigger) { assert.Equal(t, "C1:NEW", tr.Stage) }},
		{"unknown stage", func(tr *engine.Trigger) { tr.Stage = "X" }, "stage.unknown", "Стадии X у типа DEAL нет.", nil},
		{"unknown trigger", func(tr *engine.Trigger) { tr.ID = "t9" }, "trigger.unknown", "Триггера t9 нет.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			tr := sc.Triggers[0]
			tt.edit(&tr)
			err := design.UpdateTrigger(sc, tr)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, tt.wantRU)
				return
			}
			require.NoError(t, err)
			back := valid(t, sc)
			got, _ := back.TriggerByID("t1")
			tt.check(t, got)
		})
	}
}

func TestUpdateTriggerFieldChangedWatchable(t *testing.T) {
	sc := load(t)
	ids, err := design.AddTriggers(sc, "DEAL", "NEW", []string{"FIELD_CHANGED"})
	require.NoError(t, err)
	tr, _ := sc.TriggerByID(ids[0])
	c := *tr
	c.Settings = map[string]any{"fields": []any{"TITLE", "OPPORTUNITY"}}
	wantRule(t, design.UpdateTrigger(sc, c), "trigger.fieldWatch",
		"Поле OPPORTUNITY отслеживать нельзя: Битрикс24 не даёт выбрать его в триггере «Изменены поля».")
	c.Settings = map[string]any{"fields": []any{"TITLE", "COMMENTS"}}
	require.NoError(t, design.UpdateTrigger(sc, c))
	valid(t, sc)
}

func TestDeleteTrigger(t *testing.T) {
	sc := load(t)
	wantRule(t, design.DeleteTrigger(sc, "t1"), "trigger.expect", "Триггер t1 удалить нельзя: его называет ожидание № 1.")
	sc.Expect = sc.Expect[1:]
	require.NoError(t, design.DeleteTrigger(sc, "t1"))
	assert.Empty(t, sc.Triggers)
	wantRule(t, design.DeleteTrigger(sc, "t1"), "trigger.unknown", "Триггера t1 нет.")
	valid(t, sc)
}

func TestCopyTrigger(t *testing.T) {
	tests := []struct {
		name, to, wantID, wantCode string
	}{
		{"same pipeline", "NEW", "t2", ""},
		{"other pipeline", "C1:NEW", "t2", ""},
		{"unknown stage", "CONVERTED", "", "stage.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			sc.Triggers[0].Settings = map[string]any{"LINE_NUMBER": "1"}
			sc.Triggers[0].Condition = engine.Condition{{Field: "TITLE", Op: "!empty"}}
			id, err := design.CopyTrigger(sc, "t1", tt.to)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, "")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, id)
			c, _ := sc.TriggerByID(id)
			assert.Equal(t, tt.to, c.Stage)
			assert.Equal(t, "1", c.Settings["LINE_NUMBER"])
			c.Settings["LINE_NUMBER"] = "2"
			orig, _ := sc.TriggerByID("t1")
			assert.Equal(t, "1", orig.Settings["LINE_NUMBER"], "the copy shares no map with the original")
			valid(t, sc)
		})
	}
}

func TestStageTriggersAndAvailable(t *testing.T) {
	sc := load(t)
	assert.Len(t, design.StageTriggers(sc, "DEAL", "WORK"), 1)
	assert.Empty(t, design.StageTriggers(sc, "DEAL", "NEW"))
	for _, ti := range design.Available("LEAD") {
		assert.NotEqual(t, "INVOICE", ti.Code)
	}
	codes := map[string]bool{}
	for _, ti := range design.Available("DEAL") {
		codes[ti.Code] = true
	}
	assert.True(t, codes["INVOICE"])
	assert.False(t, codes["PAYMENT"])
}

func ExampleAddTriggers() {
	sc, _ := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}]}`))
	ids, err := design.AddTriggers(sc, "DEAL", "PREPARATION", []string{"CALL", "EMAIL_LINK"})
	fmt.Println(ids, err)
	_, err = design.AddTriggers(sc, "DEAL", "PREPARATION", []string{"PAYMENT"})
	fmt.Println(err.(*design.Error).Message("ru"))
	// Output:
	// [t1 t2] <nil>
	// Триггер PAYMENT недоступен для типа DEAL: он работает только для ORDER.
}
