//go:build !(js && wasm)

package engine_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// TestInvalidScenarios checks that every file under testdata/invalid is
// refused with exactly the listed errors ("JSON path: message"), all of
// them, not only the first (format page, "Reading rules").
func TestInvalidScenarios(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"unknown_key", []string{`triggers[0].alowBackwards: unknown key`}},
		{"newer_version", []string{`version: version 2 is newer than this build reads (1)`}},
		{"missing_format", []string{`format: missing required key, expected "triggersim/scenario"`}},
		{"other_format", []string{`format: expected "triggersim/scenario", got "triggersim/project": this is not a triggersim scenario`}},
		{"no_entities", []string{`entities: missing required key, expected an array of entity types`}},
		{"not_json", []string{`(root): invalid JSON at line 2, column 1: unexpected end of input, expected a quoted object key`}},
		{"unknown_stage", []string{`items[0].stage: unknown stage "FOO" in DEAL`}},
		{"expect_two_things", []string{`expect[0]: "stage" or "field" cannot be combined: an expectation checks one thing`}},
		{"no_success_stage", []string{
			`entities[0].pipelines[0].stages[1].semantics: a failure stage must come after the success stage`,
			`entities[0].pipelines[0].stages: expected exactly one success stage, found none`,
		}},
		{"several_errors", []string{
			`locale: expected "ru" or "en", got "de"`,
			`triggers[0].code: unknown trigger code "CALLL"`,
			`events[0].at: expected an offset such as "+90m", "+2h30m" or "+1d4h", got "+3x"`,
		}},
		// Unsupported placements (section 1.2 "Entities" column, 6.2(11)):
		// the error names the JSON path and the types that do support it.
		{"invoice_on_lead", []string{`triggers[0].code: INVOICE is not available for LEAD; it works for DEAL`}},
		{"delivery_finished_on_order", []string{`triggers[0].code: DELIVERY_FINISHED is not available for ORDER; it works for DEAL`}},
		{"payment_on_deal", []string{`triggers[0].code: PAYMENT is not available for DEAL; it works for ORDER`}},
		{"shipment_changed_on_deal", []string{`triggers[0].code: SHIPMENT_CHANGED is not available for DEAL; it works for ORDER`}},
		{"task_status_on_order", []string{`triggers[0].code: TASK_STATUS is not available for ORDER; it works for LEAD, DEAL, QUOTE, SMART_INVOICE and smart processes (DYNAMIC_n)`}},
		{"openline_on_quote", []string{`triggers[0].code: OPENLINE is not available for QUOTE; it works for LEAD, DEAL, ORDER and smart processes (DYNAMIC_n)`}},
		{"visit_on_smart_process", []string{`triggers[0].code: VISIT is not available for DYNAMIC_128; it works for LEAD, DEAL and ORDER`}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "invalid", tt.file+".json"))
			require.NoError(t, err)
			sc, err := engine.ReadScenario(data)
			require.Error(t, err)
			require.Nil(t, sc, "an invalid file gives no scenario")
			require.True(t, errors.Is(err, engine.ErrInvalid), "errors.Is(err, engine.ErrInvalid): %v", err)
			var list engine.Errors
			require.True(t, errors.As(err, &list), "the error is engine.Errors: %T", err)
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			require.Equal(t, tt.want, got)
		})
	}
	// Every file in testdata/invalid has a row in the table.
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.json"))
	require.NoError(t, err)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		require.True(t, seen[name], "testdata/invalid/%s.json has no row in the table", name)
	}
}

// buildCLI builds cmd/triggersim into a temporary directory.
func buildCLI(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the CLI")
	}
	bin := filepath.Join(t.TempDir(), "triggersim")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/triggersim")
	cmd.Dir = ".."
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// TestCLIExitStatus checks the runner's contract (format page, "The
// command-line runner"): 0 when every expectation holds, 1 when one fails,
// 2 for an invalid file; flags before or after the file name.
func TestCLIExitStatus(t *testing.T) {
	bin := buildCLI(t)
	passing := filepath.Join("testdata", "scenarios", "001_email_link_prefix.json")
	failing := filepath.Join("testdata", "cli", "failing.json")
	invalid := filepath.Join("testdata", "invalid", "unknown_key.json")
	tests := []struct {
		name      string
		args      []string
		status    int
		stdout    []string // substrings of standard output
		stderr    []string // substrings of standard error
		notStdout []string
	}{
		{"run passing", []string{"run", passing}, 0, []string{"DEAL_1"}, nil, nil},
		{"run passing json flag after", []string{"run", passing, "--json"}, 0, []string{`"format": "triggersim/result"`, `"ok": true`}, nil, nil},
		{"run passing json flag before", []string{"--json", "run", passing}, 0, []string{`"ok": true`}, nil, nil},
		{"run failing", []string{"run", failing}, 1, []string{"ожидалась PREPARATION"}, nil, nil},
		{"run failing json", []string{"run", "--json", failing}, 1, []string{`"ok": false`, `"pass": false`}, nil, nil},
		{"run failing lang en after", []string{"run", failing, "--lang", "en"}, 1,
			[]string{"Expectations", "DEAL_1 ends in NEW, expected PREPARATION", "line +74950000002 is not the trigger's line +74950000001"},
			nil, []string{"Ожидания"}},
		{"run failing lang en before", []string{"--lang", "en", "run", failing}, 1, []string{"Expectations"}, nil, nil},
		{"run invalid", []string{"run", invalid}, 2, nil, []string{"triggers[0].alowBackwards: unknown key"}, nil},
		{"validate invalid", []string{"validate", invalid}, 2, nil, []string{"triggers[0].alowBackwards: unknown key"}, nil},
		{"validate passing", []string{"validate", passing}, 0, []string{"valid scenario"}, nil, nil},
		{"validate failing is still valid", []string{"validate", failing}, 0, nil, nil, nil},
		{"validate missing target is valid", []string{"validate", filepath.Join("testdata", "cli", "missing_target.json")}, 0, nil, nil, nil},
		{"run missing target fails", []string{"run", filepath.Join("testdata", "cli", "missing_target.json")}, 1, []string{"DEAL_9"}, nil, nil},
		{"run unsupported placement", []string{"run", filepath.Join("testdata", "invalid", "invoice_on_lead.json")}, 2, nil,
			[]string{"triggers[0].code: INVOICE is not available for LEAD; it works for DEAL"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			status := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				status = exit.ExitCode()
			} else {
				require.NoError(t, err)
			}
			require.Equal(t, tt.status, status, "exit status\nstdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
			for _, s := range tt.stdout {
				require.Contains(t, stdout.String(), s)
			}
			for _, s := range tt.stderr {
				require.Contains(t, stderr.String(), s)
			}
			for _, s := range tt.notStdout {
				require.NotContains(t, stdout.String(), s)
			}
		})
	}
}
