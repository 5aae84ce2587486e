// Package b24import builds a scenario's entity types, pipelines and stages
// from what a Bitrix24 portal's REST API returns, so that a consultant
// simulates the client's real funnels instead of retyping them. The input
// is the JSON of crm.category.list (pipelines) and crm.status.list or
// crm.status.entity.items (stages) saved to files; docs/bitrix24-import.md
// lists the exact calls. It is plain Go, used by the app and testable on
// the host.
package b24import

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/engine"
)

// ErrInvalid is satisfied by every error of FromREST: the input is not the
// REST output expected, or the stages it describes break the scenario
// format's rules.
var ErrInvalid = errors.New("cannot import the portal's stages")

// Category is one record of crm.category.list: a pipeline (воронка).
type Category struct {
	ID           int
	Name         string
	Sort         int
	EntityTypeID int
	IsDefault    bool
}

// Status is one record of crm.status.list: a stage or a lead status.
type Status struct {
	ID         string // the record's own ID, used only to name it in errors
	EntityID   string // DEAL_STAGE, DEAL_STAGE_1, STATUS, QUOTE_STATUS, DYNAMIC_128_STAGE_5, SMART_INVOICE_STAGE_2
	StatusID   string // the stage id: NEW, C1:NEW, DT128_5:NEW
	Name       string
	Sort       int
	Color      string
	Semantics  string // "", "P", "S" or "F" (EXTRA spells them "process", "success", "failure")
	CategoryID *int
}

// describe names a record the way a consultant finds it in the REST output.
func (s Status) describe() Phrase {
	return phrase("b24.record", short(s.ID), short(s.EntityID), short(s.StatusID))
}

// FromREST builds entity types from the saved output of crm.category.list
// (categories; may be empty when only default pipelines are used) and
// crm.status.list (statuses). Each input may be the raw response
// {"result": …}, the bare result, or an array of several responses (one
// crm.category.list call per entity type). Statuses of other dictionaries
// (sources, industries…) are ignored. locale ("ru" or "en") names pipelines
// that have no category record.
//
// Stages are ordered as Bitrix24 shows them: in-progress stages by SORT,
// then the success stage, then the failure stages by SORT. The result is
// checked against the scenario format; every error names the REST record
// at fault and satisfies errors.Is(err, ErrInvalid).
func FromREST(categories, statuses []byte, locale string) ([]engine.Entity, error) {
	cats, err := ParseCategories(categories)
	if err != nil {
		return nil, err
	}
	sts, err := ParseStatuses(statuses)
	if err != nil {
		return nil, err
	}
	return Build(cats, sts, locale)
}

// pipelineKey identifies a pipeline of an entity type.
type pipelineKey struct {
	entity string
	id     int
}

// source remembers where a built pipeline and its stages came from.
type source struct {
	entityID string
	category string
	stages   []Status
}

