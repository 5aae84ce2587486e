//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A reload continues the simulation where the user was: the clock, the
// items and the log come back from IndexedDB (issue "Keep and share
// work": simulation state survives a reload).
func TestStorageSimulationSurvivesReload(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "sim.json", scenarioJSON("Симуляция после перезагрузки")))
	b.waitRows(t, 1)
	row := b.rowSelector(t, "Симуляция после перезагрузки")
	b.click(t, row+` [data-testid="simulate"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	url := b.eval(t, `location.pathname + location.search`)
	assert.True(t, strings.HasPrefix(url, "/simulate?") && strings.Contains(url, "id=s"), "the board's address names the scenario: %s", url)

	click(t, b, `[data-target="DEAL_1"] [data-testid="card-fire"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="event-dialog"]')`)
	setSelect(t, b, `[data-testid="event-code"]`, "CALL")
	// The dialog shows the call's own data once go-app has seen the change.
	b.waitFor(t, `!!document.querySelector('input[data-key="LINE_NUMBER"]')`)
	click(t, b, `[data-testid="event-submit"]`)
	b.waitFor(t, stageOf("DEAL_1")+` === "PREPARATION"`)
	// The state is written off the UI goroutine; the board says when.
	b.waitFor(t, `!!document.querySelector('[data-sim-saved="true"]')`)

	b.open(t, base+url)
	b.waitFor(t, stageOf("DEAL_1")+` === "PREPARATION"`)
	b.waitFor(t, `document.querySelector('[data-testid="explain"]')?.textContent.includes("CALL") || document.querySelector('[data-testid="explain"]')?.textContent.includes("звонок")`)
	b.assertNoErrors(t)
}
