package whatif_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/internal/golden"
	"github.com/triggersim/triggersim/whatif"
)

func readScenario(t testing.TB, path string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err)
	return sc
}

func kpiJSON(t testing.TB, k *whatif.KPIs) string {
	t.Helper()
	b, err := json.Marshal(k)
	require.NoError(t, err)
	return string(b)
}

func run(t testing.TB, sc *engine.Scenario, opt whatif.Options) *whatif.KPIs {
	t.Helper()
	k, err := whatif.Run(context.Background(), sc, opt, nil)
	require.NoError(t, err)
	return k
}

const exampleA = "../examples/11-whatif-schet-7dney.json"
const exampleB = "../examples/11-whatif-schet-3dnya.json"

func TestSameSeedSameKPIs(t *testing.T) {
	sc := readScenario(t, exampleA)
	a := kpiJSON(t, run(t, sc, whatif.Options{Days: 30}))
	b := kpiJSON(t, run(t, readScenario(t, exampleA), whatif.Options{Days: 30}))
	require.Equal(t, a, b, "the same seed must give the same KPIs")
	c := kpiJSON(t, run(t, sc, whatif.Options{Days: 30, Seed: 8, SeedSet: true}))
	require.NotEqual(t, a, c, "another seed should give another run")
}

// TestSlicesEqualWholeRun checks that running in slices of one step (as the
// browser does) gives the same KPIs as one call.
func TestSlicesEqualWholeRun(t *testing.T) {
	sc := readScenario(t, exampleA)
	whole := kpiJSON(t, run(t, sc, whatif.Options{Days: 10}))
	r, err := whatif.NewRunner(sc, whatif.Options{Days: 10})
	require.NoError(t, err)
	last := int64(-1)
	for r.Step(1) {
		done, total := r.Progress()
		require.GreaterOrEqual(t, int64(done), last, "progress goes forward")
		require.LessOrEqual(t, done, total)
		last = int64(done)
	}
	done, total := r.Progress()
	require.Equal(t, total, done)
	require.Equal(t, whole, kpiJSON(t, r.KPIs()))
}

// statScenario: n deals arrive in NEW over 10 days; 40 % of them get an
// INVOICE within a day, which a trigger turns into a move to EXECUTING.
func statScenario(t testing.TB, n int) *engine.Scenario {
	doc := `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}],
	  "triggers": [{"id": "t", "entity": "DEAL", "stage": "EXECUTING", "code": "INVOICE"}],
	  "whatif": {"seed": 3, "days": 12,
	    "arrivals": [{"entity": "DEAL", "perDay": ` + strconv.Itoa(n/10) + `, "hours": [0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,1,1,1,0,0,0,0,0,0], "stage": "NEW"}],
	    "events": [{"entity": "DEAL", "stage": "NEW", "code": "INVOICE", "probability": 0.4, "within": ["1h", "1d"]},
	               {"entity": "DEAL", "stage": "NEW", "code": "CALL", "perDay": 0.5}]}}`
	sc, err := engine.ReadScenario([]byte(doc))
	require.NoError(t, err)
	// Arrivals stop after day 10 so that every window closes in the horizon.
	sc.WhatIf.Days = 12
	return sc
}

func TestConversionMatchesProbability(t *testing.T) {
	if testing.Short() {
		t.Skip("20 000 items")
	}
	sc := statScenario(t, 20000)
	k := run(t, sc, whatif.Options{})
	require.InDelta(t, 24000, k.Arrived, 24000*0.05, "perDay 2000 over 12 days")
	var conv float64 = -1
	for _, c := range k.Conversion {
		if c.From == "NEW" && c.To == "EXECUTING" {
			conv = c.Share
		}
	}
	// Items that arrived in the last day may not have had their window
	// yet; count only what was decided: fired + dropped ≈ scheduled.
	require.InDelta(t, 0.4, conv, 0.015, "40 %% event → 40 %% ± 1.5 %% conversion, got %.4f", conv)
	// CALL has no trigger: every fired CALL moved nothing, with that reason.
	require.Equal(t, "whatif.noTrigger", k.NoMove.Reasons[0].Code)
	// perDay 0.5 for about a day in NEW (those that do not pay stay).
	require.Greater(t, k.Events.ByCode[0].Fired+k.Events.ByCode[1].Fired, 0)
	require.False(t, math.IsNaN(k.NoMove.Share))
}

func TestIdenticalVariantsIdenticalKPIs(t *testing.T) {
	a := readScenario(t, exampleA)
	b := readScenario(t, exampleA)
	ka, kb, diff, err := whatif.RunAB(context.Background(), a, b, whatif.Options{Days: 20}, nil)
	require.NoError(t, err)
	require.Equal(t, kpiJSON(t, ka), kpiJSON(t, kb))
	require.Zero(t, diff.Changed)
	for _, r := range diff.Rows {
		require.False(t, r.Changed, r.Key)
	}
}

