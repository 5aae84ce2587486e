package engine

import (
	"fmt"
	"strconv"
	"time"
)

// enterStage is Bitrix24's "status changed" automation (section 3.1):
// robots of the previous stage that have not run are cancelled, and the new
// stage's template starts: every robot heads a parallel branch unless it
// runs "after previous", which chains it behind the robot above it.
func (s *Sim) enterStage(it *item) {
	s.cancelPending(it, "cancel.left", it.stageID())
	it.epoch++
	stage := it.stageID()
	if s.cas != nil {
		if s.cas.lastStarted[it] == stage {
			s.add(LogEntry{Type: LogNote, Target: it.target, Why: Reason{Code: "robots.notRestarted", Args: []string{stage}}})
			return
		}
		if s.cas.lastStarted == nil {
			s.cas.lastStarted = map[*item]string{}
		}
		s.cas.lastStarted[it] = stage
	}
	for _, b := range it.pm.branches[it.stage] {
		s.startRobot(it, b, 0, it.epoch, s.now)
	}
}

// cancelPending stops every robot of the item that has not run yet; the
// log says why (code, with arg when it is not "").
func (s *Sim) cancelPending(it *item, code, arg string) {
	var why Reason
	for _, t := range it.pending {
		if t.cancelled {
			continue
		}
		t.cancelled = true
		if !s.keeps(LogCancelled) {
			continue
		}
		if why.Code == "" {
			why.Code = code
			if arg != "" {
				why.Args = []string{arg}
			}
		}
		s.add(LogEntry{Type: LogCancelled, Target: it.target, Robot: t.branch[t.pos].r.ID, dueTime: t.at, Why: why})
	}
	it.pending = it.pending[:0]
}

// startRobot computes when the robot at pos of a branch is due, and queues
// it: in the current cascade when it is due now, on the clock otherwise.
// ref is when the branch reached the robot (the stage entry for the first).
func (s *Sim) startRobot(it *item, branch []*robotModel, pos int, epoch int, ref time.Time) {
	for pos < len(branch) && branch[pos].r.Active != nil && !*branch[pos].r.Active {
		s.add(LogEntry{Type: LogRobot, Target: it.target, Robot: branch[pos].r.ID, Status: RobotInactive, Why: Reason{Code: "robot.inactive"}})
		pos++
	}
	if pos >= len(branch) {
		return
	}
	rm := branch[pos]
	origin := 0
	if s.cas != nil {
		origin = s.cas.origin
	}
	due, shifted := s.dueTime(it, rm, ref)
	if due.Unix() > maxInstantUnix {
		// A delay from a far date field: the robot would come due after
		// the last day of the calendar, so within it it never does.
		s.add(LogEntry{Type: LogNote, Target: it.target, Robot: rm.r.ID, Why: Reason{Code: "robot.beyondCalendar", Args: []string{rm.r.ID}}})
		return
	}
	t := s.newTask()
	*t = task{at: due, event: -1, it: it, branch: branch, pos: pos, epoch: epoch, origin: origin}
	if it.pending == nil {
		// A stage usually starts a few robots: room for them at once
		// rather than growing the list one by one.
		it.pending = s.pendingList()
	}
	it.pending = append(it.pending, t)
	if !due.After(s.now) {
		t.at = s.now
		if s.cas != nil {
			s.cas.work = append(s.cas.work, t)
			return
		}
		s.push(t)
		return
	}
	s.push(t)
	if s.keeps(LogScheduled) {
		s.add(LogEntry{Type: LogScheduled, Target: it.target, Robot: rm.r.ID, dueTime: due, Why: shifted})
	}
}

func unitDuration(unit string) time.Duration {
	switch unit {
	case "h":
		return time.Hour
	case "d":
		return 24 * time.Hour
	}
	return time.Minute
}

