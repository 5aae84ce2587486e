//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// homeLoaded matches once the home page has read the scenario list.
const homeLoaded = `section.home-page[data-loaded="1"]`

// openHome opens the home page and waits for the scenario list.
func (b *browser) openHome(tb testing.TB, base string) {
	tb.Helper()
	b.open(tb, base+"/")
	b.waitFor(tb, b.exists(homeLoaded))
}

// rows returns the titles of the listed scenarios, newest first.
func (b *browser) rows(tb testing.TB) []string {
	tb.Helper()
	s := b.eval(tb, `JSON.stringify([...document.querySelectorAll('[data-testid="row-title"]')].map(e => e.textContent))`)
	var out []string
	require.NoError(tb, json.Unmarshal([]byte(s), &out))
	return out
}

// waitRows waits until n scenarios are listed.
func (b *browser) waitRows(tb testing.TB, n int) {
	tb.Helper()
	b.waitFor(tb, fmt.Sprintf(`document.querySelectorAll('[data-testid="row-title"]').length === %d`, n))
}

// rowSelector is the CSS selector of the row of the scenario titled title.
func (b *browser) rowSelector(tb testing.TB, title string) string {
	tb.Helper()
	b.waitFor(tb, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="row-title"]')].some(e => e.textContent === %q)`, title))
	id := b.eval(tb, fmt.Sprintf(`[...document.querySelectorAll('[data-testid="row-title"]')].find(e => e.textContent === %q).closest("[data-scenario]").dataset.scenario`, title))
	return fmt.Sprintf(`[data-scenario=%q]`, id)
}

