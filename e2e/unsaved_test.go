//go:build e2e

package e2e

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failPutsScript makes IndexedDB writes of one scenario fail as a full
// disk does: every put whose key is window.__failId (or starts with it)
// throws QuotaExceededError. Other scenarios save normally.
const failPutsScript = `(() => {
	const put = IDBObjectStore.prototype.put;
	IDBObjectStore.prototype.put = function(value, key) {
		const k = Array.isArray(key) ? key[0] : key;
		if (window.__failId && k === window.__failId) {
			throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
		}
		return put.apply(this, arguments);
	};
	return "";
})()`

// holdScript keeps a readwrite transaction on the meta store alive until
// window.__release is set, so that the app's next save waits in the
// middle: a save in flight, as on a slow disk.
const holdScript = `new Promise((resolve) => {
	window.__release = false;
	const open = indexedDB.open("triggersim");
	open.onsuccess = () => {
		const db = open.result;
		const tx = db.transaction("meta", "readwrite");
		const st = tx.objectStore("meta");
		const spin = () => { const r = st.get("__hold"); r.onsuccess = () => { if (!window.__release) spin(); }; };
		spin();
		tx.oncomplete = () => db.close();
		resolve("");
	};
})`

// longTimeout bounds the tests that wait for automatic retries.
const longTimeout = 3 * time.Minute

// shot takes a screenshot at 1366 px in the current language.
func (b *browser) shot(tb testing.TB, name string) {
	tb.Helper()
	b.viewport(tb, 1366, 900)
	b.screenshot(tb, name)
}

const saveState = `document.querySelector('[data-testid="header-save-state"]')?.dataset.state`

// renameOpen renames the open scenario from its row on the home page.
func (b *browser) renameOpen(tb testing.TB, title string) {
	tb.Helper()
	row := `.home-row--open`
	b.click(tb, row+` [data-testid="rename"]`)
	b.setValue(tb, row+` [data-testid="rename-input"]`, title)
	b.click(tb, row+` [data-testid="rename-save"]`)
}

// TestUnsavedQuotaIsKeptRetriedAndAsked: a save that fails for lack of
// space stays visible for its scenario, survives the successful save of
// another one, makes opening another scenario ask first, and is retried
// by itself once space is back.
func TestUnsavedQuotaIsKeptRetriedAndAsked(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowserFor(t, longTimeout)
	id := b.homeWithScenario(t, base, "a.json", "Квота")
	b.failSaves(t, id)

	b.renameOpen(t, "Квота, правка")
	b.waitFor(t, saveState+` === "failed"`)
	assert.Contains(t, b.text(t, `[data-testid="header-save-state"]`), "хранилище браузера заполнено")
	item := fmt.Sprintf(`[data-testid="unsaved-notice"] li[data-id=%q]`, id)
	b.waitFor(t, b.exists(item))
	assert.Contains(t, b.text(t, item), "Изменения в «Квота, правка» не сохранены")
	assert.True(t, b.eval(t, fmt.Sprintf(`String(!!document.querySelector(%q))`, item+` [data-testid="unsaved-retry"]`)) == "true")

	// It retries by itself while the disk stays full.
	b.waitLong(t, fmt.Sprintf(`Number(document.querySelector(%q)?.dataset.attempts) >= 2`, item), 15*time.Second)

	// Copying the scenario saves another one; the failure stays.
	b.click(t, `.home-row--open [data-testid="duplicate"]`)
	b.waitRows(t, 2)
	assert.Contains(t, b.rows(t), "Квота (копия)")
	assert.Equal(t, "failed", b.eval(t, saveState))
	b.waitFor(t, b.exists(item))

	// Creating another scenario asks first; Escape keeps everything.
	b.click(t, `[data-testid="home-new"]`)
	b.waitFor(t, b.exists(`[data-testid="unsaved-dialog"]`))
	b.waitFor(t, focusIn(`[data-testid="unsaved-dialog"]`))
	b.shot(t, "unsaved-ask-ru")
	b.press(t, "\x1b") // Escape
	b.waitFor(t, b.gone(`[data-testid="unsaved-dialog"]`))
	assert.Equal(t, "/", b.eval(t, `location.pathname`))

	// «Сохранить» fails again and says why, the dialog stays.
	b.click(t, `[data-testid="home-new"]`)
	b.click(t, `[data-testid="unsaved-save"]`)
	b.waitFor(t, b.exists(`[data-testid="unsaved-error"]`))
	assert.Contains(t, b.text(t, `[data-testid="unsaved-error"]`), "Сохранить не удалось")
	b.click(t, `[data-testid="unsaved-cancel"]`)
	b.waitFor(t, b.gone(`[data-testid="unsaved-dialog"]`))
	b.shot(t, "unsaved-notice-ru")
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, fmt.Sprintf(`document.querySelector(%q)?.textContent.includes("are not saved")`, item))
	b.shot(t, "unsaved-notice-en")
	b.click(t, `[data-testid="home-new"]`)
	b.waitFor(t, b.exists(`[data-testid="unsaved-dialog"]`))
	assert.Contains(t, b.text(t, `[data-testid="unsaved-dialog"]`), "has changes that are not saved yet")
	b.shot(t, "unsaved-ask-en")
	b.click(t, `[data-testid="unsaved-cancel"]`)
	b.click(t, `.lang-switch__button[data-lang="ru"]`)

	// Space is back: the next automatic retry saves it, and only then
	// does the state clear.
	b.healSaves(t)
	b.waitLong(t, b.gone(`[data-testid="unsaved-notice"]`), 40*time.Second)
	b.waitFor(t, saveState+` === "saved"`)
	b.openHome(t, base)
	b.waitRows(t, 2)
	assert.ElementsMatch(t, []string{"Квота, правка", "Квота (копия)"}, b.rows(t))
	b.assertNoErrors(t)
}

