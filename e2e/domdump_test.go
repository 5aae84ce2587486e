//go:build e2e && domdump

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The DOM dump is a tool, not a test: it writes the page's DOM, in the
// states the e2e tests reach, to the directory $DOMDUMP, one file a state,
// so that a change which must not alter the page (builder calls rewritten
// as views, issue 12) is checked by running it from two trees and
// comparing the directories:
//
//	go test -c -tags 'e2e domdump' -o /tmp/dom.test ./e2e
//	(cd OLD/e2e && DOMDUMP=/tmp/dom-old /tmp/dom.test -test.run TestDOMDump)
//	(cd NEW/e2e && DOMDUMP=/tmp/dom-new /tmp/dom.test -test.run TestDOMDump)
//	diff -r /tmp/dom-old /tmp/dom-new
//
// Each tree's e2e/../dist is the site under test (./build.sh build). A
// node is a line: its tag, its attributes sorted, and the live value,
// checked and selected of form controls; what changes from run to run
// (ids made of the clock, ports, blob URLs, the time a run took) is
// written as X. One attribute still varies with timing:
// body[data-courses] on the author page, reached through /lessons.

// domDumper writes states of the page under a directory.
type domDumper struct{ dir string }

func newDOMDumper(t *testing.T) domDumper {
	dir := os.Getenv("DOMDUMP")
	require.NotEmpty(t, dir, "DOMDUMP names the directory the states are written to")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return domDumper{dir}
}

// domVaries is what differs between two runs of one build.
var domVaries = regexp.MustCompile(`s\d{19}|127\.0\.0\.1:\d+|blob:[^"]*|data-elapsed-ms="\d+"|(Done in|Готово за) [^"]*|(day|день) \d+ (of|из) 90 · 100 % · [^"]*`)

// dump writes the page's DOM as it is once go-app has settled.
func (d domDumper) dump(t *testing.T, b *browser, name string) {
	b.settle(t)
	html := domVaries.ReplaceAllString(b.eval(t, domSerialize), "X")
	require.NoError(t, os.WriteFile(filepath.Join(d.dir, name+".html"), []byte(html), 0o644))
}

// TestDOMDumpAuthor: the author page from empty to published.
func TestDOMDumpAuthor(t *testing.T) {
	d := newDOMDumper(t)
	base := serve(t, siteDir(t))
	for _, lang := range []string{"en", "ru"} {
		b := newBrowser(t)
		b.open(t, base+"/design?example=10-en-client-call")
		b.waitFor(t, b.exists(`[data-stage="EXECUTING"] [data-testid="add-trigger"]`))
		b.eval(t, fmt.Sprintf(`document.querySelector('.lang-switch__button[data-lang="%s"]').click(), ""`, lang))
		b.waitFor(t, fmt.Sprintf(`document.documentElement.lang === %q`, lang))
		b.click(t, `[data-testid="make-lesson"]`)
		b.waitFor(t, b.exists(`[data-testid="author-name"]`))
		d.dump(t, b, lang+"-author-0")
		b.setValue(t, `[data-testid="author-name"]`, "T")
		b.setValue(t, `[data-testid="author-task"]`, "Do it.")
		b.setValue(t, `[data-testid="author-item"]`, "DEAL_2")
		b.setValue(t, `[data-testid="author-stage"]`, "PREPARATION")
		b.click(t, `[data-testid="author-add-stage"]`)
		b.waitFor(t, `document.querySelectorAll('[data-testid="author-goal"]').length === 1`)
		b.click(t, `[data-testid="author-publish"]`)
		b.waitFor(t, b.exists(`[data-testid="author-refused"]`))
		d.dump(t, b, lang+"-author-1")
		b.click(t, `[data-testid="author-goal-remove"]`)
		b.setValue(t, `[data-testid="author-scope"]`, "stage")
		b.click(t, `[data-testid="author-add-max"]`)
		b.waitFor(t, `document.querySelectorAll('[data-testid="author-goal"]').length === 1`)
		d.dump(t, b, lang+"-author-1b")
		b.click(t, `[data-testid="author-goal-remove"]`)
		b.setValue(t, `[data-testid="author-scope"]`, "triggers")
		b.setValue(t, `[data-testid="author-item"]`, "DEAL_3")
		b.setValue(t, `[data-testid="author-stage"]`, "EXECUTING")
		b.click(t, `[data-testid="author-add-stage"]`)
		b.setValue(t, `[data-testid="author-robot"]`, "r-log-call")
		b.click(t, `[data-testid="author-add-ran"]`)
		b.waitFor(t, `document.querySelectorAll('[data-testid="author-goal"]').length === 2`)
		b.click(t, `[data-testid="author-check"]`)
		b.waitFor(t, b.exists(`[data-testid="author-verdict"]`))
		d.dump(t, b, lang+"-author-2")
		b.click(t, `[data-testid="author-publish"]`)
		b.waitFor(t, b.exists(`[data-testid="author-link"]`))
		d.dump(t, b, lang+"-author-3")
	}
}

