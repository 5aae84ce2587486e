package engine

import (
	"slices"
	"strconv"
	"time"
	// Time zones of workTime must resolve the same way on every platform,
	// including WebAssembly in the browser, which has no zoneinfo files.
	_ "time/tzdata"
)

// The document's top level: the header, the scenario's own settings and its
// working time. Each section has its file: read_users.go, read_entities.go,
// read_conditions.go, read_triggers.go, read_robots.go, read_items.go,
// read_events.go, read_expect.go; read_decode.go holds the generic decoding
// helpers and read_refs.go the cross-reference helpers.

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
	// lastValue is the last value read for each field key (sharedValue).
	lastValue map[string]any
}

// header checks format and version. A file that fails here is not read
// further: it is another kind of file, or one from a newer build whose
// keys this build would all call unknown.
func (r *reader) header(root *jtNode) bool {
	if root.kind != jtObject {
		r.errs.addCode("", "read.notObject", root.describe())
		return false
	}
	o := obj{n: root}
	f, fp := r.need(o, "format", strconv.Quote(Format))
	if f == nil {
		return false
	}
	if f.kind != jtString || f.text != Format {
		r.errs.addCode(fp, "read.notScenario", Quote(Format), f.describe())
		return false
	}
	v, vp := r.need(o, "version", strconv.Itoa(Version))
	if v == nil {
		return false
	}
	n, err := strconv.Atoi(v.text)
	if v.kind != jtNumber || err != nil || n < 1 {
		r.errs.addCode(vp, "read.expected", strconv.Itoa(Version), v.describe())
		return false
	}
	if n > Version {
		r.errs.addCode(vp, "read.newer", strconv.Itoa(n), strconv.Itoa(Version))
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
				r.errs.addCode(p, "time.absolute", Quote(DefaultStart), Quote(t.Raw))
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
				r.errs.addCode(p, "wt.timezone", Quote(tz))
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
					r.errs.addCode(ip, "wt.duplicateDay", strconv.Itoa(d))
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
		r.errs.addCode(p, "wt.endBeforeStart", wt.From, wt.To)
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
					r.errs.addCode(ip, "wt.date", Quote(d))
					continue
				}
				wt.Holidays = append(wt.Holidays, d)
			}
		}
	}
	return wt, len(r.errs.errs) == before
}
