//go:build e2e

package e2e

// The accessibility check: axe-core (pinned, fetched from the npm registry
// with `npm pack` by the test itself into e2e/.cache, never committed) is
// injected into every page in both languages and in presenter mode; a
// serious or critical violation fails the test. Without npm the test fails
// with the command that installs it.

import (
	"archive/tar"
	"bytes"
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
	"time"

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
			return "", fmt.Errorf("npm is required to fetch axe-core: apt-get install -y npm (%w)", err)
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
	zr, err := gzip.NewReader(bytes.NewReader(data))
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
			nodes: v.nodes.slice(0, 12).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\n").slice(0, 2).join(" "))}))))`
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	require.NoError(tb, err, "run axe-core")
	var vs []violation
	require.NoError(tb, json.Unmarshal([]byte(out), &vs))
	return vs
}

// TestAccessibilityAxe runs axe-core on every page in both languages,
// and in presenter mode (larger type, other colours of the toggle): no
// serious or critical violation. One browser per mode: each page is a
// fresh load.
func TestAccessibilityAxe(t *testing.T) {
	base := serve(t, siteDir(t))
	axeSource(t)
	for _, m := range []struct {
		lang      string
		presenter bool
	}{{"ru", false}, {"en", false}, {"ru", true}} {
		name := m.lang
		if m.presenter {
			name += "-presenter"
		}
		t.Run(name, func(t *testing.T) {
			b := newBrowserFor(t, 10*time.Minute)
			b.setPrefs(t, base, m.lang, m.presenter)
			for _, p := range pages(m.lang) {
				t.Run(p.name, func(t *testing.T) {
					b.openPage(t, base, p)
					assert.Equal(t, m.lang, b.eval(t, `document.documentElement.lang`))
					assert.Equal(t, fmt.Sprint(m.presenter), b.eval(t, `String(document.body.classList.contains("presenter"))`))
					for _, v := range b.axe(t) {
						assert.Failf(t, "axe-core violation", "%s: %s: %s\n\t%s", v.Impact, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
					}
				})
			}
			b.assertNoErrors(t)
		})
	}
}
