package engine

import (
	"fmt"
	"sort"
	"time"
	_ "time/tzdata" // the same zone data on the host and in wasm
)

// model is a scenario compiled for running: stages indexed by id, triggers
// indexed by pipeline, code and stage order once, so that an event finds its
// candidates without searching or allocating.
type model struct {
	sc       *Scenario
	loc      *time.Location // the clock's location: the start's offset
	company  *calendar
	users    map[int]*userModel
	firstUsr int
	entities map[string]*entityModel
	// entityOrder is the order of sc.Entities, for deterministic output.
	entityOrder []*entityModel
	triggers    map[string]*trigModel
	robots      map[string]*robotModel
	// catalog is the trigger catalogue by code, copied once per run rather
	// than looked up (and deep-copied) per event.
	catalog map[string]TriggerInfo
}

type userModel struct {
	user *User
	cal  *calendar
}

type entityModel struct {
	typ        string
	index      int
	pipelines  []*pipelineModel
	byID       map[int]*pipelineModel
	stages     map[string]stageRef
	fieldTypes map[string]string
	// robots by stage id, in file order.
	robots map[string][]*robotModel
	// smartCodes: codes that have at least one trigger on this type (for
	// the client → smart-process expansion of section 1.3).
	codes map[string]bool
	// loopSafe: the future of its items does not depend on the date, so
	// loops across time can be recognised (loop.go).
	loopSafe bool
}

type pipelineModel struct {
	entity  *entityModel
	p       *Pipeline
	id      int
	index   int // in entityModel.pipelines
	success int // index of the success stage
	// byCode: trigger codes → triggers of this pipeline sorted by stage
	// order, ties in file order.
	byCode map[string][]*trigModel
	// branches: by stage index, the stage's robots as the parallel
	// branches its template starts (enterStage), built once.
	branches [][][]*robotModel
}

type stageRef struct {
	pipeline *pipelineModel
	index    int
}

type trigModel struct {
	t        *Trigger
	index    int // in sc.Triggers
	info     TriggerInfo
	entity   *entityModel
	pipeline *pipelineModel
	stage    int
	cond     *CompiledCondition
	label    string // "trigger <id>", for the loop guards' trail
	// The arguments of its skip reasons, built once and shared by the
	// log entries (which are read, never written through): its stage,
	// its id, and by the index of an item's later stage, its stage and
	// that one (skip.backwards).
	argStage []string
	argID    []string
	argBack  [][]string
}

type robotModel struct {
	r        *Robot
	index    int
	entity   *entityModel
	pipeline *pipelineModel
	stage    int
	cond     *CompiledCondition
	label    string // "robot <id>"
}

// standardFieldTypes are the fields every entity has without declaration.
func standardFieldType(id string) string {
	switch id {
	case "TITLE", "CURRENCY_ID", "SOURCE_ID", "COMMENTS", "STAGE_ID", "STATUS_ID":
		return FieldString
	case "OPPORTUNITY":
		return FieldMoney
	case "ASSIGNED_BY_ID", "MODIFY_BY_ID", "CREATED_BY_ID":
		return FieldUser
	case "BEGINDATE", "CLOSEDATE":
		return FieldDate
	case "DATE_CREATE", "DATE_MODIFY":
		return FieldDateTime
	case "ID", "CATEGORY_ID":
		return FieldNumber
	}
	return ""
}

