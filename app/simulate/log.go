package simulate

import (
	"slices"
	"strings"
	"time"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/engine"
)

// Filter selects log entries for the log panel. Empty fields match all.
type Filter struct {
	Type   string
	Target string
	// Text is matched case-insensitively against the entry in words.
	Text string
}

// LogLines returns the entries that pass f in words, newest first, at
// most limit of them (0 = all), and how many matched in total.
func LogLines(sim *engine.Sim, f Filter, n *Names, lang string, limit int) ([]Line, int) {
	text := strings.ToLower(strings.TrimSpace(f.Text))
	var out []Line
	total := 0
	// The entries are read as stored and rendered only when described:
	// an event over ten thousand items writes as many entries.
	for i, e := range sim.LogBackward(0, sim.LogLen()) {
		if f.Type != "" && e.Type != f.Type {
			continue
		}
		if f.Target != "" && e.Target != f.Target {
			continue
		}
		if text == "" && limit > 0 && len(out) >= limit {
			total++
			continue
		}
		l := Describe(sim.LogAt(i), n, lang)
		if text != "" && !strings.Contains(strings.ToLower(l.Text+" "+e.Target+" "+e.Code), text) {
			continue
		}
		total++
		if limit == 0 || len(out) < limit {
			out = append(out, l)
		}
	}
	return out, total
}

// LogTypes are the entry types the log filter offers, in reading order.
func LogTypes() []string {
	return []string{engine.LogEvent, engine.LogDeliver, engine.LogUndelivered, engine.LogTrigger, engine.LogSkip,
		engine.LogMove, engine.LogCreate, engine.LogUpdate, engine.LogRobot, engine.LogScheduled,
		engine.LogCancelled, engine.LogOutbox, engine.LogNote, engine.LogError, engine.LogLoop}
}

// History is what happened to one item, oldest first: its creation, its
// stage changes with who made them (a user, a trigger or a robot), its
// field updates and its robots.
func History(sim *engine.Sim, target string, n *Names, lang string) []Line {
	var out []Line
	for i, e := range sim.LogRange(0, sim.LogLen()) {
		if e.Target != target {
			continue
		}
		switch e.Type {
		case engine.LogCreate, engine.LogTrigger, engine.LogMove, engine.LogUpdate, engine.LogRobot,
			engine.LogScheduled, engine.LogCancelled, engine.LogOutbox, engine.LogError, engine.LogLoop:
			out = append(out, Describe(sim.LogAt(i), n, lang))
		}
	}
	return out
}

// Check is one expectation of the scenario against the current state.
type Check struct {
	Name    string
	Pass    bool
	Message string
}

// Checks evaluates the scenario's expectations now.
func (c *Controller) Checks(lang string) []Check {
	out := make([]Check, 0, len(c.sc.Expect))
	for _, e := range c.sc.Expect {
		pass, why := c.sim.Check(e)
		out = append(out, Check{Name: e.Name, Pass: pass, Message: why.Text(lang)})
	}
	return out
}

// Row is one event of the scenario's script on the timeline.
type Row struct {
	Index  int
	At     time.Time
	Raw    string // the time as written ("+1d2h")
	Code   string
	Name   string // the code in words
	Target string
	Data   string // "key: value, …"
	// Played is true once the event has run.
	Played bool
}

// Timeline lists the script, marking what has run.
func (c *Controller) Timeline(lang string) []Row {
	played := map[int]bool{}
	for _, e := range c.sim.LogRange(0, c.sim.LogLen()) {
		if e.Type == engine.LogEvent {
			played[e.Event] = true
		}
	}
	out := make([]Row, 0, len(c.sc.Events))
	for i, ev := range c.sc.Events {
		out = append(out, Row{Index: i, At: ev.At.Resolve(c.sc.Start), Raw: ev.At.Raw, Code: ev.Code, Name: CodeName(ev.Code, lang),
			Target: ev.Target, Data: DataText(ev.Data), Played: played[i]})
	}
	return out
}

// DataText prints event data compactly, keys sorted.
func DataText(d map[string]any) string {
	if len(d) == 0 {
		return ""
	}
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		v := d[k]
		if m, ok := v.(map[string]any); ok {
			parts = append(parts, k+": {"+DataText(m)+"}")
			continue
		}
		parts = append(parts, k+": "+engine.FormatValue("", v))
	}
	return strings.Join(parts, ", ")
}

// Target is something an event can be sent to from the dialog.
type Target struct {
	ID    string
	Label string
}

// Clients lists the scenario's contacts and companies, plus any that items
// refer to without declaring them.
func (c *Controller) Clients(lang string) []Target {
	seen := map[string]bool{}
	var out []Target
	add := func(typ string, id int, name string) {
		t := engine.Target(typ, id)
		if id == 0 || seen[t] {
			return
		}
		seen[t] = true
		label := t
		if name != "" {
			label = name + " (" + t + ")"
		}
		out = append(out, Target{ID: t, Label: label})
	}
	for _, cl := range c.sc.Clients {
		add(cl.Type, cl.ID, cl.Name)
	}
	for _, it := range c.sim.Items() {
		add("CONTACT", it.Contact, "")
		add("COMPANY", it.Company, "")
	}
	return out
}

// Bound lists the e-mails and tasks that robots created for an item
// ("EMAIL_1: subject"): events such as EMAIL_READ or TASK_STATUS are sent
// to them, not to the item.
func (c *Controller) Bound(target string) []Target {
	var out []Target
	for _, e := range c.sim.LogRange(0, c.sim.LogLen()) {
		if e.Type != engine.LogOutbox || e.Target != target {
			continue
		}
		id, _, ok := strings.Cut(e.Text, ": ")
		if ok && (strings.HasPrefix(id, "EMAIL_") || strings.HasPrefix(id, "TASK_")) {
			out = append(out, Target{ID: id, Label: e.Text})
		}
	}
	return out
}

// Codes lists the trigger codes an event on an entity type can carry,
// grouped like the catalogue. entity "" (a client) lists every code that
// some CRM entity supports.
func Codes(entity, lang string) []CodeGroup {
	var out []CodeGroup
	cat := engine.Catalog()
	for _, g := range engine.Groups() {
		grp := CodeGroup{Name: engine.GroupName(g, lang)}
		for _, ti := range cat {
			if ti.Group != g || entity != "" && !ti.Supports(entity) {
				continue
			}
			grp.Codes = append(grp.Codes, Target{ID: ti.Code, Label: CodeName(ti.Code, lang)})
		}
		if len(grp.Codes) > 0 {
			out = append(out, grp)
		}
	}
	return out
}

// CodeGroup is one group of the event dialog's code list.
type CodeGroup struct {
	Name  string
	Codes []Target
}

// DataKey is one input of the event dialog: a key the code's event carries.
type DataKey struct {
	Key   string
	Kind  string
	Label string
}

// DataKeys lists the data keys of a code (LINE_NUMBER for CALL, url for
// EMAIL_LINK…), with labels in lang.
func DataKeys(code, lang string) []DataKey {
	ti, ok := engine.LookupTrigger(code)
	if !ok {
		return nil
	}
	out := make([]DataKey, 0, len(ti.Data))
	for _, sp := range ti.Data {
		out = append(out, DataKey{Key: sp.Key, Kind: sp.Kind, Label: sp.Label[pick(lang)]})
	}
	return out
}

// TypeName is a log entry type in words.
func TypeName(typ, lang string) string { return i18n.T(lang, "board.type."+typ) }
