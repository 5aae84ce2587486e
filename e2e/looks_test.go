//go:build e2e

package e2e

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// axe-core, pinned: the e2e suite fetches this exact package with npm
// into e2e/.cache (git-ignored, never committed) and checks its digest.
const (
	axeVersion = "4.10.2"
	axeSHA256  = "9ea2d2d6917da998122bdacfd3b473e31ead53f4b87146c716a12edf89158100"
)

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeSource returns axe.min.js of the pinned axe-core, fetching the
// package with `npm pack` the first time.
func axeSource(tb testing.TB) string {
	tb.Helper()
	axeOnce.Do(func() { axeJS, axeErr = loadAxe() })
	if axeErr != nil {
		tb.Fatalf("axe-core %s: %v", axeVersion, axeErr)
	}
	return axeJS
}

func loadAxe() (string, error) {
	dir, err := filepath.Abs(".cache")
	if err != nil {
		return "", err
	}
	tgz := filepath.Join(dir, "axe-core-"+axeVersion+".tgz")
	if _, err := os.Stat(tgz); err != nil {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
		if _, err := exec.LookPath("npm"); err != nil {
			return "", fmt.Errorf("npm is required to fetch it (apt-get install -y npm): %w", err)
		}
		cmd := exec.Command("npm", "pack", "axe-core@"+axeVersion, "--pack-destination", dir, "--silent")
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("npm pack: %v: %s", err, out)
		}
	}
	data, err := os.ReadFile(tgz)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != axeSHA256 {
		return "", fmt.Errorf("%s: sha256 %s, want %s (delete it to fetch again)", tgz, got, axeSHA256)
	}
	zr, err := gzip.NewReader(strings.NewReader(string(data)))
	if err != nil {
		return "", err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return "", fmt.Errorf("%s has no package/axe.min.js", tgz)
		}
		if err != nil {
			return "", err
		}
		if h.Name == "package/axe.min.js" {
			js, err := io.ReadAll(tr)
			return string(js), err
		}
	}
}

// violation is a serious or critical axe-core finding.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axe injects axe-core into the page and returns its serious and
// critical violations.
func (b *browser) axe(tb testing.TB) []violation {
	tb.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](axeSource(tb)+";0")); err != nil {
		tb.Fatalf("inject axe-core: %v", err)
	}
	run := `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 6).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\n").slice(0, 2).join(" "))}))))`
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("run axe-core: %v", err)
	}
	var vs []violation
	require.NoError(tb, json.Unmarshal([]byte(out), &vs))
	return vs
}

// appPage is one page of the app as the checks below visit it: its address
// and the JS condition that says its content is shown.
type appPage struct {
	name, path, ready string
}

func pages(lang string) []appPage {
	return []appPage{
		{"home", "/", `!!document.querySelector('` + homeLoaded + `')`},
		{"designer", "/design?example=07-seed-article.json", `!!document.querySelector('[data-stage="NEW"] [data-testid="add-trigger"]')`},
		{"board", seedExample, `!!document.querySelector('[data-target="DEAL_1"]')`},
		{"whatif", "/whatif", `!!document.querySelector('.whatif')`},
		{"lessons", "/lessons", `!!document.querySelector('[data-testid="lessons-progress"]')`},
		{"quiz", "/quiz?lesson=" + lang + "/04-earliest-stage-wins", `!!document.querySelector('[data-testid="quiz-next"], [data-testid="quiz-end"], .quiz-page__question, .quiz-page')`},
		{"narration", "/narrate?lesson=" + lang + "/04-earliest-stage-wins", `!!document.querySelector('[data-testid="narration-step"]')`},
	}
}

// setPrefs stores the interface language and presenter mode the way the
// app does (go-app's local storage holds JSON), for the next page load.
func (b *browser) setPrefs(tb testing.TB, base, lang string, presenter bool) {
	tb.Helper()
	b.open(tb, base+"/lessons")
	b.eval(tb, fmt.Sprintf(`(localStorage.setItem("triggersim.lang", %q), localStorage.setItem("triggersim.presenter", %q), "")`,
		`"`+lang+`"`, fmt.Sprint(presenter)))
}

