package design_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/design"
	"github.com/triggersim/triggersim/engine"
)

func robotIDs(sc *engine.Scenario, typ, stage string) []string {
	var ids []string
	for _, r := range design.StageRobots(sc, typ, stage) {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestAddRobot(t *testing.T) {
	tests := []struct {
		name, typ, stage, robot string
		wantParams              map[string]any
		wantCode, wantRU        string
	}{
		{"change stage goes to the next stage", "DEAL", "NEW", engine.RobotChangeStage, map[string]any{"stage": "WORK"}, "", ""},
		{"change responsible: first user", "DEAL", "NEW", engine.RobotChangeResponsible, map[string]any{"user": 1}, "", ""},
		{"change pipeline: another pipeline", "DEAL", "NEW", engine.RobotChangePipeline, map[string]any{"pipeline": 1}, "", ""},
		{"task", "LEAD", "NEW", engine.RobotCreateTask, map[string]any{"title": "x"}, "", ""},
		{"email", "DEAL", "WON", engine.RobotSendEmail, map[string]any{"subject": "x"}, "", ""},
		{"update fields", "DEAL", "NEW", engine.RobotUpdateFields, map[string]any{"fields": map[string]any{"COMMENTS": "x"}}, "", ""},
		{"sms", "DEAL", "NEW", engine.RobotSendSms, map[string]any{"text": "x"}, "", ""},
		{"change pipeline is for deals", "LEAD", "NEW", engine.RobotChangePipeline, nil, "robot.type",
			"Робот ChangePipeline недоступен для типа LEAD."},
		{"unknown type", "DEAL", "NEW", "Nope", nil, "robot.type", "Робот Nope недоступен для типа DEAL."},
		{"unknown stage", "DEAL", "X", engine.RobotNotify, nil, "stage.unknown", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			params, err := design.DefaultParams(sc, tt.typ, tt.stage, tt.robot, "x")
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, tt.wantRU)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantParams, params)
			id, err := design.AddRobot(sc, engine.Robot{Entity: tt.typ, Stage: tt.stage, Type: tt.robot, Params: params,
				Delay: &engine.Delay{Type: engine.DelayAfter, Value: 1, Unit: "d"}})
			require.NoError(t, err)
			assert.Equal(t, "r4", id)
			valid(t, sc)
		})
	}
}

func TestChangePipelineNeedsAnotherPipeline(t *testing.T) {
	sc := load(t)
	require.NoError(t, design.AddEntity(sc, "SMART_INVOICE"))
	sc.Entities[0].Pipelines = sc.Entities[0].Pipelines[:1]
	_, err := design.DefaultParams(sc, "DEAL", "NEW", engine.RobotChangePipeline, "")
	wantRule(t, err, "robot.pipeline", "")
}

func TestAddRobotGoesLastOnItsStage(t *testing.T) {
	sc := load(t)
	id, err := design.AddRobot(sc, engine.Robot{Entity: "DEAL", Stage: "WORK", Type: engine.RobotNotify, Params: map[string]any{"text": "c"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"r1", "r2", id}, robotIDs(sc, "DEAL", "WORK"))
	assert.Equal(t, id, sc.Robots[2].ID, "inserted right after the stage's last robot, before r3")
}

func TestMoveRobot(t *testing.T) {
	tests := []struct {
		name     string
		id       string
		delta    int
		want     []string
		wantCode string
	}{
		{"down", "r1", 1, []string{"r2", "r1"}, ""},
		{"up", "r2", -1, []string{"r2", "r1"}, ""},
		{"top edge", "r1", -1, nil, "robot.edge"},
		{"bottom edge", "r2", 1, nil, "robot.edge"},
		{"unknown", "r9", 1, nil, "robot.unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			err := design.MoveRobot(sc, tt.id, tt.delta)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, "")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, robotIDs(sc, "DEAL", "WORK"))
			valid(t, sc)
		})
	}
}

