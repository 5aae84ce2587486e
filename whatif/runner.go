package whatif

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/text"
)

// ErrNoModel is returned when a scenario has no "whatif" section and no
// event history is given to replay.
var ErrNoModel = errors.New("whatif: the scenario has no \"whatif\" traffic model")

// Options tune a run.
type Options struct {
	// Seed replaces the model's seed when SeedSet is true.
	Seed    int
	SeedSet bool
	// Days replaces the model's horizon when above 0.
	Days int
	// Lang is the language of reason texts ("ru", "en"; "" = the
	// scenario's locale).
	Lang string
	// Model replaces the scenario's own traffic model: an A/B comparison
	// runs variant B with variant A's model.
	Model *engine.WhatIf
	// Replay, when not nil, is a recorded event history (ReplayCSV) that
	// is run instead of the model's traffic. Without Days the horizon ends
	// at the end of the day of the last event.
	Replay []engine.Event
	// Trace keeps every stage entry of the run (Runner.Trace).
	Trace bool
}

// Entry kinds of the runner's queue.
const (
	kindArrival = iota
	kindItemEvent
	kindReplay
)

// entry is something the runner will fire: an arrival, a model event on
// one item's visit to a stage, or a replayed event.
type entry struct {
	at    int64 // Unix nanoseconds: cheaper to compare than time.Time
	seq   uint64
	kind  uint8
	rule  int32 // arrival or event rule; replay index
	item  int32
	epoch uint32
	pcg   rand.PCG // the rest of a perDay stream
	// arrival
	stage   any // a stage id (a string), boxed once: the event's data takes it as any
	fields  map[string]any
	contact int
}

// track is what the runner knows about one item.
type track struct {
	target  string
	entity  int // index into Runner.entities
	contact int
	stage   int // global stage index, -1 before it exists
	epoch   uint32
	entered time.Time
	visits  []uint16 // entries per local stage index
	order   []uint8  // local stage indexes in order of first entry
}

// stageInfo is one stage of the scenario.
type stageInfo struct {
	entity   int
	local    int // index within the entity's stages
	pipeline int // index within the entity's pipelines
	pos      int // order within the pipeline
	st       engine.Stage
	pid      int
	// counters
	entered, items, left, live int
	durations                  []int64
	daily                      []int
	rules                      []int // event rules for this stage
}

type entityInfo struct {
	typ    string
	first  int // global index of its first stage
	stages int
}

type codeCount struct{ scheduled, fired, dropped, noMove int }

type reasonAgg struct {
	why     engine.Reason
	trigger string
	count   int
	first   int // order of first appearance, for stable ties
}

// Runner runs one what-if simulation in slices: call Step until it returns
// false, then KPIs. It is not safe for concurrent use.
type Runner struct {
	sc      *engine.Scenario
	model   *engine.WhatIf
	sim     *engine.Sim
	lang    string
	seed    uint64
	days    int
	start   time.Time
	end     time.Time
	endNS   int64
	startNS int64
	loc     *time.Location

	queue queue // by (at, seq)
	seq   uint64
	spare []*entry           // entries that have run, for reuse
	why   []*engine.LogEntry // consume's list of reasons, reused

	// arrivals, generated one hour slot at a time
	slots    int
	nextSlot int
	arrPCG   []rand.PCG
	arrRate  [][7 * 24]float64 // per rule: mean arrivals per hour slot by weekday and hour
	contact  int               // last contact id given out

	replay []engine.Event

	entities []entityInfo
	entIdx   map[string]int
	stages   []stageInfo
	stageIdx map[string]int // entity + "\x00" + stage id
	items    []track
	// what carve has left of its chunks
	visitChunk []uint16
	orderChunk []uint8
	byTarget   map[string]int32   // items not in dense (itemOf)
	dense      [][]int32          // by entity index and id: item index + 1, 0 for none
	within     [][2]time.Duration // by event rule: WithinRange, parsed once

	nextDay int

	arrived     int
	totals      EventTotals
	byCode      map[string]*codeCount
	trigs       map[string]*trigTally  // by trigger id (trig)
	trigCache   [cacheSlots]*trigTally // trig's last ones, by cacheSlot
	robotCache  [cacheSlots]*RobotKPI  // robot's last ones, by cacheSlot
	reasonCache [cacheSlots]*reasonAgg // tallyReason's last ones
	ruleCC      []*codeCount           // by event rule: its code's count (ruleCount)
	robots      map[string]*RobotKPI
	loops       map[string]*LoopKPI
	loopOrder   []string
	errs        map[reasonKey]*reasonAgg
	noMove      int
	reasons     map[reasonKey]*reasonAgg
	reasonSeq   int
	engineStep  int

	created int32 // item created by the last arrival, -1 when none
	done    bool
	kpis    *KPIs
	work    int   // units of work done: fired entries and engine steps
	err     error // why the run stopped early (a *BudgetError), or nil

	flows   map[int]*flowRule // flow.go: by global stage index
	tracing bool
	trace   []Step
}

