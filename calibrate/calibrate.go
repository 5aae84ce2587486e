// Package calibrate builds a what-if scenario from a Bitrix24 portal's real
// history: the pipelines from crm.category.list and crm.status.list, the
// arrivals (by weekday and hour, in the history's own time zone) and, for
// every stage, where items go next and after how long (a competing-risks
// model with censoring, engine.WhatIfFlow) from crm.stagehistory.list, and
// the field values of new items from crm.deal.list. It then runs the
// fitted scenario and reports how well it reproduces the history (Fit).
// It is plain Go, used by the command line and the app.
package calibrate

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/format"
)

// File is one input file: its name (for messages) and content.
type File struct {
	Name string
	Data []byte
}

// Input is what the calibration reads.
type Input struct {
	Categories, Statuses File
	Histories            []File
	Deals                []File
	// Locale names the scenario and its default pipelines ("ru", "en").
	Locale string
	// Title of the scenario; empty: a title with the history's dates.
	Title string
}

// Calibration is a fitted scenario with the history it came from.
type Calibration struct {
	// Scenario is the fitted scenario (read back from Doc, so it is valid).
	Scenario *engine.Scenario
	// Doc is the scenario file.
	Doc []byte
	// From and To are the first and the last record of the history.
	From, To time.Time
	// Records counts the distinct history records; Duplicates the records
	// dropped because an earlier page had the same ID.
	Records, Duplicates int
	// Notes are caveats of the fit, in the scenario's language.
	Notes []string

	observed *sample
}

type itemKey struct {
	entity string
	owner  int
}

