package prefs_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

func TestPrefsRoundTrip(t *testing.T) {
	p := prefs.New(&prefs.Memory{}, nil)
	assert.Equal(t, "ru", p.Lang(), "the default language")
	_, chosen := p.ChosenLang()
	assert.False(t, chosen)
	assert.False(t, p.Presenter())
	assert.False(t, p.LintOpen())
	assert.False(t, p.SideClosed())
	assert.Equal(t, teach.Training{}, p.Training())
	assert.Equal(t, teach.Builtin{}, p.Builtin())

	p.SetLang("en")
	p.SetPresenter(true)
	p.SetLintOpen(true)
	p.SetSideClosed(true)
	tr := teach.Training{Lesson: `{"format": "triggersim/lesson"}`, Started: 1768210200, Hints: 2, Attempts: 3, Scenario: "s-7"}
	p.SetTraining(tr)
	p.SetBuiltin(teach.Builtin{ID: "first-trigger", Scenario: "s-8"})

	assert.Equal(t, "en", p.Lang())
	lang, chosen := p.ChosenLang()
	assert.Equal(t, "en", lang)
	assert.True(t, chosen)
	assert.True(t, p.Presenter())
	assert.True(t, p.LintOpen())
	assert.True(t, p.SideClosed())
	assert.Equal(t, tr, p.Training())
	assert.Equal(t, teach.Builtin{ID: "first-trigger", Scenario: "s-8"}, p.Builtin())
}

// The keys and the JSON are those of earlier versions, which stored the
// preferences through go-app's ctx.LocalStorage().
func TestPrefsReadEarlierVersions(t *testing.T) {
	m := &prefs.Memory{}
	require.NoError(t, m.Set("triggersim.lang", "en"))
	require.NoError(t, m.Set("triggersim.presenter", true))
	require.NoError(t, m.Set("triggersim.designer.lintOpen", true))
	require.NoError(t, m.Set("triggersim.board.sideClosed", true))
	require.NoError(t, m.Set("train.current", map[string]any{"lesson": "L", "started": 5, "hints": 1, "attempts": 2}))
	require.NoError(t, m.Set("lesson.open", map[string]any{"id": "x", "scenario": "s-1"}))
	p := prefs.New(m, nil)
	assert.Equal(t, "en", p.Lang())
	assert.True(t, p.Presenter())
	assert.True(t, p.LintOpen())
	assert.True(t, p.SideClosed())
	assert.Equal(t, teach.Training{Lesson: "L", Started: 5, Hints: 1, Attempts: 2}, p.Training())
	assert.Equal(t, teach.Builtin{ID: "x", Scenario: "s-1"}, p.Builtin())
}

func TestPrefsUnknownLanguage(t *testing.T) {
	m := &prefs.Memory{}
	require.NoError(t, m.Set("triggersim.lang", "de"))
	assert.Equal(t, "ru", prefs.New(m, nil).Lang())
}

// failing refuses every read and write, as a browser with storage
// disabled does.
type failing struct{}

func (failing) Get(string, any) error { return prefs.ErrUnavailable }
func (failing) Set(string, any) error { return prefs.ErrUnavailable }

func TestPrefsLogFailures(t *testing.T) {
	var logged []string
	p := prefs.New(failing{}, func(a ...any) { logged = append(logged, fmt.Sprint(a...)) })
	assert.Equal(t, "ru", p.Lang())
	p.SetPresenter(true)
	assert.False(t, p.Presenter())
	require.Len(t, logged, 3)
	assert.Contains(t, logged[0], "triggersim.lang")
	assert.Contains(t, logged[1], "triggersim.presenter")
}

func TestMemoryKeepsJSON(t *testing.T) {
	m := &prefs.Memory{}
	require.Error(t, m.Set("x", func() {}), "a value that is not JSON")
	var n int
	require.NoError(t, m.Set("n", "text"))
	err := m.Get("n", &n)
	var typeErr interface{ Error() string }
	require.True(t, errors.As(err, &typeErr))
}

func TestBrowserOnTheHostIsMemory(t *testing.T) {
	s := prefs.Browser()
	require.NoError(t, s.Set("k", 3))
	var n int
	require.NoError(t, s.Get("k", &n))
	assert.Equal(t, 3, n)
}

// The result sheets are the tab's: kept in the tab's storage, not with the
// browser's preferences.
func TestResultsAreTheTabs(t *testing.T) {
	browser, tab := &prefs.Memory{}, &prefs.Memory{}
	p := prefs.New(browser, nil).WithTab(tab)
	assert.Empty(t, p.Results())
	p.SetResults([]string{`{"a":1}`, `{"b":2}`})
	assert.Equal(t, []string{`{"a":1}`, `{"b":2}`}, p.Results())
	var none []string
	require.NoError(t, browser.Get("results.sheets", &none))
	assert.Empty(t, none, "nothing in the browser's storage")
	assert.Equal(t, []string{`{"a":1}`, `{"b":2}`}, prefs.New(&prefs.Memory{}, nil).WithTab(tab).Results(), "a reload reads them back")

	s := prefs.TabBrowser()
	require.NoError(t, s.Set("k", 3))
	var n int
	require.NoError(t, s.Get("k", &n))
	assert.Equal(t, 3, n, "the tab's storage keeps JSON values")
}

// The lesson being written comes back whole after a reload of the tab:
// its texts, scopes and goals.
func TestAuthoringIsTheTabs(t *testing.T) {
	browser, tab := &prefs.Memory{}, &prefs.Memory{}
	p := prefs.New(browser, nil).WithTab(tab)
	assert.Equal(t, prefs.Authoring{}, p.Authoring())
	a := prefs.Authoring{
		Of: "s3",
		Draft: teach.Draft{Title: "Звонок", Task: "Добавьте триггер", Goals: []lesson.Goal{
			{Name: lesson.Text{"ru": "сделка в работе"}, Kind: lesson.GoalExpect, Expect: engine.Expectation{Target: "DEAL_1", Stage: "EXECUTING"}},
			{Kind: lesson.GoalMaxTriggers, MaxTriggers: 2},
		}},
		Hints: "первая\nвторая", Scope: "stage", ScopeStage: "DEAL:EXECUTING",
	}
	p.SetAuthoring(a)
	assert.Equal(t, a, prefs.New(&prefs.Memory{}, nil).WithTab(tab).Authoring())
	var none prefs.Authoring
	require.NoError(t, browser.Get("author.draft", &none))
	assert.Equal(t, prefs.Authoring{}, none, "nothing in the browser's storage")
}
