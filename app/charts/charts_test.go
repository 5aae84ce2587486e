package charts_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/internal/golden"
	"github.com/triggersim/triggersim/whatif"
)

// example runs a built-in what-if example for two weeks.
func example(t *testing.T, name string) (*engine.Scenario, *whatif.KPIs) {
	t.Helper()
	for _, ex := range examples.All() {
		if ex.Name == name {
			sc, err := engine.ReadScenario(ex.Data)
			require.NoError(t, err)
			k, err := whatif.Run(context.Background(), sc, whatif.Options{Days: 14}, nil)
			require.NoError(t, err)
			return sc, k
		}
	}
	require.FailNow(t, fmt.Sprintf("no example %s", name))
	return nil, nil
}

// wellFormed parses an SVG document as XML.
func wellFormed(t *testing.T, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "the SVG must be well-formed XML")
	}
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), []byte(got))
}

func TestChartsGolden(t *testing.T) {
	sc, k := example(t, "11-whatif-schet-7dney.json")
	p := charts.MainPipeline(k)
	assert.Equal(t, charts.Pipeline{Entity: "DEAL", ID: 0}, p)
	for _, lang := range []string{"ru", "en"} {
		tests := []struct {
			name string
			svg  string
		}{
			{"funnel", charts.Funnel("Funnel", charts.FunnelBars(k, sc, p, lang), lang)},
			{"flow", charts.CumulativeFlow("Flow", charts.FlowSeries(k, sc, p), lang)},
			{"time", charts.TimeInStage("Time", charts.Spans(k, sc, p), lang)},
			{"triggers", charts.TriggerCounts("Triggers", charts.TriggerBars(k, sc, lang), lang)},
		}
		for _, tt := range tests {
			t.Run(tt.name+"-"+lang, func(t *testing.T) {
				wellFormed(t, tt.svg)
				assert.Contains(t, tt.svg, `role="img"`)
				assert.Contains(t, tt.svg, `aria-label="`)
				assert.Contains(t, tt.svg, "<title>")
				checkGolden(t, tt.name+"-"+lang+".svg", tt.svg)
			})
		}
	}
}

func TestChartsDeterministic(t *testing.T) {
	sc, k := example(t, "11-whatif-schet-7dney.json")
	_, k2 := example(t, "11-whatif-schet-7dney.json")
	p := charts.MainPipeline(k)
	assert.Equal(t, charts.CumulativeFlow("F", charts.FlowSeries(k, sc, p), "ru"), charts.CumulativeFlow("F", charts.FlowSeries(k2, sc, p), "ru"))
}

func TestChartsEscapeNames(t *testing.T) {
	evil := `<script>alert("x")</script> & 'Co'`
	bars := []charts.Bar{{Label: evil, Value: 3, Color: `red" onload="alert(1)`, Note: "<b>"}}
	for _, svg := range []string{
		charts.Funnel(evil, bars, "ru"),
		charts.Bars(evil, bars, "en"),
		charts.CumulativeFlow(evil, []charts.Series{{Label: evil, Color: "#fff", Values: []int{1, 2, 3}}}, "ru"),
		charts.TimeInStage(evil, []charts.Span{{Label: evil, Median: 3600, P90: 7200, Stays: 2}}, "en"),
	} {
		wellFormed(t, svg)
		assert.NotContains(t, svg, "<script>")
		assert.NotContains(t, svg, `onload="`)
		assert.Contains(t, svg, "&lt;script&gt;")
	}
}

func TestChartsEmpty(t *testing.T) {
	for _, svg := range []string{
		charts.Funnel("F", nil, "ru"),
		charts.Bars("B", nil, "en"),
		charts.CumulativeFlow("C", nil, "ru"),
		charts.TimeInStage("T", nil, "en"),
	} {
		wellFormed(t, svg)
	}
	assert.Contains(t, charts.Funnel("F", nil, "ru"), "Нет данных")
	assert.Contains(t, charts.Bars("B", nil, "en"), "No data")
}

func TestCSV(t *testing.T) {
	got := string(charts.CSV([][]string{
		{"Стадия", "a,b", `say "hi"`},
		{"=HYPERLINK(\"x\")", "-5", "+7 сделок"},
		{"@SUM(A1)", "line\nbreak", "-1.5"},
	}))
	want := "\ufeffСтадия,\"a,b\",\"say \"\"hi\"\"\"\r\n" +
		"\"'=HYPERLINK(\"\"x\"\")\",-5,'+7 сделок\r\n" +
		"'@SUM(A1),\"line\nbreak\",-1.5\r\n"
	assert.Equal(t, want, got)
}

