//go:build js && wasm

package engine_test

import (
	"embed"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// The browser has no file system for the test, so the scenarios and the
// golden results made on the host are embedded.
//
//go:embed testdata/scenarios testdata/golden
var testdata embed.FS

// TestGoldenInWasm runs every scenario in WebAssembly (headless Chromium
// through wasmbrowsertest) and requires the result to be byte-identical to
// the golden file written on the host: the engine is deterministic across
// platforms, not only across runs.
func TestGoldenInWasm(t *testing.T) {
	names, err := fs.Glob(testdata, "testdata/scenarios/*.json")
	require.False(t, err != nil || len(names) == 0, "no embedded scenarios: %v", err)
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".json")
		t.Run(base, func(t *testing.T) {
			data, err := testdata.ReadFile(name)
			require.NoError(t, err)
			want, err := testdata.ReadFile("testdata/golden/" + base + ".json")
			require.NoError(t, err, "no golden result for %s", base)
			sc, err := engine.ReadScenario(data)
			require.NoError(t, err)
			res, err := engine.Run(sc, engine.Options{})
			require.NoError(t, err)
			got, err := engine.MarshalResult(res)
			require.NoError(t, err)
			assert.Equal(t, want, got, "%s: the wasm result differs from the host's golden file", base)
		})
	}
}
