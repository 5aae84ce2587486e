package whatif

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// The work budget of the what-if lab. A run keeps every item it creates
// (the KPIs follow each one to the end), so its memory grows with the
// items, and its time with the items and the events they meet. Before
// anything runs, EstimateRun works out how big a run would be from the model
// alone (arrivals × horizon, expected events per item) and CheckBudget
// refuses it past the budget with a message that says how big it would be
// and what to lower; the same check runs in NewRunner (every run, CLI,
// browser and calibration) and over all runs of an experiment (CheckJobs).
// A run that does more work than its estimate foresaw (robots looping
// through delays, say) is stopped by MaxRunSteps.
//
// The figures come from BenchmarkWhatIf10k90d (10 000 items, 126 000
// events, 99 000 robot runs: 1.3 s, 111 MB) and a run ten times that size
// (100 000 items: 41 s and 1 GB on the loaded 2-core test machine):
// within the budget a run takes well under a minute and 1.5 GB natively,
// and the browser refuses before it starts instead of freezing.
const (
	// MaxItems is the most items a run may hold at once: the items at the
	// start plus the expected arrivals over the horizon (a run keeps them
	// all). RunJobs runs fewer runs side by side so that the items of the
	// runs in flight stay under it too.
	MaxItems = 50_000
	// MaxWork bounds items plus expected events, summed over every run of
	// an experiment (replications, A/B, sweep points).
	MaxWork = 2_000_000
	// MaxRunSteps stops a run that fires more events and robot steps than
	// this, whatever the estimate said.
	MaxRunSteps = 3_000_000
)

// ErrBudget is satisfied by every *BudgetError.
var ErrBudget = errors.New("whatif: the run would be too big")

// Workload is the size of a run, or of a whole experiment, as EstimateRun
// foresees it. Counts are expectations (arrivals are random).
type Workload struct {
	Runs int // runs of the experiment (1 for one run)
	Days int // horizon of a run (the longest, for an experiment)
	// Items is the most items one run holds: items at the start plus
	// expected arrivals (plus CREATE rows of a replayed history).
	Items float64
	// Events is the expected number of model events, flow moves and
	// replayed rows, summed over the runs.
	Events float64
	// ItemsTotal is Items summed over the runs.
	ItemsTotal float64
	// PerDay is the arrivals a day of the largest run's model.
	PerDay float64
}

// Work is items plus events over every run: what MaxWork bounds.
func (w Workload) Work() float64 { return w.ItemsTotal + w.Events }

// EstimateRun foresees the size of one run of sc with opt, from the model
// alone: it runs nothing. Items are the items at the start plus the
// expected arrivals (perDay × days). Each item is expected to meet the
// one-off events of its type's stages (their probability) and one flow
// move per stage with a flow, and, while it waits in a stage, that stage's
// repeated events (perDay) for as long as it is expected to stay: until
// the model's own MOVE events or flow take it out (1 / their daily rate, a
// flow's mean dwell), else to the end of the horizon (half of it on
// average for an arrival, all of it for an item present at the start) —
// but never longer in all than the horizon at the highest rate of any one
// stage. That is an upper estimate: the automation usually moves items on
// sooner, and an item visits most stages at most once.
func EstimateRun(sc *engine.Scenario, opt Options) Workload {
	model := opt.Model
	if model == nil {
		model = sc.WhatIf
	}
	days := model.Horizon()
	if opt.Replay != nil && opt.Days <= 0 {
		days = replayDays(sc, opt.Replay)
	}
	if opt.Days > 0 {
		days = opt.Days
	}
	w := Workload{Runs: 1, Days: days}
	if opt.Replay != nil {
		w.Items = float64(len(sc.Items))
		for i := range opt.Replay {
			if opt.Replay[i].Code == engine.CodeCreate {
				w.Items++
			}
		}
		w.Events = float64(len(opt.Replay))
		w.ItemsTotal = w.Items
		return w
	}
	if model == nil {
		w.Items, w.ItemsTotal = float64(len(sc.Items)), float64(len(sc.Items))
		return w
	}
	// Per stage: repeated events' rate, the rate of the model's moves out,
	// and a flow's share of items that leave and their mean dwell (days).
	type stage struct {
		rate, out        float64
		flow             bool
		leave, dwellDays float64
	}
	type kind struct {
		once   float64
		stages map[string]*stage
	}
	types := map[string]*kind{}
	at := func(entity, id string) (*kind, *stage) {
		k := types[entity]
		if k == nil {
			k = &kind{stages: map[string]*stage{}}
			types[entity] = k
		}
		st := k.stages[id]
		if st == nil {
			st = &stage{}
			k.stages[id] = st
		}
		return k, st
	}
	for i := range model.Events {
		e := &model.Events[i]
		k, st := at(e.Entity, e.Stage)
		if e.PerDay <= 0 {
			k.once += e.Probability
			continue
		}
		st.rate += e.PerDay
		if to, _ := e.Data["stage"].(string); e.Code == engine.CodeMove && to != e.Stage {
			st.out += e.PerDay
		}
	}
	for i := range model.Flows {
		f := &model.Flows[i]
		k, st := at(f.Entity, f.Stage)
		k.once++
		st.flow = true
		var total, leave, dwell float64
		for j := range f.Next {
			br := &f.Next[j]
			total += br.Share
			if br.Stay {
				continue
			}
			leave += br.Share
			q := br.AfterQuantiles()
			mean := 0.0
			for _, d := range q {
				mean += d.Hours() / 24
			}
			if len(q) > 0 {
				mean /= float64(len(q))
			}
			dwell += br.Share * mean
		}
		if total > 0 && leave > 0 {
			st.leave, st.dwellDays = leave/total, dwell/leave
		}
	}
	// exposure is the repeated events an item of kind k meets over rem
	// days.
	exposure := func(k *kind, rem float64) float64 {
		sum, top := 0.0, 0.0
		for _, st := range k.stages {
			if st.rate == 0 {
				continue
			}
			stay := rem
			if st.out > 0 {
				stay = min(stay, 1/st.out)
			}
			if st.flow {
				stay = min(stay, st.leave*st.dwellDays+(1-st.leave)*rem)
			}
			sum += st.rate * stay
			top = max(top, st.rate)
		}
		return min(sum, top*rem)
	}
	d := float64(days)
	for _, a := range model.Arrivals {
		n := a.PerDay * d
		w.PerDay += a.PerDay
		w.Items += n
		if k := types[a.Entity]; k != nil {
			w.Events += n * (k.once + exposure(k, d/2))
		}
	}
	for _, it := range sc.Items {
		w.Items++
		if k := types[it.Entity]; k != nil {
			w.Events += k.once + exposure(k, d)
		}
	}
	w.ItemsTotal = w.Items
	return w
}

