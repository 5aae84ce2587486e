package b24import_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/internal/langcheck"
)

func TestTextsComplete(t *testing.T) {
	assert.Empty(t, b24import.Texts.Problems())
}

// One hostile REST output per kind of problem: the import's error reads
// in Russian and in English, and keeps its place (the file, the record,
// the line and column). The English text is the error's Error.
func TestErrorsInBothLanguages(t *testing.T) {
	good := stage(1, "DEAL_STAGE", "NEW", "", 10) + "," + stage(2, "DEAL_STAGE", "WON", "S", 20)
	tests := []struct {
		name, cats, stats string
		en, ru            string // the first problem
	}{
		{"broken JSON", "", "[\n  {\"ID\": 1,}\n]",
			`crm.status.list: invalid JSON at line 2, column 12: unexpected character '}', expected a quoted object key; expected {"result": [...]} as crm.status.list returns it`,
			`crm.status.list: неверный JSON в строке 2, столбце 12: встретился символ '}', а ожидался ключ объекта в кавычках; ожидался {"result": [...]}, как его возвращает crm.status.list`},
		{"empty statuses", "", "",
			`the crm.status.list output is empty`, `вывод crm.status.list пуст`},
		{"REST error", "", `{"error": "expired_token", "error_description": "The access token provided has expired."}`,
			`crm.status.list: the REST call failed: error expired_token The access token provided has expired.`,
			`crm.status.list: вызов REST завершился ошибкой «expired_token»: «The access token provided has expired.»`},
		{"not a list", "", `{"result": 5}`,
			`crm.status.list: expected {"result": [...]} as crm.status.list returns it, got a number`,
			`crm.status.list: ожидался {"result": [...]}, как его возвращает crm.status.list, а в файле: число`},
		{"wrong field type", "", `[{"ID": "7", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "SORT": true}]`,
			`crm.status.list[0] (ID 7): SORT: expected an integer, got a boolean`,
			`crm.status.list[0] (ID 7): SORT: ожидалось целое число, а в файле: логическое значение`},
		{"category id missing", `{"categories": [{"name": "x", "entityTypeId": 2}]}`, `[` + good + `]`,
			`crm.category.list result.categories[0]: id: missing`, `crm.category.list result.categories[0]: id: нет значения`},
		{"category of no entity type", `{"result": {"categories": [{"id": 0, "name": "Клиенты", "sort": 100, "entityTypeId": 3}]}}`, `[` + good + `]`,
			`crm.category.list category 0 «Клиенты»: entityTypeId 3 is not an entity type with stages (2 deals, 31 smart invoices, 128–191 or even ≥ 1030 smart processes)`,
			`воронка 0 «Клиенты» из crm.category.list: entityTypeId 3 — не тип сущности со стадиями (2 — сделки, 31 — смарт-счета, 128–191 или чётные ≥ 1030 — смарт-процессы)`},
		{"bad semantics", "", `[` + good + "," + stage(3, "DEAL_STAGE", "LOSE", "X", 30) + `]`,
			`crm.status.list record ID 3 (ENTITY_ID DEAL_STAGE, STATUS_ID LOSE): SEMANTICS "X" is not null, "S" or "F"`,
			`запись crm.status.list с ID 3 (ENTITY_ID DEAL_STAGE, STATUS_ID LOSE): SEMANTICS "X" — не null, не "S" и не "F"`},
		{"two successes (the scenario reader's rule)", "", `[` + good + "," + stage(3, "DEAL_STAGE", "WON2", "S", 30) + `]`,
			`crm.status.list record ID 3 (ENTITY_ID DEAL_STAGE, STATUS_ID WON2): a pipeline has exactly one success stage, this is the second`,
			`запись crm.status.list с ID 3 (ENTITY_ID DEAL_STAGE, STATUS_ID WON2): в воронке ровно одна успешная стадия, а это вторая`},
		{"no success (a pipeline)", "", `[` + stage(1, "DEAL_STAGE_3", "C3:NEW", "", 10) + `]`,
			`DEAL pipeline 3 «Воронка 3» (crm.status.list ENTITY_ID DEAL_STAGE_3): expected exactly one success stage, found none`,
			`DEAL: воронка 3 «Воронка 3» (crm.status.list, ENTITY_ID DEAL_STAGE_3): ожидалась ровно одна успешная стадия, а её нет`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b24import.FromREST([]byte(tt.cats), []byte(tt.stats), "ru")
			require.ErrorIs(t, err, b24import.ErrInvalid)
			var be *b24import.Error
			require.True(t, errors.As(err, &be), "%T", err)
			en, ru := be.Lines("en"), be.Lines("ru")
			require.Len(t, ru, len(en))
			assert.Equal(t, tt.en, en[0])
			assert.Equal(t, tt.ru, ru[0])
			assert.Contains(t, err.Error(), tt.en)
			assert.Equal(t, strings.Join(en, "\n"), be.Text("en"))
			for _, line := range ru {
				assert.Empty(t, langcheck.Problems(line, "null", "filter", "entityTypeId"), line)
			}
		})
	}
}
