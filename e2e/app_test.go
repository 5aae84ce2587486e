//go:build e2e

package e2e

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppLoadsToReady(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/")

	assert.Equal(t, "triggersim", b.text(t, ".header__name"))
	assert.Equal(t, "Сценарии", b.text(t, ".home-page__title"))
	assert.Equal(t, "ru", b.eval(t, `document.documentElement.lang`))
	assert.Equal(t, "", b.eval(t, `document.getElementById("app-wasm-loader") ? "loader still shown" : ""`))
	b.screenshot(t, "home-ru")
	b.assertNoErrors(t)
}

func TestLanguageSwitch(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/")

	assert.Equal(t, "Симулятор роботов и триггеров Битрикс24", b.text(t, ".header__tagline"))
	assert.Equal(t, "true", b.eval(t, `document.querySelector('[data-lang="ru"]').getAttribute("aria-pressed")`))

	b.eval(t, `document.querySelector('.lang-switch__button[data-lang="en"]').click(), ""`)
	b.waitFor(t, `document.querySelector(".home-page__title").textContent === "Scenarios"`)
	assert.Equal(t, "Bitrix24 robots and triggers simulator", b.text(t, ".header__tagline"))
	assert.Equal(t, "en", b.eval(t, `document.documentElement.lang`))
	assert.Equal(t, "true", b.eval(t, `document.querySelector('[data-lang="en"]').getAttribute("aria-pressed")`))
	b.screenshot(t, "home-en")

	// The choice survives a reload. The service worker registers once
	// the page is shown and then fetches every file of the site: the
	// reload waits until it has (ready means cached, app/main_host.go),
	// so that the reloaded page does not start beside that download on a
	// busy machine. Should it fail, what the page shows is printed.
	_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)`,
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err, "the service worker did not get ready")
	b.open(t, base+"/")
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`document.querySelector(".home-page__title").textContent === "Scenarios"`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		require.FailNow(t, "the language did not survive the reload", "%v: title %q, <html lang> %q, localStorage %s", err,
			b.text(t, ".home-page__title"), b.eval(t, `document.documentElement.lang`), b.eval(t, `JSON.stringify(localStorage)`))
	}

	b.eval(t, `document.querySelector('.lang-switch__button[data-lang="ru"]').click(), ""`)
	b.waitFor(t, `document.querySelector(".home-page__title").textContent === "Сценарии"`)
	b.assertNoErrors(t)
}

func TestNoRequestLeavesLoopback(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/")
	// Let the service worker install and the manifest and icons load.
	b.waitFor(t, `navigator.serviceWorker.ready.then(() => true)`)

	requests := b.requested()
	require.NotEmpty(t, requests)
	seen := map[string]bool{}
	for _, u := range requests {
		ok, err := isLoopback(u)
		assert.False(t, err != nil || !ok, "request left the machine: %s (%v)", u, err)
		seen[u] = true
	}
	for _, path := range []string{"/", "/app.js", "/wasm_exec.js", "/web/app.wasm", "/web/triggersim.css"} {
		assert.True(t, seen[base+path], "expected a request for %s; got %v", path, requests)
	}
	b.assertNoErrors(t)
}

// TestWasmFetchedOnce: the page downloads its wasm once (a preload that
// app.js's fetch did not match, or a second fetch, would download the
// 13 MB twice).
func TestWasmFetchedOnce(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/")
	n := 0
	for _, u := range b.requested() {
		if u == base+"/web/app.wasm" {
			n++
		}
	}
	assert.Equal(t, 1, n, "requests for the wasm: %v", b.requested())
	b.assertNoErrors(t)
}

func TestWasmServedCompressed(t *testing.T) {
	base := serve(t, siteDir(t))

	t.Run("browser", func(t *testing.T) {
		b := newBrowser(t)
		b.open(t, base+"/")
		res := b.wasmResponse()
		require.NotNil(t, res, "no response for /web/app.wasm")
		assert.Equal(t, "application/wasm", res.MimeType)
		assert.Equal(t, "br", header(res.Headers, "Content-Encoding"))
	})

	t.Run("http", func(t *testing.T) {
		tests := []struct {
			acceptEncoding, wantEncoding string
		}{
			{"br, gzip", "br"},
			{"gzip", "gzip"},
			{"", ""},
		}
		for _, tt := range tests {
			req, err := http.NewRequest(http.MethodGet, base+"/web/app.wasm", nil)
			require.NoError(t, err)
			// Setting Accept-Encoding turns off the client's transparent
			// gzip decoding, so the test sees the bytes on the wire.
			req.Header.Set("Accept-Encoding", tt.acceptEncoding)
			res, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			require.NoError(t, err)
			assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"), tt.acceptEncoding)
			assert.Equal(t, tt.wantEncoding, res.Header.Get("Content-Encoding"), tt.acceptEncoding)
			assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
			if tt.wantEncoding == "br" {
				raw, err := io.ReadAll(brotli.NewReader(strings.NewReader(string(body))))
				require.NoError(t, err)
				body = raw
			}
			if tt.wantEncoding != "gzip" {
				assert.Equal(t, "\x00asm", string(body[:4]), "wasm magic number")
			}
		}
	})
}

// header reads a response header case-insensitively: the DevTools protocol
// reports HTTP/1.1 headers with their original case.
func header(h map[string]any, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			s, _ := v.(string)
			return s
		}
	}
	return ""
}
