//go:build e2e

package e2e

import (
	"fmt"
	"net/url"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/teach"
	"github.com/triggersim/triggersim/lesson"
)

// Every page is an address (issue 10): the open scenario and the place in
// it are in the URL, so F5, back and forward and a copied address land
// where the user was. The pages mark what they show on <body>:
// data-page is the page's path, data-scenario the scenario it loaded.

// shown is the selector of a page that has loaded a scenario ("" for a
// page that shows none, "*" for any).
func shown(page, id string) string {
	switch id {
	case "*":
		return fmt.Sprintf(`body[data-ready="1"][data-page=%q][data-scenario]:not([data-scenario=""])`, page)
	}
	return fmt.Sprintf(`body[data-ready="1"][data-page=%q][data-scenario=%q]`, page, id)
}

// waitShown waits until the page has loaded a scenario and returns its id.
// A load starts the wasm app anew, which on a busy machine takes longer
// than waitFor's poll: it waits as long as the test's browser session.
func (b *browser) waitShown(tb testing.TB, page, id string) string {
	tb.Helper()
	err := chromedp.Do(b.ctx, chromedp.WaitReady(chromedp.CSS(shown(page, id))))
	require.NoError(tb, err, "wait for %s", shown(page, id))
	return b.eval(tb, `document.body.dataset.scenario`)
}

// reload presses F5 and waits for the page to show the scenario again.
func (b *browser) reload(tb testing.TB, page, id string) {
	tb.Helper()
	require.NoError(tb, chromedp.Do(b.ctx, chromedp.Reload()))
	b.waitShown(tb, page, id)
}

// reloadPage presses F5 and waits for the page to mount again.
func (b *browser) reloadPage(tb testing.TB, page string) {
	tb.Helper()
	require.NoError(tb, chromedp.Do(b.ctx, chromedp.Reload()))
	sel := fmt.Sprintf(`body[data-ready="1"][data-page=%q]`, page)
	err := chromedp.Do(b.ctx, chromedp.WaitReady(chromedp.CSS(sel)))
	require.NoError(tb, err, "wait for %s", sel)
}

// query is the current address's query.
func (b *browser) query(tb testing.TB) url.Values {
	tb.Helper()
	q, err := url.ParseQuery(b.eval(tb, `location.search.slice(1)`))
	require.NoError(tb, err)
	return q
}

// navigateHistory goes back (-1) or forward (1).
func (b *browser) navigateHistory(tb testing.TB, delta int) {
	tb.Helper()
	b.eval(tb, fmt.Sprintf(`history.go(%d), ""`, delta))
}

