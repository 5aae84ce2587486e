package whatiflab

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/whatif"
)

func example(t *testing.T, name string) *engine.Scenario {
	t.Helper()
	ex, ok := examples.Find(name)
	require.True(t, ok, name)
	sc, err := engine.ReadScenario(ex.Data)
	require.NoError(t, err)
	return sc
}

// fakeClock advances by step on every reading.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(step); return t }
}

func TestRunAlone(t *testing.T) {
	a := example(t, "11-whatif-schet-7dney")
	lab := Lab{Now: fakeClock(5 * time.Millisecond), Every: time.Nanosecond}
	var seen []Progress
	res, err := lab.Run(context.Background(), a, nil, whatif.Options{Days: 14}, func(p Progress) { seen = append(seen, p) })
	require.NoError(t, err)
	require.NotNil(t, res.A)
	assert.Nil(t, res.B)
	assert.Positive(t, res.Elapsed)
	require.NotEmpty(t, seen)
	for i, p := range seen {
		assert.Equal(t, 0, p.Variant)
		assert.Equal(t, 14, p.Days)
		if i > 0 {
			assert.GreaterOrEqual(t, p.Percent, seen[i-1].Percent)
		}
	}

	want, err := whatif.Run(context.Background(), a, whatif.Options{Days: 14}, nil)
	require.NoError(t, err)
	assert.Equal(t, want, res.A, "the lab runs what whatif.Run runs")
}

// A and B run on the same traffic: the lab gives what whatif.RunAB gives.
func TestRunAB(t *testing.T) {
	a, b := example(t, "11-whatif-schet-7dney"), example(t, "11-whatif-schet-3dnya")
	opt := whatif.Options{Days: 10, Seed: 3, SeedSet: true}
	var last Progress
	sawB := false
	res, err := Lab{Every: time.Nanosecond}.Run(context.Background(), a, b, opt, func(p Progress) {
		last = p
		sawB = sawB || p.Variant == 1
	})
	require.NoError(t, err)
	ka, kb, diff, err := whatif.RunAB(context.Background(), a, b, opt, nil)
	require.NoError(t, err)
	assert.Equal(t, ka, res.A)
	assert.Equal(t, kb, res.B)
	assert.Equal(t, diff, res.Diff)
	assert.True(t, sawB, "progress names variant B while it runs")
	assert.Equal(t, 10, last.Days)
}

func TestRunCancelled(t *testing.T) {
	a, b := example(t, "11-whatif-schet-7dney"), example(t, "11-whatif-schet-3dnya")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Lab{Every: time.Nanosecond}.Run(ctx, a, b, whatif.Options{Days: 30}, func(Progress) { cancel() })
	assert.ErrorIs(t, err, context.Canceled)
}

func TestRunWithoutModel(t *testing.T) {
	a := example(t, "01-oplata-scheta")
	_, err := Lab{}.Run(context.Background(), a, a, whatif.Options{}, nil)
	assert.ErrorIs(t, err, whatif.ErrNoModel)
}

func TestMeasure(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		name        string
		done, total time.Duration
		ab          bool
		elapsed     time.Duration
		want        Progress
	}{
		{"start", 0, 10 * day, false, 0, Progress{Days: 10}},
		{"too early for an estimate", 5 * day, 10 * day, false, 100 * time.Millisecond, Progress{Percent: 50, Day: 5, Days: 10}},
		{"half way", 5 * day, 10 * day, false, time.Second, Progress{Percent: 50, Day: 5, Days: 10, Left: time.Second}},
		{"A of A/B", 3 * day, 20 * day, true, time.Second, Progress{Percent: 15, Day: 3, Days: 10, Left: leftAfter(time.Second, 0.15)}},
		{"B of A/B", 15 * day, 20 * day, true, 3 * time.Second, Progress{Percent: 75, Variant: 1, Day: 5, Days: 10, Left: time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, measure(tt.done, tt.total, tt.ab, tt.elapsed))
		})
	}
}

func TestOptions(t *testing.T) {
	opt := Options(" 3 ", "99999", "en", nil)
	assert.True(t, opt.SeedSet)
	assert.Equal(t, 3, opt.Seed)
	assert.Equal(t, MaxDays, opt.Days)
	opt = Options("-1", "zero", "ru", nil)
	assert.False(t, opt.SeedSet)
	assert.Zero(t, opt.Days)
	opt = Options("0", "0", "ru", nil)
	assert.True(t, opt.SeedSet, "0 is a seed")
	assert.Zero(t, opt.Days, "0 days is no horizon")
}

func TestTiles(t *testing.T) {
	a := &whatif.KPIs{Items: 1200, Events: whatif.EventTotals{Fired: 40},
		NoMove: whatif.NoMove{Share: 0.25},
		Stages: []whatif.StageKPI{{Semantics: engine.Success, Items: 10}, {Semantics: engine.Process, Items: 99}},
		Loops:  []whatif.LoopKPI{{Count: 2}}}
	assert.Nil(t, Tiles(nil, nil, "ru"))

	alone := Tiles(a, nil, "ru")
	require.Len(t, alone, 5)
	assert.Equal(t, Tile{Key: "whatif.sum.items", A: "1\u202f200"}, alone[0])
	assert.Equal(t, "10", alone[2].A, "only success stages count")
	assert.Equal(t, "2", alone[4].A)

	b := *a
	b.Stages = []whatif.StageKPI{{Semantics: engine.Success, Items: 14}}
	b.NoMove.Share = 0.125
	b.Loops = []whatif.LoopKPI{{Count: 5}}
	got := Tiles(a, &b, "en")
	assert.Equal(t, Tile{Key: "whatif.sum.items", A: "1,200", B: "1,200"}, got[0], "equal: no delta, no tone")
	assert.Equal(t, Tile{Key: "whatif.sum.success", A: "10", B: "14", Delta: "+4", Tone: 1}, got[2])
	assert.Equal(t, -1, got[4].Tone, "more loops is worse")
	assert.Equal(t, 1, got[3].Tone, "fewer unmoved items is better")
	assert.Equal(t, "−12.5\u00a0pp", got[3].Delta)
	assert.Equal(t, "−12,5\u00a0п.\u00a0п.", Tiles(a, &b, "ru")[3].Delta)
}

func leftAfter(elapsed time.Duration, frac float64) time.Duration {
	return time.Duration(float64(elapsed) * (1 - frac) / frac)
}