func TestTone(t *testing.T) {
	sem := map[string]string{"DEAL/NEW": "process", "DEAL/WON": "success", "DEAL/LOSE": "failure"}
	tests := []struct {
		key   string
		delta float64
		want  int
	}{
		{"stage/DEAL/WON/items", 5, 1},
		{"stage/DEAL/LOSE/items", 5, -1},
		{"stage/DEAL/LOSE/atEnd", -5, 1},
		{"stage/DEAL/NEW/items", 5, 1},
		{"stage/DEAL/NEW/atEnd", 5, 0},
		{"stage/DEAL/NEW/medianSec", -60, 1},
		{"stage/DEAL/NEW/toSuccess", 0.1, 1},
		{"stage/DEAL/NEW/toFailure", 0.1, -1},
		{"conv/DEAL/NEW/WON", 0.1, 1},
		{"conv/DEAL/NEW/LOSE", 0.1, -1},
		{"noMove/share", 0.1, -1},
		{"loop/loop.cascade/trigger t1", 1, -1},
		{"trigger/t1/fired", 10, 0},
		{"items", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			assert.Equal(t, tt.want, charts.Tone(tt.key, tt.delta, sem))
		})
	}
}

func TestCompareRowsAndTables(t *testing.T) {
	sa, ka := example(t, "11-whatif-schet-7dney.json")
	var sb *engine.Scenario
	for _, ex := range examples.All() {
		if ex.Name == "11-whatif-schet-3dnya.json" {
			var err error
			sb, err = engine.ReadScenario(ex.Data)
			require.NoError(t, err)
		}
	}
	kb, err := whatif.Run(context.Background(), sb, whatif.Options{Days: 14, Model: sa.WhatIf}, nil)
	require.NoError(t, err)
	rows := charts.CompareRows(whatif.Compare(ka, kb), ka, kb, sa, sb, "ru")
	require.NotEmpty(t, rows)
	byKey := map[string]charts.Row{}
	for _, r := range rows {
		byKey[r.Key] = r
	}
	lose := byKey["stage/DEAL/LOSE/items"]
	assert.Equal(t, "Сделка провалена: дошло элементов", lose.Label)
	assert.True(t, lose.Changed, "a shorter wait for payment changes how many deals are lost")
	assert.Equal(t, -charts.Tone("stage/DEAL/WON/items", 1, map[string]string{"DEAL/WON": "success"}), -1)

	tabs := charts.Tables(ka, sa, "ru", true)
	require.Len(t, tabs, 5)
	csv := string(tabs[0].CSV())
	assert.True(t, strings.HasPrefix(csv, "\ufeffСтадия,ID,Входов"), csv[:40])
	assert.Contains(t, csv, ",WON,")
	cmp := charts.CompareTable(rows, "en").CSV()
	assert.Contains(t, string(cmp), "Metric,Key,A,B,B − A,Verdict\r\n")
}

// TestHostileMetricIDs: a metric's kind comes from its type, never from
// the end of its key, which holds user ids: a trigger called
// "conversion_share" fires a count of times, a robot called "waitSec" runs
// a count of times.
func TestHostileMetricIDs(t *testing.T) {
	run := func(n int) *whatif.KPIs {
		return &whatif.KPIs{
			Triggers: []whatif.TriggerKPI{{ID: "conversion_share", Fired: 1000 + n}},
			Robots:   []whatif.RobotKPI{{ID: "waitSec", Ran: 7000 + n}},
			Loops:    []whatif.LoopKPI{{Kind: "loop.cascade", Cycle: []string{"conversion_share", "waitSec"}, Count: 7000 + n}},
			NoMove: whatif.NoMove{Reasons: []whatif.ReasonCount{
				{Code: "noTrigger", Trigger: "conversion_share", Count: 2 + n}}},
		}
	}
	ka, kb := run(0), run(200)
	tests := []struct {
		key, a, b, delta string
	}{
		{"trigger/conversion_share/fired", "1,000", "1,200", "+200"},
		{"robot/waitSec/ran", "7,000", "7,200", "+200"},
		{"loop/loop.cascade/conversion_share/waitSec", "7,000", "7,200", "+200"},
		{"noMove/noTrigger/conversion_share", "2", "202", "+200"},
	}
	rows := charts.CompareRows(whatif.Compare(ka, kb), ka, kb, nil, nil, "en")
	byKey := map[string]charts.Row{}
	for _, r := range rows {
		byKey[r.Key] = r
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			r, ok := byKey[tt.key]
			require.True(t, ok, "no row %s in %v", tt.key, rows)
			assert.Equal(t, [3]string{tt.a, tt.b, tt.delta}, [3]string{r.A, r.B, r.Delta})
		})
	}
	svg := charts.IntervalBars("x", []charts.Interval{{Label: "waitSec", Mean: 7200, Low: 7000, High: 7400, Ref: math.NaN()}}, format.Count, "en")
	assert.Contains(t, svg, "7,200")
	assert.NotContains(t, svg, "2h")
}
