package whatif

import (
	"sort"
	"strings"
	"time"

	"github.com/triggersim/triggersim/engine"
)

// KPIs computes the measures of the run so far (final once Step returned
// false). Every list is sorted in a fixed order, so the result depends on
// nothing but the run.
func (r *Runner) KPIs() *KPIs {
	if r.done && r.kpis != nil {
		return r.kpis
	}
	k := &KPIs{
		Seed: int(r.seed), Days: r.days,
		Start: r.start.In(r.loc).Format(time.RFC3339), End: r.end.In(r.loc).Format(time.RFC3339),
		Replay: r.replay != nil, Items: len(r.items), Arrived: r.arrived,
		EngineSteps: r.engineStep, Stopped: r.sim.Stopped(),
		NeverFired: []string{}, NeverRan: []string{}, Loops: []LoopKPI{}, Conversion: []Conversion{},
	}
	k.Events = EventTotals{Scheduled: r.totals.Scheduled, Fired: r.totals.Fired, Dropped: r.totals.Dropped, ByCode: []CodeKPI{}}
	for _, code := range sortedKeys(r.byCode) {
		c := r.byCode[code]
		k.Events.ByCode = append(k.Events.ByCode, CodeKPI{Code: code, Scheduled: c.scheduled, Fired: c.fired, Dropped: c.dropped, MovedNothing: c.noMove})
	}

	// Conversion: for each item, every stage it entered first before
	// another stage of the same pipeline that comes later.
	conv := newConvCounts(len(r.stages))
	succ := make([]int, len(r.stages))
	fail := make([]int, len(r.stages))
	for i := range r.items {
		it := &r.items[i]
		base := r.entities[it.entity].first
		for a, la := range it.order {
			ga := base + int(la)
			sa := &r.stages[ga]
			reachedS, reachedF := false, false
			for _, lb := range it.order[a+1:] {
				gb := base + int(lb)
				sb := &r.stages[gb]
				switch sb.st.Semantics {
				case engine.Success:
					reachedS = true
				case engine.Failure:
					reachedF = true
				}
				if sb.pipeline == sa.pipeline && sb.pos > sa.pos {
					conv.add(ga, gb)
				}
			}
			if reachedS {
				succ[ga]++
			}
			if reachedF {
				fail[ga]++
			}
		}
	}
	for g := range r.stages {
		s := &r.stages[g]
		sk := StageKPI{
			Entity: r.entities[s.entity].typ, Pipeline: s.pid, Stage: s.st.ID, Name: s.st.Name, Semantics: s.st.Semantics,
			Entered: s.entered, Items: s.items, Left: s.left, AtEnd: s.live,
			Daily: append([]int(nil), s.daily...),
		}
		if len(s.durations) > 0 {
			// In place: nothing else reads the durations, and their order
			// does not matter.
			sk.MedianSec, sk.P90Sec = medianP90(s.durations)
		}
		sk.ToSuccess = share(succ[g], s.items)
		sk.ToFailure = share(fail[g], s.items)
		k.Stages = append(k.Stages, sk)
		for g2 := g + 1; g2 < len(r.stages); g2++ {
			if n := conv.get(g, g2); n > 0 {
				k.Conversion = append(k.Conversion, Conversion{Entity: sk.Entity, From: s.st.ID, To: r.stages[g2].st.ID, Items: n, Share: share(n, s.items)})
			}
		}
	}

	for _, t := range r.sc.Triggers {
		tk := TriggerKPI{ID: t.ID, Entity: t.Entity, Stage: t.Stage, Code: t.Code}
		if c := r.trigs[t.ID]; c != nil {
			tk.Fired, tk.Skipped = c.fired, c.skipped
		}
		k.Triggers = append(k.Triggers, tk)
		if tk.Fired == 0 {
			k.NeverFired = append(k.NeverFired, t.ID)
		}
	}
	for _, rb := range r.sc.Robots {
		rk := RobotKPI{ID: rb.ID}
		if c := r.robots[rb.ID]; c != nil {
			rk = *c
		}
		rk.Entity, rk.Stage, rk.Type = rb.Entity, rb.Stage, rb.Type
		k.Robots = append(k.Robots, rk)
		if rk.Ran == 0 {
			k.NeverRan = append(k.NeverRan, rb.ID)
		}
	}
	for _, key := range r.loopOrder {
		k.Loops = append(k.Loops, *r.loops[key])
	}
	sort.SliceStable(k.Loops, func(i, j int) bool { return k.Loops[i].Count > k.Loops[j].Count })
	k.Errors, _ = r.ranked(r.errs, 0, -1)
	k.NoMove.Events = r.noMove
	k.NoMove.Share = share(r.noMove, r.totals.Fired)
	k.NoMove.Reasons, k.NoMove.MoreReasons = r.ranked(r.reasons, r.noMove, maxReasons)
	if r.done {
		r.kpis = k
	}
	return k
}

