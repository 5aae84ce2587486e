package lesson_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/internal/langcheck"
	"github.com/triggersim/triggersim/lesson"
)

func builtIn(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../lessons/[re][un]/*.json")
	require.NoError(t, err)
	require.Len(t, files, 18)
	return files
}

// TestBuiltInRoundTrip: every built-in lesson is written exactly as the
// writer writes it, so reading and writing changes nothing.
func TestBuiltInRoundTrip(t *testing.T) {
	for _, f := range builtIn(t) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		l, err := lesson.Read(data)
		require.NoError(t, err, f)
		out, err := lesson.Write(l)
		require.NoError(t, err)
		assert.Equal(t, string(data), string(out), f)
		again, err := lesson.Read(out)
		require.NoError(t, err)
		assert.Equal(t, l, again)
	}
}

// TestBuiltInWithSolutions: the goals fail at the start, hold on the
// solution, and the solution stays inside what the lesson lets change.
func TestBuiltInWithSolutions(t *testing.T) {
	for _, f := range builtIn(t) {
		l := read(t, f)
		sol, err := os.ReadFile(filepath.Join("../lessons/solutions", filepath.Base(filepath.Dir(f)), filepath.Base(f)))
		require.NoError(t, err)
		sc, err := engine.ReadScenario(sol)
		require.NoError(t, err)
		v := l.Validate(sc, "en")
		assert.Empty(t, v.Problems, f)
		assert.False(t, v.Start.Done, f)
		assert.True(t, v.Solution.Done, f)
	}
}

func read(t *testing.T, f string) *lesson.Lesson {
	t.Helper()
	data, err := os.ReadFile(f)
	require.NoError(t, err)
	l, err := lesson.Read(data)
	require.NoError(t, err, f)
	return l
}

func first(t *testing.T) (*lesson.Lesson, *engine.Scenario) {
	t.Helper()
	l := read(t, "../lessons/en/01-first-trigger.json")
	data, err := os.ReadFile("../lessons/solutions/en/01-first-trigger.json")
	require.NoError(t, err)
	sol, err := engine.ReadScenario(data)
	require.NoError(t, err)
	return l, sol
}

func TestSolutionEmbeddedRoundTrip(t *testing.T) {
	l, sol := first(t)
	sol.Expect = nil
	l.Solution = sol
	l.Title["ru"] = "Урок 1"
	l.Task["ru"] = "Задание"
	l.Narration = []lesson.Text{{"en": "Once upon a time"}}
	l.Goals = append(l.Goals,
		lesson.Goal{Kind: lesson.GoalMaxTriggers, MaxTriggers: 1, Name: lesson.Text{"ru": "один триггер", "en": "one trigger"}},
		lesson.Goal{Kind: lesson.GoalNoLint, NoLint: engine.LintCycle},
	)
	out, err := lesson.Write(l)
	require.NoError(t, err)
	back, err := lesson.Read(out)
	require.NoError(t, err)
	assert.Equal(t, l, back)
	again, err := lesson.Write(back)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(again))
	v := back.Validate(nil, "ru")
	assert.Empty(t, v.Problems)
	assert.Equal(t, []string{"en", "ru"}, sortedLangs(back))
}

func sortedLangs(l *lesson.Lesson) []string {
	langs := l.Langs()
	if len(langs) == 2 && langs[0] == "ru" {
		langs[0], langs[1] = langs[1], langs[0]
	}
	return langs
}

func TestGoalsPassingAtTheStartAreRefused(t *testing.T) {
	l, sol := first(t)
	// "DEAL_1 ends in NEW" holds on the untouched start.
	l.Goals = []lesson.Goal{{Kind: lesson.GoalExpect, Expect: engine.Expectation{Target: "DEAL_1", Stage: "NEW"}}}
	v := l.Validate(sol, "en")
	require.NotEmpty(t, v.Problems)
	assert.Equal(t, "the lesson's goals already hold on the starting scenario: there is nothing for the trainee to do", v.Problems[0])
	assert.Contains(t, v.Problems, "the author's solution does not meet the lesson's goals")
	v = l.Validate(sol, "ru")
	assert.Contains(t, v.Problems[0], "цели урока уже выполнены в исходном сценарии")
}

func TestLessonOnlyGoals(t *testing.T) {
	l, sol := first(t)
	l.Goals = []lesson.Goal{
		{Kind: lesson.GoalMaxTriggers, MaxTriggers: 0},
		{Kind: lesson.GoalNoLint, NoLint: engine.LintStageUnreachable},
		{Kind: lesson.GoalRobotBefore, Target: "DEAL_1", Robot: "r-none", Before: "r-other"},
	}
	rep := l.Check(sol, "en")
	require.Len(t, rep.Goals, 3)
	assert.False(t, rep.Goals[0].Pass)
	assert.Equal(t, "1 triggers, at most 0 allowed", rep.Goals[0].Message)
	assert.Equal(t, "robot r-none did not run for DEAL_1", rep.Goals[2].Message)
	assert.False(t, rep.Done)

	rep = l.Check(l.Scenario, "en")
	assert.True(t, rep.Goals[0].Pass, rep.Goals[0].Message)
}

func TestRobotBefore(t *testing.T) {
	l := read(t, "../lessons/en/08-robots-that-loop.json")
	data, err := os.ReadFile("../lessons/solutions/en/08-robots-that-loop.json")
	require.NoError(t, err)
	sol, err := engine.ReadScenario(data)
	require.NoError(t, err)
	var ids []string
	for _, r := range sol.Robots {
		ids = append(ids, r.ID)
	}
	require.GreaterOrEqual(t, len(ids), 2)
	l.Goals = []lesson.Goal{{Kind: lesson.GoalRobotBefore, Target: "DEAL_1", Robot: "r-na-soglasovanie", Before: "r-vernut"}}
	rep := l.Check(l.Scenario, "en")
	// At the start the loop runs both robots, the approval one first.
	assert.True(t, rep.Goals[0].Pass, rep.Goals[0].Message)
	l.Goals[0].Robot, l.Goals[0].Before = "r-vernut", "r-na-soglasovanie"
	rep = l.Check(l.Scenario, "en")
	assert.False(t, rep.Goals[0].Pass)
	assert.Equal(t, "robot r-vernut did not run before robot r-na-soglasovanie for DEAL_1", rep.Goals[0].Message)
}

func TestOutOfScope(t *testing.T) {
	l, sol := first(t)
	require.Equal(t, []string{"triggers"}, l.MayChange)
	assert.Empty(t, l.OutOfScope(sol))
	changed := *sol
	changed.Robots = nil
	assert.Equal(t, []string{lesson.SectionRobots}, l.OutOfScope(&changed))
	rep := l.Check(&changed, "en")
	assert.False(t, rep.Done)
	assert.Equal(t, []string{"robots this lesson does not let you change were changed"}, rep.Messages)
	changed = *sol
	changed.Items = append([]engine.Item(nil), sol.Items...)
	changed.Items[0].Stage = "PREPARATION"
	assert.Equal(t, []string{lesson.SectionItems}, l.OutOfScope(&changed))
	l.MayChange = []string{"robots:DEAL:PREPARATION"}
	assert.Equal(t, []string{lesson.SectionTriggers}, l.OutOfScope(sol))
	l.MayChange = nil
	assert.Empty(t, l.OutOfScope(&changed))
}

func mustFile(t *testing.T) string {
	data, err := os.ReadFile("../lessons/en/01-first-trigger.json")
	require.NoError(t, err)
	return string(data)
}

func TestReadErrorsHavePaths(t *testing.T) {
	base := mustFile(t)
	cases := []struct{ name, from, to, want string }{
		{"format", `"triggersim/lesson"`, `"triggersim/scenario"`, `format: expected "triggersim/lesson", got "triggersim/scenario"`},
		{"version", `"version": 1`, `"version": 2`, "version: version 2 is not supported; this triggersim reads version 1"},
		{"id", `"id": "01-first-trigger"`, `"id": "Bad ID"`, `id: expected lowercase letters, digits and dashes (at most 64), got "Bad ID"`},
		{"unknown key", `"task":`, `"tsk": {"en": "x"}, "task":`, `tsk: unknown key; expected one of`},
		{"text lang", `"title": {"en"`, `"title": {"de"`, `title.de: unknown key; expected one of "ru", "en"`},
		{"scope", `"may_change": ["triggers"]`, `"may_change": ["robots:DEAL:NOPE"]`, `may_change[0]: scope "robots:DEAL:NOPE": DEAL has no stage NOPE`},
		{"goal stage", `"stage": "PREPARATION"}}`, `"stage": "NOPE"}}`, "goals[0].expect.stage:"},
		{"goal kind", `{"name": {"en": "after`, `{"no_lint": "X", "name": {"en": "after`, "goals[0].no_lint: unknown lint code \"X\""},
		{"scenario", `"stage": "NEW",`, `"stage": "NOWHERE",`, "scenario.items[0].stage:"},
		{"syntax", `"version": 1,`, `"version": 1,,`, "(root): invalid JSON at line 3, column 16"},
		{"duplicate", `"version": 1,`, `"version": 1, "version": 1,`, "version: duplicate key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bad := strings.Replace(base, c.from, c.to, 1)
			require.NotEqual(t, base, bad, "the case must change the file")
			_, err := lesson.Read([]byte(bad))
			require.Error(t, err)
			assert.True(t, errors.Is(err, engine.ErrInvalid))
			assert.Contains(t, err.Error(), c.want)
			assertReadsInRussian(t, err)
		})
	}
}

// assertReadsInRussian checks that every error of a read has a code and
// reads in Russian with its JSON path, and in English as Error prints it.
func assertReadsInRussian(t *testing.T, err error) {
	t.Helper()
	var es engine.Errors
	require.True(t, errors.As(err, &es), "%T", err)
	for _, e := range es {
		require.NotEmpty(t, e.Code, e.Error())
		assert.Equal(t, e.Error(), e.Text("en"))
		assert.Empty(t, langcheck.Problems(e.Message("ru"), "format", "triggersim", "may_change"), e.Path)
	}
}

// Two reading errors in both languages, with their JSON paths.
func TestReadErrorsInBothLanguages(t *testing.T) {
	base := mustFile(t)
	for _, c := range []struct{ from, to, en, ru string }{
		{`"may_change": ["triggers"]`, `"may_change": ["robots:DEAL:NOPE"]`,
			`may_change[0]: scope "robots:DEAL:NOPE": DEAL has no stage NOPE`,
			`may_change[0]: область "robots:DEAL:NOPE": у DEAL нет стадии NOPE`},
		{`"id": "01-first-trigger"`, `"id": "Bad ID"`,
			`id: expected lowercase letters, digits and dashes (at most 64), got "Bad ID"`,
			`id: ожидались строчные латинские буквы, цифры и дефисы (не больше 64), а в файле: "Bad ID"`},
	} {
		_, err := lesson.Read([]byte(strings.Replace(base, c.from, c.to, 1)))
		var es engine.Errors
		require.True(t, errors.As(err, &es), "%v", err)
		assert.Equal(t, c.en, es[0].Text("en"))
		assert.Equal(t, c.ru, es[0].Text("ru"))
	}
}

func TestReadLimits(t *testing.T) {
	deep := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	_, err := lesson.Read([]byte(deep))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested deeper than 64 levels")
	assertReadsInRussian(t, err)
	big := make([]byte, lesson.MaxBytes+1)
	_, err = lesson.Read(big)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "at most 20 MB")
	assertReadsInRussian(t, err)
}

func TestExpectationInScenarioIsRefused(t *testing.T) {
	base := mustFile(t)
	bad := strings.Replace(base, `    "items": [`, `    "expect": [{"target": "DEAL_1", "stage": "NEW"}],
    "items": [`, 1)
	require.NotEqual(t, base, bad)
	_, err := lesson.Read([]byte(bad))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `scenario.expect: a lesson's expectations are its goals`)
}

func TestMayChange(t *testing.T) {
	l, _ := first(t)
	assert.True(t, l.MayChangeTrigger("DEAL", "PREPARATION"))
	assert.False(t, l.MayChangeRobot("DEAL", "PREPARATION"))
	assert.True(t, l.MayChangeSection(lesson.SectionTriggers))
	assert.False(t, l.MayChangeSection(lesson.SectionRobots))
	assert.False(t, l.MayChangeSection(lesson.SectionSetup))

	l.MayChange = []string{"robots:DEAL:PREPARATION", "items"}
	assert.False(t, l.MayChangeTrigger("DEAL", "PREPARATION"))
	assert.True(t, l.MayChangeRobot("DEAL", "PREPARATION"))
	assert.False(t, l.MayChangeRobot("DEAL", "NEW"))
	assert.False(t, l.MayChangeRobot("LEAD", "PREPARATION"))
	assert.True(t, l.MayChangeSection(lesson.SectionRobots))
	assert.True(t, l.MayChangeSection(lesson.SectionItems))
	assert.False(t, l.MayChangeSection(lesson.SectionEvents))

	l.MayChange = nil
	assert.True(t, l.MayChangeTrigger("LEAD", "X"))
	assert.True(t, l.MayChangeRobot("LEAD", "X"))
	assert.True(t, l.MayChangeSection(lesson.SectionSetup))
}

func TestNewlyOutOfScope(t *testing.T) {
	l, sol := first(t)
	// Adding the solution's trigger to the start is allowed.
	assert.Empty(t, l.NewlyOutOfScope(l.Scenario, sol))
	// Dropping a robot is not, and says so in both languages.
	noRobots := *sol
	noRobots.Robots = nil
	assert.Equal(t, []string{lesson.SectionRobots}, l.NewlyOutOfScope(sol, &noRobots))
	assert.Equal(t, "robots this lesson does not let you change were changed", lesson.ScopeMessage(lesson.SectionRobots, "en"))
	assert.Equal(t, "изменены роботы, которых в этом уроке менять нельзя", lesson.ScopeMessage(lesson.SectionRobots, "ru"))
	// A copy that already differs there may still change its triggers.
	more := noRobots
	more.Triggers = nil
	assert.Empty(t, l.NewlyOutOfScope(&noRobots, &more))
}
