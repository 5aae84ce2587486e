package engine

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Reading errors render in the interface's language and keep their JSON
// path, line and column; the English text is the same as Error's.
func TestErrorsInBothLanguages(t *testing.T) {
	tests := []struct {
		name, file, en, ru string
	}{
		{"syntax", "{\n  \"format\": \"triggersim/scenario\",\n  \"version\" 1\n}",
			`(root): invalid JSON at line 3, column 13: unexpected character '1', expected ':' after an object key`,
			`(корень): неверный JSON в строке 3, столбце 13: встретился символ '1', а после ключа объекта ожидалось ':'`},
		{"truncated", `{"format": "triggersim/scenario", "version": 1, "entities": [`,
			`entities[0]: invalid JSON at line 1, column 62: unexpected end of input, expected a value`,
			`entities[0]: неверный JSON в строке 1, столбце 62: файл оборвался, а ожидалось значение`},
		{"empty", "  \n", `(root): the file is empty, expected a JSON object`, `(корень): файл пуст, ожидался объект JSON`},
		{"not a scenario", `{"format": "triggersim/result", "version": 1}`,
			`format: expected "triggersim/scenario", got "triggersim/result": this is not a triggersim scenario`,
			`format: ожидалось: "triggersim/scenario", а в файле: "triggersim/result" — это не сценарий triggersim`},
		{"newer", `{"format": "triggersim/scenario", "version": 99}`,
			`version: version 99 is newer than this build reads (1)`,
			`version: версия 99 новее той, что читает эта сборка (1)`},
		{"unknown key and wrong types", `{"format": "triggersim/scenario", "version": 1, "colour": 1, "entities": {}}`,
			"colour: unknown key\nentities: expected an array of entity types, got an object",
			"colour: неизвестный ключ\nentities: ожидалось: массив типов сущностей, а в файле: объект"},
		{"one of", `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL", "pipelines": [{"id": 0, "name": "P", "stages": [{"id": "A", "name": "A", "semantics": "won"}]}]}]}`,
			`entities[0].pipelines[0].stages[0].semantics: expected "process", "success" or "failure", got "won"`,
			`entities[0].pipelines[0].stages[0].semantics: ожидалось: "process", "success" или "failure", а в файле: "won"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadScenario([]byte(tt.file))
			require.Error(t, err)
			var es Errors
			require.True(t, errors.As(err, &es))
			es = es[:strings.Count(tt.en, "\n")+1] // the first errors are the ones under test
			assert.Equal(t, tt.en, es.Error())
			assert.Equal(t, tt.en, es.Text("en"))
			assert.Equal(t, tt.ru, es.Text("ru"))
		})
	}
}

// The capped list's last entry reads in both languages too.
func TestMoreErrorsInRussian(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format": "triggersim/scenario", "version": 1`)
	for i := range MaxErrors + 5 {
		b.WriteString(`, "k` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `": 1`)
	}
	b.WriteString(`}`)
	_, err := ReadScenario([]byte(b.String()))
	var es Errors
	require.True(t, errors.As(err, &es))
	require.Len(t, es, MaxErrors+1)
	assert.Equal(t, "… and more errors", es[MaxErrors].Text("en"))
	assert.Equal(t, "… и другие ошибки", es[MaxErrors].Text("ru"))
}

// Every error code the reader emits (addCode, syntax) has a text in both
// languages, with as many parameters as the call passes.
func TestErrorCodesHaveTexts(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	re := regexp.MustCompile(`(?:addCode\((?:[^,()]|\([^()]*\))+, |syntax\(|errCode\()"([a-zA-Z.]+)"[,)]`)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			seen++
			assert.True(t, Texts.HasIn("ru", m[1]) && Texts.HasIn("en", m[1]), "%s: error code %s has no text", f, m[1])
		}
	}
	assert.Greater(t, seen, 150)
}