// dialogs answers the page's JavaScript dialogs (beforeunload) with
// accept and records their types.
type dialogs struct {
	mu     sync.Mutex
	accept bool
	seen   []string
}

func (d *dialogs) listen(b *browser) {
	_ = chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			d.mu.Lock()
			d.seen = append(d.seen, string(e.Type))
			accept := d.accept
			d.mu.Unlock()
			go func() {
				_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
			}()
		}
	})
}

func (d *dialogs) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.seen)
}

// TestUnsavedReloadInTheMiddleOfASave: while a save waits for the disk the
// page asks before it is reloaded; staying lets the save finish; leaving
// anyway loses only the edit in flight, never the stored scenario.
func TestUnsavedReloadInTheMiddleOfASave(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowserFor(t, longTimeout)
	var d dialogs
	d.listen(b)
	b.homeWithScenario(t, base, "r.json", "До перезагрузки")
	b.realClick(t, `.home-page__title`) // a user gesture: beforeunload may ask

	// Nothing unsaved: a reload does not ask.
	b.eval(t, `window.__marker = "before", setTimeout(() => location.reload(), 0), ""`)
	b.waitReloadedHome(t)
	require.Zero(t, d.count())
	b.waitRows(t, 1)
	b.openAndComeHome(t)

	// A save in flight: the reload asks; staying keeps the page.
	b.holdRename(t, "После перезагрузки")
	b.eval(t, `window.__marker = "same page", ""`)
	b.eval(t, `setTimeout(() => location.reload(), 0), ""`)
	b.waitFor(t, `true`)
	deadline := time.Now().Add(10 * time.Second)
	for d.count() == 0 && time.Now().Before(deadline) {
		b.waitFor(t, `true`) // a round trip to the page, no fixed sleep
	}
	require.Equal(t, 1, d.count(), "the reload asked first")
	assert.Equal(t, "beforeunload", d.seen[0])
	assert.Equal(t, "same page", b.eval(t, `String(window.__marker)`))

	// The disk answers: the save completes, and a reload no longer asks.
	b.eval(t, `window.__release = true, ""`)
	b.waitFor(t, saveState+` === "saved"`)
	b.open(t, base+"/")
	b.waitRows(t, 1)
	assert.Equal(t, []string{"После перезагрузки"}, b.rows(t))
	assert.Equal(t, 1, d.count())

	// Leaving anyway in the middle of a save: the stored scenario is the
	// last saved one, whole.
	b.openAndComeHome(t)
	b.holdRename(t, "Не успело")
	d.mu.Lock()
	d.accept = true
	d.mu.Unlock()
	b.eval(t, `window.__marker = "before leaving", setTimeout(() => location.reload(), 0), ""`)
	b.waitReloadedHome(t)
	b.waitRows(t, 1)
	assert.Equal(t, []string{"После перезагрузки"}, b.rows(t))
	assert.Equal(t, 2, d.count())
}

