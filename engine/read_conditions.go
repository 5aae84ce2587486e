package engine

// Conditions, shared by triggers and robots.

// condition reads a Condition; nil when absent or empty.
func (r *reader) condition(n *jtNode, path string) Condition {
	items, ok := r.list(n, path, "a condition (an array of clauses)")
	if !ok || len(items) == 0 {
		return nil
	}
	c := make(Condition, 0, len(items))
	for i := range items {
		ip := indexPath(path, i)
		o, ok := r.object(&items[i], ip, "field", "op", "value", "join")
		if !ok {
			continue
		}
		var cl Clause
		fn, fp := r.need(o, "field", "a field id")
		cl.Field, _ = r.nonEmpty(fn, fp, "a field id")
		opNode, opPath := r.need(o, "op", "a condition operator")
		if op, ok := r.str(opNode, opPath); ok {
			if ValidateClauseOp(op) {
				cl.Op = op
			} else {
				r.errs.addCode(opPath, "cond.operator", Quote(op))
			}
		}
		vn, vp := o.get("value")
		if vn != nil {
			cl.HasValue = true
			cl.Value, _ = r.fieldValue(vn, vp)
			if cl.Op == "between" {
				if arr, isArr := cl.Value.([]any); !isArr || len(arr) != 2 {
					r.errs.addCode(vp, "cond.between", vn.describe())
				}
			}
		} else if cl.Op != "" && cl.Op != "empty" && cl.Op != "!empty" {
			r.errs.addCode(vp, "cond.missingValue")
		}
		cl.Join = "and"
		if jn, jp := o.get("join"); jn != nil {
			if j, ok := r.enum(jn, jp, "and", "or"); ok {
				cl.Join = j
			}
		}
		c = append(c, cl)
	}
	if len(c) == 0 {
		return nil
	}
	return c
}
