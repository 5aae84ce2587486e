// Package examples_test checks the example scenarios and the JSON Schema of
// the scenario format: every example and every engine_test scenario
// validates against docs/scenario.schema.json, every example runs with all
// its expectations holding, and the schema's enums agree with the engine's
// trigger catalogue, so that an editor using the schema never offers what
// the reader refuses.
package examples_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

const (
	schemaPath   = "../docs/scenario.schema.json"
	schemaURL    = "https://github.com/triggersim/triggersim/docs/scenario.schema.json"
	scenarioDirs = "../engine_test/testdata/scenarios"
)

// compileSchema reads and compiles the scenario schema once per test.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	require.NoError(t, err, "open schema")
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err, "parse schema")
	c := jsonschema.NewCompiler()
	err = c.AddResource(schemaURL, doc)
	require.NoError(t, err, "add schema")
	sch, err := c.Compile(schemaURL)
	require.NoError(t, err, "compile schema")
	return sch
}

// validate checks one JSON document against the schema.
func validate(sch *jsonschema.Schema, data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}

// exampleFiles lists the scenario files of this directory.
func exampleFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.json")
	require.NoError(t, err)
	require.False(t, len(files) < 10, "expected at least 10 example scenarios, found %d", len(files))
	return files
}

func TestExamplesMatchSchema(t *testing.T) {
	sch := compileSchema(t)
	files := exampleFiles(t)
	// The engine_test suite is written by another part of the project;
	// its scenarios must match the schema too, once they exist. Files
	// named invalid-*.json there are meant to be refused and are skipped.
	more, err := filepath.Glob(filepath.Join(scenarioDirs, "*.json"))
	require.NoError(t, err)
	for _, f := range more {
		if !strings.HasPrefix(filepath.Base(f), "invalid") {
			files = append(files, f)
		}
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			err = validate(sch, data)
			assert.NoError(t, err, "%s does not match the schema:\n", f)
		})
	}
}

func TestExamplesRun(t *testing.T) {
	for _, f := range exampleFiles(t) {
		t.Run(f, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			sc, err := engine.ReadScenario(data)
			require.NoError(t, err, "read %s", f)
			assert.NotEqualValues(t, 0, len(sc.Expect), "%s has no expectations: an example must say what it shows", f)
			res, err := engine.Run(sc, engine.Options{})
			require.NoError(t, err, "run %s", f)
			if !res.OK {
				for _, x := range res.Expect {
					assert.True(t, x.Pass, "expectation %d failed: %s", x.Index, x.Message)
				}
			}
		})
	}
}

// TestReadmeListsExamples keeps examples/README.md in step with the files.
func TestReadmeListsExamples(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	for _, f := range exampleFiles(t) {
		assert.Contains(t, string(readme), f, "README.md does not mention %s", f)
	}
}