// ranked turns a reason tally into a list, most frequent first, ties in
// order of first appearance; limit < 0 keeps all.
func (r *Runner) ranked(m map[reasonKey]*reasonAgg, of, limit int) ([]ReasonCount, int) {
	aggs := make([]*reasonAgg, 0, len(m))
	for _, a := range m {
		aggs = append(aggs, a)
	}
	sort.Slice(aggs, func(i, j int) bool {
		if aggs[i].count != aggs[j].count {
			return aggs[i].count > aggs[j].count
		}
		return aggs[i].first < aggs[j].first
	})
	more := 0
	if limit >= 0 && len(aggs) > limit {
		more = len(aggs) - limit
		aggs = aggs[:limit]
	}
	out := make([]ReasonCount, 0, len(aggs))
	for _, a := range aggs {
		why := a.why
		rc := ReasonCount{Code: why.Code, Trigger: a.trigger, Text: reasonText(why, r.lang), Count: a.count, why: &why}
		if of > 0 {
			rc.Share = share(a.count, of)
		}
		out = append(out, rc)
	}
	return out, more
}

// reasonText renders an engine reason, or one of the runner's own.
func reasonText(why engine.Reason, lang string) string {
	if why.Code == reasonNoTrigger {
		return say(lang, "runner.noTrigger", "code", strings.Join(why.Args, ""))
	}
	return why.Text(lang)
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// nearestRank is the quantile of sorted values at tenths/10 by the
// nearest-rank rule (the value at rank ⌈p·n⌉), in integers so that it is
// exact.
func nearestRank(sorted []int64, tenths int) int64 {
	return sorted[rankIndex(len(sorted), tenths)]
}

// rankIndex is the index nearestRank reads in n sorted values.
func rankIndex(n, tenths int) int {
	i := (tenths*n+9)/10 - 1
	return min(max(i, 0), n-1)
}

// medianP90 is nearestRank at 5 and 9 tenths of d, which it reorders,
// without sorting d: a stage of a big run has tens of thousands of
// durations, and sorting them all was most of the time of KPIs.
func medianP90(d []int64) (median, p90 int64) {
	i5, i9 := rankIndex(len(d), 5), rankIndex(len(d), 9)
	median = kth(d, i5)
	// kth leaves everything after i5 no smaller than d[i5].
	p90 = kth(d[i5:], i9-i5)
	return median, p90
}

// kth is the value at index k of d once sorted. It reorders d so that
// d[:k] <= d[k] <= d[k+1:] (quickselect with a three-way partition, as
// durations repeat: robots wait the same delay).
func kth(d []int64, k int) int64 {
	lo, hi := 0, len(d)
	for hi-lo > 1 {
		a, b, c := d[lo], d[lo+(hi-lo)/2], d[hi-1]
		p := max(min(a, b), min(max(a, b), c)) // the median of the three
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch {
			case d[i] < p:
				d[lt], d[i] = d[i], d[lt]
				lt++
				i++
			case d[i] > p:
				gt--
				d[i], d[gt] = d[gt], d[i]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return p
		}
	}
	return d[k]
}

// convCounts counts items that went from one stage to a later one, by
// global stage indexes: an array for the usual few dozen stages (a map
// was a fifth of the time of KPIs), a map beyond.
type convCounts struct {
	n     int
	dense []int
	m     map[[2]int]int
}

func newConvCounts(n int) convCounts {
	if n <= 256 {
		return convCounts{n: n, dense: make([]int, n*n)}
	}
	return convCounts{n: n, m: map[[2]int]int{}}
}

func (c convCounts) add(from, to int) {
	if c.dense != nil {
		c.dense[from*c.n+to]++
		return
	}
	c.m[[2]int{from, to}]++
}

func (c convCounts) get(from, to int) int {
	if c.dense != nil {
		return c.dense[from*c.n+to]
	}
	return c.m[[2]int{from, to}]
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
