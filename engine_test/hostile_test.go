//go:build !(js && wasm)

package engine_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

func readHostile(t *testing.T, name string) *engine.Scenario {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "cmd", "triggersim", "testdata", "hostile", name))
	require.NoError(t, err)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err)
	return sc
}

// TestBoundedLog: a run at the largest cascade limit logs far more than
// the log keeps; the kept log is the first MaxLogEntries entries, one
// "omitted" marker and at most 100 loop entries, while the counters that
// expectations and KPIs read are the same as in a run that logs nothing.
func TestBoundedLog(t *testing.T) {
	sc := readHostile(t, "log_flood.json")
	full, err := engine.New(sc, engine.Options{Lang: "en"})
	require.NoError(t, err)
	full.Run()
	bare, err := engine.New(sc, engine.Options{NoLog: true})
	require.NoError(t, err)
	bare.Run()

	log := full.Log()
	require.Greater(t, full.Omitted(), 100000, "the scenario must overflow the log by far")
	require.LessOrEqual(t, len(log), engine.MaxLogEntries+1+100)
	marker := log[engine.MaxLogEntries]
	require.Equal(t, engine.LogNote, marker.Type)
	require.Contains(t, marker.Reason, "log entries omitted")
	require.Contains(t, marker.Reason, itoa(full.Omitted()))
	for i, e := range log[engine.MaxLogEntries+1:] {
		require.Equal(t, engine.LogLoop, e.Type, "entry %d after the marker", i)
	}
	for i, e := range log {
		require.Equal(t, i+1, e.Seq, "seq numbers stay dense")
	}
	require.Equal(t, bare.Steps(), full.Steps())
	require.Equal(t, bare.Fired("DEAL_1", "t-to-exec"), full.Fired("DEAL_1", "t-to-exec"))
	require.Equal(t, bare.Ran("DEAL_1", "r-b"), full.Ran("DEAL_1", "r-b"))
	require.Greater(t, full.Fired("DEAL_1", "t-to-exec"), engine.MaxLogEntries, "the counter counts past the log")
}
