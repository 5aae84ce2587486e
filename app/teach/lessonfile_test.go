package teach_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	lf "github.com/triggersim/triggersim/lesson"
)

func example(t *testing.T, name string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile("../../examples/" + name)
	require.NoError(t, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err)
	return sc
}

func TestDraftPublishAndOpenByLink(t *testing.T) {
	sol := example(t, "10-en-client-call.json")
	d := &teach.Draft{ID: teach.Slug("Call to the latest deal"), Lang: "en", Title: "Call to the latest deal", Task: "Make the call move the latest deal.",
		Hints: []string{"A trigger sits on the stage to move to.", " "}, Scopes: []string{"triggers"}}
	_, _, problems := d.Publish(sol)
	assert.Equal(t, []string{"add at least one goal"}, problems)

	d.Goals = []lf.Goal{
		{Kind: lf.GoalExpect, Expect: engine.Expectation{Target: "DEAL_3", Stage: "EXECUTING"}},
		{Kind: lf.GoalExpect, Expect: engine.Expectation{Target: "DEAL_3", Ran: "r-log-call"}},
	}
	data, v, problems := d.Publish(sol)
	require.Empty(t, problems)
	assert.False(t, v.Start.Done)
	assert.True(t, v.Solution.Done)
	l, err := lf.Read(data)
	require.NoError(t, err)
	assert.Empty(t, l.Scenario.Triggers, "the trainee starts without the triggers")
	assert.Len(t, l.Hints, 1)
	assert.Regexp(t, `^call-to-the-latest-deal-[0-9a-f]{8}$`, l.ID)

	link, err := teach.LessonLink("http://127.0.0.1:8080/", data)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(link, "http://127.0.0.1:8080/train#s1."), link)
	back, backData, err := teach.OpenLesson([]byte(link))
	require.NoError(t, err)
	assert.Equal(t, l, back)
	assert.Equal(t, data, backData)
	_, _, err = teach.OpenLesson(data)
	require.NoError(t, err)

	// A goal that holds at the start is refused with the reason.
	d.Goals = []lf.Goal{{Kind: lf.GoalExpect, Expect: engine.Expectation{Target: "DEAL_2", Stage: "PREPARATION"}}}
	_, _, problems = d.Publish(sol)
	assert.Equal(t, []string{"the lesson's goals already hold on the starting scenario: there is nothing for the trainee to do"}, problems)
	d.Lang = "ru"
	d.Goals = []lf.Goal{{Kind: lf.GoalExpect, Expect: engine.Expectation{Target: "DEAL_3", Stage: "FINAL_INVOICE"}}}
	_, _, problems = d.Publish(sol)
	assert.Equal(t, []string{"решение автора не выполняет цели урока"}, problems)
	assert.Equal(t, "lesson", strings.Split(teach.Slug("Урок"), "-")[0])
}
