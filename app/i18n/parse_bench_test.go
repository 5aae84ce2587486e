package i18n

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/text"
)

// BenchmarkFirstRussianLookup is what a page in Russian pays for its first
// text as it starts: with the files parsed on the first lookup (what the
// app did until the fifteenth run), and with the compiled table the app
// carries (docs/performance.md, "Issue 12, fifteenth run"). Run it in
// wasm too, where the page runs it:
//
//	GOOS=js GOARCH=wasm go test -gcflags=all=-l -exec "$(go env GOROOT)/lib/wasm/go_js_wasm_exec" \
//		-run '^$' -bench FirstRussianLookup -benchtime 300x ./app/i18n/
func BenchmarkFirstRussianLookup(b *testing.B) {
	// The files are read once: the app embedded them, so its parse read
	// them from memory.
	entries, err := os.ReadDir("texts")
	require.NoError(b, err)
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile("texts/" + e.Name())
		require.NoError(b, err)
		files[e.Name()] = string(data)
	}
	for _, bb := range []struct {
		name    string
		catalog func() *text.Catalog
	}{
		{"files", func() *text.Catalog { return text.FromFiles(files) }},
		{"table", func() *text.Catalog { return text.FromTable(&table) }},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, ok := bb.catalog().Raw(RU, "hdr.nav")
				require.True(b, ok, "hdr.nav")
			}
		})
	}
}
