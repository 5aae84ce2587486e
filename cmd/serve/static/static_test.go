package static_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/cmd/serve/static"
)

var site = fstest.MapFS{
	"index.html":       {Data: []byte("<html>home</html>")},
	"about.html":       {Data: []byte("<html>about</html>")},
	"app-worker.js":    {Data: []byte("// worker")},
	"web/app.wasm":     {Data: []byte("raw wasm")},
	"web/app.wasm.br":  {Data: []byte("br wasm")},
	"web/app.wasm.gz":  {Data: []byte("gz wasm")},
	"web/icon.png":     {Data: []byte("png")},
	"web/icon.png.gz":  {Data: []byte("never served")},
	"web/style.css":    {Data: []byte("body{}")},
	"web/style.css.gz": {Data: []byte("gz css")},
	"docs/index.html":  {Data: []byte("<html>docs</html>")},
}

func TestHandler(t *testing.T) {
	tests := []struct {
		name, method, path, acceptEncoding string
		wantStatus                         int
		wantBody, wantType, wantEncoding   string
		wantVary                           bool
	}{
		{name: "root", path: "/", wantStatus: 200, wantBody: "<html>home</html>", wantType: "text/html; charset=utf-8", wantVary: true},
		{name: "route", path: "/about", wantStatus: 200, wantBody: "<html>about</html>", wantType: "text/html; charset=utf-8", wantVary: true},
		{name: "dir index", path: "/docs", wantStatus: 200, wantBody: "<html>docs</html>", wantType: "text/html; charset=utf-8", wantVary: true},
		{name: "wasm raw", path: "/web/app.wasm", wantStatus: 200, wantBody: "raw wasm", wantType: "application/wasm", wantVary: true},
		{name: "wasm brotli", path: "/web/app.wasm", acceptEncoding: "gzip, deflate, br, zstd", wantStatus: 200, wantBody: "br wasm", wantType: "application/wasm", wantEncoding: "br", wantVary: true},
		{name: "wasm gzip", path: "/web/app.wasm", acceptEncoding: "gzip", wantStatus: 200, wantBody: "gz wasm", wantType: "application/wasm", wantEncoding: "gzip", wantVary: true},
		{name: "brotli refused", path: "/web/app.wasm", acceptEncoding: "br;q=0, gzip", wantStatus: 200, wantBody: "gz wasm", wantType: "application/wasm", wantEncoding: "gzip", wantVary: true},
		{name: "css without br", path: "/web/style.css", acceptEncoding: "br, gzip", wantStatus: 200, wantBody: "gz css", wantType: "text/css; charset=utf-8", wantEncoding: "gzip", wantVary: true},
		{name: "png never encoded", path: "/web/icon.png", acceptEncoding: "gzip", wantStatus: 200, wantBody: "png", wantType: "image/png"},
		{name: "worker", path: "/app-worker.js", wantStatus: 200, wantBody: "// worker", wantType: "text/javascript; charset=utf-8", wantVary: true},
		{name: "missing", path: "/nope.js", wantStatus: 404},
		{name: "dir without index", path: "/web", wantStatus: 404},
		{name: "dot dot", path: "/../../etc/passwd", wantStatus: 404},
		{name: "post", method: http.MethodPost, path: "/", wantStatus: 405},
	}
	h := static.Handler(site)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			req := httptest.NewRequest(method, tt.path, nil)
			if tt.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", tt.acceptEncoding)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			require.Equal(t, tt.wantStatus, res.StatusCode)
			if tt.wantStatus != 200 {
				return
			}
			assert.Equal(t, tt.wantBody, rec.Body.String())
			assert.Equal(t, tt.wantType, res.Header.Get("Content-Type"))
			assert.Equal(t, tt.wantEncoding, res.Header.Get("Content-Encoding"))
			assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
			if tt.wantVary {
				assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
			} else {
				assert.Empty(t, res.Header.Get("Vary"))
			}
		})
	}
}

func TestPrecompress(t *testing.T) {
	dir := t.TempDir()
	big := []byte(strings.Repeat("triggersim ", 500))
	files := map[string][]byte{
		"app.wasm":  big,
		"small.js":  []byte("x"),
		"icon.png":  big,
		"web/a.css": big,
	}
	for name, data := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	require.NoError(t, static.Precompress(dir))

	for _, name := range []string{"app.wasm", "web/a.css"} {
		gz, err := os.ReadFile(filepath.Join(dir, name+".gz"))
		require.NoError(t, err)
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		require.NoError(t, err)
		got, err := io.ReadAll(zr)
		require.NoError(t, err)
		assert.Equal(t, big, got, name+".gz")

		br, err := os.ReadFile(filepath.Join(dir, name+".br"))
		require.NoError(t, err)
		got, err = io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
		require.NoError(t, err)
		assert.Equal(t, big, got, name+".br")
	}
	for _, name := range []string{"small.js.gz", "icon.png.gz", "icon.png.br"} {
		assert.NoFileExists(t, filepath.Join(dir, name))
	}

	// Deterministic: a second run writes the same bytes.
	first, err := os.ReadFile(filepath.Join(dir, "app.wasm.gz"))
	require.NoError(t, err)
	require.NoError(t, static.Precompress(dir))
	second, err := os.ReadFile(filepath.Join(dir, "app.wasm.gz"))
	require.NoError(t, err)
	assert.Equal(t, first, second)
}

func TestPrecompressNotDir(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(f, nil, 0o644))
	assert.ErrorIs(t, static.Precompress(f), static.ErrNotDir)
}

func TestContentType(t *testing.T) {
	assert.Equal(t, "application/wasm", static.ContentType("web/app.wasm"))
	assert.Equal(t, "application/manifest+json", static.ContentType("manifest.webmanifest"))
	assert.Equal(t, "application/octet-stream", static.ContentType("x.unknown"))
}

// TestBrotliWindow pins the window the stream header declares: WBITS 24, the
// largest standard window every browser decodes (RFC 7932 section 9.1: a 1
// bit, then 0b111 in the next three bits, means 17+7).
func TestBrotliWindow(t *testing.T) {
	br, err := static.Brotli([]byte(strings.Repeat("triggersim ", 500)))
	require.NoError(t, err)
	require.NotEmpty(t, br)
	assert.Equal(t, byte(0x0F), br[0]&0x0F, "WBITS 24 in the first byte")
	assert.Equal(t, 24, static.BrotliWindow)
}