func TestUpdateDeleteCopyRobot(t *testing.T) {
	sc := load(t)
	r := sc.Robots[0]
	r.Name = "Уведомить"
	r.AfterPrevious = true
	r.Entity = "LEAD" // ignored
	off := false
	r.Active = &off
	r.Condition = engine.Condition{{Field: "OPPORTUNITY", Op: ">=", Value: 5.0, HasValue: true}}
	require.NoError(t, design.UpdateRobot(sc, r))
	got, _ := sc.RobotByID("r1")
	assert.Equal(t, "DEAL", got.Entity)
	assert.Equal(t, "Уведомить", got.Name)

	id, err := design.CopyRobot(sc, "r1", "C1:NEW")
	require.NoError(t, err)
	assert.Equal(t, "r4", id)
	c, _ := sc.RobotByID(id)
	assert.Equal(t, "C1:NEW", c.Stage)
	*c.Active = true
	assert.False(t, *got.Active, "the copy shares nothing with the original")

	wantRule(t, design.DeleteRobot(sc, "r2"), "robot.expect", "Робота r2 удалить нельзя: его называет ожидание № 2.")
	require.NoError(t, design.DeleteRobot(sc, "r1"))
	wantRule(t, design.DeleteRobot(sc, "r1"), "robot.unknown", "Робота r1 нет.")
	r.ID = "r1"
	wantRule(t, design.UpdateRobot(sc, r), "robot.unknown", "")
	_, err = design.CopyRobot(sc, "r3", "CONVERTED")
	wantRule(t, err, "stage.unknown", "")
	valid(t, sc)
}

func TestAddStage(t *testing.T) {
	tests := []struct {
		name, typ string
		pid       int
		semantics string
		stageName string
		wantID    string
		wantOrder []string
		wantCode  string
		wantRU    string
	}{
		{"process goes before success", "DEAL", 0, engine.Process, "Счёт", "UC_1",
			[]string{"NEW", "WORK", "UC_1", "WON", "LOSE", "APOLOGY"}, "", ""},
		{"failure goes last", "DEAL", 1, engine.Failure, "Отказ", "C1:UC_1",
			[]string{"C1:NEW", "C1:WON", "C1:LOSE", "C1:UC_1"}, "", ""},
		{"second success", "DEAL", 0, engine.Success, "Ещё успех", "", nil, "stage.success",
			"В воронке уже есть успешная стадия «Успех», а она бывает только одна."},
		{"empty name", "DEAL", 0, engine.Process, "  ", "", nil, "stage.name", "Укажите название стадии."},
		{"unknown pipeline", "DEAL", 7, engine.Process, "X", "", nil, "pipeline.unknown", "Воронки 7 у типа DEAL нет."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			id, err := design.AddStage(sc, tt.typ, tt.pid, tt.semantics, tt.stageName)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, tt.wantRU)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantID, id)
			back := valid(t, sc)
			assert.Equal(t, tt.wantOrder, stageIDs(back, tt.typ, tt.pid))
		})
	}
}

func TestEditingADefaultedPipelineWritesIt(t *testing.T) {
	sc := load(t)
	lead := design.Entity(sc, "LEAD")
	require.True(t, lead.PipelinesDefaulted)
	require.NoError(t, design.UpdateStage(sc, "LEAD", "NEW", "Входящий", "#112233"))
	back := valid(t, sc)
	st, _, ok := back.FindStage("LEAD", "NEW")
	require.True(t, ok)
	assert.Equal(t, "Входящий", st.Name)
	assert.Equal(t, "#112233", st.Color)
}

func TestUpdateStage(t *testing.T) {
	sc := load(t)
	wantRule(t, design.UpdateStage(sc, "DEAL", "NEW", "", "#000000"), "stage.name", "")
	wantRule(t, design.UpdateStage(sc, "DEAL", "NEW", "A", "red"), "stage.color", "«red» — не цвет: нужен цвет вида #2FC6F6.")
	wantRule(t, design.UpdateStage(sc, "DEAL", "X", "A", ""), "stage.unknown", "")
	require.NoError(t, design.UpdateStage(sc, "DEAL", "NEW", "Начало", "#abcdef"))
	st, _, _ := sc.FindStage("DEAL", "NEW")
	assert.Equal(t, "#ABCDEF", st.Color)
}

