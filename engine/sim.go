package engine

import (
	"fmt"
	"strconv"
	"time"

	"github.com/triggersim/triggersim/internal/clockqueue"
)

// Options tune a run without changing its outcome.
type Options struct {
	// Lang is the language of the reasons written into the result ("ru"
	// or "en"); "" means the scenario's locale.
	Lang string
	// Quiet keeps only what changes state in the log (moves, robot actions,
	// outbox, errors, loops): for long what-if runs and benchmarks.
	Quiet bool
	// NoLog keeps no log at all, only the counts that expectations need:
	// for batch runs that read state and counters, and for benchmarks.
	NoLog bool
}

// Sim is one simulation of a scenario on a virtual clock. It is not safe
// for concurrent use; the app drives it from one goroutine.
type Sim struct {
	m      *model
	sc     *Scenario
	opt    Options
	lang   string
	now    time.Time
	until  time.Time
	hasEnd bool

	queue clockqueue.Queue[*task] // the clock: due tasks by (at, seq)
	seq   int64
	// events is the script, then the fired events that Events has
	// copied; fired holds every fired event in chunks of fixed capacity
	// (a long run fires millions: a growing slice would copy them all
	// over and over, and keep the garbage collector waiting meanwhile).
	events  []Event
	script  int // len(sc.Events)
	fired   [][]firedEvent
	nFired  int
	trimmed int // fired events TrimEvents forgot: fired[0][0] is the one of index script+trimmed
	items   []*item
	// sorted is items in Items' order, kept between calls: the board
	// asks where every item is after each event, and copying and sorting
	// ten thousand items each time was most of that. Items are only ever
	// appended, so the order is stale exactly when the lengths differ.
	sorted   []*item
	byTarget map[string]*item
	nextID   map[string]int
	emails   []*email
	tasks    []*item // TASK_n → the item it is bound to (index n-1)
	// log holds the entries in chunks of logChunk (the first one grows
	// up to that): appending never copies the entries already written,
	// which a 10 000-item event made cost most of its time. nLog is how
	// many there are.
	log      [][]LogEntry
	nLog     int
	rendered int        // log entries below this one have their texts rendered
	flat     []LogEntry // RawLog's copy of a log of several chunks
	pairs    []string   // the block pair cuts reasons' arguments from
	counts   []int      // the block items' counters (item.byKey) are cut from
	pendings []*task    // the block items' pending lists start in
	steps    int
	stopped  bool
	cas      *cascade
	casBuf   cascade
	pending  bool                  // StepBudget stopped inside s.cas: the step is not done
	one      [1]*item              // resolve's result for a single item, without allocating
	trail    []string              // the last steps of the run, for naming a loop
	clients  map[clientKey][]*item // a client's items in creation order
	quiet    bool                  // Options.Quiet or NoLog: skip the explanation work
	driven   bool                  // Fire was called: events may come from outside the script
	logCap   int                   // MaxLogEntries
	omitAt   int                   // index of the "entries omitted" marker, or -1
	omitted  int                   // entries not kept past logCap
	logTail  int                   // loop entries kept past logCap
	system   int
	ints     []*int           // intp's shared pointers
	dense    [][]*item        // by entity type index and id: find's index
	locs     []*time.Location // the locations of stage history times
	free     []*task          // robot tasks done with, for reuse (newTask)
	// countKeys, when above 0, is the number of counter keys, and items
	// count in a dense array by key (Sim.count).
	countKeys int
	hist      [][]stagePoint // every item's stage history (history.go)
	nHist     int
	// KnowReason's reasons, logged by their code alone: skip reason codes
	// by trigger index, and note codes.
	briefs     [][]string
	briefNotes []string
	// nowValue's and createdAt's last results (newItem). nowTextAny and
	// firstUsrAny are field values boxed once: every item New places
	// without its own DATE_CREATE or ASSIGNED_BY_ID shares them, rather
	// than holding a copy each for the garbage collector to mark (a
	// 10 000-item board's collection marks every object left alive, in
	// one browser task).
	nowTextAt     time.Time
	nowTextAny    any
	nowTextOK     bool
	firstUsrAny   any
	createdText   string
	createdTime   time.Time
	createdParsed bool
	createdOK     bool
}

// item is a CRM item during a run.
type item struct {
	em       *entityModel
	id       int
	target   string
	pm       *pipelineModel
	stage    int
	fields   map[string]any
	contact  int
	company  int
	parent   string
	entered  time.Time
	created  time.Time
	modified time.Time
	// modifiedBy is MODIFY_BY_ID; with modified (DATE_MODIFY) it lives
	// outside fields because every move changes it.
	modifiedBy int
	resp       int // ASSIGNED_BY_ID as responsible reads it (setField)
	sim        *Sim
	epoch      int
	pending    []*task
	// The stage history (history.go): the newest point in Sim.hist and
	// how many there are.
	histLast int32
	histLen  int32
	loop     *loopWatch // recent states, for loops across time (loop.go)
	counts   []counter  // trigger moves and robot runs (Sim.count)
	byKey    []int      // the same by key when Sim.countKeys > 0
}

