//go:build !js

// The host side only generates the static website. It is kept behind a build
// tag so net/http and the generator stay out of the wasm binary (about 13.6 MB
// raw with them, about 7 MB without).

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/triggersim/triggersim/app/sitegen"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
)

func main() {
	log.SetFlags(0)
	out := flag.String("out", "dist", "directory to write the static website into")
	web := flag.String("web", "web", "directory holding app.wasm, the stylesheet and the icons")
	flag.Parse()
	if err := generate(*out, *web); err != nil {
		log.Fatalf("generate static website: %v", err)
	}
}

// generate writes the static website into out: the pages and go-app's
// support files, then a copy of the web directory.
func generate(out, web string) error {
	if _, err := os.Stat(filepath.Join(web, "app.wasm")); err != nil {
		return fmt.Errorf("read the wasm (build it first with ./build.sh build): %w", err)
	}
	version, err := webVersion(web)
	if err != nil {
		return fmt.Errorf("version of %s: %w", web, err)
	}
	routes(tabstore.Local(memory.New()))
	h := handler(version)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	// The service worker caches only the root page and the declared
	// resources; list every generated page and every file of web/ so the
	// whole app opens offline, then write the site again with that list.
	extra, err := offlineResources(out, web)
	if err != nil {
		return fmt.Errorf("list offline resources: %w", err)
	}
	h = handler(version) // a Handler builds its worker once: use a new one
	h.CacheableResources = extra
	if h.ServiceWorkerTemplate, err = offlineWorker(); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	restore, err := os.ReadFile(filepath.Join(web, restoreFuncTabFile))
	if err != nil {
		return fmt.Errorf("read the function table's loader: %w", err)
	}
	edit := func(js string) (string, error) { return editAppJS(js, string(restore)) }
	if err := rewriteFile(filepath.Join(out, "app.js"), edit); err != nil {
		return err
	}
	// go-app writes attributes in map order; sort them so the committed
	// index.html can be compared with a fresh build.
	if err := sitegen.CanonicalizeFiles(out); err != nil {
		return fmt.Errorf("canonicalize html: %w", err)
	}
	if err := rasterFavicon(out); err != nil {
		return err
	}
	if err := sitegen.CopyDir(filepath.Join(out, "web"), web); err != nil {
		return fmt.Errorf("copy %s: %w", web, err)
	}
	return nil
}

// The pages' favicon. go-app links the SVG icon; Chromium decodes a
// favicon on the page's main thread, and an SVG one as a whole isolated
// SVG document: 3–8 ms of every load in traces of warm loads, while the
// page is starting. A 32-pixel PNG of the same drawing (web/icon-32.png,
// icon-192.png scaled down by 6 with a box filter) decodes in a fraction
// of a millisecond and is what a tab shows at 1× and 2×; the SVG stays the
// installed app's icon in the manifest.
const (
	svgFavicon = `<link href="/web/icon.svg" rel="icon">`
	pngFavicon = `<link href="/web/icon-32.png" rel="icon" sizes="32x32" type="image/png">`
)

// rasterFavicon links every page in out to the PNG favicon instead of the
// SVG one. It runs after sitegen.CanonicalizeFiles, which writes the link
// as svgFavicon, and fails when a page has no such link, so a change in
// go-app's head cannot silently bring the SVG back.
func rasterFavicon(out string) error {
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		err := rewriteFile(p, func(html string) (string, error) {
			if strings.Count(html, svgFavicon) != 1 {
				return "", fmt.Errorf("%s: no %s to replace", filepath.Base(p), svgFavicon)
			}
			return strings.Replace(html, svgFavicon, pngFavicon, 1), nil
		})
		if err != nil {
			return fmt.Errorf("favicon: %w", err)
		}
	}
	return nil
}