// TestUnsavedOtherTabReloadAsks: the "load the new version" link of the
// other-tab notice asks before it drops this tab's unsaved edit.
func TestUnsavedOtherTabReloadAsks(t *testing.T) {
	base := serve(t, siteDir(t))
	a := newBrowserFor(t, longTimeout)
	id := a.homeWithScenario(t, base, "x.json", "Общий")
	a.failSaves(t, id)
	a.renameOpen(t, "Правка вкладки А")
	a.waitFor(t, saveState+` === "failed"`)

	b := a.tab(t)
	b.openHome(t, base)
	b.waitRows(t, 1)
	row := b.rowSelector(t, "Общий")
	b.click(t, row+` [data-testid="rename"]`)
	b.setValue(t, row+` [data-testid="rename-input"]`, "Правка вкладки Б")
	b.click(t, row+` [data-testid="rename-save"]`)
	a.waitFor(t, a.exists(`[data-testid="remote-reload"]`))

	a.click(t, `[data-testid="remote-reload"]`)
	a.waitFor(t, a.exists(`[data-testid="unsaved-dialog"]`))
	assert.Contains(t, a.text(t, `[data-testid="unsaved-dialog"]`), "Изменения этой вкладки ещё не сохранены")
	a.click(t, `[data-testid="unsaved-cancel"]`)
	a.waitFor(t, a.gone(`[data-testid="unsaved-dialog"]`))
	assert.Equal(t, "failed", a.eval(t, saveState), "cancel keeps the edit")

	a.click(t, `[data-testid="remote-reload"]`)
	a.click(t, `[data-testid="unsaved-discard"]`)
	a.waitFor(t, a.gone(`[data-testid="unsaved-notice"]`))
	a.waitFor(t, `document.querySelector(".home-row--open [data-testid=row-title]")?.textContent === "Правка вкладки Б"`)
	a.waitFor(t, saveState+` === "saved"`)
	a.assertNoErrors(t)
}

// TestDatabaseUpgradedInAnotherTab: another tab opens the database at a
// newer version; this tab closes its connection at once (the other tab is
// not blocked) and says so.
func TestDatabaseUpgradedInAnotherTab(t *testing.T) {
	base := serve(t, siteDir(t))
	a := newBrowserFor(t, longTimeout)
	a.homeWithScenario(t, base, "v.json", "Старая вкладка")

	b := a.tab(t)
	b.openPlain(t, base+"/web/icon.svg")
	res := b.evalAwait(t, `new Promise((resolve) => {
		const r = indexedDB.open("triggersim", 1000);
		r.onblocked = () => resolve("blocked");
		r.onsuccess = () => { r.result.close(); resolve("opened"); };
		r.onerror = () => resolve("error " + r.error);
	})`)
	assert.Equal(t, "opened", res, "the old tab let go at once")
	a.waitFor(t, a.exists(`[data-testid="db-upgraded"]`))
	assert.Contains(t, a.text(t, `[data-testid="db-upgraded"]`), "обновлён в другой вкладке")
	a.shot(t, "db-upgraded-ru")
}

// TestDatabaseBlockedByAnotherTab: a tab that keeps the database open at
// an older version blocks the upgrade; the app names the cause instead of
// falling back to memory, and goes on once that tab closes it.
func TestDatabaseBlockedByAnotherTab(t *testing.T) {
	base := serve(t, siteDir(t))
	old := newBrowserFor(t, longTimeout)
	old.openPlain(t, base+"/web/icon.svg")
	require.Equal(t, "open", old.evalAwait(t, `new Promise((resolve) => {
		const r = indexedDB.open("triggersim", 1);
		r.onupgradeneeded = () => r.result.createObjectStore("scenarios");
		r.onsuccess = () => { window.__db = r.result; resolve("open"); };
	})`))

	a := old.tab(t)
	a.open(t, base+"/")
	a.waitFor(t, a.exists(`[data-testid="db-blocked"]`))
	assert.Contains(t, a.text(t, `[data-testid="db-blocked"]`), "Закройте другие вкладки triggersim")
	assert.Equal(t, "false", a.eval(t, `String(!!document.querySelector('[data-testid="storage-warning"]'))`))
	a.click(t, `.lang-switch__button[data-lang="en"]`)
	a.waitFor(t, `document.querySelector('[data-testid="db-blocked"]').textContent.includes("Close the other triggersim tabs")`)
	a.shot(t, "db-blocked-en")

	old.eval(t, `window.__db.close(), ""`)
	a.waitFor(t, a.gone(`[data-testid="db-blocked"]`))
	a.waitFor(t, a.exists(homeLoaded))
	a.upload(t, writeTemp(t, "b.json", scenarioJSON("После ожидания")))
	a.waitRows(t, 1)
	a.waitFor(t, saveState+` === "saved"`)
	assert.Equal(t, "false", a.eval(t, `String(!!document.querySelector('[data-testid="storage-warning"]'))`))
}

