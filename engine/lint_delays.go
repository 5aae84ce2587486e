package engine

import (
	"strconv"
	"time"
)

// Delays.

// checkDelays reports "after" delays under Bitrix24's 10-minute minimum,
// and delays that certainly land outside company working hours: an exact
// time of day outside them, or a delay counted from a stage entry that the
// script makes at a known moment and that falls on a non-working time.
// Robots that respect working hours (company or the responsible's) are
// shifted by Bitrix24 itself and are not reported.
func (l *linter) checkDelays() {
	cal, err := newCalendar(l.sc.WorkTime, l.sc.Start.Location())
	if err != nil || !cal.hasWorkDays() {
		cal = nil
	}
	for i, r := range l.sc.Robots {
		d := r.Delay
		if d == nil || !l.rob[i].ok {
			continue
		}
		path := robotPath(i) + ".delay"
		if d.Type == DelayAfter && d.Value > 0 && d.Value < 10 && (d.Unit == "m" || d.Unit == "") {
			l.out = append(l.out, l.robotFinding(i, LintDelayUnderMin, SeverityWarning, path,
				Reason{Code: "lint.delayMin", Args: []string{r.ID, strconv.Itoa(d.Value)}}))
		}
		if cal == nil || d.WorkTime || d.WaitWorkDay || !hasDelay(d) {
			continue
		}
		if d.Time != "" {
			if m, err := parseClock(d.Time); err == nil && (m < cal.from || m >= cal.to) {
				l.out = append(l.out, l.robotFinding(i, LintDelayOutsideWorkTime, SeverityWarning, path,
					Reason{Code: "lint.timeOutside", Args: []string{r.ID, d.Time, clockText(cal.from), clockText(cal.to)}}))
				continue
			}
		}
		if d.Basis != "" || r.AfterPrevious || d.Type == DelayBefore {
			continue
		}
		for k, ev := range l.sc.Events {
			if !l.entersStage(ev, l.rob[i].ref) {
				continue
			}
			due := lintDue(d, ev.At.Resolve(l.sc.Start), cal.loc)
			if !cal.isWorking(due) {
				l.out = append(l.out, l.robotFinding(i, LintDelayOutsideWorkTime, SeverityWarning, path,
					Reason{Code: "lint.dueOutside", Args: []string{r.ID, strconv.Itoa(k), due.In(cal.loc).Format("2006-01-02 15:04")}}))
				break
			}
		}
	}
}

// entersStage reports whether a script event puts an item straight onto
// the stage: CREATE on it, MOVE to it, or UPDATE of STAGE_ID to it.
func (l *linter) entersStage(ev Event, ref lintRef) bool {
	typ := l.entityType(ref)
	var id string
	switch ev.Code {
	case CodeCreate:
		if ev.Target != typ {
			return false
		}
		id, _ = ev.Data["stage"].(string)
	case CodeMove, CodeUpdate:
		if t, _, _ := ParseTarget(ev.Target); t != typ {
			return false
		}
		if ev.Code == CodeMove {
			id, _ = ev.Data["stage"].(string)
		} else if f, ok := ev.Data["fields"].(map[string]any); ok {
			id, _ = f["STAGE_ID"].(string)
			if id == "" {
				id, _ = f["STATUS_ID"].(string)
			}
		}
	default:
		return false
	}
	got, ok := l.stageRef(typ, id)
	return ok && got == ref
}

// lintDue is the engine's due time for a delay counted from entered, for a
// delay without a basis field and without working-hours shifts.
func lintDue(d *Delay, entered time.Time, loc *time.Location) time.Time {
	dur, _ := mulDuration(int64(d.Value), unitDuration(d.Unit)) // bounded by the reader
	due := entered
	if d.Type == DelayAfter {
		if d.Value > 0 && dur < 10*time.Minute {
			dur = 10 * time.Minute
		}
		due = entered.Add(dur)
	}
	if d.Time != "" {
		if m, err := parseClock(d.Time); err == nil {
			lt := due.In(loc)
			due = time.Date(lt.Year(), lt.Month(), lt.Day(), m/60, m%60, 0, 0, loc)
		}
	}
	return due
}

func clockText(minutes int) string {
	return twoDigits(minutes/60) + ":" + twoDigits(minutes%60)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
