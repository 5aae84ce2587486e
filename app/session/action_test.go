package session_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage/faultstore"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/engine"
)

// TestEveryDesignerActionIsOneVersion follows the designer's calls for each
// user action (two-step ones through Begin, as designer-page.go does) and
// checks that each adds exactly one version, and that confirming something
// unchanged adds none.
func TestEveryDesignerActionIsOneVersion(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, memory.New())
	id, err := s.Create(ctx, session.Blank("Тест", "ru"))
	require.NoError(t, err)

	stored := func() int {
		rec, err := s.Store().GetScenario(ctx, id)
		require.NoError(t, err)
		return rec.Revision
	}
	var trig, robot, stage string
	steps := []struct {
		name     string
		begin    func(sc *engine.Scenario) error // the first step of a two-step action
		edit     func(sc *engine.Scenario) error // the action, or its dialog's save
		finish   bool                            // the dialog closed without a save
		versions int
	}{
		{"add a trigger and save its settings", func(sc *engine.Scenario) error {
			ids, err := design.AddTriggers(sc, "DEAL", "NEW", []string{"CALL"})
			if err == nil {
				trig = ids[0]
			}
			return err
		}, func(sc *engine.Scenario) error {
			tr, _ := sc.TriggerByID(trig)
			t := *tr
			t.Name = "Звонок"
			return design.UpdateTrigger(sc, t)
		}, false, 1},
		{"add a trigger and close its settings", func(sc *engine.Scenario) error {
			_, err := design.AddTriggers(sc, "DEAL", "PREPARATION", []string{"EMAIL"})
			return err
		}, nil, true, 1},
		{"add two triggers from the catalogue", nil, func(sc *engine.Scenario) error {
			_, err := design.AddTriggers(sc, "DEAL", "EXECUTING", []string{"CALL", "WEBFORM"})
			return err
		}, false, 1},
		{"add a robot and save its settings", func(sc *engine.Scenario) error {
			params, err := design.DefaultParams(sc, "DEAL", "NEW", engine.RobotNotify, "Привет")
			if err != nil {
				return err
			}
			robot, err = design.AddRobot(sc, engine.Robot{Entity: "DEAL", Stage: "NEW", Type: engine.RobotNotify, Params: params})
			return err
		}, func(sc *engine.Scenario) error {
			r, _ := sc.RobotByID(robot)
			x := *r
			x.Name = "Напомнить"
			return design.UpdateRobot(sc, x)
		}, false, 1},
		{"edit the robot", nil, func(sc *engine.Scenario) error {
			r, _ := sc.RobotByID(robot)
			x := *r
			x.Delay = &engine.Delay{Type: engine.DelayAfter, Value: 1, Unit: "d"}
			return design.UpdateRobot(sc, x)
		}, false, 1},
		{"save the robot unchanged", nil, func(sc *engine.Scenario) error {
			r, _ := sc.RobotByID(robot)
			return design.UpdateRobot(sc, *r)
		}, false, 0},
		{"rename the title", nil, func(sc *engine.Scenario) error { sc.Title = "Новое имя"; return nil }, false, 1},
		{"confirm the same title", nil, func(sc *engine.Scenario) error { sc.Title = "Новое имя"; return nil }, false, 0},
		{"add a stage and name it", func(sc *engine.Scenario) error {
			var err error
			stage, err = design.AddStage(sc, "DEAL", 0, engine.Process, "Новая стадия")
			return err
		}, func(sc *engine.Scenario) error {
			return design.UpdateStage(sc, "DEAL", stage, "Согласование", "")
		}, false, 1},
		{"delete the trigger", nil, func(sc *engine.Scenario) error { return design.DeleteTrigger(sc, trig) }, false, 1},
		{"delete the robot", nil, func(sc *engine.Scenario) error { return design.DeleteRobot(sc, robot) }, false, 1},
		{"rename the pipeline", nil, func(sc *engine.Scenario) error { return design.RenamePipeline(sc, "DEAL", 0, "Продажи") }, false, 1},
	}
	for _, st := range steps {
		before := stored()
		if st.begin != nil {
			require.NoError(t, s.Begin(ctx, st.begin), st.name)
			assert.True(t, s.Pending(), st.name)
			assert.True(t, s.HasUnsaved(), "%s: the placed item is not stored yet", st.name)
			assert.Equal(t, before, stored(), "%s: the first step is no version of its own", st.name)
		}
		if st.edit != nil {
			require.NoError(t, s.Edit(ctx, st.edit), st.name)
		}
		if st.finish {
			require.NoError(t, s.Finish(ctx), st.name)
		}
		assert.False(t, s.Pending(), st.name)
		assert.True(t, s.Doc().Saved, st.name)
		assert.Equal(t, before+st.versions, stored(), "%s: versions", st.name)
		assert.Equal(t, before+st.versions, s.Doc().Revision, "%s: the header's version", st.name)
	}
}

