package whatif_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/internal/langcheck"
)

func modelDoc(whatif string) string {
	return `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}, {"type": "LEAD"}], "whatif": ` + whatif + `}`
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../docs/scenario.schema.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	const url = "https://github.com/triggersim/triggersim/docs/scenario.schema.json"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	return sch
}

func schemaOK(sch *jsonschema.Schema, doc string) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(doc)))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// TestModelErrors checks the reader's messages for the "whatif" section and
// that the schema refuses the same shapes (cross-references, such as an
// unknown stage, are the reader's alone).
func TestModelErrors(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		name, whatif, want string
		schemaToo          bool
	}{
		{"unknown key", `{"sead": 1}`, `whatif.sead: unknown key`, true},
		{"days zero", `{"days": 0}`, `whatif.days: expected an integer from 1 to 3650, got 0`, true},
		{"arrival without stage", `{"arrivals": [{"entity": "DEAL", "perDay": 3}]}`, `whatif.arrivals[0].stage: missing required key`, true},
		{"unknown stage", `{"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": "NOPE"}]}`, `whatif.arrivals[0].stage: unknown stage "NOPE" in DEAL`, false},
		{"six weekdays", `{"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": "NEW", "weekdays": [1,1,1,1,1,1]}]}`, `whatif.arrivals[0].weekdays: expected 7 weights, Monday to Sunday, got 6 entries`, true},
		{"zero hours", `{"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": "NEW", "hours": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}]}`, `whatif.arrivals[0].hours: expected at least one weight above zero`, false},
		{"range and values", `{"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": "NEW", "fields": {"OPPORTUNITY": {"min": 1, "max": 2, "values": [1]}}}]}`, `whatif.arrivals[0].fields.OPPORTUNITY.min: "min" goes only with "min"/"max", not with "values"`, true},
		{"max below min", `{"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": "NEW", "fields": {"OPPORTUNITY": {"min": 5, "max": 2}}}]}`, `whatif.arrivals[0].fields.OPPORTUNITY.max: expected a number ≥ min (5), got 2`, false},
		{"weights count", `{"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": {"values": ["NEW", "WON"], "weights": [1]}}]}`, `whatif.arrivals[0].stage.weights: expected one weight ≥ 0 per value, got 1 entries`, false},
		{"contact", `{"arrivals": [{"entity": "DEAL", "perDay": 3, "stage": "NEW", "contact": "old"}]}`, `whatif.arrivals[0].contact: expected "none" or "new", got "old"`, true},
		{"no timing", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CALL"}]}`, `whatif.events[0]: expected "within": ["1d", "5d"]`, true},
		{"both timings", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CALL", "perDay": 1, "within": ["1h", "2h"]}]}`, `whatif.events[0].perDay: "within" and "perDay" cannot be combined`, true},
		{"window backwards", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CALL", "within": ["2d", "1d"]}]}`, `whatif.events[0].within[1]: expected a duration ≥ 2d, got "1d"`, false},
		{"bad duration", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CALL", "within": ["soon", "1d"]}]}`, `whatif.events[0].within[0]: expected a duration such as "90m", "2h30m" or "3d", got "soon"`, true},
		{"probability above 1", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CALL", "probability": 1.5, "within": ["1h", "1d"]}]}`, `whatif.events[0].probability: expected a probability from 0 to 1, got 1.5`, true},
		{"probability with rate", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CALL", "probability": 0.5, "perDay": 1}]}`, `whatif.events[0].probability: "probability" goes only with "within"`, true},
		{"CREATE", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CREATE", "perDay": 1}]}`, `whatif.events[0].code: new items come from "arrivals"`, true},
		{"unsupported code", `{"events": [{"entity": "LEAD", "stage": "NEW", "code": "INVOICE", "perDay": 1}]}`, `whatif.events[0].code: INVOICE is not available for LEAD; it works for DEAL`, false},
		{"MOVE without data", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "MOVE", "perDay": 1}]}`, `whatif.events[0].data: missing required key, expected the data of MOVE`, true},
		{"MOVE to unknown stage", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "MOVE", "perDay": 1, "data": {"stage": "X"}}]}`, `whatif.events[0].data.stage: unknown stage "X" in DEAL`, false},
		{"data of another code", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "CALL", "perDay": 1, "data": {"url": "x"}}]}`, `whatif.events[0].data.url: unknown key`, true},
		{"contact with MOVE", `{"events": [{"entity": "DEAL", "stage": "NEW", "code": "MOVE", "target": "contact", "perDay": 1, "data": {"stage": "WON"}}]}`, `whatif.events[0].target: MOVE acts on the item itself`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := modelDoc(tt.whatif)
			_, err := engine.ReadScenario([]byte(doc))
			require.True(t, errors.Is(err, engine.ErrInvalid), "the reader accepts %s", doc)
			require.Contains(t, err.Error(), tt.want)
			assertErrorsInRussian(t, err)
			if tt.schemaToo {
				require.Error(t, schemaOK(sch, doc), "the schema accepts %s", doc)
			}
		})
	}
}

// assertErrorsInRussian checks that every error of a read reads in
// Russian, with its JSON path, and in English as the command line prints it.
func assertErrorsInRussian(t *testing.T, err error) {
	t.Helper()
	var es engine.Errors
	require.True(t, errors.As(err, &es), "%v", err)
	for _, e := range es {
		require.NotEmpty(t, e.Code, e.Error())
		assert.Equal(t, e.Error(), e.Text("en"))
		assert.Equal(t, e.Path+": "+e.Message("ru"), e.Text("ru"))
		assert.Empty(t, langcheck.Problems(e.Message("ru"), "min", "max", "whatif", "true"), e.Path)
	}
}

func TestModelRoundTripAndSchema(t *testing.T) {
	sch := compileSchema(t)
	doc := modelDoc(`{"seed": 0, "days": 5,
	  "arrivals": [{"entity": "DEAL", "perDay": 2.5, "weekdays": [1,1,1,1,1,0,0], "stage": {"values": ["NEW", "PREPARATION"]},
	                "fields": {"TITLE": "Заявка", "OPPORTUNITY": {"min": 0.5, "max": 10, "step": 0.5}, "UF_CRM_TAGS": ["a"], "SOURCE_ID": {"values": ["WEB", null], "weights": [1, 0]}}},
	               {"entity": "LEAD", "perDay": 0, "stage": "NEW", "contact": "none"}],
	  "events": [{"name": "n", "entity": "DEAL", "stage": "NEW", "code": "WEBHOOK", "target": "contact", "probability": 1, "within": ["0", "90m"], "data": {"code": "x"}},
	             {"entity": "DEAL", "stage": "NEW", "code": "UPDATE", "perDay": 0.1, "data": {"fields": {"COMMENTS": "x"}}, "by": 1}]}`)
	require.NoError(t, schemaOK(sch, doc))
	s1, err := engine.ReadScenario([]byte(doc))
	require.NoError(t, err)
	w1, err := engine.WriteScenario(s1)
	require.NoError(t, err)
	s2, err := engine.ReadScenario(w1)
	require.NoError(t, err)
	require.Equal(t, s1.WhatIf, s2.WhatIf)
	w2, err := engine.WriteScenario(s2)
	require.NoError(t, err)
	require.Equal(t, string(w1), string(w2))
	require.NoError(t, schemaOK(sch, string(w1)))
	require.True(t, strings.Contains(string(w1), `"within": ["0", "90m"]`), string(w1))
}

func TestFlowErrors(t *testing.T) {
	sch := compileSchema(t)
	flow := func(next string) string {
		return `{"version": 2, "flows": [{"entity": "DEAL", "stage": "NEW", "next": ` + next + `}]}`
	}
	tests := []struct {
		name, whatif, want string
		schemaToo          bool
	}{
		{"no version", `{"flows": []}`, `whatif.flows: "flows" needs "version": 2 in the whatif section`, true},
		{"version 3", `{"version": 3}`, `whatif.version: expected an integer from 1 to 2, got 3`, true},
		{"empty next", flow(`[]`), `whatif.flows[0].next: expected an array of branches {"stage", "share", "after"} with at least one entry, got an empty array`, true},
		{"stage and stay", flow(`[{"stage": "WON", "stay": true, "share": 1, "after": ["1h"]}]`), `whatif.flows[0].next[0].stay: "stay" and "stage" cannot be combined`, true},
		{"stay false", flow(`[{"stay": false, "share": 1}]`), `whatif.flows[0].next[0].stay: expected true`, true},
		{"stay with after", flow(`[{"stay": true, "share": 1, "after": ["1h"]}]`), `whatif.flows[0].next[0].after: a "stay" branch has no time in the stage`, true},
		{"no after", flow(`[{"stage": "WON", "share": 1}]`), `whatif.flows[0].next[0].after: missing required key`, true},
		{"own stage", flow(`[{"stage": "NEW", "share": 1, "after": ["1h"]}]`), `whatif.flows[0].next[0].stage: expected another stage than the flow's own "NEW"`, false},
		{"unknown stage", flow(`[{"stage": "NOPE", "share": 1, "after": ["1h"]}]`), `whatif.flows[0].next[0].stage: unknown stage "NOPE" in DEAL`, false},
		{"quantiles down", flow(`[{"stage": "WON", "share": 1, "after": ["2h", "1h"]}]`), `whatif.flows[0].next[0].after[1]: expected a duration ≥ 2h (quantiles go up), got "1h"`, false},
		{"bad duration", flow(`[{"stage": "WON", "share": 1, "after": ["soon"]}]`), `whatif.flows[0].next[0].after[0]: expected a duration such as`, true},
		{"zero shares", flow(`[{"stage": "WON", "share": 0, "after": ["1h"]}]`), `whatif.flows[0].next: expected at least one branch with a share above zero`, false},
		{"negative share", flow(`[{"stage": "WON", "share": -1, "after": ["1h"]}]`), `whatif.flows[0].next[0].share: expected a weight ≥ 0, got -1`, true},
		{"twice", `{"version": 2, "flows": [{"entity": "DEAL", "stage": "NEW", "next": [{"stay": true, "share": 1}]}, {"entity": "DEAL", "stage": "NEW", "next": [{"stay": true, "share": 1}]}]}`, `whatif.flows[1].stage: stage "NEW" of DEAL already has a flow at whatif.flows[0]`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := modelDoc(tt.whatif)
			_, err := engine.ReadScenario([]byte(doc))
			require.True(t, errors.Is(err, engine.ErrInvalid), "the reader accepts %s", doc)
			require.Contains(t, err.Error(), tt.want)
			assertErrorsInRussian(t, err)
			if tt.schemaToo {
				require.Error(t, schemaOK(sch, doc), "the schema accepts %s", doc)
			}
		})
	}
}

