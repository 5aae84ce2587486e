package engine

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rdBaseEntities is the entity list of the error-table documents: a DEAL
// with two pipelines and a LEAD with its default stages.
const rdBaseEntities = `"entities": [
 {"type": "DEAL", "pipelines": [
  {"id": 0, "name": "Main", "stages": [
   {"id": "NEW", "name": "New", "semantics": "process"},
   {"id": "WORK", "name": "Work", "semantics": "process"},
   {"id": "WON", "name": "Won", "semantics": "success"},
   {"id": "LOSE", "name": "Lost", "semantics": "failure"}]},
  {"id": 1, "name": "Service", "stages": [
   {"id": "C1:NEW", "name": "New", "semantics": "process"},
   {"id": "C1:WON", "name": "Won", "semantics": "success"}]}]},
 {"type": "LEAD"}]`

const rdBaseUsers = `"users": [{"id": 1, "name": "Admin"}, {"id": 2, "name": "Anna"}]`

// doc builds a scenario document from top-level members; entities and
// users are the base ones unless given.
func rdDoc(members ...string) string {
	all := []string{`"format": "triggersim/scenario"`, `"version": 1`}
	hasEntities, hasUsers := false, false
	for _, m := range members {
		hasEntities = hasEntities || strings.HasPrefix(m, `"entities"`)
		hasUsers = hasUsers || strings.HasPrefix(m, `"users"`)
	}
	if !hasEntities {
		all = append(all, rdBaseEntities)
	}
	if !hasUsers {
		all = append(all, rdBaseUsers)
	}
	all = append(all, members...)
	return "{" + strings.Join(all, ",\n") + "}"
}

// trig builds a triggers member from trigger objects.
func rdTriggers(objs ...string) string { return `"triggers": [` + strings.Join(objs, ",") + `]` }
func rdRobots(objs ...string) string {
	return `"robots": [` + strings.Join(objs, ",") + `]`
}
func rdItems(objs ...string) string  { return `"items": [` + strings.Join(objs, ",") + `]` }
func rdEvents(objs ...string) string { return `"events": [` + strings.Join(objs, ",") + `]` }
func rdExpect(objs ...string) string { return `"expect": [` + strings.Join(objs, ",") + `]` }

// pipe builds a single-pipeline DEAL entity list from stage objects.
func rdPipe(stages ...string) string {
	return `"entities": [{"type": "DEAL", "pipelines": [{"id": 0, "name": "P", "stages": [` +
		strings.Join(stages, ",") + `]}]}]`
}

func rdStage(id, sem string) string {
	return fmt.Sprintf(`{"id": %q, "name": "x", "semantics": %q}`, id, sem)
}

const rdOKTrigger = `{"id": "t", "entity": "DEAL", "stage": "WORK", "code": "CALL"}`

// readErrorCase is a hostile scenario file and the errors it gets, in
// English ("JSON path: message"); TestReadErrorsInRussian reads the same
// files in Russian.
type readErrorCase struct {
	name string
	in   string
	want []string
}