// Build makes entity types out of parsed records; see FromREST.
func Build(cats []Category, sts []Status, locale string) ([]engine.Entity, error) {
	var errs []Problem
	pipelines := map[pipelineKey]*source{}
	for _, st := range sts {
		entity, pipeline, ok := stageEntity(st.EntityID)
		if !ok {
			continue // another dictionary: sources, industries, …
		}
		k := pipelineKey{entity, pipeline}
		if pipelines[k] == nil {
			pipelines[k] = &source{entityID: st.EntityID}
		}
		pipelines[k].stages = append(pipelines[k].stages, st)
	}
	names := map[pipelineKey]string{}
	for _, c := range cats {
		entity := entityOfType(c.EntityTypeID)
		if entity == "" {
			errs = append(errs, Problem{Place: phrase("b24.categoryRecord", itoa(c.ID), short(c.Name)),
				What: phrase("b24.categoryType", itoa(c.EntityTypeID))})
			continue
		}
		k := pipelineKey{entity, c.ID}
		names[k] = c.Name
		if pipelines[k] == nil {
			errs = append(errs, Problem{What: phrase("b24.categoryNoStages", itoa(c.ID), short(c.Name), entity, stageEntityID(entity, c.ID))})
		}
	}
	if len(errs) > 0 {
		return nil, many(errs)
	}
	if len(pipelines) == 0 {
		return nil, one(Phrase{}, phrase("b24.noStages"))
	}

	// Entity types in a fixed order, pipelines by category sort then id.
	sortOf := map[pipelineKey]int{}
	for _, c := range cats {
		if e := entityOfType(c.EntityTypeID); e != "" {
			sortOf[pipelineKey{e, c.ID}] = c.Sort
		}
	}
	keys := make([]pipelineKey, 0, len(pipelines))
	for k := range pipelines {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.entity != b.entity {
			return entityRank(a.entity) < entityRank(b.entity)
		}
		if sortOf[a] != sortOf[b] {
			return sortOf[a] < sortOf[b]
		}
		return a.id < b.id
	})

	var entities []engine.Entity
	var srcs [][]*source // per entity, per pipeline
	for _, k := range keys {
		if len(entities) == 0 || entities[len(entities)-1].Type != k.entity {
			entities = append(entities, engine.Entity{Type: k.entity})
			srcs = append(srcs, nil)
		}
		src := pipelines[k]
		name, ok := names[k]
		if !ok {
			name = defaultPipelineName(k.id, locale)
		}
		src.category = name
		pl, perr := buildPipeline(k.id, name, src)
		errs = append(errs, perr...)
		e := &entities[len(entities)-1]
		e.Pipelines = append(e.Pipelines, pl)
		srcs[len(srcs)-1] = append(srcs[len(srcs)-1], src)
	}
	if len(errs) > 0 {
		return nil, many(errs)
	}
	if err := validate(entities, srcs, locale); err != nil {
		return nil, err
	}
	return entities, nil
}

// buildPipeline orders and converts the stages of one pipeline.
func buildPipeline(id int, name string, src *source) (engine.Pipeline, []Problem) {
	var errs []Problem
	group := func(st Status) int {
		switch st.Semantics {
		case "S", "success":
			return 1
		case "F", "failure":
			return 2
		}
		return 0
	}
	sort.SliceStable(src.stages, func(i, j int) bool {
		a, b := src.stages[i], src.stages[j]
		if group(a) != group(b) {
			return group(a) < group(b)
		}
		if a.Sort != b.Sort {
			return a.Sort < b.Sort
		}
		return recordNumber(a.ID) < recordNumber(b.ID)
	})
	pl := engine.Pipeline{ID: id, Name: name}
	for _, st := range src.stages {
		stage := engine.Stage{ID: st.StatusID, Name: st.Name}
		switch st.Semantics {
		case "", "P", "process":
			stage.Semantics = engine.Process
		case "S", "success":
			stage.Semantics = engine.Success
		case "F", "failure":
			stage.Semantics = engine.Failure
		default:
			errs = append(errs, Problem{Place: st.describe(), What: phrase("b24.semantics", strconv.Quote(short(st.Semantics)))})
		}
		color, ok := normalColor(st.Color)
		if !ok {
			errs = append(errs, Problem{Place: st.describe(), What: phrase("b24.color", strconv.Quote(short(st.Color)))})
		}
		stage.Color = color
		pl.Stages = append(pl.Stages, stage)
	}
	return pl, errs
}

// validate checks the entities with the scenario reader and reports its
// errors against the REST records they came from.
func validate(entities []engine.Entity, srcs [][]*source, locale string) error {
	if locale != "en" {
		locale = "ru"
	}
	data, err := engine.WriteScenario(&engine.Scenario{Locale: locale, Entities: entities})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err) // a bug of Build: the writer refuses what it built
	}
	_, err = engine.ReadScenario(data)
	if err == nil {
		return nil
	}
	var rerrs engine.Errors
	if !errors.As(err, &rerrs) {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	var ps []Problem
	for _, re := range rerrs {
		ps = append(ps, describePath(re, entities, srcs))
	}
	return many(ps)
}