type email struct {
	it   *item
	read bool
}

func (it *item) stageID() string { return it.pm.p.Stages[it.stage].ID }
func (it *item) semantics() string {
	return it.pm.p.Stages[it.stage].Semantics
}

// FieldValue implements FieldSource: conditions read the item's current
// fields, and the stage and pipeline as Bitrix24 exposes them.
func (it *item) FieldValue(id string) (any, bool) {
	switch id {
	case "STAGE_ID", "STATUS_ID":
		return it.stageID(), true
	case "CATEGORY_ID":
		return float64(it.pm.id), true
	case "ID":
		return float64(it.id), true
	case "CONTACT_ID":
		if it.contact == 0 {
			return nil, false
		}
		return float64(it.contact), true
	case "COMPANY_ID":
		if it.company == 0 {
			return nil, false
		}
		return float64(it.company), true
	case "DATE_MODIFY":
		return it.sim.formatTime(it.modified), true
	case "MODIFY_BY_ID":
		return float64(it.modifiedBy), true
	}
	v, ok := it.fields[id]
	return v, ok
}

// allFields is the item's fields with the ones the engine keeps outside
// the map (DATE_MODIFY and MODIFY_BY_ID change on every move, so they are
// rendered only when read).
func (it *item) allFields() map[string]any {
	out := make(map[string]any, len(it.fields)+2)
	for k, v := range it.fields {
		out[k] = v
	}
	out["DATE_MODIFY"], _ = it.FieldValue("DATE_MODIFY")
	out["MODIFY_BY_ID"], _ = it.FieldValue("MODIFY_BY_ID")
	return out
}

// responsible is ASSIGNED_BY_ID as a user id (0 when it is not a number).
func (it *item) responsible() int { return it.resp }

// respOf reads ASSIGNED_BY_ID's value as responsible gives it.
func respOf(v any) int {
	if f, ok := v.(float64); ok {
		return int(f)
	}
	return 0
}

// setField writes a field. Every write goes through it, so that resp
// follows ASSIGNED_BY_ID (every trigger move reads it: a field read per
// move otherwise).
func (it *item) setField(k string, v any) {
	it.fields[k] = v
	if k == "ASSIGNED_BY_ID" {
		it.resp = respOf(v)
	}
}

// clientKey names a contact or a company.
type clientKey struct {
	typ string
	id  int
}

// task is something due on the clock: a script event or a delayed robot.
type task struct {
	at    time.Time
	seq   int64
	event int // index into Sim.events, or -1 for a robot
	// robot
	it        *item
	branch    []*robotModel
	pos       int
	epoch     int
	origin    int
	cancelled bool
}

// cascade is everything one event or one due robot sets off at the same
// virtual instant; the loop guards count inside it.
type cascade struct {
	origin      int
	steps       int
	work        []*task
	lastStarted map[*item]string
	changes     map[changeKey]int
	trail       []string
	stopped     bool

	// Where the cascade is, so that StepBudget can stop inside it and
	// resume (step.go): the due robot it started from (nil for an
	// event), its phase, the next entry of work, and a client event's
	// delivery in progress.
	robot  *task
	phase  casPhase
	next   int
	client clientStep
}

type changeKey struct {
	it    *item
	stage string
}

// New compiles a scenario and places its items and script on the clock.
func New(sc *Scenario, opt Options) (*Sim, error) {
	m, err := compile(sc)
	if err != nil {
		return nil, err
	}
	s := &Sim{
		m: m, sc: sc, opt: opt, lang: opt.Lang, now: sc.Start,
		byTarget: make(map[string]*item, len(sc.Items)), nextID: map[string]int{}, clients: map[clientKey][]*item{},
		logCap: MaxLogEntries, omitAt: -1,
	}
	s.quiet = opt.Quiet || opt.NoLog
	if n := 2 * max(len(sc.Triggers), len(sc.Robots)); n <= maxDenseCounts {
		s.countKeys = n
	}
	if s.lang == "" {
		s.lang = sc.Locale
	}
	if s.lang != "en" {
		s.lang = "ru"
	}
	if sc.Until != nil {
		s.until, s.hasEnd = sc.Until.Resolve(sc.Start), true
	}
	if err := checkItems(m, sc); err != nil {
		return nil, err
	}
	for i := range sc.Items {
		in := &sc.Items[i]
		em := m.entities[in.Entity]
		ref, _ := em.stage(in.Stage)
		s.addItem(s.newItem(em, in.ID, ref, in.Fields, in.Contact, in.Company, in.Parent))
	}
	s.events = append(s.events, sc.Events...)
	s.script = len(s.events)
	for i := range s.events {
		s.push(&task{at: s.events[i].At.Resolve(sc.Start), event: i})
	}
	return s, nil
}

