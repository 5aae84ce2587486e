package engine

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {5, "5"}, {999, "999"}, {1000, "1 000"}, {50000, "50 000"}, {100000, "100 000"},
		{1250.5, "1 250.5"}, {-1234567, "-1 234 567"}, {0.25, "0.25"}, {1e9, "1 000 000 000"},
	}
	for _, tt := range tests {
		got := FormatNumber(tt.in)
		assert.Equal(t, tt.want, got, "FormatNumber(%v) = %q, want %q", tt.in, got, tt.want)
	}
}

// plainNumber's integer path writes what strconv.FormatFloat writes, on
// either side of its bounds, and for every integer FuzzPlainNumber tries.
func TestPlainNumberIsFormatFloat(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 7, 1e15, -1e15, 1 << 52, 1<<53 - 1, -(1<<53 - 1),
		1 << 53, -(1 << 53), 1<<53 + 2, 1e21, 123456789012345680, 0.5, -0.5, 1250.5, 1e-7, math.MaxFloat64,
		math.SmallestNonzeroFloat64} {
		assert.Equal(t, strconv.FormatFloat(f, 'f', -1, 64), plainNumber(f), "%v", f)
	}
}

func FuzzPlainNumber(f *testing.F) {
	for _, v := range []float64{0, 1, -1, 1e15, 1<<53 - 1, 1 << 53, 0.1} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		require.Equal(t, strconv.FormatFloat(v, 'f', -1, 64), plainNumber(v), "%v", v)
		if i := math.Trunc(v); math.Abs(i) < 1<<60 {
			require.Equal(t, strconv.FormatFloat(i, 'f', -1, 64), plainNumber(i), "%v", i)
		}
	})
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		typ  string
		v    any
		want string
	}{
		{FieldMoney, 50000.0, "50 000"},
		{FieldMoney, "1250.5|RUB", "1 250.5 RUB"},
		{FieldNumber, "100000", "100 000"},
		{FieldNumber, "abc", "abc"},
		{"", 12345.0, "12 345"},
		{FieldUser, 12345.0, "12345"},
		{FieldString, 12345.0, "12345"},
		{FieldString, "Заказ", "Заказ"},
		{FieldString, "", "—"},
		{FieldString, nil, "—"},
		{FieldString, []any{}, "—"},
		{FieldString, []any{"a", "b"}, "a, b"},
		{FieldBool, true, "Y"},
		{FieldBool, false, "N"},
		{FieldDate, "2026-01-12", "2026-01-12"},
		{FieldDate, time.Date(2026, 1, 12, 10, 0, 0, 0, time.UTC), "2026-01-12"},
		{FieldDateTime, time.Date(2026, 1, 12, 10, 0, 0, 0, time.UTC), "2026-01-12T10:00:00Z"},
		{FieldString, map[string]any{}, "map[]"},
	}
	for _, tt := range tests {
		got := FormatValue(tt.typ, tt.v)
		assert.Equal(t, tt.want, got, "FormatValue(%q, %#v) = %q, want %q", tt.typ, tt.v, got, tt.want)
	}
}

func TestReasonText(t *testing.T) {
	tests := []struct {
		r      Reason
		ru, en string
	}{
		{Reason{Code: "url_prefix", Args: []string{"https://a/x", "https://b/"}},
			"ссылка https://a/x не начинается с https://b/", "link https://a/x does not start with https://b/"},
		{Reason{Code: "msg_text", Args: []string{"цена"}},
			"сообщение не содержит «цена»", "the message does not contain «цена»"},
		// missing arguments print as "?" rather than %!s(MISSING)
		{Reason{Code: "form"}, "форма ? — не форма триггера ?", "form ? is not the trigger's form ?"},
		// unknown codes keep their data
		{Reason{Code: "some.code", Args: []string{"a", "b"}}, "some.code: a, b", "some.code: a, b"},
		{Reason{Code: "bare"}, "bare", "bare"},
		// parts are joined and passed as the last argument
		{Reason{Code: "condition_false", Parts: []Reason{
			{Code: "clause_>", Args: []string{"A", "1", "2"}},
			{Code: "clause_=", Args: []string{"B", "x", "y"}}}},
			"условие не выполнено: A (1) > 2 — ложь; или B (x) = y — ложь",
			"condition false: A (1) > 2 is false; or B (x) = y is false"},
	}
	for _, tt := range tests {
		got := tt.r.Text("ru")
		assert.Equal(t, tt.ru, got, "%+v ru = %q, want %q", tt.r, got, tt.ru)
		got = tt.r.Text("en")
		assert.Equal(t, tt.en, got, "%+v en = %q, want %q", tt.r, got, tt.en)
	}
	assert.False(t, !(Reason{}).IsZero() || (Reason{Code: "x"}).IsZero(), "IsZero")
}

