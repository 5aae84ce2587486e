//go:build e2e && looks

package e2e

// The slow look check: screenshots of every page in both languages at
// 1366 and 768 px and in presenter mode, to look at. Run it with
//
//	go test -tags 'e2e looks' ./e2e -run TestScreenshotsEveryPage -timeout 30m
//
// (axe-core's check is in a11y_test.go and runs with the e2e suite).

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

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
		t.Run(name, func(t *testing.T) {
			// One browser per mode: each page is a fresh load anyway.
			b := newBrowserFor(t, 10*time.Minute)
			b.viewport(t, m.width, 768)
			b.setPrefs(t, base, m.lang, m.presenter)
			for _, p := range pages(m.lang) {
				t.Run(p.name, func(t *testing.T) {
					b.openPage(t, base, p)
					assert.Equal(t, "true", b.eval(t, `String(document.documentElement.scrollWidth <= innerWidth + 1)`),
						"%s at %d px scrolls sideways as a whole", p.name, m.width)
					b.eval(t, `(window.scrollTo(0, 0), "")`)
					b.settle(t)
					b.screenshot(t, "page-"+p.name+"-"+name)
				})
			}
			b.assertNoErrors(t)
		})
	}
}
