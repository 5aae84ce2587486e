package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestLessonCheckBuiltIn(t *testing.T) {
	files, err := filepath.Glob("../../lessons/[re][un]/*.json")
	require.NoError(t, err)
	require.Len(t, files, 18)
	for _, f := range files {
		sol := filepath.Join("../../lessons/solutions", filepath.Base(filepath.Dir(f)), filepath.Base(f))
		code, out, errs := runCLI("lesson", "check", f, sol)
		assert.Equal(t, 0, code, "%s\n%s%s", f, out, errs)
	}
	code, out, _ := runCLI("lesson", "check", "../../lessons/en/01-first-trigger.json", "../../lessons/solutions/en/01-first-trigger.json")
	require.Equal(t, 0, code)
	assert.Equal(t, `../../lessons/en/01-first-trigger.json: lesson "01-first-trigger", 2 goals, 1 hints
start: 0/2
  ✘ after the call the deal is in Create papers: DEAL_1 ends in NEW, expected PREPARATION
  ✘ the robot "Prepare the contract" ran: robot r-dogovor never ran for DEAL_1
solution: 2/2
  ✔ after the call the deal is in Create papers: DEAL_1 ends in PREPARATION
  ✔ the robot "Prepare the contract" ran: robot r-dogovor ran for DEAL_1
✔ the goals fail at the start and hold on the solution
`, out)
}

// A lesson whose goals already hold at the start is refused (exit 1),
// with a message saying why.
func TestLessonCheckRefusesGoalsPassingAtStart(t *testing.T) {
	data, err := os.ReadFile("../../lessons/en/01-first-trigger.json")
	require.NoError(t, err)
	bad := strings.Replace(string(data), `"stage": "PREPARATION"}}`, `"stage": "NEW"}}`, 1)
	bad = strings.Replace(bad, `"ran": "r-dogovor"}}`, `"notRan": "r-dogovor"}}`, 1)
	f := filepath.Join(t.TempDir(), "lesson.json")
	require.NoError(t, os.WriteFile(f, []byte(bad), 0o644))
	code, out, _ := runCLI("lesson", "check", f, "../../lessons/solutions/en/01-first-trigger.json")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "✘ the lesson's goals already hold on the starting scenario: there is nothing for the trainee to do")
	assert.Contains(t, out, "✘ the author's solution does not meet the lesson's goals")
	code, out, _ = runCLI("lesson", "check", f, "../../lessons/solutions/en/01-first-trigger.json", "--lang", "ru")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "цели урока уже выполнены в исходном сценарии")
}

func TestLessonCheckBadInput(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte(`{"format": "triggersim/lesson", "version": 1, "id": "x", "title": {"de": "x"}}`), 0o644))
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"lesson"}, "lesson needs: check LESSON.json [SOLUTION.json]"},
		{[]string{"lesson", "check"}, "lesson needs"},
		{[]string{"lesson", "check", filepath.Join(dir, "none.json")}, "no such file"},
		{[]string{"lesson", "check", broken}, "title.de: unknown key"},
		{[]string{"lesson", "check", "../../lessons/en/01-first-trigger.json"}, `the lesson has no "solution"`},
		{[]string{"lesson", "check", "../../lessons/en/01-first-trigger.json", "../../lessons/en/02-conditions.json"}, "not a valid scenario"},
		{[]string{"lesson", "check", "../../lessons/en/01-first-trigger.json", "--lang", "de"}, "--lang must be ru or en"},
	}
	for _, c := range cases {
		code, _, errs := runCLI(c.args...)
		assert.Equal(t, 2, code, c.args)
		assert.Contains(t, errs, c.want, c.args)
	}
}

// TestInvalidInTheAskedLanguage: a file that is not a scenario is
// refused in the language --lang asks for, the reader's messages too; one
// error reads on one line, several one a line under a count.
func TestInvalidInTheAskedLanguage(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.json")
	require.NoError(t, os.WriteFile(one, []byte("{\"version\": 1\n"), 0o644))
	three := filepath.Join(dir, "three.json")
	require.NoError(t, os.WriteFile(three, []byte(`{"format":"triggersim/scenario","version":1,"pipelines":[],"items":"x"}`), 0o644))
	tests := []struct {
		file, lang string
		want       []string
	}{
		{one, "en", []string{one + ": not a valid scenario: version: invalid JSON at line 2, column 1: unexpected end of input, expected ',' or '}'\n"}},
		{one, "ru", []string{one + ": это не сценарий triggersim: version: неверный JSON в строке 2, столбце 1: файл оборвался, а ожидалась ',' или '}'\n"}},
		{three, "en", []string{three + ": not a valid scenario (3 errors):\n", "  pipelines: unknown key\n", "  entities: missing required key, expected an array of entity types\n", "  items: expected an array of items, got \"x\"\n"}},
		{three, "ru", []string{three + ": это не сценарий triggersim (ошибок: 3):\n", "  pipelines: неизвестный ключ\n", "  entities: нет обязательного ключа, ожидается: массив типов сущностей\n", "  items: ожидалось: массив элементов, а в файле: \"x\"\n"}},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"validate", "run"} {
			code, _, errs := runCLI(cmd, "--lang", tt.lang, tt.file)
			assert.Equal(t, 2, code, "%s %s %s", cmd, tt.lang, tt.file)
			for _, w := range tt.want {
				assert.Contains(t, errs, w, "%s %s", cmd, tt.lang)
			}
			assert.Equal(t, len(tt.want), strings.Count(errs, "\n"), "%s %s: %s", cmd, tt.lang, errs)
		}
	}
}
