package main

import (
	"bytes"
	"strings"
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
	assert.Equal(t, "a.json: findings: 3 (errors: 1, warnings: 1, notes: 1)",
		say("en", "lint.summary", "notes", "1", "warnings", "1", "errors", "1", "n", "3", "file", "a.json"))
	assert.Equal(t, "a.json: замечаний нет", say("de", "lint.none", "file", "a.json"), "any other language is Russian")
	assert.Equal(t, "no.such.key", say("en", "no.such.key"))
	assert.Equal(t, "en", explicit(""), "messages that were English only stay English without --lang")
	assert.Equal(t, "ru", explicit("ru"))
}

// TestUsageInTheAskedLanguage: a mistake on the command line and the usage
// are English without --lang, as before, and Russian with --lang ru
// wherever the flag stands.
func TestUsageInTheAskedLanguage(t *testing.T) {
	for _, tt := range []struct {
		args       []string
		want, lang string
	}{
		{[]string{"run", "x.json", "--bogus"}, "triggersim: unknown flag --bogus\nusage:\n", "en"},
		{[]string{"--lang", "ru", "run", "x.json", "--bogus"}, "triggersim: неизвестный флаг --bogus\nиспользование:\n", "ru"},
		{[]string{"whatif", "x.json", "--days", "0", "--lang=ru"}, "triggersim: --days: нужно целое число от 1 до 3650, а не \"0\"\nиспользование:\n", "ru"},
		{[]string{"whatif", "x.json", "--sweep", "x=1:2:0", "--lang=ru"}, "triggersim: --sweep: STEP: ожидалось число больше 0, а здесь 0\nиспользование:\n", "ru"},
		{[]string{"whatif", "x.json", "--sweep", "x=1:2:0"}, "triggersim: --sweep: STEP: expected a number above 0, got 0\nusage:\n", "en"},
		{[]string{"lesson", "--lang", "ru"}, "triggersim: lesson: нужно check LESSON.json [SOLUTION.json]\nиспользование:\n", "ru"},
		{[]string{"calibrate", "--lang", "en"}, "triggersim: --statuses is required: the saved output of crm.status.list\nusage:\n", "en"},
		{[]string{"run", "x.json", "--lang", "de"}, "triggersim: --lang must be ru or en, got \"de\"\nusage:\n", "en"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(tt.args, &out, &errOut), tt.args)
		assert.True(t, strings.HasPrefix(errOut.String(), tt.want), "%v: %s", tt.args, errOut.String())
		assert.Equal(t, tt.lang, explicit(langOf(tt.args)), tt.args)
	}
}
