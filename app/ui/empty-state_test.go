package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
)

func TestEmptyStateLinkAction(t *testing.T) {
	html := render(t, &EmptyState{TestID: "x-empty", Icon: "info", Heading: 1, Title: "Nothing here",
		Text: "Open something.", Detail: "broken.json: line 3", ActionText: "Home", ActionHref: "/", ActionID: "x-home"})
	assert.Contains(t, html, `data-empty-state="1"`)
	assert.Contains(t, html, `data-testid="x-empty"`)
	assert.Contains(t, html, `<h1 class="empty-state__title">Nothing here</h1>`)
	assert.Contains(t, html, `role="alert"`)
	assert.Contains(t, html, "broken.json: line 3")
	assert.Contains(t, html, "<svg")
	for _, attr := range []string{`class="button button--primary empty-state__action"`, `data-testid="x-home"`, `href="/"`} {
		assert.Regexp(t, `<a [^>]*`+attr+`[^>]*>Home</a>`, html) // go-app writes attributes in any order
	}
}

func TestEmptyStateButtonActionAndExtra(t *testing.T) {
	s := &EmptyState{Heading: 2, Title: "No scenarios yet.", ActionText: "New", ActionID: "x-new",
		OnAction: func(app.Context) {}, Extra: []app.UI{app.Elem("span").Class("x-extra")}}
	html := render(t, s)
	assert.Contains(t, html, `<h2 class="empty-state__title">No scenarios yet.</h2>`)
	for _, attr := range []string{`type="button"`, `class="button button--primary empty-state__action"`, `data-testid="x-new"`} {
		assert.Regexp(t, `<button [^>]*`+attr+`[^>]*>New</button>`, html)
	}
	assert.Regexp(t, `<div class="empty-state__extra">\s*<span class="x-extra"></span>\s*</div>`, html)
	assert.NotContains(t, html, "role=\"alert\"", "no detail, no alert")
	assert.NotContains(t, html, "<svg", "no icon asked")
}

func TestEmptyStateWithoutAction(t *testing.T) {
	html := render(t, &EmptyState{Title: "Empty"})
	assert.NotContains(t, html, "empty-state__action")
	assert.NotContains(t, html, "empty-state__extra")
}
