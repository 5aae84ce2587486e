//go:build e2e

package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/internal/wasmdata"
)

// TestFuncTabRestored: the built modules carry no function lookup table
// (cmd/wasmstrip), and web/findfunctab.js, as app.js carries it, writes
// into an instantiated module's memory the table internal/wasmdata
// rebuilds (which the build checked against the linker's own), for the
// page's module and for the what-if worker's.
func TestFuncTabRestored(t *testing.T) {
	dir := siteDir(t)
	base := serve(t, dir)
	b := newBrowser(t)
	b.open(t, base+"/")
	for _, name := range []string{"app.wasm", "labworker.wasm"} {
		wasm, err := os.ReadFile(filepath.Join(dir, "web", name))
		require.NoError(t, err)
		m, ok, err := wasmdata.ReadMeta(wasm)
		require.NoError(t, err)
		require.True(t, ok, "%s was built without its table (./build.sh runs cmd/wasmstrip)", name)
		lo, mem, err := wasmdata.ModuleImage(wasm)
		require.NoError(t, err)
		require.NoError(t, wasmdata.Restore(lo, mem, m))
		at := int(m.Table) - lo
		sum := sha256.Sum256(mem[at : at+m.TableBytes()])
		want := hex.EncodeToString(sum[:])

		got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`(async () => {
			const table = (instance) => new Uint8Array(instance.exports.mem.buffer, %d, %d);
			const hex = async (bytes) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes.slice())), (b) => b.toString(16).padStart(2, "0")).join("");
			const go = new Go();
			const { module, instance } = await WebAssembly.instantiateStreaming(fetch("/web/%s"), go.importObject);
			const empty = table(instance).every((b) => b === 0);
			triggersimRestoreFuncTab(module, instance);
			return [String(empty), await hex(table(instance))];
		})()`, m.Table, m.TableBytes(), name), chromedp.EvalAwaitPromise))
		require.NoError(t, err, name)
		assert.Equal(t, "true", got[0], "%s: its memory has no table before the loader writes it", name)
		assert.Equal(t, want, got[1], "%s: the table web/findfunctab.js writes", name)
	}
	b.assertNoErrors(t)
}