// Check reports what New would refuse in a scenario (a Scenario built in
// Go rather than read from a file may hold references the reader would
// have caught), without placing its items: editors call it after every
// change, and for ten thousand items New's work is wasted there.
func Check(sc *Scenario) error {
	m, err := compile(sc)
	if err != nil {
		return err
	}
	return checkItems(m, sc)
}

// checkItems checks that every item names a known entity type and stage
// and that no target is used twice.
func checkItems(m *model, sc *Scenario) error {
	var errs errList
	// An item's target is its entity's type and its id (Target is one to
	// one), so the pair finds a target used twice without building the
	// string; the path and the target are written only for an error.
	type key struct {
		em *entityModel
		id int
	}
	seen := make(map[key]struct{}, len(sc.Items))
	path := func(i int) string { return "items[" + strconv.Itoa(i) + "]" }
	for i := range sc.Items {
		in := &sc.Items[i]
		em := m.entities[in.Entity]
		if em == nil {
			errs.addCode(path(i)+".entity", "xref.unknownEntity", Quote(in.Entity))
			continue
		}
		if _, ok := em.stage(in.Stage); !ok {
			errs.addCode(path(i)+".stage", "xref.unknownStage", Quote(in.Stage), in.Entity)
			continue
		}
		k := key{em, in.ID}
		if _, dup := seen[k]; dup {
			errs.addCode(path(i)+".id", "xref.duplicateItem", Target(em.typ, in.ID))
			continue
		}
		seen[k] = struct{}{}
	}
	return errs.err()
}

func (s *Sim) newItem(em *entityModel, id int, ref stageRef, fields map[string]any, contact, company int, parent string) *item {
	it := &item{
		em: em, id: id, target: Target(em.typ, id), pm: ref.pipeline, stage: ref.index, sim: s,
		fields: make(map[string]any, len(fields)+2), contact: contact, company: company, parent: parent, histLast: -1,
		entered: s.now, created: s.now, modified: s.now,
	}
	for k, v := range fields {
		it.setField(k, v)
	}
	if _, ok := it.fields["DATE_CREATE"]; !ok {
		it.setField("DATE_CREATE", s.nowValue())
	}
	if _, ok := it.fields["ASSIGNED_BY_ID"]; !ok && s.m.firstUsr != 0 {
		if s.firstUsrAny == nil {
			s.firstUsrAny = float64(s.m.firstUsr)
		}
		it.setField("ASSIGNED_BY_ID", s.firstUsrAny)
	}
	it.modifiedBy = s.m.firstUsr
	if v, ok := it.fields["MODIFY_BY_ID"]; ok {
		it.modifiedBy = intOf(v)
		delete(it.fields, "MODIFY_BY_ID")
	}
	if t, ok := s.createdAt(it.fields["DATE_CREATE"]); ok {
		it.created = t
	}
	if t, ok := parseFieldTime(it.fields["DATE_MODIFY"], s.m.loc); ok {
		it.modified = t
	}
	delete(it.fields, "DATE_MODIFY")
	s.addPoint(it)
	return it
}

func (s *Sim) addItem(it *item) {
	if it.contact != 0 {
		k := clientKey{"CONTACT", it.contact}
		s.clients[k] = append(s.clients[k], it)
	}
	if it.company != 0 {
		k := clientKey{"COMPANY", it.company}
		s.clients[k] = append(s.clients[k], it)
	}
	s.items = append(s.items, it)
	s.byTarget[it.target] = it
	// Ids beyond a few times the number of items would make the index
	// mostly holes: those items are found through byTarget only.
	if it.id >= 0 && it.id < maxDenseID && it.id <= 4*len(s.items)+1024 {
		for len(s.dense) <= it.em.index {
			s.dense = append(s.dense, nil)
		}
		d := s.dense[it.em.index]
		for len(d) <= it.id {
			d = append(d, nil)
		}
		d[it.id] = it
		s.dense[it.em.index] = d
	}
	if it.id >= s.nextID[it.em.typ] {
		s.nextID[it.em.typ] = it.id + 1
	}
}

// maxDenseID bounds the ids that Sim.dense indexes (ids are usually
// 1…n; a larger one is found through byTarget only).
const maxDenseID = 1 << 20

// find is byTarget[target] without hashing the string: an item's target
// is "<entity type>_<id>", so the entity type (one of a few) and the id
// index Sim.dense. parsePositiveInt takes only the canonical decimal (no
// sign, no leading zero), so a target found there is the item's target
// without comparing the strings, and a form the map would not know
// ("DEAL_05") is not found either.
func (s *Sim) find(target string) *item {
	if i := lastIndexByte(target, '_'); i > 0 {
		if n, ok := parsePositiveInt(target[i+1:]); ok && n < maxDenseID {
			typ := target[:i]
			for _, em := range s.m.entityOrder {
				if em.typ != typ {
					continue
				}
				if em.index < len(s.dense) && n < len(s.dense[em.index]) {
					if it := s.dense[em.index][n]; it != nil {
						return it
					}
				}
				break
			}
		}
	}
	return s.byTarget[target]
}

