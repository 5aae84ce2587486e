package engine

// The "events" section.

func (r *reader) readEvents(o obj) {
	n, p := o.get("events")
	items, _ := r.list(n, p, "an array of events")
	for i := range items {
		ip := indexPath(p, i)
		eo, ok := r.object(&items[i], ip, "at", "code", "target", "data", "by")
		if !ok {
			continue
		}
		var ev Event
		ev.At, _ = r.time(r.need(eo, "at", "a time"))
		codeNode, codePath := r.need(eo, "code", "a trigger code, CREATE, UPDATE or MOVE")
		var info TriggerInfo
		known := false
		if code, ok := r.str(codeNode, codePath); ok {
			switch code {
			case CodeCreate, CodeUpdate, CodeMove:
				known = true
			default:
				info, known = LookupTrigger(code)
				if !known {
					r.errs.addCode(codePath, "xref.eventCode", Quote(code))
				}
			}
			if known {
				ev.Code = code
			}
		}
		tn, tp := r.need(eo, "target", "a target such as \"DEAL_5\"")
		entity := "" // the entity type of the target, when it is an item or CREATE
		if target, ok := r.str(tn, tp); ok {
			entity = r.eventTarget(ev.Code, target, tp)
			ev.Target = target
		}
		dn, dp := eo.get("data")
		switch {
		case dn == nil:
			if ev.Code == CodeCreate || ev.Code == CodeUpdate || ev.Code == CodeMove {
				r.errs.addCode(dp, "xref.eventData", ev.Code)
			}
		case ev.Code == CodeCreate:
			ev.Data = r.createData(dn, dp, entity)
		case ev.Code == CodeUpdate:
			if do, ok := r.object(dn, dp, "fields"); ok {
				fn, fp := r.need(do, "fields", "an object of field values")
				if fn != nil {
					if fn.kind != jtObject {
						r.errs.addCode(fp, "read.fieldsObject", fn.describe())
					} else {
						f := r.fields(fn, fp)
						if f == nil {
							f = map[string]any{}
						}
						ev.Data = map[string]any{"fields": f}
					}
				}
			}
		case ev.Code == CodeMove:
			if do, ok := r.object(dn, dp, "stage"); ok {
				sn, sp := r.need(do, "stage", "a stage id")
				if st, ok := r.stage(sn, sp, entity); ok {
					ev.Data = map[string]any{"stage": st}
				}
			}
		case known:
			ev.Data = r.specObject(dn, dp, info.Data, "data of "+ev.Code)
		default:
			if dn.kind != jtObject {
				r.errs.addCode(dp, "read.expected", "an object", dn.describe())
			}
		}
		if bn, bp := eo.get("by"); bn != nil {
			ev.By, _ = r.user(bn, bp)
		}
		r.s.Events = append(r.s.Events, ev)
	}
}

// eventTarget checks an event's target against its code and returns the
// entity type it names ("" for clients, e-mails, tasks or errors).
func (r *reader) eventTarget(code, target, path string) string {
	if code == CodeCreate {
		if !ValidEntityType(target) {
			r.errs.addErr(path, entityTypeErr("CREATE: ", target))
			return ""
		}
		if r.entities[target] == nil {
			r.errs.addCode(path, "xref.undeclared", target)
			return ""
		}
		return target
	}
	t, _, ok := ParseTarget(target)
	if !ok {
		r.errs.addCode(path, "xref.eventTarget", Quote(target))
		return ""
	}
	if ValidEntityType(t) {
		if r.entities[t] == nil {
			r.errs.addCode(path, "xref.undeclared", t)
			return ""
		}
		return t
	}
	if code == CodeUpdate || code == CodeMove {
		r.errs.addCode(path, "xref.itemTargetFor", code, Quote(target))
	}
	return ""
}

func (r *reader) createData(n *jtNode, path, entity string) map[string]any {
	o, ok := r.object(n, path, "stage", "fields", "contact", "company", "parent")
	if !ok {
		return nil
	}
	out := map[string]any{}
	sn, sp := r.need(o, "stage", "a stage id")
	if st, ok := r.stage(sn, sp, entity); ok {
		out["stage"] = st
	}
	if fn, fp := o.get("fields"); fn != nil {
		if f := r.fields(fn, fp); f != nil {
			out["fields"] = f
		}
	}
	if v, ok := r.id(o.get("contact")); ok {
		out["contact"] = v
	}
	if v, ok := r.id(o.get("company")); ok {
		out["company"] = v
	}
	if v, ok := r.itemTarget(o.get("parent")); ok {
		out["parent"] = v
	}
	return out
}
