//go:build js && wasm

package prefs_test

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/prefs"
	"github.com/triggersim/triggersim/app/teach"
)

// TestBrowserLocalStorage runs in headless Chromium: the preferences land
// in window.localStorage as JSON text, as go-app's ctx.LocalStorage()
// stored them in earlier versions.
func TestBrowserLocalStorage(t *testing.T) {
	ls := app.Window().Get("localStorage")
	t.Cleanup(func() {
		for _, k := range []string{"triggersim.lang", "triggersim.presenter", "train.current"} {
			ls.Call("removeItem", k)
		}
	})
	p := prefs.New(prefs.Browser(), nil)
	assert.Equal(t, "ru", p.Lang())
	p.SetLang("en")
	p.SetPresenter(true)
	assert.Equal(t, `"en"`, ls.Call("getItem", "triggersim.lang").String())
	assert.Equal(t, "true", ls.Call("getItem", "triggersim.presenter").String())

	ls.Call("setItem", "train.current", `{"lesson":"L","started":7,"hints":1,"attempts":2}`)
	assert.Equal(t, teach.Training{Lesson: "L", Started: 7, Hints: 1, Attempts: 2}, p.Training())

	ls.Call("setItem", "triggersim.lang", "not json")
	var logged int
	q := prefs.New(prefs.Browser(), func(...any) { logged++ })
	require.Equal(t, "ru", q.Lang())
	assert.Equal(t, 1, logged, "a value that is not JSON is logged and ignored")
}
