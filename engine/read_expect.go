package engine

import "strconv"

// The "expect" section.

// expectKinds are the mutually exclusive things an expectation checks.
var expectKinds = []string{"stage", "fired", "notFired", "ran", "notRan", "field"}

func (r *reader) readExpect(o obj) {
	n, p := o.get("expect")
	items, _ := r.list(n, p, "an array of expectations")
	for i := range items {
		ip := indexPath(p, i)
		xo, ok := r.object(&items[i], ip, "at", "target", "stage", "fired", "notFired", "ran", "notRan",
			"field", "value", "name")
		if !ok {
			continue
		}
		var x Expectation
		x.Name, _ = r.str(xo.get("name"))
		tn, tp := r.need(xo, "target", "an item target such as \"DEAL_5\"")
		entity := ""
		if t, ok := r.itemTarget(tn, tp); ok {
			x.Target = t
			entity, _, _ = ParseTarget(t)
		}
		var given []string
		for _, k := range expectKinds {
			if xo.n.member(k) != nil {
				given = append(given, k)
			}
		}
		switch len(given) {
		case 0:
			r.errs.addCode(ip, "xref.expectOneOf", quoteHead(expectKinds), strconv.Quote(expectKinds[len(expectKinds)-1]))
		case 1:
		default:
			r.errs.addCode(ip, "xref.expectCombined", quoteHead(given), strconv.Quote(given[len(given)-1]))
		}
		if an, ap := xo.get("at"); an != nil {
			if xo.n.member("stage") == nil {
				r.errs.addCode(ap, "xref.atOnlyWithStage")
			} else if t, ok := r.time(an, ap); ok {
				x.At = &t
			}
		}
		if sn, sp := xo.get("stage"); sn != nil {
			x.Stage, _ = r.stage(sn, sp, entity)
		}
		x.Fired, _ = r.expectRef(xo, "fired", entity, r.triggers, "trigger")
		x.NotFired, _ = r.expectRef(xo, "notFired", entity, r.triggers, "trigger")
		x.Ran, _ = r.expectRef(xo, "ran", entity, r.robots, "robot")
		x.NotRan, _ = r.expectRef(xo, "notRan", entity, r.robots, "robot")
		vn, vp := xo.get("value")
		if fn, fp := xo.get("field"); fn != nil {
			x.Field, _ = r.fieldID(fn, fp)
			if vn == nil {
				r.errs.addCode(vp, "xref.expectValue")
			} else {
				x.Value, _ = r.fieldValue(vn, vp)
			}
		} else if vn != nil {
			r.errs.addCode(vp, "xref.valueOnlyWithField")
		}
		r.s.Expect = append(r.s.Expect, x)
	}
}

// expectRef reads a trigger or robot id named by an expectation.
func (r *reader) expectRef(xo obj, key, entity string, declared map[string]string, what string) (string, bool) {
	n, p := xo.get(key)
	id, ok := r.nonEmpty(n, p, "a "+what+" id")
	if !ok {
		return "", false
	}
	on, found := declared[id]
	switch {
	case !found:
		r.errs.addCode(p, "xref.unknown."+what, Quote(id))
		return "", false
	case entity != "" && on != "" && on != entity:
		r.errs.addCode(p, "xref.on."+what, Quote(id), on, entity)
		return "", false
	}
	return id, true
}
