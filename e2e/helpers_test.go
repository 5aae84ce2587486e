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
	"github.com/chromedp/chromedp/kb"
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
	// console is the page's last console lines (any level, Go's own
	// output included: a panic in the page is printed with console.log),
	// shown when a wait times out.
	console []string

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
	// Chromium on a busy machine now and then exits before it prints its
	// DevTools address ("chrome failed to start", in under a second, with
	// nothing in its output but the launcher's usual noise). That is the
	// browser not starting, not the app failing: start it again with a
	// fresh profile, a few times, and fail with every error if it never
	// comes up.
	var errs []string
	for attempt := 1; attempt <= startAttempts; attempt++ {
		b, err := startBrowser(tb, timeout)
		if err == nil {
			return b
		}
		errs = append(errs, fmt.Sprintf("attempt %d: %v", attempt, err))
		if !strings.Contains(err.Error(), "chrome failed to start") {
			break
		}
		tb.Logf("Chromium did not start (attempt %d of %d), starting it again", attempt, startAttempts)
	}
	require.FailNow(tb, "start Chromium", strings.Join(errs, "\n"))
	return nil
}

// startAttempts is how many times newBrowserFor starts Chromium.
const startAttempts = 3

// startBrowser starts one Chromium with a fresh profile; it is stopped in
// tb.Cleanup, and at once when it does not start.
func startBrowser(tb testing.TB, timeout time.Duration) (*browser, error) {
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
	// Start the browser without a deadline (a deadline on the first Run
	// would stop the whole browser), then bound the test's actions.
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		cancelAlloc()
		return nil, err
	}
	tb.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	tb.Cleanup(cancelTimeout)
	b.ctx = ctx
	return b, nil
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
		var parts []string
		for _, a := range ev.Args {
			if a.Description != "" {
				parts = append(parts, a.Description)
			} else {
				parts = append(parts, string(a.Value))
			}
		}
		line := strings.Join(parts, " ")
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			b.errors = append(b.errors, "console.error: "+line)
		}
		if len(b.console) == consoleKept {
			b.console = append(b.console[:0], b.console[1:]...)
		}
		b.console = append(b.console, string(ev.Type)+": "+line)
	}
}

// mainText is the start of the page's main text, or why it cannot be
// read, for the message of a failed wait: what the page showed instead.
func (b *browser) mainText() string {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("main") || document.body).innerText.slice(0, 2000)`))
	if err != nil {
		return err.Error()
	}
	return s
}

// consoleKept is how many of the page's last console lines a browser
// keeps for a failed wait's message.
const consoleKept = 40

// recent is what the page said last, for the message of a failed wait:
// its errors and its last console lines.
func (b *browser) recent() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return "page errors: " + strings.Join(b.errors, "\n") + "\nlast console lines:\n" + strings.Join(b.console, "\n")
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
	if err != nil {
		require.NoError(tb, err, "wait for %s\n%s\npage text:\n%s", expr, b.recent(), b.mainText())
	}
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

// The helpers below are shared set-up of the storage and keyboard tests.

// waitLong waits for a JavaScript expression for up to d: automatic
// retries come seconds apart.
func (b *browser) waitLong(tb testing.TB, expr string, d time.Duration) {
	tb.Helper()
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(d)))
	require.NoError(tb, err, "wait for %s", expr)
}

// waitAcrossReload waits for expr while the page reloads: a poll cut
// short by the navigation is started again on the new page.
func (b *browser) waitAcrossReload(tb testing.TB, expr string, d time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(d)
	var err error
	for time.Now().Before(deadline) {
		if _, err = chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(time.Until(deadline)))); err == nil {
			return
		}
	}
	require.NoError(tb, err, "wait for %s across a reload", expr)
}

// openPlain opens a page of the site that is not the app (an icon), to
// run IndexedDB calls of the same origin as another tab would.
func (b *browser) openPlain(tb testing.TB, url string) {
	tb.Helper()
	require.NoError(tb, chromedp.Do(b.ctx, chromedp.Navigate(url)), "open %s", url)
}

// evalAwait evaluates a JavaScript expression that gives a promise of a
// string and waits for it.
func (b *browser) evalAwait(tb testing.TB, expr string) string {
	tb.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	require.NoError(tb, err, "evaluate %s", expr)
	return s
}

// realClick clicks an element with a real (trusted) mouse event, which
// gives the page the user activation that beforeunload prompts require.
func (b *browser) realClick(tb testing.TB, selector string) {
	tb.Helper()
	b.waitFor(tb, b.exists(selector))
	_, err := chromedp.Run(b.ctx, chromedp.Click(chromedp.CSS(selector)))
	require.NoError(tb, err, "click %s", selector)
}

// reloadedHome is JS: the page was reloaded (window.__marker, set before,
// is gone) and the home page has mounted again.
const reloadedHome = `window.__marker === undefined && !!document.querySelector('` + homeLoaded + `')`

// waitReloadedHome waits for the reload a test started (after setting
// window.__marker) to land on the home page.
func (b *browser) waitReloadedHome(tb testing.TB) {
	tb.Helper()
	b.waitAcrossReload(tb, reloadedHome, 20*time.Second)
}

// homeWithScenario opens the home page, stores a scenario titled title
// from a file named file, waits until it is the open one and returns its
// id.
func (b *browser) homeWithScenario(tb testing.TB, base, file, title string) string {
	tb.Helper()
	b.openHome(tb, base)
	b.upload(tb, writeTemp(tb, file, scenarioJSON(title)))
	b.waitRows(tb, 1)
	b.waitFor(tb, b.exists(`.home-row--open`))
	return b.eval(tb, `document.querySelector(".home-row--open").dataset.scenario`)
}

// failSaves makes IndexedDB writes of scenario id fail as a full disk does
// (failPutsScript), until healSaves.
func (b *browser) failSaves(tb testing.TB, id string) {
	tb.Helper()
	b.eval(tb, failPutsScript)
	b.eval(tb, fmt.Sprintf(`window.__failId = %q, ""`, id))
}

// healSaves lets the writes failSaves stopped succeed again.
func (b *browser) healSaves(tb testing.TB) {
	tb.Helper()
	b.eval(tb, `window.__failId = "", ""`)
}

// holdRename renames the open scenario while its save is held in flight
// (holdScript), and waits until the header says it is saving.
func (b *browser) holdRename(tb testing.TB, title string) {
	tb.Helper()
	b.evalAwait(tb, holdScript)
	b.renameOpen(tb, title)
	b.waitFor(tb, saveState+` === "saving"`)
}

// openAndComeHome opens the first row's scenario in the designer and comes
// back through the header, with a user gesture first (beforeunload may
// ask only after one).
func (b *browser) openAndComeHome(tb testing.TB) {
	tb.Helper()
	b.realClick(tb, `.home-page__title`)
	b.click(tb, `[data-testid="open"]`)
	b.waitFor(tb, `location.pathname === "/design"`)
	b.click(tb, `.header__link[href="/"]`)
	b.waitFor(tb, b.exists(homeLoaded))
}

// focusRing is JS: "" when the focused element shows a :focus-visible
// outline of at least 2 px, else what is wrong with it.
const focusRing = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body) return "nothing is focused";
	const what = e.tagName.toLowerCase() + (e.dataset.testid ? "[" + e.dataset.testid + "]" : "") + " «" + (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 40) + "»";
	if (!e.matches(":focus-visible")) return what + " does not match :focus-visible";
	const s = getComputedStyle(e);
	if (s.outlineStyle === "none" || parseFloat(s.outlineWidth) < 2) return what + " has no focus outline (" + s.outlineStyle + " " + s.outlineWidth + ")";
	return "";
})()`