// offlineResources lists what the service worker must cache beyond go-app's
// defaults: every page generated into out ("/design" for design.html) and
// every file of the web directory ("/web/icon.svg"), sorted.
func offlineResources(out, web string) ([]string, error) {
	var res []string
	pages, err := filepath.Glob(filepath.Join(out, "*.html"))
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		if name := strings.TrimSuffix(filepath.Base(p), ".html"); name != "index" {
			res = append(res, "/"+name)
		}
	}
	err = filepath.WalkDir(web, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		rel, err := filepath.Rel(web, path)
		if err != nil {
			return err
		}
		res = append(res, "/web/"+filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(res)
	return res, err
}

// webVersion is a digest of every file of the web directory (names and
// contents, precompressed copies left out): the page's wasm, the what-if
// worker's wasm and script, the stylesheet, the icons. The service worker
// serves its cached copies until the version changes, so it must change
// with any of them, not with the page's wasm alone.
func webVersion(web string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(web, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") ||
			strings.HasSuffix(path, ".gz") || strings.HasSuffix(path, ".br") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(web, path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)[:8]), err
}

// handler describes the page. Every resource is local: the app must work
// offline, and go-app's default icons are remote URLs.
func handler(version string) *app.Handler {
	return &app.Handler{
		Name:        "triggersim",
		ShortName:   "triggersim",
		Title:       "triggersim — симулятор роботов и триггеров Битрикс24",
		Description: "Офлайн-симулятор роботов и триггеров CRM Битрикс24 на стадиях воронок.",
		Lang:        "ru",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Image:           "/web/icon-512.png",
		BackgroundColor: "#f4f6f8",
		ThemeColor:      "#2a5db0",
		Styles:          []string{"/web/triggersim.css"},
		// No <link rel="preload"> of the wasm: the service worker answers
		// a warm load's requests, and a preloaded response's 13 MB body is
		// read into memory on the page's main thread, in tasks that took
		// 15.7 ms of a warm load in traces (data_pipe_bytes_consumer),
		// before app.js's fetch took it over. Fetched by app.js, the body
		// streams to the compiler without that copy (docs/performance.md,
		// issue 12's sixteenth run).
		// No {progress}: the wasm is not read through a counting stream
		// (streamWasm), so there is no percentage to show.
		LoadingLabel: "Загрузка…",
		// The version follows the files (webVersion), so the service
		// worker updates exactly when one of them changes.
		Version: version,
	}
}

// rewriteFile replaces the file at name with edit's result.
func rewriteFile(name string, edit func(string) (string, error)) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	s, err := edit(string(b))
	if err != nil {
		return err
	}
	return os.WriteFile(name, []byte(s), 0o644)
}

// editAppJS makes generate's changes to go-app's app.js: streamWasm,
// loadStorageEarly, registerWhenReady, notifyOnlyUpdates, and
// restoreFuncTab with the function restoreJS (web/findfunctab.js).
func editAppJS(js, restoreJS string) (string, error) {
	var err error
	restore := func(js string) (string, error) { return restoreFuncTab(js, restoreJS) }
	for _, edit := range []func(string) (string, error){streamWasm, loadStorageEarly, registerWhenReady, notifyOnlyUpdates, restore} {
		if js, err = edit(js); err != nil {
			return "", err
		}
	}
	return js, nil
}

// restoreFuncTabFile is the script, in the web directory, that writes Go's
// function lookup table back into a module's memory (cmd/wasmstrip takes
// it out of the built modules; internal/wasmdata says why). The what-if
// worker loads it with importScripts; app.js gets it inline.
const restoreFuncTabFile = "findfunctab.js"

// goRun is how go-app's app.js starts the instantiated program.
const goRun = "\n    go.run(wasm.instance);\n"

// restoreFuncTab adds restoreJS to app.js and calls it between the
// module's instantiation and the program's start: the table must be in
// memory before Go looks up its first function.
func restoreFuncTab(js, restoreJS string) (string, error) {
	js, err := replaceOnce(js, goRun, "\n    triggersimRestoreFuncTab(wasm.module, wasm.instance);"+goRun, "app.js", "restoreFuncTab")
	if err != nil {
		return "", err
	}
	return js + "\n" + restoreJS, nil
}

// replaceOnce replaces from, which must occur exactly once in the file
// named what (go-app's app.js or its service worker), by to; otherwise
// go-app changed the file and the edit named by fix must be updated.
func replaceOnce(js, from, to, what, fix string) (string, error) {
	if strings.Count(js, from) != 1 {
		return "", fmt.Errorf("go-app's %s changed (no single %q): update %s in app/main_host.go", what, from, fix)
	}
	return strings.Replace(js, from, to, 1), nil
}

