package engine

import (
	"math"
	"strconv"
	"time"
)

// The what-if lab's traffic model: the optional "whatif" key of a scenario
// (docs/whatif.md). The engine only reads, checks and writes it; the
// package whatif generates the traffic and runs it through a Sim. The model
// lives in the scenario so that it is saved, shared and exported with the
// automation it tries out.

// DefaultWhatIfDays is the horizon of a what-if run when the model does not
// give "days".
const DefaultWhatIfDays = 90

// maxWhatIfDays bounds the horizon (ten years), maxPerDay the traffic rates:
// beyond them a run would not finish in a browser tab anyway.
const (
	maxWhatIfDays = 3650
	maxPerDay     = 1e6
)

// Counts of a traffic model: every rule is drawn for every item that
// enters its stage, and every field for every arrival, so their number
// multiplies the work of a run (docs/limits.md). Real models have a few.
const (
	maxWhatIfArrivals = 100
	maxWhatIfEvents   = 1000
	maxWhatIfFields   = 50
)

// Target kinds of a what-if event.
const (
	WhatIfTargetItem    = "item"
	WhatIfTargetContact = "contact"
)

// Contact modes of an arrival.
const (
	WhatIfContactNone = "none"
	WhatIfContactNew  = "new"
)

// Kinds of WhatIfValue.
const (
	WhatIfConst  = "const"
	WhatIfRange  = "range"
	WhatIfChoice = "choice"
)

// WhatIf is a traffic model: how many items arrive and when, and what
// happens to items while they sit in a stage.
type WhatIf struct {
	// Seed makes runs repeatable: the same seed gives the same run on
	// every platform. 0 when not given.
	Seed int
	// Days is the horizon; 0 when not given (DefaultWhatIfDays).
	Days     int
	Arrivals []WhatIfArrival
	Events   []WhatIfEvent
	// Version is the section's version: 0 when not given (1), 2 when it
	// has flows (whatif_flow.go).
	Version int
	Flows   []WhatIfFlow
}

// Horizon returns Days, or DefaultWhatIfDays when it was not given.
func (w *WhatIf) Horizon() int {
	if w == nil || w.Days == 0 {
		return DefaultWhatIfDays
	}
	return w.Days
}

// WhatIfArrival is a stream of new items (each one a CREATE).
type WhatIfArrival struct {
	Entity string
	// PerDay is the average number of new items per day over a week.
	PerDay float64
	// Weekdays weighs Monday … Sunday (7 entries); nil means equal.
	Weekdays []float64
	// Hours weighs the hours 00 … 23 of a day (24 entries); nil means equal.
	Hours []float64
	// Stage is the starting stage: a constant stage id or a choice of them.
	Stage WhatIfValue
	// Fields are drawn for every new item, in file order.
	Fields []WhatIfField
	// Contact is "" (not given, as "none"), "none" or "new" (every item gets
	// a contact of its own, so contact events reach it).
	Contact string
}

// WhatIfField is one field of new items and how its value is drawn.
type WhatIfField struct {
	ID    string
	Value WhatIfValue
}

// WhatIfValue is a constant or a random value: a number in [Min, Max] in
// steps of Step, or one of Values with Weights.
type WhatIfValue struct {
	Kind  string // WhatIfConst, WhatIfRange or WhatIfChoice
	Const any    // a field value, when Kind is WhatIfConst
	// Min, Max and Step are the range; Step is 0 when not given (1).
	Min, Max, Step float64
	Values         []any
	// Weights are nil when not given (equal).
	Weights []float64
}

// WhatIfEvent is something that happens to items while they are in a
// stage: once with Probability at a uniform time Within after the item
// entered the stage, or again and again at PerDay times a day on average
// (a daily hazard). It does not happen once the item has left the stage.
type WhatIfEvent struct {
	Name   string
	Entity string
	Stage  string
	// Code is a trigger code the entity type supports, MOVE or UPDATE.
	Code string
	// Target is "" (the item), "item" or "contact" (the item's contact, so
	// that Bitrix24's client routing decides which item gets it).
	Target string
	// Probability is filled with 1 when not given.
	Probability float64
	// Within is nil, or two durations ("1d", "5d") as written.
	Within []string
	// PerDay is the daily rate; 0 when Within is used.
	PerDay float64
	Data   map[string]any
	By     int
}

// WithinRange returns the window of a one-off event (zero when PerDay is used).
func (e *WhatIfEvent) WithinRange() (from, to time.Duration) {
	if len(e.Within) != 2 {
		return 0, 0
	}
	from, _ = ParseDuration(e.Within[0])
	to, _ = ParseDuration(e.Within[1])
	return from, to
}