// TestDOMDumpPages: every page in both languages, then the event dialog,
// the stage editor, the robot dialog's delay editor, the what-if page
// before and after a run, and the calibration dialog.
func TestDOMDumpPages(t *testing.T) {
	d := newDOMDumper(t)
	base := serve(t, siteDir(t))
	for _, lang := range []string{"en", "ru"} {
		for _, p := range pages(lang) {
			b := newBrowser(t)
			b.setPrefs(t, base, lang, false)
			b.openPage(t, base, p)
			d.dump(t, b, lang+"-page-"+p.name)
		}
		b := newBrowser(t)
		b.setPrefs(t, base, lang, false)
		b.open(t, base+seedExample)
		b.waitFor(t, stageOf("DEAL_1")+` === "NEW"`)
		click(t, b, `[data-target="DEAL_1"] [data-testid="card-fire"]`)
		b.waitFor(t, `!!document.querySelector('[data-testid="event-dialog"]')`)
		d.dump(t, b, lang+"-event-0")
		setSelect(t, b, `[data-testid="event-code"]`, "CALL")
		b.waitFor(t, `!!document.querySelector('input[data-key="LINE_NUMBER"]')`)
		d.dump(t, b, lang+"-event-1")
		setSelect(t, b, `[data-testid="event-code"]`, "FIELD_CHANGED")
		b.waitFor(t, b.exists(`form[data-code="FIELD_CHANGED"]`))
		d.dump(t, b, lang+"-event-2")

		b = newBrowser(t)
		b.setPrefs(t, base, lang, false)
		b.open(t, base+"/design?example=07-seed-article.json")
		b.waitFor(t, b.exists(`[data-stage="NEW"] [data-testid="add-trigger"]`))
		b.click(t, `[data-stage="NEW"] .designer-column__head`)
		b.waitFor(t, b.exists(`[data-testid="stage-editor"]`))
		d.dump(t, b, lang+"-stage-0")
		b.click(t, `[data-testid="stage-delete"]`)
		d.dump(t, b, lang+"-stage-1")
		b.click(t, `[data-testid="stage-editor"] .designer-modal__close`)
		b.waitFor(t, b.gone(`[data-testid="stage-editor"]`))
		b.click(t, `[data-stage="NEW"] [data-testid="add-robot"]`)
		b.click(t, `[data-testid="robot-picker"] [data-type="Notify"]`)
		b.waitFor(t, b.exists(`[data-testid="robot-dialog"]`))
		d.dump(t, b, lang+"-delay-0")
		b.click(t, `[data-testid="delay-editor"] [data-mode="after"]`)
		b.waitFor(t, b.exists(`[data-testid="delay-value"]`))
		d.dump(t, b, lang+"-delay-1")
		for _, mode := range []string{"before", "at"} {
			if b.eval(t, `String(!!document.querySelector('[data-testid="delay-editor"] [data-mode="`+mode+`"]'))`) == "true" {
				b.click(t, `[data-testid="delay-editor"] [data-mode="`+mode+`"]`)
				b.waitFor(t, b.exists(`[data-testid="delay-editor"] [data-mode="`+mode+`"][aria-checked="true"]`))
				d.dump(t, b, lang+"-delay-"+mode)
			}
		}

		b = newBrowser(t)
		b.setPrefs(t, base, lang, false)
		b.open(t, base+whatifExample)
		b.waitFor(t, `!!document.querySelector('[data-testid="whatif-run"]')`)
		d.dump(t, b, lang+"-whatif-0")
		b.click(t, `[data-testid="whatif-run"]`)
		// The run is over, and its four charts are drawn.
		b.waitLong(t, `!!document.querySelector('[data-testid="whatif-done"]') && document.querySelectorAll('figure[data-chart] .whatif__figure-svg svg').length >= 4`, 60*time.Second)
		d.dump(t, b, lang+"-whatif-1")

		b = newBrowser(t)
		b.setPrefs(t, base, lang, false)
		b.openHome(t, base)
		openCalibrate(t, b, nil)
		d.dump(t, b, lang+"-cal-0")
		openCalibrate(t, b, map[string]string{"cal-categories": "categories.json", "cal-statuses": "statuses.json",
			"cal-history": "stagehistory.json"})
		d.dump(t, b, lang+"-cal-1")
		b.click(t, `[data-testid="cal-run"]`)
		b.waitLong(t, b.exists(`[data-testid="cal-report"] [data-chart="calibration-finals"] svg [data-ref="1"]`), 40*time.Second)
		d.dump(t, b, lang+"-cal-2")
	}
}

// domSerialize prints the body with attributes sorted and the form
// controls' live properties, one node a line.
const domSerialize = `(() => {
  const out = [];
  const walk = (n, d) => {
    const pad = " ".repeat(d);
    if (n.nodeType === 3) { out.push(pad + JSON.stringify(n.data)); return; }
    if (n.nodeType !== 1) return;
    const attrs = [...n.attributes].map(a => a.name + "=" + JSON.stringify(a.value)).sort();
    if ("value" in n && (n.tagName === "INPUT" || n.tagName === "TEXTAREA" || n.tagName === "SELECT")) attrs.push(".value=" + JSON.stringify(n.value));
    if (n.tagName === "INPUT") attrs.push(".checked=" + n.checked);
    if (n.tagName === "OPTION") attrs.push(".selected=" + n.selected);
    if ("disabled" in n) attrs.push(".disabled=" + n.disabled);
    out.push(pad + "<" + n.tagName.toLowerCase() + " " + attrs.join(" ") + ">");
    for (const c of n.childNodes) walk(c, d + 1);
  };
  walk(document.body, 0);
  return out.join("\n");
})()`