// NewRunner prepares a run of sc. The scenario is not changed; its script
// events and expectations are not used (the model makes the traffic), its
// items, triggers, robots, work time and cascade limit are.
func NewRunner(sc *engine.Scenario, opt Options) (*Runner, error) {
	model := opt.Model
	if model == nil {
		model = sc.WhatIf
	}
	if model == nil && opt.Replay == nil {
		return nil, ErrNoModel
	}
	if opt.Replay != nil && len(opt.Replay) == 0 {
		return nil, ErrNoEvents
	}
	if err := CheckBudget(EstimateRun(sc, opt), opt.Replay != nil); err != nil {
		return nil, err
	}
	if opt.Replay != nil {
		// A history is the whole traffic: the model's arrivals and
		// events are not drawn.
		seed := 0
		if model != nil {
			seed = model.Seed
		}
		model = &engine.WhatIf{Seed: seed}
	}
	if opt.Model != nil && opt.Replay == nil {
		if err := CheckModel(sc, opt.Model); err != nil {
			return nil, err
		}
	}
	r := &Runner{
		model: model, replay: opt.Replay,
		entIdx: map[string]int{}, stageIdx: map[string]int{}, byTarget: map[string]int32{},
		byCode: map[string]*codeCount{}, trigs: map[string]*trigTally{},
		robots: map[string]*RobotKPI{}, loops: map[string]*LoopKPI{}, errs: map[reasonKey]*reasonAgg{},
		reasons: map[reasonKey]*reasonAgg{}, created: -1, tracing: opt.Trace,
	}
	r.seed = uint64(model.Seed)
	if opt.SeedSet {
		r.seed = uint64(opt.Seed)
	}
	r.days = model.Horizon()
	if opt.Replay != nil && opt.Days <= 0 {
		r.days = replayDays(sc, opt.Replay)
	}
	if opt.Days > 0 {
		r.days = opt.Days
	}

	// The batch copy: no script, no expectations, the run ends at the
	// horizon, and the steps guard is lifted (it is meant for one
	// interactive run, not for months of traffic); the cascade guard stays.
	run := *sc
	run.Events, run.Expect = nil, nil
	r.start = sc.Start
	r.end = sc.Start.Add(time.Duration(r.days) * 24 * time.Hour)
	r.endNS = r.end.UnixNano()
	r.startNS = r.start.UnixNano()
	run.Until = &engine.Time{Abs: r.end}
	run.Limits.Steps = 1 << 62
	r.sc = &run
	r.loc = sc.Start.Location()
	if tz := sc.WorkTime.Timezone; tz != "" {
		if loc, err := time.LoadLocation(tz); err == nil {
			r.loc = loc
		}
	}
	sim, err := engine.New(&run, engine.Options{Lang: opt.Lang})
	if err != nil {
		return nil, fmt.Errorf("whatif: %w", err)
	}
	r.sim = sim
	r.lang = sim.Lang()

	r.indexStages()
	r.indexFlows()
	r.within = make([][2]time.Duration, len(model.Events))
	r.ruleCC = make([]*codeCount, len(model.Events))
	for j := range model.Events {
		ev := &model.Events[j]
		r.within[j][0], r.within[j][1] = ev.WithinRange()
		if g, ok := r.stageOf(ev.Entity, ev.Stage); ok {
			r.stages[g].rules = append(r.stages[g].rules, j)
		}
	}
	for _, c := range sc.Clients {
		if c.Type == "CONTACT" && c.ID > r.contact {
			r.contact = c.ID
		}
	}
	for _, it := range sc.Items {
		r.contact = max(r.contact, it.Contact)
	}
	// Items present at the start are in their stage from the start.
	for _, it := range sc.Items {
		idx := r.addItem(engine.Target(it.Entity, it.ID), it.Entity, it.Contact)
		if idx >= 0 {
			if g, ok := r.stageOf(it.Entity, it.Stage); ok {
				r.enter(idx, g)
			}
		}
	}
	if r.replay != nil {
		for i := range r.replay {
			at := r.replay[i].At.Resolve(r.start)
			if at.After(r.end) {
				continue
			}
			r.push(&entry{at: at.UnixNano(), kind: kindReplay, rule: int32(i)})
			r.count(r.replay[i].Code).scheduled++
			r.totals.Scheduled++
		}
	} else {
		r.prepareArrivals()
	}
	r.snapshot()
	return r, nil
}

