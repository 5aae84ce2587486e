package engine

import (
	"slices"
	"strings"
)

// dispatch offers one event to one item: the firing algorithm of sections
// 2.3–2.4. Candidates are the triggers with the event's code in the item's
// own pipeline, in stage order; the current stage is excluded, earlier
// stages need allowBackwards; the first whose condition and individual
// settings pass moves the item, and the others are logged with the reason
// they did not. It reports whether a trigger fired.
func (s *Sim) dispatch(code string, it *item, data map[string]any, changed []string) bool {
	cands := it.pm.byCode[code]
	if len(cands) == 0 && !s.quiet {
		s.explainNoCandidates(code, it)
	}
	var winner *trigModel
	rest := len(cands)
	cur := it.stage // the stage the event found the item on
	for i, tm := range cands {
		if tm.stage == it.stage {
			if !s.quiet {
				s.skip(it, tm, Reason{Code: "skip.current", Args: tm.argStage})
			}
			continue
		}
		if tm.stage < it.stage && !tm.t.AllowBackwards {
			if !s.quiet {
				s.skip(it, tm, Reason{Code: "skip.backwards", Args: tm.argBack[it.stage-tm.stage-1]})
			}
			continue
		}
		if s.quiet {
			if !tm.cond.Eval(it) {
				continue
			}
		} else if s.briefs != nil && s.brief(tm, codeConditionFalse) {
			// A batch reader has this reason (KnowReason): evaluate, do
			// not explain.
			if !tm.cond.Eval(it) {
				s.skip(it, tm, Reason{Code: codeConditionFalse})
				continue
			}
		} else if ok, why := tm.cond.Explain(it); !ok {
			s.skip(it, tm, why)
			continue
		}
		if ok, why := s.matches(tm, it, data, changed); !ok {
			if !s.quiet {
				s.skip(it, tm, why)
			}
			continue
		}
		winner, rest = tm, i+1
		break
	}
	if winner != nil {
		if !s.step(winner.label, it.target) {
			return true
		}
		s.moveByTrigger(winner, it)
	}
	if !s.quiet {
		for _, tm := range cands[rest:] {
			switch {
			case tm.stage == cur:
				// The winner went backwards past the current stage: this
				// trigger was never a candidate, whatever fired.
				s.skip(it, tm, Reason{Code: "skip.current", Args: tm.argStage})
			case tm.stage == winner.stage:
				s.skip(it, tm, Reason{Code: "skip.sameStageFired", Args: winner.argID})
			default:
				s.skip(it, tm, Reason{Code: "skip.earlierFired", Args: winner.argID})
			}
		}
		for _, pm := range it.em.pipelines {
			if pm == it.pm {
				continue
			}
			for _, tm := range pm.byCode[code] {
				s.skip(it, tm, Reason{Code: "skip.otherPipeline", Args: []string{pm.p.Name, it.pm.p.Name}})
			}
		}
	}
	if winner == nil {
		return false
	}
	s.enterStage(it)
	s.afterStageChange(it)
	return true
}

// explainNoCandidates says why an event had nothing to try on an item:
// the entity type cannot have such triggers, or its pipeline has none.
func (s *Sim) explainNoCandidates(code string, it *item) {
	if info, ok := s.m.catalog[code]; ok && !info.Supports(it.em.typ) {
		why := Reason{Code: "none.unsupported"}
		if !s.briefNote(why.Code) {
			why.Args = []string{it.em.typ, code, info.SupportedTypes()}
		}
		s.add(LogEntry{Type: LogNote, Target: it.target, Code: code, Why: why})
		return
	}
	why := Reason{Code: "none.inPipeline"}
	if !s.briefNote(why.Code) {
		why.Args = []string{code, it.pm.p.Name}
	}
	s.add(LogEntry{Type: LogNote, Target: it.target, Code: code, Why: why})
}

func (s *Sim) skip(it *item, tm *trigModel, why Reason) {
	s.add(LogEntry{Type: LogSkip, Target: it.target, Code: tm.t.Code, Trigger: tm.t.ID, Why: why})
}

// matches is the trigger's individual check. FIELD_CHANGED is decided here
// from the fields that really changed; the rest is the catalogue's rule.
func (s *Sim) matches(tm *trigModel, it *item, data map[string]any, changed []string) (bool, Reason) {
	if tm.t.Code == "FIELD_CHANGED" {
		return fieldChangedMatches(tm.t.Settings, changed, it.em.typ)
	}
	return tm.info.Matches(tm.t.Settings, data)
}

