package engine

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// benchScenario is the benchmark of the engine issue: a deal pipeline of 8
// stages with 40 triggers of mixed codes (half with two-clause conditions)
// and n items; with robots, every stage also has two robots.
func benchScenario(n int, robots bool) *Scenario {
	stages := []Stage{
		{ID: "NEW", Name: "Новая", Semantics: Process},
		{ID: "PREPARATION", Name: "Подготовка документов", Semantics: Process},
		{ID: "PREPAYMENT_INVOICE", Name: "Счёт на предоплату", Semantics: Process},
		{ID: "EXECUTING", Name: "В работе", Semantics: Process},
		{ID: "FINAL_INVOICE", Name: "Финальный счёт", Semantics: Process},
		{ID: "NEGOTIATION", Name: "Переговоры", Semantics: Process},
		{ID: "WON", Name: "Сделка успешна", Semantics: Success},
		{ID: "LOSE", Name: "Сделка провалена", Semantics: Failure},
	}
	codes := []string{"EMAIL_LINK", "CALL", "MISSED_CALL", "WEBFORM", "WEBHOOK", "EMAIL_READ", "OPENLINE", "GUEST_RETURN"}
	sc := &Scenario{
		Locale: "ru", Start: time.Date(2026, 1, 12, 9, 0, 0, 0, time.FixedZone("MSK", 3*3600)),
		Users:    []User{{ID: 1, Name: "Администратор"}},
		Entities: []Entity{{Type: "DEAL", Pipelines: []Pipeline{{ID: 0, Name: "Общая", Stages: stages}}}},
		Limits:   Limits{Steps: 1 << 40, Cascade: 50},
	}
	for i := 0; i < 40; i++ {
		t := Trigger{
			ID: fmt.Sprintf("t%d", i), Entity: "DEAL", Stage: stages[1+i%6].ID, Code: codes[i%len(codes)],
			AllowBackwards: i%5 == 0,
		}
		if i%2 == 0 {
			t.Condition = Condition{
				{Field: "OPPORTUNITY", Op: ">", Value: float64(10000 * (i % 7)), HasValue: true},
				{Field: "SOURCE_ID", Op: "!=", Value: "SPAM", HasValue: true},
			}
		}
		if t.Code == "EMAIL_LINK" {
			t.Settings = map[string]any{"url": "https://shop.example/"}
		}
		sc.Triggers = append(sc.Triggers, t)
	}
	if robots {
		for i, st := range stages[:6] {
			sc.Robots = append(sc.Robots,
				Robot{ID: fmt.Sprintf("r%da", i), Entity: "DEAL", Stage: st.ID, Type: RobotNotify, Params: map[string]any{"text": "новая стадия"}},
				Robot{ID: fmt.Sprintf("r%db", i), Entity: "DEAL", Stage: st.ID, Type: RobotUpdateFields,
					Params: map[string]any{"fields": map[string]any{"COMMENTS": st.ID}},
					Delay:  &Delay{Type: DelayAfter, Value: 2, Unit: "h"}})
		}
	}
	for i := 1; i <= n; i++ {
		sc.Items = append(sc.Items, Item{ID: i, Entity: "DEAL", Stage: stages[i%6].ID,
			Fields: map[string]any{"OPPORTUNITY": float64(1000 * (i % 97)), "SOURCE_ID": "WEB"}})
	}
	return sc
}

func benchEvents(n, items int) []Event {
	codes := []string{"EMAIL_LINK", "CALL", "MISSED_CALL", "WEBFORM", "WEBHOOK", "EMAIL_READ", "OPENLINE", "GUEST_RETURN"}
	r := rand.New(rand.NewPCG(1, 2))
	evs := make([]Event, n)
	for i := range evs {
		code := codes[r.IntN(len(codes))]
		var data map[string]any
		if code == "EMAIL_LINK" {
			data = map[string]any{"url": "https://shop.example/p/1"}
		}
		evs[i] = Event{Code: code, Target: fmt.Sprintf("DEAL_%d", 1+r.IntN(items)), Data: data}
	}
	return evs
}

func benchmarkEvents(b *testing.B, robots bool, opt Options) {
	sc := benchScenario(10000, robots)
	s, err := New(sc, opt)
	require.NoError(b, err)
	evs := benchEvents(1<<16, 10000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Fire(evs[i&(len(evs)-1)])
		if robots && i%64 == 0 {
			s.RunUntil(s.Now().Add(time.Hour))
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// The quiet runs keep a log of what changed state; the no-log runs are the
// engine alone, as what-if batch runs use it.
func BenchmarkEventsNoRobots(b *testing.B)        { benchmarkEvents(b, false, Options{Quiet: true}) }
func BenchmarkEventsWithRobots(b *testing.B)      { benchmarkEvents(b, true, Options{Quiet: true}) }
func BenchmarkEventsNoRobotsNoLog(b *testing.B)   { benchmarkEvents(b, false, Options{NoLog: true}) }
func BenchmarkEventsWithRobotsNoLog(b *testing.B) { benchmarkEvents(b, true, Options{NoLog: true}) }

// BenchmarkEventNoMove is the path of an event that moves nothing.
func BenchmarkEventNoMove(b *testing.B) {
	sc := benchScenario(10, false)
	// DEAL_5 sits in the last stage: every MISSED_CALL trigger is behind
	// it, and the one that may move back (t10) has a false condition.
	sc.Items[4].Stage = "LOSE"
	s, err := New(sc, Options{Quiet: true})
	require.NoError(b, err)
	ev := Event{Code: "MISSED_CALL", Target: "DEAL_5"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.nFired = 0
		s.Fire(ev)
	}
}

// BenchmarkFloor is the floor of a trigger engine (../shared/bench/floor):
// only the work no engine can skip for one event — find the item, scan the
// candidate triggers of the event's code in stage order, evaluate a
// two-clause condition on the item's field map. The engine's benchmarks
// are compared with it in the same run, as ratios.
func BenchmarkFloor(b *testing.B) {
	type trig struct {
		stage int
		field string
		min   float64
	}
	type floorItem struct {
		stage  int
		fields map[string]any
	}
	const nItems, nCodes = 10000, 8
	r := rand.New(rand.NewPCG(1, 1))
	items := make([]floorItem, nItems)
	for i := range items {
		items[i] = floorItem{stage: r.IntN(5), fields: map[string]any{"OPPORTUNITY": float64(r.IntN(200000)), "TITLE": "x", "UF_A": "yes"}}
	}
	cands := make([][]trig, nCodes) // per code, sorted by stage
	for c := range cands {
		for s := 0; s < 8; s++ {
			if r.IntN(2) == 0 {
				cands[c] = append(cands[c], trig{stage: s, field: "OPPORTUNITY", min: float64(r.IntN(100000))})
			}
		}
	}
	evItem := make([]int, 1<<16)
	evCode := make([]int, 1<<16)
	for i := range evItem {
		evItem[i], evCode[i] = r.IntN(nItems), r.IntN(nCodes)
	}
	moves := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i & (1<<16 - 1)
		it := &items[evItem[k]]
		for _, t := range cands[evCode[k]] {
			if t.stage <= it.stage {
				continue
			}
			v, _ := it.fields[t.field].(float64)
			if v > t.min && it.fields["UF_A"] == "yes" {
				moves++
				break
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	_ = moves
}
