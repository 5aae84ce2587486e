package engine

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	// Time zones of workTime must resolve the same way on every platform,
	// including WebAssembly in the browser, which has no zoneinfo files.
	_ "time/tzdata"
)

// Defaults filled by ReadScenario; see docs/scenario-format.md.
const (
	DefaultLocale       = "ru"
	DefaultStart        = "2026-01-12T09:00:00+03:00"
	DefaultLimitSteps   = 100000
	DefaultLimitCascade = 50
)

// The largest limits a file may set (docs/limits.md): with them a run
// ends in seconds, and its memory stays bounded (see MaxLogEntries).
const (
	MaxLimitSteps   = 1000000
	MaxLimitCascade = 10000
)

// maxID is the largest item or client id: targets such as "DEAL_5" carry
// at most nine digits.
const maxID = 999999999

// maxInt bounds every other integer of a scenario, so that it fits an int
// on every platform and stays exact as a float64.
const maxInt = 1<<31 - 1

// ReadScenario reads and validates a scenario file, filling its documented
// defaults. On failure it returns Errors (every problem found, up to
// MaxErrors, each with its JSON path); errors.Is(err, ErrInvalid) holds.
// It never panics and takes time linear in the size of data.
//
// Values that the file keeps as free JSON (item fields, event data,
// robot params, trigger settings) come out with these Go types: field
// values as nil, bool, float64, string or []any (of those scalars); a
// setting or parameter declared as an integer as int, as a list of strings
// as []string, as a condition as Condition, as an object as map[string]any
// of field values.
func ReadScenario(data []byte) (*Scenario, error) {
	errs := &errList{}
	root, ok := parseJSONTree(data, errs)
	if !ok {
		return nil, errs.err()
	}
	r := &reader{
		errs:     errs,
		s:        &Scenario{},
		entities: map[string]*entityInfo{},
		users:    map[int]bool{},
		triggers: map[string]string{},
		robots:   map[string]string{},
	}
	if !r.header(&root) {
		return nil, errs.err()
	}
	r.scenario(&root)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return r.s, nil
}

// entityInfo is what cross-references need to know about a declared entity.
type entityInfo struct {
	stages    map[string]int // stage id → pipeline id
	pipelines map[int]bool
}

// reader holds the state of one read: the scenario being filled and the
// declared names that later sections refer to.
type reader struct {
	errs     *errList
	s        *Scenario
	entities map[string]*entityInfo
	users    map[int]bool
	triggers map[string]string // trigger id → entity type
	robots   map[string]string // robot id → entity type
}

// ---- generic decoding helpers ----

// obj is an object node whose keys have been checked.
type obj struct {
	n    *jtNode
	path string
}

// object checks that n is an object with no keys outside keys; unknown keys
// are reported one by one, in file order.
func (r *reader) object(n *jtNode, path string, keys ...string) (obj, bool) {
	if n.kind != jtObject {
		r.errs.add(path, "expected an object, got %s", n.describe())
		return obj{}, false
	}
	for i := range n.kids {
		if !slices.Contains(keys, n.kids[i].key) {
			r.errs.add(keyPath(path, n.kids[i].key), "unknown key")
		}
	}
	return obj{n: n, path: path}, true
}

// get returns the value of key (nil when absent) and its path.
func (o obj) get(key string) (*jtNode, string) {
	return o.n.member(key), keyPath(o.path, key)
}

// need is get for a required key: its absence is reported.
func (r *reader) need(o obj, key, expected string) (*jtNode, string) {
	n, p := o.get(key)
	if n == nil {
		r.errs.add(p, "missing required key, expected %s", expected)
	}
	return n, p
}

func (r *reader) str(n *jtNode, path string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString {
		r.errs.add(path, "expected a string, got %s", n.describe())
		return "", false
	}
	return n.text, true
}

// nonEmpty reads a string that must not be empty; what names it.
func (r *reader) nonEmpty(n *jtNode, path, what string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString || n.text == "" {
		r.errs.add(path, "expected %s, got %s", what, n.describe())
		return "", false
	}
	return n.text, true
}

// MaxIDLength is the longest trigger or robot id, in characters, as stage
// ids are bounded too: ids are repeated in every log entry and message.
const MaxIDLength = 50

// refID reads a trigger or robot id: not empty, at most MaxIDLength
// characters.
func (r *reader) refID(n *jtNode, path, what string) (string, bool) {
	s, ok := r.nonEmpty(n, path, what)
	if ok && utf8.RuneCountInString(s) > MaxIDLength {
		r.errs.add(path, "expected %s of at most %d characters, got %q", what, MaxIDLength, s)
		return "", false
	}
	return s, ok
}

// enum reads a string that must be one of allowed.
func (r *reader) enum(n *jtNode, path string, allowed ...string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString || !slices.Contains(allowed, n.text) {
		r.errs.add(path, "expected %s, got %s", quoteList(allowed), n.describe())
		return "", false
	}
	return n.text, true
}

// quoteList renders `"a", "b" or "c"`.
func quoteList(items []string) string {
	var b strings.Builder
	for i, s := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(s))
	}
	return b.String()
}