func fieldChangedMatches(settings map[string]any, changed []string, entityType string) (bool, Reason) {
	list := stringList(settings["fields"])
	if len(list) == 0 {
		return false, Reason{Code: "fields.none"}
	}
	var watched []string
	for _, f := range list {
		if f == "" {
			continue
		}
		if !FieldWatchable(f, entityType) {
			continue
		}
		watched = append(watched, f)
		for _, c := range changed {
			if c == f {
				return true, Reason{}
			}
		}
	}
	if len(watched) == 0 {
		return false, Reason{Code: "fields.unwatchable", Args: []string{strings.Join(list, ", ")}}
	}
	return false, Reason{Code: "fields.unchanged", Args: []string{strings.Join(watched, ", "), strings.Join(changed, ", ")}}
}

// stringList reads a list of strings kept as []string or []any.
func stringList(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// FieldWatchable reports whether Bitrix24 lets a FIELD_CHANGED trigger
// watch the field (section 1.2: ids, links, stage, pipeline, dates,
// amounts, responsible and multi-fields are not selectable).
func FieldWatchable(f, entityType string) bool {
	switch f {
	case "ID", "LEAD_ID", "DEAL_ID", "CONTACT_ID", "CONTACT_IDS", "COMPANY_ID", "CREATED_BY_ID",
		"MODIFY_BY_ID", "DATE_CREATE", "DATE_MODIFY", "WEBFORM_ID", "STATUS_ID", "STAGE_ID",
		"CATEGORY_ID", "ORIGINATOR_ID", "ORIGIN_ID", "PRODUCT_IDS", "PHONE", "EMAIL", "WEB", "IM":
		return false
	}
	for _, part := range []string{"OPPORTUNITY", "CURRENCY_ID", "ASSIGNED_BY", "RESPONSIBLE", ".", "_PRINTABLE"} {
		if strings.Contains(f, part) {
			return false
		}
	}
	for _, prefix := range []string{"EVENT_", "PHONE_", "WEB_", "EMAIL_", "IM_"} {
		if strings.HasPrefix(f, prefix) {
			return false
		}
	}
	if entityType == "ORDER" && strings.HasPrefix(f, "UF_") {
		return false
	}
	return true
}

// moveByTrigger moves the item to the trigger's stage on behalf of the
// trigger's "execute by" user (section 2.6). The stage write does not go
// through the update path, so it never fires FIELD_CHANGED or RESP_CHANGED;
// the caller then starts the new stage's robots.
func (s *Sim) moveByTrigger(tm *trigModel, it *item) {
	by := tm.t.ExecuteBy
	if by == ExecuteByResponsible {
		by = it.responsible()
	}
	if it.em.typ == "ORDER" {
		// Orders do not offer "Изменять стадию от имени" (section 2.1):
		// their trigger writes run as the system user.
		by = 0
	}
	from := it.stageID()
	s.setStage(it, tm.pipeline, tm.stage, by)
	s.count(it, tm.index, true)
	if s.keeps(LogTrigger) {
		s.add(LogEntry{Type: LogTrigger, Target: it.target, Code: tm.t.Code, From: from, To: it.stageID(), Trigger: tm.t.ID, By: s.intp(by)})
	}
}

// setStage writes the stage and what Bitrix24 keeps with it.
func (s *Sim) setStage(it *item, pm *pipelineModel, stage int, by int) {
	it.pm = pm
	it.stage = stage
	it.entered = s.now
	s.touch(it, by)
	s.addPoint(it)
}

func (s *Sim) touch(it *item, by int) {
	it.modified = s.now
	it.modifiedBy = by
}

// afterStageChange fires what a stage entry sets off besides robots: a
// smart invoice reaching its success stage is a paid invoice, and the
// INVOICE trigger reaches its parent deal.
func (s *Sim) afterStageChange(it *item) {
	if it.em.typ != "SMART_INVOICE" || it.semantics() != Success || it.parent == "" {
		return
	}
	deal := s.byTarget[it.parent]
	if deal == nil || deal.em.typ != "DEAL" {
		s.add(LogEntry{Type: LogNote, Target: it.target, Code: "INVOICE", Why: Reason{Code: "invoice.noDeal", Args: []string{it.target, it.parent}}})
		return
	}
	s.add(LogEntry{Type: LogEvent, Code: "INVOICE", Target: deal.target, Why: Reason{Code: "invoice.paid", Args: []string{it.target, deal.target}}})
	s.dispatch("INVOICE", deal, nil, nil)
}

// manualMove is a user dragging a card: an update of STAGE_ID (and, for a
// deal moved into another pipeline's stage, of CATEGORY_ID).
func (s *Sim) manualMove(it *item, stageID string, by int) {
	ref, ok := it.em.stage(stageID)
	if !ok {
		s.add(LogEntry{Type: LogError, Target: it.target, Why: Reason{Code: "stage.missing", Args: []string{stageID, it.em.typ}}})
		return
	}
	s.moveStage(it, ref, by, "")
}

// update is Bitrix24's update path (section 2.7): compute what really
// changed, RESP_CHANGED first, FIELD_CHANGED only when no trigger applied,
// and the new stage's robots only when no trigger applied.
func (s *Sim) update(it *item, fields map[string]any, by int, robot string) {
	stageChanged := false
	from := it.stageID()
	// Updates write a few fields: the keys and the list of changed ones
	// live on the stack unless there are more than eight.
	var keyBuf, changedBuf [8]string
	changed := changedBuf[:0]
	keys := keyBuf[:0]
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := fields[k]
		if k == "STAGE_ID" || k == "STATUS_ID" {
			id, _ := v.(string)
			ref, ok := it.em.stage(id)
			if !ok {
				s.add(LogEntry{Type: LogError, Target: it.target, Robot: robot, Why: Reason{Code: "stage.missing", Args: []string{id, it.em.typ}}})
				continue
			}
			if ref.pipeline != it.pm && it.em.typ != "DEAL" {
				s.add(LogEntry{Type: LogError, Target: it.target, Robot: robot, Why: Reason{Code: "stage.otherPipeline", Args: []string{id, it.target}}})
				continue
			}
			if ref.pipeline == it.pm && ref.index == it.stage {
				continue
			}
			s.setStage(it, ref.pipeline, ref.index, by)
			stageChanged = true
			continue
		}
		if k == "DATE_MODIFY" || k == "MODIFY_BY_ID" {
			continue // kept by the engine, as Bitrix24 does
		}
		old, had := it.fields[k]
		if had && ValuesEqual(it.em.fieldType(k), old, v) || !had && IsEmpty(it.em.fieldType(k), v) {
			continue
		}
		it.setField(k, v)
		changed = append(changed, k)
	}
	if !stageChanged && len(changed) == 0 {
		s.add(LogEntry{Type: LogNote, Target: it.target, Robot: robot, Why: Reason{Code: "update.nothing"}})
		return
	}
	s.updated(it, from, stageChanged, fields, changed, by, robot)
}