// upload imports files through the home page's file input.
func (b *browser) upload(tb testing.TB, paths ...string) {
	tb.Helper()
	require.NoError(tb, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="import-file"]`), paths)))
}

// writeTemp writes a file into a fresh temporary directory.
func writeTemp(tb testing.TB, name, content string) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	require.NoError(tb, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// scenarioJSON is a small valid scenario titled title.
func scenarioJSON(title string) string {
	return fmt.Sprintf(`{"format": "triggersim/scenario", "version": 1, "title": %q, "locale": "ru",
 "entities": [{"type": "DEAL"}],
 "triggers": [{"id": "t1", "entity": "DEAL", "stage": "PREPARATION", "code": "CALL"}],
 "items": [{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "Поставка"}}]}`, title)
}

func TestHomeCreateDuplicateRenameDelete(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.waitFor(t, b.exists(`[data-testid="home-empty"]`))
	assert.Equal(t, "0 сценариев", b.text(t, `[data-testid="scenario-count"]`))
	// The Russian examples come first, then the English ones.
	assert.Equal(t, "ru,en", b.eval(t, `[...document.querySelectorAll(".home-examples__group")].map(g => g.dataset.locale).join()`))

	// Create: a blank scenario opens in the designer.
	b.click(t, `[data-testid="home-new"]`)
	b.waitFor(t, `location.pathname === "/design"`)
	b.waitFor(t, b.exists(`[data-stage]`))
	b.click(t, `.header__link[href="/"]`)
	b.waitFor(t, b.exists(homeLoaded))
	b.waitRows(t, 1)
	assert.Equal(t, []string{"Новый сценарий"}, b.rows(t))
	assert.Equal(t, "1 сценарий", b.text(t, `[data-testid="scenario-count"]`))
	assert.Contains(t, b.text(t, `.home-row__meta`), "версия 1")

	// Duplicate.
	b.click(t, b.rowSelector(t, "Новый сценарий")+` [data-testid="duplicate"]`)
	b.waitRows(t, 2)
	assert.ElementsMatch(t, []string{"Новый сценарий", "Новый сценарий (копия)"}, b.rows(t))
	assert.Equal(t, "2 сценария", b.text(t, `[data-testid="scenario-count"]`))

	// Rename the copy in place.
	row := b.rowSelector(t, "Новый сценарий (копия)")
	b.click(t, row+` [data-testid="rename"]`)
	b.setValue(t, row+` [data-testid="rename-input"]`, "Оплата счёта")
	b.click(t, row+` [data-testid="rename-save"]`)
	b.waitFor(t, fmt.Sprintf(`document.querySelector(%q)?.textContent === "Оплата счёта"`, row+` [data-testid="row-title"]`))
	assert.Contains(t, b.text(t, row+` .home-row__meta`), "версия 2")

	// Delete asks first; cancelling keeps the scenario.
	b.click(t, row+` [data-testid="delete"]`)
	b.waitFor(t, b.exists(`[data-testid="delete-dialog"]`))
	assert.Contains(t, b.text(t, `[data-testid="delete-dialog"]`), "«Оплата счёта»")
	b.click(t, `[data-testid="delete-cancel"]`)
	b.waitFor(t, b.gone(`[data-testid="delete-dialog"]`))
	b.waitRows(t, 2)
	b.click(t, row+` [data-testid="delete"]`)
	b.click(t, `[data-testid="delete-confirm"]`)
	b.waitRows(t, 1)
	assert.Equal(t, []string{"Новый сценарий"}, b.rows(t))

	// Open goes to the designer with the scenario; Simulate to the board.
	b.click(t, b.rowSelector(t, "Новый сценарий")+` [data-testid="simulate"]`)
	b.waitFor(t, `location.pathname === "/simulate"`)
	b.click(t, `.header__link[href="/"]`)
	b.waitFor(t, b.exists(homeLoaded))
	b.assertNoErrors(t)
}

func TestHomeImportFile(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)

	b.upload(t, writeTemp(t, "oplata.json", scenarioJSON("Импортированный")))
	b.waitRows(t, 1)
	assert.Equal(t, []string{"Импортированный"}, b.rows(t))
	assert.Contains(t, b.text(t, `[data-testid="home-notice"]`), "«Импортированный» импортирован")

	// An invalid file lists every error with its path and imports nothing.
	bad := `{"format": "triggersim/scenario", "version": 1, "titel": "x",
 "entities": [{"type": "DEAL"}],
 "triggers": [{"id": "t1", "entity": "DEAL", "stage": "NOPE", "code": "CALL", "alowBackwards": true}],
 "items": [{"id": 1, "entity": "DEAL", "stage": "NEW"}, {"id": 1, "entity": "DEAL", "stage": "NEW"}]}`
	b.upload(t, writeTemp(t, "broken.json", bad))
	b.waitFor(t, b.exists(`[data-testid="import-errors"]`))
	paths := b.eval(t, `[...document.querySelectorAll('[data-testid="error-path"]')].map(e => e.textContent).join("\n")`)
	for _, want := range []string{"titel", "triggers[0].alowBackwards", "items[1].id"} {
		assert.Contains(t, paths, want)
	}
	assert.Contains(t, b.text(t, `[data-testid="import-errors"] h2`), "«broken.json» не импортирован, ничего не изменилось.")
	b.waitRows(t, 1)
	b.screenshot(t, "import-errors")
	b.assertNoErrors(t)
}

// TestHomeImportErrorsInInterfaceLanguage: a broken JSON file's error reads
// in the interface's language, with its line and column, and follows the
// language switch.
func TestHomeImportErrorsInInterfaceLanguage(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)

	b.upload(t, writeTemp(t, "broken.json", "{\n  \"format\": \"triggersim/scenario\",\n  \"version\": 1,\n}"))
	b.waitFor(t, b.exists(`[data-testid="import-errors"]`))
	const msg = `[data-testid="import-errors"] .home-errors__msg`
	assert.Equal(t, "неверный JSON в строке 4, столбце 1: встретился символ '}', а ожидался ключ объекта в кавычках", b.text(t, msg))
	assert.Contains(t, b.text(t, `[data-testid="import-errors"] h2`), "«broken.json» не импортирован")

	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector('[data-testid="import-errors"] .home-errors__msg')?.textContent.startsWith("invalid JSON")`)
	assert.Equal(t, "invalid JSON at line 4, column 1: unexpected character '}', expected a quoted object key", b.text(t, msg))
	b.assertNoErrors(t)
}

