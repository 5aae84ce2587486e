package whatif

import (
	"math/rand/v2"
	"time"

	"github.com/triggersim/triggersim/engine"
)

// Flows (engine.WhatIfFlow): on entering a stage with a flow, an item
// draws a branch and its time in the stage from a stream keyed by (flow,
// item, visit), so that two variants of an automation see the same
// customer behaviour; the move is a MOVE event that does not happen once
// the item has left the stage.

const streamFlow = 3

// kindFlow is the queue entry of a flow's move.
const kindFlow = kindReplay + 1

// flowRule is a flow ready to draw from.
type flowRule struct {
	flow   *engine.WhatIfFlow
	shares []float64
	after  [][]int64 // seconds, per branch
	index  int
}

// indexFlows attaches the model's flows to their stages.
func (r *Runner) indexFlows() {
	if r.replay != nil {
		return
	}
	for i := range r.model.Flows {
		f := &r.model.Flows[i]
		g, ok := r.stageOf(f.Entity, f.Stage)
		if !ok {
			continue
		}
		fr := &flowRule{flow: f, index: i}
		for j := range f.Next {
			b := &f.Next[j]
			fr.shares = append(fr.shares, b.Share)
			q := b.AfterQuantiles()
			secs := make([]int64, len(q))
			for k, d := range q {
				secs[k] = int64(d / time.Second)
			}
			fr.after = append(fr.after, secs)
		}
		if r.flows == nil {
			r.flows = map[int]*flowRule{}
		}
		r.flows[g] = fr
	}
}

// enterFlow draws where item idx goes from stage g and when.
func (r *Runner) enterFlow(idx int32, g int, visit uint16, now time.Time) {
	fr := r.flows[g]
	if fr == nil {
		return
	}
	p := newStream(r.seed, streamFlow, uint64(fr.index), uint64(idx), uint64(visit))
	j := pick(&p, len(fr.shares), fr.shares)
	b := &fr.flow.Next[j]
	if b.Stay {
		return
	}
	sec := dwell(&p, fr.after[j])
	at := now.UnixNano() + sec*int64(time.Second)
	if at > r.endNS {
		return
	}
	r.count(engine.CodeMove).scheduled++
	r.totals.Scheduled++
	e := r.newEntry()
	*e = entry{at: at, kind: kindFlow, rule: int32(g), item: idx, epoch: r.items[idx].epoch, stage: b.Stage}
	r.push(e)
}

// dwell draws a time from quantiles at evenly spaced probabilities,
// interpolating linearly between them.
func dwell(p *rand.PCG, q []int64) int64 {
	if len(q) == 1 {
		return q[0]
	}
	x := float64(unit(p) * float64(len(q)-1))
	i := int(x)
	frac := float64(x - float64(i))
	lo, hi := q[i], q[min(i+1, len(q)-1)]
	return lo + int64(float64(frac*float64(hi-lo)))
}

// fireFlow moves the item unless it has left the stage since.
func (r *Runner) fireFlow(e *entry) {
	it := &r.items[e.item]
	cc := r.count(engine.CodeMove)
	if it.epoch != e.epoch {
		cc.dropped++
		r.totals.Dropped++
		return
	}
	cc.fired++
	r.totals.Fired++
	r.sim.Fire(engine.Event{Code: engine.CodeMove, Target: it.target, Data: map[string]any{"stage": e.stage}})
	r.consume(true, engine.CodeMove)
}

// Step is one stage entry of a traced run.
type Step struct {
	Item   int       // index of the item in the run, in order of appearance
	Entity string    // entity type
	Stage  string    // stage id
	At     time.Time // when it entered
}

// Trace returns the stage entries of the run so far, in order, when
// Options.Trace was set: the calibration's fit report compares them with
// the history.
func (r *Runner) Trace() []Step { return r.trace }

func (r *Runner) traceEnter(idx int32, g int, now time.Time) {
	if r.tracing {
		st := &r.stages[g]
		r.trace = append(r.trace, Step{Item: int(idx), Entity: r.entities[st.entity].typ, Stage: st.st.ID, At: now})
	}
}