// TestActionIsOneUndoStep: one undo takes a two-step action back whole,
// one redo restores it whole.
func TestActionIsOneUndoStep(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, memory.New())
	_, err := s.Create(ctx, session.Blank("Тест", "ru"))
	require.NoError(t, err)
	var id string
	require.NoError(t, s.Begin(ctx, func(sc *engine.Scenario) error {
		ids, err := design.AddTriggers(sc, "DEAL", "NEW", []string{"CALL"})
		id = ids[0]
		return err
	}))
	require.NoError(t, s.Edit(ctx, func(sc *engine.Scenario) error {
		tr, _ := sc.TriggerByID(id)
		x := *tr
		x.Name = "Звонок"
		return design.UpdateTrigger(sc, x)
	}))
	require.NoError(t, s.Undo(ctx))
	assert.Empty(t, s.Scenario().Triggers)
	assert.False(t, s.CanUndo())
	require.NoError(t, s.Redo(ctx))
	require.Len(t, s.Scenario().Triggers, 1)
	assert.Equal(t, "Звонок", s.Scenario().Triggers[0].Name)

	// An invalid second step keeps the action open and the placed trigger.
	require.NoError(t, s.Begin(ctx, func(sc *engine.Scenario) error {
		_, err := design.AddTriggers(sc, "DEAL", "NEW", []string{"EMAIL"})
		return err
	}))
	err = s.Edit(ctx, func(sc *engine.Scenario) error { sc.Triggers[1].Stage = "NOPE"; return nil })
	require.ErrorIs(t, err, engine.ErrInvalid)
	assert.True(t, s.Pending())
	assert.Len(t, s.Scenario().Triggers, 2)
	// Undo during the action takes the placed trigger back.
	require.NoError(t, s.Undo(ctx))
	assert.False(t, s.Pending())
	assert.Len(t, s.Scenario().Triggers, 1)
}

// TestActionLeftOpenIsSaved: opening or creating another scenario saves an
// action still open, so nothing placed is lost.
func TestActionLeftOpenIsSaved(t *testing.T) {
	ctx := context.Background()
	s := newSession(t, memory.New())
	first, err := s.Create(ctx, session.Blank("Первый", "ru"))
	require.NoError(t, err)
	require.NoError(t, s.Begin(ctx, retitle("Первый, правка")))
	_, err = s.Create(ctx, session.Blank("Второй", "ru"))
	require.NoError(t, err)
	assert.False(t, s.Pending())
	assert.Equal(t, "Первый, правка", storedTitle(t, s, first))

	require.NoError(t, s.Begin(ctx, retitle("Второй, правка")))
	second := s.Doc().ID
	require.NoError(t, s.Open(ctx, first))
	assert.Equal(t, "Второй, правка", storedTitle(t, s, second))
	assert.Equal(t, "Первый, правка", s.Scenario().Title)
}

// TestActionWhoseSaveFailsIsKeptAndRetried: the unsaved-edit machinery
// covers a two-step action like any edit.
func TestActionWhoseSaveFailsIsKeptAndRetried(t *testing.T) {
	ctx := context.Background()
	s, fs, clock := faulty(t)
	id, err := s.Create(ctx, session.Blank("Тест", "ru"))
	require.NoError(t, err)
	require.NoError(t, s.Begin(ctx, retitle("Шаг 1")))
	fs.Fail(faultstore.ErrQuota)
	err = s.Edit(ctx, func(sc *engine.Scenario) error { sc.Description = "шаг 2"; return nil })
	require.ErrorIs(t, err, session.ErrNotSaved)
	assert.False(t, s.Pending(), "the action is complete; its save is what failed")
	assert.True(t, s.OpenUnsaved())
	u, ok := s.UnsavedOf(id)
	require.True(t, ok)
	assert.Equal(t, 1, u.Attempts)

	fs.Heal()
	clock.Advance(session.RetryFirst)
	_, ok = s.UnsavedOf(id)
	assert.False(t, ok, "the retry saved it")
	assert.Equal(t, "Шаг 1", storedTitle(t, s, id))
	assert.Equal(t, 2, s.Doc().Revision, "one version for the whole action")

	// Finish whose save fails: the same.
	require.NoError(t, s.Begin(ctx, retitle("Шаг 3")))
	fs.Fail(faultstore.ErrBroken)
	require.ErrorIs(t, s.Finish(ctx), session.ErrNotSaved)
	_, ok = s.UnsavedOf(id)
	assert.True(t, ok)
	fs.Heal()
	require.NoError(t, s.Retry(ctx, id))
	assert.Equal(t, "Шаг 3", storedTitle(t, s, id))
	assert.Equal(t, 3, s.Doc().Revision)
}
