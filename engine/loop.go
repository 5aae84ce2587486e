package engine

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Loops across time (behaviour.md, 3.6): robots with delays that move an
// item round and round. Bitrix24 never stops them, since its guards count
// within one cascade. The simulator watches every item whose future does
// not depend on the date (timeInvariant): after each delayed robot of the
// item, it takes the item's state — pipeline, stage, responsible and other
// fields, and the robots still waiting with their due times relative to
// now. When that state repeats with the same period loopLaps times in a
// row, and no script event left can reach the item, the item's future is
// the same lap forever: its waiting robots are stopped and a loop entry
// names the item, the lap and its period. limits.steps stays the last
// resort for loops this rule does not see, and for runs driven by Fire
// (the board after a manual event, the what-if lab), where an event still
// to come may end any loop.

// loopMaxPeriod is the longest lap watched, in delayed robots.
const loopMaxPeriod = 8

// loopLaps is how many laps in a row must repeat before a loop is called.
const loopLaps = 10

// loopWatch is an item's recent states, one per delayed robot that came due.
type loopWatch struct {
	n      int // states recorded so far
	sig    [loopMaxPeriod + 1]uint64
	at     [loopMaxPeriod + 1]time.Time
	robot  [loopMaxPeriod + 1]*robotModel
	stage  [loopMaxPeriod + 1]string
	period int // current candidate period, in states; 0 for none
	streak int // states in a row that equal the one period states before
	// blockedTill: a script event that can reach the item is due then;
	// no loop is called before it has passed.
	blockedTill time.Time
}

// timeInvariant reports whether the future of an item of this entity type
// depends only on its state relative to now: no robot delay reads the
// calendar or a date field, and no condition reads DATE_MODIFY (which every
// save changes).
func timeInvariant(em *entityModel, m *model) bool {
	for _, list := range em.robots {
		for _, rm := range list {
			if d := rm.r.Delay; d != nil && (d.Basis != "" || d.Time != "" || d.WorkTime || d.WaitWorkDay) {
				return false
			}
			if readsModified(rm.r.Condition) {
				return false
			}
		}
	}
	for _, tm := range m.triggers {
		if tm.entity == em && readsModified(tm.t.Condition) {
			return false
		}
	}
	return true
}

func readsModified(c Condition) bool {
	for _, cl := range c {
		if cl.Field == "DATE_MODIFY" {
			return true
		}
	}
	return false
}

// watchLoop records the item's state after one of its delayed robots came
// due (rm) and stops the item's loop when the state has come round
// loopLaps times with the same period.
func (s *Sim) watchLoop(it *item, rm *robotModel) {
	if !it.em.loopSafe || s.stopped || s.driven {
		return
	}
	w := it.loop
	if w == nil {
		w = &loopWatch{}
		it.loop = w
	}
	sig := s.stateSig(it)
	const ring = loopMaxPeriod + 1
	k := w.n % ring
	w.sig[k], w.at[k], w.robot[k], w.stage[k] = sig, s.now, rm, it.stageID()
	w.n++
	back := func(p int) int { return (w.n - 1 - p + 2*ring) % ring }
	if w.period > 0 && w.sig[back(w.period)] == sig {
		w.streak++
	} else {
		w.period, w.streak = 0, 0
		for p := 1; p <= loopMaxPeriod && p < w.n; p++ {
			if w.sig[back(p)] == sig {
				w.period, w.streak = p, 1
				break
			}
		}
	}
	if w.period == 0 || w.streak < loopLaps*w.period || s.now.Before(w.blockedTill) {
		return
	}
	if at, ok := s.eventReaching(it); ok {
		w.blockedTill = at
		return
	}
	// The lap: the stages after each of the period's delayed robots,
	// oldest first, closing on the first.
	var cycle []string
	var lap strings.Builder
	for i := w.period - 1; i >= 0; i-- {
		j := back(i)
		cycle = append(cycle, "robot "+w.robot[j].r.ID)
		lap.WriteString(w.robot[j].r.ID + " → " + w.stage[j])
		if i > 0 {
			lap.WriteString(", ")
		}
	}
	period := s.now.Sub(w.at[back(w.period)])
	for _, t := range it.pending {
		t.cancelled = true
	}
	it.pending = it.pending[:0]
	it.epoch++
	it.loop = nil
	s.add(LogEntry{Type: LogLoop, Target: it.target, Cycle: cycle,
		Why: Reason{Code: "loop.delay", Args: []string{it.target, durationText(period), lap.String(), strconv.Itoa(loopLaps)}}})
}

