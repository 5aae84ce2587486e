package engine

import "strconv"

// Cross-reference helpers: names that must be declared elsewhere in the
// document (entities, stages, users, items).

// entity reads an entity type that must be declared in entities.
func (r *reader) entity(n *jtNode, path string) (string, bool) {
	s, ok := r.str(n, path)
	if !ok {
		return "", false
	}
	if !ValidEntityType(s) {
		r.errs.addErr(path, entityTypeErr("", s))
		return "", false
	}
	if r.entities[s] == nil {
		r.errs.addCode(path, "xref.undeclared", s)
		return "", false
	}
	return s, true
}

// stage reads a stage id that must exist in the entity (any pipeline).
// entity is "" when it could not be read; then only the type is checked.
func (r *reader) stage(n *jtNode, path, entity string) (string, bool) {
	s, ok := r.nonEmpty(n, path, "a stage id")
	if !ok || entity == "" {
		return s, ok
	}
	if _, found := r.entities[entity].stages[s]; !found && !bareStageAlias(r.entities[entity].stages, s) {
		r.errs.addCode(path, "xref.unknownStage", Quote(s), entity)
		return "", false
	}
	return s, true
}

// bareStageAlias reports whether id is the unambiguous bare form of a
// prefixed stage id ("P" for "DT31_0:P"); people write default smart-invoice
// and smart-process stages that way, and the engine accepts it too.
func bareStageAlias(stages map[string]int, id string) bool {
	n := 0
	for full := range stages {
		if i := lastIndexByte(full, ':'); i >= 0 && full[i+1:] == id {
			n++
		}
	}
	return n == 1
}

// user reads the id of a declared user.
func (r *reader) user(n *jtNode, path string) (int, bool) {
	id, ok := r.integer(n, path, 1, maxInt)
	if !ok {
		return 0, false
	}
	if !r.users[id] {
		r.errs.addCode(path, "xref.undeclaredUser", strconv.Itoa(id))
		return 0, false
	}
	return id, true
}

// itemTarget reads the target of an item of a declared entity type.
func (r *reader) itemTarget(n *jtNode, path string) (string, bool) {
	s, ok := r.str(n, path)
	if !ok {
		return "", false
	}
	t, _, ok := ParseTarget(s)
	if !ok || !ValidEntityType(t) {
		r.errs.addCode(path, "xref.itemTarget", Quote(s))
		return "", false
	}
	if r.entities[t] == nil {
		r.errs.addCode(path, "xref.undeclared", t)
		return "", false
	}
	return s, true
}
