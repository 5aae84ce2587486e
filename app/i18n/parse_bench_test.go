package i18n

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/text"
)

// BenchmarkFirstRussianLookup is what a page in Russian pays as it starts:
// the catalog read from the embedded files and parsed on its first
// lookup (docs/performance.md, "Issue 12, thirteenth run"). Run it in wasm
// too, where the page runs it:
//
//	GOOS=js GOARCH=wasm go test -gcflags=all=-l -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" \
//		-run '^$' -bench FirstRussianLookup -benchtime 300x ./app/i18n/
func BenchmarkFirstRussianLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c := text.FromFS(textFiles, "texts")
		_, ok := c.Raw(RU, "hdr.nav")
		require.True(b, ok, "hdr.nav")
	}
}