// ---- reading ----

func (r *reader) readWhatIf(o obj) {
	n, p := o.get("whatif")
	if n == nil {
		return
	}
	wo, ok := r.object(n, p, "version", "seed", "days", "arrivals", "events", "flows")
	if !ok {
		return
	}
	w := &WhatIf{}
	if vn, vp := wo.get("version"); vn != nil {
		w.Version, _ = r.integer(vn, vp, 1, WhatIfVersion)
	}
	if sn, sp := wo.get("seed"); sn != nil {
		w.Seed, _ = r.integer(sn, sp, 0, maxInt)
	}
	if dn, dp := wo.get("days"); dn != nil {
		w.Days, _ = r.integer(dn, dp, 1, maxWhatIfDays)
	}
	an, ap := wo.get("arrivals")
	arrivals, _ := r.list(an, ap, "an array of arrivals")
	if len(arrivals) > maxWhatIfArrivals {
		r.errs.addCode(ap, "wi.arrivals", strconv.Itoa(maxWhatIfArrivals), strconv.Itoa(len(arrivals)))
		arrivals = nil
	}
	for i := range arrivals {
		if a, ok := r.whatIfArrival(&arrivals[i], indexPath(ap, i)); ok {
			w.Arrivals = append(w.Arrivals, a)
		}
	}
	en, ep := wo.get("events")
	events, _ := r.list(en, ep, "an array of what-if events")
	if len(events) > maxWhatIfEvents {
		r.errs.addCode(ep, "wi.events", strconv.Itoa(maxWhatIfEvents), strconv.Itoa(len(events)))
		events = nil
	}
	for i := range events {
		if e, ok := r.whatIfEvent(&events[i], indexPath(ep, i)); ok {
			w.Events = append(w.Events, e)
		}
	}
	w.Flows = r.whatIfFlows(wo, w.Version) // whatif_flow.go
	r.s.WhatIf = w
}

// realNumber reads a JSON number in [lo, hi].
func (r *reader) realNumber(n *jtNode, path string, lo, hi float64, what string) (float64, bool) {
	if n == nil {
		return 0, false
	}
	if n.kind != jtNumber {
		r.errs.addCode(path, "read.expected", what, n.describe())
		return 0, false
	}
	f, ok := r.number(n, path)
	if !ok {
		return 0, false
	}
	if f < lo || f > hi {
		r.errs.addCode(path, "read.expected", what, n.describe())
		return 0, false
	}
	return f, true
}

// weights reads an array of exactly want non-negative numbers (any length
// when want is 0) that do not sum to zero.
func (r *reader) weights(n *jtNode, path string, want int, what string) ([]float64, bool) {
	items, ok := r.list(n, path, what)
	if !ok {
		return nil, false
	}
	if want > 0 && len(items) != want {
		r.errs.addCode(path, "wi.entries", what, strconv.Itoa(len(items)))
		return nil, false
	}
	out := make([]float64, 0, len(items))
	sum := 0.0
	for i := range items {
		f, ok2 := r.realNumber(&items[i], indexPath(path, i), 0, maxPerDay, "a weight ≥ 0")
		ok = ok && ok2
		out = append(out, f)
		sum += f
	}
	if ok && sum <= 0 {
		r.errs.addCode(path, "wi.weights")
		return nil, false
	}
	return out, ok
}