// describePath rewrites a reader error "entities[i].pipelines[j].stages[k].…:
// msg" into one naming the REST record.
func describePath(re *engine.Error, entities []engine.Entity, srcs [][]*source) Problem {
	i, rest, ok := pathIndex(re.Path, "entities")
	var j, k int
	if ok {
		j, rest, ok = pathIndex(rest, ".pipelines")
	}
	if !ok || i >= len(srcs) || j >= len(srcs[i]) {
		return Problem{Reader: re}
	}
	if k, _, ok = pathIndex(rest, ".stages"); ok && k < len(srcs[i][j].stages) {
		return Problem{Place: srcs[i][j].stages[k].describe(), Reader: re}
	}
	src := srcs[i][j]
	return Problem{Place: phrase("b24.pipeline", entities[i].Type, itoa(entities[i].Pipelines[j].ID), short(src.category), short(src.entityID)),
		Reader: re}
}

// pathIndex reads name[N] at the start of a reader error's path: N and
// the rest of the path after it; ok is false when the path does not start
// so or N is not a number of digits. (It replaced two fmt.Sscanf calls:
// the scanner was 42 KB of the page's wasm.)
func pathIndex(path, name string) (n int, rest string, ok bool) {
	rest, ok = strings.CutPrefix(path, name+"[")
	if !ok {
		return 0, "", false
	}
	end := strings.IndexByte(rest, ']')
	if end < 1 {
		return 0, "", false
	}
	for _, c := range []byte(rest[:end]) {
		if c < '0' || c > '9' {
			return 0, "", false
		}
	}
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 0, "", false
	}
	return n, rest[end+1:], true
}

// stageEntity maps a crm.status ENTITY_ID of stages to the entity type and
// pipeline id; ok is false for other dictionaries.
func stageEntity(entityID string) (entity string, pipeline int, ok bool) {
	switch entityID {
	case "STATUS":
		return "LEAD", 0, true
	case "DEAL_STAGE":
		return "DEAL", 0, true
	case "QUOTE_STATUS":
		return "QUOTE", 0, true
	}
	if n, ok := suffixNumber(entityID, "DEAL_STAGE_"); ok {
		return "DEAL", n, true
	}
	if n, ok := suffixNumber(entityID, "SMART_INVOICE_STAGE_"); ok {
		return "SMART_INVOICE", n, true
	}
	if rest, found := strings.CutPrefix(entityID, "DYNAMIC_"); found {
		typeID, cat, found := strings.Cut(rest, "_STAGE_")
		t, err1 := strconv.Atoi(typeID)
		c, err2 := strconv.Atoi(cat)
		if found && err1 == nil && err2 == nil && c >= 0 {
			if t == 31 {
				return "SMART_INVOICE", c, true
			}
			if e := entityOfType(t); e != "" {
				return e, c, true
			}
		}
	}
	return "", 0, false
}

// stageEntityID is the ENTITY_ID of a pipeline's stages, for messages.
func stageEntityID(entity string, pipeline int) string {
	switch {
	case entity == "DEAL" && pipeline == 0:
		return "DEAL_STAGE"
	case entity == "DEAL":
		return fmt.Sprintf("DEAL_STAGE_%d", pipeline)
	case entity == "SMART_INVOICE":
		return fmt.Sprintf("SMART_INVOICE_STAGE_%d", pipeline)
	case engine.IsDynamic(entity):
		return fmt.Sprintf("%s_STAGE_%d", entity, pipeline)
	}
	return entity
}

// entityOfType maps crm.category.list's entityTypeId to an entity type
// with pipelines, "" for anything else.
func entityOfType(typeID int) string {
	switch typeID {
	case 1:
		return "LEAD"
	case 2:
		return "DEAL"
	case 7:
		return "QUOTE"
	case 31:
		return "SMART_INVOICE"
	}
	t := "DYNAMIC_" + strconv.Itoa(typeID)
	if engine.IsDynamic(t) {
		return t
	}
	return ""
}

