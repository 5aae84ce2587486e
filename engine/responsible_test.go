package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTriggerMovesAsCurrentResponsible checks that a trigger executing as
// the responsible moves as whoever ASSIGNED_BY_ID names at that moment:
// the field given at creation, then each value an update writes (a value
// that is not a number is no user, 0).
func TestTriggerMovesAsCurrentResponsible(t *testing.T) {
	stages := []Stage{{ID: "A", Semantics: Process}, {ID: "B", Semantics: Process}, {ID: "C", Semantics: Process}}
	sc := &Scenario{
		Locale: "en", Start: benchScenario(0, false).Start,
		Users:    []User{{ID: 1, Name: "Admin"}, {ID: 2, Name: "Ann"}, {ID: 3, Name: "Bob"}},
		Entities: []Entity{{Type: "DEAL", Pipelines: []Pipeline{{ID: 0, Name: "P", Stages: stages}}}},
		Triggers: []Trigger{
			{ID: "toB", Entity: "DEAL", Stage: "B", Code: "CALL", AllowBackwards: true},
			{ID: "toC", Entity: "DEAL", Stage: "C", Code: "WEBHOOK", AllowBackwards: true},
		},
		Items:  []Item{{ID: 1, Entity: "DEAL", Stage: "A", Fields: map[string]any{"ASSIGNED_BY_ID": float64(2)}}},
		Limits: Limits{Steps: DefaultLimitSteps, Cascade: DefaultLimitCascade},
	}
	s, err := New(sc, Options{})
	require.NoError(t, err)
	movedBy := func(ev Event) int {
		t.Helper()
		s.Fire(ev)
		by := -1
		for _, e := range s.RawLog() {
			if e.Type == LogTrigger {
				require.NotNil(t, e.By)
				by = *e.By
			}
		}
		s.TrimLog()
		return by
	}
	update := func(v any) {
		s.Fire(Event{Code: CodeUpdate, Target: "DEAL_1", Data: map[string]any{"fields": map[string]any{"ASSIGNED_BY_ID": v}}})
		s.TrimLog()
	}
	assert.Equal(t, 2, movedBy(Event{Code: "CALL", Target: "DEAL_1"}))
	update(float64(3))
	assert.Equal(t, 3, movedBy(Event{Code: "WEBHOOK", Target: "DEAL_1"}))
	update("nobody")
	assert.Equal(t, 0, movedBy(Event{Code: "CALL", Target: "DEAL_1"}))

	// A created item without ASSIGNED_BY_ID is its creator's.
	s.Fire(Event{Code: CodeCreate, Target: "DEAL", By: 3, Data: map[string]any{"stage": "A"}})
	s.TrimLog()
	assert.Equal(t, 3, movedBy(Event{Code: "CALL", Target: "DEAL_2"}))
}