func compile(sc *Scenario) (*model, error) {
	m := &model{
		sc:       sc,
		loc:      sc.Start.Location(),
		users:    map[int]*userModel{},
		entities: map[string]*entityModel{},
		triggers: map[string]*trigModel{},
		robots:   map[string]*robotModel{},
		catalog:  map[string]TriggerInfo{},
	}
	for _, ti := range Catalog() {
		m.catalog[ti.Code] = ti
	}
	var errs errList
	var err error
	m.company, err = newCalendar(sc.WorkTime, m.loc)
	if err != nil {
		errs.addErr("workTime", err)
	}
	for i := range sc.Users {
		u := &sc.Users[i]
		um := &userModel{user: u, cal: m.company}
		if u.WorkTime != nil {
			um.cal, err = newCalendar(*u.WorkTime, m.loc)
			if err != nil {
				errs.addErr(fmt.Sprintf("users[%d].workTime", i), err)
				um.cal = m.company
			}
		}
		m.users[u.ID] = um
		if i == 0 {
			m.firstUsr = u.ID
		}
	}
	for i := range sc.Entities {
		e := &sc.Entities[i]
		em := &entityModel{
			typ: e.Type, index: i, byID: map[int]*pipelineModel{},
			stages: map[string]stageRef{}, fieldTypes: map[string]string{},
			robots: map[string][]*robotModel{}, codes: map[string]bool{},
		}
		for j := range e.Pipelines {
			p := &e.Pipelines[j]
			pm := &pipelineModel{entity: em, p: p, id: p.ID, index: j, success: -1, byCode: map[string][]*trigModel{}}
			for k, st := range p.Stages {
				em.stages[st.ID] = stageRef{pm, k}
				if st.Semantics == Success {
					pm.success = k
				}
			}
			em.pipelines = append(em.pipelines, pm)
			em.byID[p.ID] = pm
		}
		for _, f := range e.Fields {
			em.fieldTypes[f.ID] = f.Type
		}
		m.entities[e.Type] = em
		m.entityOrder = append(m.entityOrder, em)
	}
	// Fields neither standard nor declared take their type from their
	// first JSON value, in file order (inferTypes).
	for _, it := range sc.Items {
		if em := m.entities[it.Entity]; em != nil {
			inferTypes(em, it.Fields)
		}
	}
	for _, ev := range sc.Events {
		var em *entityModel
		if ev.Code == CodeCreate {
			em = m.entities[ev.Target]
		} else if t, _, ok := ParseTarget(ev.Target); ok {
			em = m.entities[t]
		}
		if em != nil {
			if f, ok := ev.Data["fields"].(map[string]any); ok {
				inferTypes(em, f)
			}
		}
	}
	for _, r := range sc.Robots {
		if em := m.entities[r.Entity]; em != nil {
			if f, ok := r.Params["fields"].(map[string]any); ok {
				inferTypes(em, f)
			}
		}
	}
	for i := range sc.Triggers {
		t := &sc.Triggers[i]
		path := fmt.Sprintf("triggers[%d]", i)
		em := m.entities[t.Entity]
		if em == nil {
			errs.addCode(path+".entity", "xref.unknownEntity", Quote(t.Entity))
			continue
		}
		ref, ok := em.stage(t.Stage)
		if !ok {
			errs.addCode(path+".stage", "xref.unknownStage", Quote(t.Stage), t.Entity)
			continue
		}
		info, ok := LookupTrigger(t.Code)
		if !ok {
			errs.addCode(path+".code", "xref.unknownTriggerCode", Quote(t.Code))
			continue
		}
		cond, err := CompileCondition(t.Condition, em.fieldType)
		if err != nil {
			errs.addErr(path+".condition", err)
			continue
		}
		tm := &trigModel{t: t, index: i, info: info, entity: em, pipeline: ref.pipeline, stage: ref.index, cond: cond, label: "trigger " + t.ID,
			argStage: []string{t.Stage}, argID: []string{t.ID}}
		for k := ref.index + 1; k < len(ref.pipeline.p.Stages); k++ {
			tm.argBack = append(tm.argBack, []string{t.Stage, ref.pipeline.p.Stages[k].ID})
		}
		m.triggers[t.ID] = tm
		ref.pipeline.byCode[t.Code] = append(ref.pipeline.byCode[t.Code], tm)
		em.codes[t.Code] = true
	}
	for _, em := range m.entityOrder {
		for _, pm := range em.pipelines {
			for _, list := range pm.byCode {
				sort.SliceStable(list, func(a, b int) bool { return list[a].stage < list[b].stage })
			}
		}
	}
	for i := range sc.Robots {
		r := &sc.Robots[i]
		path := fmt.Sprintf("robots[%d]", i)
		em := m.entities[r.Entity]
		if em == nil {
			errs.addCode(path+".entity", "xref.unknownEntity", Quote(r.Entity))
			continue
		}
		ref, ok := em.stage(r.Stage)
		if !ok {
			errs.addCode(path+".stage", "xref.unknownStage", Quote(r.Stage), r.Entity)
			continue
		}
		cond, err := CompileCondition(r.Condition, em.fieldType)
		if err != nil {
			errs.addErr(path+".condition", err)
			continue
		}
		if d := r.Delay; d != nil && (d.Value < 0 || d.Value > maxDelayValue(d.Unit)) {
			errs.addErr(path+".delay.value", delayError(d.Unit, d.Value))
			continue
		}
		rm := &robotModel{r: r, index: i, entity: em, pipeline: ref.pipeline, stage: ref.index, cond: cond, label: "robot " + r.ID}
		m.robots[r.ID] = rm
		id := ref.pipeline.p.Stages[ref.index].ID
		em.robots[id] = append(em.robots[id], rm)
	}
	for _, em := range m.entityOrder {
		em.loopSafe = timeInvariant(em, m)
		for _, pm := range em.pipelines {
			pm.branches = make([][][]*robotModel, len(pm.p.Stages))
			for k, st := range pm.p.Stages {
				pm.branches[k] = robotBranches(em.robots[st.ID])
			}
		}
	}
	checkTimes(sc, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// robotBranches splits a stage's robots into the branches its template
// runs in parallel: every robot heads a branch unless it runs "after
// previous", which chains it behind the robot above it.
func robotBranches(robots []*robotModel) [][]*robotModel {
	var branch []*robotModel
	var branches [][]*robotModel
	for _, rm := range robots {
		if rm.r.AfterPrevious && branch != nil {
			branch = append(branch, rm)
			continue
		}
		if branch != nil {
			branches = append(branches, branch[:len(branch):len(branch)])
		}
		branch = []*robotModel{rm}
	}
	if branch != nil {
		branches = append(branches, branch[:len(branch):len(branch)])
	}
	return branches
}

// fieldType gives the type of a field of this entity type.
func (em *entityModel) fieldType(id string) string {
	if t := standardFieldType(id); t != "" {
		return t
	}
	if t, ok := em.fieldTypes[id]; ok {
		return t
	}
	return FieldString
}

// stage resolves a stage id. For Bitrix24's prefixed default stages of
// smart invoices and smart processes ("DT31_0:P"), the bare id ("P") is
// accepted too when it is unambiguous, since people write it that way.
func (em *entityModel) stage(id string) (stageRef, bool) {
	if ref, ok := em.stages[id]; ok {
		return ref, true
	}
	var found stageRef
	n := 0
	for _, pm := range em.pipelines {
		for k, st := range pm.p.Stages {
			if i := lastIndexByte(st.ID, ':'); i >= 0 && st.ID[i+1:] == id {
				found = stageRef{pm, k}
				n++
			}
		}
	}
	return found, n == 1
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// inferTypes gives the fields of one item that are neither standard nor
// typed yet the type of their value. Within one item the keys' order does
// not matter (each key is typed at most once by it), so the fields are
// not sorted: for ten thousand items that was most of compile's time.
// It is not inlined: compile calls it twice, and its map loop is large
// code in wasm.
//
//go:noinline
func inferTypes(em *entityModel, fields map[string]any) {
	for k, v := range fields {
		if _, ok := em.fieldTypes[k]; ok || standardFieldType(k) != "" {
			continue
		}
		if t := InferFieldType(v); t != "" {
			em.fieldTypes[k] = t
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
