package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// find must answer exactly as the byTarget map does, for every form of
// target an event may name, including items created during the run and
// ids too large for the dense index.
func TestFindMatchesByTarget(t *testing.T) {
	sc := benchScenario(20, false)
	sc.Items = append(sc.Items, Item{ID: 5_000_000, Entity: "DEAL", Stage: "NEW"})
	s, err := New(sc, Options{NoLog: true})
	require.NoError(t, err)
	s.Fire(Event{Code: CodeCreate, Target: "DEAL", Data: map[string]any{"stage": "NEW"}})
	require.NotNil(t, s.byTarget["DEAL_5000001"], "the created deal takes the next id")
	for _, target := range []string{"DEAL_1", "DEAL_20", "DEAL_21", "DEAL_5000000", "DEAL_5000001",
		"DEAL_05", "DEAL_0", "DEAL_", "DEAL", "_1", "LEAD_1", "DEAL_1_", "DEAL_-1", "DEAL_1x", ""} {
		assert.Same(t, s.byTarget[target], s.find(target), "target %q", target)
	}
}
