package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

func TestCalibrateCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "teply.json")
	h := "../../examples/history/"
	base := []string{"calibrate", "--categories", h + "categories.json", "--statuses", h + "statuses.json", "--history", h + "stagehistory.json"}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{append(base, "--deals", h+"deals.json", "-o", out), 0, "Доля созданных, закончивших на финальной стадии"},
		{append(base, "-o", out, "--json", "--runs", "2"), 0, `"transitionDiff"`},
		{append(base, "-o", out, "--lang", "en"), 0, "Earth mover's distance of cycle time"},
		{[]string{"calibrate", "--statuses", h + "statuses.json", "-o", out}, 2, "--history is required"},
		{[]string{"calibrate", "--history", h + "stagehistory.json", "-o", out}, 2, "--statuses is required"},
		{base, 2, "-o is required"},
		{[]string{"calibrate", "--statuses", h + "categories.json", "--history", h + "stagehistory.json", "-o", out}, 2, "cannot calibrate from the portal's history"},
		{[]string{"calibrate", "--statuses", h + "statuses.json", "--history", h + "nope.json", "-o", out}, 2, "nope.json"},
		{[]string{"calibrate", "--statuses", h + "statuses.json", "--history", h + "categories.json", "-o", out, "--lang", "ru"}, 2,
			"triggersim: нельзя откалибровать по истории портала: " + h + "categories.json: "},
		{[]string{"calibrate", "--bogus"}, 2, "unknown flag --bogus"},
		{[]string{"calibrate", "--help"}, 0, "crm.stagehistory.list"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			require.Equal(t, tt.code, code, "exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			assert.Contains(t, stdout.String()+stderr.String(), tt.want, "output lacks %q:\n%s%s", tt.want, stdout.String(), stderr.String())
		})
	}
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err, "the written scenario is not valid")
	require.False(t, sc.WhatIf == nil || len(sc.WhatIf.Flows) == 0, "the written scenario has no flows")
	// It runs with --runs like any other what-if scenario.
	var stdout, stderr bytes.Buffer
	code := run([]string{"whatif", out, "--runs", "2", "--days", "14"}, &stdout, &stderr)
	require.EqualValues(t, 0, code, "whatif on the calibrated scenario: %s", stderr.String())
}
