package i18n_test

import (
	"errors"
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/i18n"
)

func TestPluralRussian(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "many"},
		{1, "one"},
		{2, "few"},
		{3, "few"},
		{4, "few"},
		{5, "many"},
		{10, "many"},
		{11, "many"},
		{12, "many"},
		{14, "many"},
		{15, "many"},
		{20, "many"},
		{21, "one"},
		{22, "few"},
		{24, "few"},
		{25, "many"},
		{101, "one"},
		{111, "many"},
		{112, "many"},
		{122, "few"},
		{1001, "one"},
		{-1, "one"},
		{-3, "few"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			assert.Equal(t, tt.want, i18n.Plural("ru", tt.n, "one", "few", "many"))
		})
	}
}

func TestPluralEnglish(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "many"},
		{1, "one"},
		{2, "many"},
		{21, "many"},
		{-1, "one"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			assert.Equal(t, tt.want, i18n.Plural("en", tt.n, "one", "few", "many"))
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ru", "ru"},
		{"RU", "ru"},
		{"en", "en"},
		{"en-US", "en"},
		{"en_GB", "en"},
		{" ru-RU ", "ru"},
		{"", "ru"},
		{"de", "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, i18n.Normalize(tt.in))
		})
	}
}

// TestLanguageNamesAlike: each language's name (lang.ru, lang.en, as the
// language switch shows it) is the same in every catalogue, so the switch
// may look the names up in the page's language.
func TestLanguageNamesAlike(t *testing.T) {
	for _, name := range i18n.Languages() {
		key := "lang." + name
		for _, lang := range i18n.Languages() {
			require.True(t, i18n.Has(lang, key), "%s has no %s", lang, key)
			assert.Equal(t, i18n.T(i18n.Languages()[0], key), i18n.T(lang, key), "%s in %s", key, lang)
		}
	}
}

func TestT(t *testing.T) {
	tests := []struct{ lang, key, want string }{
		{"ru", "home.title", "Сценарии"},
		{"en", "home.title", "Scenarios"},
		{"fr", "home.title", "Сценарии"},
		{"en", "no.such.key", "no.such.key"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.key, func(t *testing.T) {
			assert.Equal(t, tt.want, i18n.T(tt.lang, tt.key))
		})
	}
}

func TestFFillsByName(t *testing.T) {
	tests := []struct {
		lang, key string
		pairs     []any
		want      string
	}{
		{"ru", "course.imported", []any{"title", "Основы", "n", 3}, "Курс «Основы» импортирован: уроков — 3."},
		{"en", "course.imported", []any{"n", 3, "title", "Basics"}, "The course “Basics” is imported: 3 lessons."},
		{"ru", "lab.errRuns", []any{"max", 1000, "got", "x"}, "Повторов: нужно целое число от 1 до 1\u202f000, а не «x»."},
		{"en", "lab.errRuns", []any{"max", 1000, "got", "x"}, "Runs: expected a whole number from 1 to 1,000, not “x”."},
		{"en", "teach.error", []any{"error", errors.New("boom")}, "Failed: boom"},
		{"ru", "goal.max", []any{}, "не больше {n} триггеров"},
		{"en", "lab.runsTitle", []any{"runs", 5}, "Items per stage, mean of 5 runs and 95% interval"},
		{"ru", "lab.runsTitle", []any{"runs", 2.5}, "Элементов на стадиях, среднее за 2,5 прогонов и 95 % интервал"},
		{"en", "no.such.key", []any{"n", 1}, "no.such.key"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.key, func(t *testing.T) {
			assert.Equal(t, tt.want, i18n.F(tt.lang, tt.key, tt.pairs...))
		})
	}
}

// TestSameKeys keeps the two tables in step: a key added in one language
// only would silently show Russian text in the English interface.
func TestSameKeys(t *testing.T) {
	ru, en := i18n.Keys(i18n.RU), i18n.Keys(i18n.EN)
	sort.Strings(ru)
	sort.Strings(en)
	require.NotEmpty(t, ru)
	assert.Equal(t, ru, en)
}

// TestCatalogConsistent checks the catalog the app carries key for key:
// both languages have every key and the same {name} placeholders and no
// text is a printf format ("%s"). The files' own checks (a key defined
// twice across the parts, parameter lists that differ between the
// languages) run where the table is compiled from them: text.Compile
// refuses a catalog with problems (TestTableIsCurrent).
func TestCatalogConsistent(t *testing.T) {
	assert.Empty(t, i18n.Texts.Problems())
	assert.Greater(t, len(i18n.Texts.Keys()), 900, "the catalog was not read")
}

func ExamplePlural() {
	for _, n := range []int{1, 3, 11, 21, 25} {
		fmt.Println(n, i18n.Plural("ru", n, "сценарий", "сценария", "сценариев"))
	}
	// Output:
	// 1 сценарий
	// 3 сценария
	// 11 сценариев
	// 21 сценарий
	// 25 сценариев
}

func ExampleT() {
	fmt.Println(i18n.T("ru", "home.title"))
	fmt.Println(i18n.T("en-US", "home.title"))
	// Output:
	// Сценарии
	// Scenarios
}
