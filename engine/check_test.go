package engine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Check refuses what New refuses, with the same paths, without placing
// any item.
func TestCheck(t *testing.T) {
	base := func() *Scenario {
		return &Scenario{
			Locale: "ru", Start: time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC),
			Users:    []User{{ID: 1, Name: "A"}},
			Entities: []Entity{{Type: "DEAL", Pipelines: []Pipeline{DefaultPipeline("DEAL", "ru", 0)}}},
			Limits:   Limits{Steps: 100, Cascade: 10},
			Items:    []Item{{ID: 1, Entity: "DEAL", Stage: "NEW"}},
		}
	}
	err := Check(base())
	require.NoError(t, err, "a valid scenario")
	for _, tc := range []struct {
		name   string
		change func(sc *Scenario)
		want   string
	}{
		{"duplicate item", func(sc *Scenario) { sc.Items = append(sc.Items, Item{ID: 1, Entity: "DEAL", Stage: "WON"}) }, "items[1].id: duplicate item DEAL_1"},
		{"unknown stage", func(sc *Scenario) { sc.Items[0].Stage = "NOPE" }, `items[0].stage: unknown stage "NOPE" in DEAL`},
		{"unknown entity", func(sc *Scenario) { sc.Items[0].Entity = "LEAD" }, `items[0].entity: unknown entity type "LEAD"`},
		{"trigger stage", func(sc *Scenario) {
			sc.Triggers = []Trigger{{ID: "t", Entity: "DEAL", Stage: "NOPE", Code: "CALL"}}
		}, `triggers[0].stage: unknown stage "NOPE" in DEAL`},
	} {
		sc := base()
		tc.change(sc)
		err := Check(sc)
		assert.False(t, err == nil || err.Error() != tc.want, "%s: Check() = %v, want %q", tc.name, err, tc.want)
		_, nerr := New(sc, Options{})
		assert.False(t, nerr == nil || nerr.Error() != tc.want, "%s: New() = %v, want the same error as Check", tc.name, nerr)
	}
}

// Check and New's checks cost nothing per item beyond a map entry: the
// board opens ten thousand deals through both, in wasm, before its first
// render. The same id in two entity types is no duplicate.
func TestCheckAllocatesNothingPerItem(t *testing.T) {
	scenario := func(n int) *Scenario {
		sc := &Scenario{
			Locale: "ru", Start: time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC),
			Users: []User{{ID: 1, Name: "A"}},
			Entities: []Entity{
				{Type: "DEAL", Pipelines: []Pipeline{DefaultPipeline("DEAL", "ru", 0)}},
				{Type: "LEAD", Pipelines: []Pipeline{DefaultPipeline("LEAD", "ru", 0)}},
			},
			Limits: Limits{Steps: 100, Cascade: 10},
		}
		for i := 1; i <= n; i++ {
			sc.Items = append(sc.Items,
				Item{ID: i, Entity: "DEAL", Stage: "NEW", Fields: map[string]any{"TITLE": "x", "OPPORTUNITY": 1.0, "UF_NOTE": "y"}},
				Item{ID: i, Entity: "LEAD", Stage: "NEW"})
		}
		return sc
	}
	one, many := scenario(1), scenario(1000)
	require.NoError(t, Check(one))
	require.NoError(t, Check(many))
	base := testing.AllocsPerRun(5, func() { _ = Check(one) })
	n := testing.AllocsPerRun(5, func() { _ = Check(many) })
	assert.Less(t, n-base, 20.0, "Check allocates %v times for 2 000 items, %v for 2", n, base)
}