// workerStart is how go-app's app.js registers the service worker: first
// thing, as the script runs (a statement of its own at the top level).
const workerStart = "\ngoappInitServiceWorker();\n"

// whenReady registers the service worker once the page is shown
// (registerWhenReady).
const whenReady = "\ngoappRegisterWhenReady();\n"

// registerWhenReadyJS is the function whenReady calls, added to app.js.
const registerWhenReadyJS = `
// -----------------------------------------------------------------------------
// triggersim: the service worker is registered once the page is shown
// -----------------------------------------------------------------------------
// Its install downloads every file of the site for offline use, the page's
// own wasm and the what-if worker's among them: registered first thing, it
// competed with the page's first load for the network and the processor.
// It waits for body[data-ready] (the page is shown) and an idle moment; a
// page that never gets ready registers it after 10 s all the same.
function goappRegisterWhenReady() {
  let started = false;
  const start = () => {
    if (started) {
      return;
    }
    started = true;
    observer.disconnect();
    goappInitServiceWorker();
  };
  const soon = () => {
    if ("requestIdleCallback" in window) {
      requestIdleCallback(start, { timeout: 1000 });
    } else {
      setTimeout(start, 0);
    }
  };
  const observer = new MutationObserver(() => {
    if (document.body && document.body.dataset.ready === "1") {
      soon();
    }
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-ready"],
    subtree: true,
  });
  setTimeout(start, 10000);
}
`

// registerWhenReady changes go-app's app.js to register the service
// worker once the page is shown instead of as the script starts. On a cold
// load the worker's install fetched the site's files (17 MB of the page's
// wasm and 7 MB of the what-if worker's, decoded from brotli) while the
// page fetched, decoded and compiled its own. Deferred, cold loads of /
// took 876-921 ms instead of 1 379-1 463 (BenchmarkLoad, interleaved;
// docs/performance.md, seventh run). The worker's install then
// revalidates what the page loaded, from the HTTP cache. Offline use is
// unchanged: the worker is installed during the first visit, only later
// in it.
func registerWhenReady(js string) (string, error) {
	js, err := replaceOnce(js, workerStart, whenReady, "app.js", "registerWhenReady")
	if err != nil {
		return "", err
	}
	return js + registerWhenReadyJS, nil
}

// updateCheck is how go-app's app.js decides that an activated worker is
// an update: the page has a controller when it activates.
const updateCheck = `    newSW.addEventListener("statechange", (event) => {
      if (!navigator.serviceWorker.controller) {
        return;
      }`

// updateCheckBefore decides it from the controller the page had when the
// new worker was found.
const updateCheckBefore = `    const hadController = !!navigator.serviceWorker.controller;
    newSW.addEventListener("statechange", (event) => {
      if (!hadController) {
        return;
      }`

// notifyOnlyUpdates changes go-app's app.js so that only a worker that
// replaces another tells the page a new version is there. go-app looked
// for a controller when the new worker was activated; now that activate
// waits for clients.claim (workerEdits), the first visit's own worker
// controls the page by then, and the page announced "a new version" on
// its first load.
func notifyOnlyUpdates(js string) (string, error) {
	return replaceOnce(js, updateCheck, updateCheckBefore, "app.js", "notifyOnlyUpdates")
}

// wasmFetch is how go-app's app.js fetches the wasm for
// WebAssembly.instantiateStreaming: through fetchWithProgress, which reads
// the response in JavaScript chunk by chunk to update the loading label
// and hands the chunks on in a new Response built on a ReadableStream.
const wasmFetch = `fetchWithProgress("/web/app.wasm", showProgress)`

// streamWasm changes go-app's app.js to give the fetch of the wasm to
// WebAssembly.instantiateStreaming as it is. Chromium then streams the
// bytes from the network into the compiler without a JavaScript loop on
// the main thread: in profiles of a cold load that loop (its ReadableStream
// start function) took about a tenth of the main thread before data-ready,
// and interleaved cold loads were 13-22 % faster without it. The cost is
// the percentage in the loading label, which the server-rendered page
// hardly shows.
func streamWasm(js string) (string, error) {
	return replaceOnce(js, wasmFetch, `fetch("/web/app.wasm")`, "app.js", "streamWasm")
}

