package calibrate_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/calibrate"
	"github.com/triggersim/triggersim/internal/langcheck"
)

// The crm.status.list outputs and a valid history of the input errors' cases.
const (
	dealStages   = `{"result": [{"ID":"1","ENTITY_ID":"DEAL_STAGE","STATUS_ID":"NEW","NAME":"Новая","SORT":"10","SEMANTICS":null},{"ID":"2","ENTITY_ID":"DEAL_STAGE","STATUS_ID":"WON","NAME":"Успех","SORT":"20","SEMANTICS":"S"}]}`
	leadStatuses = `{"result": [{"ID":"1","ENTITY_ID":"STATUS","STATUS_ID":"NEW","NAME":"Новый","SORT":"10","SEMANTICS":null},{"ID":"2","ENTITY_ID":"STATUS","STATUS_ID":"CONVERTED","NAME":"Сконв","SORT":"20","SEMANTICS":"S"}]}`
	twoRecords   = `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": "NEW"}, {"ID": "2", "TYPE_ID": "3", "OWNER_ID": "1", "CREATED_TIME": "2026-03-03T10:00:00+03:00", "STAGE_ID": "WON"}]`
)

// TestInputErrorsInBothLanguages feeds one hostile input per input error
// to Build: the error satisfies ErrInvalid, prints the English message
// the command always printed (word for word), reads in Russian in
// Message("ru"), and both name the place at fault. The two MaxRecords
// limits (two million records) are left out for their cost.
func TestInputErrorsInBothLanguages(t *testing.T) {
	tests := []struct {
		name, statuses, history, deals string
		// place is the file and the position or JSON path at fault, in
		// both languages; en is the whole English message.
		place, en string
		// allowed are the Latin words a Russian message may keep: the
		// portal's own words.
		allowed   []string
		noHistory bool
	}{
		{name: "amount", statuses: dealStages, history: twoRecords, deals: `[{"ID": "1", "OPPORTUNITY": "много"}]`, place: `D.json: [0].OPPORTUNITY`,
			en: `cannot calibrate from the portal's history: D.json: [0].OPPORTUNITY: expected an amount, got the string "много"`},
		{name: "b24", statuses: `{"foo": 1}`, history: twoRecords, place: `S.json`,
			en: `cannot calibrate from the portal's history: , S.json: cannot import the portal's stages: crm.status.list: expected {"result": [...]} as crm.status.list returns it, got an object`},
		{name: "days", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": "NEW"}, {"ID": "2", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2040-03-02T10:00:00+03:00", "STAGE_ID": "NEW"}]`, place: `5115`,
			en: `cannot calibrate from the portal's history: the history spans 5115 days; at most 3650`},
		{name: "eof", statuses: dealStages, history: `[{"ID": 1`, place: `H.json`,
			en: `cannot calibrate from the portal's history: H.json: not valid JSON: unexpected EOF`},
		{name: "item", statuses: dealStages, history: `[null]`, place: `H.json: [0]`, allowed: []string{"null"},
			en: `cannot calibrate from the portal's history: H.json: [0]: expected an item object, got null`},
		{name: "items", statuses: dealStages, history: `{"result": {"items": 5}}`, place: `H.json: result.items`,
			en: `cannot calibrate from the portal's history: H.json: result.items: expected an array of items, got the number 5`},
		{name: "longString", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "STAGE_ID": "NEW"}]`, place: `H.json: [0].CREATED_TIME`,
			en: `cannot calibrate from the portal's history: H.json: [0].CREATED_TIME: expected an ISO 8601 time with its offset such as "2026-01-12T09:30:00+03:00", got the string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"`},
		{name: "manyValues", statuses: dealStages, history: `[] []`, place: `H.json`,
			en: `cannot calibrate from the portal's history: H.json: more than one JSON value`},
		{name: "missing", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": "NEW"}]`, place: `H.json: [0].OWNER_ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].OWNER_ID: missing, expected the OWNER_ID of a crm.stagehistory.list item`},
		{name: "missingID", statuses: dealStages, history: twoRecords, deals: `[{"OPPORTUNITY": "1"}]`, place: `D.json: [0].ID`,
			en: `cannot calibrate from the portal's history: D.json: [0].ID: missing, expected the ID of a deal or item`},
		{name: "natural", statuses: dealStages, history: `[{"ID": "-1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": "NEW"}]`, place: `H.json: [0].ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].ID: expected a whole number ≥ 0, got the string "-1"`},
		{name: "noLeads", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STATUS_ID": "NEW"}]`, place: `H.json: [0]`,
			en: `cannot calibrate from the portal's history: H.json: [0]: a lead (STATUS_ID "NEW") but the crm.status.list output has no lead statuses (ENTITY_ID STATUS)`},
		{name: "noRecords", statuses: dealStages, history: `[]`, place: ``,
			en: `cannot calibrate from the portal's history: the history files hold no records`},
		{name: "noStage", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00"}]`, place: `H.json: [0]`,
			en: `cannot calibrate from the portal's history: H.json: [0]: expected STAGE_ID (deals, invoices, smart processes) or STATUS_ID (leads)`},
		{name: "notREST", statuses: dealStages, history: `"x"`, place: `H.json: (`,
			en: `cannot calibrate from the portal's history: H.json: (top level): expected a REST response, an array of pages or an array of items, got the string "x"`},
		{name: "objectKeys", statuses: dealStages, history: `{"foo": 1, "bar": 2}`, place: `H.json: (`,
			en: `cannot calibrate from the portal's history: H.json: (top level): expected a REST response {"result": {"items": [...]}}, an array of pages or an array of items; got an object with keys "bar", "foo"`},
		{name: "restFailed", statuses: dealStages, history: `{"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}`, place: `H.json: (`, allowed: []string{"Too", "many", "requests"},
			en: `cannot calibrate from the portal's history: H.json: (top level): the REST call failed: error QUERY_LIMIT_EXCEEDED Too many requests`},
		{name: "source", statuses: dealStages, history: twoRecords, deals: `[{"ID": "1", "SOURCE_ID": {}}]`, place: `D.json: [0].SOURCE_ID`,
			en: `cannot calibrate from the portal's history: D.json: [0].SOURCE_ID: expected a source id, got an object`},
		{name: "stage", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": 5}]`, place: `H.json: [0].STAGE_ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].STAGE_ID: expected a stage id, got the number 5`},
		{name: "status", statuses: leadStatuses, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STATUS_ID": []}]`, place: `H.json: [0].STATUS_ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].STATUS_ID: expected a lead status id, got an array`},
		{name: "syntax", statuses: dealStages, history: `[
 {"ID": }
]`, place: `H.json:2:9`,
			en: `cannot calibrate from the portal's history: H.json:2:9: not valid JSON: invalid character '}' looking for beginning of value`},
		{name: "time", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "\u0432\u0447\u0435\u0440\u0430", "STAGE_ID": "NEW"}]`, place: `H.json: [0].CREATED_TIME`,
			en: `cannot calibrate from the portal's history: H.json: [0].CREATED_TIME: expected an ISO 8601 time with its offset such as "2026-01-12T09:30:00+03:00", got the string "вчера"`},
		{name: "tooDeep", statuses: dealStages, history: `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`, place: `H.json`,
			en: `cannot calibrate from the portal's history: H.json: nested deeper than 64 levels`},
		{name: "type", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "4", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": "NEW"}]`, place: `H.json: [0].TYPE_ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].TYPE_ID: expected 1 (created), 2 (moved), 3 (moved to a final stage) or 5 (moved to another pipeline), got 4`},
		{name: "unknownStage", statuses: dealStages, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": "C3:NEW"}]`, place: `H.json: [0].STAGE_ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].STAGE_ID: "C3:NEW" is not a stage of the crm.status.list output (save crm.status.list with the stages of every pipeline in the history)`},
		{name: "unknownStatus", statuses: leadStatuses, history: `[{"ID": "1", "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STATUS_ID": "X"}]`, place: `H.json: [0].STATUS_ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].STATUS_ID: "X" is not a lead status of the crm.status.list output`},
		{name: "whole", statuses: dealStages, history: `[{"ID": true, "TYPE_ID": "1", "OWNER_ID": "1", "CREATED_TIME": "2026-03-02T10:00:00+03:00", "STAGE_ID": "NEW"}]`, place: `H.json: [0].ID`,
			en: `cannot calibrate from the portal's history: H.json: [0].ID: expected a whole number, got a boolean`},
		{name: "noHistory", statuses: dealStages, noHistory: true,
			en: `cannot calibrate from the portal's history: no crm.stagehistory.list file`},
		{name: "tooBig", statuses: dealStages, history: "[" + string(bytes.Repeat([]byte(" "), calibrate.MaxFileBytes)) + "]", place: "H.json",
			en: `cannot calibrate from the portal's history: H.json: the file is 52428802 bytes; at most 50 MB`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := calibrate.Input{Statuses: calibrate.File{Name: "S.json", Data: []byte(tt.statuses)}, Locale: "en"}
			if !tt.noHistory {
				in.Histories = []calibrate.File{{Name: "H.json", Data: []byte(tt.history)}}
			}
			if tt.deals != "" {
				in.Deals = []calibrate.File{{Name: "D.json", Data: []byte(tt.deals)}}
			}
			_, err := calibrate.Build(in)
			require.ErrorIs(t, err, calibrate.ErrInvalid)
			var ce *calibrate.Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tt.en, err.Error())
			assert.Equal(t, tt.en, ce.Message("en"))
			ru := ce.Message("ru")
			assert.Empty(t, langcheck.Problems(ru, tt.allowed...))
			assert.Contains(t, ru, tt.place)
			assert.Contains(t, tt.en, tt.place)
			assert.Equal(t, ru, ce.Message("de"), "any language but English is Russian")
			assert.NotContains(t, ru, "портала: , ", "no empty categories name in Russian")
		})
	}
}
