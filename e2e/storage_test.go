//go:build e2e

package e2e

import (
	"context"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/cmd/serve/static"
)

// browserWithProfile starts Chromium on a given profile directory, so a
// test can stop it and start it again on the same data. It is newBrowser
// with the profile chosen by the caller and an explicit stop.
func browserWithProfile(tb testing.TB, profile string) (*browser, func()) {
	tb.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(tb)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{}
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithListener(b.record))
	err := chromedp.Do(ctx)
	require.NoError(tb, err, "start Chromium")
	ctx, cancelTimeout := context.WithTimeout(ctx, testTimeout)
	b.ctx = ctx
	var once sync.Once
	stop := func() {
		once.Do(func() {
			// Closing the browser gracefully lets it flush IndexedDB.
			_ = chromedp.Cancel(ctx)
			cancelTimeout()
			cancel()
			cancelAlloc()
		})
	}
	tb.Cleanup(stop)
	return b, stop
}

// tab opens a second tab in the same browser (same profile, same storage).
func (b *browser) tab(tb testing.TB) *browser {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	tb.Cleanup(cancel)
	t := &browser{ctx: ctx}
	return t
}

func TestStorageReloadKeepsEverything(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "a.json", scenarioJSON("Первый")))
	b.waitRows(t, 1)
	row := b.rowSelector(t, "Первый")
	b.click(t, row+` [data-testid="rename"]`)
	b.setValue(t, row+` [data-testid="rename-input"]`, "Первый, переименован")
	b.click(t, row+` [data-testid="rename-save"]`)
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.dataset.state === "saved"`)
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.click(t, `[data-testid="presenter-toggle"]`)
	b.waitFor(t, `document.body.classList.contains("presenter")`)
	b.waitFor(t, `document.querySelector('[data-testid="presenter-toggle"]').getAttribute("aria-pressed") === "true"`)

	// The settings live in IndexedDB: even without the localStorage
	// mirror they come back.
	b.eval(t, `localStorage.clear(), ""`)
	b.openHome(t, base)
	b.waitRows(t, 1)
	assert.Equal(t, []string{"Первый, переименован"}, b.rows(t))
	b.waitFor(t, `document.querySelector(".home-page__title").textContent === "Scenarios"`)
	assert.Contains(t, b.text(t, `.home-row__meta`), "version 2")
	b.waitFor(t, `document.body.classList.contains("presenter")`)
	b.assertNoErrors(t)
}

func TestStorageBrowserRestart(t *testing.T) {
	base := serve(t, siteDir(t))
	profile := t.TempDir()
	b, stop := browserWithProfile(t, profile)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "a.json", scenarioJSON("Переживёт перезапуск")))
	b.waitRows(t, 1)
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.dataset.state === "saved"`)
	stop()

	b2, _ := browserWithProfile(t, profile)
	b2.openHome(t, base)
	b2.waitRows(t, 1)
	assert.Equal(t, []string{"Переживёт перезапуск"}, b2.rows(t))
	b2.assertNoErrors(t)
}

func TestStorageConflictBetweenTabs(t *testing.T) {
	base := serve(t, siteDir(t))
	a := newBrowser(t)
	a.openHome(t, base)
	a.upload(t, writeTemp(t, "x.json", scenarioJSON("Общий сценарий")))
	a.waitRows(t, 1)
	// The import opened the scenario in tab A.
	a.waitFor(t, a.exists(`.home-row--open`))

	// Tab B renames it: tab A hears of it.
	b := a.tab(t)
	b.openHome(t, base)
	b.waitRows(t, 1)
	row := b.rowSelector(t, "Общий сценарий")
	b.click(t, row+` [data-testid="rename"]`)
	b.setValue(t, row+` [data-testid="rename-input"]`, "Версия вкладки Б")
	b.click(t, row+` [data-testid="rename-save"]`)
	b.waitFor(t, b.exists(`[data-testid="row-title"]`)+` && document.querySelector('[data-testid="row-title"]').textContent === "Версия вкладки Б"`)
	a.waitFor(t, a.exists(`[data-testid="remote-notice"]`))
	a.waitFor(t, `document.querySelector('[data-testid="row-title"]')?.textContent === "Версия вкладки Б"`)

	// Tab A edits its (older) copy: the save conflicts, nothing is lost.
	rowA := `.home-row--open`
	a.click(t, rowA+` [data-testid="rename"]`)
	a.setValue(t, rowA+` [data-testid="rename-input"]`, "Версия вкладки А")
	a.click(t, rowA+` [data-testid="rename-save"]`)
	a.waitFor(t, a.exists(`[data-testid="conflict-dialog"]`))
	assert.Equal(t, "Сценарий изменён в другой вкладке", a.text(t, `#dlg-conflict-dialog`))
	assert.Equal(t, "Не сохранено: сценарий изменён в другой вкладке", a.text(t, `[data-testid="header-save-state"]`))
	a.screenshot(t, "conflict")

	// Keep A's version as a copy: both versions exist, in both tabs.
	a.click(t, `[data-testid="conflict-copy"]`)
	a.waitFor(t, a.gone(`[data-testid="conflict-dialog"]`))
	a.waitRows(t, 2)
	assert.ElementsMatch(t, []string{"Версия вкладки Б", "Версия вкладки А (копия)"}, a.rows(t))
	b.waitRows(t, 2)
	assert.Equal(t, "Сохранено", a.text(t, `[data-testid="header-save-state"]`))

	// Reload instead: B changes the copy, A's next edit conflicts, and
	// "Перезагрузить" takes B's version.
	row = b.rowSelector(t, "Версия вкладки А (копия)")
	b.click(t, row+` [data-testid="rename"]`)
	b.setValue(t, row+` [data-testid="rename-input"]`, "Копия, правка Б")
	b.click(t, row+` [data-testid="rename-save"]`)
	a.waitFor(t, `[...document.querySelectorAll('[data-testid="row-title"]')].some(e => e.textContent === "Копия, правка Б")`)
	a.click(t, `.home-row--open [data-testid="rename"]`)
	a.setValue(t, `.home-row--open [data-testid="rename-input"]`, "Копия, правка А")
	a.click(t, `.home-row--open [data-testid="rename-save"]`)
	a.waitFor(t, a.exists(`[data-testid="conflict-dialog"]`))
	a.click(t, `[data-testid="conflict-reload"]`)
	a.waitFor(t, a.gone(`[data-testid="conflict-dialog"]`))
	a.waitFor(t, `document.querySelector(".home-row--open [data-testid=row-title]")?.textContent === "Копия, правка Б"`)
	a.assertNoErrors(t)
}

