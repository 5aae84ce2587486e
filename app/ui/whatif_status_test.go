//go:build js && wasm

// OnMount runs in the browser only: these run with GOOS=js GOARCH=wasm
// (./build.sh test, wasmbrowsertest).

package ui

import (
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/whatiflab"
)

// statusHost stands for the what-if page around its status line: it
// counts its renders and keeps its context, as the page's run does.
type statusHost struct {
	app.Compo

	page    *WhatifPage
	renders int
	ctx     app.Context
}

func (h *statusHost) OnMount(ctx app.Context) { h.ctx = ctx }

func (h *statusHost) Render() app.UI {
	h.renders++
	p := h.page
	return app.Elem("div").Body(&WhatifStatus{Lang: "en", Running: p.running, Percent: p.percent, Progress: p.progress, Eta: p.eta, Owner: p})
}

// A run's progress report draws the status line alone, not the page; an
// update of the page in the same frame still draws the page.
func TestWhatifProgressDrawsTheStatusLineAlone(t *testing.T) {
	tests := []struct {
		name        string
		alsoPage    bool
		wantRenders int
	}{
		{"a progress report", false, 0},
		{"a progress report and an update of the page", true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &WhatifPage{running: true}
			h := &statusHost{page: p}
			e := app.NewTestEngine()
			require.NoError(t, e.Load(h))
			e.ConsumeAll()
			require.NotNil(t, p.statusView, "the status line registers with its page")
			before := h.renders

			h.ctx.Dispatch(func(ctx app.Context) {
				p.reportProgress(ctx, "en", whatiflab.Progress{Percent: 42, Day: 37, Days: 90, Left: 3 * time.Second})
				if tt.alsoPage {
					h.ctx.Dispatch(nil)
				}
			})
			e.ConsumeAll()

			assert.Equal(t, tt.wantRenders, h.renders-before, "renders of the page")
			assert.Equal(t, 42, p.percent)
			assert.Equal(t, 42, p.statusView.Percent)
			html := app.HTMLString(p.statusView)
			assert.Contains(t, html, `aria-valuenow="42"`)
			assert.Contains(t, html, p.progress+" · 42 % · "+p.eta)
			assert.Contains(t, p.progress, "37")
		})
	}
}

// Without a mounted status line the report only sets the page's state,
// which the page draws.
func TestWhatifProgressWithoutStatusLine(t *testing.T) {
	p := &WhatifPage{running: true}
	e := app.NewTestEngine()
	h := &statusHost{page: &WhatifPage{}}
	require.NoError(t, e.Load(h))
	e.ConsumeAll()
	h.ctx.Dispatch(func(ctx app.Context) { p.reportProgress(ctx, "ru", whatiflab.Progress{Percent: 7}) })
	e.ConsumeAll()
	assert.Equal(t, 7, p.percent)
	assert.NotEmpty(t, p.progress)
	assert.NotEmpty(t, p.eta)
}