// integer reads an integer in [lo, hi].
func (r *reader) integer(n *jtNode, path string, lo, hi int) (int, bool) {
	if n == nil {
		return 0, false
	}
	if n.kind == jtNumber {
		if v, err := strconv.Atoi(n.text); err == nil && v >= lo && v <= hi {
			return v, true
		}
	}
	r.errs.add(path, "expected %s, got %s", intRange(lo, hi), n.describe())
	return 0, false
}

// id reads an item or client id.
func (r *reader) id(n *jtNode, path string) (int, bool) { return r.integer(n, path, 1, maxID) }

// positive reads an integer > 0.
func (r *reader) positive(n *jtNode, path string) (int, bool) { return r.integer(n, path, 1, maxInt) }

func intRange(lo, hi int) string {
	switch {
	case hi == maxInt && lo == 0:
		return "an integer ≥ 0"
	case hi == maxInt && lo == 1:
		return "an integer > 0"
	case hi == maxInt:
		return fmt.Sprintf("an integer ≥ %d", lo)
	default:
		return fmt.Sprintf("an integer from %d to %d", lo, hi)
	}
}

func (r *reader) boolean(n *jtNode, path string) (bool, bool) {
	if n == nil {
		return false, false
	}
	switch n.kind {
	case jtTrue:
		return true, true
	case jtFalse:
		return false, true
	}
	r.errs.add(path, "expected true or false, got %s", n.describe())
	return false, false
}

// list reads an array; what describes the items ("an array of stages").
func (r *reader) list(n *jtNode, path, what string) ([]jtNode, bool) {
	if n == nil {
		return nil, false
	}
	if n.kind != jtArray {
		r.errs.add(path, "expected %s, got %s", what, n.describe())
		return nil, false
	}
	return n.kids, true
}

// nonEmptyList reads an array that must have at least one item.
func (r *reader) nonEmptyList(n *jtNode, path, what string) ([]jtNode, bool) {
	items, ok := r.list(n, path, what)
	if ok && len(items) == 0 {
		r.errs.add(path, "expected %s with at least one entry, got an empty array", what)
		return nil, false
	}
	return items, ok
}

// strings reads an array of strings.
func (r *reader) strings(n *jtNode, path string) ([]string, bool) {
	items, ok := r.list(n, path, "an array of strings")
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for i := range items {
		s, ok2 := r.str(&items[i], indexPath(path, i))
		ok = ok && ok2
		out = append(out, s)
	}
	if len(out) == 0 {
		out = nil
	}
	return out, ok
}

// number converts JSON number text to float64.
func (r *reader) number(n *jtNode, path string) (float64, bool) {
	f, err := strconv.ParseFloat(n.text, 64)
	if err != nil || math.IsInf(f, 0) {
		r.errs.add(path, "number %s is out of range", n.describe())
		return 0, false
	}
	return f, true
}

// fieldValue reads a field value: null, a boolean, a number, a string, or
// an array of those.
func (r *reader) fieldValue(n *jtNode, path string) (any, bool) {
	switch n.kind {
	case jtNull:
		return nil, true
	case jtTrue:
		return true, true
	case jtFalse:
		return false, true
	case jtNumber:
		return r.number(n, path)
	case jtString:
		return n.text, true
	case jtArray:
		out := make([]any, 0, len(n.kids))
		ok := true
		for i := range n.kids {
			k := &n.kids[i]
			p := indexPath(path, i)
			if k.kind == jtArray || k.kind == jtObject {
				r.errs.add(p, "expected a null, boolean, number or string inside a field value, got %s", k.describe())
				ok = false
				continue
			}
			v, ok2 := r.fieldValue(k, p)
			ok = ok && ok2
			out = append(out, v)
		}
		return out, ok
	default:
		r.errs.add(path, "expected a field value (null, boolean, number, string or array), got %s", n.describe())
		return nil, false
	}
}

