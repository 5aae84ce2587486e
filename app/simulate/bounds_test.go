package simulate

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// The board reads the engine's bounded log: the "omitted" marker and the
// loop entries of a runaway run show in words in both languages, and a
// delay loop is called without running to the step guard.
func TestBoardShowsBoundedLogAndDelayLoops(t *testing.T) {
	for _, tt := range []struct {
		file string
		want map[string]string // lang → text of some line
	}{
		{"../../cmd/triggersim/testdata/hostile/log_flood.json", map[string]string{
			"en": "log entries omitted", "ru": "пропущено записей журнала"}},
		{"../../cmd/triggersim/testdata/hostile/loop_ping_pong.json", map[string]string{
			"en": "DEAL_1 loops across time: every 20m", "ru": "DEAL_1 ходит по кругу с задержками"}},
	} {
		data, err := os.ReadFile(tt.file)
		require.NoError(t, err)
		sc, err := engine.ReadScenario(data)
		require.NoError(t, err)
		c, err := New(sc)
		require.NoError(t, err)
		for !c.RunToward(sc.Start.Add(3650*24*time.Hour), 1000) {
		}
		require.Less(t, len(c.Sim().Log()), engine.MaxLogEntries+200)
		for lang, want := range tt.want {
			lines, total := LogLines(c.Sim(), Filter{}, NewNames(sc), lang, 0)
			require.Equal(t, len(c.Sim().Log()), total)
			found := false
			for _, l := range lines {
				if strings.Contains(l.Text, want) {
					found = true
					break
				}
			}
			require.True(t, found, "%s %s: no line with %q", tt.file, lang, want)
		}
	}
}
