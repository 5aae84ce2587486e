package ui

import (
	"html"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEscapeHTMLIsHTMLEscapeString(t *testing.T) {
	for _, s := range []string{"", "Оплата счёта", `<b>"A" & 'B'</b>`, "a<", ">", "&&", "ünï<code>"} {
		assert.Equal(t, html.EscapeString(s), escapeHTML(s), s)
	}
}

func FuzzEscapeHTML(f *testing.F) {
	f.Add(`<a href="x">Тест & 'y'</a>`)
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, html.EscapeString(s), escapeHTML(s))
	})
}