func TestFlowRoundTripAndSchema(t *testing.T) {
	sch := compileSchema(t)
	doc := modelDoc(`{"version": 2, "days": 5,
	  "arrivals": [{"entity": "DEAL", "perDay": 2, "stage": "NEW"}],
	  "flows": [{"entity": "DEAL", "stage": "NEW", "next": [
	      {"stage": "PREPARATION", "share": 0.6, "after": ["0", "10m", "2h30m", "1d4h"]},
	      {"stage": "LOSE", "share": 0.3, "after": ["3d"]},
	      {"stay": true, "share": 0.1}]}]}`)
	require.NoError(t, schemaOK(sch, doc))
	s1, err := engine.ReadScenario([]byte(doc))
	require.NoError(t, err)
	require.Len(t, s1.WhatIf.Flows[0].Next, 3)
	w1, err := engine.WriteScenario(s1)
	require.NoError(t, err)
	s2, err := engine.ReadScenario(w1)
	require.NoError(t, err)
	require.Equal(t, s1.WhatIf, s2.WhatIf)
	require.NoError(t, schemaOK(sch, string(w1)))
	require.Contains(t, string(w1), `"version": 2`)
	require.Equal(t, "1d4h5s", engine.FormatDuration(28*time.Hour+5*time.Second))
	require.Equal(t, "0", engine.FormatDuration(0))
}
