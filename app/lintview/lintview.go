// Package lintview turns the engine's lint findings into what the designer
// shows: the notes of each trigger, robot and stage, the rows of the
// «Проверка» panel, and the place a finding's designer link points to.
// It is plain Go (no go-app) so that it is tested on the host.
package lintview

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// Note is one finding as a chip, a stage header or the panel shows it.
type Note struct {
	Code     string
	Severity string
	Text     string
}

// Place is where a designer link points: the entity type, the pipeline,
// the stage, and the anchor of a chip ("trigger-t1", "robot-r2"), each
// empty (or 0) when the link does not name it.
type Place struct {
	Entity   string
	Pipeline int
	Stage    string
	Anchor   string
}

// ParseLink reads a designer link such as
// "/design?entity=DEAL&pipeline=0&stage=NEW#trigger-t1". It accepts a
// full URL too; only the query and the fragment matter. ok is false when
// the link names no entity type.
func ParseLink(link string) (Place, bool) {
	u, err := url.Parse(link)
	if err != nil {
		return Place{}, false
	}
	return PlaceOf(u.Query(), u.Fragment)
}

// PlaceOf reads a place from a page's query and fragment.
func PlaceOf(q url.Values, fragment string) (Place, bool) {
	p := Place{Entity: q.Get("entity"), Stage: q.Get("stage"), Anchor: fragment}
	if n, err := strconv.Atoi(q.Get("pipeline")); err == nil && n >= 0 {
		p.Pipeline = n
	}
	return p, p.Entity != ""
}

// TriggerAnchor and RobotAnchor are the element ids of the chips, the
// anchors of the findings' links.
func TriggerAnchor(id string) string { return "trigger-" + id }

// RobotAnchor is the element id of a robot chip.
func RobotAnchor(id string) string { return "robot-" + id }

// StageAnchor is the element id of a stage column.
func StageAnchor(id string) string { return "stage-" + id }

// Index groups the findings by what they are about.
type Index struct {
	Triggers map[string][]Note
	Robots   map[string][]Note
	// Stages holds the findings about a stage itself (by entity type and
	// stage id, "DEAL/NEW"), not those about its triggers and robots.
	Stages map[string][]Note
}

// StageKey is the key of Index.Stages.
func StageKey(entity, stage string) string { return entity + "/" + stage }

// Group indexes findings in their order, with messages in lang.
func Group(fs []engine.Finding, lang string) Index {
	ix := Index{Triggers: map[string][]Note{}, Robots: map[string][]Note{}, Stages: map[string][]Note{}}
	for _, f := range fs {
		n := Note{Code: f.Code, Severity: f.Severity, Text: f.Message(lang)}
		switch {
		case f.Trigger != "":
			ix.Triggers[f.Trigger] = append(ix.Triggers[f.Trigger], n)
		case f.Robot != "":
			ix.Robots[f.Robot] = append(ix.Robots[f.Robot], n)
		case f.Stage != "":
			k := StageKey(f.Entity, f.Stage)
			ix.Stages[k] = append(ix.Stages[k], n)
		}
	}
	return ix
}

// Worst is the most severe severity of notes: error, then warning, then
// info; "" for none.
func Worst(notes []Note) string {
	rank := map[string]int{engine.SeverityError: 3, engine.SeverityWarning: 2, engine.SeverityInfo: 1}
	best := ""
	for _, n := range notes {
		if rank[n.Severity] > rank[best] {
			best = n.Severity
		}
	}
	return best
}

// Step is one step of a cycle: its words ("robot r1") and the link to
// its chip ("" when the scenario no longer has it).
type Step struct {
	Text string
	Link string
}

// Row is one line of the panel.
type Row struct {
	Code     string
	Severity string
	Text     string
	Link     string
	// Where names the place for a person: "DEAL · NEW" or "".
	Where string
	// Cycle holds the steps of a CYCLE finding.
	Cycle []Step
}

// Rows are the panel's lines for findings, in their order.
func Rows(sc *engine.Scenario, fs []engine.Finding, lang string) []Row {
	out := make([]Row, 0, len(fs))
	for _, f := range fs {
		r := Row{Code: f.Code, Severity: f.Severity, Text: f.Message(lang), Link: FindingLink(f)}
		if f.Entity != "" {
			r.Where = engine.EntityName(f.Entity, lang)
			if f.Stage != "" {
				r.Where += " · " + stageName(sc, f.Entity, f.Stage)
			}
		}
		for _, s := range f.Cycle {
			r.Cycle = append(r.Cycle, Step{Text: s, Link: stepLink(sc, s)})
		}
		out = append(out, r)
	}
	return out
}

func stageName(sc *engine.Scenario, entity, id string) string {
	if sc != nil {
		if st, _, ok := sc.FindStage(entity, id); ok && st.Name != "" {
			return st.Name
		}
	}
	return id
}

// stepLink is the designer link of a cycle step "robot r1" / "trigger t2".
func stepLink(sc *engine.Scenario, step string) string {
	kind, id, ok := strings.Cut(step, " ")
	if !ok || sc == nil {
		return ""
	}
	var entity, stage, anchor string
	switch kind {
	case "robot":
		r, found := sc.RobotByID(id)
		if !found {
			return ""
		}
		entity, stage, anchor = r.Entity, r.Stage, RobotAnchor(id)
	case "trigger":
		t, found := sc.TriggerByID(id)
		if !found {
			return ""
		}
		entity, stage, anchor = t.Entity, t.Stage, TriggerAnchor(id)
	default:
		return ""
	}
	st, pipeline, found := sc.FindStage(entity, stage)
	if !found {
		return ""
	}
	return Link(Place{Entity: entity, Pipeline: pipeline, Stage: st.ID, Anchor: anchor})
}

// Link is the designer address of a place, in the engine's format.
func Link(p Place) string {
	s := "/design?entity=" + url.QueryEscape(p.Entity) + "&pipeline=" + strconv.Itoa(p.Pipeline)
	if p.Stage != "" {
		s += "&stage=" + url.QueryEscape(p.Stage)
	}
	if p.Anchor != "" {
		s += "#" + url.PathEscape(p.Anchor)
	}
	return s
}

// Counts are the numbers of findings by severity.
type Counts struct{ Errors, Warnings, Infos int }

// Count counts findings by severity.
func Count(fs []engine.Finding) Counts {
	var c Counts
	for _, f := range fs {
		switch f.Severity {
		case engine.SeverityError:
			c.Errors++
		case engine.SeverityWarning:
			c.Warnings++
		default:
			c.Infos++
		}
	}
	return c
}

// Total is the number of findings.
func (c Counts) Total() int { return c.Errors + c.Warnings + c.Infos }

// Worst is the most severe severity counted, "" for none.
func (c Counts) Worst() string {
	switch {
	case c.Errors > 0:
		return engine.SeverityError
	case c.Warnings > 0:
		return engine.SeverityWarning
	case c.Infos > 0:
		return engine.SeverityInfo
	}
	return ""
}

// FindingLink is the designer address of a finding's place: its entity
// type, pipeline and stage, and the chip of its trigger or robot.
func FindingLink(f engine.Finding) string {
	p := Place{Entity: f.Entity, Pipeline: f.Pipeline, Stage: f.Stage}
	switch {
	case f.Trigger != "":
		p.Anchor = TriggerAnchor(f.Trigger)
	case f.Robot != "":
		p.Anchor = RobotAnchor(f.Robot)
	}
	return Link(p)
}