// newTask gives a robot task, reusing one done with (freeTask).
func (s *Sim) newTask() *task {
	if n := len(s.free); n > 0 {
		t := s.free[n-1]
		s.free = s.free[:n-1]
		return t
	}
	return &task{}
}

// freeTask keeps a robot task for reuse. Only for a task that nothing
// holds any more: off the clock, out of the cascade's work and out of its
// item's pending list (run, or cancelled).
func (s *Sim) freeTask(t *task) {
	*t = task{}
	s.free = append(s.free, t)
}

func (s *Sim) push(t *task) {
	s.seq++
	t.seq = s.seq
	s.queue.Push(t.at.Unix(), int64(t.at.Nanosecond()), uint64(t.seq), t)
}

func (s *Sim) formatTime(t time.Time) string { return t.In(s.m.loc).Format(time.RFC3339) }

// nowValue is formatTime(s.now) as a field value, written and boxed once
// per instant: New gives it to every item without a DATE_CREATE, ten
// thousand at the same instant.
func (s *Sim) nowValue() any {
	if !s.nowTextOK || !s.nowTextAt.Equal(s.now) {
		s.nowTextAt, s.nowTextAny, s.nowTextOK = s.now, s.formatTime(s.now), true
	}
	return s.nowTextAny
}

// createdAt is parseFieldTime(v, s.m.loc), remembering the last text
// read: the items New places mostly share their DATE_CREATE (the same
// instant, or copies of one item).
func (s *Sim) createdAt(v any) (time.Time, bool) {
	str, isStr := v.(string)
	if isStr && s.createdOK && str == s.createdText {
		return s.createdTime, s.createdParsed
	}
	t, ok := parseFieldTime(v, s.m.loc)
	if isStr {
		s.createdText, s.createdTime, s.createdParsed, s.createdOK = str, t, ok, true
	}
	return t, ok
}

// Now is the virtual clock.
func (s *Sim) Now() time.Time { return s.now }

// Lang is the language of the run's reasons.
func (s *Sim) Lang() string { return s.lang }

// Stopped reports whether the steps guard ended the run.
func (s *Sim) Stopped() bool { return s.stopped }

// Next returns when the next script event or delayed robot is due.
//
// While a step is pending (StepBudget), its rest is due now.
func (s *Sim) Next() (time.Time, bool) {
	if s.pending {
		return s.now, true
	}
	s.dropCancelled()
	if s.queue.Len() == 0 || s.stopped {
		return time.Time{}, false
	}
	at := s.queue.Top().at
	if s.hasEnd && at.After(s.until) {
		return time.Time{}, false
	}
	return at, true
}

func (s *Sim) dropCancelled() {
	for s.queue.Len() > 0 && s.queue.Top().cancelled {
		t := s.queue.Pop()
		if t.event < 0 {
			s.freeTask(t)
		}
	}
}

// Step runs the next due task and the whole cascade it sets off. It
// returns false when nothing is left before the end.
//
// A step that StepBudget left pending is finished instead: that is the
// step.
func (s *Sim) Step() bool {
	if s.pending {
		s.finishStep()
		return true
	}
	at, ok := s.Next()
	if !ok {
		return false
	}
	t := s.queue.Pop()
	if at.After(s.now) {
		s.now = at
	}
	s.runTask(t)
	return true
}

// RunUntil runs everything due up to t and then sets the clock to t (at
// most MaxInstant, the end of the calendar).
func (s *Sim) RunUntil(t time.Time) {
	s.finishStep()
	if t.Unix() > maxInstantUnix {
		t = MaxInstant()
	}
	for {
		at, ok := s.Next()
		if !ok || at.After(t) {
			break
		}
		s.Step()
	}
	if t.After(s.now) && !s.stopped {
		s.now = t
	}
}

// Run runs the scenario to its end: `until`, or when nothing is left.
func (s *Sim) Run() {
	s.finishStep()
	for s.Step() {
	}
	if s.hasEnd && s.until.After(s.now) && !s.stopped {
		s.now = s.until
	}
}