func TestMoveStage(t *testing.T) {
	tests := []struct {
		name, id string
		delta    int
		want     []string
		wantCode string
		wantRU   string
	}{
		{"process right", "NEW", 1, []string{"WORK", "NEW", "WON", "LOSE", "APOLOGY"}, "", ""},
		{"failure left", "APOLOGY", -1, []string{"NEW", "WORK", "WON", "APOLOGY", "LOSE"}, "", ""},
		{"process past success", "WORK", 1, nil, "stage.move",
			"Стадию «В работе» туда передвинуть нельзя: стадии в работе стоят до успешной, провальные — после неё."},
		{"failure before success", "LOSE", -1, nil, "stage.move", ""},
		{"success fixed", "WON", -1, nil, "stage.successFixed", ""},
		{"left edge", "NEW", -1, nil, "stage.edge", "Стадия «Новая» уже стоит с краю."},
		{"right edge", "APOLOGY", 1, nil, "stage.edge", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			err := design.MoveStage(sc, "DEAL", tt.id, tt.delta)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, tt.wantRU)
				return
			}
			require.NoError(t, err)
			back := valid(t, sc)
			assert.Equal(t, tt.want, stageIDs(back, "DEAL", 0))
		})
	}
}

func TestSetSemantics(t *testing.T) {
	tests := []struct {
		name, typ string
		pid       int
		id, sem   string
		want      []string
		wantCode  string
		wantRU    string
	}{
		{"process to failure", "DEAL", 0, "NEW", engine.Failure, []string{"WORK", "WON", "NEW", "LOSE", "APOLOGY"}, "", ""},
		{"failure to process", "DEAL", 0, "APOLOGY", engine.Process, []string{"NEW", "WORK", "APOLOGY", "WON", "LOSE"}, "", ""},
		{"same", "DEAL", 0, "NEW", engine.Process, []string{"NEW", "WORK", "WON", "LOSE", "APOLOGY"}, "", ""},
		{"success is fixed", "DEAL", 0, "WON", engine.Failure, nil, "stage.successFixed", ""},
		{"no second success", "DEAL", 0, "NEW", engine.Success, nil, "stage.success", ""},
		{"last process stage", "DEAL", 1, "C1:NEW", engine.Failure, nil, "stage.lastProcess",
			"«Новая» — последняя стадия в работе, а в воронке должна остаться хотя бы одна."},
		{"bad semantics", "DEAL", 0, "NEW", "maybe", nil, "stage.semantics", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			err := design.SetSemantics(sc, tt.typ, tt.id, tt.sem)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, tt.wantRU)
				return
			}
			require.NoError(t, err)
			back := valid(t, sc)
			assert.Equal(t, tt.want, stageIDs(back, tt.typ, tt.pid))
		})
	}
}

func TestDeleteStage(t *testing.T) {
	tests := []struct {
		name, id   string
		prepare    func(sc *engine.Scenario)
		want       []string
		wantTrig   int
		wantRobots int
		wantCode   string
		wantRU     string
	}{
		{"with its triggers and robots", "WORK", nil, []string{"NEW", "WON", "LOSE", "APOLOGY"}, 0, 1, "", ""},
		{"items in it", "NEW", nil, nil, 1, 3, "stage.items",
			"Стадию «Новая» удалить нельзя: на ней есть элементы (DEAL_1). Сначала переведите их на другую стадию."},
		{"success", "WON", nil, nil, 1, 3, "stage.successFixed", ""},
		{"named by an event", "LOSE", nil, nil, 1, 3, "stage.events",
			"Стадию «Провал» удалить нельзя: её называет событие № 1 сценария (MOVE DEAL_1)."},
		{"target of a robot", "APOLOGY", nil, nil, 1, 3, "stage.robot",
			"Стадию «Анализ» удалить нельзя: на неё переводит робот r3. Сначала измените или удалите робота."},
		{"checked by an expectation", "APOLOGY", func(sc *engine.Scenario) {
			sc.Robots = sc.Robots[:2]
			sc.Expect = append(sc.Expect, engine.Expectation{Target: "DEAL_1", Stage: "APOLOGY"})
		}, nil, 1, 2, "stage.expect", "Стадию «Анализ» удалить нельзя: её проверяет ожидание № 3."},
		{"last process stage", "C1:NEW", nil, nil, 1, 3, "stage.lastProcess", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			if tt.prepare != nil {
				tt.prepare(sc)
			}
			if tt.id == "WORK" {
				sc.Expect = sc.Expect[:0]
				tr, rb := design.StageUsage(sc, "DEAL", "WORK")
				assert.Equal(t, [2]int{1, 2}, [2]int{tr, rb})
			}
			err := design.DeleteStage(sc, "DEAL", tt.id)
			assert.Len(t, sc.Triggers, tt.wantTrig)
			assert.Len(t, sc.Robots, tt.wantRobots)
			if tt.wantCode != "" {
				wantRule(t, err, tt.wantCode, tt.wantRU)
				return
			}
			require.NoError(t, err)
			back := valid(t, sc)
			assert.Equal(t, tt.want, stageIDs(back, "DEAL", 0))
		})
	}
}