// dueTime applies a robot's delay (section 3.3): after/before/in a basis
// (the moment the branch reached the robot, or a date field), an exact time
// of day, the 10-minute minimum, company working hours and the responsible
// person's working day. A time already past means "now". shifted says why
// working time moved the due time, when it did.
func (s *Sim) dueTime(it *item, rm *robotModel, ref time.Time) (due time.Time, shifted Reason) {
	d := rm.r.Delay
	if d == nil || (d.Type == DelayAfter && d.Value == 0 && d.Basis == "" && d.Time == "" && !d.WorkTime && !d.WaitWorkDay) {
		return ref, Reason{}
	}
	basis := ref
	if d.Basis != "" {
		v, _ := it.FieldValue(d.Basis)
		t, ok := parseFieldTime(v, s.m.loc)
		if !ok {
			s.add(LogEntry{Type: LogError, Target: it.target, Robot: rm.r.ID, Why: Reason{Code: "delay.noBasis", Args: []string{d.Basis}}})
			return ref, Reason{}
		}
		basis = t
	}
	dur, ok := mulDuration(int64(d.Value), unitDuration(d.Unit))
	if !ok {
		// New refuses such a delay (compile); never wrap if one slips by.
		dur = MaxDuration
	}
	switch d.Type {
	case DelayBefore:
		due = basis.Add(-dur)
	case DelayIn:
		due = basis
	default:
		if d.Value > 0 && dur < 10*time.Minute {
			s.add(LogEntry{Type: LogNote, Target: it.target, Robot: rm.r.ID, Why: Reason{Code: "delay.min", Args: []string{fmt.Sprint(d.Value)}}})
			dur = 10 * time.Minute
		}
		due = basis.Add(dur)
	}
	if d.Time != "" {
		if m, err := parseClock(d.Time); err == nil {
			lt := due.In(s.m.company.loc)
			due = time.Date(lt.Year(), lt.Month(), lt.Day(), m/60, m%60, 0, 0, s.m.company.loc)
		}
	}
	var shifts []Reason
	explain := s.keeps(LogScheduled) // the reason is only for the log
	if d.WorkTime {
		c := s.m.company
		was := due
		code := "delay.shift"
		if d.Type == DelayBefore {
			due, code = c.prevWorking(due), "delay.shiftBack"
		} else {
			due = c.nextWorking(due)
		}
		if explain && !due.Equal(was) {
			shifts = append(shifts, Reason{Code: code, Args: []string{shiftTime(was, c)}, Parts: c.offParts(was, due)})
		}
	}
	if d.WaitWorkDay {
		cal := s.m.company
		name := ""
		if u := s.m.users[it.responsible()]; u != nil {
			cal, name = u.cal, u.user.Name
		}
		was := due
		due = cal.nextWorking(was)
		if explain && !due.Equal(was) {
			if name == "" {
				name = "#" + strconv.Itoa(it.responsible())
			}
			shifts = append(shifts, Reason{Code: "delay.shiftUser", Args: []string{shiftTime(was, cal), name}, Parts: cal.offParts(was, due)})
		}
	}
	if due.Before(s.now) {
		// Past times run now; a shift that only led into the past moved nothing.
		return s.now, Reason{}
	}
	switch len(shifts) {
	case 0:
	case 1:
		shifted = shifts[0]
	default:
		shifted = Reason{Code: "delay.shifts", Parts: shifts}
	}
	return due, shifted
}

// shiftTime prints the time a delay came to, before working time moved
// it, in the calendar's zone: "2026-01-17 18:00".
func shiftTime(t time.Time, c *calendar) string {
	return t.In(c.loc).Format("2006-01-02 15:04")
}

