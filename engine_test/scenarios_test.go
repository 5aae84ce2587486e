//go:build !(js && wasm)

// Package engine_test is the black-box suite of the engine: one scenario
// file per rule of bitrix24-automation.md (sections 1–3) and of the
// scenario format page, each with expectations taken from the docs, plus
// golden results that pin the whole explanation log.
package engine_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/internal/golden"
)

// scenarioFiles lists testdata/scenarios/*.json in name order.
func scenarioFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no scenario files")
	return files
}

func readScenario(t *testing.T, file string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err, "reading %s", file)
	return sc
}

func runScenario(t *testing.T, sc *engine.Scenario) (*engine.Result, []byte) {
	t.Helper()
	res, err := engine.Run(sc, engine.Options{})
	require.NoError(t, err)
	out, err := engine.MarshalResult(res)
	require.NoError(t, err)
	return res, out
}

// failures describes the failing expectations of a result, and the log
// lines that explain them, for a failure message a person can act on.
func failures(sc *engine.Scenario, res *engine.Result) string {
	var b strings.Builder
	for _, e := range res.Expect {
		if e.Pass {
			continue
		}
		b.WriteString("  FAIL expect[")
		b.WriteString(strconv.Itoa(e.Index))
		b.WriteString("]")
		if e.Name != "" {
			b.WriteString(" (" + e.Name + ")")
		}
		b.WriteString(": " + e.Message + "\n")
	}
	b.WriteString("  log:\n")
	for _, l := range res.Log {
		line := "    " + l.At + " " + l.Type + " " + l.Target
		for _, part := range []string{l.Code, l.Trigger, l.Robot, l.Status, l.From, l.To, l.Text, l.Reason} {
			if part != "" {
				line += " | " + part
			}
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func TestScenarios(t *testing.T) {
	for _, file := range scenarioFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			sc := readScenario(t, file)
			require.NotEmpty(t, sc.Description, "every scenario says which rule it covers")
			require.NotEmpty(t, sc.Expect, "every scenario pins its rule with expectations")

			res, out := runScenario(t, sc)
			require.True(t, res.OK, "%s: expectations fail (%s)\n%s", file, sc.Description, failures(sc, res))

			// Determinism: the same scenario gives the same bytes.
			_, again := runScenario(t, sc)
			require.Equal(t, string(out), string(again), "two runs differ")

			golden.Check(t, filepath.Join("testdata", "golden", name+".json"), out)

			// Round trip: read → write → read → write is stable, and the
			// re-read scenario runs to the same result.
			w1, err := engine.WriteScenario(sc)
			require.NoError(t, err)
			sc2, err := engine.ReadScenario(w1)
			require.NoError(t, err, "re-reading the written scenario:\n%s", w1)
			w2, err := engine.WriteScenario(sc2)
			require.NoError(t, err)
			require.True(t, bytes.Equal(w1, w2), "write → read → write is not stable:\n%s\n---\n%s", w1, w2)
			_, out2 := runScenario(t, sc2)
			require.Equal(t, string(out), string(out2), "the re-read scenario runs differently")
		})
	}
}

// TestScenarioCount keeps the suite honest: at least one file per rule.
func TestScenarioCount(t *testing.T) {
	require.GreaterOrEqual(t, len(scenarioFiles(t)), 70)
}
