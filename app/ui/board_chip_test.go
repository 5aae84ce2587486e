package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/app/simulate"
)

// A chip's tooltip names the Bitrix24 type of a named robot or trigger,
// and never the code: an unnamed chip's name already is that type name.
func TestChipTitleShowsNamesNotCodes(t *testing.T) {
	assert.Equal(t, "Робот: Изменить стадию",
		chipTitle("Робот", simulate.Chip{Name: "Изменить стадию", Code: "ChangeStage", Kind: "Изменить стадию"}))
	assert.Equal(t, "Robot: Call back (Create task)",
		chipTitle("Robot", simulate.Chip{Name: "Call back", Code: "CreateTask", Kind: "Create task"}))
	assert.Equal(t, "Триггер: Звонок (Входящий звонок)",
		chipTitle("Триггер", simulate.Chip{Name: "Звонок", Code: "CALL", Kind: "Входящий звонок"}))
}
