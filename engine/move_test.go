package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMoveStageIsUpdate: moveStage (a robot changing the stage, a user
// dragging a card) gives what update gives for {"STAGE_ID": stage}, entry
// for entry and in the item's state, for every kind of target: the item's
// own stage, another stage of its pipeline, another pipeline's stage for
// a deal (a move) and for what is not a deal (an error).
func TestMoveStageIsUpdate(t *testing.T) {
	sc, err := ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "locale": "en",
		"start": "2026-01-12T09:00:00+03:00", "users": [{"id": 1, "name": "Admin"}],
		"entities": [
			{"type": "DEAL", "pipelines": [
				{"id": 0, "name": "Sales", "stages": [{"id": "NEW", "name": "New", "semantics": "process"},
					{"id": "WORK", "name": "Work", "semantics": "process"}, {"id": "WON", "name": "Won", "semantics": "success"}]},
				{"id": 1, "name": "Service", "stages": [{"id": "C1:NEW", "name": "New", "semantics": "process"},
					{"id": "C1:DONE", "name": "Done", "semantics": "success"}]}]},
			{"type": "DYNAMIC_128", "pipelines": [
				{"id": 0, "name": "A", "stages": [{"id": "DT128_0:NEW", "name": "New", "semantics": "process"},
					{"id": "DT128_0:WORK", "name": "Work", "semantics": "success"}]},
				{"id": 1, "name": "B", "stages": [{"id": "DT128_1:NEW", "name": "New", "semantics": "process"},
					{"id": "DT128_1:DONE", "name": "Done", "semantics": "success"}]}]}],
		"triggers": [{"id": "t-field", "entity": "DEAL", "stage": "WON", "code": "FIELD_CHANGED"}],
		"robots": [{"id": "r-work", "entity": "DEAL", "stage": "WORK", "type": "Notify", "params": {"text": "in work"}}],
		"items": [{"id": 1, "entity": "DEAL", "stage": "NEW"}, {"id": 1, "entity": "DYNAMIC_128", "stage": "DT128_0:NEW"}]}`))
	require.NoError(t, err)
	tests := []struct{ target, stage string }{
		{"DEAL_1", "NEW"},
		{"DEAL_1", "WORK"},
		{"DEAL_1", "C1:DONE"},
		{"DYNAMIC_128_1", "DT128_0:NEW"},
		{"DYNAMIC_128_1", "DT128_0:WORK"},
		{"DYNAMIC_128_1", "DT128_1:NEW"},
	}
	for _, tc := range tests {
		t.Run(tc.target+" to "+tc.stage, func(t *testing.T) {
			run := func(move func(s *Sim, it *item, ref stageRef)) ([]LogEntry, ItemState) {
				s, err := New(sc, Options{})
				require.NoError(t, err)
				it := s.byTarget[tc.target]
				require.NotNil(t, it)
				ref, ok := it.em.stage(tc.stage)
				require.True(t, ok)
				move(s, it, ref)
				s.RunUntil(sc.Start.Add(3600e9))
				got, ok := s.Item(tc.target)
				require.True(t, ok)
				return s.Log(), got
			}
			wantLog, wantItem := run(func(s *Sim, it *item, ref stageRef) {
				s.update(it, map[string]any{"STAGE_ID": tc.stage}, 1, "")
			})
			gotLog, gotItem := run(func(s *Sim, it *item, ref stageRef) { s.moveStage(it, ref, 1, "") })
			assert.Equal(t, wantLog, gotLog)
			assert.Equal(t, wantItem, gotItem)
		})
	}
}

// TestBlocksKeepItemsApart: the counters and pending lists cut from a
// shared block (countBlock, pendingList) never overlap, and a list that
// outgrows its room moves instead of writing into the next one's.
func TestBlocksKeepItemsApart(t *testing.T) {
	s := &Sim{}
	a, b := s.countBlock(3), s.countBlock(3)
	a[2]++
	a = append(a, 7)
	assert.Equal(t, []int{0, 0, 0}, b, "b is apart from a")
	assert.Equal(t, []int{0, 0, 1, 7}, a)
	big := s.countBlock(blockInts + 1)
	assert.Len(t, big, blockInts+1, "a request over the block's size gets its own")

	p, q := s.pendingList(), s.pendingList()
	t1, t2 := &task{}, &task{}
	for range 5 {
		p = append(p, t1)
	}
	q = append(q, t2)
	assert.Equal(t, []*task{t1, t1, t1, t1, t1}, p)
	assert.Equal(t, []*task{t2}, q, "q keeps its own room though p outgrew its")
	for range blockTasks {
		s.pendingList()
	}
	assert.Empty(t, s.pendingList(), "a new block when one is used up")
}