// parseFieldTime reads a date or date-time field value.
func parseFieldTime(v any, loc *time.Location) (time.Time, bool) {
	str, ok := v.(string)
	if !ok || str == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, str, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// runRobot runs a due robot: its condition is checked now, after the delay.
func (s *Sim) runRobot(t *task) {
	if t.cancelled {
		return
	}
	it := t.it
	for i, p := range it.pending {
		if p == t {
			it.pending = append(it.pending[:i], it.pending[i+1:]...)
			break
		}
	}
	rm := t.branch[t.pos]
	if !s.step(rm.label, it.target) {
		return
	}
	if s.quiet {
		if !rm.cond.Eval(it) {
			s.next(t)
			return
		}
	} else if ok, why := rm.cond.Explain(it); !ok {
		s.add(LogEntry{Type: LogRobot, Target: it.target, Robot: rm.r.ID, Status: RobotCondition, Why: why})
		s.next(t)
		return
	}
	s.act(it, rm)
	s.next(t)
}

// next continues the branch when the workflow still runs (the item is still
// in the stage the robot belongs to).
func (s *Sim) next(t *task) {
	if t.it.epoch != t.epoch {
		return
	}
	s.startRobot(t.it, t.branch, t.pos+1, t.epoch, s.now)
}

func (s *Sim) ranEntry(it *item, rm *robotModel, text string) {
	s.count(it, rm.index, false)
	if s.keeps(LogRobot) {
		s.add(LogEntry{Type: LogRobot, Target: it.target, Robot: rm.r.ID, Code: rm.r.Type, Status: RobotRan, Text: text})
	}
}

// act performs a robot's action (the robot types of the scenario format).
func (s *Sim) act(it *item, rm *robotModel) {
	p := rm.r.Params
	switch rm.r.Type {
	case RobotChangeStage:
		id, _ := p["stage"].(string)
		ref, ok := it.em.stage(id)
		if !ok || ref.pipeline != it.pm {
			s.add(LogEntry{Type: LogRobot, Target: it.target, Robot: rm.r.ID, Code: rm.r.Type, Status: RobotFailed, Why: Reason{Code: "robot.badStage", Args: []string{id, it.pm.p.Name}}})
			return
		}
		key := changeKey{it, ref.pipeline.p.Stages[ref.index].ID}
		if s.cas != nil {
			if s.cas.changes == nil {
				s.cas.changes = map[changeKey]int{}
			}
			s.cas.changes[key]++
			if s.cas.changes[key] >= 3 {
				s.add(LogEntry{Type: LogLoop, Target: it.target, Robot: rm.r.ID, Cycle: cycleOf(s.cas.trail),
					Why: Reason{Code: "loop.recursion", Args: []string{rm.r.ID, key.stage, cycleText(cycleOf(s.cas.trail))}}})
				s.terminate(it)
				return
			}
		}
		s.ranEntry(it, rm, key.stage)
		// The robot ends its own workflow, then writes the stage through
		// the update path, which starts the new stage's robots.
		s.terminate(it)
		if ref.index != it.stage {
			s.moveStage(it, ref, s.system, rm.r.ID)
		}
	case RobotUpdateFields:
		fields, _ := p["fields"].(map[string]any)
		s.ranEntry(it, rm, "")
		s.update(it, fields, s.system, rm.r.ID)
	case RobotChangeResponsible:
		s.ranEntry(it, rm, "")
		s.update(it, map[string]any{"ASSIGNED_BY_ID": float64(intOf(p["user"]))}, s.system, rm.r.ID)
	case RobotChangePipeline:
		s.changePipeline(it, rm, intOf(p["pipeline"]))
	case RobotCreateTask:
		title, _ := p["title"].(string)
		s.tasks = append(s.tasks, it)
		s.ranEntry(it, rm, title)
		s.add(LogEntry{Type: LogOutbox, Target: it.target, Robot: rm.r.ID, Code: rm.r.Type, Text: fmt.Sprintf("TASK_%d: %s", len(s.tasks), title)})
	case RobotSendEmail:
		subject, _ := p["subject"].(string)
		s.emails = append(s.emails, &email{it: it})
		id := fmt.Sprintf("EMAIL_%d", len(s.emails))
		s.ranEntry(it, rm, subject)
		s.add(LogEntry{Type: LogOutbox, Target: it.target, Robot: rm.r.ID, Code: rm.r.Type, Text: id + ": " + subject})
		s.add(LogEntry{Type: LogEvent, Code: "EMAIL_SENT", Target: it.target, Why: Reason{Code: "email.sent", Args: []string{id, it.target}}})
		s.dispatch("EMAIL_SENT", it, nil, nil)
	default: // SendSms, Notify, AddComment
		text, _ := p["text"].(string)
		s.ranEntry(it, rm, text)
		if s.keeps(LogOutbox) {
			s.add(LogEntry{Type: LogOutbox, Target: it.target, Robot: rm.r.ID, Code: rm.r.Type, Text: text})
		}
	}
}

// terminate ends the item's running workflow: robots still waiting stop.
func (s *Sim) terminate(it *item) {
	s.cancelPending(it, "cancel.terminated", "")
	it.epoch++
}

// changePipeline moves a deal to another pipeline as Bitrix24's robot does:
// the first stage of the target pipeline, or its success/failure stage when
// the deal was closed; then the new stage's robots start.
func (s *Sim) changePipeline(it *item, rm *robotModel, id int) {
	pm := it.em.byID[id]
	if pm == nil || it.em.typ != "DEAL" {
		s.add(LogEntry{Type: LogRobot, Target: it.target, Robot: rm.r.ID, Code: rm.r.Type, Status: RobotFailed, Why: Reason{Code: "robot.badPipeline", Args: []string{fmt.Sprint(id)}}})
		return
	}
	if pm == it.pm {
		s.ranEntry(it, rm, "")
		s.add(LogEntry{Type: LogNote, Target: it.target, Robot: rm.r.ID, Why: Reason{Code: "pipeline.same", Args: []string{pm.p.Name}}})
		return
	}
	target := 0
	switch it.semantics() {
	case Success:
		target = pm.success
	case Failure:
		target = pm.success + 1
		if target >= len(pm.p.Stages) {
			target = pm.success
		}
	default:
		for i, st := range pm.p.Stages {
			if st.Semantics != Success {
				target = i
				break
			}
		}
	}
	s.ranEntry(it, rm, pm.p.Name)
	s.terminate(it)
	s.update(it, map[string]any{"STAGE_ID": pm.p.Stages[target].ID}, s.system, rm.r.ID)
}
