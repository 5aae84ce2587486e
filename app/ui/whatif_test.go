package ui

import (
	"context"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/whatif"
)

// whatifRun runs a built-in example for a week on the host.
func whatifRun(t *testing.T, name string, model *engine.WhatIf) (*engine.Scenario, *whatif.KPIs) {
	t.Helper()
	ex, ok := examples.Find(name)
	require.True(t, ok, name)
	sc, err := engine.ReadScenario(ex.Data)
	require.NoError(t, err)
	k, err := whatif.Run(context.Background(), sc, whatif.Options{Days: 7, Model: model}, nil)
	require.NoError(t, err)
	return sc, k
}

func TestWhatifSibling(t *testing.T) {
	assert.Equal(t, "example:11-whatif-schet-3dnya.json", whatifSibling("11-whatif-schet-7dney.json"))
	assert.Equal(t, "example:11-whatif-schet-7dney.json", whatifSibling("11-whatif-schet-3dnya.json"))
	assert.Equal(t, "", whatifSibling("01-oplata-scheta.json"))
}

func TestWhatifOptions(t *testing.T) {
	p := &WhatifPage{Tab: testTab(), lang: "en", seed: " 3 ", days: "99999"}
	opt := p.options()
	assert.True(t, opt.SeedSet)
	assert.Equal(t, 3, opt.Seed)
	assert.Equal(t, 3650, opt.Days)
	p.seed, p.days = "", "abc"
	opt = p.options()
	assert.False(t, opt.SeedSet)
	assert.Equal(t, 0, opt.Days)
}

func TestWhatifPageWithoutScenario(t *testing.T) {
	p := &WhatifPage{Tab: testTab(), lang: "ru", status: "none"}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(p))
	e.ConsumeAll()
	assert.NoError(t, app.Match(app.Text("Сценарий не открыт"), p, 0, 2, 0, 0, 1, 0))
}