// TestSchemaRejects checks that the schema refuses typical mistakes that
// the engine's reader refuses too.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	base := func(extra string) string {
		return `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}]` + extra + `}`
	}
	tests := []struct {
		name string
		doc  string
	}{
		{"unknown top-level key", base(`, "titel": "x"`)},
		{"wrong format", `{"format": "triggersim/result", "version": 1, "entities": [{"type": "DEAL"}]}`},
		{"newer version", `{"format": "triggersim/scenario", "version": 2, "entities": [{"type": "DEAL"}]}`},
		{"no entities", `{"format": "triggersim/scenario", "version": 1}`},
		{"bad entity type", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DYNAMIC_5"}]}`},
		{"odd unlimited smart process", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DYNAMIC_1031"}]}`},
		{"misspelt trigger key", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "CALL", "alowBackwards": true}]`)},
		{"unknown trigger code", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "SMS_READ"}]`)},
		{"setting of another code", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "CALL", "settings": {"url": "https://x"}}]`)},
		{"setting on a code without settings", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "INVOICE", "settings": {"code": "x"}}]`)},
		{"executeBy text", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "CALL", "executeBy": "boss"}]`)},
		{"bad operator", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "CALL", "condition": [{"field": "TITLE", "op": "like", "value": "x"}]}]`)},
		{"clause without value", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "CALL", "condition": [{"field": "TITLE", "op": "="}]}]`)},
		{"between with one bound", base(`, "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "CALL", "condition": [{"field": "OPPORTUNITY", "op": "between", "value": [1]}]}]`)},
		{"unknown robot type", base(`, "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "StartBizproc", "params": {}}]`)},
		{"robot without params", base(`, "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "Notify"}]`)},
		{"robot param of another type", base(`, "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "Notify", "params": {"subject": "x"}}]`)},
		{"delay unit seconds", base(`, "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "Notify", "params": {"text": "x"}, "delay": {"type": "after", "value": 30, "unit": "s"}}]`)},
		{"delay without value", base(`, "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "Notify", "params": {"text": "x"}, "delay": {"type": "after", "unit": "m"}}]`)},
		{"delay without unit", base(`, "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "Notify", "params": {"text": "x"}, "delay": {"type": "after", "value": 3}}]`)},
		{"delay time of day", base(`, "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "Notify", "params": {"text": "x"}, "delay": {"type": "in", "time": "25:00"}}]`)},
		{"relative time without unit", base(`, "events": [{"at": "+90", "code": "CALL", "target": "DEAL_1"}]`)},
		{"negative time", base(`, "events": [{"at": "-1h", "code": "CALL", "target": "DEAL_1"}]`)},
		{"relative start", base(`, "start": "+1h"`)},
		{"MOVE without data", base(`, "events": [{"at": "+1h", "code": "MOVE", "target": "DEAL_1"}]`)},
		{"CREATE of an item target", base(`, "events": [{"at": "+1h", "code": "CREATE", "target": "DEAL_1", "data": {"stage": "NEW"}}]`)},
		{"event data of another code", base(`, "events": [{"at": "+1h", "code": "CALL", "target": "DEAL_1", "data": {"url": "https://x"}}]`)},
		{"bad target", base(`, "events": [{"at": "+1h", "code": "CALL", "target": "deal 1"}]`)},
		{"two checks in one expectation", base(`, "expect": [{"target": "DEAL_1", "stage": "NEW", "fired": "t"}]`)},
		{"no check in an expectation", base(`, "expect": [{"target": "DEAL_1"}]`)},
		{"at without stage", base(`, "expect": [{"target": "DEAL_1", "at": "+1h", "fired": "t"}]`)},
		{"field without value", base(`, "expect": [{"target": "DEAL_1", "field": "TITLE"}]`)},
		{"stage colour", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL", "pipelines": [{"id": 0, "name": "P", "stages": [{"id": "NEW", "name": "N", "semantics": "process", "color": "blue"}]}]}]}`},
		{"bad semantics", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL", "pipelines": [{"id": 0, "name": "P", "stages": [{"id": "NEW", "name": "N", "semantics": "won"}]}]}]}`},
		{"work day 8", base(`, "workTime": {"days": [1, 8]}`)},
		{"unknown limit", base(`, "limits": {"depth": 3}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := validate(sch, []byte(tt.doc))
			assert.Error(t, err, "the schema accepts %s", tt.doc)
			_, err = engine.ReadScenario([]byte(tt.doc))
			assert.ErrorIs(t, err, engine.ErrInvalid, "the engine accepts %s (err %v): schema and reader disagree", tt.doc, err)
		})
	}
}

// TestSchemaAccepts checks optional shapes the examples do not use.
func TestSchemaAccepts(t *testing.T) {
	sch := compileSchema(t)
	docs := []string{
		`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DYNAMIC_1030"}, {"type": "DYNAMIC_191"}, {"type": "ORDER"}]}`,
		`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}], "until": "+1d4h", "limits": {"steps": 10, "cascade": 5},
		  "users": [{"id": 1, "name": "A", "workTime": {"timezone": "Europe/Moscow", "days": [1, 2], "from": "10:00", "to": "19:00", "holidays": ["2026-01-01"]}}],
		  "triggers": [{"id": "t", "entity": "DEAL", "stage": "WON", "code": "TASK_STATUS", "settings": {"taskStatus": 5, "taskCondition": [{"field": "TITLE", "op": "!empty"}]}, "executeBy": 1},
		               {"id": "w", "entity": "DEAL", "stage": "WON", "code": "APP", "settings": {"APP_ID": "app.1", "CODE": "paid"}}],
		  "robots": [{"id": "r", "entity": "DEAL", "stage": "NEW", "type": "ChangePipeline", "params": {"pipeline": 0}, "active": false,
		              "delay": {"type": "before", "value": 1, "unit": "d", "basis": "CLOSEDATE", "time": "09:30", "workTime": true, "waitWorkDay": true}},
		             {"id": "r2", "entity": "DEAL", "stage": "NEW", "type": "UpdateFields", "params": {"fields": {"UF_CRM_TAGS": ["a", "b"], "COMMENTS": null}}, "delay": {"type": "in", "basis": "BEGINDATE"}}],
		  "events": [{"at": "2026-01-12T10:00:00Z", "code": "TASK_STATUS", "target": "TASK_1", "data": {"status": 5, "fields": {"TITLE": "x"}}},
		             {"at": "+0", "code": "UPDATE", "target": "DEAL_1", "data": {"fields": {"STAGE_ID": "WON"}}, "by": 1},
		             {"at": "+1h", "code": "APP", "target": "COMPANY_2", "data": {"APP_ID": "app.1", "CODE": "paid"}}],
		  "expect": [{"target": "DEAL_1", "field": "COMMENTS", "value": null, "name": "n"}, {"target": "DEAL_1", "notRan": "r"}]}`,
	}
	for i, d := range docs {
		err := validate(sch, []byte(d))
		assert.NoError(t, err, "doc %d", i)
	}
}

// schemaDoc is the schema as plain JSON, for checking its enums.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile(schemaPath)
	require.NoError(t, err)
	var doc map[string]any
	err = json.Unmarshal(data, &doc)
	require.NoError(t, err)
	return doc
}

// dig walks a path of object keys and array indexes in decoded JSON.
func dig(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			require.True(t, ok, "schema: %v is not an object at %q", v, k)
			v = m[k]
		case int:
			a, ok := v.([]any)
			require.False(t, !ok || k >= len(a), "schema: no index %d", k)
			v = a[k]
		}
	}
	return v
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func keys(v any) []string {
	m, _ := v.(map[string]any)
	out := slices.AppendSeq(make([]string, 0, len(m)), maps.Keys(m))
	slices.Sort(out)
	return out
}