// TestMultiFileDropShowsEachOutcome drops three files at once; each gets
// its own line, and the good file's success leaves the others' errors.
func TestMultiFileDropShowsEachOutcome(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowserFor(t, longTimeout)
	b.openHome(t, base)
	bad := `{"format": "triggersim/scenario", "version": 1, "title": "Плохой", "entities": [{"type": "DEAL"}], "triggers": [{"id": "t", "entity": "DEAL", "stage": "NOPE", "code": "CALL"}]}`
	files := []struct{ name, content string }{
		{"bad.json", bad},
		{"broken.json", `{"format": "triggersim/scenario",`},
		{"good.json", scenarioJSON("Хороший")},
	}
	js := `(() => { const dt = new DataTransfer();`
	for _, f := range files {
		js += fmt.Sprintf(`dt.items.add(new File([%q], %q, {type: "application/json"}));`, f.content, f.name)
	}
	js += `document.querySelector("section.home-page").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true})); return ""; })()`
	b.eval(t, js)
	b.waitFor(t, `document.querySelector('[data-testid="import-results"]')?.dataset.done === "1"`)
	b.waitRows(t, 1)
	state := func(name string) string {
		return b.eval(t, fmt.Sprintf(`document.querySelector('[data-testid="import-results"] li[data-file=%q]').dataset.state`, name))
	}
	assert.Equal(t, "failed", state("bad.json"))
	assert.Equal(t, "failed", state("broken.json"))
	assert.Equal(t, "imported", state("good.json"))
	assert.Contains(t, b.text(t, `li[data-file="bad.json"]`), `triggers[0].stage`)
	assert.Contains(t, b.text(t, `li[data-file="good.json"]`), "«Хороший»")
	assert.Contains(t, b.text(t, `[data-testid="import-results"] h2`), "Импортировано 1 из 3")
	assert.Equal(t, []string{"Хороший"}, b.rows(t))
	b.shot(t, "drop-results-ru")
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-testid="import-results"] h2').textContent.includes("1 of 3 imported")`)
	b.shot(t, "drop-results-en")
	b.assertNoErrors(t)
}

// TestAppUpdateIsOffered: a new version installed by the service worker
// is offered, never forced; with an unsaved edit the reload waits.
func TestAppUpdateIsOffered(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowserFor(t, longTimeout)
	id := b.homeWithScenario(t, base, "u.json", "Обновление")
	b.failSaves(t, id)
	b.renameOpen(t, "Обновление, правка")
	b.waitFor(t, saveState+` === "failed"`)

	b.eval(t, `window.__marker = "same page", goappOnUpdate(), ""`)
	b.waitFor(t, b.exists(`[data-testid="update-banner"]`))
	assert.Equal(t, "same page", b.eval(t, `String(window.__marker)`), "no reload by itself")
	assert.Equal(t, "true", b.eval(t, `String(document.querySelector('[data-testid="update-reload"]').disabled)`))
	assert.Contains(t, b.text(t, `[data-testid="update-banner"]`), "когда все изменения сохранятся")
	b.shot(t, "update-waits-ru")

	// Saved: the reload is offered, and happens on the user's click.
	b.healSaves(t)
	b.click(t, fmt.Sprintf(`[data-testid="unsaved-notice"] li[data-id=%q] [data-testid="unsaved-retry"]`, id))
	b.waitFor(t, b.gone(`[data-testid="unsaved-notice"]`))
	b.waitFor(t, `document.querySelector('[data-testid="update-reload"]')?.disabled === false`)
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-testid="update-banner"]').textContent.includes("A new version")`)
	b.shot(t, "update-offer-en")
	b.click(t, `[data-testid="update-reload"]`)
	b.waitReloadedHome(t)
	b.waitRows(t, 1)
	assert.Equal(t, []string{"Обновление, правка"}, b.rows(t))
}