func (r *reader) whatIfArrival(n *jtNode, path string) (WhatIfArrival, bool) {
	var a WhatIfArrival
	ao, ok := r.object(n, path, "entity", "perDay", "weekdays", "hours", "stage", "fields", "contact")
	if !ok {
		return a, false
	}
	before := len(r.errs.errs)
	a.Entity, _ = r.entity(r.need(ao, "entity", "an entity type"))
	pn, pp := r.need(ao, "perDay", "the average number of new items per day")
	a.PerDay, _ = r.realNumber(pn, pp, 0, maxPerDay, "a number of items per day from 0 to 1000000")
	if wn, wp := ao.get("weekdays"); wn != nil {
		a.Weekdays, _ = r.weights(wn, wp, 7, "7 weights, Monday to Sunday")
	}
	if hn, hp := ao.get("hours"); hn != nil {
		a.Hours, _ = r.weights(hn, hp, 24, "24 weights, hours 00 to 23")
	}
	sn, sp := r.need(ao, "stage", "a stage id or {\"values\": [stage ids], \"weights\": [numbers]}")
	if sn != nil {
		if sn.kind == jtObject {
			if v, ok := r.whatIfValue(sn, sp); ok {
				if v.Kind != WhatIfChoice {
					r.errs.addCode(sp, "wi.stageRange")
				} else {
					for i, x := range v.Values {
						s, isStr := x.(string)
						if !isStr {
							r.errs.addCode(indexPath(keyPath(sp, "values"), i), "wi.stageID")
							continue
						}
						r.stage(&jtNode{kind: jtString, text: s}, indexPath(keyPath(sp, "values"), i), a.Entity)
					}
					a.Stage = v
				}
			}
		} else if st, ok := r.stage(sn, sp, a.Entity); ok {
			a.Stage = WhatIfValue{Kind: WhatIfConst, Const: st}
		}
	}
	if fn, fp := ao.get("fields"); fn != nil {
		if fn.kind != jtObject {
			r.errs.addCode(fp, "wi.fieldsObject", fn.describe())
		} else if len(fn.kids) > maxWhatIfFields {
			r.errs.addCode(fp, "wi.fieldsMax", strconv.Itoa(maxWhatIfFields), strconv.Itoa(len(fn.kids)))
		} else {
			for i := range fn.kids {
				k := &fn.kids[i]
				kp := keyPath(fp, k.key)
				if !validFieldID(k.key) {
					r.errs.addCode(kp, "read.fieldKey", fieldIDWanted, Quote(k.key))
					continue
				}
				if v, ok := r.whatIfValue(k, kp); ok {
					a.Fields = append(a.Fields, WhatIfField{ID: k.key, Value: v})
				}
			}
		}
	}
	if cn, cp := ao.get("contact"); cn != nil {
		a.Contact, _ = r.enum(cn, cp, WhatIfContactNone, WhatIfContactNew)
	}
	return a, len(r.errs.errs) == before
}

// whatIfValue reads a constant field value or a distribution object.
func (r *reader) whatIfValue(n *jtNode, path string) (WhatIfValue, bool) {
	if n.kind != jtObject {
		v, ok := r.fieldValue(n, path)
		return WhatIfValue{Kind: WhatIfConst, Const: v}, ok
	}
	o, ok := r.object(n, path, "min", "max", "step", "values", "weights")
	if !ok {
		return WhatIfValue{}, false
	}
	before := len(r.errs.errs)
	if n.member("values") != nil {
		for _, k := range []string{"min", "max", "step"} {
			if n.member(k) != nil {
				r.errs.addCode(keyPath(path, k), "wi.notWithValues", Quote(k))
			}
		}
		v := WhatIfValue{Kind: WhatIfChoice}
		vn, vp := o.get("values")
		if items, ok := r.nonEmptyList(vn, vp, "an array of values"); ok {
			for i := range items {
				ip := indexPath(vp, i)
				if items[i].kind == jtObject {
					r.errs.addCode(ip, "wi.objectValue")
					continue
				}
				x, _ := r.fieldValue(&items[i], ip)
				v.Values = append(v.Values, x)
			}
		}
		if wn, wp := o.get("weights"); wn != nil {
			v.Weights, _ = r.weights(wn, wp, len(v.Values), "one weight ≥ 0 per value")
		}
		return v, len(r.errs.errs) == before
	}
	if n.member("weights") != nil {
		r.errs.addCode(keyPath(path, "weights"), "wi.weightsOnly")
	}
	v := WhatIfValue{Kind: WhatIfRange}
	const big = 1e15 // exact integers as float64
	mn, mp := r.need(o, "min", "a number (or give \"values\")")
	v.Min, _ = r.realNumber(mn, mp, -big, big, "a number from -1e15 to 1e15")
	xn, xp := r.need(o, "max", "a number")
	v.Max, _ = r.realNumber(xn, xp, -big, big, "a number from -1e15 to 1e15")
	if sn, sp := o.get("step"); sn != nil {
		v.Step, _ = r.realNumber(sn, sp, math.SmallestNonzeroFloat64, big, "a number > 0")
	}
	if len(r.errs.errs) == before && v.Max < v.Min {
		r.errs.addCode(keyPath(path, "max"), "wi.maxBelowMin", formatFloat(v.Min), formatFloat(v.Max))
	}
	return v, len(r.errs.errs) == before
}

