package engine_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// readLint reads a scenario of testdata/lint.
func readLint(t *testing.T, name string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "lint", name))
	require.NoError(t, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err, "%s", name)
	return sc
}

// wantFinding is the part of a finding a table row asserts.
type wantFinding struct {
	code, severity, path string
}

func summary(fs []engine.Finding) []wantFinding {
	out := []wantFinding{}
	for _, f := range fs {
		out = append(out, wantFinding{f.Code, f.Severity, f.Path})
	}
	return out
}

// Every finding code has a scenario that triggers it (…_yes.json) and a
// close variant that does not (…_no.json); the no-variants are clean.
func TestLintFindings(t *testing.T) {
	tests := []struct {
		file   string
		mutate func(*engine.Scenario)
		want   []wantFinding
	}{
		{file: "trigger_first_stage_yes.json", want: []wantFinding{{engine.LintTriggerFirstStage, engine.SeverityError, "triggers[0]"}}},
		{file: "trigger_first_stage_no.json"},
		// ReadScenario refuses an unsupported code (see
		// TestLintUnsupportedFileRefused), so the Go variant is built here.
		{file: "trigger_unsupported_no.json", mutate: func(sc *engine.Scenario) { sc.Triggers[0].Code = "INVOICE" },
			want: []wantFinding{{engine.LintTriggerUnsupported, engine.SeverityError, "triggers[0].code"}}},
		{file: "trigger_unsupported_no.json", mutate: func(sc *engine.Scenario) { sc.Triggers[0].Code = "NO_SUCH_CODE" },
			want: []wantFinding{{engine.LintTriggerUnsupported, engine.SeverityError, "triggers[0].code"}}},
		{file: "trigger_unsupported_no.json"},
		{file: "trigger_unsatisfiable_yes.json", want: []wantFinding{{engine.LintTriggerUnsatisfiable, engine.SeverityWarning, "triggers[0].settings"}}},
		{file: "trigger_unsatisfiable_no.json"},
		{file: "trigger_unsatisfiable_fields_yes.json", want: []wantFinding{{engine.LintTriggerUnsatisfiable, engine.SeverityError, "triggers[0].settings.fields"}}},
		{file: "trigger_unsatisfiable_fields_no.json"},
		{file: "trigger_shadowed_yes.json", want: []wantFinding{{engine.LintTriggerShadowed, engine.SeverityWarning, "triggers[1]"}}},
		{file: "trigger_shadowed_no.json"},
		{file: "stage_unreachable_yes.json", want: []wantFinding{{engine.LintStageUnreachable, engine.SeverityWarning, "entities[0].pipelines[0].stages[2]"}}},
		{file: "stage_unreachable_no.json"},
		{file: "cycle_yes.json", want: []wantFinding{{engine.LintCycle, engine.SeverityWarning, "robots[0]"}}},
		{file: "cycle_no.json"},
		{file: "cycle_fields_yes.json", want: []wantFinding{{engine.LintCycle, engine.SeverityWarning, "robots[0]"}}},
		{file: "cycle_fields_no.json"},
		{file: "delay_under_min_yes.json", want: []wantFinding{{engine.LintDelayUnderMin, engine.SeverityWarning, "robots[0].delay"}}},
		{file: "delay_under_min_no.json"},
		{file: "delay_outside_worktime_yes.json", want: []wantFinding{{engine.LintDelayOutsideWorkTime, engine.SeverityWarning, "robots[0].delay"}}},
		{file: "delay_outside_worktime_no.json"},
		{file: "delay_outside_worktime_events_yes.json", want: []wantFinding{{engine.LintDelayOutsideWorkTime, engine.SeverityWarning, "robots[0].delay"}}},
		{file: "delay_outside_worktime_events_no.json"},
		{file: "field_not_watchable_yes.json", want: []wantFinding{{engine.LintFieldNotWatchable, engine.SeverityWarning, "triggers[0].settings.fields"}}},
		{file: "field_not_watchable_all_yes.json", want: []wantFinding{{engine.LintFieldNotWatchable, engine.SeverityError, "triggers[0].settings.fields"}}},
		{file: "field_not_watchable_no.json"},
		{file: "plan_limit_yes.json", want: []wantFinding{{engine.LintPlanLimit, engine.SeverityWarning, "entities[0]"}}},
		{file: "plan_limit_tasks_yes.json", want: []wantFinding{{engine.LintPlanLimit, engine.SeverityInfo, "triggers[0]"}}},
		{file: "plan_limit_no.json"},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d_%s", i, strings.TrimSuffix(tt.file, ".json")), func(t *testing.T) {
			sc := readLint(t, tt.file)
			if tt.mutate != nil {
				tt.mutate(sc)
			}
			fs := engine.Lint(sc)
			want := tt.want
			if want == nil {
				want = []wantFinding{}
			}
			if got := summary(fs); !reflect.DeepEqual(got, want) {
				for _, f := range fs {
					t.Logf("%s %s: %s", f.Code, f.Path, f.Message("en"))
				}
				require.FailNow(t, fmt.Sprintf("got %v, want %v", got, want))
			}
			for _, f := range fs {
				for _, lang := range []string{"ru", "en"} {
					m := f.Message(lang)
					assert.False(t, m == "" || strings.Contains(m, "lint.") || strings.Contains(m, "%!") || strings.Contains(m, "?"), "%s message in %s is incomplete: %q", f.Code, lang, m)
				}
				assert.NotEmpty(t, f.Entity, "%s names its place", f.Code)
			}
		})
	}
}