// ModelError says that a traffic model names a stage the scenario it runs
// on does not have (an A/B comparison runs A's model on B).
type ModelError struct {
	Path     string // in the whatif section: "arrivals[0]", "flows[1].next[0]"
	Stage    string
	Entity   string
	Scenario string // the scenario's title
}

func (e *ModelError) Error() string { return "whatif: " + e.Path + ": " + e.Message(text.EN) }

// Message says what is wrong in lang, without the path.
func (e *ModelError) Message(lang string) string {
	s, _ := Texts.Format(lang, "model.noStage", strconv.Quote(e.Stage), e.Entity, strconv.Quote(e.Scenario))
	return s
}

// Text renders "path: message" in lang.
func (e *ModelError) Text(lang string) string { return e.Path + ": " + e.Message(lang) }

// CheckModel reports whether a traffic model fits a scenario: its entity
// types and stages exist there (an A/B comparison runs A's model on B).
func CheckModel(sc *engine.Scenario, m *engine.WhatIf) error {
	has := func(entity, stage string) bool {
		_, _, ok := sc.FindStage(entity, stage)
		return ok
	}
	for i, a := range m.Arrivals {
		stages := []any{a.Stage.Const}
		if a.Stage.Kind == engine.WhatIfChoice {
			stages = a.Stage.Values
		}
		for _, s := range stages {
			id, _ := s.(string)
			if !has(a.Entity, id) {
				return &ModelError{Path: fmt.Sprintf("arrivals[%d]", i), Stage: id, Entity: a.Entity, Scenario: sc.Title}
			}
		}
	}
	for i, f := range m.Flows {
		if !has(f.Entity, f.Stage) {
			return &ModelError{Path: fmt.Sprintf("flows[%d]", i), Stage: f.Stage, Entity: f.Entity, Scenario: sc.Title}
		}
		for j, b := range f.Next {
			if !b.Stay && !has(f.Entity, b.Stage) {
				return &ModelError{Path: fmt.Sprintf("flows[%d].next[%d]", i, j), Stage: b.Stage, Entity: f.Entity, Scenario: sc.Title}
			}
		}
	}
	for i, e := range m.Events {
		if !has(e.Entity, e.Stage) {
			return &ModelError{Path: fmt.Sprintf("events[%d]", i), Stage: e.Stage, Entity: e.Entity, Scenario: sc.Title}
		}
		if st, ok := e.Data["stage"].(string); ok && !has(e.Entity, st) {
			return &ModelError{Path: fmt.Sprintf("events[%d].data.stage", i), Stage: st, Entity: e.Entity, Scenario: sc.Title}
		}
	}
	return nil
}

// replayDays covers a history up to the end of the day of its last event.
func replayDays(sc *engine.Scenario, evs []engine.Event) int {
	last := sc.Start
	for _, ev := range evs {
		if t := ev.At.Resolve(sc.Start); t.After(last) {
			last = t
		}
	}
	d := int(last.Sub(sc.Start)/(24*time.Hour)) + 1
	return max(d, 1)
}

func (r *Runner) indexStages() {
	for ei, e := range r.sc.Entities {
		info := entityInfo{typ: e.Type, first: len(r.stages)}
		r.entIdx[e.Type] = ei
		local := 0
		for pi, p := range e.Pipelines {
			for pos, st := range p.Stages {
				r.stageIdx[e.Type+"\x00"+st.ID] = len(r.stages)
				r.stages = append(r.stages, stageInfo{entity: ei, local: local, pipeline: pi, pos: pos, st: st, pid: p.ID})
				local++
			}
		}
		info.stages = local
		r.entities = append(r.entities, info)
	}
	r.dense = make([][]int32, len(r.entities))
}

// stageOf finds a stage's global index; bare ids of prefixed default
// stages are accepted as the engine accepts them.
func (r *Runner) stageOf(entity, id string) (int, bool) {
	if g, ok := r.stageIdx[entity+"\x00"+id]; ok {
		return g, true
	}
	st, _, ok := r.sc.FindStage(entity, id)
	if !ok {
		return 0, false
	}
	g, ok := r.stageIdx[entity+"\x00"+st.ID]
	return g, ok
}

