//go:build js && wasm

package engine_test

import (
	"bytes"
	"embed"
	"io/fs"
	"path"
	"strings"
	"testing"

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
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded scenarios: %v", err)
	}
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".json")
		t.Run(base, func(t *testing.T) {
			data, err := testdata.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			want, err := testdata.ReadFile("testdata/golden/" + base + ".json")
			if err != nil {
				t.Fatalf("no golden result for %s: %v", base, err)
			}
			sc, err := engine.ReadScenario(data)
			if err != nil {
				t.Fatal(err)
			}
			res, err := engine.Run(sc, engine.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := engine.MarshalResult(res)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the wasm result differs from the host's golden file", base)
			}
		})
	}
}
