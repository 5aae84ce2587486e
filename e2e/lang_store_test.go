//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// langSettingIs resolves to "ok" once the scenario store's language
// setting is want, or to what it holds after ten seconds.
func langSettingIs(want string) string {
	return fmt.Sprintf(`new Promise((resolve) => {
	const end = Date.now() + 10000;
	const check = () => {
		const o = indexedDB.open("triggersim");
		o.onsuccess = () => {
			const db = o.result;
			const r = db.transaction("settings").objectStore("settings").get("lang");
			r.onsuccess = () => {
				db.close();
				if (r.result === %[1]q) resolve("ok");
				else if (Date.now() > end) resolve("the store says " + JSON.stringify(r.result));
				else setTimeout(check, 20);
			};
		};
	};
	check();
})`, want)
}

// putLangSetting writes the scenario store's language setting, as the
// app's own write would have.
func putLangSetting(lang string) string {
	return fmt.Sprintf(`new Promise((resolve, reject) => {
	const o = indexedDB.open("triggersim");
	o.onsuccess = () => {
		const db = o.result;
		const tx = db.transaction("settings", "readwrite");
		tx.objectStore("settings").put(%q, "lang");
		tx.oncomplete = () => { db.close(); resolve(""); };
		tx.onerror = () => reject(tx.error);
	};
})`, lang)
}

// TestLanguageKeptWhenTheStoreLags: the language is kept in localStorage
// (written at the click) and in the scenario store (written after it). A
// reload right after the click can lose the store's write; the reloaded
// page then rendered in the chosen language and, once the store answered,
// switched back to the old one (the page said lang="en" in Russian). The
// page keeps the choice and corrects the store; a language found only in
// the store (localStorage cleared) is still shown.
func TestLanguageKeptWhenTheStoreLags(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/results")
	b.waitFor(t, b.exists(`[data-testid="results-empty"]`))
	b.eval(t, `document.querySelector('.lang-switch__button[data-lang="en"]').click(), ""`)
	b.waitFor(t, `document.documentElement.lang === "en"`)
	require.Equal(t, "ok", b.evalAwait(t, langSettingIs("en")))

	// The store's write lost: it still holds the language before.
	b.evalAwait(t, putLangSetting("ru"))
	b.open(t, base+"/results")
	// The header corrects the store once it has read it: the sign that
	// it has synced.
	assert.Equal(t, "ok", b.evalAwait(t, langSettingIs("en")))
	assert.Equal(t, "en", b.eval(t, `document.documentElement.lang`))
	assert.Equal(t, "Trainees' results", b.text(t, ".teach-page__title"))

	// Only the store knows the language (localStorage cleared): the
	// page, first rendered in the default, switches to it and keeps it in
	// localStorage for the next first render.
	b.eval(t, `localStorage.removeItem("triggersim.lang"), ""`)
	b.open(t, base+"/results")
	b.waitFor(t, `document.documentElement.lang === "en"`)
	b.waitFor(t, `document.querySelector(".teach-page__title").textContent.trim() === "Trainees' results"`)
	b.waitFor(t, `localStorage.getItem("triggersim.lang") === '"en"'`)
	b.assertNoErrors(t)
}