func (r *Runner) addItem(target, entity string, contact int) int32 {
	ei, ok := r.entIdx[entity]
	if !ok {
		return -1
	}
	if old, dup := r.itemOf(target); dup {
		return old
	}
	idx := int32(len(r.items))
	visits, order := r.carve(r.entities[ei].stages)
	r.items = append(r.items, track{target: target, entity: ei, contact: contact, stage: -1,
		visits: visits, order: order})
	// Ids beyond a few times the number of items would make the dense
	// index mostly holes: those items are found through byTarget.
	if de, n, ok := r.denseKey(target); ok && n <= 4*len(r.items)+1024 {
		d := r.dense[de]
		for len(d) <= n {
			d = append(d, 0)
		}
		d[n] = idx + 1
		r.dense[de] = d
	} else {
		r.byTarget[target] = idx
	}
	return idx
}

// itemOf finds the item of a target. Items are "<entity type>_<id>", so
// most are found by entity type and id in the dense index (every moving
// event's log names its item: hashing the target was a fifth of reading
// the log), the others in byTarget.
func (r *Runner) itemOf(target string) (int32, bool) {
	if de, n, ok := r.denseKey(target); ok {
		if d := r.dense[de]; n < len(d) && d[n] > 0 {
			return d[n] - 1, true
		}
	}
	idx, ok := r.byTarget[target]
	return idx, ok
}

// denseKey is where a target's item would be in the dense index: the
// index of its entity type and its id.
func (r *Runner) denseKey(target string) (int, int, bool) {
	typ, n, ok := engine.ParseTarget(target)
	if !ok || n >= 1<<20 {
		return 0, 0, false
	}
	for e := range r.entities {
		if r.entities[e].typ == typ {
			return e, n, true
		}
	}
	return 0, 0, false
}

// carve gives a new item room for its visit counters and its order of
// stages, n of each (an item enters each stage first at most once, so its
// order never outgrows n), from chunks shared by all items: two small
// allocations per item were a tenth of a big run's.
func (r *Runner) carve(n int) ([]uint16, []uint8) {
	if len(r.visitChunk) < n {
		r.visitChunk = make([]uint16, max(n, 4096))
	}
	visits := r.visitChunk[:n:n]
	r.visitChunk = r.visitChunk[n:]
	if len(r.orderChunk) < n {
		r.orderChunk = make([]uint8, max(n, 8192))
	}
	order := r.orderChunk[:0:n]
	r.orderChunk = r.orderChunk[n:]
	return visits, order
}

// newEntry gives a queue entry, reusing one that has run (release).
func (r *Runner) newEntry() *entry {
	if n := len(r.spare); n > 0 {
		e := r.spare[n-1]
		r.spare = r.spare[:n-1]
		return e
	}
	return &entry{}
}

// release keeps an entry that nothing holds any more for reuse.
func (r *Runner) release(e *entry) {
	*e = entry{}
	r.spare = append(r.spare, e)
}

func (r *Runner) push(e *entry) {
	r.seq++
	e.seq = r.seq
	r.queue.Push(e)
}

func (r *Runner) count(code string) *codeCount {
	c := r.byCode[code]
	if c == nil {
		c = &codeCount{}
		r.byCode[code] = c
	}
	return c
}

// ---- the loop ----

// Step runs up to n units of work (a fired event with its cascade, or a
// due robot). It returns false when the run is over; then KPIs is final.
func (r *Runner) Step(n int) bool {
	for i := 0; i < n; i++ {
		if r.done {
			return false
		}
		if r.work++; r.work > MaxRunSteps {
			done, _ := r.Progress()
			r.err = &BudgetError{Workload: Workload{Runs: 1, Days: r.days}, Limit: "steps",
				Replay: r.replay != nil, Steps: r.work - 1, Day: int(done/(24*time.Hour)) + 1}
			r.done = true
			return false
		}
		engAt, engOK := r.sim.Next()
		r.fillSlots(engAt, engOK)
		var top *entry
		if r.queue.Len() > 0 && r.queue.TopAt() <= r.endNS {
			top = r.queue.Top()
		}
		switch {
		case !engOK && top == nil:
			r.finish()
			return false
		case engOK && (top == nil || engAt.UnixNano() <= top.at):
			r.snapshotsBefore(engAt)
			r.sim.Step()
			r.engineStep++
			r.consume(false, "")
		default:
			r.queue.Pop()
			at := time.Unix(0, top.at).In(r.start.Location())
			r.snapshotsBefore(at)
			r.sim.RunUntil(at)
			r.consume(false, "")
			r.fire(top)
			r.release(top)
		}
		if r.sim.Stopped() {
			r.finish()
			return false
		}
	}
	return !r.done
}

// Progress is how far the virtual clock has come through the horizon.
func (r *Runner) Progress() (done, total time.Duration) {
	total = r.end.Sub(r.start)
	if r.done {
		return total, total
	}
	done = r.sim.Now().Sub(r.start)
	return min(max(done, 0), total), total
}