func readErrorCases() []readErrorCase {
	deep := strings.Repeat("[", 70) + strings.Repeat("]", 70)
	return []readErrorCase{
		// Document level.
		{"empty file", "  \n", []string{`(root): the file is empty, expected a JSON object`}},
		{"not an object", `[1, 2]`, []string{`(root): expected a scenario object, got an array`}},
		{"missing format", `{"version": 1, "entities": []}`,
			[]string{`format: missing required key, expected "triggersim/scenario"`}},
		{"other format", `{"format": "triggersim/result", "version": 1}`,
			[]string{`format: expected "triggersim/scenario", got "triggersim/result": this is not a triggersim scenario`}},
		{"missing version", `{"format": "triggersim/scenario"}`, []string{`version: missing required key, expected 1`}},
		{"version 2", `{"format": "triggersim/scenario", "version": 2, "newKey": true}`,
			[]string{`version: version 2 is newer than this build reads (1)`}},
		{"version as string", `{"format": "triggersim/scenario", "version": "1"}`,
			[]string{`version: expected 1, got "1"`}},
		{"version 0", `{"format": "triggersim/scenario", "version": 0}`, []string{`version: expected 1, got 0`}},
		{"trailing garbage", `{"format": "triggersim/scenario", "version": 1} x`,
			[]string{`(root): invalid JSON at line 1, column 49: unexpected data after the end of the JSON document`}},
		{"two documents", "{}\n{}", []string{`(root): invalid JSON at line 2, column 1: unexpected data after the end of the JSON document`}},
		{"syntax error in place", "{\"format\": \"triggersim/scenario\", \"version\": 1,\n \"items\": [{\"id\": 1,}]}",
			[]string{`items[0]: invalid JSON at line 2, column 21: unexpected character '}', expected a quoted object key`}},
		{"unterminated", `{"title": "abc`, []string{`title: invalid JSON at line 1, column 15: unterminated string`}},
		{"bad literal", `{"a": tru}`, []string{`a: invalid JSON at line 1, column 7: unexpected character 't', expected a value`}},
		{"bad number", `{"a": 01}`, []string{`a: invalid JSON at line 1, column 8: unexpected character '1', expected ',' or '}'`}},
		{"invalid UTF-8", "{\"title\": \"a\xffb\"}", []string{`title: invalid JSON at line 1, column 13: invalid UTF-8 in a string`}},
		{"raw control character", "{\"title\": \"a\tb\"}",
			[]string{`title: invalid JSON at line 1, column 13: control character U+0009 in a string, it must be escaped`}},
		{"deep nesting", `{"title": ` + deep + `}`,
			[]string{`title` + strings.Repeat("[0]", 63) + `: nesting is deeper than 64 levels`}},
		{"duplicate key", rdDoc(rdItems(`{"id": 1, "entity": "DEAL", "stage": "NEW"}`,
			`{"id": 2, "entity": "DEAL", "stage": "NEW", "id": 3}`)),
			[]string{`items[1].id: duplicate key`}},
		{"duplicate top-level key", rdDoc(`"title": "a"`, `"title": "b"`), []string{`title: duplicate key`}},

		// Top level.
		{"unknown top-level key", rdDoc(`"whatIf": {}`), []string{`whatIf: unknown key`}},
		{"title not a string", rdDoc(`"title": 5`), []string{`title: expected a string, got 5`}},
		{"locale", rdDoc(`"locale": "de"`), []string{`locale: expected "ru" or "en", got "de"`}},
		{"relative start", rdDoc(`"start": "+1h"`),
			[]string{`start: expected an absolute RFC 3339 time such as "2026-01-12T09:00:00+03:00", got "+1h"`}},
		{"bad start", rdDoc(`"start": "tomorrow"`),
			[]string{`start: expected an RFC 3339 time such as "2026-01-12T10:30:00+03:00" or an offset such as "+2h30m", got "tomorrow"`}},
		{"workTime", rdDoc(`"workTime": {"timezone": "Mars/Base", "days": [1, 8, 1], "from": "18:00", "to": "9:00", "holidays": ["2026-13-01"], "weekend": true}`),
			[]string{
				`workTime.weekend: unknown key`,
				`workTime.timezone: expected an IANA time zone such as "Europe/Moscow", got "Mars/Base"`,
				`workTime.days[1]: expected an integer from 1 to 7, got 8`,
				`workTime.days[2]: duplicate day 1`,
				`workTime.to: expected a time of day "HH:MM" such as "09:00", got "9:00"`,
				`workTime.from: the working day must end after it starts, got 18:00–18:00`,
				`workTime.holidays[0]: expected a date "YYYY-MM-DD", got "2026-13-01"`,
			}},
		{"users", rdDoc(`"users": [{"id": 1, "name": "A"}, {"id": 1, "name": "B"}, {"id": 0}, "x"]`),
			[]string{
				`users[1].id: duplicate user id 1`,
				`users[2].id: expected an integer > 0, got 0`,
				`users[2].name: missing required key, expected a string`,
				`users[3]: expected an object, got "x"`,
			}},
		{"no users", rdDoc(`"users": []`), []string{`users: expected an array of users with at least one entry, got an empty array`}},
		{"limits", rdDoc(`"limits": {"steps": 0, "cascade": 1.5, "loops": 1}`),
			[]string{`limits.loops: unknown key`, `limits.steps: expected an integer from 1 to 1000000, got 0`, `limits.cascade: expected an integer from 1 to 10000, got 1.5`}},
		{"until", rdDoc(`"until": "+1x"`),
			[]string{`until: expected an offset such as "+90m", "+2h30m" or "+1d4h", got "+1x"`}},

		// Entities, pipelines, stages, fields.
		{"missing entities", `{"format": "triggersim/scenario", "version": 1}`,
			[]string{`entities: missing required key, expected an array of entity types`}},
		{"empty entities", rdDoc(`"entities": []`),
			[]string{`entities: expected an array of entity types with at least one entry, got an empty array`}},
		{"bad entity type", rdDoc(`"entities": [{"type": "CONTACT"}, {"type": "DEAL"}, {"type": "DEAL"}]`),
			[]string{
				`entities[0].type: expected an entity type: LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER or a smart process DYNAMIC_<n> (n from 128 to 191, or an even n from 1030); got "CONTACT"`,
				`entities[2].type: duplicate entity type DEAL`,
			}},
		{"smart process id out of range", rdDoc(`"entities": [{"type": "DYNAMIC_127"}, {"type": "DYNAMIC_1031"}]`),
			[]string{
				`entities[0].type: "DYNAMIC_127" is not a smart-process type id: Bitrix24 numbers smart processes 128–191, then even numbers from 1030 (DYNAMIC_128, DYNAMIC_1030…)`,
				`entities[1].type: "DYNAMIC_1031" is not a smart-process type id: Bitrix24 numbers smart processes 128–191, then even numbers from 1030 (DYNAMIC_128, DYNAMIC_1030…)`,
			}},
		{"pipeline id type", rdDoc(`"entities": [{"type": "DEAL", "pipelines": [{"id": "a", "name": "P", "stages": [` + rdStage("N", "process") + `,` + rdStage("W", "success") + `]}]}]`),
			[]string{`entities[0].pipelines[0].id: expected an integer ≥ 0, got "a"`}},
		{"lead with two pipelines", rdDoc(`"entities": [{"type": "LEAD", "pipelines": [{"id": 0, "name": "A", "stages": [` + rdStage("N", "process") + `,` + rdStage("W", "success") + `]}, {"id": 1, "name": "B", "stages": [` + rdStage("N2", "process") + `,` + rdStage("W2", "success") + `]}]}]`),
			[]string{
				`entities[0].pipelines: LEAD has exactly one pipeline (id 0), got 2`,
				`entities[0].pipelines[1].id: LEAD has a single pipeline, its id must be 0, got 1`,
			}},
		{"duplicate pipeline id", rdDoc(`"entities": [{"type": "DEAL", "pipelines": [{"id": 2, "name": "A", "stages": [` + rdStage("N", "process") + `,` + rdStage("W", "success") + `]}, {"id": 2, "name": "B", "stages": [` + rdStage("N", "process") + `,` + rdStage("W2", "success") + `]}]}]`),
			[]string{
				`entities[0].pipelines[1].id: duplicate pipeline id 2`,
				`entities[0].pipelines[1].stages[0].id: duplicate stage id "N" (also in pipeline 2)`,
			}},
		{"no process stage", rdDoc(rdPipe(rdStage("W", "success"), rdStage("L", "failure"))),
			[]string{`entities[0].pipelines[0].stages: expected at least one process stage`}},
		{"no success stage", rdDoc(rdPipe(rdStage("N", "process"))),
			[]string{`entities[0].pipelines[0].stages: expected exactly one success stage, found none`}},
		{"two success stages", rdDoc(rdPipe(rdStage("N", "process"), rdStage("W", "success"), rdStage("W2", "success"))),
			[]string{`entities[0].pipelines[0].stages[2].semantics: a pipeline has exactly one success stage, this is the second`}},
		{"bad stage order", rdDoc(rdPipe(rdStage("L", "failure"), rdStage("N", "process"), rdStage("W", "success"), rdStage("N2", "process"))),
			[]string{
				`entities[0].pipelines[0].stages[0].semantics: a failure stage must come after the success stage`,
				`entities[0].pipelines[0].stages[3].semantics: a process stage must come before the success stage`,
			}},
		{"stage fields", rdDoc(rdPipe(`{"id": "a b", "name": 1, "semantics": "done", "color": "red"}`, rdStage(strings.Repeat("X", 51), "process"), rdStage("W", "success"))),
			[]string{
				`entities[0].pipelines[0].stages[0].id: expected a stage id of at most 50 Latin letters, digits, "-", "_" and ":", got "a b"`,
				`entities[0].pipelines[0].stages[0].name: expected a string, got 1`,
				`entities[0].pipelines[0].stages[0].semantics: expected "process", "success" or "failure", got "done"`,
				`entities[0].pipelines[0].stages[0].color: expected a color "#RRGGBB" such as "#39A8EF", got "red"`,
				`entities[0].pipelines[0].stages[1].id: expected a stage id of at most 50 Latin letters, digits, "-", "_" and ":", got "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX…"`,
			}},
		{"fields", rdDoc(`"entities": [{"type": "LEAD", "fields": [{"id": "UF_A", "type": "text"}, {"id": "TITLE", "type": "number"}, {"id": "UF_B", "type": "bool"}, {"id": "UF_B", "type": "bool", "multiple": "yes"}, {"id": "UF C", "type": "bool"}]}]`),
			[]string{
				`entities[0].fields[0].type: expected "string", "number", "money", "bool", "date", "datetime", "user" or "list", got "text"`,
				`entities[0].fields[1].type: TITLE is a standard string field, it cannot be declared as number`,
				`entities[0].fields[3].id: duplicate field id UF_B`,
				`entities[0].fields[3].multiple: expected true or false, got "yes"`,
				`entities[0].fields[4].id: expected a field id of Latin letters, digits and "_" (such as "UF_CRM_BUDGET"), got "UF C"`,
			}},

		// Triggers.
		{"typo'd key", rdDoc(rdTriggers(rdOKTrigger, `{"id": "t2", "entity": "DEAL", "stage": "WORK", "code": "CALL"}`,
			`{"id": "t3", "entity": "DEAL", "stage": "WON", "code": "WEBHOOK", "alowBackwards": true}`)),
			[]string{`triggers[2].alowBackwards: unknown key`}},
		{"unknown stage", rdDoc(rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "FOO", "code": "CALL"}`)),
			[]string{`triggers[0].stage: unknown stage "FOO" in DEAL`}},
		{"undeclared entity", rdDoc(rdTriggers(`{"id": "t", "entity": "QUOTE", "stage": "DRAFT", "code": "CALL"}`)),
			[]string{`triggers[0].entity: QUOTE is not declared in "entities"`}},
		{"unknown code", rdDoc(rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "WORK", "code": "SMS"}`)),
			[]string{`triggers[0].code: unknown trigger code "SMS"`}},
		{"unsupported code", rdDoc(rdTriggers(rdOKTrigger, `{"id": "a", "entity": "LEAD", "stage": "IN_PROCESS", "code": "CALL"}`,
			`{"id": "b", "entity": "LEAD", "stage": "IN_PROCESS", "code": "CALL"}`,
			`{"id": "c", "entity": "LEAD", "stage": "IN_PROCESS", "code": "INVOICE"}`)),
			[]string{`triggers[3].code: INVOICE is not available for LEAD; it works for DEAL`}},
		{"missing trigger keys", rdDoc(rdTriggers(`{"name": "x"}`)),
			[]string{
				`triggers[0].id: missing required key, expected a trigger id`,
				`triggers[0].entity: missing required key, expected an entity type`,
				`triggers[0].stage: missing required key, expected a stage id`,
				`triggers[0].code: missing required key, expected a trigger code`,
			}},
		{"duplicate trigger id", rdDoc(rdTriggers(rdOKTrigger, rdOKTrigger)), []string{`triggers[1].id: duplicate trigger id "t"`}},
		{"settings", rdDoc(rdTriggers(`{"id": "a", "entity": "DEAL", "stage": "WORK", "code": "WEBFORM", "settings": {"form_id": "3", "url": "x"}}`,
			`{"id": "b", "entity": "DEAL", "stage": "WORK", "code": "FIELD_CHANGED", "settings": {"fields": ["TITLE", 5]}}`,
			`{"id": "c", "entity": "DEAL", "stage": "WORK", "code": "RESP_CHANGED", "settings": []}`)),
			[]string{
				`triggers[0].settings.url: unknown key`,
				`triggers[0].settings.form_id: expected an integer ≥ 0, got "3"`,
				`triggers[1].settings.fields[1]: expected a string, got 5`,
				`triggers[2].settings: expected an object, got an array`,
			}},
		{"settings condition", rdDoc(`"entities": [{"type": "ORDER"}]`, rdTriggers(`{"id": "a", "entity": "ORDER", "stage": "F", "code": "SHIPMENT_CHANGED", "settings": {"shipmentCondition": [{"field": "X", "op": "~"}]}}`)),
			[]string{
				`triggers[0].settings.shipmentCondition[0].op: expected an operator (=, !=, >, >=, <, <=, in, !in, contain, !contain, empty, !empty, between), got "~"`,
			}},
		{"condition", rdDoc(rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "WORK", "code": "CALL", "condition": [
			{"field": "", "op": "="},
			{"field": "A", "op": "between", "value": [1]},
			{"field": "A", "op": "=", "value": 1, "join": "xor"},
			{"field": "A", "op": "=", "value": {"x": 1}},
			{"field": "A", "op": "empty"}]}`)),
			[]string{
				`triggers[0].condition[0].field: expected a field id, got ""`,
				`triggers[0].condition[0].value: missing required key, expected a value to compare with`,
				`triggers[0].condition[1].value: expected [low, high] for between, got an array`,
				`triggers[0].condition[2].join: expected "and" or "or", got "xor"`,
				`triggers[0].condition[3].value: expected a field value (null, boolean, number, string or array), got an object`,
			}},
		{"executeBy", rdDoc(rdTriggers(`{"id": "a", "entity": "DEAL", "stage": "WORK", "code": "CALL", "executeBy": 9}`,
			`{"id": "b", "entity": "DEAL", "stage": "WORK", "code": "CALL", "executeBy": "boss"}`)),
			[]string{
				`triggers[0].executeBy: user 9 is not declared in "users"`,
				`triggers[1].executeBy: expected a user id or "responsible", got "boss"`,
			}},

		// Robots.
		{"robot basics", rdDoc(rdRobots(`{"id": "r", "entity": "DEAL", "stage": "WORK", "type": "Teleport"}`,
			`{"id": "r", "entity": "DEAL", "stage": "WORK", "type": "ChangeStage"}`)),
			[]string{
				`robots[0].type: expected "ChangeStage", "UpdateFields", "ChangeResponsible", "ChangePipeline", "CreateTask", "SendEmail", "SendSms", "Notify" or "AddComment", got "Teleport"`,
				`robots[1].id: duplicate robot id "r"`,
				`robots[1].params: missing required key, expected the params of ChangeStage`,
			}},
		{"robot params", rdDoc(rdRobots(
			`{"id": "a", "entity": "DEAL", "stage": "WORK", "type": "ChangeStage", "params": {"stage": "C2:X"}}`,
			`{"id": "b", "entity": "DEAL", "stage": "WORK", "type": "UpdateFields", "params": {"fields": [1]}}`,
			`{"id": "c", "entity": "DEAL", "stage": "WORK", "type": "ChangeResponsible", "params": {"user": 7}}`,
			`{"id": "d", "entity": "LEAD", "stage": "NEW", "type": "ChangePipeline", "params": {"pipeline": 0}}`,
			`{"id": "e", "entity": "DEAL", "stage": "WORK", "type": "ChangePipeline", "params": {"pipeline": 5}}`,
			`{"id": "f", "entity": "DEAL", "stage": "WORK", "type": "CreateTask", "params": {"responsible": 1, "deadline": "+1d"}}`,
			`{"id": "g", "entity": "DEAL", "stage": "WORK", "type": "SendEmail", "params": {"subject": "s", "links": "x"}}`,
			`{"id": "h", "entity": "DEAL", "stage": "WORK", "type": "Notify", "params": {"text": 5}}`,
			`{"id": "i", "entity": "DEAL", "stage": "WORK", "type": "UpdateFields", "params": {"fields": {"A": {"b": 1}, "": 1}}}`)),
			[]string{
				`robots[0].params.stage: unknown stage "C2:X" in DEAL`,
				`robots[1].params.fields: expected an object of field values such as {"TITLE": "…"}, got an array`,
				`robots[2].params.user: user 7 is not declared in "users"`,
				`robots[3].type: ChangePipeline works only for DEAL, not LEAD`,
				`robots[4].params.pipeline: unknown pipeline 5 in DEAL`,
				`robots[5].params.deadline: unknown key`,
				`robots[5].params.title: missing required key, expected a string`,
				`robots[6].params.links: expected an array of strings, got "x"`,
				`robots[7].params.text: expected a string, got 5`,
				`robots[8].params.fields.A: expected a field value (null, boolean, number, string or array), got an object`,
				`robots[8].params.fields[""]: expected a field id of Latin letters, digits and "_" (such as "UF_CRM_BUDGET") as the key, got ""`,
			}},
		{"delay", rdDoc(rdRobots(`{"id": "a", "entity": "DEAL", "stage": "WORK", "type": "Notify", "params": {"text": "t"},
			"delay": {"type": "later", "value": -1, "unit": "s", "time": "25:00", "basis": "a.b", "workTime": 1}}`,
			`{"id": "b", "entity": "DEAL", "stage": "WORK", "type": "Notify", "params": {"text": "t"}, "delay": {"type": "after", "value": 5}, "active": "no"}`)),
			[]string{
				`robots[0].delay.type: expected "after", "before" or "in", got "later"`,
				`robots[0].delay.value: expected an integer ≥ 0, got -1`,
				`robots[0].delay.unit: expected "m", "h" or "d", got "s"`,
				`robots[0].delay.basis: expected a field id of Latin letters, digits and "_" (such as "UF_CRM_BUDGET"), got "a.b"`,
				`robots[0].delay.time: expected a time of day "HH:MM" such as "09:00", got "25:00"`,
				`robots[0].delay.workTime: expected true or false, got 1`,
				`robots[1].delay.unit: missing required key, expected "m", "h" or "d"`,
				`robots[1].active: expected true or false, got "no"`,
			}},

		// Items and clients.
		{"items", rdDoc(rdItems(
			`{"id": 0, "entity": "DEAL", "stage": "NEW"}`,
			`{"id": 1, "entity": "DEAL", "stage": "NEW"}`,
			`{"id": 1, "entity": "DEAL", "stage": "C1:NEW"}`,
			`{"id": 1, "entity": "LEAD", "stage": "WON", "contact": -1, "company": "3", "parent": "DEAL_0"}`,
			`{"id": 2, "entity": "QUOTE", "stage": "DRAFT", "parent": "QUOTE_1"}`,
			`{"id": 3, "entity": "DEAL", "stage": "NEW", "fields": {"X": {"a": 1}, "Y": [[1]], "Z": 1e999}}`)),
			[]string{
				`items[0].id: expected an integer from 1 to 999999999, got 0`,
				`items[2].id: duplicate item DEAL_1`,
				`items[3].stage: unknown stage "WON" in LEAD`,
				`items[3].contact: expected an integer from 1 to 999999999, got -1`,
				`items[3].company: expected an integer from 1 to 999999999, got "3"`,
				`items[3].parent: expected an item target such as "DEAL_5", got "DEAL_0"`,
				`items[4].entity: QUOTE is not declared in "entities"`,
				`items[4].parent: QUOTE is not declared in "entities"`,
				`items[5].fields.X: expected a field value (null, boolean, number, string or array), got an object`,
				`items[5].fields.Y[0]: expected a null, boolean, number or string inside a field value, got an array`,
				`items[5].fields.Z: number 1e999 is out of range`,
			}},
		{"clients", rdDoc(`"clients": [{"type": "CONTACT", "id": 7}, {"type": "CONTACT", "id": 7, "name": "B"}, {"type": "LEAD", "id": 1}, {"type": "COMPANY"}]`),
			[]string{
				`clients[1].id: duplicate client CONTACT_7`,
				`clients[2].type: expected "CONTACT" or "COMPANY", got "LEAD"`,
				`clients[3].id: missing required key, expected an integer > 0`,
			}},

		// Events.
		{"event basics", rdDoc(rdEvents(`{"at": "soon", "code": "PING", "target": "DEAL-1"}`, `{"code": "CALL", "target": "DEAL_1", "by": 3}`)),
			[]string{
				`events[0].at: expected an RFC 3339 time such as "2026-01-12T10:30:00+03:00" or an offset such as "+2h30m", got "soon"`,
				`events[0].code: expected a trigger code, CREATE, UPDATE or MOVE, got "PING"`,
				`events[0].target: expected a target such as "DEAL_5", "CONTACT_7", "EMAIL_1" or "TASK_1", got "DEAL-1"`,
				`events[1].at: missing required key, expected a time`,
				`events[1].by: user 3 is not declared in "users"`,
			}},
		{"event CREATE", rdDoc(rdEvents(`{"at": "+1m", "code": "CREATE", "target": "DEAL_1", "data": {"stage": "NEW"}}`,
			`{"at": "+1m", "code": "CREATE", "target": "DEAL", "data": {"fields": {"TITLE": "x"}, "contact": 0, "owner": 1}}`,
			`{"at": "+1m", "code": "CREATE", "target": "QUOTE", "data": {"stage": "DRAFT"}}`,
			`{"at": "+1m", "code": "CREATE", "target": "LEAD"}`)),
			[]string{
				`events[0].target: CREATE: expected an entity type: LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER or a smart process DYNAMIC_<n> (n from 128 to 191, or an even n from 1030); got "DEAL_1"`,
				`events[1].data.owner: unknown key`,
				`events[1].data.stage: missing required key, expected a stage id`,
				`events[1].data.contact: expected an integer from 1 to 999999999, got 0`,
				`events[2].target: QUOTE is not declared in "entities"`,
				`events[3].data: missing required key, expected the data of CREATE`,
			}},
		{"event UPDATE and MOVE", rdDoc(rdEvents(`{"at": "+1m", "code": "UPDATE", "target": "DEAL_1", "data": {}}`,
			`{"at": "+1m", "code": "UPDATE", "target": "CONTACT_1", "data": {"fields": {"A": 1}}}`,
			`{"at": "+1m", "code": "MOVE", "target": "LEAD_4", "data": {"stage": "WON"}}`,
			`{"at": "+1m", "code": "MOVE", "target": "ORDER_4", "data": {"stage": "N"}}`)),
			[]string{
				`events[0].data.fields: missing required key, expected an object of field values`,
				`events[1].target: expected an item target such as "DEAL_5" for UPDATE, got "CONTACT_1"`,
				`events[2].data.stage: unknown stage "WON" in LEAD`,
				`events[3].target: ORDER is not declared in "entities"`,
			}},
		{"event trigger data", rdDoc(rdEvents(`{"at": "+1m", "code": "WEBFORM", "target": "CONTACT_1", "data": {"form_id": 1, "url": "x"}}`,
			`{"at": "+1m", "code": "TASK_STATUS", "target": "TASK_1", "data": {"status": "done", "fields": {"A": 1}}}`)),
			[]string{
				`events[0].data.url: unknown key`,
				`events[1].data.status: expected an integer ≥ 0, got "done"`,
			}},

		// Expectations.
		{"expectations", rdDoc(rdTriggers(rdOKTrigger), rdRobots(`{"id": "r", "entity": "DEAL", "stage": "WORK", "type": "Notify", "params": {"text": "t"}}`), rdExpect(
			`{"target": "DEAL_1"}`,
			`{"target": "DEAL_1", "stage": "WON", "fired": "t"}`,
			`{"target": "DEAL_1", "at": "+1h", "fired": "t"}`,
			`{"target": "DEAL_1", "fired": "nope"}`,
			`{"target": "LEAD_1", "ran": "r"}`,
			`{"target": "DEAL_1", "field": "TITLE"}`,
			`{"target": "DEAL_1", "stage": "NEW", "value": 1}`,
			`{"stage": "NEW", "name": 5}`,
			`{"target": "DEAL_1", "stage": "NOPE", "at": "+1h"}`)),
			[]string{
				`expect[0]: expected one of "stage", "fired", "notFired", "ran", "notRan" or "field"`,
				`expect[1]: "stage" or "fired" cannot be combined: an expectation checks one thing`,
				`expect[2].at: "at" goes only with "stage"`,
				`expect[3].fired: unknown trigger "nope"`,
				`expect[4].ran: robot "r" is on DEAL, not LEAD`,
				`expect[5].value: missing required key, expected the value the field must end with`,
				`expect[6].value: "value" goes only with "field"`,
				`expect[7].name: expected a string, got 5`,
				`expect[7].target: missing required key, expected an item target such as "DEAL_5"`,
				`expect[8].stage: unknown stage "NOPE" in DEAL`,
			}},

		// Several problems at once, in different sections.
		{"several errors", rdDoc(`"locale": "fr"`, rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "FOO", "code": "CALL", "executeBy": 5}`),
			rdItems(`{"id": 1, "entity": "DEAL", "stage": "NEW", "colour": "red"}`)),
			[]string{
				`locale: expected "ru" or "en", got "fr"`,
				`triggers[0].stage: unknown stage "FOO" in DEAL`,
				`triggers[0].executeBy: user 5 is not declared in "users"`,
				`items[0].colour: unknown key`,
			}},
	}
}