// validFieldID reports whether s looks like a Bitrix24 field id.
func validFieldID(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

const fieldIDWanted = `a field id of Latin letters, digits and "_" (such as "UF_CRM_BUDGET")`

// fieldID reads a field id.
func (r *reader) fieldID(n *jtNode, path string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != jtString || !validFieldID(n.text) {
		r.errs.add(path, "expected %s, got %s", fieldIDWanted, n.describe())
		return "", false
	}
	return n.text, true
}

// fields reads an object of field id → field value; nil when empty.
func (r *reader) fields(n *jtNode, path string) map[string]any {
	if n == nil {
		return nil
	}
	if n.kind != jtObject {
		r.errs.add(path, "expected an object of field values such as {\"TITLE\": \"…\"}, got %s", n.describe())
		return nil
	}
	if len(n.kids) == 0 {
		return nil
	}
	out := make(map[string]any, len(n.kids))
	for i := range n.kids {
		k := &n.kids[i]
		p := keyPath(path, k.key)
		if !validFieldID(k.key) {
			r.errs.add(p, "expected %s as the key, got %q", fieldIDWanted, k.key)
			continue
		}
		if v, ok := r.fieldValue(k, p); ok {
			out[k.key] = v
		}
	}
	return out
}

// time reads a scenario time (absolute or "+offset"): an offset of at most
// MaxDuration whose instant (from the start read so far) stays in the
// calendar, or an absolute time in the calendar.
func (r *reader) time(n *jtNode, path string) (Time, bool) {
	s, ok := r.str(n, path)
	if !ok {
		return Time{}, false
	}
	t, err := ParseTime(s)
	if err != nil {
		r.errs.add(path, "%s", err.Error())
		return Time{}, false
	}
	if t.Relative && !InCalendar(t.Resolve(r.s.Start)) {
		r.errs.add(path, "the offset %q from the start lands after 9999-12-30, the end of the calendar", s)
		return Time{}, false
	}
	return t, true
}

// clock reads "HH:MM".
func (r *reader) clock(n *jtNode, path string) (string, bool) {
	s, ok := r.str(n, path)
	if !ok {
		return "", false
	}
	if !validClock(s) {
		r.errs.add(path, "expected a time of day \"HH:MM\" such as \"09:00\", got %q", s)
		return "", false
	}
	return s, true
}

func validClock(s string) bool {
	if len(s) != 5 || s[2] != ':' {
		return false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	return err1 == nil && err2 == nil && s[0] != '+' && s[0] != '-' && s[3] != '+' && s[3] != '-' &&
		h >= 0 && h <= 23 && m >= 0 && m <= 59
}

// ---- cross-reference helpers ----

// entity reads an entity type that must be declared in entities.
func (r *reader) entity(n *jtNode, path string) (string, bool) {
	s, ok := r.str(n, path)
	if !ok {
		return "", false
	}
	if !ValidEntityType(s) {
		r.errs.add(path, "expected an entity type such as \"DEAL\", got %q", s)
		return "", false
	}
	if r.entities[s] == nil {
		r.errs.add(path, "%s is not declared in \"entities\"", s)
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
		r.errs.add(path, "unknown stage %q in %s", s, entity)
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
		r.errs.add(path, "user %d is not declared in \"users\"", id)
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
		r.errs.add(path, "expected an item target such as \"DEAL_5\", got %q", s)
		return "", false
	}
	if r.entities[t] == nil {
		r.errs.add(path, "%s is not declared in \"entities\"", t)
		return "", false
	}
	return s, true
}

// ---- the document ----

// header checks format and version. A file that fails here is not read
// further: it is another kind of file, or one from a newer build whose
// keys this build would all call unknown.
func (r *reader) header(root *jtNode) bool {
	if root.kind != jtObject {
		r.errs.add("", "expected a scenario object, got %s", root.describe())
		return false
	}
	o := obj{n: root}
	f, fp := r.need(o, "format", strconv.Quote(Format))
	if f == nil {
		return false
	}
	if f.kind != jtString || f.text != Format {
		r.errs.add(fp, "expected %q, got %s: this is not a triggersim scenario", Format, f.describe())
		return false
	}
	v, vp := r.need(o, "version", strconv.Itoa(Version))
	if v == nil {
		return false
	}
	n, err := strconv.Atoi(v.text)
	if v.kind != jtNumber || err != nil || n < 1 {
		r.errs.add(vp, "expected %d, got %s", Version, v.describe())
		return false
	}
	if n > Version {
		r.errs.add(vp, "version %d is newer than this build reads (%d)", n, Version)
		return false
	}
	return true
}

func (r *reader) scenario(root *jtNode) {
	s := r.s
	o, _ := r.object(root, "", "format", "version", "title", "description", "locale", "start", "workTime",
		"users", "entities", "triggers", "robots", "items", "clients", "events", "until", "limits", "expect",
		"whatif")

	s.Title, _ = r.str(o.get("title"))
	s.Description, _ = r.str(o.get("description"))
	s.Locale = DefaultLocale
	if n, p := o.get("locale"); n != nil {
		if loc, ok := r.enum(n, p, "ru", "en"); ok {
			s.Locale = loc
		}
	}

	s.Start, _ = time.Parse(time.RFC3339, DefaultStart)
	if n, p := o.get("start"); n != nil {
		if t, ok := r.time(n, p); ok {
			if t.Relative {
				r.errs.add(p, "expected an absolute RFC 3339 time such as %q, got %q", DefaultStart, t.Raw)
			} else {
				s.Start, s.StartRaw = t.Abs, t.Raw
			}
		}
	}

	s.WorkTime = defaultWorkTime()
	if n, p := o.get("workTime"); n != nil {
		s.WorkTimeSet = true
		if wt, ok := r.workTime(n, p); ok {
			s.WorkTime = wt
		}
	}

	r.readUsers(o)
	r.readEntities(o)
	r.readTriggers(o)
	r.readRobots(o)
	r.readItems(o)
	r.readClients(o)
	r.readEvents(o)

	if n, p := o.get("until"); n != nil {
		if t, ok := r.time(n, p); ok {
			s.Until = &t
		}
	}

	s.Limits = Limits{Steps: DefaultLimitSteps, Cascade: DefaultLimitCascade}
	if n, p := o.get("limits"); n != nil {
		s.LimitsSet = true
		if lo, ok := r.object(n, p, "steps", "cascade"); ok {
			if sn, sp := lo.get("steps"); sn != nil {
				if v, ok := r.integer(sn, sp, 1, MaxLimitSteps); ok {
					s.Limits.Steps = v
				}
			}
			if cn, cp := lo.get("cascade"); cn != nil {
				if v, ok := r.integer(cn, cp, 1, MaxLimitCascade); ok {
					s.Limits.Cascade = v
				}
			}
		}
	}

	r.readExpect(o)
	r.readWhatIf(o) // whatif.go
}

// defaultWorkTime is Mon–Fri 09:00–18:00 in the start's offset.
func defaultWorkTime() WorkTime {
	return WorkTime{Days: []int{1, 2, 3, 4, 5}, From: "09:00", To: "18:00"}
}

// workTime reads a WorkTime; keys it does not give keep their defaults.
func (r *reader) workTime(n *jtNode, path string) (WorkTime, bool) {
	wt := defaultWorkTime()
	o, ok := r.object(n, path, "timezone", "days", "from", "to", "holidays")
	if !ok {
		return wt, false
	}
	before := len(r.errs.errs)
	if n, p := o.get("timezone"); n != nil {
		if tz, ok := r.str(n, p); ok {
			if _, err := time.LoadLocation(tz); err != nil || tz == "" || tz == "Local" {
				r.errs.add(p, "expected an IANA time zone such as \"Europe/Moscow\", got %q", tz)
			} else {
				wt.Timezone = tz
			}
		}
	}
	if n, p := o.get("days"); n != nil {
		if items, ok := r.nonEmptyList(n, p, "an array of week days (1 = Monday … 7 = Sunday)"); ok {
			wt.Days = nil
			for i := range items {
				ip := indexPath(p, i)
				d, ok := r.integer(&items[i], ip, 1, 7)
				if !ok {
					continue
				}
				if slices.Contains(wt.Days, d) {
					r.errs.add(ip, "duplicate day %d", d)
					continue
				}
				wt.Days = append(wt.Days, d)
			}
		}
	}
	from, okFrom := r.clock(o.get("from"))
	if okFrom {
		wt.From = from
	}
	to, okTo := r.clock(o.get("to"))
	if okTo {
		wt.To = to
	}
	if (okFrom || okTo) && wt.From >= wt.To {
		p := keyPath(path, "to")
		if !okTo {
			p = keyPath(path, "from")
		}
		r.errs.add(p, "the working day must end after it starts, got %s–%s", wt.From, wt.To)
	}
	if n, p := o.get("holidays"); n != nil {
		if items, ok := r.list(n, p, "an array of dates \"YYYY-MM-DD\""); ok {
			for i := range items {
				ip := indexPath(p, i)
				d, ok := r.str(&items[i], ip)
				if !ok {
					continue
				}
				if _, err := time.Parse("2006-01-02", d); err != nil {
					r.errs.add(ip, "expected a date \"YYYY-MM-DD\", got %q", d)
					continue
				}
				wt.Holidays = append(wt.Holidays, d)
			}
		}
	}
	return wt, len(r.errs.errs) == before
}

func (r *reader) readUsers(o obj) {
	s := r.s
	n, p := o.get("users")
	if n == nil {
		name := "Администратор"
		if s.Locale == "en" {
			name = "Administrator"
		}
		s.Users = []User{{ID: 1, Name: name}}
		r.users[1] = true
		return
	}
	s.UsersSet = true
	items, _ := r.nonEmptyList(n, p, "an array of users")
	for i := range items {
		ip := indexPath(p, i)
		uo, ok := r.object(&items[i], ip, "id", "name", "workTime")
		if !ok {
			continue
		}
		var u User
		idNode, idPath := r.need(uo, "id", "an integer > 0")
		if id, ok := r.integer(idNode, idPath, 1, maxInt); ok {
			if r.users[id] {
				r.errs.add(idPath, "duplicate user id %d", id)
			}
			r.users[id] = true
			u.ID = id
		}
		u.Name, _ = r.str(r.need(uo, "name", "a string"))
		if wn, wp := uo.get("workTime"); wn != nil {
			if wt, ok := r.workTime(wn, wp); ok {
				u.WorkTime = &wt
			}
		}
		s.Users = append(s.Users, u)
	}
}

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
			r.errs.add(tp, "expected an entity type (LEAD, DEAL, QUOTE, SMART_INVOICE, ORDER or DYNAMIC_<n>), got %q", t)
		case r.entities[t] != nil:
			r.errs.add(tp, "duplicate entity type %s", t)
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
			r.errs.add(pp, "%s has exactly one pipeline (id 0), got %d", e.Type, len(items))
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
					r.errs.add(idPath, "duplicate field id %s", id)
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
				r.errs.add(tp, "%s is a standard %s field, it cannot be declared as %s", f.ID, StandardFieldType(f.ID), f.Type)
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
			r.errs.add(idPath, "%s has a single pipeline, its id must be 0, got %d", entity, id)
		case info.pipelines[id]:
			r.errs.add(idPath, "duplicate pipeline id %d", id)
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
				r.errs.add(keyPath(ip, "id"), "duplicate stage id %q (also in pipeline %d)", st.ID, other)
			} else {
				info.stages[st.ID] = pl.ID
			}
		}
		semPath := keyPath(ip, "semantics")
		switch st.Semantics {
		case Process:
			if success > 0 {
				r.errs.add(semPath, "a process stage must come before the success stage")
			}
			process++
		case Success:
			success++
			if success == 2 {
				r.errs.add(semPath, "a pipeline has exactly one success stage, this is the second")
			}
		case Failure:
			if success == 0 {
				r.errs.add(semPath, "a failure stage must come after the success stage")
			}
		}
		pl.Stages = append(pl.Stages, st)
	}
	if process == 0 {
		r.errs.add(sp, "expected at least one process stage")
	}
	if success == 0 {
		r.errs.add(sp, "expected exactly one success stage, found none")
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
			r.errs.add(idPath, "expected a stage id of at most 50 Latin letters, digits, \"-\", \"_\" and \":\", got %q", id)
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
				r.errs.add(cp, "expected a color \"#RRGGBB\" such as \"#39A8EF\", got %q", c)
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

// condition reads a Condition; nil when absent or empty.
func (r *reader) condition(n *jtNode, path string) Condition {
	items, ok := r.list(n, path, "a condition (an array of clauses)")
	if !ok || len(items) == 0 {
		return nil
	}
	c := make(Condition, 0, len(items))
	for i := range items {
		ip := indexPath(path, i)
		o, ok := r.object(&items[i], ip, "field", "op", "value", "join")
		if !ok {
			continue
		}
		var cl Clause
		fn, fp := r.need(o, "field", "a field id")
		cl.Field, _ = r.nonEmpty(fn, fp, "a field id")
		opNode, opPath := r.need(o, "op", "a condition operator")
		if op, ok := r.str(opNode, opPath); ok {
			if ValidateClauseOp(op) {
				cl.Op = op
			} else {
				r.errs.add(opPath, "expected an operator (=, !=, >, >=, <, <=, in, !in, contain, !contain, empty, !empty, between), got %q", op)
			}
		}
		vn, vp := o.get("value")
		if vn != nil {
			cl.HasValue = true
			cl.Value, _ = r.fieldValue(vn, vp)
			if cl.Op == "between" {
				if arr, isArr := cl.Value.([]any); !isArr || len(arr) != 2 {
					r.errs.add(vp, "expected [low, high] for between, got %s", vn.describe())
				}
			}
		} else if cl.Op != "" && cl.Op != "empty" && cl.Op != "!empty" {
			r.errs.add(vp, "missing required key, expected a value to compare with")
		}
		cl.Join = "and"
		if jn, jp := o.get("join"); jn != nil {
			if j, ok := r.enum(jn, jp, "and", "or"); ok {
				cl.Join = j
			}
		}
		c = append(c, cl)
	}
	if len(c) == 0 {
		return nil
	}
	return c
}

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
				r.errs.add(idPath, "duplicate trigger id %q", id)
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
				r.errs.add(codePath, "unknown trigger code %q", code)
			case t.Entity != "" && !info.Supports(t.Entity):
				r.errs.add(codePath, "%s is not available for %s; it works for %s", code, t.Entity, info.SupportedTypes())
			}
			t.Code = code
		}
		t.Name, _ = r.str(to.get("name"))
		if sn, sp := to.get("settings"); sn != nil && known {
			t.Settings = r.specObject(sn, sp, info.Settings, "settings of "+t.Code)
		} else if sn != nil && sn.kind != jtObject {
			r.errs.add(sp, "expected an object, got %s", sn.describe())
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
				r.errs.add(ep, "expected a user id or \"responsible\", got %s", en.describe())
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

// robotParam describes one key of a robot's params.
type robotParam struct {
	key      string
	kind     string // "stage", "fields", "user", "pipeline", "string", "strings"
	required bool
}

// robotParams lists the params of each robot type, in writing order.
func robotParams(typ string) ([]robotParam, bool) {
	switch typ {
	case RobotChangeStage:
		return []robotParam{{"stage", "stage", true}}, true
	case RobotUpdateFields:
		return []robotParam{{"fields", "fields", true}}, true
	case RobotChangeResponsible:
		return []robotParam{{"user", "user", true}}, true
	case RobotChangePipeline:
		return []robotParam{{"pipeline", "pipeline", true}}, true
	case RobotCreateTask:
		return []robotParam{{"title", "string", true}, {"responsible", "user", false}}, true
	case RobotSendEmail:
		return []robotParam{{"subject", "string", true}, {"links", "strings", false}}, true
	case RobotSendSms, RobotNotify, RobotAddComment:
		return []robotParam{{"text", "string", true}}, true
	}
	return nil, false
}

var robotTypes = []string{RobotChangeStage, RobotUpdateFields, RobotChangeResponsible, RobotChangePipeline,
	RobotCreateTask, RobotSendEmail, RobotSendSms, RobotNotify, RobotAddComment}

func (r *reader) readRobots(o obj) {
	n, p := o.get("robots")
	items, _ := r.list(n, p, "an array of robots")
	for i := range items {
		ip := indexPath(p, i)
		ro, ok := r.object(&items[i], ip, "id", "entity", "stage", "type", "name", "params", "delay",
			"afterPrevious", "condition", "active")
		if !ok {
			continue
		}
		var rb Robot
		idNode, idPath := r.need(ro, "id", "a robot id")
		if id, ok := r.refID(idNode, idPath, "a robot id"); ok {
			if _, dup := r.robots[id]; dup {
				r.errs.add(idPath, "duplicate robot id %q", id)
			}
			rb.ID = id
		}
		rb.Entity, _ = r.entity(r.need(ro, "entity", "an entity type"))
		if rb.ID != "" {
			if _, dup := r.robots[rb.ID]; !dup {
				r.robots[rb.ID] = rb.Entity
			}
		}
		sn, sp := r.need(ro, "stage", "a stage id")
		rb.Stage, _ = r.stage(sn, sp, rb.Entity)
		typeNode, typePath := r.need(ro, "type", "a robot type")
		rb.Type, _ = r.enum(typeNode, typePath, robotTypes...)
		rb.Name, _ = r.str(ro.get("name"))
		pn, pp := ro.get("params")
		if specs, ok := robotParams(rb.Type); ok {
			if pn == nil {
				r.errs.add(pp, "missing required key, expected the params of %s", rb.Type)
			} else {
				rb.Params = r.robotParams(pn, pp, rb, specs)
			}
		} else if pn != nil && pn.kind != jtObject {
			r.errs.add(pp, "expected an object, got %s", pn.describe())
		}
		if dn, dp := ro.get("delay"); dn != nil {
			rb.Delay = r.delay(dn, dp)
		}
		rb.AfterPrevious, _ = r.boolean(ro.get("afterPrevious"))
		if cn, cp := ro.get("condition"); cn != nil {
			rb.Condition = r.condition(cn, cp)
		}
		if an, ap := ro.get("active"); an != nil {
			if a, ok := r.boolean(an, ap); ok {
				rb.Active = &a
			}
		}
		r.s.Robots = append(r.s.Robots, rb)
	}
}

func (r *reader) robotParams(n *jtNode, path string, rb Robot, specs []robotParam) map[string]any {
	keys := make([]string, len(specs))
	for i, sp := range specs {
		keys[i] = sp.key
	}
	o, ok := r.object(n, path, keys...)
	if !ok {
		return nil
	}
	out := map[string]any{}
	for _, sp := range specs {
		var vn *jtNode
		var vp string
		if sp.required {
			vn, vp = r.need(o, sp.key, paramWanted(sp.kind))
		} else {
			vn, vp = o.get(sp.key)
		}
		if vn == nil {
			continue
		}
		var v any
		ok := false
		switch sp.kind {
		case "stage":
			v, ok = r.stage(vn, vp, rb.Entity)
		case "fields":
			if vn.kind != jtObject {
				r.errs.add(vp, "expected an object of field values such as {\"TITLE\": \"…\"}, got %s", vn.describe())
				break
			}
			before := len(r.errs.errs)
			f := r.fields(vn, vp)
			if f == nil {
				f = map[string]any{}
			}
			v, ok = f, len(r.errs.errs) == before
		case "user":
			v, ok = r.user(vn, vp)
		case "pipeline":
			var id int
			id, ok = r.integer(vn, vp, 0, maxInt)
			if ok && rb.Entity != "" && rb.Entity != "DEAL" {
				r.errs.add(keyPath(strings.TrimSuffix(path, ".params"), "type"), "ChangePipeline works only for DEAL, not %s", rb.Entity)
				ok = false
			} else if ok && rb.Entity != "" && !r.entities[rb.Entity].pipelines[id] {
				r.errs.add(vp, "unknown pipeline %d in %s", id, rb.Entity)
				ok = false
			}
			v = id
		case "string":
			v, ok = r.str(vn, vp)
		case "strings":
			v, ok = r.strings(vn, vp)
		}
		if ok {
			out[sp.key] = v
		}
	}
	return out
}

func paramWanted(kind string) string {
	switch kind {
	case "stage":
		return "a stage id"
	case "fields":
		return "an object of field values"
	case "user":
		return "a user id"
	case "pipeline":
		return "a pipeline id"
	case "strings":
		return "an array of strings"
	}
	return "a string"
}

func (r *reader) delay(n *jtNode, path string) *Delay {
	o, ok := r.object(n, path, "type", "value", "unit", "basis", "time", "workTime", "waitWorkDay")
	if !ok {
		return nil
	}
	d := &Delay{}
	tn, tp := r.need(o, "type", `"after", "before" or "in"`)
	d.Type, _ = r.enum(tn, tp, DelayAfter, DelayBefore, DelayIn)
	vn, vp := o.get("value")
	if vn == nil && d.Type != DelayIn {
		r.errs.add(vp, "missing required key, expected an integer ≥ 0")
	}
	d.Value, _ = r.integer(vn, vp, 0, maxInt)
	un, up := o.get("unit")
	if un == nil && d.Value > 0 {
		r.errs.add(up, "missing required key, expected \"m\", \"h\" or \"d\"")
	}
	d.Unit, _ = r.enum(un, up, "m", "h", "d")
	if d.Unit != "" && d.Value > maxDelayValue(d.Unit) {
		// value × unit must stay a time.Duration that cannot wrap.
		r.errs.add(vp, "expected a delay of %s, got %d %s", delayWanted(d.Unit), d.Value, unitName(d.Unit))
		d.Value = 0
	}
	d.Basis, _ = r.fieldID(o.get("basis"))
	d.Time, _ = r.clock(o.get("time"))
	d.WorkTime, _ = r.boolean(o.get("workTime"))
	d.WaitWorkDay, _ = r.boolean(o.get("waitWorkDay"))
	return d
}

// unitName names a delay unit in messages.
func unitName(unit string) string {
	switch unit {
	case "h":
		return "hours"
	case "d":
		return "days"
	}
	return "minutes"
}

func (r *reader) readItems(o obj) {
	n, p := o.get("items")
	items, _ := r.list(n, p, "an array of items")
	seen := map[string]bool{}
	for i := range items {
		ip := indexPath(p, i)
		io, ok := r.object(&items[i], ip, "id", "entity", "stage", "fields", "contact", "company", "parent")
		if !ok {
			continue
		}
		var it Item
		idNode, idPath := r.need(io, "id", "an integer > 0")
		it.ID, _ = r.integer(idNode, idPath, 1, maxID)
		it.Entity, _ = r.entity(r.need(io, "entity", "an entity type"))
		if it.ID > 0 && it.Entity != "" {
			t := Target(it.Entity, it.ID)
			if seen[t] {
				r.errs.add(idPath, "duplicate item %s", t)
			}
			seen[t] = true
		}
		sn, sp := r.need(io, "stage", "a stage id")
		it.Stage, _ = r.stage(sn, sp, it.Entity)
		if fn, fp := io.get("fields"); fn != nil {
			it.Fields = r.fields(fn, fp)
		}
		it.Contact, _ = r.id(io.get("contact"))
		it.Company, _ = r.id(io.get("company"))
		it.Parent, _ = r.itemTarget(io.get("parent"))
		r.s.Items = append(r.s.Items, it)
	}
}

func (r *reader) readClients(o obj) {
	n, p := o.get("clients")
	items, _ := r.list(n, p, "an array of clients")
	seen := map[string]bool{}
	for i := range items {
		ip := indexPath(p, i)
		co, ok := r.object(&items[i], ip, "type", "id", "name")
		if !ok {
			continue
		}
		var c Client
		cn, cp := r.need(co, "type", `"CONTACT" or "COMPANY"`)
		c.Type, _ = r.enum(cn, cp, "CONTACT", "COMPANY")
		idNode, idPath := r.need(co, "id", "an integer > 0")
		c.ID, _ = r.integer(idNode, idPath, 1, maxID)
		if c.Type != "" && c.ID > 0 {
			t := Target(c.Type, c.ID)
			if seen[t] {
				r.errs.add(idPath, "duplicate client %s", t)
			}
			seen[t] = true
		}
		c.Name, _ = r.str(co.get("name"))
		r.s.Clients = append(r.s.Clients, c)
	}
}

func (r *reader) readEvents(o obj) {
	n, p := o.get("events")
	items, _ := r.list(n, p, "an array of events")
	for i := range items {
		ip := indexPath(p, i)
		eo, ok := r.object(&items[i], ip, "at", "code", "target", "data", "by")
		if !ok {
			continue
		}
		var ev Event
		ev.At, _ = r.time(r.need(eo, "at", "a time"))
		codeNode, codePath := r.need(eo, "code", "a trigger code, CREATE, UPDATE or MOVE")
		var info TriggerInfo
		known := false
		if code, ok := r.str(codeNode, codePath); ok {
			switch code {
			case CodeCreate, CodeUpdate, CodeMove:
				known = true
			default:
				info, known = LookupTrigger(code)
				if !known {
					r.errs.add(codePath, "expected a trigger code, CREATE, UPDATE or MOVE, got %q", code)
				}
			}
			if known {
				ev.Code = code
			}
		}
		tn, tp := r.need(eo, "target", "a target such as \"DEAL_5\"")
		entity := "" // the entity type of the target, when it is an item or CREATE
		if target, ok := r.str(tn, tp); ok {
			entity = r.eventTarget(ev.Code, target, tp)
			ev.Target = target
		}
		dn, dp := eo.get("data")
		switch {
		case dn == nil:
			if ev.Code == CodeCreate || ev.Code == CodeUpdate || ev.Code == CodeMove {
				r.errs.add(dp, "missing required key, expected the data of %s", ev.Code)
			}
		case ev.Code == CodeCreate:
			ev.Data = r.createData(dn, dp, entity)
		case ev.Code == CodeUpdate:
			if do, ok := r.object(dn, dp, "fields"); ok {
				fn, fp := r.need(do, "fields", "an object of field values")
				if fn != nil {
					if fn.kind != jtObject {
						r.errs.add(fp, "expected an object of field values such as {\"TITLE\": \"…\"}, got %s", fn.describe())
					} else {
						f := r.fields(fn, fp)
						if f == nil {
							f = map[string]any{}
						}
						ev.Data = map[string]any{"fields": f}
					}
				}
			}
		case ev.Code == CodeMove:
			if do, ok := r.object(dn, dp, "stage"); ok {
				sn, sp := r.need(do, "stage", "a stage id")
				if st, ok := r.stage(sn, sp, entity); ok {
					ev.Data = map[string]any{"stage": st}
				}
			}
		case known:
			ev.Data = r.specObject(dn, dp, info.Data, "data of "+ev.Code)
		default:
			if dn.kind != jtObject {
				r.errs.add(dp, "expected an object, got %s", dn.describe())
			}
		}
		if bn, bp := eo.get("by"); bn != nil {
			ev.By, _ = r.user(bn, bp)
		}
		r.s.Events = append(r.s.Events, ev)
	}
}

// eventTarget checks an event's target against its code and returns the
// entity type it names ("" for clients, e-mails, tasks or errors).
func (r *reader) eventTarget(code, target, path string) string {
	if code == CodeCreate {
		if !ValidEntityType(target) {
			r.errs.add(path, "expected an entity type such as \"DEAL\" for CREATE, got %q", target)
			return ""
		}
		if r.entities[target] == nil {
			r.errs.add(path, "%s is not declared in \"entities\"", target)
			return ""
		}
		return target
	}
	t, _, ok := ParseTarget(target)
	if !ok {
		r.errs.add(path, "expected a target such as \"DEAL_5\", \"CONTACT_7\", \"EMAIL_1\" or \"TASK_1\", got %q", target)
		return ""
	}
	if ValidEntityType(t) {
		if r.entities[t] == nil {
			r.errs.add(path, "%s is not declared in \"entities\"", t)
			return ""
		}
		return t
	}
	if code == CodeUpdate || code == CodeMove {
		r.errs.add(path, "expected an item target such as \"DEAL_5\" for %s, got %q", code, target)
	}
	return ""
}

func (r *reader) createData(n *jtNode, path, entity string) map[string]any {
	o, ok := r.object(n, path, "stage", "fields", "contact", "company", "parent")
	if !ok {
		return nil
	}
	out := map[string]any{}
	sn, sp := r.need(o, "stage", "a stage id")
	if st, ok := r.stage(sn, sp, entity); ok {
		out["stage"] = st
	}
	if fn, fp := o.get("fields"); fn != nil {
		if f := r.fields(fn, fp); f != nil {
			out["fields"] = f
		}
	}
	if v, ok := r.id(o.get("contact")); ok {
		out["contact"] = v
	}
	if v, ok := r.id(o.get("company")); ok {
		out["company"] = v
	}
	if v, ok := r.itemTarget(o.get("parent")); ok {
		out["parent"] = v
	}
	return out
}

// expectKinds are the mutually exclusive things an expectation checks.
var expectKinds = []string{"stage", "fired", "notFired", "ran", "notRan", "field"}

func (r *reader) readExpect(o obj) {
	n, p := o.get("expect")
	items, _ := r.list(n, p, "an array of expectations")
	for i := range items {
		ip := indexPath(p, i)
		xo, ok := r.object(&items[i], ip, "at", "target", "stage", "fired", "notFired", "ran", "notRan",
			"field", "value", "name")
		if !ok {
			continue
		}
		var x Expectation
		x.Name, _ = r.str(xo.get("name"))
		tn, tp := r.need(xo, "target", "an item target such as \"DEAL_5\"")
		entity := ""
		if t, ok := r.itemTarget(tn, tp); ok {
			x.Target = t
			entity, _, _ = ParseTarget(t)
		}
		var given []string
		for _, k := range expectKinds {
			if xo.n.member(k) != nil {
				given = append(given, k)
			}
		}
		switch len(given) {
		case 0:
			r.errs.add(ip, "expected one of %s", quoteList(expectKinds))
		case 1:
		default:
			r.errs.add(ip, "%s cannot be combined: an expectation checks one thing", quoteList(given))
		}
		if an, ap := xo.get("at"); an != nil {
			if xo.n.member("stage") == nil {
				r.errs.add(ap, "\"at\" goes only with \"stage\"")
			} else if t, ok := r.time(an, ap); ok {
				x.At = &t
			}
		}
		if sn, sp := xo.get("stage"); sn != nil {
			x.Stage, _ = r.stage(sn, sp, entity)
		}
		x.Fired, _ = r.expectRef(xo, "fired", entity, r.triggers, "trigger")
		x.NotFired, _ = r.expectRef(xo, "notFired", entity, r.triggers, "trigger")
		x.Ran, _ = r.expectRef(xo, "ran", entity, r.robots, "robot")
		x.NotRan, _ = r.expectRef(xo, "notRan", entity, r.robots, "robot")
		vn, vp := xo.get("value")
		if fn, fp := xo.get("field"); fn != nil {
			x.Field, _ = r.fieldID(fn, fp)
			if vn == nil {
				r.errs.add(vp, "missing required key, expected the value the field must end with")
			} else {
				x.Value, _ = r.fieldValue(vn, vp)
			}
		} else if vn != nil {
			r.errs.add(vp, "\"value\" goes only with \"field\"")
		}
		r.s.Expect = append(r.s.Expect, x)
	}
}

// expectRef reads a trigger or robot id named by an expectation.
func (r *reader) expectRef(xo obj, key, entity string, declared map[string]string, what string) (string, bool) {
	n, p := xo.get(key)
	id, ok := r.nonEmpty(n, p, "a "+what+" id")
	if !ok {
		return "", false
	}
	on, found := declared[id]
	switch {
	case !found:
		r.errs.add(p, "unknown %s %q", what, id)
		return "", false
	case entity != "" && on != "" && on != entity:
		r.errs.add(p, "%s %q is on %s, not %s", what, id, on, entity)
		return "", false
	}
	return id, true
}