// The file with a code its entity type does not support is refused by the
// reader, which is why the lint finding is for scenarios built in Go.
func TestLintUnsupportedFileRefused(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "lint", "trigger_unsupported_yes.json"))
	require.NoError(t, err)
	_, err = engine.ReadScenario(data)
	require.ErrorIs(t, err, engine.ErrInvalid, "ReadScenario accepted an unsupported trigger code: %v", err)
}

// One finding in full: both languages, the place in the file and in the
// scenario (app/lintview builds the designer's link from it).
func TestLintFirstStageTexts(t *testing.T) {
	fs := engine.Lint(readLint(t, "trigger_first_stage_yes.json"))
	require.Len(t, fs, 1, "got %d findings", len(fs))
	f := fs[0]
	assert.False(t, f.Entity != "DEAL" || f.Pipeline != 0 || f.Stage != "NEW" || f.Trigger != "t1" || f.Robot != "", "located at %+v", f)
	ru := "триггер t1 стоит на первой стадии NEW без «Разрешить переходить на предыдущий статус»: раньше первой стадии элементов не бывает, для элементов на ней самой триггер текущей стадии не проверяется, а для элементов дальше по воронке это переход назад — триггер никогда не сработает"
	en := "trigger t1 is on the first stage NEW without “allow moving back”: no item is ever before the first stage, an item on it skips the trigger of its current stage, and for items further on it is a move back, so it never fires"
	got := f.Message("ru")
	assert.Equal(t, ru, got, "ru:\n got %q\nwant %q", got, ru)
	got = f.Message("en")
	assert.Equal(t, en, got, "en:\n got %q\nwant %q", got, en)
}