// entityRank orders entity types as the app lists them.
func entityRank(t string) int {
	switch t {
	case "LEAD":
		return 0
	case "DEAL":
		return 1
	case "QUOTE":
		return 2
	case "SMART_INVOICE":
		return 3
	}
	return 10 + engine.DynamicTypeID(t)
}

// suffixNumber parses prefix<n> with n ≥ 0.
func suffixNumber(s, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok || rest == "" {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil && n >= 0 && strconv.Itoa(n) == rest
}

// recordNumber orders records of equal SORT by their numeric ID.
func recordNumber(id string) int {
	n, err := strconv.Atoi(id)
	if err != nil {
		return 1 << 30
	}
	return n
}

// defaultPipelineName names a pipeline the categories do not describe, as
// Bitrix24 names its default one.
func defaultPipelineName(id int, locale string) string {
	switch {
	case id == 0 && locale == "en":
		return "General"
	case id == 0:
		return "Общая"
	case locale == "en":
		return fmt.Sprintf("Pipeline %d", id)
	}
	return fmt.Sprintf("Воронка %d", id)
}

// normalColor accepts "#RRGGBB", "#RGB" (expanded) and "" (no colour).
func normalColor(c string) (string, bool) {
	c = strings.TrimSpace(c)
	if c == "" {
		return "", true
	}
	hex := func(s string) bool {
		for i := 0; i < len(s); i++ {
			ch := s[i]
			if !(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F') {
				return false
			}
		}
		return true
	}
	switch {
	case len(c) == 7 && c[0] == '#' && hex(c[1:]):
		return strings.ToUpper(c), true
	case len(c) == 4 && c[0] == '#' && hex(c[1:]):
		return strings.ToUpper("#" + strings.Repeat(c[1:2], 2) + strings.Repeat(c[2:3], 2) + strings.Repeat(c[3:4], 2)), true
	}
	return "", false
}

// Merge puts imported entity types into a scenario: an entity type the
// scenario already has gets the imported pipelines (its title and declared
// fields stay), a new one is appended. Triggers, robots and items that name
// stages that no longer exist are left as they are: the caller validates
// the scenario afterwards (the session's Edit does) and shows those errors.
func Merge(sc *engine.Scenario, entities []engine.Entity) {
	for _, imp := range entities {
		imp.PipelinesDefaulted = false
		replaced := false
		for i := range sc.Entities {
			if sc.Entities[i].Type == imp.Type {
				sc.Entities[i].Pipelines = clonePipelines(imp.Pipelines)
				sc.Entities[i].PipelinesDefaulted = false
				replaced = true
				break
			}
		}
		if !replaced {
			imp.Pipelines = clonePipelines(imp.Pipelines)
			sc.Entities = append(sc.Entities, imp)
		}
	}
}

// Scenario reads a portal's saved crm.category.list and crm.status.list
// output (FromREST, with locale's names for pipelines the portal has no
// record for) into a new scenario file holding only its entity types,
// pipelines and stages, titled title, in locale ("en", or else "ru"): what
// the home page stores when the import goes into a new scenario, and what
// the what-if worker, which runs it for the page, sends back either way
// (the page merges its entity types into the open scenario with Merge).
// An error in the files is an *Error.
func Scenario(categories, statuses []byte, title, locale string) ([]byte, error) {
	entities, err := FromREST(categories, statuses, locale)
	if err != nil {
		return nil, err
	}
	sc, err := engine.ReadScenario(engine.BlankScenario(title, locale))
	if err != nil {
		return nil, fmt.Errorf("b24import: blank scenario: %w", err)
	}
	sc.Entities = nil
	Merge(sc, entities)
	return engine.WriteScenario(sc)
}

// clonePipelines copies pipelines so that the scenario shares nothing with
// the imported value.
func clonePipelines(in []engine.Pipeline) []engine.Pipeline {
	out := make([]engine.Pipeline, len(in))
	for i, p := range in {
		out[i] = p
		out[i].Stages = append([]engine.Stage(nil), p.Stages...)
	}
	return out
}

// maxErrors caps how many problems one import reports: a broken export of
// a big portal would otherwise give thousands of lines.
const maxErrors = 20