func TestPipelines(t *testing.T) {
	sc := load(t)
	id, err := design.AddPipeline(sc, "DEAL", " Розница ")
	require.NoError(t, err)
	assert.Equal(t, 2, id)
	p := design.Pipeline(sc, "DEAL", 2)
	assert.Equal(t, "Розница", p.Name)
	assert.Equal(t, "C2:NEW", p.Stages[0].ID)

	_, err = design.AddPipeline(sc, "LEAD", "Второй")
	wantRule(t, err, "pipeline.single",
		"У типа LEAD в Битрикс24 только одна воронка: несколько бывает у сделок, счетов и смарт-процессов.")
	_, err = design.AddPipeline(sc, "DEAL", "")
	wantRule(t, err, "pipeline.name", "")

	require.NoError(t, design.RenamePipeline(sc, "DEAL", 2, "Опт-2"))
	assert.Equal(t, "Опт-2", design.Pipeline(sc, "DEAL", 2).Name)
	wantRule(t, design.RenamePipeline(sc, "DEAL", 9, "x"), "pipeline.unknown", "")
	valid(t, sc)

	_, err = design.AddTriggers(sc, "DEAL", "C2:NEW", []string{"CALL"})
	require.NoError(t, err)
	tr, rb := design.PipelineUsage(sc, "DEAL", 2)
	assert.Equal(t, [2]int{1, 0}, [2]int{tr, rb})
	require.NoError(t, design.DeletePipeline(sc, "DEAL", 2))
	assert.Nil(t, design.Pipeline(sc, "DEAL", 2))
	assert.Len(t, sc.Triggers, 1, "the pipeline's trigger went with it")
	valid(t, sc)
}

func TestDeletePipelineRules(t *testing.T) {
	tests := []struct {
		name     string
		typ      string
		id       int
		prepare  func(sc *engine.Scenario)
		wantCode string
		wantRU   string
	}{
		{"general pipeline", "DEAL", 0, nil, "pipeline.default",
			"Воронку «Общая» удалить нельзя: это общая воронка, она есть всегда."},
		{"items in it", "DEAL", 1, func(sc *engine.Scenario) {
			sc.Items = append(sc.Items, engine.Item{ID: 2, Entity: "DEAL", Stage: "C1:NEW"})
		}, "pipeline.items", "Воронку «Опт» удалить нельзя: в ней есть элементы (DEAL_2). Сначала перенесите их в другую воронку."},
		{"change pipeline robot", "DEAL", 1, func(sc *engine.Scenario) {
			sc.Robots = append(sc.Robots, engine.Robot{ID: "r9", Entity: "DEAL", Stage: "NEW", Type: engine.RobotChangePipeline,
				Params: map[string]any{"pipeline": 1}})
		}, "pipeline.robot", ""},
		{"unknown", "DEAL", 5, nil, "pipeline.unknown", ""},
		{"unknown entity", "QUOTE", 0, nil, "entity.unknown", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := load(t)
			if tt.prepare != nil {
				tt.prepare(sc)
			}
			wantRule(t, design.DeletePipeline(sc, tt.typ, tt.id), tt.wantCode, tt.wantRU)
		})
	}
}

func TestAddEntity(t *testing.T) {
	sc := load(t)
	assert.Equal(t, "DYNAMIC_128", design.NextDynamicType(sc))
	require.NoError(t, design.AddEntity(sc, "DYNAMIC_128"))
	assert.Equal(t, "DYNAMIC_129", design.NextDynamicType(sc))
	assert.Equal(t, "DT128_0:NEW", design.Entity(sc, "DYNAMIC_128").Pipelines[0].Stages[0].ID)
	wantRule(t, design.AddEntity(sc, "DEAL"), "entity.exists", "Тип DEAL уже есть в сценарии.")
	wantRule(t, design.AddEntity(sc, "DYNAMIC_5"), "entity.invalid", "")
	id, err := design.AddPipeline(sc, "DYNAMIC_128", "Вторая")
	require.NoError(t, err)
	assert.Equal(t, "DT128_1:NEW", design.Pipeline(sc, "DYNAMIC_128", id).Stages[0].ID)
	valid(t, sc)
}