// A scenario created on the home page opens in the designer under its own
// address; a trigger added on a second pipeline is still there, on that
// pipeline, after F5.
func TestAddressDesignerReload(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.click(t, `[data-testid="home-new"]`)
	id := b.waitShown(t, "/design", "*")
	assert.Equal(t, id, b.query(t).Get("id"), "the designer's address names the scenario")

	b.click(t, `[data-testid="pipeline-add"]`)
	b.waitFor(t, b.exists(`[data-pipeline="1"][aria-selected="true"]`))
	b.waitFor(t, `new URLSearchParams(location.search).get("pipeline") === "1"`)
	b.click(t, `[data-stage="C1:NEW"] [data-testid="add-trigger"]`)
	b.waitFor(t, b.exists(`[data-testid="trigger-catalog"]`))
	b.click(t, `[data-testid="trigger-catalog"] [data-code="CALL"]`)
	b.click(t, `[data-testid="catalog-add"]`)
	b.waitFor(t, b.exists(`[data-testid="trigger-dialog"]`))
	b.click(t, `[data-testid="trigger-save"]`)
	b.waitFor(t, b.gone(`[data-testid="trigger-dialog"]`))
	b.waitFor(t, b.exists(`[data-stage="C1:NEW"] [data-trigger]`))
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.dataset.state === "saved"`)

	b.reload(t, "/design", id)
	b.waitFor(t, b.exists(`[data-pipeline="1"][aria-selected="true"]`))
	b.waitFor(t, b.exists(`[data-stage="C1:NEW"] [data-trigger]`))
	assert.Equal(t, "DEAL", b.query(t).Get("entity"))
	b.assertNoErrors(t)
}

// The header's sections carry the open scenario, and a bare /design (a
// new tab, a bookmark) reopens the scenario this browser opened last.
func TestAddressHeaderLinksAndBareDesign(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "bare.json", scenarioJSON("Последний открытый")))
	b.waitRows(t, 1)
	b.click(t, b.rowSelector(t, "Последний открытый")+` [data-testid="open"]`)
	id := b.waitShown(t, "/design", "*")
	for _, page := range []string{"/simulate", "/whatif"} {
		href := b.eval(t, fmt.Sprintf(`document.querySelector('.header__link[data-nav=%q]').getAttribute("href")`, page))
		u, err := url.Parse(href)
		require.NoError(t, err)
		assert.Equal(t, page, u.Path, href)
		assert.Equal(t, id, u.Query().Get("id"), href)
	}

	b.open(t, base+"/design")
	b.waitShown(t, "/design", id)
	b.waitFor(t, b.exists(`[data-stage="NEW"]`))
	assert.Equal(t, id, b.query(t).Get("id"), "the address then names it")
	b.assertNoErrors(t)
}

// The home page after F5 lists what was created before it.
func TestAddressHomeReload(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "home.json", scenarioJSON("После F5")))
	b.waitRows(t, 1)
	b.reloadPage(t, "/")
	b.waitFor(t, b.exists(homeLoaded))
	b.waitRows(t, 1)
	assert.Equal(t, []string{"После F5"}, b.rows(t))
	b.assertNoErrors(t)
}

// The board keeps its place: the open item and the side panel survive F5;
// back from the designer returns to that place and forward goes again; a
// bare /simulate reopens the last scenario.
func TestAddressBoardReloadAndHistory(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.openHome(t, base)
	b.upload(t, writeTemp(t, "place.json", scenarioJSON("Место на доске")))
	b.waitRows(t, 1)
	row := b.rowSelector(t, "Место на доске")
	b.click(t, row+` [data-testid="simulate"]`)
	id := b.waitShown(t, "/simulate", "*")
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)

	click(t, b, `[data-panel="timeline"]`)
	b.waitFor(t, `new URLSearchParams(location.search).get("panel") === "timeline"`)
	click(t, b, `[data-target="DEAL_1"] .board__card-title`)
	b.waitFor(t, b.exists(`[data-testid="item-dialog"]`))
	b.waitFor(t, `new URLSearchParams(location.search).get("item") === "DEAL_1"`)
	q := b.query(t)
	assert.Equal(t, id, q.Get("id"))
	assert.Equal(t, "DEAL", q.Get("entity"))

	b.reload(t, "/simulate", id)
	b.waitFor(t, b.exists(`[data-testid="item-dialog"]`))
	b.waitFor(t, b.exists(`[data-panel="timeline"][aria-selected="true"]`))
	assert.Contains(t, b.text(t, `[data-testid="item-dialog"]`), "DEAL_1")

	// Closing the item takes it out of the address.
	click(t, b, `[data-testid="item-dialog"] .modal__close`)
	b.waitFor(t, b.gone(`[data-testid="item-dialog"]`))
	b.waitFor(t, `!new URLSearchParams(location.search).has("item")`)

	// To the designer through the header, back, and forward.
	click(t, b, `.header__link[data-nav="/design"]`)
	b.waitShown(t, "/design", id)
	b.navigateHistory(t, -1)
	b.waitShown(t, "/simulate", id)
	b.waitFor(t, b.exists(`[data-panel="timeline"][aria-selected="true"]`))
	b.navigateHistory(t, 1)
	b.waitShown(t, "/design", id)

	b.open(t, base+"/simulate")
	b.waitShown(t, "/simulate", id)
	b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
	b.assertNoErrors(t)
}

// An example opened by its name is stored once: the address then names
// the stored copy, so F5 does not make another one.
func TestAddressExampleStoredOnce(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/simulate?example=07-seed-article")
	id := b.waitShown(t, "/simulate", "*")
	q := b.query(t)
	assert.Equal(t, id, q.Get("id"))
	assert.False(t, q.Has("example"), "the example is stored: %v", q)
	b.reload(t, "/simulate", id)
	b.openHome(t, base)
	b.waitRows(t, 1)
	b.assertNoErrors(t)
}

// The what-if lab keeps variant A, variant B and the seed.
func TestAddressWhatifReload(t *testing.T) {
	b := openWhatif(t, "")
	id := b.waitShown(t, "/whatif", "*")
	q := b.query(t)
	assert.Equal(t, id, q.Get("id"))
	assert.Equal(t, "example:11-whatif-schet-3dnya.json", q.Get("variant"))
	b.setValue(t, `[data-testid="whatif-seed"]`, "7")
	b.waitFor(t, `new URLSearchParams(location.search).get("seed") === "7"`)

	b.reload(t, "/whatif", id)
	b.waitFor(t, `document.querySelector('[data-testid="whatif-seed"]')?.value === "7"`)
	assert.Equal(t, "example:11-whatif-schet-3dnya.json", b.eval(t, `document.querySelector('[data-testid="whatif-variant"]').value`))
	b.assertNoErrors(t)
}

// A lesson and the narration's step survive F5.
func TestAddressLessonReload(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/lesson?id=ru/01-first-trigger")
	b.waitFor(t, b.exists(`[data-testid="lesson-check"]`))
	title := b.text(t, ".teach-page__title")
	b.reloadPage(t, "/lesson")
	b.waitFor(t, b.exists(`[data-testid="lesson-check"]`))
	assert.Equal(t, title, b.text(t, ".teach-page__title"))

	b.open(t, base+"/narrate?lesson=ru/04-earliest-stage-wins")
	b.waitFor(t, b.exists(`[data-testid="narration-step"]`))
	for range 5 { // the first event's five steps, then the second event
		b.click(t, `[data-testid="narration-next"]`)
	}
	b.click(t, `[data-testid="narration-next"]`)
	b.waitFor(t, `new URLSearchParams(location.search).get("event") === "2" && new URLSearchParams(location.search).get("step") === "1"`)
	event := b.text(t, `[data-testid="narration-event"]`)
	counter := b.text(t, `[data-testid="narration-counter"]`)
	b.reloadPage(t, "/narrate")
	b.waitFor(t, b.exists(`[data-testid="narration-step"]`))
	assert.Equal(t, event, b.text(t, `[data-testid="narration-event"]`))
	assert.Equal(t, counter, b.text(t, `[data-testid="narration-counter"]`))
	b.assertNoErrors(t)
}

// The quiz keeps its question, the learner's pick and the score: after F5,
// after going to another page and back, and in a copied address.
func TestAddressQuizReload(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/quiz?lesson=ru/04-earliest-stage-wins")
	b.waitFor(t, b.exists(`[data-testid="quiz-option"]`))
	first := b.text(t, `[data-testid="quiz-event"]`)
	b.click(t, `[data-testid="quiz-option"][data-stage="PREPARATION"]`)
	b.waitFor(t, b.exists(`[data-testid="quiz-next"]`))
	b.click(t, `[data-testid="quiz-next"]`)
	b.waitFor(t, `new URLSearchParams(location.search).get("question") === "2"`)
	b.waitFor(t, b.gone(`[data-testid="quiz-verdict"]`))
	second := b.text(t, `[data-testid="quiz-event"]`)
	require.NotEqual(t, first, second)
	score := b.text(t, `[data-testid="quiz-score"]`)

	b.reloadPage(t, "/quiz")
	b.waitFor(t, b.exists(`[data-testid="quiz-option"]`))
	assert.Equal(t, second, b.text(t, `[data-testid="quiz-event"]`), "the second question, not the first")
	assert.Equal(t, score, b.text(t, `[data-testid="quiz-score"]`))
	assert.Equal(t, "false", b.eval(t, `String(!!document.querySelector('[data-testid="quiz-verdict"]'))`))

	// Answered: the reveal and the new score survive F5.
	b.click(t, `[data-testid="quiz-option"][data-stage="EXECUTING"]`)
	b.waitFor(t, b.exists(`[data-testid="quiz-verdict"]`))
	b.waitFor(t, `new URLSearchParams(location.search).get("pick") === "EXECUTING"`)
	verdict := b.text(t, `[data-testid="quiz-verdict"]`)
	score = b.text(t, `[data-testid="quiz-score"]`)
	b.reloadPage(t, "/quiz")
	b.waitFor(t, b.exists(`[data-testid="quiz-verdict"]`))
	assert.Equal(t, verdict, b.text(t, `[data-testid="quiz-verdict"]`))
	assert.Equal(t, score, b.text(t, `[data-testid="quiz-score"]`))
	assert.Equal(t, "true", b.eval(t, `document.querySelector('[data-testid="quiz-option"][data-stage="EXECUTING"]').getAttribute("aria-pressed")`))

	// To the lessons list and back.
	click(t, b, `.header__link[data-nav="/lessons"]`)
	b.waitFor(t, b.exists(`body[data-page="/lessons"]`))
	b.navigateHistory(t, -1)
	b.waitFor(t, b.exists(`body[data-page="/quiz"] [data-testid="quiz-verdict"]`))
	assert.Equal(t, second, b.text(t, `[data-testid="quiz-event"]`))

	// A copied address opens the same question in another browser.
	addr := b.eval(t, `location.href`)
	s := newBrowser(t)
	s.open(t, addr)
	s.waitFor(t, s.exists(`[data-testid="quiz-verdict"]`))
	assert.Equal(t, second, s.text(t, `[data-testid="quiz-event"]`))
	assert.Equal(t, score, s.text(t, `[data-testid="quiz-score"]`))
	b.assertNoErrors(t)
	s.assertNoErrors(t)
}

// The lessons list after F5 still shows the learner's progress.
func TestAddressLessonsReload(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/lessons")
	b.waitFor(t, b.exists(`[data-lesson="ru/01-first-trigger"]`))
	progress := `document.querySelector('[data-testid="lessons-progress"]')?.textContent`
	b.waitFor(t, progress+` === "Пройдено 0 из 9"`)
	b.reloadPage(t, "/lessons")
	b.waitFor(t, b.exists(`[data-lesson="ru/01-first-trigger"]`))
	b.waitFor(t, progress+` === "Пройдено 0 из 9"`)
	assert.Equal(t, "9", b.eval(t, `String(document.querySelectorAll(".lessons-page__item").length)`))
	b.assertNoErrors(t)
}

// A built-in lesson keeps the learner's copy and the open hints: after F5
// the goal is still checked on the copy made in the designer.
func TestAddressLessonCopyAndHints(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/lesson?id=ru/01-first-trigger")
	b.waitFor(t, b.exists(`[data-testid="lesson-design"]`))
	b.click(t, `[data-testid="lesson-design"]`)
	id := b.waitShown(t, "/design", "*")
	b.navigateHistory(t, -1)
	b.waitFor(t, b.exists(`body[data-page="/lesson"] [data-testid="lesson-restart"]`))
	source := b.text(t, `[data-testid="lesson-source"]`)
	assert.Contains(t, source, "открытый в конструкторе")
	b.click(t, `[data-testid="lesson-hint-more"]`)
	b.waitFor(t, b.exists(`[data-testid="lesson-hint"]`))
	b.waitFor(t, `new URLSearchParams(location.search).get("hints") === "1"`)

	b.reloadPage(t, "/lesson")
	b.waitFor(t, b.exists(`[data-testid="lesson-restart"]`))
	assert.Equal(t, source, b.text(t, `[data-testid="lesson-source"]`), "checked on the learner's copy")
	assert.Equal(t, "1", b.eval(t, `String(document.querySelectorAll('[data-testid="lesson-hint"]').length)`))
	b.click(t, `[data-testid="lesson-design"]`)
	b.waitShown(t, "/design", id)
	b.assertNoErrors(t)
}

// A lesson opened from its link keeps the trainee's place after F5: the
// lesson, the open hints and the checks made.
func TestAddressTrainReload(t *testing.T) {
	base := serve(t, siteDir(t))
	file, err := os.ReadFile("../lessons/en/01-first-trigger.json")
	require.NoError(t, err)
	link, err := teach.LessonLink(base, file)
	require.NoError(t, err)
	b := newBrowser(t)
	b.open(t, link)
	b.waitFor(t, b.exists(`[data-testid="train-check"]`))
	title := b.text(t, ".teach-page__title")
	b.click(t, `[data-testid="lesson-hint-more"]`)
	b.waitFor(t, b.exists(`[data-testid="lesson-hint"]`))
	attempts := `document.querySelector('[data-testid="train-attempts"]').textContent`
	before := b.eval(t, attempts)
	b.click(t, `[data-testid="train-check"]`)
	b.waitFor(t, attempts+` !== `+strconv.Quote(before))
	after := b.eval(t, attempts)

	b.reloadPage(t, "/train")
	b.waitFor(t, b.exists(`[data-testid="train-check"]`))
	assert.Equal(t, title, b.text(t, ".teach-page__title"))
	assert.Equal(t, "1", b.eval(t, `String(document.querySelectorAll('[data-testid="lesson-hint"]').length)`))
	assert.Equal(t, after, b.eval(t, attempts))
	b.assertNoErrors(t)
}

// The authoring page after F5 still makes a lesson of the same scenario,
// with the name and the goals written so far.
func TestAddressAuthorReload(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	b.open(t, base+"/design?example=10-en-client-call")
	b.waitFor(t, b.exists(`[data-testid="make-lesson"]`))
	id := b.query(t).Get("id")
	require.NotEmpty(t, id)
	b.click(t, `[data-testid="make-lesson"]`)
	b.waitFor(t, b.exists(`[data-testid="author-name"]`))
	subtitle := b.text(t, ".teach-page__subtitle")
	b.setValue(t, `[data-testid="author-name"]`, "Урок после F5")
	b.click(t, `[data-testid="author-add-stage"]`)
	goals := `document.querySelectorAll('[data-testid="author-goal"]').length`
	b.waitFor(t, goals+` === 1`)
	goal := b.text(t, `[data-testid="author-goal"]`)

	b.reloadPage(t, "/author")
	b.waitFor(t, b.exists(`[data-testid="author-name"]`))
	assert.Equal(t, id, b.query(t).Get("id"))
	assert.Equal(t, subtitle, b.text(t, ".teach-page__subtitle"))
	b.waitFor(t, goals+` === 1`)
	assert.Equal(t, goal, b.text(t, `[data-testid="author-goal"]`))
	assert.Equal(t, "Урок после F5", b.eval(t, `document.querySelector('[data-testid="author-name"]').value`))
	assert.Contains(t, b.eval(t, `[...document.querySelectorAll('[data-testid="author-item"] option')].map(o => o.value).join()`), "DEAL_3")
	b.assertNoErrors(t)
}

// The result sheets a trainer collected stay after F5 (in the tab's
// storage): the table is the same.
func TestAddressResultsReload(t *testing.T) {
	base := serve(t, siteDir(t))
	file, err := os.ReadFile("../lessons/en/01-first-trigger.json")
	require.NoError(t, err)
	l, err := lesson.Read(file)
	require.NoError(t, err)
	started := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	r, err := lesson.NewResult(l, "en", "Анна", l.Check(l.Scenario, "en"), 1, 2, started, started.Add(5*time.Minute))
	require.NoError(t, err)

	b := newBrowser(t)
	b.open(t, base+"/results")
	b.waitFor(t, b.exists(`[data-testid="results-empty"]`))
	b.setValue(t, `[data-testid="results-paste"]`, string(lesson.WriteResult(r)))
	b.click(t, `[data-testid="results-add"]`)
	b.waitFor(t, b.exists(`[data-testid="results-row"]`))
	table := b.text(t, `[data-testid="results-table"]`)

	b.reloadPage(t, "/results")
	b.waitFor(t, b.exists(`[data-testid="results-row"]`))
	assert.Equal(t, table, b.text(t, `[data-testid="results-table"]`))
	assert.Equal(t, "Анна", b.text(t, `[data-testid="results-who"]`))
	b.assertNoErrors(t)
}

// failScenarioPutsScript makes every IndexedDB write of a scenario fail as a
// full disk does, from the page's first script on, until window.__heal.
const failScenarioPutsScript = `(() => {
	const put = IDBObjectStore.prototype.put;
	IDBObjectStore.prototype.put = function() {
		if (!window.__heal && this.name === "scenarios") {
			throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
		}
		return put.apply(this, arguments);
	};
})()`

// The copy of an example is shown before it is stored. When the store
// fails, the board stays, the header says the scenario is not saved, the
// address keeps the example (a reload copies it again rather than asking
// for an id the store does not have), and the retry stores it.
func TestAddressExampleWhoseStoreFails(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowserFor(t, longTimeout)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: failScenarioPutsScript})
	require.NoError(t, err)
	b.open(t, base+"/simulate?example=07-seed-article")
	b.waitFor(t, b.exists(`.board-page__tab-count`))
	b.waitFor(t, saveState+` === "failed"`)
	q := b.query(t)
	assert.Equal(t, "07-seed-article", q.Get("example"), "the address keeps the example: %v", q)
	assert.False(t, q.Has("id"), "no id the store does not have: %v", q)

	b.eval(t, `window.__heal = true, ""`)
	b.waitLong(t, saveState+` === "saved"`, longTimeout)
	b.openHome(t, base)
	b.waitRows(t, 1)
}
