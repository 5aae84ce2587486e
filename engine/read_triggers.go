package engine

// The "triggers" section, with the typed settings shared by event data.

func (r *reader) readTriggers(o obj) {
	n, p := o.get("triggers")
	items, _ := r.list(n, p, "an array of triggers")
	for i := range items {
		ip := indexPath(p, i)
		to, ok := r.object(&items[i], ip, "id", "entity", "stage", "code", "name", "settings", "condition",
			"allowBackwards", "executeBy")
		if !ok {
			continue
		}
		var t Trigger
		idNode, idPath := r.need(to, "id", "a trigger id")
		if id, ok := r.refID(idNode, idPath, "a trigger id"); ok {
			if _, dup := r.triggers[id]; dup {
				r.errs.addCode(idPath, "xref.duplicateTrigger", Quote(id))
			}
			t.ID = id
		}
		t.Entity, _ = r.entity(r.need(to, "entity", "an entity type"))
		if t.ID != "" {
			if _, dup := r.triggers[t.ID]; !dup {
				r.triggers[t.ID] = t.Entity
			}
		}
		sn, sp := r.need(to, "stage", "a stage id")
		t.Stage, _ = r.stage(sn, sp, t.Entity)
		codeNode, codePath := r.need(to, "code", "a trigger code")
		var info TriggerInfo
		known := false
		if code, ok := r.str(codeNode, codePath); ok {
			info, known = LookupTrigger(code)
			switch {
			case !known:
				r.errs.addCode(codePath, "xref.unknownTriggerCode", Quote(code))
			case t.Entity != "" && !info.Supports(t.Entity):
				r.errs.addCode(codePath, "xref.triggerNotFor", code, t.Entity, info.SupportedTypes())
			}
			t.Code = code
		}
		t.Name, _ = r.str(to.get("name"))
		if sn, sp := to.get("settings"); sn != nil && known {
			t.Settings = r.specObject(sn, sp, info.Settings, "settings of "+t.Code)
		} else if sn != nil && sn.kind != jtObject {
			r.errs.addCode(sp, "read.expected", "an object", sn.describe())
		}
		if cn, cp := to.get("condition"); cn != nil {
			t.Condition = r.condition(cn, cp)
		}
		t.AllowBackwards, _ = r.boolean(to.get("allowBackwards"))
		if en, ep := to.get("executeBy"); en != nil {
			t.ExecuteBySet = true
			if en.kind == jtString && en.text == "responsible" {
				t.ExecuteBy = ExecuteByResponsible
			} else if en.kind == jtNumber {
				t.ExecuteBy, _ = r.user(en, ep)
			} else {
				r.errs.addCode(ep, "xref.executeBy", en.describe())
			}
		}
		r.s.Triggers = append(r.s.Triggers, t)
	}
}

// specObject reads an object whose keys are given by specs (trigger
// settings, event data); what names it for messages. nil when empty.
func (r *reader) specObject(n *jtNode, path string, specs []SettingSpec, what string) map[string]any {
	keys := make([]string, len(specs))
	for i, sp := range specs {
		keys[i] = sp.Key
	}
	o, ok := r.object(n, path, keys...)
	if !ok || len(n.kids) == 0 {
		return nil
	}
	out := map[string]any{}
	for _, sp := range specs {
		vn, vp := o.get(sp.Key)
		if vn == nil {
			continue
		}
		if v, ok := r.kindValue(vn, vp, sp.Kind); ok {
			out[sp.Key] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// kindValue reads a value of a SettingSpec kind.
func (r *reader) kindValue(n *jtNode, path, kind string) (any, bool) {
	switch kind {
	case "string":
		return r.str(n, path)
	case "int":
		return r.integer(n, path, 0, maxInt)
	case "strings":
		return r.strings(n, path)
	case "condition":
		before := len(r.errs.errs)
		c := r.condition(n, path)
		return c, len(r.errs.errs) == before
	case "object":
		before := len(r.errs.errs)
		f := r.fields(n, path)
		if f == nil {
			f = map[string]any{}
		}
		return f, len(r.errs.errs) == before
	default:
		// A kind this reader does not know: keep it as a field value.
		return r.fieldValue(n, path)
	}
}