func (r *reader) whatIfEvent(n *jtNode, path string) (WhatIfEvent, bool) {
	e := WhatIfEvent{Probability: 1}
	eo, ok := r.object(n, path, "name", "entity", "stage", "code", "target", "probability", "within", "perDay", "data", "by")
	if !ok {
		return e, false
	}
	before := len(r.errs.errs)
	e.Name, _ = r.str(eo.get("name"))
	e.Entity, _ = r.entity(r.need(eo, "entity", "an entity type"))
	sn, sp := r.need(eo, "stage", "the stage items must be in")
	e.Stage, _ = r.stage(sn, sp, e.Entity)
	cn, cp := r.need(eo, "code", "a trigger code, UPDATE or MOVE")
	var info TriggerInfo
	if code, ok := r.str(cn, cp); ok {
		switch code {
		case CodeUpdate, CodeMove:
			e.Code = code
		case CodeCreate:
			r.errs.addCode(cp, "wi.noCreate")
		default:
			var known bool
			info, known = LookupTrigger(code)
			switch {
			case !known:
				r.errs.addCode(cp, "wi.eventCode", Quote(code))
			case e.Entity != "" && !info.Supports(e.Entity):
				r.errs.addCode(cp, "xref.triggerNotFor", code, e.Entity, info.SupportedTypes())
			default:
				e.Code = code
			}
		}
	}
	if tn, tp := eo.get("target"); tn != nil {
		e.Target, _ = r.enum(tn, tp, WhatIfTargetItem, WhatIfTargetContact)
		if e.Target == WhatIfTargetContact && (e.Code == CodeUpdate || e.Code == CodeMove) {
			r.errs.addCode(tp, "wi.contact", e.Code)
		}
	}
	if pn, pp := eo.get("probability"); pn != nil {
		e.Probability, _ = r.realNumber(pn, pp, 0, 1, "a probability from 0 to 1")
	}
	wn, wp := eo.get("within")
	dn, dpath := eo.get("perDay")
	switch {
	case wn != nil && dn != nil:
		r.errs.addCode(dpath, "wi.withinAndPerDay")
	case wn == nil && dn == nil:
		r.errs.addCode(path, "wi.withinOrPerDay")
	case wn != nil:
		if items, ok := r.list(wn, wp, "two durations such as [\"1d\", \"5d\"]"); ok {
			if len(items) != 2 {
				r.errs.addCode(wp, "wi.twoDurations", strconv.Itoa(len(items)))
			} else {
				var ds [2]time.Duration
				good := true
				for i := range items {
					ip := indexPath(wp, i)
					s, ok := r.str(&items[i], ip)
					if !ok {
						good = false
						continue
					}
					d, err := ParseDuration(s)
					if err != nil {
						r.errs.addErr(ip, err)
						good = false
						continue
					}
					ds[i] = d
					e.Within = append(e.Within, s)
				}
				if good && ds[1] < ds[0] {
					r.errs.addCode(indexPath(wp, 1), "wi.windowOrder", e.Within[0], Quote(e.Within[1]))
				}
			}
		}
	default:
		if eo.n.member("probability") != nil {
			r.errs.addCode(keyPath(path, "probability"), "wi.probability")
		}
		e.PerDay, _ = r.realNumber(dn, dpath, math.SmallestNonzeroFloat64, 1440, "a rate per day above 0 and at most 1440")
	}
	dn2, dp2 := eo.get("data")
	switch {
	case dn2 == nil:
		if e.Code == CodeUpdate || e.Code == CodeMove {
			r.errs.addCode(dp2, "xref.eventData", e.Code)
		}
	case e.Code == CodeUpdate:
		if do, ok := r.object(dn2, dp2, "fields"); ok {
			fn, fp := r.need(do, "fields", "an object of field values")
			if fn != nil {
				if fn.kind != jtObject {
					r.errs.addCode(fp, "read.fieldsObject", fn.describe())
				} else {
					f := r.fields(fn, fp)
					if f == nil {
						f = map[string]any{}
					}
					e.Data = map[string]any{"fields": f}
				}
			}
		}
	case e.Code == CodeMove:
		if do, ok := r.object(dn2, dp2, "stage"); ok {
			stn, stp := r.need(do, "stage", "a stage id")
			if st, ok := r.stage(stn, stp, e.Entity); ok {
				e.Data = map[string]any{"stage": st}
			}
		}
	case e.Code != "":
		e.Data = r.specObject(dn2, dp2, info.Data, "data of "+e.Code)
	}
	if bn, bp := eo.get("by"); bn != nil {
		e.By, _ = r.user(bn, bp)
	}
	return e, len(r.errs.errs) == before
}

// ---- writing ----

func jNum(f float64) jtNode { return jtNode{kind: jtNumber, text: formatFloat(f)} }

