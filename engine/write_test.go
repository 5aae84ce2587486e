package engine

import (
	"bytes"
	"math"
	"os"
	"strings"
	"testing"
	"time"
)

func TestWriteScenarioGolden(t *testing.T) {
	for _, name := range []string{"deal_basic", "deal_pipelines", "minimal"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/read/" + name + ".json")
			if err != nil {
				t.Fatal(err)
			}
			s, err := ReadScenario(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := WriteScenario(s)
			if err != nil {
				t.Fatal(err)
			}
			golden := "testdata/write/" + name + ".golden.json"
			// UPDATE_GOLDEN=1 go test ./engine -run TestWriteScenarioGolden
			if os.Getenv("UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s:\n%s", golden, got)
			}
		})
	}
}

func TestWriteScenarioDetails(t *testing.T) {
	s, err := ReadScenario([]byte(rdDoc(
		`"title": "<b>Tom & Jerry</b>\u2028"`,
		rdItems(`{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"Z": 50000, "A": 1.5e-7, "M": 1e21, "N": -0, "Q": 12345678901234567890}}`),
		rdTriggers(`{"id": "t", "entity": "DEAL", "stage": "WORK", "code": "CALL", "executeBy": "responsible"}`),
	)))
	if err != nil {
		t.Fatal(err)
	}
	out, err := WriteScenario(s)
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		`"title": "<b>Tom & Jerry</b>\u2028"`,
		`"Z": 50000`, `"A": 1.5e-7`, `"M": 1e+21`, `"N": -0`, `"Q": 12345678901234567000`,
		`"executeBy": "responsible"`,
		`{"id": "NEW", "name": "New", "semantics": "process"}`,
		"\n  \"users\": [\n    {\"id\": 1, \"name\": \"Admin\"},\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %s:\n%s", want, text)
		}
	}
	// Keys of item fields are sorted.
	if strings.Index(text, `"A": `) > strings.Index(text, `"Z": `) {
		t.Errorf("field keys not sorted")
	}
	for _, absent := range []string{`"locale"`, `"start"`, `"workTime"`, `"limits"`, `"allowBackwards"`} {
		if strings.Contains(text, absent) {
			t.Errorf("output has defaulted %s", absent)
		}
	}
	if !strings.HasSuffix(text, "}\n") || !strings.HasPrefix(text, "{\n  \"format\": \"triggersim/scenario\",\n  \"version\": 1,\n") {
		t.Errorf("framing:\n%s", text)
	}
	// A defaulted LEAD writes no pipelines.
	if strings.Contains(text, `"IN_PROCESS"`) {
		t.Errorf("defaulted pipelines written")
	}
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
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"start": "2026-05-04T10:00:00Z"`, `"at": "+1h30m0s"`, `"until": "2026-05-04T11:00:00Z"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if _, err := ReadScenario(out); err != nil {
		t.Errorf("written file does not read: %v\n%s", err, out)
	}

	s.Items = []Item{{ID: 1, Entity: "DEAL", Stage: "NEW", Fields: map[string]any{"X": math.NaN()}}}
	if _, err := WriteScenario(s); err == nil || err.Error() != "write scenario: items[0].fields.X: NaN cannot be written as JSON" {
		t.Errorf("NaN: %v", err)
	}
	s.Items[0].Fields = map[string]any{"X": struct{}{}}
	if _, err := WriteScenario(s); err == nil || err.Error() != "write scenario: items[0].fields.X: a value of Go type struct {} cannot be written" {
		t.Errorf("struct: %v", err)
	}
}
