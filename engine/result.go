package engine

import (
	"bytes"
	"encoding/json"
	"sort"
)

// Result is the outcome of a run, in the result format of the format page.
type Result struct {
	Format  string         `json:"format"`
	Version int            `json:"version"`
	End     string         `json:"end"`
	OK      bool           `json:"ok"`
	Items   []ResultItem   `json:"items"`
	Log     []LogEntry     `json:"log"`
	Expect  []ExpectResult `json:"expect"`
}

// ResultItem is an item's final state.
type ResultItem struct {
	Target   string         `json:"target"`
	Stage    string         `json:"stage"`
	Pipeline int            `json:"pipeline"`
	Fields   map[string]any `json:"fields"`
	Contact  int            `json:"contact,omitempty"`
	Company  int            `json:"company,omitempty"`
	Parent   string         `json:"parent,omitempty"`
}

// ExpectResult is the verdict on one expectation.
type ExpectResult struct {
	Index   int    `json:"index"`
	Name    string `json:"name,omitempty"`
	Pass    bool   `json:"pass"`
	Message string `json:"message"`
}

// Result collects the run's outcome and checks the expectations.
func (s *Sim) Result() *Result {
	s.finishStep()
	r := &Result{Format: ResultFormat, Version: ResultVersion, End: s.formatTime(s.now), Log: s.Log()}
	if r.Log == nil {
		r.Log = []LogEntry{}
	}
	for _, it := range s.sortedItems() {
		r.Items = append(r.Items, ResultItem{
			Target: it.target, Stage: it.stageID(), Pipeline: it.pm.id, Fields: it.allFields(),
			Contact: it.contact, Company: it.company, Parent: it.parent,
		})
	}
	if r.Items == nil {
		r.Items = []ResultItem{}
	}
	r.Expect = s.checkExpectations()
	r.OK = true
	for _, e := range r.Expect {
		if !e.Pass {
			r.OK = false
		}
	}
	return r
}

// sortedItems lists items by entity type (file order) then id. The
// slice is the Sim's own cache: callers read it and never keep or change
// it.
func (s *Sim) sortedItems() []*item {
	if len(s.sorted) != len(s.items) {
		s.sorted = append(s.sorted[:0], s.items...)
		sort.SliceStable(s.sorted, func(a, b int) bool { return before(s.sorted[a], s.sorted[b]) })
	}
	return s.sorted
}

// MarshalResult writes a result as indented JSON with a trailing newline:
// byte-identical for the same scenario on every run and platform.
func MarshalResult(r *Result) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // the result is data, never pasted into HTML
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Run compiles and runs a scenario to its end.
func Run(sc *Scenario, opt Options) (*Result, error) {
	s, err := New(sc, opt)
	if err != nil {
		return nil, err
	}
	s.Run()
	return s.Result(), nil
}