// EstimateJobs adds up the runs of an experiment.
func EstimateJobs(jobs []Job) Workload {
	var w Workload
	for _, j := range jobs {
		one := EstimateRun(j.Scenario, j.Options)
		w.Runs++
		w.Days = max(w.Days, one.Days)
		w.Items = max(w.Items, one.Items)
		w.PerDay = max(w.PerDay, one.PerDay)
		w.Events += one.Events
		w.ItemsTotal += one.ItemsTotal
	}
	return w
}

// BudgetError is a run or an experiment past the budget.
type BudgetError struct {
	Workload
	// Limit is "items" (MaxItems), "work" (MaxWork) or "steps" (a run
	// stopped after MaxRunSteps).
	Limit string
	// Replay is true when the traffic is a replayed history.
	Replay bool
	// Steps is how far a stopped run got (Limit "steps"), Day on which
	// day of its horizon.
	Steps, Day int
}

func (e *BudgetError) Error() string { return "whatif: " + e.Message("en") }

// Is makes errors.Is(err, ErrBudget) hold.
func (e *BudgetError) Is(target error) bool { return target == ErrBudget }

// CheckBudget refuses a workload past MaxItems or MaxWork.
func CheckBudget(w Workload, replay bool) error {
	switch {
	case !(w.Items <= MaxItems): // also NaN
		return &BudgetError{Workload: w, Limit: "items", Replay: replay}
	case !(w.Work() <= MaxWork):
		return &BudgetError{Workload: w, Limit: "work", Replay: replay}
	}
	return nil
}

// CheckJobs refuses an experiment whose runs together are past the budget
// (each run is checked on its own by NewRunner too).
func CheckJobs(jobs []Job) error {
	replay := len(jobs) > 0 && jobs[0].Options.Replay != nil
	return CheckBudget(EstimateJobs(jobs), replay)
}

// Message says in the language lang ("ru" or "en") how big the run would
// be, which limit it passes and what to lower.
func (e *BudgetError) Message(lang string) string {
	ru := lang != "en"
	n := func(f float64) string { return bigNumber(f, ru) }
	d := strconv.Itoa
	if e.Limit == "steps" {
		return say(lang, "budget.steps", "day", d(e.Day), "days", d(e.Days), "steps", n(float64(e.Steps)), "max", n(MaxRunSteps))
	}
	var b strings.Builder
	runs := ""
	if e.Runs > 1 {
		runs = say(lang, "budget.runs", "runs", d(e.Runs))
	}
	b.WriteString(say(lang, "budget.big", "runs", runs, "items", n(e.Items), "days", d(e.Days)))
	if e.PerDay > 0 {
		b.WriteString(say(lang, "budget.perDay", "perDay", n(e.PerDay)))
	}
	b.WriteString(say(lang, "budget.events", "events", n(e.Events)))
	if e.Runs > 1 {
		b.WriteString(say(lang, "budget.allRuns"))
	}
	if e.Limit == "items" {
		b.WriteString(say(lang, "budget.maxItems", "max", n(MaxItems)))
	} else {
		b.WriteString(say(lang, "budget.maxWork", "max", n(MaxWork)))
	}
	b.WriteString(" ")
	switch {
	case e.Replay:
		b.WriteString(say(lang, "budget.lower.replay"))
	case e.Runs > 1:
		b.WriteString(say(lang, "budget.lower.runs"))
	default:
		b.WriteString(say(lang, "budget.lower"))
	}
	return b.String()
}

// bigNumber prints a count for people: "3 650 000" (a no-break space
// between thousands in Russian, a comma in English); huge values as
// "1.2e+16".
func bigNumber(f float64, ru bool) string {
	if math.IsNaN(f) || math.IsInf(f, 0) || f >= 1e15 {
		return strconv.FormatFloat(f, 'g', 2, 64)
	}
	s := strconv.FormatInt(int64(math.Round(f)), 10)
	sep := ","
	if ru {
		sep = "\u00a0"
	}
	var out []string
	for len(s) > 3 {
		out = append([]string{s[len(s)-3:]}, out...)
		s = s[:len(s)-3]
	}
	out = append([]string{s}, out...)
	return strings.Join(out, sep)
}
