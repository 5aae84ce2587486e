package text_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/text"
)

func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"фоновый обработчик": "Фоновый обработчик",
		"cannot calibrate":   "Cannot calibrate",
		"Повторов: нужно":    "Повторов: нужно",
		"12 runs":            "12 runs",
		"\xff broken":        "\xff broken",
		"ёлка":               "Ёлка",
	} {
		assert.Equal(t, want, text.Sentence(in), in)
	}
}

func ExampleSentence() {
	fmt.Println(text.Sentence("стадия раньше текущей"))
	// Output: Стадия раньше текущей
}
