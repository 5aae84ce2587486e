package ui

import "strings"

// escapeHTML is html.EscapeString, byte for byte, for the markup the
// pages write as text (the examples' grid, the board's cards, the
// explanations, the what-if tables). html.EscapeString goes through a
// strings.Replacer, which in the page's wasm (no inlining) costs a call
// per byte: 1.4 ms sampled of a warm load for the home page's examples
// alone. Most texts need no escape and come back as they are.
//
// It stays html.EscapeString's bytes (&#34;, &#39;), not charts.Escape's
// (XML, control characters dropped): the markup must equal what go-app
// writes for the same elements (TestExplainListHTML, TestExampleGridHTML,
// TestWhatifTableHTML compare them).
func escapeHTML(s string) string {
	i := strings.IndexAny(s, `<>&'"`)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
