//go:build !(js && wasm)

package ui

// This test runs on the host only: finishing a rename moves the focus with
// ctx.Defer, which in the browser needs the context of a mounted component,
// not the zero Context a unit test can make. The browser side (rename by
// keyboard, focus back on the button) is covered end to end in
// e2e/looks_test.go (TestDesignerScenarioTitle).

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScenarioTitleRenamesInPlace(t *testing.T) {
	var got []string
	s := &ScenarioTitle{Lang: "ru", Title: "Новый сценарий 2", OnRename: func(_ app.Context, title string) { got = append(got, title) }}
	e := app.NewTestEngine()
	require.NoError(t, e.Load(s))
	e.ConsumeAll()
	assert.NoError(t, app.Match(app.Text("Сценарий:"), s, 0, 0, 0))
	assert.NoError(t, app.Match(app.Text("Новый сценарий 2"), s, 0, 1, 0))
	assert.NoError(t, app.Match(app.Elem("button").ID("scenario-title-rename").Attr("type", "button").Class("designer-icon-button scenario-title__rename").
		DataSet("testid", "scenario-title-rename").Aria("label", "Переименовать сценарий").Title("Переименовать сценарий").
		OnClick(func(app.Context, app.Event) {}), s, 0, 2))

	for _, tt := range []struct{ value, want string }{{"  ", ""}, {"Новый сценарий 2", ""}, {" Оплата ", "Оплата"}} {
		s.editing, s.value = true, tt.value
		s.finish(app.Context{})
		assert.False(t, s.editing)
		if tt.want == "" {
			assert.Empty(t, got, "an empty or unchanged title is not saved")
			continue
		}
		assert.Equal(t, []string{tt.want}, got)
	}
}
