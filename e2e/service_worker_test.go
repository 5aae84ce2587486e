//go:build e2e

package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noteWorkerRegistration wraps navigator.serviceWorker.register, before
// any script of the page runs, to note whether the page was shown
// (body[data-ready]) when the worker was registered.
const noteWorkerRegistration = `(() => {
	const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
	window.__workerRegistered = [];
	navigator.serviceWorker.register = (...args) => {
		window.__workerRegistered.push(document.body ? (document.body.dataset.ready || "") : "no body");
		return register(...args);
	};
})()`

// TestServiceWorkerWaitsForThePage: the service worker, whose install
// downloads every file of the site, is registered once the page is shown,
// not during its first load (app/main_host.go, registerWhenReady), and it
// then installs and controls the page as before; once it is ready the
// site is in its cache (its install is awaited: workerEdits), and the
// page does not take the first visit's worker for a new version
// (notifyOnlyUpdates).
func TestServiceWorkerWaitsForThePage(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: noteWorkerRegistration})
	require.NoError(t, err)
	b.open(t, base+"/")
	// go-app's app.js calls goappOnUpdate when it takes an activated
	// worker for a new version; on a first visit there is none.
	b.eval(t, `(() => { const f = goappOnUpdate; goappOnUpdate = () => { window.__updateAnnounced = true; f(); }; return ""; })()`)
	b.waitFor(t, `navigator.serviceWorker.ready.then((r) => !!navigator.serviceWorker.controller && r.active.state === "activated")`)
	assert.Equal(t, "false", b.eval(t, `String(!!window.__updateAnnounced)`), "a first visit announced a new version")
	assert.Equal(t, `["1"]`, b.eval(t, `JSON.stringify(window.__workerRegistered)`), "registered once, when the page was ready")
	cached, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`Promise.all(["/web/app.wasm", "/web/labworker.wasm", "/design"].map((u) => caches.match(u))).then((rs) => rs.every(Boolean))`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.True(t, cached, "a ready worker has the site in its cache")
	b.assertNoErrors(t)
}
