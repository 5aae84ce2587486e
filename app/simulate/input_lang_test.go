package simulate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/simulate"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/internal/langcheck"
)

func TestInputTextsComplete(t *testing.T) {
	assert.Empty(t, simulate.Texts.Problems())
}

// What a person types wrong into the board's dialogs reads in the
// interface language and keeps its place (the event data's key); the
// English text is the error's Error.
func TestInputErrorsInBothLanguages(t *testing.T) {
	ex, ok := examples.Find("07-seed-article.json")
	require.True(t, ok)
	sc, err := engine.ReadScenario(ex.Data)
	require.NoError(t, err)
	sc.Items = nil
	scenarioNoItems, err := engine.WriteScenario(sc)
	require.NoError(t, err)
	tests := []struct {
		name   string
		err    func() error
		en, ru string
	}{
		{"event whole number", func() error {
			_, err := simulate.EventData("WEBFORM", map[string]string{"form_id": "x7"})
			return err
		}, `form_id: expected a whole number, got "x7"`, `form_id: ожидалось целое число, а введено "x7"`},
		{"event JSON", func() error {
			_, err := simulate.EventData("TASK_STATUS", map[string]string{"fields": `{"TITLE": }`})
			return err
		}, `fields: expected JSON such as {"a": 1} or ["x"]; the text breaks at character 11`,
			`fields: ожидался JSON, например {"a": 1} или ["x"]; текст ломается на символе 11`},
		{"event JSON cut short", func() error {
			_, err := simulate.EventData("TASK_STATUS", map[string]string{"fields": `{"TITLE"`})
			return err
		}, `fields: expected JSON such as {"a": 1} or ["x"]; the text breaks at character 8`,
			`fields: ожидался JSON, например {"a": 1} или ["x"]; текст ломается на символе 8`},
		{"item field number", func() error {
			_, err := simulate.FieldValue(engine.FieldMoney, "много")
			return err
		}, `expected a number such as 1500 or 1500.50, got "много"`, `ожидалось число, например 1500 или 1500,50, а введено "много"`},
		{"script time", func() error {
			_, err := simulate.ScriptEvent("tomorrow", "CALL", "DEAL_1", nil, 0)
			return err
		}, `expected an RFC 3339 time such as "2026-01-12T10:30:00+03:00" or an offset such as "+2h30m", got "tomorrow"`, ""},
		{"script offset", func() error {
			_, err := simulate.ScriptEvent("+2x", "CALL", "DEAL_1", nil, 0)
			return err
		}, "", ""},
		{"no item to copy", func() error {
			_, err := simulate.ScenarioWithItems(scenarioNoItems, 3)
			return err
		}, "the scenario has no item to copy", "в сценарии нет элемента, который можно скопировать"},
		{"script event gone", func() error {
			_, err := simulate.DeleteEvent(make([]engine.Event, 2), 2)
			return err
		}, "the script has no event 3 any more; it may have been removed in another tab",
			"в сценарии больше нет события 3: возможно, его удалили в другой вкладке"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			require.Error(t, err)
			en, ru := engine.ErrorMessage(err, "en"), engine.ErrorMessage(err, "ru")
			t.Logf("en: %s\nru: %s", en, ru)
			if tt.en != "" {
				assert.Equal(t, tt.en, en)
			}
			if tt.ru != "" {
				assert.Equal(t, tt.ru, ru)
			}
			assert.Empty(t, langcheck.Problems(ru, "form_id", "fields", "a", "x"))
			assert.NotEqual(t, en, ru)
		})
	}
}

func TestDeleteEvent(t *testing.T) {
	evs := []engine.Event{{Code: "CALL"}, {Code: "WEBFORM"}, {Code: "EMAIL_READ"}}
	got, err := simulate.DeleteEvent(evs, 1)
	require.NoError(t, err)
	assert.Equal(t, []engine.Event{{Code: "CALL"}, {Code: "EMAIL_READ"}}, got)
	for _, bad := range []int{-1, 2} {
		kept, err := simulate.DeleteEvent(got, bad)
		require.Error(t, err, "index %d", bad)
		assert.Len(t, kept, 2, "nothing is removed")
	}
}
