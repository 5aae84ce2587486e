package sitegen_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/sitegen"
)

func TestSortAttributes(t *testing.T) {
	tests := []struct {
		name, in, want, wantErr string
	}{
		{name: "sorted", in: `<a class="x" href="/">t</a>`, want: `<a class="x" href="/">t</a>`},
		{name: "unsorted", in: `<meta property="og:image" content="x">`, want: `<meta content="x" property="og:image">`},
		{name: "boolean", in: `<script src="/a.js" defer></script>`, want: `<script defer src="/a.js"></script>`},
		{name: "quoted quote", in: `<p title="a \"b\" >" class="c">`, want: `<p class="c" title="a \"b\" >">`},
		{name: "cyrillic", in: `<div aria-label="Язык" role="group">Сценарии</div>`, want: `<div aria-label="Язык" role="group">Сценарии</div>`},
		{name: "doctype and text", in: "<!doctype html>\n<p>1 &lt; 2</p>", want: "<!doctype html>\n<p>1 &lt; 2</p>"},
		{name: "newlines", in: "<img\n  src=\"a\"\n  alt=\"\">", want: `<img alt="" src="a">`},
		{name: "self closing", in: `<br id="b" class="a"/>`, want: `<br class="a" id="b"/>`},
		{name: "script body kept", in: `<script b="1" a="2">if (a<b) {}</script>`, want: `<script a="2" b="1">if (a<b) {}</script>`},
		{name: "lone lt", in: `a < b`, want: `a < b`},
		{name: "unclosed tag", in: `<a href="x"`, wantErr: "<a> is not closed"},
		{name: "bad value", in: `<a href='x'>`, wantErr: "not Go-quoted"},
		{name: "unclosed script", in: `<script>x`, wantErr: "<script> is not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sitegen.SortAttributes([]byte(tt.in))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func FuzzSortAttributes(f *testing.F) {
	f.Add(`<meta property="og:image" content="x"><p>t</p>`)
	f.Add(`<script defer src="/a.js"></script>`)
	f.Fuzz(func(t *testing.T, in string) {
		once, err := sitegen.SortAttributes([]byte(in))
		if err != nil {
			return
		}
		twice, err := sitegen.SortAttributes(once)
		require.NoError(t, err, "sorted output must parse again")
		assert.Equal(t, string(once), string(twice), "sorting must be idempotent")
	})
}

func TestCanonicalizeFilesAndCopyDir(t *testing.T) {
	src := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(src, "sub"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(src, "sub", "page.html"), []byte(`<a href="/" class="x"></a>`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(src, "app.css"), []byte(`a{}`), 0o644))

	dst := filepath.Join(t.TempDir(), "out")
	require.NoError(t, sitegen.CopyDir(dst, src))
	require.NoError(t, sitegen.CanonicalizeFiles(dst))

	page, err := os.ReadFile(filepath.Join(dst, "sub", "page.html"))
	require.NoError(t, err)
	assert.Equal(t, `<a class="x" href="/"></a>`, string(page))
	css, err := os.ReadFile(filepath.Join(dst, "app.css"))
	require.NoError(t, err)
	assert.Equal(t, `a{}`, string(css))
}

func ExampleSortAttributes() {
	out, _ := sitegen.SortAttributes([]byte(`<link type="text/css" rel="stylesheet" href="/web/triggersim.css">`))
	fmt.Println(string(out))
	// Output:
	// <link href="/web/triggersim.css" rel="stylesheet" type="text/css">
}
