package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTextsConsistent checks the command's catalog key for key: both
// languages have every key and the same placeholders, and no text is a
// printf format.
func TestTextsConsistent(t *testing.T) {
	assert.Empty(t, texts.Problems())
	assert.Greater(t, len(texts.Keys()), 30, "the catalog was not read")
}

func TestSayFillsByNameAndFallsBack(t *testing.T) {
	assert.Equal(t, "a.json: замечаний — 3 (ошибок: 1, предупреждений: 1, заметок: 1)",
		say("ru", "lint.summary", "file", "a.json", "n", "3", "errors", "1", "warnings", "1", "notes", "1"))
	assert.Equal(t, "a.json: 3 findings (1 errors, 1 warnings, 1 notes)",
		say("en", "lint.summary", "notes", "1", "warnings", "1", "errors", "1", "n", "3", "file", "a.json"))
	assert.Equal(t, "a.json: замечаний нет", say("de", "lint.none", "file", "a.json"), "any other language is Russian")
	assert.Equal(t, "no.such.key", say("en", "no.such.key"))
	assert.Equal(t, "en", explicit(""), "messages that were English only stay English without --lang")
	assert.Equal(t, "ru", explicit("ru"))
}
