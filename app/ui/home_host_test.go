//go:build !(js && wasm)

// Host-only: in the browser OnMount replaces the list with the store's;
// e2e/home_test.go covers the page there.

package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/storage"
)

func TestHomePageListsScenariosAsText(t *testing.T) {
	p := &HomePage{Tab: testTab(), Lang: "ru"}
	p.loaded = true
	p.metas = []storage.Meta{
		{ID: "a", Title: `<script>alert(1)</script>`, Revision: 3, Updated: time.Now()},
		{ID: "b", Title: "Оплата", Revision: 1, Updated: time.Now()},
	}
	p.examples = home.Examples()
	html := render(t, p)
	assert.Contains(t, html, "2 сценария")
	// The title is a text node. (go-app's static encoder leaves attribute
	// values unescaped, but in the browser they are set with
	// setAttribute, which never parses HTML; the e2e test checks that.)
	assert.Contains(t, html, ">&lt;script&gt;alert(1)&lt;/script&gt;</button>")
	assert.Contains(t, html, `data-scenario="a"`)
	assert.Contains(t, html, "версия 3")
	assert.Contains(t, html, `data-testid="import-file"`)
	assert.Contains(t, html, "Примеры")
	// Russian examples come first in the Russian interface.
	assert.Less(t, strings.Index(html, `data-locale="ru"`), strings.Index(html, `data-locale="en"`))
}

// The examples' grid is one piece of markup: its texts are escaped, every
// card has its «open a copy» button and its links, and only an example
// with a traffic model links to the what-if lab.
func TestExampleGridHTML(t *testing.T) {
	got := exampleGridHTML("en", []home.Example{
		{Name: "a.json", Title: `Deal <b>"A"</b> & co`, Description: "first", Locale: "en", WhatIf: true},
		{Name: "b.json", Title: "B", Description: "<script>x</script>", Locale: "en"},
	})
	assert.True(t, strings.HasPrefix(got, `<ul class="home-examples__grid">`) && strings.HasSuffix(got, `</ul>`), got)
	assert.Equal(t, 2, strings.Count(got, `data-testid="example-open"`))
	assert.Contains(t, got, `<h4 class="home-example__title">Deal &lt;b&gt;&#34;A&#34;&lt;/b&gt; &amp; co</h4>`)
	assert.Contains(t, got, `<p class="home-example__description">&lt;script&gt;x&lt;/script&gt;</p>`)
	assert.NotContains(t, got, "<script>")
	assert.Contains(t, got, `<li class="home-example" data-example="a.json">`)
	assert.Contains(t, got, `href="/simulate?example=b.json"`)
	assert.Equal(t, 1, strings.Count(got, `href="/whatif?example=`))
	assert.Contains(t, got, `href="/whatif?example=a.json"`)
	assert.Contains(t, got, `<div class="home-example__actions" lang="en">`)
}