func TestReadScenarioErrors(t *testing.T) {
	tests := readErrorCases()
	require.False(t, len(tests) < 40, "only %d rows", len(tests))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ReadScenario([]byte(tt.in))
			require.Error(t, err, "no error; read %+v", s)
			assert.Nil(t, s, "a scenario was returned together with an error")
			assert.ErrorIs(t, err, ErrInvalid, "errors.Is(err, ErrInvalid) is false for %T", err)
			got := strings.Split(err.Error(), "\n")
			assert.Equal(t, tt.want, got, "errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		})
	}
}

func TestReadScenarioErrorCap(t *testing.T) {
	var its []string
	for i := 0; i < 150; i++ {
		its = append(its, fmt.Sprintf(`{"id": %d, "entity": "DEAL", "stage": "NEW", "bad": 1}`, i+1))
	}
	_, err := ReadScenario([]byte(rdDoc(rdItems(its...))))
	var errs Errors
	require.True(t, errors.As(err, &errs), "error is %T, want Errors", err)
	require.Len(t, errs, MaxErrors+1, "got %d errors, want %d", len(errs), MaxErrors+1)
	got := errs[0].Error()
	assert.Equal(t, "items[0].bad: unknown key", got, "first error %q", got)
	got = errs[MaxErrors].Error()
	assert.Equal(t, "… and more errors", got, "last error %q", got)
}

