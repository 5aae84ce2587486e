//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/cmd/serve/static"
)

// chromiumMissing is the message of the failure when no browser is installed.
const chromiumMissing = "Chromium is required: apt-get install -y chromium"

// readySelector matches once the wasm app has mounted: the server-rendered
// page looks the same, so tests must not trust the first visible element.
const readySelector = `body[data-ready="1"]`

// testTimeout bounds one browser session. A cold load takes about a
// second on a quiet machine, but the reload tests load the app three or
// four times, and on a shared, busy machine (load average above 30 on two
// cores) each load took 15-20 s: a minute cut them off half way.
const testTimeout = 150 * time.Second

// chromiumPath returns the browser to drive or fails the test.
func chromiumPath(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	require.FailNow(tb, chromiumMissing)
	return ""
}

// siteDir returns the generated site of the app, ../dist.
func siteDir(tb testing.TB) string {
	tb.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "dist"))
	require.NoError(tb, err)
	_, err = os.Stat(filepath.Join(dir, "web", "app.wasm"))
	require.NoError(tb, err, "no generated site in %s (run ./build.sh build first)", dir)
	return dir
}

// serve serves dir on a free loopback port with the handler of cmd/serve
// and returns the base URL.
func serve(tb testing.TB, dir string) string {
	tb.Helper()
	srv := httptest.NewServer(static.Handler(os.DirFS(dir)))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// browser is one headless Chromium with a fresh profile, and what its page
// did: the requested URLs, the wasm response and the JavaScript errors.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	requests []string
	wasm     *network.Response
	errors   []string

	downloads chan download // finished downloads, after enableDownloads
}

// newBrowser starts Chromium for one test; it is stopped in tb.Cleanup.
func newBrowser(tb testing.TB) *browser {
	tb.Helper()
	return newBrowserFor(tb, testTimeout)
}

// newBrowserFor is newBrowser for a test that may take up to timeout (one
// that waits for the app's own timers, say).
func newBrowserFor(tb testing.TB, timeout time.Duration) *browser {
	tb.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(tb)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 800),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{}
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithListener(b.record))
	tb.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Start the browser without a deadline (a deadline on the first Run
	// would stop the whole browser), then bound the test's actions.
	err := chromedp.Do(ctx)
	require.NoError(tb, err, "start Chromium")
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	tb.Cleanup(cancelTimeout)
	b.ctx = ctx
	return b
}

// record runs on chromedp's reader goroutine: it must only copy and return.
func (b *browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *network.EventResponseReceived:
		if strings.HasSuffix(ev.Response.URL, "/web/app.wasm") {
			b.wasm = ev.Response
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		b.errors = append(b.errors, "exception: "+msg)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			b.errors = append(b.errors, "console.error: "+strings.Join(parts, " "))
		}
	}
}

// requested returns a copy of the URLs the page requested so far.
func (b *browser) requested() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// wasmResponse returns the response of web/app.wasm, or nil.
func (b *browser) wasmResponse() *network.Response {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.wasm
}

// assertNoErrors fails the test when the page threw or logged an error.
func (b *browser) assertNoErrors(tb testing.TB) {
	tb.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		assert.Fail(tb, fmt.Sprintf("page error: %s", e))
	}
}

// open navigates to url and waits until the app has mounted.
func (b *browser) open(tb testing.TB, url string) {
	tb.Helper()
	err := chromedp.Do(b.ctx,
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(readySelector)),
	)
	require.NoError(tb, err, "open %s and wait for %s", url, readySelector)
}

// text returns the text content of the first element matching a CSS selector.
func (b *browser) text(tb testing.TB, selector string) string {
	tb.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.TextContent(chromedp.CSS(selector)))
	require.NoError(tb, err, "text of %s", selector)
	return strings.TrimSpace(s)
}

// eval evaluates a JavaScript expression that returns a string.
func (b *browser) eval(tb testing.TB, expr string) string {
	tb.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	require.NoError(tb, err, "evaluate %s", expr)
	return s
}

// waitFor waits until a JavaScript expression is truthy.
func (b *browser) waitFor(tb testing.TB, expr string) {
	tb.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(tb, err, "wait for %s", expr)
}

// settle waits until no finite animation runs (the card's glide, a chart's
// entrance), so a screenshot or a layout check sees the final picture.
func (b *browser) settle(tb testing.TB) {
	tb.Helper()
	b.waitFor(tb, `document.getAnimations().every(a => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity)`)
}

// screenshot saves a PNG of the whole page into e2e/artifacts/name.png.
func (b *browser) screenshot(tb testing.TB, name string) {
	tb.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	require.NoError(tb, err, "screenshot %s", name)
	err = os.MkdirAll("artifacts", 0o755)
	require.NoError(tb, err)
	path := filepath.Join("artifacts", name+".png")
	err = os.WriteFile(path, png, 0o644)
	require.NoError(tb, err)
	tb.Logf("screenshot: e2e/%s", path)
}

// isLoopback reports whether a URL stays on this machine. data: and blob:
// URLs never leave the browser.
func isLoopback(raw string) (bool, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return false, err
	}
	switch u.Scheme {
	case "data", "blob", "about":
		return true, nil
	case "http", "https", "ws", "wss":
	default:
		return false, fmt.Errorf("unexpected scheme %q", u.Scheme)
	}
	host := u.Hostname()
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}
