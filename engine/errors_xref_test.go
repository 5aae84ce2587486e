package engine

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/langcheck"
)

// codeWords are the words a Russian message may keep: names of keys,
// operators, field types and values the file itself uses.
var codeWords = []string{"in", "contain", "empty", "between", "min", "max", "id", "null", "true", "false",
	"condition", "join", "op", "value", "whatif", "ChangePipeline", "n", "e", "U", "DYNAMIC_n", "h", "m", "d", "triggersim",
	FieldString, FieldNumber, FieldMoney, FieldBool, FieldDate, FieldDateTime, FieldUser, FieldList}

// assertRussian checks that one error reads in Russian (Cyrillic, no
// English words) with its place kept, and in English as Error prints it.
func assertRussian(t *testing.T, e *Error) {
	t.Helper()
	assert.NotEmpty(t, e.Code, "%s has no code", e.Error())
	assert.Equal(t, e.Error(), e.Text("en"))
	assert.Empty(t, langcheck.Problems(e.Message("ru"), codeWords...), e.Path)
	if e.Path != "" {
		assert.True(t, strings.HasPrefix(e.Text("ru"), e.Path+": "), "the Russian text keeps the place: %q", e.Text("ru"))
	}
}

// Every hostile file of TestReadScenarioErrors reads in Russian too: each
// error has a code, its Russian message has no English words, and the
// JSON path is the same.
func TestReadErrorsInRussian(t *testing.T) {
	for _, tt := range readErrorCases() {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadScenario([]byte(tt.in))
			var es Errors
			require.True(t, errors.As(err, &es), "%v", err)
			for _, e := range es {
				assertRussian(t, e)
			}
		})
	}
}

