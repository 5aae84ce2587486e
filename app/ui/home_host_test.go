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