// Build reads the input and fits the scenario.
func Build(in Input) (*Calibration, error) {
	locale := in.Locale
	if locale != "en" {
		locale = "ru"
	}
	entities, err := b24import.FromREST(in.Categories.Data, in.Statuses.Data, locale)
	if err != nil {
		return nil, &Error{Place: in.Categories.Name + ", " + in.Statuses.Name, Cause: err}
	}
	if len(in.Histories) == 0 {
		return nil, &Error{Code: "input.noHistory"}
	}
	// Stage ids → entity type (lead statuses are told apart by STATUS_ID).
	stageOf := map[string]string{}
	semantics := map[itemStage]string{}
	hasLead := false
	for _, e := range entities {
		for _, p := range e.Pipelines {
			for _, st := range p.Stages {
				semantics[itemStage{e.Type, st.ID}] = st.Semantics
				if e.Type == "LEAD" {
					hasLead = true
					continue
				}
				if _, dup := stageOf[st.ID]; !dup {
					stageOf[st.ID] = e.Type
				}
			}
		}
	}

	c := &Calibration{}
	type key struct {
		lead bool
		id   int
	}
	seen := map[key]bool{}
	byItem := map[itemKey][]Record{}
	total := 0
	for _, f := range in.Histories {
		recs, err := ParseHistory(f.Data, f.Name)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			k := key{r.Lead, r.ID}
			if seen[k] {
				c.Duplicates++
				continue
			}
			seen[k] = true
			total++
			if total > MaxRecords {
				return nil, &Error{Code: "input.records", Values: []string{"max", strconv.Itoa(MaxRecords)}}
			}
			ent := "LEAD"
			if r.Lead {
				if !hasLead {
					return nil, fileError(r.Where, "input.noLeads", "status", strconv.Quote(r.Stage))
				}
				if _, ok := semantics[itemStage{"LEAD", r.Stage}]; !ok {
					return nil, fileError(r.Where+".STATUS_ID", "input.unknownStatus", "status", strconv.Quote(r.Stage))
				}
			} else {
				var ok bool
				ent, ok = stageOf[r.Stage]
				if !ok {
					return nil, fileError(r.Where+".STAGE_ID", "input.unknownStage", "stage", strconv.Quote(r.Stage))
				}
			}
			ik := itemKey{ent, r.Owner}
			byItem[ik] = append(byItem[ik], r)
		}
	}
	c.Records = total
	if total == 0 {
		return nil, &Error{Code: "input.noRecords"}
	}

	// The history's time zone: the most frequent offset of its records.
	offsets := map[int]int{}
	first, last := time.Time{}, time.Time{}
	for _, recs := range byItem {
		for _, r := range recs {
			_, off := r.At.Zone()
			offsets[off]++
			if first.IsZero() || r.At.Before(first) {
				first = r.At
			}
			if r.At.After(last) {
				last = r.At
			}
		}
	}
	bestOff, bestN := 0, -1
	for off, n := range offsets {
		if n > bestN || n == bestN && off < bestOff {
			bestOff, bestN = off, n
		}
	}
	loc := time.FixedZone("", bestOff)
	first, last = first.In(loc), last.In(loc)
	start := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	days := int(last.Sub(start)/(24*time.Hour)) + 1
	if days > 3650 {
		return nil, &Error{Code: "input.days", Values: []string{"days", strconv.Itoa(days), "max", "3650"}}
	}
	c.From, c.To = first, last

	// Trajectories, in a fixed order.
	keys := make([]itemKey, 0, len(byItem))
	for k := range byItem {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].entity != keys[j].entity {
			return keys[i].entity < keys[j].entity
		}
		return keys[i].owner < keys[j].owner
	})
	obs := &sample{}
	staysOf := map[itemStage][]stay{}
	arrivals := map[string][]time.Time{}
	arrStages := map[string]map[string]int{}
	owners := map[string][]int{}
	truncated := 0
	for _, k := range keys {
		recs := byItem[k]
		sort.SliceStable(recs, func(i, j int) bool {
			if !recs[i].At.Equal(recs[j].At) {
				return recs[i].At.Before(recs[j].At)
			}
			return recs[i].ID < recs[j].ID
		})
		tr := trajectory{entity: k.entity, arrived: recs[0].Type == TypeCreated}
		for _, r := range recs {
			if n := len(tr.steps); n > 0 && tr.steps[n-1].stage == r.Stage {
				continue // a repeated record of the same stage
			}
			tr.steps = append(tr.steps, step{stage: r.Stage, at: r.At.In(loc)})
		}
		if tr.arrived {
			arrivals[k.entity] = append(arrivals[k.entity], tr.steps[0].at)
			if arrStages[k.entity] == nil {
				arrStages[k.entity] = map[string]int{}
			}
			arrStages[k.entity][tr.steps[0].stage]++
			owners[k.entity] = append(owners[k.entity], k.owner)
		} else {
			truncated++
		}
		for i, s := range tr.steps {
			st := stay{}
			if i+1 < len(tr.steps) {
				st.sec = int64(tr.steps[i+1].at.Sub(s.at) / time.Second)
				st.to = tr.steps[i+1].stage
			} else {
				st.sec = int64(last.Sub(s.at) / time.Second)
			}
			staysOf[itemStage{k.entity, s.stage}] = append(staysOf[itemStage{k.entity, s.stage}], st)
		}
		obs.items = append(obs.items, tr)
	}
	obs.runs = 1
	c.observed = obs

	lang := locale
	note := func(key string, n ...int) {
		var pairs []string
		if len(n) > 0 {
			pairs = []string{"n", format.Text(lang).Int(int64(n[0]))}
		}
		c.Notes = append(c.Notes, say(lang, key, pairs...))
	}
	if truncated > 0 {
		note("note.truncated", truncated)
	}
	if c.Duplicates > 0 {
		note("note.duplicates", c.Duplicates)
	}

	// The traffic model.
	w := &engine.WhatIf{Version: engine.WhatIfVersion, Seed: 1, Days: days}
	historyEnd := last
	for _, e := range entities {
		times := arrivals[e.Type]
		if len(times) == 0 {
			continue
		}
		fa := fitArrivals(times, start, historyEnd)
		a := engine.WhatIfArrival{Entity: e.Type, PerDay: round4(fa.perDay)}
		a.Weekdays = make([]float64, 7)
		for d := range a.Weekdays {
			a.Weekdays[d] = round4(fa.weekdays[d])
		}
		a.Hours = make([]float64, 24)
		for h := range a.Hours {
			a.Hours[h] = fa.hours[h]
		}
		a.Stage = choiceOf(arrStages[e.Type], e)
		w.Arrivals = append(w.Arrivals, a)
	}
	if len(w.Arrivals) == 0 {
		note("note.noArrivals")
	}
	otherPipeline := 0
	for _, e := range entities {
		for _, p := range e.Pipelines {
			for _, st := range p.Stages {
				stays := staysOf[itemStage{e.Type, st.ID}]
				if len(stays) == 0 {
					continue
				}
				if e.Type != "DEAL" {
					// Only deals move between pipelines in the engine.
					for i := range stays {
						if stays[i].to != "" && pipelineOf(e, stays[i].to) != p.ID {
							stays[i].to = ""
							otherPipeline++
						}
					}
				}
				branches := competingRisks(stays)
				if len(branches) == 0 {
					continue
				}
				f := engine.WhatIfFlow{Entity: e.Type, Stage: st.ID}
				for _, b := range branches {
					br := engine.WhatIfBranch{Stage: b.to, Stay: b.to == "", Share: round4(b.share)}
					for _, s := range b.after {
						if s >= 600 { // to the minute: seconds would be noise
							s = (s + 30) / 60 * 60
						}
						br.After = append(br.After, engine.FormatDuration(time.Duration(s)*time.Second))
					}
					if br.Share > 0 {
						f.Next = append(f.Next, br)
					}
				}
				w.Flows = append(w.Flows, f)
			}
		}
	}
	if otherPipeline > 0 {
		note("note.otherPipeline", otherPipeline)
	}
	if len(in.Deals) > 0 {
		var all []Fields
		for _, f := range in.Deals {
			fs, err := ParseFields(f.Data, f.Name)
			if err != nil {
				return nil, err
			}
			all = append(all, fs...)
		}
		if err := fitFields(w, all, owners, note); err != nil {
			return nil, err
		}
	}

	f := format.Text(lang)
	title := in.Title
	if title == "" {
		title = say(lang, "scenario.title", "from", f.Date(first), "to", f.Date(last))
	}
	desc := say(lang, "scenario.description", "records", f.Int(int64(total)), "items", f.Int(int64(len(keys))))
	sc := &engine.Scenario{Title: title, Description: desc, Locale: lang, Start: start,
		StartRaw: start.Format(time.RFC3339), Entities: entities, WhatIf: w}
	for i := range sc.Entities {
		sc.Entities[i].PipelinesDefaulted = false
	}
	doc, err := engine.WriteScenario(sc)
	if err != nil {
		return nil, fmt.Errorf("calibrate: %w", err)
	}
	read, err := engine.ReadScenario(doc)
	if err != nil {
		return nil, fmt.Errorf("calibrate: the fitted scenario is not valid: %w", err)
	}
	c.Scenario, c.Doc = read, doc
	return c, nil
}