// TestABSameTraffic checks common random numbers: the variants differ only
// after the stage whose robot changed, so the earlier stages agree.
func TestABSameTraffic(t *testing.T) {
	a, b := readScenario(t, exampleA), readScenario(t, exampleB)
	ka, kb, diff, err := whatif.RunAB(context.Background(), a, b, whatif.Options{Days: 30}, nil)
	require.NoError(t, err)
	require.Equal(t, ka.Arrived, kb.Arrived)
	for _, i := range []int{0, 1} {
		sa, sb := ka.Stages[i], kb.Stages[i]
		require.Equal(t, [5]int64{int64(sa.Entered), int64(sa.Left), int64(sa.AtEnd), sa.MedianSec, sa.P90Sec},
			[5]int64{int64(sb.Entered), int64(sb.Left), int64(sb.AtEnd), sb.MedianSec, sb.P90Sec}, "stage %s is before the change", sa.Stage)
		require.Equal(t, sa.Daily, sb.Daily)
	}
	require.Equal(t, ka.Stages[1].Entered, kb.Stages[1].Entered, "PREPARATION entries are the same")
	require.Positive(t, diff.Changed)
	var out bytes.Buffer
	whatif.WriteDiff(&out, "A", "B", diff, "en", true)
	require.Contains(t, out.String(), "● robot/r-proval/ran")
}

func TestNoModel(t *testing.T) {
	sc, err := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}]}`))
	require.NoError(t, err)
	_, err = whatif.NewRunner(sc, whatif.Options{})
	require.ErrorIs(t, err, whatif.ErrNoModel)
}

func TestModelMustFitVariant(t *testing.T) {
	a := readScenario(t, exampleA)
	b, err := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "title": "B",
	  "entities": [{"type": "DEAL", "pipelines": [{"id": 0, "name": "P", "stages": [{"id": "X", "name": "X", "semantics": "process"}, {"id": "Y", "name": "Y", "semantics": "success"}]}]}]}`))
	require.NoError(t, err)
	_, _, _, err = whatif.RunAB(context.Background(), a, b, whatif.Options{Days: 2}, nil)
	require.ErrorContains(t, err, `stage "NEW" of DEAL is not in scenario "B"`)
	var me *whatif.ModelError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, `arrivals[0]: stage "NEW" of DEAL is not in scenario "B"`, me.Text("en"))
	assert.Equal(t, `arrivals[0]: стадии "NEW" в DEAL нет в сценарии "B"`, me.Text("ru"))
}

func TestReportGolden(t *testing.T) {
	sc := readScenario(t, exampleA)
	k := run(t, sc, whatif.Options{Days: 14})
	for _, lang := range []string{"ru", "en"} {
		var out bytes.Buffer
		whatif.WriteReport(&out, sc.Title, k, lang)
		golden.Check(t, "testdata/report-"+lang+".golden.txt", out.Bytes())
	}
	b, err := json.MarshalIndent(k, "", "  ")
	require.NoError(t, err)
	golden.Check(t, "testdata/kpis.golden.json", b) // the KPIs JSON is a stable contract
}

func TestReplayHistory(t *testing.T) {
	sc := readScenario(t, exampleA)
	hist := "time,code,target,data\n" +
		"+1h,CALL,DEAL_1,\n" +
		"+2h,CREATE,DEAL,\"{\"\"stage\"\": \"\"NEW\"\"}\"\n" +
		"+3h,MISSED_CALL,DEAL_2,\n" +
		"+3d,INVOICE,DEAL_1,\n"
	evs, err := whatif.ReplayCSV(strings.NewReader(hist))
	require.NoError(t, err)
	require.Len(t, evs, 4)
	k := run(t, sc, whatif.Options{Replay: evs})
	require.True(t, k.Replay)
	require.Equal(t, 4, k.Days)
	require.Equal(t, 4, k.Events.Fired, "%+v", k.Events)
	require.Equal(t, 1, k.NoMove.Events, "the missed call moves nothing")
	var fired int
	for _, tr := range k.Triggers {
		if tr.ID == "t-oplata" {
			fired = tr.Fired
		}
	}
	require.Equal(t, 1, fired)
}

// A page switched to another language after a run shows the reasons why
// events moved nothing in that language (TextIn); the KPIs' JSON keeps
// the run's language (Text), byte for byte.
func TestReasonTextInAnotherLanguage(t *testing.T) {
	k := run(t, readScenario(t, exampleA), whatif.Options{Days: 30, Lang: "ru"})
	require.NotEmpty(t, k.NoMove.Reasons)
	for _, r := range k.NoMove.Reasons {
		assert.Equal(t, r.Text, r.TextIn("ru"), r.Code)
	}
	en := run(t, readScenario(t, exampleA), whatif.Options{Days: 30, Lang: "en"})
	require.Len(t, en.NoMove.Reasons, len(k.NoMove.Reasons))
	for i, r := range k.NoMove.Reasons {
		assert.Equal(t, en.NoMove.Reasons[i].Text, r.TextIn("en"), r.Code)
		assert.NotEqual(t, r.Text, r.TextIn("en"), "%s: the English text is not the Russian one", r.Code)
	}

	var back whatif.KPIs
	require.NoError(t, json.Unmarshal([]byte(kpiJSON(t, k)), &back))
	assert.Equal(t, k.NoMove.Reasons[0].Text, back.NoMove.Reasons[0].TextIn("en"),
		"KPIs read back from JSON have only the run's language")
}
