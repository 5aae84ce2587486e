//go:build !(js && wasm)

package engine_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/triggersim/triggersim/engine"
)

// FuzzReadScenario feeds the reader mutated scenario files: it must never
// panic, and whatever it accepts must write back to a file it accepts
// again (the format page: reading never panics; writing and re-reading
// gives an equal scenario).
func FuzzReadScenario(f *testing.F) {
	for _, dir := range []string{"scenarios", "invalid", "cli"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := engine.ReadScenario(data)
		if err != nil {
			return
		}
		out, err := engine.WriteScenario(sc)
		if err != nil {
			t.Fatalf("WriteScenario of an accepted scenario: %v", err)
		}
		if _, err := engine.ReadScenario(out); err != nil {
			t.Fatalf("re-reading the written scenario: %v\n%s", err, out)
		}
	})
}