type itemStage struct{ entity, stage string }

func pipelineOf(e engine.Entity, stage string) int {
	for _, p := range e.Pipelines {
		for _, st := range p.Stages {
			if st.ID == stage {
				return p.ID
			}
		}
	}
	return -1
}

// choiceOf is the starting stage: one stage, or a choice weighted by how
// many items were created in each (in pipeline order).
func choiceOf(counts map[string]int, e engine.Entity) engine.WhatIfValue {
	var ids []any
	var ws []float64
	for _, p := range e.Pipelines {
		for _, st := range p.Stages {
			if n := counts[st.ID]; n > 0 {
				ids = append(ids, st.ID)
				ws = append(ws, float64(n))
			}
		}
	}
	if len(ids) == 1 {
		return engine.WhatIfValue{Kind: engine.WhatIfConst, Const: ids[0]}
	}
	return engine.WhatIfValue{Kind: engine.WhatIfChoice, Values: ids, Weights: ws}
}

// fitFields adds the field distributions of the deals (or items) whose ids
// arrived in the history to the arrivals of their entity type: the
// amount as its deciles, the source and the responsible by frequency.
func fitFields(w *engine.WhatIf, fs []Fields, owners map[string][]int, note func(key string, n ...int)) error {
	byID := map[int]Fields{}
	for _, f := range fs {
		byID[f.ID] = f
	}
	used := 0
	for i := range w.Arrivals {
		a := &w.Arrivals[i]
		var amounts []float64
		sources := map[string]int{}
		users := map[string]int{}
		for _, id := range owners[a.Entity] {
			f, ok := byID[id]
			if !ok {
				continue
			}
			used++
			if f.Opportunity != nil {
				amounts = append(amounts, *f.Opportunity)
			}
			if f.Source != "" {
				sources[f.Source]++
			}
			if f.Assigned > 0 {
				users[strconv.Itoa(f.Assigned)]++
			}
		}
		if len(amounts) > 0 {
			sort.Float64s(amounts)
			var vals []any
			for k := 0; k < 10; k++ {
				idx := min(len(amounts)-1, (2*k+1)*len(amounts)/20)
				vals = append(vals, float64(int64(amounts[idx]+0.5)))
			}
			a.Fields = append(a.Fields, engine.WhatIfField{ID: "OPPORTUNITY", Value: engine.WhatIfValue{Kind: engine.WhatIfChoice, Values: vals}})
		}
		if v, ok := frequencies(sources, false); ok {
			a.Fields = append(a.Fields, engine.WhatIfField{ID: "SOURCE_ID", Value: v})
		}
		if v, ok := frequencies(users, true); ok {
			a.Fields = append(a.Fields, engine.WhatIfField{ID: "ASSIGNED_BY_ID", Value: v})
		}
	}
	if used == 0 {
		note("note.noFields")
	}
	return nil
}

// frequencies is a choice of the 20 most frequent values with their counts
// as weights.
func frequencies(m map[string]int, numeric bool) (engine.WhatIfValue, bool) {
	if len(m) == 0 {
		return engine.WhatIfValue{}, false
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > 20 {
		keys = keys[:20]
	}
	v := engine.WhatIfValue{Kind: engine.WhatIfChoice}
	for _, k := range keys {
		if numeric {
			n, _ := strconv.Atoi(k)
			v.Values = append(v.Values, float64(n))
		} else {
			v.Values = append(v.Values, k)
		}
		v.Weights = append(v.Weights, float64(m[k]))
	}
	return v, true
}
