package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func lintFile(name string) string {
	return filepath.Join("..", "..", "engine", "testdata", "lint", name)
}

// `triggersim lint` exits 0 when nothing is found, 1 when an error or a
// warning is found, 2 for a file that is not a valid scenario; info
// findings are printed but do not fail.
func TestLintExitStatus(t *testing.T) {
	tests := []struct {
		args []string
		code int
		out  string // a piece of stdout
		err  string // a piece of stderr
	}{
		{[]string{"lint", lintFile("trigger_first_stage_no.json")}, 0, "замечаний нет", ""},
		{[]string{"lint", lintFile("trigger_first_stage_no.json"), "--lang", "en"}, 0, "no findings", ""},
		{[]string{"lint", lintFile("trigger_first_stage_yes.json")}, 1, "TRIGGER_FIRST_STAGE", ""},
		{[]string{"lint", "--lang", "en", lintFile("trigger_first_stage_yes.json")}, 1, "is on the first stage NEW", ""},
		{[]string{"lint", lintFile("cycle_yes.json"), "--lang=en"}, 1, "PREPARATION →(r-mail Send email, t-sent Email sent)→ EXECUTING", ""},
		{[]string{"lint", lintFile("delay_under_min_yes.json")}, 1, "/design?entity=DEAL&pipeline=0&stage=PREPARATION#robot-r-note", ""},
		{[]string{"lint", lintFile("plan_limit_tasks_yes.json")}, 0, "info    PLAN_LIMIT", ""},
		{[]string{"lint", lintFile("trigger_unsupported_yes.json")}, 2, "", "INVOICE is not available for LEAD"},
		{[]string{"lint", lintFile("no_such_file.json")}, 2, "", "no_such_file.json"},
		{[]string{"lint"}, 2, "", "lint needs exactly one FILE"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		assert.Equal(t, tt.code, code, "%v: exit %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.code, stdout.String(), stderr.String())
		assert.Contains(t, stdout.String(), tt.out, "%v: stdout %q lacks %q", tt.args, stdout.String(), tt.out)
		assert.Contains(t, stderr.String(), tt.err, "%v: stderr %q lacks %q", tt.args, stderr.String(), tt.err)
	}
}

// --json prints every finding with its place and its message in both
// languages, with the same exit status.
func TestLintJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"lint", "--json", lintFile("cycle_yes.json")}, &stdout, &stderr)
	require.EqualValues(t, 1, code, "exit %d: %s", code, stderr.String())
	var got struct {
		File     string
		Findings []struct {
			Code, Severity, Entity, Stage, Robot, Path, Link string
			Pipeline                                         int
			Cycle                                            []string
			Message                                          map[string]string
		}
	}
	err := json.Unmarshal(stdout.Bytes(), &got)
	require.NoError(t, err, "%v\n%s", err, stdout.String())
	require.Len(t, got.Findings, 1, "findings: %+v", got.Findings)
	f := got.Findings[0]
	assert.False(t, f.Code != "CYCLE" || f.Severity != "warning" || f.Path != "robots[0]" || f.Robot != "r-mail" ||
		strings.Join(f.Cycle, ",") != "robot r-mail,trigger t-sent,robot r-back", "finding %+v", f)
	assert.False(t, !strings.Contains(f.Message["ru"], "Отправить письмо") || !strings.Contains(f.Message["en"], "Send email"), "messages %q", f.Message)
	stdout.Reset()
	code = run([]string{"lint", "--json", lintFile("cycle_no.json")}, &stdout, &stderr)
	require.EqualValues(t, 0, code, "clean file: exit %d", code)
	assert.Contains(t, stdout.String(), `"findings": []`, "clean file JSON: %s", stdout.String())
}
