//go:build e2e

package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLintInTheDesigner checks the designer's «Проверка»: the badge on the
// chip a finding is about, the panel with every finding, the links that
// show the chip, the English messages, and a rerun after an edit.
func TestLintInTheDesigner(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)

	// 08-loop has a loop of stages that needs no outside event.
	b.open(t, base+"/design?example=08-loop.json")
	badge := `[data-robot="r-napominanie"] [data-testid="lint-badge"]`
	b.waitFor(t, b.exists(badge))
	assert.Equal(t, "warning", b.eval(t, `document.querySelector('`+badge+`').dataset.severity`))
	assert.Contains(t, b.eval(t, `document.querySelector('`+badge+`').title`), "цикл без внешнего события")
	assert.Contains(t, b.eval(t, `document.querySelector('`+badge+`').getAttribute("aria-label")`), "Замечания проверки (1)")
	assert.Equal(t, "1 замечание", b.text(t, `[data-testid="lint-toggle-count"]`))

	// The badge opens the findings of its chip.
	b.click(t, badge)
	b.waitFor(t, b.exists(`[data-robot="r-napominanie"] [data-testid="lint-pop"] [data-code="CYCLE"]`))
	b.click(t, badge)
	b.waitFor(t, b.gone(`[data-testid="lint-pop"]`))

	// The panel lists the finding, the loop drawn as a chain.
	b.click(t, `[data-testid="lint-toggle"]`)
	row := `[data-testid="lint-panel"] [data-testid="lint-finding"][data-code="CYCLE"]`
	b.waitFor(t, b.exists(row))
	msg := b.text(t, row+` [data-testid="lint-message"]`)
	assert.Contains(t, msg, "CHECK →(r-napominanie Отправить письмо, t-pismo-ushlo Письмо отправлено)→ WAIT")
	assert.Equal(t, "robot r-napominanie|trigger t-pismo-ushlo|robot r-nazad-na-proverku", b.eval(t,
		`[...document.querySelectorAll('`+row+` .lint-chain__step')].map(s => s.textContent).join("|")`))
	assert.Equal(t, "/design?entity=DEAL&pipeline=0&stage=CHECK#robot-r-napominanie",
		b.eval(t, `document.querySelector('`+row+` [data-testid="lint-link"]').getAttribute("href")`))
	b.screenshot(t, "lint")

	// A step of the chain shows its trigger; the finding's link its robot.
	b.click(t, row+` a.lint-chain__step[href$="#trigger-t-pismo-ushlo"]`)
	b.waitFor(t, `document.querySelector('[data-trigger="t-pismo-ushlo"]').classList.contains("lint-target")`)
	b.click(t, row+` [data-testid="lint-link"]`)
	b.waitFor(t, `document.querySelector('[data-robot="r-napominanie"]').classList.contains("lint-target")`)
	b.waitFor(t, `document.activeElement && !!document.activeElement.closest('[data-robot="r-napominanie"]')`)
	assert.True(t, strings.HasSuffix(b.eval(t, `location.href`), "#robot-r-napominanie"))
	b.waitFor(t, b.exists(`[data-testid="lint-panel"]`))

	// English messages.
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-testid="lint-toggle-count"]').textContent === "1 finding"`)
	assert.Contains(t, b.text(t, row+` [data-testid="lint-message"]`), "a loop that needs no outside event: CHECK →(r-napominanie Send email")
	assert.Contains(t, b.eval(t, `document.querySelector('`+badge+`').title`), "a loop that needs no outside event")
	viewShot(t, b, "lint-en")

	// 06 has a robot 5 minutes after the stage entry: under Bitrix24's minimum.
	b.open(t, base+"/design?example=06-roboty-vykhodnye.json")
	badge = `[data-robot="r-kommentarii"] [data-testid="lint-badge"]`
	b.waitFor(t, b.exists(badge))
	row = `[data-testid="lint-finding"][data-code="DELAY_UNDER_MIN"]`
	b.waitFor(t, b.exists(row)) // the panel stays open
	assert.Equal(t, "robot r-kommentarii: a delay of 5 min is under the minimum; Bitrix24 runs it after 10 minutes",
		b.text(t, row+` [data-testid="lint-message"]`))
	assert.Contains(t, b.eval(t, `document.querySelector('`+badge+`').title`), "a delay of 5 min is under the minimum")

	// An in-app link (as from the command line's report) shows the robot.
	b.eval(t, `(goappNav("/design?entity=DEAL&pipeline=0&stage=PREPARATION#robot-r-kommentarii"), "")`)
	b.waitFor(t, `document.querySelector('[data-robot="r-kommentarii"]').classList.contains("lint-target")`)

	// Fixing the delay reruns the check: the badge and the finding go.
	b.click(t, `[data-robot="r-kommentarii"] .robot-chip__main`)
	b.waitFor(t, b.exists(`[data-testid="robot-dialog"]`))
	b.setValue(t, `[data-testid="delay-value"]`, "10")
	b.click(t, `[data-testid="robot-save"]`)
	b.waitFor(t, b.gone(`[data-testid="robot-dialog"]`))
	b.waitFor(t, b.gone(badge))
	b.waitFor(t, b.gone(row))
	b.assertNoErrors(t)
}
