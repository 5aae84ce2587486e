package whatif

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// benchScenario is the benchmark of the what-if issue: a deal pipeline of
// 8 stages with 40 triggers of mixed codes (half with conditions) and two
// robots per process stage (one immediate, one delayed), about 10 000
// arrivals over 90 days and about 100 000 model events.
func benchScenario() *engine.Scenario {
	stages := []engine.Stage{
		{ID: "NEW", Name: "Новая", Semantics: engine.Process},
		{ID: "PREPARATION", Name: "Подготовка документов", Semantics: engine.Process},
		{ID: "PREPAYMENT_INVOICE", Name: "Счёт на предоплату", Semantics: engine.Process},
		{ID: "EXECUTING", Name: "В работе", Semantics: engine.Process},
		{ID: "FINAL_INVOICE", Name: "Финальный счёт", Semantics: engine.Process},
		{ID: "NEGOTIATION", Name: "Переговоры", Semantics: engine.Process},
		{ID: "WON", Name: "Сделка успешна", Semantics: engine.Success},
		{ID: "LOSE", Name: "Сделка провалена", Semantics: engine.Failure},
	}
	codes := []string{"EMAIL_LINK", "CALL", "MISSED_CALL", "WEBFORM", "WEBHOOK", "EMAIL_READ", "OPENLINE", "GUEST_RETURN"}
	sc := &engine.Scenario{
		Locale: "ru", Start: time.Date(2026, 1, 12, 9, 0, 0, 0, time.FixedZone("MSK", 3*3600)),
		WorkTime: engine.WorkTime{Days: []int{1, 2, 3, 4, 5}, From: "09:00", To: "18:00"},
		Users:    []engine.User{{ID: 1, Name: "Администратор"}},
		Entities: []engine.Entity{{Type: "DEAL", Pipelines: []engine.Pipeline{{ID: 0, Name: "Общая", Stages: stages}}}},
		Limits:   engine.Limits{Steps: engine.DefaultLimitSteps, Cascade: engine.DefaultLimitCascade},
	}
	for i := 0; i < 40; i++ {
		t := engine.Trigger{
			ID: fmt.Sprintf("t%d", i), Entity: "DEAL", Stage: stages[1+i%7].ID, Code: codes[i%len(codes)],
			AllowBackwards: i%5 == 0,
		}
		if i%2 == 0 {
			t.Condition = engine.Condition{
				{Field: "OPPORTUNITY", Op: ">", Value: float64(10000 * (i % 7)), HasValue: true},
				{Field: "SOURCE_ID", Op: "!=", Value: "SPAM", HasValue: true},
			}
		}
		if t.Code == "EMAIL_LINK" {
			t.Settings = map[string]any{"url": "https://shop.example/"}
		}
		sc.Triggers = append(sc.Triggers, t)
	}
	for i, st := range stages[:6] {
		sc.Robots = append(sc.Robots,
			engine.Robot{ID: fmt.Sprintf("r%da", i), Entity: "DEAL", Stage: st.ID, Type: engine.RobotNotify, Params: map[string]any{"text": "новая стадия"}},
			engine.Robot{ID: fmt.Sprintf("r%db", i), Entity: "DEAL", Stage: st.ID, Type: engine.RobotUpdateFields,
				Params: map[string]any{"fields": map[string]any{"COMMENTS": st.ID}},
				Delay:  &engine.Delay{Type: engine.DelayAfter, Value: 2, Unit: "h"}})
	}
	sc.Robots = append(sc.Robots, engine.Robot{ID: "r-lose", Entity: "DEAL", Stage: "NEGOTIATION", Type: engine.RobotChangeStage,
		Params: map[string]any{"stage": "LOSE"}, Delay: &engine.Delay{Type: engine.DelayAfter, Value: 10, Unit: "d"}})
	m := &engine.WhatIf{Seed: 1, Days: 90}
	m.Arrivals = []engine.WhatIfArrival{{
		Entity: "DEAL", PerDay: 10000.0 / 90, Stage: engine.WhatIfValue{Kind: engine.WhatIfConst, Const: "NEW"},
		Weekdays: []float64{1, 1, 1, 1, 1, 0.5, 0.5},
		Fields: []engine.WhatIfField{
			{ID: "OPPORTUNITY", Value: engine.WhatIfValue{Kind: engine.WhatIfRange, Min: 1000, Max: 100000, Step: 1000}},
			{ID: "SOURCE_ID", Value: engine.WhatIfValue{Kind: engine.WhatIfChoice, Values: []any{"WEB", "CALL", "SPAM"}, Weights: []float64{5, 3, 1}}},
		},
	}}
	for i, st := range stages[:6] {
		m.Events = append(m.Events,
			engine.WhatIfEvent{Entity: "DEAL", Stage: st.ID, Code: codes[i%len(codes)], Probability: 1, PerDay: 0.25,
				Data: dataFor(codes[i%len(codes)])},
			engine.WhatIfEvent{Entity: "DEAL", Stage: st.ID, Code: codes[(i+3)%len(codes)], Probability: 0.4, Within: []string{"2h", "3d"},
				Data: dataFor(codes[(i+3)%len(codes)])},
		)
	}
	sc.WhatIf = m
	return sc
}

func dataFor(code string) map[string]any {
	if code == "EMAIL_LINK" {
		return map[string]any{"url": "https://shop.example/offer"}
	}
	return nil
}

func BenchmarkWhatIf10k90d(b *testing.B) {
	sc := benchScenario()
	b.ReportAllocs()
	var k *KPIs
	for b.Loop() {
		var err error
		k, err = Run(context.Background(), sc, Options{}, nil)
		require.NoError(b, err)
	}
	b.ReportMetric(float64(k.Arrived), "items")
	b.ReportMetric(float64(k.Events.Fired), "events")
	b.ReportMetric(float64(k.EngineSteps), "robotsteps")
}
