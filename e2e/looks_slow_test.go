//go:build e2e && looks

package e2e

// The slow look-and-accessibility checks: axe-core on every page in both
// languages, and screenshots of every page in both languages at 1366 and
// 768 px and in presenter mode. Run them with
//
//	go test -tags 'e2e looks' ./e2e -run 'TestAccessibilityAxe|TestScreenshotsEveryPage' -timeout 30m
//
// (each page takes a fresh browser; on a busy two-core machine a page
// takes up to a minute).

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
	require.NoError(tb, axeErr, "axe-core %s", axeVersion)
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
	_, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](axeSource(tb)+";0"))
	require.NoError(tb, err, "inject axe-core")
	run := `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 6).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\n").slice(0, 2).join(" "))}))))`
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	require.NoError(tb, err, "run axe-core")
	var vs []violation
	require.NoError(tb, json.Unmarshal([]byte(out), &vs))
	return vs
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
					assert.Failf(t, "axe-core violation", "%s: %s: %s\n\t%s", v.Impact, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
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
