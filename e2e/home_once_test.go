//go:build e2e

package e2e

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// watchHomeMountsScript records, until body[data-ready] is set, each home
// page put into the document (its number of examples and its title as it
// was put in) and how many changes were made inside the page after the
// last one was put in: added or removed nodes, texts, attributes. The
// wasm's page is the last one put in (the server's page, parsed first,
// has no examples).
const watchHomeMountsScript = `(() => {
	window.__homeMounts = [];
	window.__homeChanges = 0;
	new MutationObserver(records => {
		for (const r of records) {
			if (window.__homeReady) return;
			if (r.target === document.body && r.type === "attributes") {
				if (r.attributeName === "data-ready" && document.body.dataset.ready === "1") window.__homeReady = true;
				continue;
			}
			if (r.target === document.documentElement || r.target === document.body && r.type === "attributes") continue;
			let mounted = false;
			for (const n of r.addedNodes) {
				const home = n.nodeType === 1 && (n.matches(".home-page") ? n : n.querySelector(".home-page"));
				if (!home) continue;
				mounted = true;
				window.__homeChanges = 0;
				window.__homeMounts.push({
					examples: home.querySelectorAll(".home-example").length,
					title: home.querySelector(".home-page__title")?.textContent || "",
				});
			}
			if (!mounted && window.__homeMounts.length > 0) window.__homeChanges++;
		}
	}).observe(document, {childList: true, subtree: true, characterData: true, attributes: true});
})()`

// The home page is rendered once when it starts: its first render in the
// browser already holds the built-in examples and speaks the remembered
// language, instead of a render without them, in the default language,
// followed by a second one (two renders of the whole page before
// data-ready, on the critical path of every load).
func TestHomeFirstRenderIsTheWholePage(t *testing.T) {
	base := serve(t, siteDir(t))
	for _, tc := range []struct {
		lang, title string
	}{
		{"ru", "Сценарии"},
		{"en", "Scenarios"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			b := newBrowser(t)
			script := watchHomeMountsScript
			if tc.lang != "ru" {
				script = `localStorage.setItem("triggersim.lang", JSON.stringify("` + tc.lang + `"));` + script
			}
			_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
			require.NoError(t, err)
			b.openHome(t, base)
			var mounts []struct {
				Examples int
				Title    string
			}
			require.NoError(t, json.Unmarshal([]byte(b.eval(t, `JSON.stringify(window.__homeMounts)`)), &mounts))
			require.NotEmpty(t, mounts, "the home page was seen being put in")
			shown := b.eval(t, `String(document.querySelectorAll(".home-example").length)`)
			first := mounts[len(mounts)-1]
			assert.NotZero(t, first.Examples, "the first render holds the examples: %+v", mounts)
			assert.Equal(t, shown, strconv.Itoa(first.Examples), "and all of them")
			assert.Equal(t, tc.title, first.Title, "in the remembered language")
			// A second render of the whole page changed hundreds of nodes
			// (every example card added); what may still come before
			// data-ready, depending on timing, is a line or two filled in
			// from storage (the list of scenarios, the storage estimate).
			changes, err := strconv.Atoi(b.eval(t, `String(window.__homeChanges)`))
			require.NoError(t, err)
			assert.Less(t, changes, 5, "the page was not rendered again before data-ready")
			assert.Equal(t, tc.title, b.text(t, ".home-page__title"))
			b.assertNoErrors(t)
		})
	}
}
