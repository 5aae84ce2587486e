package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"

	"github.com/triggersim/triggersim/app/simulate"
)

// elementList is the list as go-app built it line by line before
// explainListHTML: the markup must give the same elements.
func elementList(lines []simulate.Line) app.UI {
	return app.Elem("ul").Class("explain__list").Body(
		app.Range(lines).Slice(func(i int) app.UI {
			l := lines[i]
			mark, cls := markOf(l)
			return app.Elem("li").Class("explain__line explain__line--"+cls).Body(
				app.Elem("span").Class("explain__mark").Aria("hidden", "true").Body(Icon(mark)),
				app.Elem("span").Class("explain__text").Text(l.Text),
			)
		}),
	)
}

func TestExplainListHTML(t *testing.T) {
	space := regexp.MustCompile(`>\s+<`)
	tests := []struct {
		name  string
		lines []simulate.Line
		want  string
	}{
		{"no lines", nil, `<ul class="explain__list"></ul>`},
		{"a fired trigger; the text is text, never HTML", []simulate.Line{{Type: "trigger", Status: simulate.Fired, Text: `<b>Звонок</b> & "ok"`}},
			`<ul class="explain__list"><li class="explain__line explain__line--ok"><span class="explain__mark" aria-hidden="true">` +
				iconSVG("check") + `</span><span class="explain__text">&lt;b&gt;Звонок&lt;/b&gt; &amp; &#34;ok&#34;</span></li></ul>`},
		{"every mark", []simulate.Line{
			{Type: "trigger", Status: simulate.Skipped, Text: "skipped"},
			{Type: "robot", Status: "ran", Text: "ran"},
			{Type: "robot", Status: "failed", Text: "failed"},
			{Type: "scheduled", Text: "later"},
			{Type: "cancelled", Text: "cancelled"},
			{Type: "error", Text: "error"},
			{Type: "outbox", Text: "mail"},
			{Type: "deliver", Text: "deliver"},
			{Type: "move", Text: ""},
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := explainListHTML(tt.lines)
			if tt.want != "" {
				assert.Equal(t, tt.want, got)
			}
			// go-app prints aria-hidden="true" bare, its attributes in any
			// order; in the page it sets aria-hidden="true".
			old := space.ReplaceAllString(app.HTMLString(elementList(tt.lines)), "><")
			old = strings.NewReplacer(`<span aria-hidden class="explain__mark">`, `<span class="explain__mark" aria-hidden="true">`,
				`<span class="explain__mark" aria-hidden>`, `<span class="explain__mark" aria-hidden="true">`).Replace(old)
			assert.Equal(t, old, got, "the elements go-app built")
		})
	}
}