// One hostile input per error family the reading table does not reach:
// cross-references, delays, conditions, times, working time (of a file
// and of a scenario built in Go) and the "whatif" section, each in both
// languages with its place.
func TestErrorFamiliesInBothLanguages(t *testing.T) {
	doc := func(parts ...string) string {
		return `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}, {"type": "LEAD"}]` +
			strings.Join(append([]string{""}, parts...), ", ") + `}`
	}
	tests := []struct {
		name, in, path, en, ru string
	}{
		{"unknown robot in an expectation", doc(`"items": [{"id": 1, "entity": "DEAL", "stage": "NEW"}]`,
			`"expect": [{"target": "DEAL_1", "ran": "nope"}]`),
			"expect[0].ran", `unknown robot "nope"`, `неизвестный робот "nope"`},
		{"trigger on another entity", doc(`"triggers": [{"id": "t", "entity": "LEAD", "stage": "NEW", "code": "CALL"}]`,
			`"items": [{"id": 1, "entity": "DEAL", "stage": "NEW"}]`, `"expect": [{"target": "DEAL_1", "fired": "t"}]`),
			"expect[0].fired", `trigger "t" is on LEAD, not DEAL`, `триггер "t" стоит в LEAD, а не в DEAL`},
		{"trigger code for other types", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "ORDER"}], "triggers": [{"id": "t", "entity": "ORDER", "stage": "N", "code": "TASK_STATUS"}]}`,
			"triggers[0].code", `TASK_STATUS is not available for ORDER; it works for LEAD, DEAL, QUOTE, SMART_INVOICE and smart processes (DYNAMIC_n)`,
			`TASK_STATUS недоступен для ORDER; он работает для: LEAD, DEAL, QUOTE, SMART_INVOICE и смарт-процессы (DYNAMIC_n)`},
		{"smart process type", doc(`"items": [{"id": 1, "entity": "DYNAMIC_5", "stage": "NEW"}]`),
			"items[0].entity", `"DYNAMIC_5" is not a smart-process type id: Bitrix24 numbers smart processes 128–191, then even numbers from 1030 (DYNAMIC_128, DYNAMIC_1030…)`,
			`"DYNAMIC_5" — не id типа смарт-процесса: Битрикс24 нумерует смарт-процессы 128–191, затем чётными числами от 1030 (DYNAMIC_128, DYNAMIC_1030…)`},
		{"delay in minutes", doc(`"robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "AddComment", "params": {"text": "x"}, "delay": {"type": "after", "value": 9999999, "unit": "m"}}]`),
			"robots[0].delay.value", `expected a delay of at most 5270400 minutes (3660 days, about 10 years), got 9999999 minutes`,
			`ожидалась задержка не больше 5270400 (минуты; это 3660 дней, около 10 лет), а в файле: 9999999 (минуты)`},
		{"delay in days", doc(`"robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "AddComment", "params": {"text": "x"}, "delay": {"type": "after", "value": 9999, "unit": "d"}}]`),
			"robots[0].delay.value", `expected a delay of at most 3660 days (about 10 years), got 9999 days`,
			`ожидалась задержка: не больше 3660 дней (около 10 лет), а в файле: 9999 (дни)`},
		{"condition on a number field", doc(`"triggers": [{"id": "t", "entity": "DEAL", "stage": "NEW", "code": "CALL", "condition": [{"field": "OPPORTUNITY", "op": ">", "value": "much"}]}]`),
			"triggers[0].condition", `condition[0].value: expected a number for a money field, got "much"`,
			`condition[0].value: для поля типа money ожидалось: число, а в файле: "much"`},
		{"offset too long", doc(`"until": "+99999d"`),
			"until", `expected an offset of at most 3660 days (about 10 years), got "+99999d"`,
			`ожидалось смещение: не больше 3660 дней (около 10 лет), а в файле: "+99999d"`},
		{"what-if weights", doc(`"whatif": {"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": "NEW", "weekdays": [1,1,1,1,1,1]}]}`),
			"whatif.arrivals[0].weekdays", `expected 7 weights, Monday to Sunday, got 6 entries`,
			`ожидалось: 7 весов, с понедельника по воскресенье, а в файле элементов: 6`},
		{"what-if flow version", doc(`"whatif": {"flows": []}`),
			"whatif.flows", `"flows" needs "version": 2 in the whatif section`, `для "flows" нужна "version": 2 в разделе whatif`},
		{"what-if event code", doc(`"whatif": {"events": [{"entity": "DEAL", "stage": "NEW", "code": "CREATE", "perDay": 1}]}`),
			"whatif.events[0].code", `new items come from "arrivals"; expected a trigger code, UPDATE or MOVE`,
			`новые элементы приходят из "arrivals"; ожидался код триггера, UPDATE или MOVE`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := ReadScenario([]byte(tt.in))
			if err == nil { // conditions are compiled against the field types when the scenario runs
				_, err = Run(sc, Options{})
			}
			var es Errors
			require.True(t, errors.As(err, &es), "%v", err)
			for _, e := range es {
				assertRussian(t, e)
			}
			require.NotEmpty(t, es)
			assert.Equal(t, tt.path, es[0].Path)
			assert.Equal(t, tt.en, es[0].Message("en"))
			assert.Equal(t, tt.ru, es[0].Message("ru"))
		})
	}
}

// A scenario built in Go is checked when it runs: its working time,
// conditions and references read in both languages too.
func TestBuiltScenarioErrorsInBothLanguages(t *testing.T) {
	start := time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC)
	sc := &Scenario{Start: start, WorkTime: WorkTime{Timezone: "Mars/Base", From: "09:00", To: "18:00"},
		Entities: []Entity{{Type: "DEAL", Pipelines: []Pipeline{DefaultPipeline("DEAL", "ru", 0)}}},
		Triggers: []Trigger{{ID: "t", Entity: "QUOTE", Stage: "NEW", Code: "CALL"}},
		Items:    []Item{{ID: 1, Entity: "DEAL", Stage: "NOPE"}}}
	_, err := Run(sc, Options{})
	var es Errors
	require.True(t, errors.As(err, &es), "%v", err)
	require.NotEmpty(t, es)
	assert.Equal(t, "workTime: unknown time zone \"Mars/Base\"", es[0].Text("en"))
	assert.Equal(t, "workTime: неизвестный часовой пояс \"Mars/Base\"", es[0].Text("ru"))
	for _, e := range es {
		assertRussian(t, e)
	}
}