func TestReadScenarioDefaults(t *testing.T) {
	tests := []struct {
		name, in string
		check    func(t *testing.T, s *Scenario)
	}{
		{"top level", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}]}`,
			func(t *testing.T, s *Scenario) {
				start := time.Date(2026, 1, 12, 9, 0, 0, 0, time.FixedZone("", 3*3600))
				assert.False(t, s.Locale != "ru" || !s.Start.Equal(start) || s.StartRaw != "", "locale %q start %v raw %q", s.Locale, s.Start, s.StartRaw)
				_, off := s.Start.Zone()
				assert.Equal(t, 3*3600, off, "start offset %d", off)
				want := WorkTime{Days: []int{1, 2, 3, 4, 5}, From: "09:00", To: "18:00"}
				assert.False(t, !reflect.DeepEqual(s.WorkTime, want) || s.WorkTimeSet, "workTime %+v set %v", s.WorkTime, s.WorkTimeSet)
				assert.False(t, !reflect.DeepEqual(s.Users, []User{{ID: 1, Name: "Администратор"}}) || s.UsersSet, "users %+v set %v", s.Users, s.UsersSet)
				assert.False(t, s.Limits != (Limits{Steps: 100000, Cascade: 50}) || s.LimitsSet, "limits %+v set %v", s.Limits, s.LimitsSet)
				e := s.Entities[0]
				assert.False(t, !e.PipelinesDefaulted || !reflect.DeepEqual(e.Pipelines, []Pipeline{DefaultPipeline("DEAL", "ru", 0)}), "pipelines %+v defaulted %v", e.Pipelines, e.PipelinesDefaulted)
				assert.False(t, s.Until != nil || s.Triggers != nil || s.Items != nil || s.Expect != nil, "optional lists not nil")
			}},
		{"english", `{"format": "triggersim/scenario", "version": 1, "locale": "en", "entities": [{"type": "LEAD"}]}`,
			func(t *testing.T, s *Scenario) {
				assert.Equal(t, "Administrator", s.Users[0].Name, "user %+v", s.Users[0])
				assert.Equal(t, DefaultPipeline("LEAD", "en", 0), s.Entities[0].Pipelines[0], "pipeline %+v", s.Entities[0].Pipelines[0])
			}},
		{"partial workTime and limits", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "LEAD"}],
			"workTime": {"from": "10:00"}, "limits": {"cascade": 5}}`,
			func(t *testing.T, s *Scenario) {
				want := WorkTime{Days: []int{1, 2, 3, 4, 5}, From: "10:00", To: "18:00"}
				assert.False(t, !reflect.DeepEqual(s.WorkTime, want) || !s.WorkTimeSet, "workTime %+v set %v", s.WorkTime, s.WorkTimeSet)
				assert.False(t, s.Limits != (Limits{Steps: 100000, Cascade: 5}) || !s.LimitsSet, "limits %+v", s.Limits)
			}},
		{"trigger and clause", rdDoc(rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "WORK", "code": "CALL", "condition": [{"field": "A", "op": "empty"}]}`,
			`{"id": "u", "entity": "DEAL", "stage": "WORK", "code": "CALL", "executeBy": "responsible", "condition": []}`)),
			func(t *testing.T, s *Scenario) {
				tr := s.Triggers[0]
				assert.False(t, tr.ExecuteBy != ExecuteByResponsible || tr.ExecuteBySet || tr.AllowBackwards || tr.Settings != nil, "trigger %+v", tr)
				want := Condition{{Field: "A", Op: "empty", Join: "and"}}
				assert.Equal(t, want, tr.Condition, "condition %+v", tr.Condition)
				u := s.Triggers[1]
				assert.False(t, !u.ExecuteBySet || u.ExecuteBy != 0 || u.Condition != nil, "trigger %+v", u)
			}},
		{"free values", rdDoc(rdRobots(`{"id": "r", "entity": "DEAL", "stage": "WORK", "type": "UpdateFields",
			"params": {"fields": {"A": 1, "B": [true, null, "x", 2.5], "C": null}}}`,
			`{"id": "s", "entity": "DEAL", "stage": "WORK", "type": "SendEmail", "params": {"subject": "s", "links": ["u"]}}`,
			`{"id": "u", "entity": "DEAL", "stage": "WORK", "type": "ChangeResponsible", "params": {"user": 2}}`),
			rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "WORK", "code": "TASK_STATUS", "settings": {"taskStatus": 5, "taskCondition": [{"field": "X", "op": "=", "value": 1, "join": "or"}]}}`)),
			func(t *testing.T, s *Scenario) {
				want := map[string]any{"fields": map[string]any{"A": 1.0, "B": []any{true, nil, "x", 2.5}, "C": nil}}
				assert.Equal(t, want, s.Robots[0].Params, "params %#v", s.Robots[0].Params)
				assert.Equal(t, map[string]any{"subject": "s", "links": []string{"u"}}, s.Robots[1].Params, "params %#v", s.Robots[1].Params)
				assert.Equal(t, map[string]any{"user": 2}, s.Robots[2].Params, "params %#v", s.Robots[2].Params)
				wantSettings := map[string]any{"taskStatus": 5,
					"taskCondition": Condition{{Field: "X", Op: "=", Value: 1.0, HasValue: true, Join: "or"}}}
				assert.Equal(t, wantSettings, s.Triggers[0].Settings, "settings %#v", s.Triggers[0].Settings)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ReadScenario([]byte(tt.in))
			require.NoError(t, err)
			tt.check(t, s)
		})
	}
}