func (b *browser) openPage(tb testing.TB, base string, p appPage) {
	tb.Helper()
	b.open(tb, base+p.path)
	b.waitFor(tb, p.ready)
	b.waitFor(tb, `document.fonts ? document.fonts.status === "loaded" : true`)
}

// TestAccessibilityAxe runs axe-core on every page in both languages: no
// serious or critical violation.
func TestAccessibilityAxe(t *testing.T) {
	base := serve(t, siteDir(t))
	axeSource(t)
	for _, lang := range []string{"ru", "en"} {
		for _, p := range pages(lang) {
			t.Run(lang+"/"+p.name, func(t *testing.T) {
				b := newBrowser(t)
				b.setPrefs(t, base, lang, false)
				b.openPage(t, base, p)
				assert.Equal(t, lang, b.eval(t, `document.documentElement.lang`))
				for _, v := range b.axe(t) {
					t.Errorf("%s: %s: %s\n\t%s", v.Impact, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
				}
				b.assertNoErrors(t)
			})
		}
	}
}

// TestScreenshotsEveryPage writes a PNG of every page in both languages,
// at 1366 and 768 px wide and in presenter mode, into e2e/artifacts/ (to
// look at: what a Bitrix24 user would find wrong). It checks that no page
// scrolls sideways as a whole: wide content scrolls in its own box.
func TestScreenshotsEveryPage(t *testing.T) {
	base := serve(t, siteDir(t))
	type mode struct {
		lang      string
		width     int64
		presenter bool
	}
	modes := []mode{{"ru", 1366, false}, {"en", 1366, false}, {"ru", 768, false}, {"en", 768, false}, {"ru", 1366, true}, {"en", 1366, true}}
	for _, m := range modes {
		name := fmt.Sprintf("%s-%d", m.lang, m.width)
		if m.presenter {
			name += "-presenter"
		}
		for _, p := range pages(m.lang) {
			t.Run(name+"/"+p.name, func(t *testing.T) {
				b := newBrowser(t)
				b.viewport(t, m.width, 768)
				b.setPrefs(t, base, m.lang, m.presenter)
				b.openPage(t, base, p)
				assert.Equal(t, "true", b.eval(t, `String(document.documentElement.scrollWidth <= innerWidth + 1)`),
					"%s at %d px scrolls sideways as a whole", p.name, m.width)
				b.eval(t, `(window.scrollTo(0, 0), "")`)
				b.screenshot(t, "page-"+p.name+"-"+name)
				b.assertNoErrors(t)
			})
		}
	}
}

// TestBoardColumnsReachable: with the side panel open the final stages
// are off to the right, and the board says so (a fade and a button); the
// button brings them into view. At 768 px too.
func TestBoardColumnsReachable(t *testing.T) {
	b, _ := openBoard(t)
	last := `[...document.querySelectorAll('.board__column')].at(-1)`
	inView := `(() => { const c = ` + last + `.getBoundingClientRect(), r = document.querySelector('.board').getBoundingClientRect();
		return c.left >= r.left - 1 && c.right <= r.right + 1; })()`
	for _, w := range []int64{1366, 768} {
		b.viewport(t, w, 768)
		b.eval(t, `(document.querySelector('.board').scrollLeft = 0, "")`)
		b.waitFor(t, `document.querySelector('[data-testid="board-scroll"]').dataset.more === "right"`)
		assert.Equal(t, "false", b.eval(t, `String(`+inView+`)`), "the last stage is hidden at %d px", w)
		assert.Equal(t, "true", b.eval(t, `String(getComputedStyle(document.querySelector('[data-testid="board-scroll-right"]')).display !== "none")`))
		for i := 0; i < 10 && b.eval(t, `document.querySelector('[data-testid="board-scroll"]').dataset.more`) != "left"; i++ {
			before := b.eval(t, `String(document.querySelector('.board').scrollLeft)`)
			click(t, b, `[data-testid="board-scroll-right"]`)
			b.waitFor(t, `document.querySelector('.board').scrollLeft > `+before)
		}
		b.waitFor(t, inView)
		b.waitFor(t, `document.querySelector('[data-testid="board-scroll"]').dataset.more === "left"`)
		b.screenshot(t, fmt.Sprintf("board-scrolled-%d", w))
	}
	// Stage names break between words only.
	split := b.eval(t, `[...document.querySelectorAll('.board__stage')].flatMap(h => {
		const text = h.firstChild; if (!text) return [];
		const out = []; let at = 0;
		for (const word of h.textContent.split(" ")) {
			const r = document.createRange(); r.setStart(text, at); r.setEnd(text, at + word.length); at += word.length + 1;
			const lines = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
			if (lines.size > 1) out.push(word);
		}
		return out; }).join()`)
	assert.Empty(t, split, "stage names broken inside a word")
	b.assertNoErrors(t)
}

// TestItemDialogTitleFirstAndFits: the new-item dialog of a deal starts
// with «Название», has no «Родительский элемент», and «Создать» is in view
// at 1366×768 and at 768×768.
func TestItemDialogTitleFirstAndFits(t *testing.T) {
	b, _ := openBoard(t)
	for _, w := range []int64{1366, 768} {
		b.viewport(t, w, 768)
		click(t, b, `[data-testid="add-item"]`)
		b.waitFor(t, b.exists(`[data-testid="item-dialog"]`))
		assert.Equal(t, "TITLE", b.eval(t, `document.querySelector('.item-dialog__form input, .item-dialog__form select').dataset.field || ""`))
		assert.Equal(t, "", b.eval(t, `document.querySelector('[data-testid="item-parent"]') ? "a parent element for a deal" : ""`))
		assert.Equal(t, "true", b.eval(t, `String((() => { const r = document.querySelector('[data-testid="item-submit"]').getBoundingClientRect();
			return r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; })())`), "«Создать» below the fold at %d px", w)
		b.screenshot(t, fmt.Sprintf("item-dialog-%d", w))
		b.press(t, kb.Escape)
		b.waitFor(t, b.gone(`[data-testid="item-dialog"]`))
	}
	b.assertNoErrors(t)
}

// TestDesignerScenarioTitle: new scenarios are numbered, the designer
// shows the title and renames it in place with the keyboard.
func TestDesignerScenarioTitle(t *testing.T) {
	base := serve(t, siteDir(t))
	b := newBrowser(t)
	for i, want := range []string{"Новый сценарий", "Новый сценарий 2"} {
		b.openHome(t, base)
		b.waitRows(t, i)
		b.click(t, `[data-testid="home-new"]`)
		b.waitFor(t, `location.pathname === "/design"`)
		b.waitFor(t, fmt.Sprintf(`document.querySelector('[data-testid="scenario-title"]')?.textContent === %q`, want))
	}
	b.eval(t, `(document.querySelector('[data-testid="scenario-title-rename"]').focus(), "")`)
	b.press(t, kb.Enter)
	b.waitFor(t, focusIn(`[data-testid="scenario-title-input"]`)+` || document.activeElement === document.querySelector('[data-testid="scenario-title-input"]')`)
	b.eval(t, `(document.activeElement.select(), "")`)
	for _, r := range "Оплата" {
		b.press(t, string(r))
	}
	b.press(t, kb.Enter)
	b.waitFor(t, `document.querySelector('[data-testid="scenario-title"]')?.textContent === "Оплата"`)
	b.waitFor(t, `document.querySelector('[data-testid="header-save-state"]')?.textContent === "Сохранено"`)
	b.openHome(t, base)
	assert.ElementsMatch(t, []string{"Оплата", "Новый сценарий"}, b.rows(t))
	b.assertNoErrors(t)
}
