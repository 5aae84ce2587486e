//go:build !(js && wasm)

package ui

// This render check runs on the host only: in the browser, mounting the
// page runs its real OnMount, which reads the test page's URL and local
// storage and finds no open scenario. The browser side of the page is
// covered end to end in e2e/whatif_test.go.

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWhatifPageRendersResults(t *testing.T) {
	sa, ka := whatifRun(t, "11-whatif-schet-7dney.json", nil)
	sb, kb := whatifRun(t, "11-whatif-schet-3dnya.json", sa.WhatIf)
	for _, lang := range []string{"ru", "en"} {
		t.Run(lang, func(t *testing.T) {
			p := &WhatifPage{Tab: testTab(), lang: lang, status: "ready", sc: sa, title: sa.Title, sa: sa, ka: ka, sb: sb, kb: kb, titleB: sb.Title, onlyChanged: true}
			p.buildResults()
			require.Len(t, p.charts, 4)
			for _, pair := range p.charts {
				assert.Contains(t, pair[0].SVG, `role="img"`)
				assert.Contains(t, pair[1].SVG, `role="img"`)
			}
			assert.NotEmpty(t, p.rows)

			e := app.NewTestEngine()
			require.NoError(t, e.Load(p))
			e.ConsumeAll()
			title := map[string]string{"ru": "Лаборатория «Что если?»", "en": "What-if lab"}[lang]
			assert.NoError(t, app.Match(app.Text(title), p, 0, 2, 0, 0, 0, 0))
		})
	}
}

// A finished run draws its charts between turns of the browser: the same
// charts and tables as the page's own drawing, with a turn after each chart.
func TestWhatifResultsYieldBetweenCharts(t *testing.T) {
	sa, ka := whatifRun(t, "11-whatif-schet-7dney.json", nil)
	sb, kb := whatifRun(t, "11-whatif-schet-3dnya.json", sa.WhatIf)
	yields := 0
	got := whatifResults("en", sa, ka, sb, kb, func() { yields++ })
	assert.Equal(t, whatifResults("en", sa, ka, sb, kb, nil), got)
	assert.Equal(t, 5, yields, "after each of the four charts and before the comparison")
	require.Len(t, got.charts, 4)
	assert.NotEmpty(t, got.rows)
}
