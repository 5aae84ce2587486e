package engine

import (
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/golden"
)

func TestWriteScenarioGolden(t *testing.T) {
	for _, name := range []string{"deal_basic", "deal_pipelines", "minimal"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/read/" + name + ".json")
			require.NoError(t, err)
			s, err := ReadScenario(data)
			require.NoError(t, err)
			got, err := WriteScenario(s)
			require.NoError(t, err)
			golden.Check(t, "testdata/write/"+name+".golden.json", got)
		})
	}
}

func TestWriteScenarioDetails(t *testing.T) {
	s, err := ReadScenario([]byte(rdDoc(
		`"title": "<b>Tom & Jerry</b>\u2028"`,
		rdItems(`{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"Z": 50000, "A": 1.5e-7, "M": 1e21, "N": -0, "Q": 12345678901234567890}}`),
		rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "WORK", "code": "CALL", "executeBy": "responsible"}`),
	)))
	require.NoError(t, err)
	out, err := WriteScenario(s)
	require.NoError(t, err)
	text := string(out)
	for _, want := range []string{
		`"title": "<b>Tom & Jerry</b>\u2028"`,
		`"Z": 50000`, `"A": 1.5e-7`, `"M": 1e+21`, `"N": -0`, `"Q": 12345678901234567000`,
		`"executeBy": "responsible"`,
		`{"id": "NEW", "name": "New", "semantics": "process"}`,
		"\n  \"users\": [\n    {\"id\": 1, \"name\": \"Admin\"},\n",
	} {
		assert.Contains(t, text, want, "output lacks %s:\n%s", want, text)
	}
	// Keys of item fields are sorted.
	assert.False(t, strings.Index(text, `"A": `) > strings.Index(text, `"Z": `), "field keys not sorted")
	for _, absent := range []string{`"locale"`, `"start"`, `"workTime"`, `"limits"`, `"allowBackwards"`} {
		assert.NotContains(t, text, absent, "output has defaulted %s", absent)
	}
	assert.False(t, !strings.HasSuffix(text, "}\n") || !strings.HasPrefix(text, "{\n  \"format\": \"triggersim/scenario\",\n  \"version\": 1,\n"), "framing:\n%s", text)
	// A defaulted LEAD writes no pipelines.
	assert.NotContains(t, text, `"IN_PROCESS"`, "defaulted pipelines written")
}

func TestWriteScenarioProgrammatic(t *testing.T) {
	start := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	s := &Scenario{
		Locale: "en",
		Start:  start,
		Entities: []Entity{{Type: "DEAL", PipelinesDefaulted: true,
			Pipelines: []Pipeline{DefaultPipeline("DEAL", "en", 0)}}},
		Events: []Event{{At: Time{Relative: true, Offset: 90 * time.Minute}, Code: CodeMove, Target: "DEAL_1",
			Data: map[string]any{"stage": "WON"}}},
		Until: &Time{Abs: start.Add(time.Hour)},
	}
	out, err := WriteScenario(s)
	require.NoError(t, err)
	for _, want := range []string{`"start": "2026-05-04T10:00:00Z"`, `"at": "+1h30m0s"`, `"until": "2026-05-04T11:00:00Z"`} {
		assert.Contains(t, string(out), want, "output lacks %s:\n%s", want, out)
	}
	_, err = ReadScenario(out)
	assert.NoError(t, err, "written file does not read: %v\n%s", err, out)

	s.Items = []Item{{ID: 1, Entity: "DEAL", Stage: "NEW", Fields: map[string]any{"X": math.NaN()}}}
	_, err = WriteScenario(s)
	assert.False(t, err == nil || err.Error() != "write scenario: items[0].fields.X: NaN cannot be written as JSON", "NaN: %v", err)
	s.Items[0].Fields = map[string]any{"X": struct{}{}}
	_, err = WriteScenario(s)
	assert.False(t, err == nil || err.Error() != "write scenario: items[0].fields.X: a value of Go type struct {} cannot be written", "struct: %v", err)
}
