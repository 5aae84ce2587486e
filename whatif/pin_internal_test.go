package whatif

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/internal/golden"
)

// TestLargeRunsPinned pins what the two 10 000-item, 90-day runs of the
// benchmarks produce: the native one (benchScenario) and the browser's
// (e2e/testdata/whatif/bench-10k.json). Their KPIs JSON and both reports
// are kept whole in the golden file; the stage trace (every stage entry,
// a few megabytes) by its digest. Work on the runner's or the engine's
// speed must leave all of it byte for byte.
func TestLargeRunsPinned(t *testing.T) {
	if testing.Short() {
		t.Skip("two runs of 10 000 items")
	}
	browser, err := os.ReadFile(filepath.Join("..", "e2e", "testdata", "whatif", "bench-10k.json"))
	require.NoError(t, err)
	bsc, err := engine.ReadScenario(browser)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		sc   *engine.Scenario
	}{
		{"bench", benchScenario()},
		{"browser", bsc},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewRunner(tc.sc, Options{Trace: true})
			require.NoError(t, err)
			for r.Step(DefaultSteps) {
			}
			require.NoError(t, r.Err())
			k := r.KPIs()
			var out strings.Builder
			b, err := json.MarshalIndent(k, "", "  ")
			require.NoError(t, err)
			out.Write(b)
			out.WriteString("\n")
			for _, lang := range []string{"ru", "en"} {
				WriteReport(&out, tc.sc.Title, k, lang)
			}
			h := sha256.New()
			for _, s := range r.Trace() {
				fmt.Fprintf(h, "%d %s %s %s\n", s.Item, s.Entity, s.Stage, s.At.Format("2006-01-02T15:04:05.999999999Z07:00"))
			}
			fmt.Fprintf(&out, "trace: %d stage entries, sha256 %x\n", len(r.Trace()), h.Sum(nil))
			golden.Check(t, filepath.Join("testdata", "pinned", tc.name+"-10k90d.golden.txt"), []byte(out.String()))
		})
	}
}
