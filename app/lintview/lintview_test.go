package lintview_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
)

func TestParseLink(t *testing.T) {
	tests := []struct {
		link string
		want lintview.Place
		ok   bool
	}{
		{"/design?entity=DEAL&pipeline=0&stage=NEW#trigger-t1", lintview.Place{Entity: "DEAL", Stage: "NEW", Anchor: "trigger-t1"}, true},
		{"/design?entity=DEAL&pipeline=2&stage=C2%3ANEW#robot-r%20x", lintview.Place{Entity: "DEAL", Pipeline: 2, Stage: "C2:NEW", Anchor: "robot-r x"}, true},
		{"http://localhost/design?entity=DYNAMIC_128&pipeline=0&stage=DT128_0%3ANEW", lintview.Place{Entity: "DYNAMIC_128", Stage: "DT128_0:NEW"}, true},
		{"/design?entity=LEAD&pipeline=x", lintview.Place{Entity: "LEAD"}, true},
		{"/design", lintview.Place{}, false},
		{"%zz", lintview.Place{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.link, func(t *testing.T) {
			got, ok := lintview.ParseLink(tt.link)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLinkRoundTrip(t *testing.T) {
	p := lintview.Place{Entity: "DEAL", Pipeline: 1, Stage: "C1:NEW", Anchor: "trigger-t 1"}
	got, ok := lintview.ParseLink(lintview.Link(p))
	require.True(t, ok)
	assert.Equal(t, p, got)
}

func example(t *testing.T, name string) *engine.Scenario {
	t.Helper()
	for _, ex := range examples.All() {
		if ex.Name == name {
			sc, err := engine.ReadScenario(ex.Data)
			require.NoError(t, err)
			return sc
		}
	}
	require.FailNow(t, fmt.Sprintf("no example %s", name))
	return nil
}

func TestGroupAndRowsOfTheLoopExample(t *testing.T) {
	sc := example(t, "08-loop.json")
	fs := engine.Lint(sc)
	require.Len(t, fs, 1)
	ix := lintview.Group(fs, "en")
	notes := ix.Robots["r-napominanie"]
	require.Len(t, notes, 1)
	assert.Equal(t, engine.LintCycle, notes[0].Code)
	assert.Equal(t, engine.SeverityWarning, lintview.Worst(notes))
	assert.Contains(t, notes[0].Text, "a loop that needs no outside event")

	rows := lintview.Rows(sc, fs, "ru")
	require.Len(t, rows, 1)
	assert.Equal(t, lintview.FindingLink(fs[0]), rows[0].Link)
	require.Len(t, rows[0].Cycle, 3)
	assert.Equal(t, "robot r-napominanie", rows[0].Cycle[0].Text)
	assert.Equal(t, rows[0].Link, rows[0].Cycle[0].Link, "the first step's link is the finding's own")
	assert.Contains(t, rows[0].Cycle[1].Link, "#trigger-t-pismo-ushlo")
	assert.Equal(t, lintview.Counts{Warnings: 1}, lintview.Count(fs))
	assert.Equal(t, engine.SeverityWarning, lintview.Count(fs).Worst())
}

func TestWorst(t *testing.T) {
	assert.Equal(t, "", lintview.Worst(nil))
	assert.Equal(t, engine.SeverityError, lintview.Worst([]lintview.Note{{Severity: "info"}, {Severity: "error"}, {Severity: "warning"}}))
	assert.Equal(t, "", lintview.Counts{}.Worst())
	assert.Equal(t, engine.SeverityInfo, lintview.Counts{Infos: 2}.Worst())
}

func TestStageFindingsAreGroupedByStage(t *testing.T) {
	fs := []engine.Finding{{Code: engine.LintStageUnreachable, Severity: engine.SeverityWarning, Entity: "DEAL", Stage: "CHECK"}}
	ix := lintview.Group(fs, "ru")
	assert.Len(t, ix.Stages[lintview.StageKey("DEAL", "CHECK")], 1)
	assert.Empty(t, ix.Triggers)
}

// A finding's place becomes the designer link of its chip (trigger or
// robot), else of its stage, else of its entity type.
func TestFindingLink(t *testing.T) {
	tests := []struct {
		f    engine.Finding
		want string
	}{
		{engine.Finding{Entity: "DEAL", Pipeline: 0, Stage: "NEW", Trigger: "t1"}, "/design?entity=DEAL&pipeline=0&stage=NEW#trigger-t1"},
		{engine.Finding{Entity: "DEAL", Pipeline: 2, Stage: "C2:WON", Robot: "r 1"}, "/design?entity=DEAL&pipeline=2&stage=C2%3AWON#robot-r%201"},
		{engine.Finding{Entity: "LEAD", Stage: "JUNK"}, "/design?entity=LEAD&pipeline=0&stage=JUNK"},
		{engine.Finding{Entity: "DYNAMIC_128"}, "/design?entity=DYNAMIC_128&pipeline=0"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, lintview.FindingLink(tt.f))
		p, ok := lintview.ParseLink(tt.want)
		require.True(t, ok)
		assert.Equal(t, tt.f.Entity, p.Entity)
		assert.Equal(t, tt.f.Stage, p.Stage)
	}
}
