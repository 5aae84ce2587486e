package lesson_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

const base = "https://github.com/triggersim/triggersim/docs/"

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	for _, name := range []string{"lesson.schema.json", "scenario.schema.json"} {
		f, err := os.Open("../docs/" + name)
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		require.NoError(t, err)
		require.NoError(t, c.AddResource(base+name, doc))
	}
	sch, err := c.Compile(base + "lesson.schema.json")
	require.NoError(t, err)
	return sch
}

func valid(sch *jsonschema.Schema, data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}

func TestSchema(t *testing.T) {
	sch := compile(t)
	for _, f := range builtIn(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NoError(t, valid(sch, data), f)
	}
	// Every goal kind, a solution and a narration.
	l, sol := first(t)
	sol.Expect = nil
	l.Solution = sol
	l.Narration = []lesson.Text{{"ru": "Жили-были"}}
	l.Goals = append(l.Goals,
		lesson.Goal{Kind: lesson.GoalMaxTriggers, MaxTriggers: 2},
		lesson.Goal{Kind: lesson.GoalNoLint, NoLint: engine.LintCycle},
		lesson.Goal{Kind: lesson.GoalRobotBefore, Target: "DEAL_1", Robot: "a", Before: "b"})
	data, err := lesson.Write(l)
	require.NoError(t, err)
	assert.NoError(t, valid(sch, data))

	// What the reader refuses, the schema refuses too.
	good := string(data)
	for _, bad := range []struct{ from, to string }{
		{`"format": "triggersim/lesson"`, `"format": "triggersim/scenario"`},
		{`"id": "01-first-trigger"`, `"id": "Bad"`},
		{`"title": {"en"`, `"title": {"de"`},
		{`"max_triggers": 2`, `"max_triggers": -1`},
		{`"no_lint": "CYCLE"`, `"no_lint": "NOPE"`},
		{`"may_change": ["triggers"]`, `"may_change": ["everything"]`},
		{`{"max_triggers": 2}`, `{"max_triggers": 2, "no_lint": "CYCLE"}`},
		{`"expect": {"target": "DEAL_1", "ran": "r-dogovor"}`, `"expect": {"target": "DEAL_1", "ran": "r-dogovor", "name": "x"}`},
	} {
		changed := strings.Replace(good, bad.from, bad.to, 1)
		require.NotEqual(t, good, changed, bad.from)
		assert.Error(t, valid(sch, []byte(changed)), bad.to)
		_, err := lesson.Read([]byte(changed))
		assert.Error(t, err, bad.to)
	}
}
