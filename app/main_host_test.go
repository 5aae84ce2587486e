//go:build !js

package main

import (
	"image/png"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// servedAppJS is the app.js go-app serves for the app's handler, before
// generate's edits.
func servedAppJS(t *testing.T) []byte {
	t.Helper()
	rec := httptest.NewRecorder()
	handler("test").ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
	require.Equal(t, 200, rec.Code)
	js, err := io.ReadAll(rec.Body)
	require.NoError(t, err)
	return js
}

// TestStreamWasm runs streamWasm on the app.js go-app serves for the
// app's handler: the wasm's fetch goes to instantiateStreaming as it is.
func TestStreamWasm(t *testing.T) {
	js := servedAppJS(t)
	require.Contains(t, string(js), wasmFetch, "go-app's app.js as streamWasm expects it")

	got, err := streamWasm(string(js))
	require.NoError(t, err)
	assert.NotContains(t, got, wasmFetch)
	assert.Contains(t, got, "instantiateStreaming(\n      fetch(\"/web/app.wasm\"),\n      go.importObject")

	_, err = streamWasm("console.log(1)")
	assert.ErrorContains(t, err, "app.js changed")
}

// TestLoadStorageEarly: app.js reads localStorage after it has started
// the wasm's compilation and before it waits for it.
func TestLoadStorageEarly(t *testing.T) {
	js, err := streamWasm(string(servedAppJS(t)))
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(js, wasmInstantiate), "go-app's app.js as loadStorageEarly expects it")

	got, err := loadStorageEarly(js)
	require.NoError(t, err)
	start := strings.Index(got, "instantiateStreaming(\n      fetch(\"/web/app.wasm\")")
	call := strings.Index(got, "triggersimLoadLocalStorage();")
	wait := strings.Index(got, "const wasm = await compiling;")
	require.Positive(t, start)
	assert.Less(t, start, call, "the compilation starts first")
	assert.Less(t, call, wait, "the storage loads before the page waits")
	assert.Equal(t, 1, strings.Count(got, "function triggersimLoadLocalStorage()"))
	assert.Contains(t, got, "window.localStorage.length;")

	_, err = loadStorageEarly(got)
	assert.ErrorContains(t, err, "app.js changed", "a second pass finds nothing to change")
}

// TestRegisterWhenReady runs registerWhenReady on the app.js go-app
// serves: the worker is no longer registered as the script starts, but by
// the function it adds, once body[data-ready] is set.
func TestRegisterWhenReady(t *testing.T) {
	js := servedAppJS(t)
	require.Equal(t, 1, strings.Count(string(js), workerStart), "go-app's app.js as registerWhenReady expects it")

	got, err := registerWhenReady(string(js))
	require.NoError(t, err)
	assert.NotContains(t, got, workerStart, "registered as the script starts")
	assert.Equal(t, 1, strings.Count(got, whenReady), "registered when ready")
	assert.Equal(t, 1, strings.Count(got, "function goappRegisterWhenReady()"))
	assert.Equal(t, 1, strings.Count(got, "goappInitServiceWorker();"), "called once, by goappRegisterWhenReady")
	assert.Contains(t, got, `document.body.dataset.ready === "1"`)

	_, err = registerWhenReady("console.log(1)")
	assert.ErrorContains(t, err, "app.js changed")
	_, err = registerWhenReady(got)
	assert.ErrorContains(t, err, "app.js changed", "a second pass finds no start to move")
}

// TestRestoreFuncTab: app.js writes the function lookup table into the
// module's memory after instantiating it and before starting the program.
func TestRestoreFuncTab(t *testing.T) {
	js := string(servedAppJS(t))
	require.Equal(t, 1, strings.Count(js, goRun), "go-app's app.js as restoreFuncTab expects it")
	got, err := restoreFuncTab(js, "function triggersimRestoreFuncTab(module, instance) {}")
	require.NoError(t, err)
	call := strings.Index(got, "triggersimRestoreFuncTab(wasm.module, wasm.instance);")
	require.Positive(t, call, "called")
	assert.Less(t, strings.Index(got, "instantiateStreaming("), call, "after instantiation")
	assert.Less(t, call, strings.Index(got, "go.run(wasm.instance)"), "before the program starts")
	assert.True(t, strings.HasSuffix(got, "function triggersimRestoreFuncTab(module, instance) {}"), "the function is added")
	_, err = restoreFuncTab("console.log(1)", "")
	assert.ErrorContains(t, err, "app.js changed")
}

// TestNotifyOnlyUpdates: the update check of go-app's app.js looks at the
// controller the page had when the new worker was found.
func TestNotifyOnlyUpdates(t *testing.T) {
	js := string(servedAppJS(t))
	require.Equal(t, 1, strings.Count(js, updateCheck), "go-app's app.js as notifyOnlyUpdates expects it")
	got, err := notifyOnlyUpdates(js)
	require.NoError(t, err)
	assert.NotContains(t, got, updateCheck)
	assert.Equal(t, 1, strings.Count(got, updateCheckBefore))
	_, err = notifyOnlyUpdates(got)
	assert.ErrorContains(t, err, "app.js changed")
}

