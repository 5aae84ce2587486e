package engine

import "strconv"

// The "entities" section: entity types, their fields, pipelines and stages.

func (r *reader) readEntities(o obj) {
	n, p := r.need(o, "entities", "an array of entity types")
	items, _ := r.nonEmptyList(n, p, "an array of entity types")
	for i := range items {
		if e, ok := r.readEntity(&items[i], indexPath(p, i)); ok {
			r.s.Entities = append(r.s.Entities, e)
		}
	}
}

func (r *reader) readEntity(n *jtNode, path string) (Entity, bool) {
	var e Entity
	o, ok := r.object(n, path, "type", "title", "pipelines", "fields")
	if !ok {
		return e, false
	}
	tn, tp := r.need(o, "type", "an entity type such as \"DEAL\"")
	if t, ok := r.str(tn, tp); ok {
		switch {
		case !ValidEntityType(t):
			r.errs.addErr(tp, entityTypeErr("", t))
		case r.entities[t] != nil:
			r.errs.addCode(tp, "xref.duplicateEntity", t)
		default:
			e.Type = t
		}
	}
	if e.Type == "" {
		return e, false
	}
	info := &entityInfo{stages: map[string]int{}, pipelines: map[int]bool{}}
	r.entities[e.Type] = info
	e.Title, _ = r.str(o.get("title"))

	pn, pp := o.get("pipelines")
	if pn == nil {
		e.PipelinesDefaulted = true
		e.Pipelines = []Pipeline{DefaultPipeline(e.Type, r.s.Locale, 0)}
	} else if items, ok := r.nonEmptyList(pn, pp, "an array of pipelines"); ok {
		if SinglePipeline(e.Type) && len(items) != 1 {
			r.errs.addCode(pp, "xref.onePipeline", e.Type, strconv.Itoa(len(items)))
		}
		for i := range items {
			ip := indexPath(pp, i)
			pl := r.readPipeline(&items[i], ip, e.Type, info)
			e.Pipelines = append(e.Pipelines, pl)
		}
	}
	for _, pl := range e.Pipelines {
		info.pipelines[pl.ID] = true
		for _, st := range pl.Stages {
			if _, dup := info.stages[st.ID]; !dup {
				info.stages[st.ID] = pl.ID
			}
		}
	}

	if fn, fp := o.get("fields"); fn != nil {
		items, _ := r.list(fn, fp, "an array of fields")
		seen := map[string]bool{}
		standard := map[string]bool{}
		for _, f := range StandardFields() {
			standard[f.ID] = true
		}
		for i := range items {
			ip := indexPath(fp, i)
			fo, ok := r.object(&items[i], ip, "id", "name", "type", "multiple")
			if !ok {
				continue
			}
			var f Field
			idNode, idPath := r.need(fo, "id", fieldIDWanted)
			if id, ok := r.fieldID(idNode, idPath); ok {
				if seen[id] {
					r.errs.addCode(idPath, "xref.duplicateField", id)
				}
				seen[id] = true
				f.ID = id
			}
			f.Name, _ = r.str(fo.get("name"))
			r.need(fo, "type", "a field type")
			f.Type, _ = r.fieldType(fo)
			// A standard field needs no declaration, but declaring it (to
			// give it a name, say) is harmless as long as the type agrees;
			// number and money are both amounts.
			if standard[f.ID] && f.Type != "" && !sameFieldKind(f.Type, StandardFieldType(f.ID)) {
				tp := keyPath(ip, "type")
				r.errs.addCode(tp, "xref.standardField", f.ID, StandardFieldType(f.ID), f.Type)
			}
			f.Multiple, _ = r.boolean(fo.get("multiple"))
			e.Fields = append(e.Fields, f)
		}
	}
	return e, true
}

// sameFieldKind reports whether two field types hold the same kind of
// value (number and money are both amounts).
func sameFieldKind(a, b string) bool {
	amount := func(t string) bool { return t == FieldNumber || t == FieldMoney }
	return a == b || amount(a) && amount(b)
}

// fieldType reads a field's "type"; need has already reported absence.
func (r *reader) fieldType(fo obj) (string, bool) {
	n, p := fo.get("type")
	if n == nil {
		return "", false
	}
	return r.enum(n, p, FieldString, FieldNumber, FieldMoney, FieldBool, FieldDate, FieldDateTime, FieldUser, FieldList)
}

func (r *reader) readPipeline(n *jtNode, path, entity string, info *entityInfo) Pipeline {
	var pl Pipeline
	o, ok := r.object(n, path, "id", "name", "stages")
	if !ok {
		return pl
	}
	idNode, idPath := r.need(o, "id", "an integer ≥ 0")
	if id, ok := r.integer(idNode, idPath, 0, maxInt); ok {
		switch {
		case SinglePipeline(entity) && id != 0:
			r.errs.addCode(idPath, "xref.singlePipelineID", entity, strconv.Itoa(id))
		case info.pipelines[id]:
			r.errs.addCode(idPath, "xref.duplicatePipeline", strconv.Itoa(id))
		}
		info.pipelines[id] = true
		pl.ID = id
	}
	pl.Name, _ = r.str(r.need(o, "name", "a string"))
	sn, sp := r.need(o, "stages", "an array of stages")
	items, ok := r.nonEmptyList(sn, sp, "an array of stages")
	if !ok {
		return pl
	}
	process, success := 0, 0
	for i := range items {
		ip := indexPath(sp, i)
		st, ok := r.readStage(&items[i], ip)
		if !ok {
			continue
		}
		if st.ID != "" {
			if other, dup := info.stages[st.ID]; dup {
				r.errs.addCode(keyPath(ip, "id"), "xref.duplicateStage", Quote(st.ID), strconv.Itoa(other))
			} else {
				info.stages[st.ID] = pl.ID
			}
		}
		semPath := keyPath(ip, "semantics")
		switch st.Semantics {
		case Process:
			if success > 0 {
				r.errs.addCode(semPath, "xref.processAfterSuccess")
			}
			process++
		case Success:
			success++
			if success == 2 {
				r.errs.addCode(semPath, "xref.secondSuccess")
			}
		case Failure:
			if success == 0 {
				r.errs.addCode(semPath, "xref.failureBeforeSuccess")
			}
		}
		pl.Stages = append(pl.Stages, st)
	}
	if process == 0 {
		r.errs.addCode(sp, "xref.noProcess")
	}
	if success == 0 {
		r.errs.addCode(sp, "xref.noSuccess")
	}
	return pl
}

func (r *reader) readStage(n *jtNode, path string) (Stage, bool) {
	var st Stage
	o, ok := r.object(n, path, "id", "name", "semantics", "color")
	if !ok {
		return st, false
	}
	idNode, idPath := r.need(o, "id", "a stage id")
	if id, ok := r.str(idNode, idPath); ok {
		if validStageID(id) {
			st.ID = id
		} else {
			r.errs.addCode(idPath, "xref.stageID", Quote(id))
		}
	}
	st.Name, _ = r.str(r.need(o, "name", "a string"))
	semNode, semPath := r.need(o, "semantics", `"process", "success" or "failure"`)
	st.Semantics, _ = r.enum(semNode, semPath, Process, Success, Failure)
	if cn, cp := o.get("color"); cn != nil {
		if c, ok := r.str(cn, cp); ok {
			if validColor(c) {
				st.Color = c
			} else {
				r.errs.addCode(cp, "xref.color", Quote(c))
			}
		}
	}
	return st, true
}

func validStageID(s string) bool {
	if s == "" || len(s) > 50 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == ':') {
			return false
		}
	}
	return true
}

func validColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