// A cycle is drawn with its stages and the robots and triggers between
// them, in both languages.
func TestLintCycleDrawing(t *testing.T) {
	tests := []struct {
		file   string
		cycle  []string
		ru, en string
	}{
		{"cycle_yes.json", []string{"robot r-mail", "trigger t-sent", "robot r-back"},
			"PREPARATION →(r-mail Отправить письмо, t-sent Письмо отправлено)→ EXECUTING →(r-back Изменить стадию)→ PREPARATION",
			"PREPARATION →(r-mail Send email, t-sent Email sent)→ EXECUTING →(r-back Change stage)→ PREPARATION"},
		{"cycle_fields_yes.json", []string{"robot r-set-a", "trigger t-flag", "robot r-back"},
			"PREPARATION →(r-set-a Изменить элемент, t-flag Изменены поля)→ EXECUTING →(r-back Изменить стадию)→ PREPARATION",
			"PREPARATION →(r-set-a Modify item, t-flag Fields changed)→ EXECUTING →(r-back Change stage)→ PREPARATION"},
	}
	for _, tt := range tests {
		fs := engine.Lint(readLint(t, tt.file))
		require.False(t, len(fs) != 1 || fs[0].Code != engine.LintCycle, "%s: %v", tt.file, summary(fs))
		f := fs[0]
		assert.Equal(t, tt.cycle, f.Cycle, "%s: cycle %q, want %q", tt.file, f.Cycle, tt.cycle)
		assert.Contains(t, f.Message("ru"), tt.ru, "%s: ru %q does not draw %q", tt.file, f.Message("ru"), tt.ru)
		assert.Contains(t, f.Message("en"), tt.en, "%s: en %q does not draw %q", tt.file, f.Message("en"), tt.en)
	}
	// An immediate loop with a change-stage robot meets Bitrix24's
	// recursion guard; a delayed one does not.
	m := engine.Lint(readLint(t, "cycle_yes.json"))[0].Message("en")
	assert.Contains(t, m, "third robot move", "immediate loop: %q", m)
	m = engine.Lint(readLint(t, "cycle_fields_yes.json"))[0].Message("en")
	assert.Contains(t, m, "loops forever", "delayed loop: %q", m)
}

// Findings come sorted by path with indexes compared as numbers, and the
// same scenario always gives the same list.
func TestLintOrder(t *testing.T) {
	sc := readLint(t, "trigger_first_stage_yes.json")
	base := sc.Triggers[0]
	sc.Triggers = nil
	for i := 0; i < 12; i++ {
		tr := base
		tr.ID = fmt.Sprintf("t%d", i)
		sc.Triggers = append(sc.Triggers, tr)
	}
	fs := engine.Lint(sc)
	var paths []string
	for _, f := range fs {
		if f.Code == engine.LintTriggerFirstStage {
			paths = append(paths, f.Path)
		}
	}
	assert.False(t, len(paths) != 12 || paths[2] != "triggers[2]" || paths[10] != "triggers[10]", "paths %q", paths)
	again := engine.Lint(sc)
	assert.Equal(t, fs, again, "a second Lint gave another result")
}

// The shipped examples are linted without panics, and every finding points
// into the file and names its place.
func TestLintExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "the examples are missing")
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		sc, err := engine.ReadScenario(data)
		require.NoError(t, err, "%s", file)
		for _, f := range engine.Lint(sc) {
			assert.False(t, f.Path == "" || f.Entity == "" || f.Why.IsZero(), "%s: incomplete finding %+v", file, f)
		}
	}
}

// Linting a scenario and printing what to fix.
func ExampleLint() {
	sc, err := engine.ReadScenario([]byte(`{
	  "format": "triggersim/scenario", "version": 1,
	  "entities": [{"type": "DEAL"}],
	  "triggers": [{"id": "t1", "entity": "DEAL", "stage": "NEW", "code": "WEBHOOK"}],
	  "robots": [{"id": "r1", "entity": "DEAL", "stage": "NEW", "type": "Notify", "params": {"text": "…"},
	              "delay": {"type": "after", "value": 5, "unit": "m"}}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range engine.Lint(sc) {
		fmt.Println(f.Severity, f.Code, f.Path, f.Entity, f.Stage)
		fmt.Println(" ", f.Message("en"))
	}
	// Output:
	// warning DELAY_UNDER_MIN robots[0].delay DEAL NEW
	//   robot r1: a delay of 5 min is under the minimum; Bitrix24 runs it after 10 minutes
	// error TRIGGER_FIRST_STAGE triggers[0] DEAL NEW
	//   trigger t1 is on the first stage NEW without “allow moving back”: no item is ever before the first stage, an item on it skips the trigger of its current stage, and for items further on it is a move back, so it never fires
}

// BenchmarkLint lints a design with six triggers of different codes.
func BenchmarkLint(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "lint", "plan_limit_yes.json"))
	require.NoError(b, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(b, err)
	for b.Loop() {
		engine.Lint(sc)
	}
}
