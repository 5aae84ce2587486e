package engine

import (
	"strconv"
	"strings"
)

// Triggers: unsupported, first stage, unsatisfiable, unwatchable.

func (l *linter) checkTriggers() {
	for i := range l.sc.Triggers {
		t := &l.sc.Triggers[i]
		if !l.trig[i].ok {
			continue
		}
		path := triggerPath(i)
		switch {
		case !l.known[i]:
			l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsupported, SeverityError, path+".code",
				Reason{Code: "lint.unknownCode", Args: []string{t.ID, t.Code}}))
			continue
		case !l.supported[i]:
			l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsupported, SeverityError, path+".code",
				Reason{Code: "lint.unsupported", Args: []string{t.ID, t.Code, t.Entity, l.info[i].SupportedTypes()}}))
			continue
		}
		if l.fireless(i) {
			l.out = append(l.out, l.triggerFinding(i, LintTriggerFirstStage, SeverityError, path,
				Reason{Code: "lint.firstStage", Args: []string{t.ID, l.stage(l.trig[i].ref).ID}}))
		}
		if t.Code == "FIELD_CHANGED" {
			l.checkWatched(i)
			continue
		}
		l.checkEventFilter(i)
	}
}

// checkWatched is FIELD_CHANGED's field list: empty never matches, and
// fields Bitrix24 does not offer are never compared.
func (l *linter) checkWatched(i int) {
	t := &l.sc.Triggers[i]
	path := triggerPath(i) + ".settings.fields"
	var listed, bad []string
	for _, f := range stringList(t.Settings["fields"]) {
		if f == "" {
			continue
		}
		listed = append(listed, f)
		if !FieldWatchable(f, t.Entity) {
			bad = append(bad, f)
		}
	}
	switch {
	case len(listed) == 0:
		l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsatisfiable, SeverityError, path,
			Reason{Code: "lint.fieldsNone", Args: []string{t.ID}}))
	case len(bad) == len(listed):
		l.out = append(l.out, l.triggerFinding(i, LintFieldNotWatchable, SeverityError, path,
			Reason{Code: "lint.unwatchableAll", Args: []string{t.ID, strings.Join(bad, ", ")}}))
	case len(bad) > 0:
		l.out = append(l.out, l.triggerFinding(i, LintFieldNotWatchable, SeverityWarning, path,
			Reason{Code: "lint.unwatchableSome", Args: []string{t.ID, strings.Join(bad, ", ")}}))
	}
}

// checkEventFilter warns when the script has events of the trigger's code
// that could reach its entity type, and the trigger's individual settings
// (form, line, link, code, …) reject every one of them. A scenario without
// such events says nothing about the filter, so it is left alone.
func (l *linter) checkEventFilter(i int) {
	t := &l.sc.Triggers[i]
	if len(t.Settings) == 0 {
		return
	}
	n := 0
	var first Reason
	for _, ev := range l.sc.Events {
		if ev.Code != t.Code || !l.eventMayReach(ev, t) {
			continue
		}
		ok, why := l.info[i].Matches(t.Settings, ev.Data)
		if ok {
			return
		}
		if n == 0 {
			first = why
		}
		n++
	}
	if n == 0 {
		return
	}
	l.out = append(l.out, l.triggerFinding(i, LintTriggerUnsatisfiable, SeverityWarning, triggerPath(i)+".settings",
		Reason{Code: "lint.noEventMatches", Args: []string{t.ID, strconv.Itoa(n), t.Code}, Parts: []Reason{first}}))
}

// eventMayReach reports whether an event could be delivered to an item of
// the trigger's entity type: an item of that type, a client (which reaches
// deals, orders and smart processes only), or an e-mail or task (bound to
// whichever item a robot made it for).
func (l *linter) eventMayReach(ev Event, t *Trigger) bool {
	typ, _, ok := ParseTarget(ev.Target)
	if !ok {
		return false
	}
	switch typ {
	case "CONTACT", "COMPANY":
		return t.Entity == typeDeal || t.Entity == typeOrder || IsDynamic(t.Entity)
	case "EMAIL", "TASK":
		return true
	}
	return typ == t.Entity
}
