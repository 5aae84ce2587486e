package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/lintview"
	"github.com/triggersim/triggersim/engine"
)

func TestLintBadge(t *testing.T) {
	notes := []lintview.Note{{Code: engine.LintDelayUnderMin, Severity: engine.SeverityWarning, Text: "задержка 5 мин. меньше минимальной"}}
	b := &LintBadge{Lang: "ru", Notes: notes}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(b))
	e.ConsumeAll()
	// span.wrap > [button.lint-badge]
	assert.NoError(t, app.Match(app.Elem("button").Attr("type", "button").Class("lint-badge lint-badge--warning").
		DataSet("testid", "lint-badge").DataSet("severity", "warning").
		Title("задержка 5 мин. меньше минимальной").
		Aria("label", "Замечания проверки (1): задержка 5 мин. меньше минимальной").
		Aria("expanded", "false").OnClick(b.onToggle), b, 0, 0))
	assert.NoError(t, app.Match(app.Raw(iconSVG("alert")), b, 0, 0, 0))
	b.onToggle(app.Context{}, app.Event{})
	assert.True(t, b.open)

	// Open, it lists the findings with their codes.
	open := &LintBadge{Lang: "ru", Notes: notes, open: true}
	e2 := app.NewTestEngine()
	require.NoError(t, e2.Load(open))
	e2.ConsumeAll()
	// span.wrap > [button, div.lint-pop > [ul > [li > [icon, code, p]], close]]
	assert.NoError(t, app.Match(app.Elem("code").Class("lint-code").Text(engine.LintDelayUnderMin), open, 0, 1, 0, 0, 1))
	assert.NoError(t, app.Match(app.Elem("p").Class("lint-pop__text").Text("задержка 5 мин. меньше минимальной"), open, 0, 1, 0, 0, 2))
}

func TestLintBadgeErrorWinsAndCounts(t *testing.T) {
	b := &LintBadge{Lang: "en", Notes: []lintview.Note{
		{Code: engine.LintTriggerShadowed, Severity: engine.SeverityWarning, Text: "shadowed"},
		{Code: engine.LintTriggerFirstStage, Severity: engine.SeverityError, Text: "never fires"},
	}}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(b))
	e.ConsumeAll()
	assert.NoError(t, app.Match(app.Elem("button").Attr("type", "button").Class("lint-badge lint-badge--error").
		DataSet("testid", "lint-badge").DataSet("severity", "error").
		Title("shadowed\n\nnever fires").
		Aria("label", "Check findings (2): shadowed; never fires").
		Aria("expanded", "false").OnClick(b.onToggle), b, 0, 0))
	assert.NoError(t, app.Match(app.Text("2"), b, 0, 0, 0))
}

func TestTriggerChipShowsItsLintBadge(t *testing.T) {
	c := &TriggerChip{Lang: "ru", Trigger: engine.Trigger{ID: "t1", Code: "CALL"}, Highlight: true,
		Lint: []lintview.Note{{Code: engine.LintTriggerFirstStage, Severity: engine.SeverityError, Text: "никогда не сработает"}}}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	assert.NoError(t, app.Match(app.Elem("div").Class("trigger-chip trigger-chip--lint-error lint-target").ID("trigger-t1").DataSet("trigger", "t1"), c, 0))
	assert.NoError(t, app.Match(&LintBadge{Lang: "ru", Notes: c.Lint}, c, 0, 2))
}

func TestLintCountPlural(t *testing.T) {
	for n, want := range map[int]string{0: "Замечаний нет", 1: "1 замечание", 3: "3 замечания", 5: "5 замечаний", 21: "21 замечание", 12: "12 замечаний"} {
		assert.Equal(t, want, lintCount("ru", n))
	}
	assert.Equal(t, "1 finding", lintCount("en", 1))
	assert.Equal(t, "3 findings", lintCount("en", 3))
	assert.Equal(t, "No findings", lintCount("en", 0))
}
