package engine

import (
	"strconv"
	"time"
)

// Flows: version 2 of the "whatif" section (docs/whatif.md). A flow says,
// for one stage, where items go next and after how long: a competing-risks
// model fitted from a portal's stage history (triggersim calibrate). On
// entering the stage an item draws one branch by its share, then its time
// in the stage from that branch's dwell-time quantiles, and is moved there
// by a MOVE unless the automation (or another event) moved it first. A
// "stay" branch never moves the item: the share of items the history saw
// staying beyond its end.

// WhatIfVersion is the newest version of the "whatif" section this build
// reads. Version 1 (the default) has seed, days, arrivals and events;
// version 2 adds flows.
const WhatIfVersion = 2

// maxFlowQuantiles bounds the dwell-time quantiles of one branch.
const maxFlowQuantiles = 101

// WhatIfFlow is the next-stage model of one stage.
type WhatIfFlow struct {
	Entity string
	Stage  string
	Next   []WhatIfBranch
}

// WhatIfBranch is one way out of a stage: to Stage (or nowhere when Stay),
// chosen with weight Share; After are the quantiles of the time spent in
// the stage before going there, at evenly spaced probabilities 0, 1/(n−1),
// …, 1, as written ("0", "2h", "3d").
type WhatIfBranch struct {
	Stage string
	Stay  bool
	Share float64
	After []string
}

// AfterQuantiles returns After as durations.
func (b *WhatIfBranch) AfterQuantiles() []time.Duration {
	out := make([]time.Duration, len(b.After))
	for i, s := range b.After {
		out[i], _ = ParseDuration(s)
	}
	return out
}

// FormatDuration writes a duration the way ParseDuration reads it, to the
// second: "0", "45s", "2h30m", "3d4h".
func FormatDuration(d time.Duration) string {
	sec := int64(d / time.Second)
	if sec <= 0 {
		return "0"
	}
	out := ""
	if days := sec / 86400; days > 0 {
		out = strconv.FormatInt(days, 10) + "d"
		sec %= 86400
	}
	for _, u := range []struct {
		n    int64
		unit string
	}{{3600, "h"}, {60, "m"}, {1, "s"}} {
		if v := sec / u.n; v > 0 {
			out += strconv.FormatInt(v, 10) + u.unit
			sec %= u.n
		}
	}
	return out
}

func (r *reader) whatIfFlows(wo obj, version int) []WhatIfFlow {
	fn, fp := wo.get("flows")
	if fn == nil {
		return nil
	}
	if version < 2 {
		r.errs.addCode(fp, "wi.flowsVersion")
		return nil
	}
	items, _ := r.list(fn, fp, "an array of flows")
	var out []WhatIfFlow
	seen := map[string]string{}
	for i := range items {
		path := indexPath(fp, i)
		fo, ok := r.object(&items[i], path, "entity", "stage", "next")
		if !ok {
			continue
		}
		before := len(r.errs.errs)
		var f WhatIfFlow
		f.Entity, _ = r.entity(r.need(fo, "entity", "an entity type"))
		sn, sp := r.need(fo, "stage", "the stage the flow leaves")
		f.Stage, _ = r.stage(sn, sp, f.Entity)
		if f.Stage != "" {
			k := f.Entity + "\x00" + f.Stage
			if prev, dup := seen[k]; dup {
				r.errs.addCode(sp, "wi.flowTwice", Quote(f.Stage), f.Entity, prev)
			}
			seen[k] = path
		}
		nn, np := r.need(fo, "next", "an array of branches {\"stage\", \"share\", \"after\"}")
		branches, _ := r.nonEmptyList(nn, np, "an array of branches {\"stage\", \"share\", \"after\"}")
		sum := 0.0
		for j := range branches {
			b, ok := r.whatIfBranch(&branches[j], indexPath(np, j), f.Entity, f.Stage)
			if ok {
				f.Next = append(f.Next, b)
				sum += b.Share
			}
		}
		if len(r.errs.errs) == before && sum <= 0 {
			r.errs.addCode(np, "wi.noShare")
		}
		if len(r.errs.errs) == before {
			out = append(out, f)
		}
	}
	return out
}

func (r *reader) whatIfBranch(n *jtNode, path, entity, from string) (WhatIfBranch, bool) {
	var b WhatIfBranch
	bo, ok := r.object(n, path, "stage", "stay", "share", "after")
	if !ok {
		return b, false
	}
	before := len(r.errs.errs)
	sn, sp := bo.get("stage")
	yn, yp := bo.get("stay")
	switch {
	case sn != nil && yn != nil:
		r.errs.addCode(yp, "wi.stayAndStage")
	case yn != nil:
		if stay, ok := r.boolean(yn, yp); ok && !stay {
			r.errs.addCode(yp, "wi.stayTrue")
		}
		b.Stay = true
	default:
		sn, sp = r.need(bo, "stage", "the next stage, or \"stay\": true")
		b.Stage, _ = r.stage(sn, sp, entity)
		if b.Stage != "" && b.Stage == from {
			r.errs.addCode(sp, "wi.otherStage", Quote(from))
		}
	}
	pn, pp := r.need(bo, "share", "a weight ≥ 0")
	b.Share, _ = r.realNumber(pn, pp, 0, maxPerDay, "a weight ≥ 0")
	an, ap := bo.get("after")
	switch {
	case b.Stay && an != nil:
		r.errs.addCode(ap, "wi.stayNoTime")
	case !b.Stay:
		an, ap = r.need(bo, "after", "dwell-time quantiles such as [\"10m\", \"2h\", \"3d\"]")
		items, ok := r.list(an, ap, "dwell-time quantiles such as [\"10m\", \"2h\", \"3d\"]")
		if !ok {
			break
		}
		if len(items) < 1 || len(items) > maxFlowQuantiles {
			r.errs.addCode(ap, "wi.durations", strconv.Itoa(maxFlowQuantiles), strconv.Itoa(len(items)))
			break
		}
		var last time.Duration
		for i := range items {
			ip := indexPath(ap, i)
			s, ok := r.str(&items[i], ip)
			if !ok {
				continue
			}
			d, err := ParseDuration(s)
			if err != nil {
				r.errs.addErr(ip, err)
				continue
			}
			if i > 0 && d < last {
				r.errs.addCode(ip, "wi.quantileOrder", b.After[len(b.After)-1], Quote(s))
			}
			last = d
			b.After = append(b.After, s)
		}
	}
	return b, len(r.errs.errs) == before
}

func (w *writer) whatIfFlowsNode(fs []WhatIfFlow) jtNode {
	kids := make([]jtNode, len(fs))
	for i := range fs {
		f := &fs[i]
		next := make([]jtNode, len(f.Next))
		for j := range f.Next {
			b := &f.Next[j]
			o := newObj()
			if b.Stay {
				o.set("stay", jtNode{kind: jtTrue})
			} else {
				o.set("stage", jStr(b.Stage))
			}
			o.set("share", jNum(b.Share))
			if !b.Stay {
				after := make([]jtNode, len(b.After))
				for k, s := range b.After {
					after[k] = jStr(s)
				}
				o.set("after", jArr(after))
			}
			next[j] = o.node()
		}
		kids[i] = newObj().set("entity", jStr(f.Entity)).set("stage", jStr(f.Stage)).set("next", jArr(next)).node()
	}
	return jArr(kids)
}
