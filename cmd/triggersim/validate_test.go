package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestValidateSaysWhatItRead: a valid file is one line in the asked
// language, with what it holds counted in words that read right for any
// count (no "1 triggers").
func TestValidateSaysWhatItRead(t *testing.T) {
	const file = "../../examples/01-oplata-scheta.json"
	tests := map[string]string{
		"en": file + ": valid scenario (triggers: 1, robots: 1, items: 2, events: 1, expectations: 5)\n",
		"ru": file + ": сценарий в порядке: триггеров — 1, роботов — 1, элементов — 2, событий — 1, ожиданий — 5\n",
	}
	for lang, want := range tests {
		code, out, errs := runCLI("validate", file, "--lang", lang)
		assert.Equal(t, 0, code, errs)
		assert.Equal(t, want, out, lang)
		assert.Empty(t, errs, lang)
	}
}
