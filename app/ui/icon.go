package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The interface's icons are drawn as inline SVG from this one table, never
// as emoji or dingbat characters: a machine without an emoji font (a
// fresh Debian with Chromium, many office PCs) shows those as empty boxes.
// Every icon is a 24×24 line drawing in the current text colour, hidden
// from screen readers (aria-hidden); the button or text beside it carries
// the words.

// iconShape is one icon: the path data of its strokes and, for the few
// solid ones, whether it is filled instead of stroked.
type iconShape struct {
	paths  []string
	filled bool
}

// icons is the icon set, by name.
var icons = map[string]iconShape{
	"bolt":     {paths: []string{"M13 2 4 14h7l-1 8 9-12h-7l1-8z"}, filled: true},
	"gear":     {paths: []string{"M12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z", "M12 2v3M12 19v3M4.9 4.9 7 7M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1 7 17M17 7l2.1-2.1"}},
	"trash":    {paths: []string{"M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6"}},
	"pencil":   {paths: []string{"M4 20h4L19 9l-4-4L4 16v4z", "M13.5 6.5l4 4"}},
	"check":    {paths: []string{"M5 12.5l4.5 4.5L19 7.5"}},
	"cross":    {paths: []string{"M6 6l12 12M18 6 6 18"}},
	"clock":    {paths: []string{"M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16z", "M12 9v4l2.5 2M10 2h4"}},
	"ban":      {paths: []string{"M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M5.6 5.6l12.8 12.8"}},
	"alert":    {paths: []string{"M12 3 2 20h20L12 3z", "M12 9.5v4.5M12 17v.5"}},
	"error":    {paths: []string{"M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 7.5v5.5M12 16.5v.5"}},
	"info":     {paths: []string{"M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 11v6M12 7.5v.5"}},
	"mail":     {paths: []string{"M3 6h18v12H3z", "M3 7l9 6 9-6"}},
	"dot":      {paths: []string{"M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"}, filled: true},
	"circle":   {paths: []string{"M12 20a8 8 0 1 0 0-16 8 8 0 0 0 0 16z"}},
	"right":    {paths: []string{"M5 12h14M13 6l6 6-6 6"}},
	"left":     {paths: []string{"M19 12H5M11 6l-6 6 6 6"}},
	"up":       {paths: []string{"M12 19V5M6 11l6-6 6 6"}},
	"down":     {paths: []string{"M12 5v14M6 13l6 6 6-6"}},
	"download": {paths: []string{"M12 4v11M7 10l5 5 5-5M5 20h14"}},
	"undo":     {paths: []string{"M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"}},
	"redo":     {paths: []string{"M15 14l5-5-5-5", "M20 9H9.5a5.5 5.5 0 0 0 0 11H13"}},
	"restart":  {paths: []string{"M3.5 12a8.5 8.5 0 1 0 2.6-6.1L3.5 8.5", "M3.5 3.5v5h5"}},
	"back":     {paths: []string{"M9 10 4 15l5 5", "M4 15h11a5 5 0 0 0 0-10h-3"}},
	"play":     {paths: []string{"M7 4.5v15l12-7.5z"}, filled: true},
	"question": {paths: []string{"M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.6v.6M12 17v.5"}},
	"more":     {paths: []string{"M5 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM12 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM19 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2z"}, filled: true},
	"star":     {paths: []string{"M12 3l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.8l-5.4 2.9 1.1-6.1-4.5-4.2 6.1-.8z"}},
	"chevronL": {paths: []string{"M15 5l-7 7 7 7"}},
	"chevronR": {paths: []string{"M9 5l7 7-7 7"}},
	"panel":    {paths: []string{"M3 4h18v16H3z", "M15 4v16"}},
	"plus":     {paths: []string{"M12 5v14M5 12h14"}},
	"upload":   {paths: []string{"M12 16V5M7 10l5-5 5 5M5 20h14"}},
}

// iconSVG is the markup of the named icon; an unknown name is a
// programming error and panics (the icon test renders every name used).
func iconSVG(name string) string {
	s, ok := icons[name]
	if !ok {
		panic("ui: unknown icon " + name)
	}
	var b strings.Builder
	b.WriteString(`<svg class="icon icon--`)
	b.WriteString(name)
	b.WriteString(`" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"`)
	if s.filled {
		b.WriteString(` fill="currentColor" stroke="none">`)
	} else {
		b.WriteString(` fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">`)
	}
	for _, d := range s.paths {
		b.WriteString(`<path d="`)
		b.WriteString(d)
		b.WriteString(`"/>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// Icon is the named icon from the set, as an inline SVG hidden from
// screen readers: put the words next to it or on the button's aria-label.
func Icon(name string) app.UI {
	return app.Raw(iconSVG(name))
}

// iconText is an icon followed by its words, for buttons and links whose
// label is visible.
func iconText(name, text string) []app.UI {
	return []app.UI{Icon(name), spanc("icon-text", text)}
}

// iconTextAfter is the words followed by the icon («Далее →»).
func iconTextAfter(text, name string) []app.UI {
	return []app.UI{spanc("icon-text", text), Icon(name)}
}