func TestHomeHostileFiles(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)

	// Markup in a title is text: it never runs and never becomes elements.
	hostile := `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`
	b.upload(t, writeTemp(t, "hostile.json", scenarioJSON(hostile)))
	b.waitRows(t, 1)
	assert.Equal(t, []string{hostile}, b.rows(t))
	assert.Equal(t, "none", b.eval(t, `String(window.__pwned ?? "none")`))
	assert.Equal(t, "0", b.eval(t, `String(document.querySelectorAll(".home-page script, .home-page img[src=x]").length)`))

	// Duplicate ids: each listed with its path.
	dup := `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}],
 "triggers": [{"id": "t1", "entity": "DEAL", "stage": "NEW", "code": "CALL"}, {"id": "t1", "entity": "DEAL", "stage": "NEW", "code": "CALL"}],
 "items": [{"id": 7, "entity": "DEAL", "stage": "NEW"}, {"id": 7, "entity": "DEAL", "stage": "NEW"}]}`
	b.upload(t, writeTemp(t, "dup.json", dup))
	b.waitFor(t, b.exists(`[data-testid="import-errors"]`))
	paths := b.eval(t, `[...document.querySelectorAll('[data-testid="error-path"]')].map(e => e.textContent).join("\n")`)
	assert.Contains(t, paths, "triggers[1].id")
	assert.Contains(t, paths, "items[1].id")

	// Deep nesting is refused with its path.
	deep := `{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}], "description": ` +
		strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`
	b.upload(t, writeTemp(t, "deep.json", deep))
	b.waitFor(t, `[...document.querySelectorAll('[data-testid="error-path"]')].some(e => e.textContent.startsWith("description[0]"))`)
	assert.Contains(t, b.text(t, `[data-testid="import-errors"]`), "вложенность глубже 64 уровней")

	// 100 000 items: refused with a clear message, and the page stays
	// usable (the wait below would time out if the tab hung).
	var big strings.Builder
	big.WriteString(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}], "items": [`)
	for i := 1; i <= 100_000; i++ {
		if i > 1 {
			big.WriteByte(',')
		}
		fmt.Fprintf(&big, `{"id": %d, "entity": "DEAL", "stage": "NEW"}`, i)
	}
	big.WriteString(`]}`)
	start := time.Now()
	b.upload(t, writeTemp(t, "big.json", big.String()))
	b.waitFor(t, `document.querySelector('[data-testid="import-errors"]')?.textContent.includes("элементов: 100000, а сценарий в браузере может начинаться не более чем с 10000")`)
	t.Logf("100 000 items refused after %v", time.Since(start).Round(time.Millisecond))
	assert.Equal(t, "1 сценарий", b.text(t, `[data-testid="scenario-count"]`))
	b.click(t, `[data-testid="home-paste"]`)
	b.waitFor(t, b.exists(`[data-testid="paste-dialog"]`))
	b.assertNoErrors(t)
}

// enableDownloads makes the browser save downloads into dir and report
// them: waitDownload waits for the browser's "completed" event, not for
// the file to appear.
func (b *browser) enableDownloads(tb testing.TB) {
	tb.Helper()
	events := true
	dir := tb.TempDir()
	b.downloads = make(chan download, 16)
	names := map[string]string{} // GUID → suggested file name; the reader goroutine only
	require.NoError(tb, chromedp.ListenBrowser(b.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *cdpbrowser.EventDownloadWillBegin:
			names[ev.GUID] = ev.SuggestedFilename
		case *cdpbrowser.EventDownloadProgress:
			if ev.State == cdpbrowser.DownloadProgressStateCompleted {
				b.downloads <- download{name: names[ev.GUID], path: filepath.Join(dir, ev.GUID)}
			}
		}
	}))
	_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior:      cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, // saved as dir/GUID
		DownloadPath:  dir,
		EventsEnabled: &events,
	})
	require.NoError(tb, err)
}

// download is a finished download: the name the page gave it and where
// the browser saved it.
type download struct{ name, path string }

// waitDownload waits for the next finished download, which must be named
// name, and returns its bytes.
func (b *browser) waitDownload(tb testing.TB, name string) []byte {
	tb.Helper()
	select {
	case d := <-b.downloads:
		require.Equal(tb, name, d.name, "the downloaded file's name")
		data, err := os.ReadFile(d.path)
		require.NoError(tb, err)
		return data
	case <-b.ctx.Done():
		require.FailNow(tb, "no download "+name)
		return nil
	}
}

func TestHomeExportImportRoundTrip(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.enableDownloads(t)
	b.openHome(t, base)

	// Start from a rich built-in example.
	b.click(t, `[data-example="01-oplata-scheta.json"] [data-testid="example-open"]`)
	b.waitFor(t, `location.pathname === "/design"`)
	b.click(t, `.header__link[href="/"]`)
	b.waitFor(t, b.exists(homeLoaded))
	b.waitRows(t, 1)
	title := b.rows(t)[0]
	b.click(t, b.rowSelector(t, title)+` [data-testid="export"]`)
	first := b.waitDownload(t, title+".json")

	// Import the downloaded file, export the import: the same bytes.
	exported := filepath.Join(t.TempDir(), "again.json")
	require.NoError(t, os.WriteFile(exported, first, 0o644))
	b.upload(t, exported)
	b.waitRows(t, 2)
	b.waitFor(t, b.exists(`.home-row--open`))
	b.click(t, `.home-row--open [data-testid="export"]`)
	second := b.waitDownload(t, title+".json")
	assert.Equal(t, string(first), string(second))
	b.assertNoErrors(t)
}