// Every sentence of the engine has text in both languages with the same
// parameters and placeholders, so a translation never drops an argument
// (package text checks the files; this runs it over the engine's).
func TestTextsComplete(t *testing.T) {
	assert.Empty(t, Texts.Problems())
	assert.Greater(t, len(Texts.Keys()), 100, "the catalog was not read")
}

// Every reason code the engine emits has a sentence: the codes are found
// in the sources as Code: "…" literals.
func TestReasonCodesHaveTexts(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	re := regexp.MustCompile(`Code: "([a-zA-Z_.]+[a-zA-Z_])"`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			code := m[1]
			if strings.HasSuffix(code, ".") || strings.ToUpper(code) == code {
				continue // a prefix completed at run time, or a trigger or log code
			}
			seen++
			assert.True(t, Texts.HasIn("ru", code) && Texts.HasIn("en", code), "%s: reason code %s has no text", f, code)
		}
	}
	assert.Greater(t, seen, 50)
}

func TestRobotAndTriggerNames(t *testing.T) {
	assert.Equal(t, "Изменить стадию", RobotTypeName(RobotChangeStage, "ru"))
	assert.Equal(t, "Change stage", RobotTypeName(RobotChangeStage, "en"))
	assert.Equal(t, "Custom", RobotTypeName("Custom", "en"))
	for _, typ := range robotTypes {
		assert.NotEqual(t, typ, RobotTypeName(typ, "ru"), "%s has no Russian name", typ)
		assert.NotEqual(t, typ, RobotTypeName(typ, "en"), "%s has no English name", typ)
	}
	assert.Equal(t, "Изменены поля", TriggerName("FIELD_CHANGED", "ru"))
	assert.Equal(t, "Fields changed", TriggerName("FIELD_CHANGED", "en"))
	assert.Equal(t, "NOPE", TriggerName("NOPE", "en"))
	assert.Equal(t, "Fields changed", Reason{Code: "trigger.name.FIELD_CHANGED"}.Text("en"))
}

func TestFormatNumberLang(t *testing.T) {
	tests := []struct {
		lang string
		in   float64
		want string
	}{
		{"ru", 1000, "1 000"}, {"en", 1000, "1,000"}, {"en", 1250.5, "1,250.5"},
		{"en", -1234567, "-1,234,567"}, {"en", 999, "999"}, {"", 50000, "50 000"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FormatNumberLang(tt.lang, tt.in), "FormatNumberLang(%q, %v)", tt.lang, tt.in)
	}
	assert.Equal(t, "1,000 RUB", FormatValueLang("en", FieldMoney, "1000|RUB"))
	assert.Equal(t, "1 000 RUB", FormatValueLang("ru", FieldMoney, "1000|RUB"))
}

// TestReasonNumbersFollowLanguage: one reason, rendered in each language,
// writes its numbers that language's way; marks cut by clipping vanish.
func TestReasonNumbersFollowLanguage(t *testing.T) {
	r := Reason{Code: "expect.fieldWrong", Args: []string{"DEAL_1", "OPPORTUNITY", valueArg(FieldMoney, "1000|RUB"), "2000"}}
	assert.Equal(t, "DEAL_1: field OPPORTUNITY is 1,000 RUB, expected 2000", r.Text("en"))
	assert.Equal(t, "DEAL_1: поле OPPORTUNITY = 1 000 RUB, ожидалось 2000", r.Text("ru"))
	assert.Equal(t, "12345 x", localizeNumbers(numOpen+"12345 x", "en"))
	assert.Equal(t, "a 7 b", localizeNumbers("a "+numOpen+"7"+numClose+numClose+" b", "en"))
	long := valueArg("", []any{1e20, 1e20, 1e20})
	assert.Equal(t, Clip(FormatValue("", []any{1e20, 1e20, 1e20})), clipArg(long))
}

// The blank scenario reads, with its title as given (quotes and all) and a
// locale of the interface.
func TestBlankScenario(t *testing.T) {
	for _, tc := range []struct{ title, locale, want string }{
		{"Новый сценарий", "ru", "ru"}, {`"Q" & <A>`, "en", "en"}, {"x", "de", "ru"}, {"", "", "ru"},
	} {
		sc, err := ReadScenario(BlankScenario(tc.title, tc.locale))
		require.NoError(t, err, tc.title)
		assert.Equal(t, tc.title, sc.Title)
		assert.Equal(t, tc.want, sc.Locale)
		require.Len(t, sc.Entities, 1)
		assert.Equal(t, "DEAL", sc.Entities[0].Type)
	}
}