// Fire runs an interactive event now (the app's "fire an event", a card
// dragged to another column, a field edited), with its whole cascade.
// It returns the index the event got, for filtering the log.
//
// A step that StepBudget left pending is finished first.
func (s *Sim) Fire(ev Event) int {
	s.finishStep()
	// Events from outside may come at any time and end any loop, so a
	// loop across time is no longer called early (loop.go).
	s.driven = true
	pos := s.nFired - s.trimmed
	if c := pos / firedChunk; c == len(s.fired) {
		s.fired = append(s.fired, make([]firedEvent, firedChunk))
	}
	s.fired[pos/firedChunk][pos%firedChunk] = firedEvent{code: ev.Code, target: ev.Target, data: ev.Data, by: ev.By,
		sec: s.now.Unix(), nsec: int32(s.now.Nanosecond()), loc: s.locIndex(s.now.Location())}
	idx := s.script + s.nFired
	s.nFired++
	s.runCascade(idx, nil)
	return idx
}

// firedChunk is how many fired events one chunk of Sim.fired holds.
const firedChunk = 1024

// firedEvent is a fired event as the run keeps it: what Fire was given,
// and the clock then (the event's At) as seconds and nanoseconds with an
// index into Sim.locs; 64 bytes rather than Event's 104.
type firedEvent struct {
	code, target string
	data         map[string]any
	by           int
	sec          int64
	nsec         int32
	loc          int32
}

// event is the script or fired event of an index; a fired event that
// TrimEvents forgot is the zero Event.
func (s *Sim) event(idx int) Event {
	if idx < s.script {
		return s.events[idx]
	}
	idx -= s.script + s.trimmed
	if idx < 0 {
		return Event{}
	}
	f := &s.fired[idx/firedChunk][idx%firedChunk]
	return Event{At: Time{Abs: time.Unix(f.sec, int64(f.nsec)).In(s.locs[f.loc])}, Code: f.code, Target: f.target, Data: f.data, By: f.by}
}

// eventTarget is the target of the event of an index.
func (s *Sim) eventTarget(idx int) string {
	if idx < s.script {
		return s.events[idx].Target
	}
	idx -= s.script + s.trimmed
	if idx < 0 {
		return ""
	}
	return s.fired[idx/firedChunk][idx%firedChunk].target
}

// locIndex is the index of a location in Sim.locs, added if new (a run
// sees one or two).
func (s *Sim) locIndex(loc *time.Location) int32 {
	for i, l := range s.locs {
		if l == loc {
			return int32(i)
		}
	}
	s.locs = append(s.locs, loc)
	return int32(len(s.locs) - 1)
}

func (s *Sim) runTask(t *task) {
	if t.event >= 0 {
		s.runCascade(t.event, nil)
		return
	}
	s.runCascade(t.origin, t)
}

// runCascade runs an event (robot == nil) or a due robot, and the whole
// cascade it sets off; origin is the event the cascade counts from.
func (s *Sim) runCascade(origin int, robot *task) {
	if s.stopped {
		return
	}
	s.beginCascade(origin, robot)
	s.resume(maxBudget)
}

// beginCascade sets up the cascade of an event (robot == nil) or a due
// robot; resume runs it.
func (s *Sim) beginCascade(origin int, robot *task) {
	// One cascade value is reused for every task; its maps are made only
	// when a cascade needs them, so an event that moves nothing allocates
	// nothing.
	c := &s.casBuf
	clear(c.lastStarted)
	clear(c.changes)
	for i := range c.work {
		c.work[i] = nil
	}
	*c = cascade{origin: origin, lastStarted: c.lastStarted, changes: c.changes, work: c.work[:0], trail: c.trail[:0],
		robot: robot, client: c.client.reset()}
	s.cas = c
	s.pending = true
}

// casPhase is where a cascade is.
type casPhase uint8

const (
	casBegin  casPhase = iota // the event or the due robot itself
	casClient                 // a client event's delivery (clientStep)
	casWork                   // the robots due now that it started
)

// resume runs the cascade in s.cas for at most budget units of work (an
// event, a robot run, a client's item logged or offered the event; at
// least one). It returns the budget left and whether the cascade is over.
func (s *Sim) resume(budget int) (int, bool) {
	c := s.cas
	for {
		switch c.phase {
		case casBegin:
			budget--
			c.phase = casWork
			if c.robot == nil {
				if !s.step("event", s.eventTarget(c.origin)) {
					// s.cas stays: nothing runs in it any more.
					s.pending = false
					return budget, true
				}
				s.runEvent(c.origin) // may start a client's delivery
			} else {
				s.runRobot(c.robot)
			}
		case casClient:
			budget = s.deliverClient(budget)
			if c.phase == casClient {
				return budget, false
			}
		default:
			for c.next < len(c.work) && !c.stopped && !s.stopped {
				if budget <= 0 {
					return budget, false
				}
				budget--
				w := c.work[c.next]
				c.work[c.next] = nil
				c.next++
				s.runRobot(w)
				// runRobot took it out of its item's pending list (or it
				// had been cancelled, which empties that list).
				s.freeTask(w)
			}
			if robot := c.robot; robot != nil {
				if !robot.cancelled {
					s.watchLoop(robot.it, robot.branch[robot.pos])
				}
				c.robot = nil
				s.freeTask(robot)
			}
			s.cas = nil
			s.pending = false
			return budget, true
		}
		if budget <= 0 && c.phase != casWork {
			return budget, false
		}
	}
}