// wasmInstantiate is how app.js waits for the wasm once streamWasm has
// made its edit.
const wasmInstantiate = `    const wasm = await instantiateStreaming(
      fetch("/web/app.wasm"),
      go.importObject
    );`

// wasmInstantiateThenStorage starts the same compilation, loads
// localStorage while it runs, then waits for it.
const wasmInstantiateThenStorage = `    const compiling = instantiateStreaming(
      fetch("/web/app.wasm"),
      go.importObject
    );
    triggersimLoadLocalStorage();
    const wasm = await compiling;`

// loadLocalStorageJS is the function wasmInstantiateThenStorage calls,
// added to app.js.
const loadLocalStorageJS = `
// -----------------------------------------------------------------------------
// triggersim: localStorage is loaded while the wasm compiles
// -----------------------------------------------------------------------------
// Chromium loads an origin's localStorage on its first use, in a synchronous
// round trip to the browser process. The app's first read is the interface
// language, before its first render: in traces of warm loads that round
// trip took 2-5 ms of the program's start. Here the page is waiting for the
// wasm's bytes anyway. A storage that cannot be used is left to the app,
// which says so when it reads it.
function triggersimLoadLocalStorage() {
  try {
    window.localStorage.length;
  } catch (err) {
  }
}
`

// loadStorageEarly changes app.js to load localStorage while the wasm
// compiles (loadLocalStorageJS says why). It runs after streamWasm.
func loadStorageEarly(js string) (string, error) {
	js, err := replaceOnce(js, wasmInstantiate, wasmInstantiateThenStorage, "app.js", "loadStorageEarly")
	if err != nil {
		return "", err
	}
	return js + loadLocalStorageJS, nil
}

// workerEdits are offlineWorker's changes to go-app's service worker, in
// order, each replacing text that occurs exactly once.
var workerEdits = []struct{ from, to string }{
	// Cached pages are matched without their query string, so a reload
	// of /design?id=… or /simulate?example=… works offline too (every
	// page is cached under its path; the query only tells the page what
	// to open). Only a request with a query is matched by another key
	// (cacheKeyJS says why not ignoreSearch).
	{"async function fetchWithCache(request) {\n  const cachedResponse = await caches.match(request);",
		cacheKeyJS + "async function fetchWithCache(request) {\n  const cachedResponse = await caches.match(cacheKey(request));"},
	// go-app's install and activate handlers are async functions the
	// events do not wait for: the worker became active, and
	// navigator.serviceWorker.ready resolved, while it was still
	// downloading the site into its cache, so a reload or going offline
	// just then found nothing cached. Each handler's work is given to
	// event.waitUntil: the worker is active once the site is cached.
	{"self.addEventListener(\"install\", async (event) => {\n  try {", "self.addEventListener(\"install\", (event) => event.waitUntil((async () => {\n  try {"},
	{"});\n\nasync function installWorker()", "})()));\n\nasync function installWorker()"},
	{"self.addEventListener(\"activate\", async (event) => {\n  try {", "self.addEventListener(\"activate\", (event) => event.waitUntil((async () => {\n  try {"},
	{"});\n\nasync function deletePreviousCaches()", "})()));\n\nasync function deletePreviousCaches()"},
}

// cacheKeyJS is the function the service worker matches a request by:
// the request itself, or its address without the query when it has one.
// It is not caches.match's ignoreSearch option: with it Chromium's cache
// storage cannot look the address up and reads every cached entry to
// compare addresses (QueryCacheOpenNextEntry in traces), for each of the
// page's requests. A warm load makes six before the wasm starts, over a
// cache of 24 files: about 6 ms of the browser's threads a load, on a
// machine whose two cores the load keeps busy (docs/performance.md,
// issue 12's sixteenth run).
const cacheKeyJS = `function cacheKey(request) {
  const url = new URL(request.url);
  if (request.method !== "GET" || url.search === "") {
    return request;
  }
  url.search = "";
  return url.href;
}

`

// offlineWorker is go-app's service worker with workerEdits made.
func offlineWorker() (string, error) {
	js := app.DefaultAppWorkerJS
	var err error
	for _, e := range workerEdits {
		if js, err = replaceOnce(js, e.from, e.to, "service worker", "workerEdits"); err != nil {
			return "", err
		}
	}
	return js, nil
}
