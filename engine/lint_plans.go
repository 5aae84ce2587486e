package engine

import "strconv"

// Plans.

// checkPlans warns when a lead or deal design has more triggers plus active
// robots than the assumed limit of Bitrix24's limited automation (section
// 6.1: over the limit nothing runs for the entity type), and notes task
// automation being a Professional feature (HD-8255031).
func (l *linter) checkPlans() {
	for e := range l.sc.Entities {
		ent := &l.sc.Entities[e]
		if ent.Type != typeLead && ent.Type != typeDeal {
			continue
		}
		// Bitrix24 counts a deal's default pipeline only (section 6.1).
		inCount := func(s lintSlot) bool {
			return s.ok && s.ref.entity == e && ent.Pipelines[s.ref.pipe].ID == 0
		}
		n := 0
		for i := range l.sc.Triggers {
			if inCount(l.trig[i]) {
				n++
			}
		}
		for i, r := range l.sc.Robots {
			if inCount(l.rob[i]) && (r.Active == nil || *r.Active) {
				n++
			}
		}
		if n > PlanRobotsLimitAssumed {
			l.out = append(l.out, Finding{
				Code: LintPlanLimit, Severity: SeverityWarning, Entity: ent.Type,
				Path: "entities[" + strconv.Itoa(e) + "]",
				Why:  Reason{Code: "lint.planLimit", Args: []string{ent.Type, strconv.Itoa(n), strconv.Itoa(PlanRobotsLimitAssumed)}},
			})
		}
	}
	for i, t := range l.sc.Triggers {
		if t.Code == "TASK_STATUS" && l.trig[i].ok {
			l.out = append(l.out, l.triggerFinding(i, LintPlanLimit, SeverityInfo, triggerPath(i),
				Reason{Code: "lint.planTasks", Args: []string{t.ID}}))
			break
		}
	}
}
