package whatif

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

func exampleScenario(t *testing.T) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile("../examples/11-whatif-schet-7dney.json")
	require.NoError(t, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err)
	return sc
}

// TestRunStepsGuard: a run that does more work than MaxRunSteps stops with
// a BudgetError instead of running on, and Run reports it instead of
// incomplete KPIs. (The guard is the last resort behind the estimate; the
// count is set near the limit rather than driving three million steps.)
func TestRunStepsGuard(t *testing.T) {
	r, err := NewRunner(exampleScenario(t), Options{Days: 30})
	require.NoError(t, err)
	require.True(t, r.Step(100))
	r.work = MaxRunSteps - 10
	for r.Step(3) {
	}
	var be *BudgetError
	require.True(t, errors.As(r.Err(), &be), "%v", r.Err())
	assert.Equal(t, "steps", be.Limit)
	assert.Equal(t, MaxRunSteps, be.Steps)
	assert.True(t, errors.Is(r.Err(), ErrBudget))
	assert.Contains(t, be.Message("en"), "the run was stopped on day 2 of 30: it did 3,000,000 events and robot steps")
	assert.Contains(t, be.Message("ru"), "прогон остановлен на 2-м дне из 30")
	assert.False(t, r.Step(1), "a stopped run stays stopped")
}

// TestEstimateBoundsTheRun: the estimate is an upper estimate of the
// events a run schedules and close to the items it creates, so the budget
// refuses what is really big and no more than a few times too early.
func TestEstimateBoundsTheRun(t *testing.T) {
	sc := exampleScenario(t)
	w := EstimateRun(sc, Options{})
	k, err := Run(context.Background(), sc, Options{}, nil)
	require.NoError(t, err)
	assert.InDelta(t, float64(k.Items), w.Items, 0.05*w.Items)
	assert.GreaterOrEqual(t, w.Events, float64(k.Events.Scheduled))
	assert.Less(t, w.Events, 5*float64(k.Events.Scheduled))

	bench := benchScenario()
	w = EstimateRun(bench, Options{})
	assert.InDelta(t, 10000, w.Items, 100)
	assert.InDelta(t, 137000, w.Events, 5000, "BenchmarkWhatIf10k90d fires 126 281 events")
}

// TestReplayBudget: a replayed history is sized by its rows and CREATE rows.
func TestReplayBudget(t *testing.T) {
	sc := exampleScenario(t)
	evs := make([]engine.Event, MaxItems+1)
	for i := range evs {
		evs[i] = engine.Event{Code: engine.CodeCreate, Target: "DEAL", Data: map[string]any{"stage": "NEW"}}
	}
	_, err := NewRunner(sc, Options{Replay: evs})
	var be *BudgetError
	require.True(t, errors.As(err, &be), "%v", err)
	assert.Equal(t, "items", be.Limit)
	assert.True(t, be.Replay)
	assert.True(t, strings.HasSuffix(be.Message("en"), "Shorten the event history or the horizon (days)."))
	assert.Contains(t, be.Message("ru"), "Сократите историю событий")
}

// TestCheckJobsAddsRuns: an experiment's work is the sum of its runs', its
// items at once one run's; one run more than MaxWork allows is refused.
func TestCheckJobsAddsRuns(t *testing.T) {
	sc := exampleScenario(t)
	one := EstimateRun(sc, Options{})
	jobs := SeedJobs(sc, Options{}, 30)
	w := EstimateJobs(jobs)
	assert.Equal(t, 30, w.Runs)
	assert.InDelta(t, 30*one.Work(), w.Work(), 1)
	assert.Equal(t, one.Items, w.Items, "items at once: one run's")
	require.NoError(t, CheckJobs(jobs))
	err := CheckJobs(SeedJobs(sc, Options{}, int(MaxWork/one.Work())+1))
	assert.ErrorIs(t, err, ErrBudget)
}

// TestModelCounts: a model's rules and fields are counted where they are
// read, since each one is drawn for every item.
func TestModelCounts(t *testing.T) {
	data, err := os.ReadFile("../examples/11-whatif-schet-7dney.json")
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	wi := doc["whatif"].(map[string]any)
	arrival := wi["arrivals"].([]any)[0].(map[string]any)
	fields := map[string]any{}
	for i := 0; i < 51; i++ {
		fields[fmt.Sprintf("UF_CRM_%d", i)] = i
	}
	arrival["fields"] = fields
	rule := wi["events"].([]any)[0]
	var rules []any
	for i := 0; i < 1001; i++ {
		rules = append(rules, rule)
	}
	wi["events"] = rules
	out, err := json.Marshal(doc)
	require.NoError(t, err)
	_, err = engine.ReadScenario(out)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "whatif.arrivals[0].fields: expected at most 50 fields, got 51")
	assert.Contains(t, err.Error(), "whatif.events: expected at most 1000 what-if events, got 1001")
}