// step counts one unit of work against both loop guards; target is the
// item (or the event's target) the work is for, named when a guard stops.
func (s *Sim) step(what, target string) bool {
	if s.stopped || s.cas.stopped {
		return false
	}
	s.steps++
	s.cas.steps++
	if what != "" && what != "event" {
		s.cas.trail = append(s.cas.trail, what)
		// The run's trail outlives cascades: a loop across time (robots
		// with delays) spans many of them.
		if len(s.trail) == 64 {
			copy(s.trail, s.trail[32:])
			s.trail = s.trail[:32]
		}
		s.trail = append(s.trail, what)
	}
	if s.steps > s.sc.Limits.Steps {
		s.stopped = true
		c := cycleOf(s.trail)
		s.add(LogEntry{Type: LogLoop, Cycle: c,
			Why: Reason{Code: "loop.steps", Args: []string{fmt.Sprint(s.sc.Limits.Steps), cycleText(c)}}})
		return false
	}
	if s.cas.steps > s.sc.Limits.Cascade {
		s.cas.stopped = true
		s.add(LogEntry{Type: LogLoop, Target: target, Cycle: cycleOf(s.cas.trail),
			Why: Reason{Code: "loop.cascade", Args: []string{target, fmt.Sprint(s.sc.Limits.Cascade), cycleText(cycleOf(s.cas.trail))}}})
		return false
	}
	return true
}

// keeps reports whether the log keeps entries of a type (Options.Quiet
// and NoLog drop some or all): the hot path builds an entry's reason only
// when it is kept.
func (s *Sim) keeps(typ string) bool {
	if s.opt.NoLog {
		return false
	}
	if s.opt.Quiet {
		switch typ {
		case LogSkip, LogScheduled, LogCancelled, LogDeliver, LogUndelivered, LogEvent, LogNote:
			return false
		}
	}
	return true
}

// add appends a log entry, stamping it with the clock and the event that
// started the cascade, and rendering its reason in the run's language.
func (s *Sim) add(e LogEntry) {
	if !s.keeps(e.Type) {
		return
	}
	if s.nLog >= s.logCap && !s.keepPastCap(&e) {
		return
	}
	e.Seq = s.nLog + 1
	e.Time = s.now
	if s.cas != nil {
		e.Event = s.cas.origin
	}
	s.appendLog(&e)
}

// intp is a pointer to n for a log entry's By or Pipeline. The few
// numbers a run writes there (users, pipelines) share one pointer each
// rather than one allocation per entry; entries are read, never written
// through.
func (s *Sim) intp(n int) *int {
	for _, p := range s.ints {
		if *p == n {
			return p
		}
	}
	p := new(int) // not &n: n would then be moved to the heap on every call
	*p = n
	if len(s.ints) < 32 {
		s.ints = append(s.ints, p)
	}
	return p
}

// MaxLogEntries bounds the log a run keeps, whatever the scenario does:
// past it the log holds one "… N entries omitted" entry and then only loop
// entries (at most maxLogTail of them), so that the end of a runaway run
// still says why it stopped. Counters, expectations and KPIs do not read
// the log and stay exact.
const MaxLogEntries = 20000

// maxLogTail is how many loop entries are kept after the omitted marker.
const maxLogTail = 100

// keepPastCap decides on an entry that arrives when the log is full: the
// first one places the marker; loop entries are kept up to maxLogTail;
// everything else is counted as omitted.
func (s *Sim) keepPastCap(e *LogEntry) bool {
	if s.omitAt < 0 {
		s.omitAt = s.nLog
		m := LogEntry{Type: LogNote, Seq: s.nLog + 1, Time: s.now, Why: Reason{Code: "log.omitted"}}
		if s.cas != nil {
			m.Event = s.cas.origin
		}
		s.appendLog(&m)
	}
	if e.Type == LogLoop && s.logTail < maxLogTail {
		s.logTail++
		return true
	}
	s.omitted++
	return false
}

// markOmitted brings the marker's count up to date; false without one.
func (s *Sim) markOmitted() bool {
	if s.omitAt < 0 {
		return false
	}
	s.logEntry(s.omitAt).Why.Args = []string{fmt.Sprint(s.omitted), fmt.Sprint(s.logCap)}
	return true
}

// Omitted is how many log entries the run did not keep (MaxLogEntries).
func (s *Sim) Omitted() int { return s.omitted }

// Steps is how many steps (events, trigger applications, robot runs) the
// run has taken: the unit of limits.steps.
func (s *Sim) Steps() int { return s.steps }

