//go:build e2e

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A value the event dialog cannot use is refused in the interface
// language, with the data key it belongs to, and the dialog stays open.
func TestBoardEventDialogErrorInInterfaceLanguage(t *testing.T) {
	b, _ := openBoard(t)
	click(t, b, `[data-target="DEAL_1"] [data-testid="card-fire"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="event-dialog"]')`)
	setSelect(t, b, `[data-testid="event-code"]`, "TASK_STATUS")
	b.waitFor(t, `!!document.querySelector('input[data-key="fields"]')`)
	typeInto(t, b, `input[data-key="fields"]`, `{"TITLE": }`)
	click(t, b, `[data-testid="event-submit"]`)
	b.waitFor(t, `!!document.querySelector('[data-testid="event-dialog"] .form__error')`)
	assert.Equal(t, `fields: ожидался JSON, например {"a": 1} или ["x"]; текст ломается на символе 11`, b.text(t, `[data-testid="event-dialog"] .form__error`))
	b.assertNoErrors(t)
}
