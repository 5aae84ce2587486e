package teach_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/teach"
	lf "github.com/triggersim/triggersim/lesson"
)

func TestLessonOf(t *testing.T) {
	data, err := os.ReadFile("../../lessons/en/02-conditions.json")
	require.NoError(t, err)
	tr := teach.Training{Lesson: string(data), Scenario: "s-7"}
	b := teach.Builtin{ID: "ru/01-first-trigger", Scenario: "s-3"}

	o := teach.LessonOf("s-7", tr, b)
	require.NotNil(t, o)
	assert.Equal(t, teach.TrainPath, o.Back)
	assert.Equal(t, "Lesson 2. A condition: only big deals move", o.Lesson.Title.In("en"))

	o = teach.LessonOf("s-3", tr, b)
	require.NotNil(t, o)
	assert.Equal(t, "/lesson?id=ru/01-first-trigger", o.Back)
	assert.Equal(t, []string{"triggers"}, o.Lesson.MayChange)

	assert.Nil(t, teach.LessonOf("s-9", tr, b), "another scenario is no lesson's copy")
	assert.Nil(t, teach.LessonOf("", tr, teach.Builtin{}))
	tr.Lesson = "{broken"
	assert.Nil(t, teach.LessonOf("s-7", tr, b), "a stored lesson that no longer reads is none")
	assert.Nil(t, teach.LessonOf("s-3", tr, teach.Builtin{ID: "ru/99-nope", Scenario: "s-3"}))
}

func TestScopeText(t *testing.T) {
	sol := example(t, "10-en-client-call.json")
	l := &lf.Lesson{MayChange: []string{"triggers"}}
	assert.Equal(t, "In this lesson you may change only the triggers.", teach.ScopeText(l, sol, "en"))
	assert.Equal(t, "В этом уроке можно менять только триггеры.", teach.ScopeText(l, sol, "ru"))
	l.MayChange = []string{"robots:DEAL:EXECUTING", "triggers:DEAL"}
	assert.Equal(t, "In this lesson you may change only the robots of the stage “In progress” (Deal), the triggers of Deal.", teach.ScopeText(l, sol, "en"))
	l.MayChange = nil
	assert.Empty(t, teach.ScopeText(l, sol, "en"))
}