// moveStage is update(it, {"STAGE_ID": ref's stage}, by, robot): the
// same entries and triggers, without a map made for every move (a robot
// changing the stage, a user dragging a card). What is not a move (the
// item's own stage, another pipeline for what is not a deal) takes
// update's own path.
func (s *Sim) moveStage(it *item, ref stageRef, by int, robot string) {
	if same := ref.pipeline == it.pm; same && ref.index == it.stage || !same && it.em.typ != "DEAL" {
		s.update(it, map[string]any{"STAGE_ID": ref.pipeline.p.Stages[ref.index].ID}, by, robot)
		return
	}
	from := it.stageID()
	s.setStage(it, ref.pipeline, ref.index, by)
	s.updated(it, from, true, nil, nil, by, robot)
}

// updated is what follows an update that changed something: the stage
// (from is the stage before), the fields named in changed (written from
// fields), or both.
func (s *Sim) updated(it *item, from string, stageChanged bool, fields map[string]any, changed []string, by int, robot string) {
	s.touch(it, by)
	if stageChanged && s.keeps(LogMove) {
		e := LogEntry{Type: LogMove, Target: it.target, From: from, To: it.stageID(), By: s.intp(by), Robot: robot}
		if p := s.histPoint(s.histPoint(it.histLast).prev).pipeline; int(p) != it.pm.index {
			e.Pipeline = s.intp(it.pm.id)
		}
		s.add(e)
	}
	if len(changed) > 0 && s.keeps(LogUpdate) {
		// The entry's fields are what changed: when every field given
		// changed, the map given is that (log entries are read, never
		// written through, as Data shares the event's map).
		written := fields
		if len(changed) < len(fields) {
			written = make(map[string]any, len(changed))
			for _, k := range changed {
				written[k] = fields[k]
			}
		}
		s.add(LogEntry{Type: LogUpdate, Target: it.target, Fields: written, By: s.intp(by), Robot: robot})
	}
	applied := false
	resp := false
	for _, c := range changed {
		if c == "ASSIGNED_BY_ID" {
			resp = true
		}
	}
	if resp {
		applied = s.dispatch("RESP_CHANGED", it, nil, changed)
	}
	if len(changed) > 0 {
		if !applied {
			applied = s.dispatch("FIELD_CHANGED", it, nil, changed)
		} else if !s.quiet {
			for _, tm := range it.pm.byCode["FIELD_CHANGED"] {
				s.skip(it, tm, Reason{Code: "skip.respApplied"})
			}
		}
	}
	if stageChanged {
		if applied {
			s.add(LogEntry{Type: LogNote, Target: it.target, Why: Reason{Code: "update.triggerWon", Args: []string{s.point(it, s.histPoint(it.histLast).prev).Stage}}})
			return
		}
		s.enterStage(it)
		s.afterStageChange(it)
	}
}