func jNums(fs []float64) jtNode {
	kids := make([]jtNode, len(fs))
	for i, f := range fs {
		kids[i] = jNum(f)
	}
	return jArr(kids)
}

func (w *writer) whatIfNode(wi *WhatIf) jtNode {
	o := newObj()
	if wi.Version != 0 {
		o.set("version", jInt(wi.Version))
	}
	if wi.Seed != 0 {
		o.set("seed", jInt(wi.Seed))
	}
	if wi.Days != 0 {
		o.set("days", jInt(wi.Days))
	}
	if len(wi.Arrivals) > 0 {
		kids := make([]jtNode, len(wi.Arrivals))
		for i := range wi.Arrivals {
			kids[i] = w.whatIfArrivalNode(&wi.Arrivals[i], indexPath("whatif.arrivals", i))
		}
		o.set("arrivals", jArr(kids))
	}
	if len(wi.Events) > 0 {
		kids := make([]jtNode, len(wi.Events))
		for i := range wi.Events {
			kids[i] = w.whatIfEventNode(&wi.Events[i], indexPath("whatif.events", i))
		}
		o.set("events", jArr(kids))
	}
	if len(wi.Flows) > 0 {
		o.set("flows", w.whatIfFlowsNode(wi.Flows))
	}
	return o.node()
}

func (w *writer) whatIfArrivalNode(a *WhatIfArrival, path string) jtNode {
	o := newObj().set("entity", jStr(a.Entity)).set("perDay", jNum(a.PerDay))
	if a.Weekdays != nil {
		o.set("weekdays", jNums(a.Weekdays))
	}
	if a.Hours != nil {
		o.set("hours", jNums(a.Hours))
	}
	o.set("stage", w.whatIfValueNode(&a.Stage, keyPath(path, "stage")))
	if len(a.Fields) > 0 {
		fo := newObj()
		for i := range a.Fields {
			f := &a.Fields[i]
			fo.set(f.ID, w.whatIfValueNode(&f.Value, keyPath(keyPath(path, "fields"), f.ID)))
		}
		o.set("fields", fo.node())
	}
	o.optStr("contact", a.Contact)
	return o.node()
}

func (w *writer) whatIfValueNode(v *WhatIfValue, path string) jtNode {
	switch v.Kind {
	case WhatIfRange:
		o := newObj().set("min", jNum(v.Min)).set("max", jNum(v.Max))
		if v.Step != 0 {
			o.set("step", jNum(v.Step))
		}
		return o.node()
	case WhatIfChoice:
		kids := make([]jtNode, len(v.Values))
		for i, x := range v.Values {
			kids[i] = w.value(x, indexPath(keyPath(path, "values"), i))
		}
		o := newObj().set("values", jArr(kids))
		if v.Weights != nil {
			o.set("weights", jNums(v.Weights))
		}
		return o.node()
	default:
		return w.value(v.Const, path)
	}
}

func (w *writer) whatIfEventNode(e *WhatIfEvent, path string) jtNode {
	o := newObj()
	o.optStr("name", e.Name)
	o.set("entity", jStr(e.Entity)).set("stage", jStr(e.Stage)).set("code", jStr(e.Code))
	o.optStr("target", e.Target)
	if len(e.Within) > 0 {
		if e.Probability != 1 {
			o.set("probability", jNum(e.Probability))
		}
		kids := make([]jtNode, len(e.Within))
		for i, s := range e.Within {
			kids[i] = jStr(s)
		}
		o.set("within", jArr(kids))
	} else {
		o.set("perDay", jNum(e.PerDay))
	}
	if len(e.Data) > 0 {
		var order []string
		switch e.Code {
		case CodeUpdate:
			order = []string{"fields"}
		case CodeMove:
			order = []string{"stage"}
		default:
			if info, ok := LookupTrigger(e.Code); ok {
				for _, sp := range info.Data {
					order = append(order, sp.Key)
				}
			}
		}
		o.set("data", w.mapNode(e.Data, order, keyPath(path, "data")))
	}
	if e.By != 0 {
		o.set("by", jInt(e.By))
	}
	return o.node()
}

// String renders a WhatIfValue for messages and reports.
func (v WhatIfValue) String() string {
	switch v.Kind {
	case WhatIfRange:
		return formatFloat(v.Min) + "…" + formatFloat(v.Max)
	case WhatIfChoice:
		out := ""
		for i, x := range v.Values {
			if i > 0 {
				out += " | "
			}
			out += FormatValue("", x)
		}
		return out
	default:
		if s, ok := v.Const.(string); ok {
			return strconv.Quote(s)
		}
		return FormatValue("", v.Const)
	}
}