// counter counts trigger moves and robot runs of one item, for
// expectations and KPIs, independently of how much log is kept. An item
// keeps its counters in a slice sorted by key, since it is bumped on every
// move and an item meets few distinct triggers and robots: a binary search
// in a few entries, no hashing, no allocation once the item has met them.
type counter struct {
	key int // 2×index in the scenario, +1 for a trigger
	n   int
}

func countKeyOf(index int, trigger bool) int {
	k := index * 2
	if trigger {
		k++
	}
	return k
}

// countIndex finds a key in an item's counters: its position, or where it
// would be inserted.
func (it *item) countIndex(k int) (int, bool) {
	lo, hi := 0, len(it.counts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if it.counts[m].key < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(it.counts) && it.counts[lo].key == k
}

// maxDenseCounts bounds the keys of a scenario whose items count in a
// dense array by key (Sim.countKeys): up to 64 triggers and 64 robots,
// 1 KB per counted item. Larger scenarios keep the sorted slice.
const maxDenseCounts = 128

// countBlock is n zeroed counters for an item, cut from a block shared
// with other items: ten thousand deals made ten thousand small arrays,
// each an object for the collector. The capacity is the length, so the
// counters never grow into a neighbour's.
func (s *Sim) countBlock(n int) []int {
	if len(s.counts)+n > cap(s.counts) {
		s.counts = make([]int, 0, max(n, blockInts))
	}
	k := len(s.counts)
	s.counts = s.counts[:k+n]
	return s.counts[k : k+n : k+n]
}

// pendingList is an empty pending list with room for four tasks, cut
// from a block shared with other items (as countBlock); a list that
// outgrows it is moved by append, as any slice.
func (s *Sim) pendingList() []*task {
	if len(s.pendings)+4 > cap(s.pendings) {
		s.pendings = make([]*task, 0, blockTasks)
	}
	k := len(s.pendings)
	s.pendings = s.pendings[:k+4]
	return s.pendings[k : k : k+4]
}

// Sizes of the blocks countBlock and pendingList cut from.
const (
	blockInts  = 4096
	blockTasks = 1024
)

func (s *Sim) count(it *item, index int, trigger bool) {
	k := countKeyOf(index, trigger)
	if s.countKeys > 0 {
		// One index into the item's own array: a binary search over
		// counters spread on several cache lines cost a miss per probe.
		if it.byKey == nil {
			it.byKey = s.countBlock(s.countKeys)
		}
		it.byKey[k]++
		return
	}
	i, ok := it.countIndex(k)
	if ok {
		it.counts[i].n++
		return
	}
	if it.counts == nil {
		// An item that is counted at all usually meets several triggers
		// and robots: start with room for them.
		it.counts = make([]counter, 0, 8)
	}
	it.counts = append(it.counts, counter{})
	copy(it.counts[i+1:], it.counts[i:])
	it.counts[i] = counter{key: k, n: 1}
}

func (it *item) counted(index int, trigger bool) int {
	if it.sim.countKeys > 0 {
		if it.byKey == nil {
			return 0
		}
		return it.byKey[countKeyOf(index, trigger)]
	}
	if i, ok := it.countIndex(countKeyOf(index, trigger)); ok {
		return it.counts[i].n
	}
	return 0
}

// Fired counts how often a trigger moved an item; Ran how often a robot's
// action ran for it.
func (s *Sim) Fired(target, trigger string) int {
	it, tm := s.byTarget[target], s.m.triggers[trigger]
	if it == nil || tm == nil {
		return 0
	}
	return it.counted(tm.index, true)
}

func (s *Sim) Ran(target, robot string) int {
	it, rm := s.byTarget[target], s.m.robots[robot]
	if it == nil || rm == nil {
		return 0
	}
	return it.counted(rm.index, false)
}

// cycleOf finds the repeating tail of a cascade's trail: the triggers and
// robots that keep setting each other off.
func cycleOf(trail []string) []string {
	n := len(trail)
	for p := 1; p <= n/2; p++ {
		same := true
		for i := 0; i < p; i++ {
			if trail[n-1-i] != trail[n-1-p-i] {
				same = false
				break
			}
		}
		if same {
			return append([]string(nil), trail[n-p:]...)
		}
	}
	if n > 10 {
		return append([]string(nil), trail[n-10:]...)
	}
	return append([]string(nil), trail...)
}

func cycleText(c []string) string {
	out := ""
	for i, x := range c {
		if i > 0 {
			out += " → "
		}
		out += x
	}
	if len(c) > 0 {
		out += " → " + c[0] // a cycle closes on its start
	}
	return out
}

// byUser picks who did a user action: the event's "by", else the first user.
func (s *Sim) byUser(ev *Event) int {
	if ev.By != 0 {
		return ev.By
	}
	return s.m.firstUsr
}

func (s *Sim) runEvent(idx int) {
	evv := s.event(idx)
	ev := &evv
	if s.keeps(LogEvent) {
		e := LogEntry{Type: LogEvent, Code: ev.Code, Target: ev.Target, Data: ev.Data}
		if ev.By != 0 {
			e.By = s.intp(ev.By)
		}
		s.add(e)
	}
	switch ev.Code {
	case CodeCreate:
		s.create(ev)
	case CodeUpdate:
		it := s.lookup(ev.Target)
		if it == nil {
			return
		}
		fields, _ := ev.Data["fields"].(map[string]any)
		s.update(it, fields, s.byUser(ev), "")
	case CodeMove:
		it := s.lookup(ev.Target)
		if it == nil {
			return
		}
		id, _ := ev.Data["stage"].(string)
		s.manualMove(it, id, s.byUser(ev))
	default:
		if typ, n, ok := ParseTarget(ev.Target); ok && (typ == "CONTACT" || typ == "COMPANY") {
			// A client may have thousands of items: resume delivers
			// to them in units (step.go).
			s.beginClient(ev.Code, typ, n, ev.Data)
			return
		}
		for _, it := range s.resolve(ev) {
			s.dispatch(ev.Code, it, ev.Data, nil)
		}
	}
}

// lookup finds an item target, logging an error when it does not exist.
func (s *Sim) lookup(target string) *item {
	if it := s.find(target); it != nil {
		return it
	}
	s.add(LogEntry{Type: LogError, Target: target, Why: Reason{Code: "target.missing", Args: []string{target}}})
	return nil
}

func (s *Sim) create(ev *Event) {
	em := s.m.entities[ev.Target]
	if em == nil {
		s.add(LogEntry{Type: LogError, Target: ev.Target, Why: Reason{Code: "entity.missing", Args: []string{ev.Target}}})
		return
	}
	id, _ := ev.Data["stage"].(string)
	ref, ok := em.stage(id)
	if !ok {
		s.add(LogEntry{Type: LogError, Target: ev.Target, Why: Reason{Code: "stage.missing", Args: []string{id, ev.Target}}})
		return
	}
	fields, _ := ev.Data["fields"].(map[string]any)
	contact, company := intOf(ev.Data["contact"]), intOf(ev.Data["company"])
	parent, _ := ev.Data["parent"].(string)
	n := s.nextID[em.typ]
	if n == 0 {
		n = 1
	}
	it := s.newItem(em, n, ref, fields, contact, company, parent)
	if _, ok := fields["ASSIGNED_BY_ID"]; !ok {
		it.setField("ASSIGNED_BY_ID", float64(s.byUser(ev)))
	}
	it.modifiedBy = s.byUser(ev)
	s.addItem(it)
	s.add(LogEntry{Type: LogCreate, Target: it.target, To: it.stageID(), Pipeline: s.intp(it.pm.id), By: s.intp(s.byUser(ev))})
	s.enterStage(it)
}

// intOf reads an integer the reader kept as int or float64 (or a numeric
// string); anything else is 0.
func intOf(v any) int {
	if f, ok := numberOf(v); ok {
		return int(f)
	}
	return 0
}

// resolve finds the items an event reaches (section 1.3): the item itself,
// or the item an e-mail or a task is bound to. A client's deal, orders and
// smart-process items are delivered by beginClient and deliverClient.
func (s *Sim) resolve(ev *Event) []*item {
	typ, n, ok := ParseTarget(ev.Target)
	if !ok {
		s.add(LogEntry{Type: LogError, Target: ev.Target, Why: Reason{Code: "target.bad", Args: []string{ev.Target}}})
		return nil
	}
	switch typ {
	case "EMAIL":
		if n < 1 || n > len(s.emails) {
			s.add(LogEntry{Type: LogError, Target: ev.Target, Why: Reason{Code: "target.missing", Args: []string{ev.Target}}})
			return nil
		}
		m := s.emails[n-1]
		if ev.Code == "EMAIL_READ" {
			if m.read {
				s.add(LogEntry{Type: LogNote, Target: m.it.target, Code: ev.Code, Why: Reason{Code: "email.readTwice", Args: []string{ev.Target}}})
				return nil
			}
			m.read = true
		}
		s.add(LogEntry{Type: LogDeliver, Target: m.it.target, Code: ev.Code, Why: Reason{Code: "deliver.bound", Args: []string{ev.Target, m.it.target}}})
		return []*item{m.it}
	case "TASK":
		if n < 1 || n > len(s.tasks) {
			s.add(LogEntry{Type: LogError, Target: ev.Target, Why: Reason{Code: "target.missing", Args: []string{ev.Target}}})
			return nil
		}
		it := s.tasks[n-1]
		s.add(LogEntry{Type: LogDeliver, Target: it.target, Code: ev.Code, Why: Reason{Code: "deliver.bound", Args: []string{ev.Target, it.target}}})
		return []*item{it}
	}
	it := s.lookup(ev.Target)
	if it == nil {
		return nil
	}
	s.one[0] = it
	return s.one[:]
}