// tabTo presses Tab until the focus is on the element of selector and
// checks the focus ring of every control it passes. It fails after max
// presses.
func (b *browser) tabTo(tb testing.TB, selector string, max int) {
	tb.Helper()
	at := fmt.Sprintf(`String(!!document.activeElement && document.activeElement.matches(%q))`, selector)
	for i := 0; i < max; i++ {
		b.press(tb, kb.Tab)
		if ring := b.eval(tb, focusRing); ring != "" && ring != "nothing is focused" {
			assert.Fail(tb, "no visible focus", "Tab %d towards %s: %s", i+1, selector, ring)
		}
		if b.eval(tb, at) == "true" {
			return
		}
	}
	require.FailNow(tb, "not reached by Tab", "%s not reached in %d Tab presses (focus on %s)", selector, max,
		b.eval(tb, `document.activeElement ? document.activeElement.outerHTML.slice(0, 160) : "nothing"`))
}

// typeText selects the focused field's text (Ctrl+A) and types text over it.
func (b *browser) typeText(tb testing.TB, text string) {
	tb.Helper()
	b.press(tb, "a", kb.ModifierCtrl)
	b.press(tb, kb.Delete)
	b.press(tb, text)
}

// focused is JS: whether the focus is on the element of selector.
func focused(selector string) string {
	return fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%q)`, selector)
}

// pressOn moves the focus to selector with Tab (at most max presses) and
// presses Enter on it.
func (b *browser) pressOn(tb testing.TB, selector string, max int) {
	tb.Helper()
	b.tabTo(tb, selector, max)
	b.press(tb, kb.Enter)
}

// fillAndSave types text into the field of a dialog and presses its save
// button, reaching both with Tab.
func (b *browser) fillAndSave(tb testing.TB, field, text, save string) {
	tb.Helper()
	b.tabTo(tb, field, 40)
	b.typeText(tb, text)
	b.pressOn(tb, save, 40)
}

// noDialog is JS: no dialog holds the focus any more.
const noDialog = `!document.querySelector(".dialog-focus")`

// deleteByMenu deletes a designer chip through its menu with the keyboard:
// the menu button, key (from «Edit», the first item) to «Delete», Enter,
// and the confirmation.
func (b *browser) deleteByMenu(tb testing.TB, chip, menu, key string) {
	tb.Helper()
	b.pressOn(tb, chip+` `+menu, 60)
	b.waitFor(tb, focused(chip+` [role="menuitem"][data-action="edit"]`))
	b.press(tb, key)
	b.waitFor(tb, focused(chip+` [role="menuitem"][data-action="delete"]`))
	assert.Empty(tb, b.eval(tb, focusRing))
	b.press(tb, kb.Enter)
	b.waitFor(tb, b.exists(`[data-testid="confirm-yes"]`))
	b.pressOn(tb, `[data-testid="confirm-yes"]`, 10)
}

// selectByKeys picks the option of value in the focused <select> with the
// arrow keys (Home first), as a keyboard user does without opening it.
func (b *browser) selectByKeys(tb testing.TB, selector, value string) {
	tb.Helper()
	require.Equal(tb, "true", b.eval(tb, `String(`+focused(selector)+`)`))
	idx := b.eval(tb, fmt.Sprintf(`String([...document.querySelector(%q).options].findIndex(o => o.value === %q))`, selector, value))
	require.NotEqual(tb, "-1", idx, "no option %q in %s", value, selector)
	b.press(tb, kb.Home)
	for i := 0; i < 200 && b.eval(tb, fmt.Sprintf(`document.querySelector(%q).value`, selector)) != value; i++ {
		b.press(tb, kb.ArrowDown)
	}
	require.Equal(tb, value, b.eval(tb, fmt.Sprintf(`document.querySelector(%q).value`, selector)), "%s by the arrow keys", selector)
}
