package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/langcheck"
)

// A trigger's condition setting that is not a list of clauses explains
// itself in the explanation's language: the setting, the clause's place
// and what the setting held. The English text is the error's Error.
func TestConditionSettingErrorsInBothLanguages(t *testing.T) {
	tests := []struct {
		name    string
		setting any
		en, ru  string
	}{
		{"not a list", map[string]any{"field": "TITLE"},
			"the trigger's setting taskCondition is invalid: expected a list of clauses, got an object",
			"настройка триггера taskCondition неверна: ожидался список условий, а в настройке: объект"},
		{"clause not an object", []any{[]any{1.0, 2.0}},
			"the trigger's setting taskCondition is invalid: [0]: expected a clause object, got a list of 2",
			"настройка триггера taskCondition неверна: [0]: ожидался объект условия, а в настройке: список из 2"},
		{"field not a string", []any{map[string]any{"field": 7.0}},
			"the trigger's setting taskCondition is invalid: [0].field: expected a string, got 7",
			"настройка триггера taskCondition неверна: [0].field: ожидалась строка, а в настройке: 7"},
		{"unknown key", []any{map[string]any{"feild": "TITLE"}},
			"the trigger's setting taskCondition is invalid: [0].feild: unknown key",
			"настройка триггера taskCondition неверна: [0].feild: неизвестный ключ"},
		{"a string", "TITLE",
			`the trigger's setting taskCondition is invalid: expected a list of clauses, got "TITLE"`,
			`настройка триггера taskCondition неверна: ожидался список условий, а в настройке: "TITLE"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ConditionFromJSON(tt.setting)
			require.Error(t, err)
			r := settingInvalid("taskCondition", err)
			assert.Equal(t, tt.en, r.Text("en"))
			assert.Equal(t, tt.ru, r.Text("ru"))
			assert.Equal(t, tt.en, "the trigger's setting taskCondition is invalid: "+err.Error(), "Error is the English text")
			assert.Empty(t, langcheck.Problems(r.Text("ru"), "taskCondition", "field", "feild"))
		})
	}
	// Through the trigger's filter, as the log explains it.
	ti, found := LookupTrigger("TASK_STATUS")
	require.True(t, found)
	ok, why := ti.Matches(map[string]any{"taskCondition": "TITLE"}, map[string]any{})
	assert.False(t, ok)
	assert.Equal(t, tests[4].ru, why.Text("ru"))
}
