package whatif_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/whatif"
)

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// poissonScenario has DEAL arrivals of perDay a day over whole weeks, so
// the true mean of "arrived" is perDay × days, and a deal moved to WON with
// probability 0.5 one to two hours after it arrived.
func poissonScenario(t testing.TB, perDay float64, days int) *engine.Scenario {
	t.Helper()
	doc := fmt.Sprintf(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}],
	  "whatif": {"days": %d, "arrivals": [{"entity": "DEAL", "perDay": %g, "stage": "NEW"}],
	    "events": [{"entity": "DEAL", "stage": "NEW", "code": "MOVE", "probability": 0.5, "within": ["1h", "2h"], "data": {"stage": "WON"}}]}}`, days, perDay)
	sc, err := engine.ReadScenario([]byte(doc))
	require.NoError(t, err)
	return sc
}

// TestIntervalCoverage runs many small experiments of five runs each on
// disjoint, fixed seeds and counts how often the 95 % interval of
// "arrived" covers its true mean. The seeds are fixed, so the test is
// deterministic; the bounds are those a correct interval meets with
// overwhelming probability for 400 experiments (±3 standard errors).
func TestIntervalCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 2000 simulations")
	}
	const experiments, runs = 400, 5
	const perDay, days = 3.0, 7
	sc := poissonScenario(t, perDay, days)
	truth := perDay * days
	covered := 0
	var ks []*whatif.KPIs
	jobs := whatif.SeedJobs(sc, whatif.Options{Seed: 1000, SeedSet: true}, experiments*runs)
	ks, err := whatif.RunJobs(context.Background(), jobs, 0, nil)
	require.NoError(t, err)
	for e := 0; e < experiments; e++ {
		s := whatif.Summarize(ks[e*runs : (e+1)*runs])
		est, ok := s.Get("arrived")
		require.True(t, ok)
		if !est.Excludes(truth) {
			covered++
		}
	}
	rate := float64(covered) / experiments
	t.Logf("coverage %.3f over %d experiments of %d runs", rate, experiments, runs)
	require.InDelta(t, 0.95, rate, 0.033, "the 95 %% interval should cover the true mean about 95 %% of the time")
}

func TestEstimateKnownValues(t *testing.T) {
	sc := poissonScenario(t, 3, 7)
	// Four runs with hand-checked numbers: the t quantile for 3 degrees
	// of freedom is 3.18244630528371.
	ks := make([]*whatif.KPIs, 4)
	for i, v := range []int{10, 12, 14, 16} {
		ks[i] = &whatif.KPIs{Seed: i, Arrived: v}
	}
	_ = sc
	s := whatif.Summarize(ks)
	e, ok := s.Get("arrived")
	require.True(t, ok)
	require.Equal(t, 13.0, e.Mean)
	require.InDelta(t, 2.5819888974716, e.SD, 1e-12)
	require.InDelta(t, 3.18244630528371*2.5819888974716/2, e.Half(), 1e-9)
	require.Equal(t, [2]int{0, 3}, s.Seeds)
	// A metric that never varies has a zero-width interval at its value.
	items, _ := s.Get("items")
	require.Equal(t, whatif.Estimate{}, items)
}

func TestRunsDeterministicWhateverTheWorkers(t *testing.T) {
	sc := readScenario(t, exampleA)
	opt := whatif.Options{Days: 7}
	one, _, err := whatif.Replicate(context.Background(), sc, opt, 6, 1, nil)
	require.NoError(t, err)
	four, ks, err := whatif.Replicate(context.Background(), sc, opt, 6, 4, nil)
	require.NoError(t, err)
	require.Equal(t, mustJSON(t, one), mustJSON(t, four))
	require.Equal(t, [2]int{7, 12}, four.Seeds, "runs use the model's seed and the next ones")
	// Run i is exactly the single run with seed base+i.
	require.Equal(t, kpiJSON(t, ks[2]), kpiJSON(t, run(t, sc, whatif.Options{Days: 7, Seed: 9, SeedSet: true})))

	// The browser's sliced batch gives the same runs.
	b := whatif.NewBatch(whatif.SeedJobs(sc, opt, 6))
	last := -1.0
	for b.Step(300) {
		_, _, f := b.Progress()
		require.GreaterOrEqual(t, f, last)
		last = f
	}
	sliced, err := b.Results()
	require.NoError(t, err)
	require.Equal(t, mustJSON(t, four), mustJSON(t, whatif.Summarize(sliced)))
}

func TestPairedIdenticalVariants(t *testing.T) {
	a := readScenario(t, exampleA)
	b := readScenario(t, exampleA)
	d, err := whatif.ReplicateAB(context.Background(), a, b, whatif.Options{Days: 7}, 5, 0, nil)
	require.NoError(t, err)
	require.Zero(t, d.Significant)
	require.NotEmpty(t, d.Rows)
	for _, r := range d.Rows {
		require.Equal(t, whatif.Estimate{}, r.Delta, r.Key)
		require.False(t, r.Significant, r.Key)
	}
	var out bytes.Buffer
	whatif.WritePaired(&out, "A", "A", d, "en", false)
	require.Contains(t, out.String(), "No difference is significant")
}

func TestPairedRealDifference(t *testing.T) {
	a := readScenario(t, exampleA)
	b := readScenario(t, exampleB)
	d, err := whatif.ReplicateAB(context.Background(), a, b, whatif.Options{Days: 21}, 5, 0, nil)
	require.NoError(t, err)
	require.Positive(t, d.Significant)
	rows := map[string]whatif.PairedRow{}
	for _, r := range d.Rows {
		rows[r.Key] = r
	}
	// Arrivals are common random numbers: the same in both variants.
	require.False(t, rows["arrived"].Significant)
	require.Zero(t, rows["arrived"].Delta.SD)
	// Giving up on unpaid invoices after 3 days instead of 7 loses more deals.
	lose := rows["stage/DEAL/LOSE/items"]
	require.True(t, lose.Significant, "%+v", lose)
	require.Positive(t, lose.Delta.Low)
	var out bytes.Buffer
	whatif.WritePaired(&out, "7", "3", d, "ru", true)
	require.Contains(t, out.String(), "● stage/DEAL/LOSE/items")
	require.NotContains(t, out.String(), "  arrived")
}

func TestRunsBounds(t *testing.T) {
	sc := poissonScenario(t, 1, 1)
	_, _, err := whatif.Replicate(context.Background(), sc, whatif.Options{}, whatif.MaxRuns+1, 0, nil)
	require.True(t, errors.Is(err, whatif.ErrTooMuchWork), "%v", err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err = whatif.Replicate(ctx, sc, whatif.Options{}, 3, 0, nil)
	require.ErrorIs(t, err, context.Canceled)
}

func TestParseSweep(t *testing.T) {
	sw, err := whatif.ParseSweep("whatif.events[0].probability=0.1:0.5:0.1")
	require.NoError(t, err)
	vals, err := sw.Values()
	require.NoError(t, err)
	require.Equal(t, []float64{0.1, 0.2, 0.3, 0.4, 0.5}, vals)
	sw, err = whatif.ParseSweep("robots[0].delay.value=1:7:2")
	require.NoError(t, err)
	vals, _ = sw.Values()
	require.Equal(t, []float64{1, 3, 5, 7}, vals)
	for in, want := range map[string]string{
		"robots[0].delay.value":          "expected PATH=FROM:TO:STEP",
		"x=1:2":                          "expected PATH=FROM:TO:STEP",
		"x=a:2:1":                        `FROM: expected a number, got "a"`,
		"x=1:2:0":                        "STEP: expected a number above 0",
		"x=3:2:1":                        "TO: expected a number ≥ FROM (3), got 2",
		"x=0:1000:1":                     "1001 points from 0 to 1000 in steps of 1; at most 200",
		"whatif.arrivals[0].perDay=1:2:": "STEP: expected a number",
	} {
		_, err := whatif.ParseSweep(in)
		require.ErrorContains(t, err, want, in)
	}
}

func TestParseSweepErrorsInRussian(t *testing.T) {
	for in, want := range map[string]string{
		"x=1:2":      "ожидалось ПУТЬ=ОТ:ДО:ШАГ, например robots[0].delay.value=1:5:1, а здесь \"x=1:2\"",
		"x=a:2:1":    `FROM: ожидалось число, а здесь "a"`,
		"x=1:2:0":    "STEP: ожидалось число больше 0, а здесь 0",
		"x=3:2:1":    "TO: ожидалось число ≥ FROM (3), а здесь 2",
		"x=0:1000:1": "1001 точек от 0 до 1000 с шагом 1; не больше 200",
	} {
		_, err := whatif.ParseSweep(in)
		var se *whatif.SweepError
		require.ErrorAs(t, err, &se, in)
		require.Equal(t, want, se.Message("ru"), in)
		require.True(t, strings.HasSuffix(err.Error(), se.Message("en")), in)
	}
	_, err := whatif.ParseSweep("x=0:1000:1")
	require.ErrorIs(t, err, whatif.ErrTooMuchWork)
	require.EqualError(t, err, "whatif: too many runs: 1001 points from 0 to 1000 in steps of 1; at most 200")
}

func TestSetNumber(t *testing.T) {
	doc := []byte(`{"a": [1, {"b c": 2.5, "d": "x"}], "e": {"f": 3}}`)
	out, err := whatif.SetNumber(doc, `a[1]["b c"]`, 7)
	require.NoError(t, err)
	require.Equal(t, `{"a": [1, {"b c": 7, "d": "x"}], "e": {"f": 3}}`, string(out))
	out, err = whatif.SetNumber(doc, "e.f", 0.25)
	require.NoError(t, err)
	require.Equal(t, `{"a": [1, {"b c": 2.5, "d": "x"}], "e": {"f": 0.25}}`, string(out))
	_, err = whatif.SetNumber(doc, `a[1].d`, 1)
	require.EqualError(t, err, `a[1].d: expected a number to vary, got "x"`)
	_, err = whatif.SetNumber(doc, `e`, 1)
	require.EqualError(t, err, `e: expected a number to vary, got an object`)
	_, err = whatif.SetNumber(doc, `a[2]`, 1)
	require.ErrorContains(t, err, `a[2]: no such value in the scenario`)
}

// TestSweepFlatLine varies the probability that a deal is closed by the
// manager: it changes the stages, not the arrivals, so "arrived" is the
// same at every point (common random numbers make it exactly flat) and
// every point is tied with the best.
func TestSweepFlatLine(t *testing.T) {
	doc, err := os.ReadFile(exampleA)
	require.NoError(t, err)
	sw, err := whatif.ParseSweep("whatif.events[2].probability=0.2:0.8:0.3")
	require.NoError(t, err)
	opt := whatif.Options{Days: 10}
	flat, err := whatif.RunSweep(context.Background(), doc, sw, opt, 3, "arrived", whatif.GoalMax, 0, nil)
	require.NoError(t, err)
	require.Len(t, flat.Points, 3)
	for _, p := range flat.Points[1:] {
		require.Equal(t, flat.Points[0].KPI, p.KPI)
		require.True(t, p.Tied)
		require.Equal(t, whatif.Estimate{}, p.VsBest)
	}
	require.Equal(t, 0, flat.Best)

	// The same sweep against a KPI it does drive: more customers paying
	// the invoice means more deals won, and the best point is the highest.
	won, err := whatif.RunSweep(context.Background(), doc, sw, opt, 3, "stage/DEAL/EXECUTING/items", whatif.GoalMax, 0, nil)
	require.NoError(t, err)
	require.Equal(t, 2, won.Best)
	require.Less(t, won.Points[0].KPI.Mean, won.Points[2].KPI.Mean)
	var out bytes.Buffer
	whatif.WriteSweep(&out, "x", sw, won, "en")
	require.Contains(t, out.String(), "Best point by stage/DEAL/EXECUTING/items (higher is better): whatif.events[2].probability = 0.8")
	require.Contains(t, out.String(), "★ 0.8")
}

func TestSweepErrors(t *testing.T) {
	doc, err := os.ReadFile(exampleA)
	require.NoError(t, err)
	ctx := context.Background()
	sw, _ := whatif.ParseSweep("robots[0].delay.value=1:2:0.5")
	_, err = whatif.RunSweep(ctx, doc, sw, whatif.Options{Days: 2}, 2, "", "", 0, nil)
	require.ErrorContains(t, err, "robots[0].delay.value = 1.5: ")
	require.ErrorContains(t, err, "robots[0].delay.value: expected an integer")
	sw, _ = whatif.ParseSweep("whatif.events[2].probability=0:1:0.01")
	_, err = whatif.RunSweep(ctx, doc, sw, whatif.Options{Days: 2}, 200, "", "", 0, nil)
	require.ErrorIs(t, err, whatif.ErrTooMuchWork)
	require.ErrorContains(t, err, "101 points × 200 runs = 20200 runs; at most 20000")
	sw, _ = whatif.ParseSweep("whatif.events[2].probability=0:1:0.5")
	_, err = whatif.RunSweep(ctx, doc, sw, whatif.Options{Days: 2}, 2, "stage/DEAL/NOPE/items", "", 0, nil)
	require.ErrorIs(t, err, whatif.ErrUnknownKPI)
	require.True(t, strings.Contains(err.Error(), "stage/DEAL/WON/items"), err.Error())
}