// Err is why the run stopped before its horizon: a *BudgetError when it
// did more than MaxRunSteps units of work, nil otherwise. Its KPIs are
// then incomplete and must not be reported.
func (r *Runner) Err() error { return r.err }

// Done reports whether the run is over.
func (r *Runner) Done() bool { return r.done }

// Now is the virtual clock of the run.
func (r *Runner) Now() time.Time { return r.sim.Now() }

// Run runs a whole what-if simulation, checking ctx and reporting
// progress between slices of work.
func Run(ctx context.Context, sc *engine.Scenario, opt Options, progress func(done, total time.Duration)) (*KPIs, error) {
	return RunPaced(ctx, sc, opt, Pace{}, progress)
}

// Pace is how a caller drives a run. A batch (the CLI, tests) looks at the
// context and reports progress every DefaultSteps runner steps; the
// browser's lab does so far more often and gives the page a turn before
// the KPIs, which for ten thousand items are a task of their own.
type Pace struct {
	Steps      int    // runner steps between looks at ctx and progress; 0: DefaultSteps
	BeforeKPIs func() // when not nil, called once the run is over, before its KPIs are built
}

// DefaultSteps is Pace.Steps when it is 0.
const DefaultSteps = 2000

// RunPaced is Run at the given pace: the same runner, so the same KPIs.
func RunPaced(ctx context.Context, sc *engine.Scenario, opt Options, pace Pace, progress func(done, total time.Duration)) (*KPIs, error) {
	r, err := NewRunner(sc, opt)
	if err != nil {
		return nil, err
	}
	steps := pace.Steps
	if steps <= 0 {
		steps = DefaultSteps
	}
	for r.Step(steps) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if progress != nil {
			progress(r.Progress())
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if progress != nil {
		progress(r.Progress())
	}
	if pace.BeforeKPIs != nil {
		pace.BeforeKPIs()
	}
	return r.KPIs(), nil
}

// fillSlots generates the arrivals of every hour slot that starts before
// the next thing to run, so the queue never misses an earlier arrival.
func (r *Runner) fillSlots(engAt time.Time, engOK bool) {
	if r.nextSlot >= r.slots {
		return
	}
	// In Unix nanoseconds, as the queue's times: this runs before every
	// step, and comparing integers is cheaper than comparing time.Time.
	t := r.endNS
	if engOK {
		t = min(t, engAt.UnixNano())
	}
	for r.nextSlot < r.slots {
		if r.queue.Len() > 0 {
			t = min(t, r.queue.TopAt())
		}
		if r.startNS+int64(r.nextSlot)*int64(time.Hour) > t {
			return
		}
		r.genSlot(r.nextSlot)
		r.nextSlot++
	}
}

// snapshotsBefore records the items per stage at every day boundary up to
// t, before anything at t runs.
func (r *Runner) snapshotsBefore(t time.Time) {
	for r.nextDay <= r.days && !r.start.Add(time.Duration(r.nextDay)*24*time.Hour).After(t) {
		r.snapshot()
	}
}

func (r *Runner) snapshot() {
	for g := range r.stages {
		r.stages[g].daily = append(r.stages[g].daily, r.stages[g].live)
	}
	r.nextDay++
}

func (r *Runner) finish() {
	if r.done {
		return
	}
	if !r.sim.Stopped() {
		r.sim.RunUntil(r.end)
		r.consume(false, "")
	}
	for r.nextDay <= r.days {
		r.snapshot()
	}
	r.done = true
}

// fire runs one queue entry.
func (r *Runner) fire(e *entry) {
	switch e.kind {
	case kindArrival:
		data := map[string]any{"stage": e.stage}
		if len(e.fields) > 0 {
			data["fields"] = e.fields
		}
		if e.contact != 0 {
			data["contact"] = e.contact
		}
		a := &r.model.Arrivals[e.rule]
		r.created = -1
		r.sim.Fire(engine.Event{Code: engine.CodeCreate, Target: a.Entity, Data: data})
		r.consume(false, "")
		if r.created >= 0 {
			r.items[r.created].contact = e.contact
			r.arrived++
		}
	case kindItemEvent:
		rule := &r.model.Events[e.rule]
		it := &r.items[e.item]
		cc := r.ruleCount(e.rule)
		if it.epoch != e.epoch {
			cc.dropped++
			r.totals.Dropped++
			return
		}
		target := it.target
		if rule.Target == engine.WhatIfTargetContact {
			if it.contact == 0 {
				cc.dropped++
				r.totals.Dropped++
				return
			}
			target = engine.Target("CONTACT", it.contact)
		}
		cc.fired++
		r.totals.Fired++
		ev := engine.Event{Code: rule.Code, Target: target, Data: rule.Data, By: rule.By}
		r.sim.Fire(ev)
		r.consume(true, rule.Code)
		if rule.PerDay > 0 && it.epoch == e.epoch {
			r.scheduleRate(e, rule, r.sim.Now())
		}
	case kindFlow:
		r.fireFlow(e)
	case kindReplay:
		ev := r.replay[e.rule]
		cc := r.count(ev.Code)
		cc.fired++
		r.totals.Fired++
		r.sim.Fire(ev)
		r.consume(ev.Code != engine.CodeCreate, ev.Code)
	}
}

// ---- the traffic model ----

func (r *Runner) slotStart(k int) time.Time { return r.start.Add(time.Duration(k) * time.Hour) }

func (r *Runner) prepareArrivals() {
	r.slots = r.days * 24
	for i := range r.model.Arrivals {
		a := &r.model.Arrivals[i]
		r.arrPCG = append(r.arrPCG, newStream(r.seed, streamArrival, uint64(i), 0, 0))
		wk := normalise(a.Weekdays, 7)
		hr := normalise(a.Hours, 24)
		var rates [7 * 24]float64
		for d := 0; d < 7; d++ {
			for h := 0; h < 24; h++ {
				rates[d*24+h] = float64(float64(a.PerDay/24)*wk[d]) * hr[h]
			}
		}
		r.arrRate = append(r.arrRate, rates)
	}
}

// normalise turns weights into factors that average 1 (nil: all 1).
func normalise(w []float64, n int) []float64 {
	out := make([]float64, n)
	sum := 0.0
	for _, x := range w {
		sum = float64(sum + x)
	}
	for i := range out {
		if w == nil || sum <= 0 {
			out[i] = 1
		} else {
			out[i] = float64(w[i]*float64(n)) / sum
		}
	}
	return out
}

// genSlot draws the arrivals of one hour slot, rule by rule.
func (r *Runner) genSlot(k int) {
	from := r.slotStart(k)
	lt := from.In(r.loc)
	day := (int(lt.Weekday()) + 6) % 7
	slot := day*24 + lt.Hour()
	for i := range r.model.Arrivals {
		a := &r.model.Arrivals[i]
		p := &r.arrPCG[i]
		n := poisson(p, r.arrRate[i][slot])
		for j := 0; j < n; j++ {
			sec := int64(float64(unit(p) * 3600))
			e := r.newEntry()
			*e = entry{at: from.Add(time.Duration(sec) * time.Second).UnixNano(), kind: kindArrival, rule: int32(i)}
			st := drawValue(p, &a.Stage)
			e.stage = ""
			if _, ok := st.(string); ok {
				e.stage = st // as drawn: no new box for the event's data
			}
			if len(a.Fields) > 0 {
				e.fields = make(map[string]any, len(a.Fields))
				for f := range a.Fields {
					e.fields[a.Fields[f].ID] = drawValue(p, &a.Fields[f].Value)
				}
			}
			if a.Contact == engine.WhatIfContactNew {
				r.contact++
				e.contact = r.contact
			}
			r.push(e)
		}
	}
}

// drawValue draws a field value (or a stage id) from its distribution.
func drawValue(p *rand.PCG, v *engine.WhatIfValue) any {
	switch v.Kind {
	case engine.WhatIfRange:
		step := v.Step
		if step == 0 {
			step = 1
		}
		n := uint64(float64((v.Max - v.Min) / step))
		k := p.Uint64() % (n + 1)
		return float64(v.Min + float64(float64(k)*step))
	case engine.WhatIfChoice:
		return v.Values[pick(p, len(v.Values), v.Weights)]
	default:
		return v.Const
	}
}

// enter records that item idx entered stage g now, and draws what the
// model's events for that stage will do to this visit.
func (r *Runner) enter(idx int32, g int) {
	it := &r.items[idx]
	now := r.sim.Now()
	if it.stage >= 0 {
		old := &r.stages[it.stage]
		old.live--
		old.left++
		old.durations = append(old.durations, int64(now.Sub(it.entered)/time.Second))
	}
	st := &r.stages[g]
	it.stage = g
	it.epoch++
	it.entered = now
	visit := it.visits[st.local]
	if visit == 0 {
		st.items++
		it.order = append(it.order, uint8(min(st.local, 255)))
	}
	it.visits[st.local]++
	st.entered++
	st.live++
	r.traceEnter(idx, g, now)
	r.enterFlow(idx, g, visit, now)
	for _, j := range st.rules {
		rule := &r.model.Events[j]
		p := newStream(r.seed, streamItem, uint64(j), uint64(idx), uint64(visit))
		if rule.PerDay > 0 {
			e := entry{kind: kindItemEvent, rule: int32(j), item: idx, epoch: it.epoch, pcg: p}
			r.scheduleRate(&e, rule, now)
			continue
		}
		if unit(&p) >= rule.Probability {
			continue
		}
		lo, hi := r.within[j][0], r.within[j][1]
		sec := int64(lo/time.Second) + int64(float64(unit(&p)*float64(int64((hi-lo)/time.Second))))
		at := now.UnixNano() + sec*int64(time.Second)
		if at > r.endNS {
			continue
		}
		e := r.newEntry()
		*e = entry{at: at, kind: kindItemEvent, rule: int32(j), item: idx, epoch: it.epoch}
		r.ruleCount(int32(j)).scheduled++
		r.totals.Scheduled++
		r.push(e)
	}
}

// scheduleRate queues the next occurrence of a perDay event.
func (r *Runner) scheduleRate(e *entry, rule *engine.WhatIfEvent, from time.Time) {
	sec := int64(float64(expDraw(&e.pcg) * float64(86400/rule.PerDay)))
	at := from.UnixNano() + max(sec, 1)*int64(time.Second)
	if at > r.endNS {
		return
	}
	next := r.newEntry()
	*next = *e
	next.at = at
	r.ruleCount(e.rule).scheduled++
	r.totals.Scheduled++
	r.push(next)
}

// ---- reading the log ----

// noMoveNote reports whether a note explains why an event moved nothing.
// A switch, not a map: a package-level map is built in the package's
// init, part of every page's start (the page links this package).
func noMoveNote(code string) bool {
	switch code {
	case "deliver.none", "update.nothing", "email.readTwice":
		return true
	}
	return false
}

// consume reads the log entries since the last call, updates the
// counters and forgets them. event is true when they are the cascade of
// a fired model event, whose moving nothing is explained.
func (r *Runner) consume(event bool, code string) {
	moved := false
	why := r.why[:0] // reused: consume runs after every step
	log := r.sim.RawLog()
	for i := range log {
		e := &log[i]
		switch e.Type {
		case engine.LogCreate:
			moved = true
			ent, _, _ := engine.ParseTarget(e.Target)
			idx := r.addItem(e.Target, ent, 0)
			if idx >= 0 {
				r.created = idx
				if g, ok := r.stageOf(ent, e.To); ok {
					r.enter(idx, g)
				}
			}
		case engine.LogTrigger, engine.LogMove:
			moved = true
			if e.Type == engine.LogTrigger {
				r.trig(e.Trigger).fired++
			}
			if idx, ok := r.itemOf(e.Target); ok {
				if g, ok := r.stageOf(r.entities[r.items[idx].entity].typ, e.To); ok {
					r.enter(idx, g)
				}
			}
		case engine.LogSkip:
			r.trig(e.Trigger).skipped++
			if event {
				why = append(why, e)
			}
		case engine.LogRobot:
			rk := r.robot(e.Robot)
			switch e.Status {
			case engine.RobotRan:
				rk.Ran++
			case engine.RobotCondition:
				rk.Condition++
			case engine.RobotInactive:
				rk.Inactive++
			case engine.RobotFailed:
				rk.Failed++
			}
		case engine.LogScheduled:
			r.robot(e.Robot).Scheduled++
		case engine.LogCancelled:
			r.robot(e.Robot).Cancelled++
		case engine.LogLoop:
			key := e.Why.Code
			for _, c := range e.Cycle {
				key += "\x00" + c
			}
			l := r.loops[key]
			if l == nil {
				l = &LoopKPI{Kind: e.Why.Code, Cycle: append([]string(nil), e.Cycle...)}
				r.loops[key] = l
				r.loopOrder = append(r.loopOrder, key)
			}
			l.Count++
		case engine.LogError:
			r.tally(r.errs, e.Why, "")
			if event {
				why = append(why, e)
			}
		case engine.LogNote:
			if noMoveNote(e.Why.Code) {
				if event {
					why = append(why, e)
				}
			} else {
				// Nothing reads these notes' arguments.
				r.sim.KnowReason(e.Why.Code, "")
			}
		}
	}
	if event && !moved {
		r.noMove++
		r.count(code).noMove++
		if len(why) == 0 && !r.countAgain(reasonNoTrigger, "") {
			r.tallyReason(engine.Reason{Code: reasonNoTrigger, Args: []string{code}}, "")
		}
		// Each reason once per event: why is usually short, and a scan of
		// what came before is then cheaper than a set.
		var seen map[reasonKey]bool
		if len(why) > 32 {
			seen = make(map[reasonKey]bool, len(why))
		}
	whys:
		for i, e := range why {
			k := reasonKey{e.Why.Code, e.Trigger}
			if seen != nil {
				if seen[k] {
					continue
				}
				seen[k] = true
			} else {
				for _, p := range why[:i] {
					if p.Why.Code == k.code && p.Trigger == k.trigger {
						continue whys
					}
				}
			}
			if r.tallyReason(e.Why, e.Trigger) && e.Type == engine.LogSkip {
				// Only the first reason of a kind is rendered; the engine
				// need not explain the others (KnowReason).
				r.sim.KnowReason(e.Why.Code, e.Trigger)
			}
		}
	}
	clear(why)
	r.why = why[:0]
	r.sim.TrimLog()
	// The events themselves are not read again either (their data held
	// every arrival's drawn fields to the end of the run).
	r.sim.TrimEvents()
}

// reasonNoTrigger is the runner's own reason: nothing in the log explains
// the event because no trigger with its code could take it.
const reasonNoTrigger = "whatif.noTrigger"

// reasonKey is what tells reasons apart in a tally.
type reasonKey struct{ code, trigger string }

// tally counts a reason; it reports whether the reason is new to m.
func (r *Runner) tally(m map[reasonKey]*reasonAgg, why engine.Reason, trigger string) bool {
	k := reasonKey{why.Code, trigger}
	a := m[k]
	added := a == nil
	if added {
		r.reasonSeq++
		a = &reasonAgg{why: why, trigger: trigger, first: r.reasonSeq}
		m[k] = a
	}
	a.count++
	return added
}

// tallyReason is tally(r.reasons, ...) with a cache in front of the map:
// the events that move nothing give the same few reasons over and over,
// and comparing with the cached one saves hashing two strings.
func (r *Runner) tallyReason(why engine.Reason, trigger string) bool {
	if r.countAgain(why.Code, trigger) {
		return false
	}
	added := r.tally(r.reasons, why, trigger)
	*r.reasonSlot(why.Code, trigger) = r.reasons[reasonKey{why.Code, trigger}]
	return added
}

// countAgain counts the reason code (with trigger) once more when it is
// the cached one, and reports whether it was. A caller whose reason has
// arguments to build asks first: the arguments of a reason counted
// before are not kept, and building them for every event that moved
// nothing was a fifth of a run's allocations.
func (r *Runner) countAgain(code, trigger string) bool {
	if a := *r.reasonSlot(code, trigger); a != nil && a.why.Code == code && a.trigger == trigger {
		a.count++
		return true
	}
	return false
}

func (r *Runner) reasonSlot(code, trigger string) **reasonAgg {
	return &r.reasonCache[(cacheSlot(trigger)+len(code)*37)&(cacheSlots-1)]
}

func (r *Runner) robot(id string) *RobotKPI {
	slot := &r.robotCache[cacheSlot(id)]
	if rk := *slot; rk != nil && rk.ID == id {
		return rk
	}
	rk := r.robots[id]
	if rk == nil {
		rk = &RobotKPI{ID: id}
		r.robots[id] = rk
	}
	*slot = rk
	return rk
}

// trigTally counts one trigger's moves and skips.
type trigTally struct {
	id             string
	fired, skipped int
}

func (r *Runner) trig(id string) *trigTally {
	slot := &r.trigCache[cacheSlot(id)]
	if t := *slot; t != nil && t.id == id {
		return t
	}
	t := r.trigs[id]
	if t == nil {
		t = &trigTally{id: id}
		r.trigs[id] = t
	}
	*slot = t
	return t
}

// cacheSlot places a trigger or robot id in a small cache in front of a
// map: nearly every log entry names one, and a scenario has a few dozen,
// so comparing the id with the one cached is cheaper than hashing it into
// the map. The slot is a hash of the whole id (FNV-1a, then mixed so the
// low bits depend on every byte): ids such as "r0a" ... "r5b" or "t0" ...
// "t39" differ in one or two characters, and a slot from a few of them
// put half of them on one another.
func cacheSlot(id string) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint32(id[i])) * 16777619
	}
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	return int(h & (cacheSlots - 1))
}

// cacheSlots is the size of the tally caches: a power of two.
const cacheSlots = 256

// ruleCount is count(rule's code) for an event rule, remembered per rule.
func (r *Runner) ruleCount(j int32) *codeCount {
	c := r.ruleCC[j]
	if c == nil {
		c = r.count(r.model.Events[j].Code)
		r.ruleCC[j] = c
	}
	return c
}
