//go:build !(js && wasm)

package engine_test

import (
	"os"
	"path/filepath"
	"strconv"
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
	require.Contains(t, marker.Reason, strconv.Itoa(full.Omitted()))
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

// TestDelayLoops: a loop across time is called after 10 laps, per item,
// with its period, in both languages; the work is counted in steps.
func TestDelayLoops(t *testing.T) {
	tests := []struct {
		file     string
		lang     string
		maxSteps int
		loops    map[string]string // target → a piece of the loop entry's reason
	}{
		{"testdata/scenarios/139_loop_delay_detected.json", "en", 60, map[string]string{
			"DEAL_1": "DEAL_1 loops across time: every 20m it comes back to the same state (stage, fields and waiting robots); the lap: r-forth → EXECUTING, r-back → PREPARATION",
			"DEAL_2": "the lap: r-back → PREPARATION, r-forth → EXECUTING",
		}},
		{"testdata/scenarios/139_loop_delay_detected.json", "ru", 60, map[string]string{
			"DEAL_1": "DEAL_1 ходит по кругу с задержками: каждые 20m повторяется то же состояние",
			"DEAL_2": "симулятор остановил роботов элемента после 10 кругов подряд",
		}},
		// The event a day ahead can end the loop, so the loop is not cut.
		{"testdata/scenarios/140_loop_delay_event_ahead.json", "en", 60, map[string]string{}},
		{"../cmd/triggersim/testdata/hostile/loop_ping_pong.json", "en", 30, map[string]string{"DEAL_1": "after 10 laps in a row"}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file)+"/"+tt.lang, func(t *testing.T) {
			sc := readScenario(t, tt.file)
			s, err := engine.New(sc, engine.Options{Lang: tt.lang})
			require.NoError(t, err)
			s.Run()
			require.LessOrEqual(t, s.Steps(), tt.maxSteps)
			require.False(t, s.Stopped(), "the step guard must not be what stops it")
			loops := findLog(s.Result(), func(e engine.LogEntry) bool { return e.Type == engine.LogLoop })
			require.Len(t, loops, len(tt.loops))
			for _, e := range loops {
				want, ok := tt.loops[e.Target]
				require.True(t, ok, "unexpected loop entry on %s", e.Target)
				require.Contains(t, e.Reason, want)
				require.Len(t, e.Cycle, 2)
			}
			// The run is deterministic and the same without a log.
			bare, err := engine.New(sc, engine.Options{NoLog: true})
			require.NoError(t, err)
			bare.Run()
			require.Equal(t, s.Steps(), bare.Steps())
		})
	}
}