// rdScenarioFiles lists every scenario file the round-trip tests and the
// fuzz seeds use: ours and, when present, the examples and the black-box
// suite's scenarios.
func rdScenarioFiles(t testing.TB) []string {
	var files []string
	for _, pattern := range []string{"testdata/read/*.json", "../examples/*.json", "../engine_test/testdata/scenarios/*.json"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, m...)
	}
	return files
}

func TestReadWriteRoundTrip(t *testing.T) {
	files := rdScenarioFiles(t)
	require.GreaterOrEqual(t, len(files), 6, "scenario files")
	for _, f := range files {
		t.Run(filepath.ToSlash(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			s1, err := ReadScenario(data)
			require.NoError(t, err)
			w1, err := WriteScenario(s1)
			require.NoError(t, err)
			s2, err := ReadScenario(w1)
			require.NoError(t, err, "reading the written file: %v\n%s", err, w1)
			assert.Equal(t, s2, s1, "read → write → read differs:\n%+v\n%+v", s1, s2)
			w2, err := WriteScenario(s2)
			require.NoError(t, err)
			assert.Equal(t, string(w2), string(w1), "write → read → write is not byte-identical:\n%s\n---\n%s", w1, w2)
			w3, _ := WriteScenario(s1)
			assert.Equal(t, string(w3), string(w1), "two writes of the same scenario differ")
		})
	}
}

func ExampleReadScenario() {
	_, err := ReadScenario([]byte(`{
  "format": "triggersim/scenario", "version": 1,
  "entities": [{"type": "LEAD"}],
  "triggers": [{"id": "t1", "entity": "LEAD", "stage": "IN_PROCESS", "code": "INVOICE", "alowBackwards": true}]
}`))
	fmt.Println(errors.Is(err, ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// triggers[0].alowBackwards: unknown key
	// triggers[0].code: INVOICE is not available for LEAD; it works for DEAL
}

// Declaring a standard field (to name it) is accepted when the type agrees;
// number and money are both amounts.
func TestReadScenarioStandardFieldDeclared(t *testing.T) {
	_, err := ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1,
	  "entities": [{"type": "DEAL", "fields": [{"id": "OPPORTUNITY", "name": "Сумма", "type": "number"}, {"id": "TITLE", "type": "string"}]}]}`))
	require.NoError(t, err, "a standard field declared with its own type must be accepted")
}
