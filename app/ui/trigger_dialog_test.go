package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// Every code of the catalogue opens its settings dialog: the dialog is
// drawn from the catalogue's setting descriptors, so a kind or key the
// renderer mishandles shows here (the task status select once panicked).
func TestTriggerDialogRendersEveryCode(t *testing.T) {
	for _, ti := range engine.Catalog() {
		for _, lang := range []string{"ru", "en"} {
			d := &TriggerDialog{Lang: lang, Trigger: engine.Trigger{ID: "t1", Code: ti.Code, Entity: "DEAL", Stage: "NEW"}}
			var html string
			require.NotPanics(t, func() { html = app.HTMLString(d) }, ti.Code)
			for _, sp := range ti.Settings {
				switch {
				case sp.Kind == engine.SettingCondition:
					assert.Contains(t, html, `data-testid="trigger-`+sp.Key+`-condition"`, ti.Code)
				case sp.Key == "fields":
					assert.Contains(t, html, ">"+sp.Label[lang]+"</span>", ti.Code)
				default:
					assert.Contains(t, html, `id="trigger-setting-`+sp.Key+`"`, ti.Code)
				}
			}
		}
	}
}

func TestTriggerDialogTaskStatusOptions(t *testing.T) {
	d := &TriggerDialog{Lang: "en", Trigger: engine.Trigger{ID: "t1", Code: "TASK_STATUS", Entity: "DEAL",
		Settings: map[string]any{"taskStatus": 5}}}
	html := app.HTMLString(d)
	start := strings.Index(html, `id="trigger-setting-taskStatus"`)
	require.GreaterOrEqual(t, start, 0)
	sel := html[start : start+strings.Index(html[start:], "</select>")]
	lines := strings.Split(sel, "\n")[1:]
	require.Len(t, lines, 9) // eight options and the closing tag's indent
	for i, l := range lines[:8] {
		assert.Equal(t, i == 5, !strings.Contains(l, `selected="false"`), l)
	}
	assert.Contains(t, lines[5], `value="5"`)
	assert.Contains(t, lines[5], ">5 — Completed</option>")
}