// stateSig is a 64-bit digest of what decides an item's future: pipeline,
// stage, the author of the last save, the fields, and the waiting robots
// with their due times relative to now. It allocates nothing: fields are
// digested one by one and summed, so map order does not matter.
func (s *Sim) stateSig(it *item) uint64 {
	h := uint64(fnvOffset)
	h = fnvInt(h, int64(it.pm.id))
	h = fnvInt(h, int64(it.stage))
	h = fnvInt(h, int64(it.modifiedBy))
	h = fnvInt(h, int64(it.contact))
	h = fnvInt(h, int64(it.company))
	var fields uint64
	for k, v := range it.fields {
		fields += fnvInt(fnvValue(fnvByte(fnvString(fnvOffset, k), 0), v), 0)
	}
	h = fnvInt(h, int64(fields))
	for _, t := range it.pending {
		if t.cancelled {
			continue
		}
		h = fnvInt(h, int64(t.branch[t.pos].index))
		h = fnvInt(h, int64(t.pos))
		h = fnvInt(h, int64(t.at.Sub(s.now)))
	}
	return h
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = fnvByte(h, s[i])
	}
	return h
}

func fnvInt(h uint64, n int64) uint64 {
	for i := 0; i < 8; i++ {
		h = fnvByte(h, byte(n>>(8*i)))
	}
	return h
}

// fnvValue digests a field value (the types ReadScenario and robots give).
func fnvValue(h uint64, v any) uint64 {
	switch x := v.(type) {
	case nil:
		return fnvByte(h, 'n')
	case bool:
		if x {
			return fnvByte(h, 't')
		}
		return fnvByte(h, 'f')
	case float64:
		return fnvInt(fnvByte(h, 'd'), int64(math.Float64bits(x)))
	case int:
		return fnvValue(h, float64(x))
	case string:
		return fnvByte(fnvString(fnvByte(h, 's'), x), 0)
	case []any:
		h = fnvByte(h, '[')
		for _, e := range x {
			h = fnvValue(h, e)
		}
		return fnvByte(h, ']')
	default:
		return fnvString(fnvByte(h, '?'), jsonText(x))
	}
}

// eventReaching returns when the first script event still on the clock
// that can reach the item is due: one aimed at it, at its contact or
// company, or at an e-mail or task bound to it.
func (s *Sim) eventReaching(it *item) (time.Time, bool) {
	var first time.Time
	found := false
	for t := range s.queue.All() {
		if t.event < 0 || t.cancelled || found && !t.at.Before(first) {
			continue
		}
		if s.reaches(&s.events[t.event], it) {
			first, found = t.at, true
		}
	}
	return first, found
}

func (s *Sim) reaches(ev *Event, it *item) bool {
	if ev.Target == it.target {
		return true
	}
	typ, n, ok := ParseTarget(ev.Target)
	if !ok {
		return false
	}
	switch typ {
	case "CONTACT":
		return n == it.contact
	case "COMPANY":
		return n == it.company
	case "EMAIL":
		return n >= 1 && n <= len(s.emails) && s.emails[n-1].it == it
	case "TASK":
		return n >= 1 && n <= len(s.tasks) && s.tasks[n-1] == it
	}
	return false
}

// durationText writes a period the way scenario offsets are written:
// "20m", "2h", "1d4h30m".
func durationText(d time.Duration) string {
	if d <= 0 {
		return "0m"
	}
	var b strings.Builder
	if days := d / (24 * time.Hour); days > 0 {
		b.WriteString(strconv.FormatInt(int64(days), 10) + "d")
		d -= days * 24 * time.Hour
	}
	if h := d / time.Hour; h > 0 {
		b.WriteString(strconv.FormatInt(int64(h), 10) + "h")
		d -= h * time.Hour
	}
	if m := d / time.Minute; m > 0 {
		b.WriteString(strconv.FormatInt(int64(m), 10) + "m")
		d -= m * time.Minute
	}
	if d > 0 {
		b.WriteString(d.String())
	}
	return b.String()
}