// TestOfflineWorker checks offlineWorker's edits of go-app's service
// worker: pages are matched by their address without the query (not with
// ignoreSearch), and install and activate are awaited by their events.
func TestOfflineWorker(t *testing.T) {
	js, err := offlineWorker()
	require.NoError(t, err)
	for _, e := range workerEdits {
		assert.NotContains(t, js, e.from)
		assert.Equal(t, 1, strings.Count(js, e.to), e.to)
	}
	assert.Equal(t, 2, strings.Count(js, "(event) => event.waitUntil((async () => {"), "install and activate")
	assert.NotContains(t, js, "ignoreSearch", "a page is matched by its address without the query, not by reading every entry")
	assert.Contains(t, js, "await caches.match(cacheKey(request));")
	assert.Contains(t, js, "function cacheKey(request) {")
}

// TestGenerateStreamsWasm checks the generated site: its app.js fetches the
// wasm without fetchWithProgress and the loading label has no percentage.
func TestGenerateStreamsWasm(t *testing.T) {
	web := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(web, "app.wasm"), []byte("\x00asm"), 0o644))
	out := filepath.Join(t.TempDir(), "dist")
	require.ErrorContains(t, generate(out, web), "read the function table's loader", "no web/findfunctab.js")
	require.NoError(t, os.WriteFile(filepath.Join(web, restoreFuncTabFile), []byte("function triggersimRestoreFuncTab() {}\n"), 0o644))
	require.NoError(t, generate(out, web))
	js, err := os.ReadFile(filepath.Join(out, "app.js"))
	require.NoError(t, err)
	assert.Equal(t, 0, strings.Count(string(js), wasmFetch), "app.js still fetches through fetchWithProgress")
	assert.Equal(t, 1, strings.Count(string(js), `instantiateStreaming(
      fetch("/web/app.wasm"),`), "app.js gives the fetch to instantiateStreaming")
	assert.Equal(t, 1, strings.Count(string(js), `const goappLoadingLabel = "Загрузка…";`), "a label without a percentage")
	assert.Equal(t, 0, strings.Count(string(js), workerStart), "app.js registers the service worker as it starts")
	assert.Equal(t, 1, strings.Count(string(js), whenReady), "app.js registers the service worker once the page is shown")
	assert.Equal(t, 1, strings.Count(string(js), updateCheckBefore), "app.js announces only a worker that replaces another")
	assert.Equal(t, 1, strings.Count(string(js), "function triggersimRestoreFuncTab() {}"), "app.js has web/findfunctab.js")
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	require.NoError(t, err)
	assert.Equal(t, 0, strings.Count(string(index), "0%"), "the loader shows no percentage")
	assert.NotContains(t, string(index), `rel="preload"`, "app.js fetches the wasm; a preload's body is copied on the main thread")
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	require.NoError(t, err)
	require.NotEmpty(t, pages)
	for _, p := range pages {
		html, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, 1, strings.Count(string(html), pngFavicon), "%s links the PNG favicon", p)
		assert.NotContains(t, string(html), `href="/web/icon.svg" rel="icon"`, "%s links no SVG favicon", p)
	}
}

// TestFaviconIsSmall checks the PNG favicon the pages link: 32 pixels
// square, the size a tab shows, and small enough to decode in no time.
func TestFaviconIsSmall(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "web", "icon-32.png"))
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, 32, cfg.Width)
	assert.Equal(t, 32, cfg.Height)
}

// TestWebVersionFollowsEveryFile checks that the service worker's version
// changes with any file it caches from web/ (the worker's wasm, the
// stylesheet), not only the page's wasm, and not with precompressed
// copies, which are the same files.
func TestWebVersionFollowsEveryFile(t *testing.T) {
	web := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		require.NoError(t, os.WriteFile(filepath.Join(web, name), []byte(data), 0o644))
	}
	version := func() string {
		t.Helper()
		v, err := webVersion(web)
		require.NoError(t, err)
		return v
	}
	write("app.wasm", "\x00asm1")
	write("labworker.wasm", "\x00asm2")
	write("triggersim.css", "body{}")
	first := version()
	assert.Len(t, first, 16)
	write("app.wasm.br", "compressed")
	assert.Equal(t, first, version(), "a precompressed copy is not a change")
	for _, name := range []string{"labworker.wasm", "triggersim.css", "app.wasm"} {
		before := version()
		write(name, "changed "+name)
		assert.NotEqual(t, before, version(), name)
	}
	// Moving bytes from one file's end to the next file's start is a change.
	write("a.txt", "xy")
	write("b.txt", "")
	before := version()
	write("a.txt", "x")
	write("b.txt", "y")
	assert.NotEqual(t, before, version())
}