func TestHomeShareLink(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "s.json", scenarioJSON("Поделиться")))
	b.waitRows(t, 1)
	b.click(t, b.rowSelector(t, "Поделиться")+` [data-testid="share"]`)
	b.waitFor(t, b.exists(`[data-testid="share-link"]`))
	link := b.eval(t, `document.querySelector('[data-testid="share-link"]').value`)
	require.True(t, strings.HasPrefix(link, base+"/#s1."), link)

	// Another browser (another person) opens the link.
	other := newBrowser(t)
	other.open(t, link)
	other.waitFor(t, other.exists(`[data-testid="shared-dialog"]`))
	other.waitFor(t, other.exists(`[data-testid="shared-title"]`))
	assert.Equal(t, "Поделиться", other.text(t, `[data-testid="shared-title"]`))
	counts := other.text(t, `[data-testid="shared-counts"]`)
	for _, want := range []string{"1 триггер", "0 роботов", "1 элемент"} {
		assert.Contains(t, counts, want)
	}
	other.click(t, `[data-testid="shared-import"]`)
	other.waitRows(t, 1)
	assert.Equal(t, []string{"Поделиться"}, other.rows(t))
	assert.Equal(t, "", other.eval(t, `location.hash`), "the link is consumed")

	// A damaged link says so and imports nothing.
	other.open(t, base+"/#s1.AAAA")
	other.waitFor(t, `document.querySelector('[data-testid="shared-dialog"]')?.textContent.includes("Ссылка не открывается")`)
	other.waitRows(t, 1)

	// A crafted 78 KB link that inflates to 20 MB with 444 000 events is
	// refused before it is read, with the way out (a file).
	bomb, err := os.ReadFile(filepath.Join("..", "app", "share", "testdata", "hostile", "events-444k.txt"))
	require.NoError(t, err)
	other.open(t, base+"/#"+strings.TrimSpace(string(bomb)))
	other.waitFor(t, `document.querySelector('[data-testid="shared-dialog"]')?.textContent.includes("больше, чем может нести ссылка")`)
	assert.Contains(t, other.text(t, `[data-testid="shared-dialog"]`), "«Импорт из файла»")
	other.waitRows(t, 1)
	b.assertNoErrors(t)
	other.assertNoErrors(t)
}

func TestHomeScreenshots(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	for i, title := range []string{"Оплата счёта двигает сделку", "Пропущенный звонок: лиды", "Смарт-процесс «Ремонт»"} {
		b.upload(t, writeTemp(t, "s"+strconv.Itoa(i)+".json", scenarioJSON(title)))
		b.waitRows(t, i+1)
	}
	b.eval(t, `window.scrollTo(0, 0), ""`)
	b.screenshot(t, "home-ru")
	b.click(t, `.lang-switch__button[data-lang="en"]`)
	b.waitFor(t, `document.querySelector(".home-page__title").textContent === "Scenarios"`)
	assert.Equal(t, "3 scenarios", b.text(t, `[data-testid="scenario-count"]`))
	assert.Equal(t, "en,ru", b.eval(t, `[...document.querySelectorAll(".home-examples__group")].map(g => g.dataset.locale).join()`))
	b.screenshot(t, "home-en")
	b.assertNoErrors(t)
}

func TestHomeBitrix24Pipelines(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	abs := func(name string) string {
		p, err := filepath.Abs(filepath.Join("..", "app", "b24import", "testdata", name))
		require.NoError(t, err)
		return p
	}
	b.click(t, `[data-testid="home-b24"]`)
	b.waitFor(t, b.exists(`[data-testid="b24-dialog"]`))
	// Without both files nothing happens but a hint.
	b.click(t, `[data-testid="b24-import"]`)
	b.waitFor(t, `document.querySelector('[data-testid="b24-dialog"]').textContent.includes("Выберите оба файла")`)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="b24-categories"]`), []string{abs("categories.json")})))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="b24-statuses"]`), []string{abs("statuses.json")})))
	b.waitFor(t, `document.querySelectorAll('[data-testid="b24-dialog"] .home-field__hint').length === 2`)
	b.click(t, `[data-testid="b24-import"]`)
	b.waitRows(t, 1)
	assert.Equal(t, []string{"Воронки портала"}, b.rows(t))

	// Again, into the open scenario: no new scenario, the pipelines merged.
	b.click(t, `[data-testid="home-b24"]`)
	b.waitFor(t, b.exists(`[data-testid="b24-dialog"]`))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="b24-categories"]`), []string{abs("categories.json")})))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="b24-statuses"]`), []string{abs("statuses.json")})))
	b.waitFor(t, `document.querySelectorAll('[data-testid="b24-dialog"] .home-field__hint').length === 2`)
	b.click(t, `#b24-merge`)
	b.click(t, `[data-testid="b24-import"]`)
	b.waitFor(t, `document.querySelector('[data-testid="home-notice"]')?.textContent.includes("Воронки добавлены в «Воронки портала»")`)
	b.waitFor(t, b.gone(`[data-testid="b24-dialog"]`))
	assert.Equal(t, []string{"Воронки портала"}, b.rows(t))

	// The pipelines are the portal's: open it in the designer.
	b.click(t, `.home-row--open [data-testid="open"]`)
	b.waitFor(t, `location.pathname === "/design"`)
	b.waitFor(t, b.exists(`[data-stage]`))
	b.assertNoErrors(t)
}