func TestStorageHistoryRestore(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "h.json", scenarioJSON("Исходное название")))
	b.waitRows(t, 1)
	for _, title := range []string{"Второе название", "Третье название"} {
		row := `.home-row--open`
		b.click(t, row+` [data-testid="rename"]`)
		b.setValue(t, row+` [data-testid="rename-input"]`, title)
		b.click(t, row+` [data-testid="rename-save"]`)
		b.waitFor(t, `document.querySelector(".home-row--open [data-testid=row-title]")?.textContent === "`+title+`"`)
	}
	b.click(t, `.home-row--open [data-testid="open"]`)
	b.waitFor(t, `location.pathname === "/design"`)
	b.click(t, `[data-testid="history-open"]`)
	b.waitFor(t, `document.querySelectorAll('[data-testid="history-dialog"] li[data-rev]').length === 3`)
	assert.Contains(t, b.text(t, `[data-testid="history-dialog"] li[data-rev="3"]`), "текущая")
	b.click(t, `[data-testid="restore-1"]`)
	b.waitFor(t, b.gone(`[data-testid="history-dialog"]`))
	b.waitFor(t, `location.pathname === "/design"`)
	b.click(t, `.header__link[href="/"]`)
	b.waitFor(t, b.exists(homeLoaded))
	b.waitFor(t, `document.querySelector(".home-row--open [data-testid=row-title]")?.textContent === "Исходное название"`)
	assert.Contains(t, b.text(t, `.home-row--open .home-row__meta`), "версия 4")
	b.assertNoErrors(t)
}

func TestStorageOfflineReload(t *testing.T) {
	srv := httptest.NewServer(static.Handler(os.DirFS(siteDir(t))))
	t.Cleanup(srv.Close)
	b := newBrowser(t)
	b.openHome(t, srv.URL)
	b.upload(t, writeTemp(t, "o.json", scenarioJSON("Без сети")))
	b.waitRows(t, 1)
	// The service worker has cached the app once it controls the page.
	b.waitFor(t, `navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)`)

	srv.CloseClientConnections()
	srv.Close()
	for _, path := range []string{"/", "/design", "/simulate", "/lessons"} {
		b.open(t, srv.URL+path)
	}
	b.openHome(t, srv.URL)
	b.waitRows(t, 1)
	assert.Equal(t, []string{"Без сети"}, b.rows(t))
	// The logo is drawn in the page; the icon file it draws (the installed
	// app's icon) and the favicon come from the cache too.
	assert.Equal(t, "true", b.eval(t, `String(!!document.querySelector(".header__brand svg.header__logo"))`))
	ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`fetch("/web/icon.svg").then(r => r.ok && r.headers.get("content-type").startsWith("image/svg"))`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.True(t, ok, "/web/icon.svg offline")
	ok, err = chromedp.Run(b.ctx, chromedp.Evaluate[bool](`fetch("/web/icon-32.png").then(r => r.ok && r.headers.get("content-type") === "image/png")`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.True(t, ok, "/web/icon-32.png (the favicon) offline")
	// A page with a query string comes from the cache too, and works: the
	// built-in example opens and its board shows.
	b.open(t, srv.URL+"/simulate?example=07-seed-article.json")
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	b.assertNoErrors(t)
}

// TestStorageUnavailable runs the app where IndexedDB cannot be used, as in
// some private windows: it works on memory and says so on every page.
func TestStorageUnavailable(t *testing.T) {
	tests := []struct{ name, script string }{
		{"open refused", `IDBFactory.prototype.open = function() { throw new DOMException("private mode", "InvalidStateError"); };`},
		{"getter throws", `Object.defineProperty(window, "indexedDB", {get() { throw new DOMException("denied", "SecurityError"); }});`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := serve(t, siteDir(t))
			b := newBrowser(t)
			_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: tt.script})
			require.NoError(t, err)
			b.openHome(t, base)
			b.waitFor(t, b.exists(`[data-testid="storage-warning"]`))
			assert.Equal(t, "Хранилище браузера недоступно (приватное окно?) — изменения не сохранятся после закрытия вкладки",
				b.text(t, `[data-testid="storage-warning"]`))
			b.upload(t, writeTemp(t, "m.json", scenarioJSON("В памяти")))
			b.waitRows(t, 1)
			b.waitFor(t, b.exists(`[data-testid="storage-usage"]`))
			assert.Contains(t, b.text(t, `[data-testid="storage-usage"]`), "только в этой вкладке")
			// The warning stays on the other pages.
			b.click(t, `.header__link[data-nav="/design"]`)
			b.waitFor(t, `location.pathname === "/design"`)
			b.waitFor(t, b.exists(`[data-testid="storage-warning"]`))
			b.assertNoErrors(t)
		})
	}
}
