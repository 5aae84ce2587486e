package langcheck

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProblems(t *testing.T) {
	assert.Empty(t, Problems(`строка 3: ожидалось "DEAL_5", а в файле 'x' и «ChangeStage»; JSON`))
	assert.Empty(t, Problems(`поле типа money`, "money"))
	assert.Empty(t, Problems(`поток в whatif.flows[0], id стадии, 2h30m`))
	assert.Equal(t, []string{"no Cyrillic in expected a stage", "English words expected, a, stage in expected a stage"},
		Problems("expected a stage"))
	assert.Equal(t, []string{"English words got in ожидалось 1, got 2"}, Problems("ожидалось 1, got 2"))
}
