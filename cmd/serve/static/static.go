// Package static serves the generated triggersim website: the right MIME
// type for wasm, precompressed variants when the client accepts them, and
// caching headers that let go-app's service worker see new versions.
//
// It is a package rather than code in cmd/serve so the end-to-end tests serve
// the site exactly as `./build.sh serve` does.
package static

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// contentTypes fixes the types the app depends on. The mime package reads
// /etc/mime.types, which a fresh machine may lack or disagree with, and a
// wasm served with the wrong type fails WebAssembly.instantiateStreaming.
var contentTypes = map[string]string{
	".wasm":        "application/wasm",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
}

// encodings lists the precompressed variants in order of preference: the
// file name suffix and the Content-Encoding token.
var encodings = []struct{ suffix, token string }{
	{".br", "br"},
	{".gz", "gzip"},
}

// ContentType returns the Content-Type served for a file name, or
// "application/octet-stream" for an unknown extension.
func ContentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// Handler serves the files of site. "/" and directories serve their
// index.html, and a path without an extension falls back to path + ".html"
// (go-app generates a page per route that way). When name.br or name.gz
// exists and the request accepts that encoding, the compressed bytes are
// sent with Content-Encoding and Vary: Accept-Encoding.
//
// Every response carries Cache-Control: no-cache: the browser revalidates
// with Last-Modified, and offline use goes through the service worker, which
// must always see the current app-worker.js to detect a new version.
func Handler(site fs.FS) http.Handler {
	return &handler{site: site}
}

type handler struct {
	site fs.FS
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := h.resolve(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}

	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Type", ContentType(name))
	w.Header().Set("X-Content-Type-Options", "nosniff")

	served := name
	if compressible(name) {
		w.Header().Add("Vary", "Accept-Encoding")
		for _, enc := range encodings {
			if !accepts(r.Header.Get("Accept-Encoding"), enc.token) || !isFile(h.site, name+enc.suffix) {
				continue
			}
			served = name + enc.suffix
			w.Header().Set("Content-Encoding", enc.token)
			break
		}
	}
	if err := h.serveFile(w, r, served); err != nil {
		w.Header().Del("Content-Encoding")
		http.Error(w, "cannot read "+served, http.StatusInternalServerError)
	}
}

// resolve maps a URL path to a file name in the site, following the
// index.html and ".html" conventions. It reports false when nothing matches.
func (h *handler) resolve(urlPath string) (string, bool) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	candidates := []string{name}
	if name == "." {
		candidates = []string{"index.html"}
	} else if path.Ext(name) == "" {
		candidates = append(candidates, name+".html", path.Join(name, "index.html"))
	}
	for _, c := range candidates {
		if isFile(h.site, c) {
			return c, true
		}
	}
	return "", false
}

// serveFile sends one file with http.ServeContent, which handles HEAD,
// Range and If-Modified-Since.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string) error {
	f, err := h.site.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		content = bytes.NewReader(b)
	}
	http.ServeContent(w, r, name, info.ModTime(), content)
	return nil
}

func isFile(site fs.FS, name string) bool {
	info, err := fs.Stat(site, name)
	return err == nil && info.Mode().IsRegular()
}

// compressible reports whether name is a type that is worth precompressing;
// images are compressed already.
func compressible(name string) bool {
	switch path.Ext(name) {
	case ".wasm", ".js", ".css", ".html", ".json", ".webmanifest", ".svg", ".txt", ".xml":
		return true
	}
	return false
}

// accepts reports whether an Accept-Encoding header value allows token,
// honouring an explicit q=0.
func accepts(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), token) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	return false
}
