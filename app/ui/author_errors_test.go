package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/internal/langcheck"
)

// The author page's open and save errors read in the interface language;
// the scenario reader's errors keep their places.
func TestAuthorErrorsInBothLanguages(t *testing.T) {
	_, readErr := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "start": "tomorrow"}`))
	require.Error(t, readErr)
	_, linkErr := teach.LessonLink("https://example.org", []byte(strings.Repeat("x", 1_100_000)))
	require.Error(t, linkErr)
	tests := []struct {
		name   string
		text   func(lang string) string
		en, ru string // a part of the text
	}{
		{"scenario gone", func(lang string) string {
			return authorOpenError(lang, fmt.Errorf("open s7: %w", storage.ErrNotExist))
		}, "no longer in this browser's storage", "больше нет в хранилище браузера"},
		{"storage unavailable", func(lang string) string {
			return authorOpenError(lang, fmt.Errorf("open s7: %w", storage.ErrUnavailable))
		}, "The scenario could not be opened: the browser's storage is unavailable.", "Не удалось открыть сценарий: "},
		{"solution not stored", func(lang string) string {
			return strings.Join(authorStoreError(lang, fmt.Errorf("store the new scenario: %w", storage.ErrQuotaExceeded)), "\n")
		}, "The lesson's solution could not be stored: the browser's storage is full", "Не удалось сохранить решение урока: "},
		{"solution not a scenario", func(lang string) string {
			return strings.Join(authorStoreError(lang, readErr), "\n")
		}, "The lesson's solution is not a valid scenario:\n", "Решение урока — неверный сценарий:\n"},
		{"link too large", func(lang string) string { return authorLinkError(lang, linkErr) },
			"The lesson is too large for a link: the scenario takes 1.1 MB", "Урок слишком велик для ссылки: сценарий занимает 1,1 МБ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, ru := tt.text("en"), tt.text("ru")
			t.Logf("en: %s\nru: %s", en, ru)
			assert.Contains(t, en, tt.en)
			assert.Contains(t, ru, tt.ru)
			assert.Empty(t, langcheck.Problems(ru, "start", "entities"))
		})
	}
	// The reader's error keeps its place in both languages.
	assert.Contains(t, strings.Join(authorStoreError("ru", readErr), "\n"), "start: ")
	assert.Contains(t, strings.Join(authorStoreError("en", readErr), "\n"), "start: ")
}

// The designer, the board and the what-if lab say why a stored scenario
// did not open in the interface language, never as Go's English error.
func TestOpenReasonInBothLanguages(t *testing.T) {
	_, readErr := engine.ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "start": "tomorrow"}`))
	require.Error(t, readErr)
	tests := []struct {
		name   string
		err    error
		en, ru string // a part of the text
	}{
		{"storage unavailable", fmt.Errorf("open s7: %w", storage.ErrUnavailable), "the browser's storage is unavailable", "хранилище"},
		{"storage full", fmt.Errorf("open s7: %w", storage.ErrQuotaExceeded), "the browser's storage is full", "хранилище"},
		{"stored scenario unreadable", fmt.Errorf("open s7: %w", readErr), "start: ", "start: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			en, ru := openReason("en", tt.err), openReason("ru", tt.err)
			assert.Contains(t, en, tt.en)
			assert.Contains(t, ru, tt.ru)
			assert.NotContains(t, ru, "open s7", "the Go error chain is not the message")
			assert.Empty(t, langcheck.Problems(ru, "start", "entities"))
		})
	}
}
