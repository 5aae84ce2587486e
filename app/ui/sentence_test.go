package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
		assert.Equal(t, want, sentence(in), in)
	}
}