// perCode collects the keys that the schema's if/then rules allow under
// prop ("settings" or "data") for each const code.
func perCode(t *testing.T, rules any, prop string) map[string][]string {
	out := map[string][]string{}
	for _, r := range rules.([]any) {
		code, ok := dig(t, r, "if", "properties", "code", "const").(string)
		if !ok {
			continue
		}
		out[code] = keys(dig(t, r, "then", "properties", prop, "properties"))
	}
	return out
}

func specKeys(specs []engine.SettingSpec) []string {
	out := make([]string, 0, len(specs))
	for _, s := range specs {
		out = append(out, s.Key)
	}
	sort.Strings(out)
	return out
}

// TestSchemaMatchesCatalog keeps the schema's codes, settings and event data
// keys equal to the engine's trigger catalogue.
func TestSchemaMatchesCatalog(t *testing.T) {
	doc := schemaDoc(t)
	defs := dig(t, doc, "$defs")
	var codes []string
	for _, ti := range engine.Catalog() {
		codes = append(codes, ti.Code)
	}
	got := strs(dig(t, defs, "trigger", "properties", "code", "enum"))
	assert.Equal(t, codes, got, "trigger code enum\n got %v\nwant %v (catalogue order)", got, codes)
	events := append(slices.Clone(codes), engine.CodeCreate, engine.CodeUpdate, engine.CodeMove)
	got = strs(dig(t, defs, "event", "properties", "code", "enum"))
	assert.Equal(t, events, got, "event code enum\n got %v\nwant %v", got, events)
	settings := perCode(t, dig(t, defs, "trigger", "allOf"), "settings")
	data := perCode(t, dig(t, defs, "event", "allOf"), "data")
	for _, ti := range engine.Catalog() {
		got, want := settings[ti.Code], specKeys(ti.Settings)
		assert.Equal(t, want, got, "%s settings: schema %v, catalogue %v", ti.Code, got, want)
		got, want = data[ti.Code], specKeys(ti.Data)
		assert.Equal(t, want, got, "%s event data: schema %v, catalogue %v", ti.Code, got, want)
	}
	robotTypes := []string{engine.RobotChangeStage, engine.RobotUpdateFields, engine.RobotChangeResponsible,
		engine.RobotChangePipeline, engine.RobotCreateTask, engine.RobotSendEmail, engine.RobotSendSms,
		engine.RobotNotify, engine.RobotAddComment}
	got = strs(dig(t, defs, "robot", "properties", "type", "enum"))
	assert.Equal(t, robotTypes, got, "robot types: schema %v, engine %v", got, robotTypes)
}
