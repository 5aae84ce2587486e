// Package charts draws the what-if lab's charts as SVG documents in plain
// Go: a funnel, a cumulative flow diagram, time in stage and trigger
// counts. No JavaScript charting library and no network: the app embeds
// the SVG in the page, and the same bytes are what "export SVG" saves (and
// what "export PNG" rasterises), so every style is an attribute of the
// document rather than a rule of the page's stylesheet.
//
// Output is deterministic (fixed number formatting, no map iteration), so
// golden files pin it; all text is escaped, since stage and trigger names
// come from the user's scenario. Each chart is an accessible image: role
// "img", an aria-label and a <title>, plus a <desc> summarising the data.
//
// The package also turns whatif.KPIs into chart inputs (kpi.go), labels
// and judges the metrics of an A/B comparison (compare.go) and writes KPI
// tables as CSV for spreadsheets (csv.go).
package charts

import (
	"math"
	"strconv"
	"strings"
)

// Bar is one bar of a funnel or a bar chart.
type Bar struct {
	Label string
	Value float64
	// Color fills the bar ("#RRGGBB"); empty picks a default.
	Color string
	// Note is printed after the value (a share, a difference).
	Note string
	// Tone colours the note: 1 better (green), -1 worse (red), 0 neutral.
	Tone int
}

// Chart sizes in SVG user units. The page scales them to its column; the
// PNG export renders them at twice this size.
const (
	width    = 640
	fontFace = "'Helvetica Neue', Arial, 'Segoe UI', sans-serif"
	textDark = "#333333"
	textSoft = "#6a737f"
	gridLine = "#e1e6ea"
	better   = "#2e9e3e"
	worse    = "#d6322b"
)

// svgDoc accumulates one SVG document.
type svgDoc struct {
	b strings.Builder
}

// open writes the root element with its accessible name and description.
func (d *svgDoc) open(w, h int, title, desc string) {
	d.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	d.b.WriteString(strconv.Itoa(w) + " " + strconv.Itoa(h))
	d.b.WriteString(`" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `" role="img" aria-label="`)
	d.b.WriteString(Escape(title))
	d.b.WriteString(`" font-family="` + Escape(fontFace) + `" font-size="14" fill="` + textDark + `">`)
	d.b.WriteString("\n<title>" + Escape(title) + "</title>\n")
	if desc != "" {
		d.b.WriteString("<desc>" + Escape(desc) + "</desc>\n")
	}
	// A white background, so that the exported PNG is not transparent.
	d.rect(0, 0, float64(w), float64(h), "#ffffff", "")
	d.text(16, 28, title, `font-size="18" font-weight="bold"`)
}

func (d *svgDoc) close() string {
	d.b.WriteString("</svg>\n")
	return d.b.String()
}

func (d *svgDoc) rect(x, y, w, h float64, fill, extra string) {
	d.b.WriteString(`<rect x="` + num(x) + `" y="` + num(y) + `" width="` + num(math.Max(w, 0)) + `" height="` + num(math.Max(h, 0)) + `" fill="` + fill + `"`)
	if extra != "" {
		d.b.WriteString(" " + extra)
	}
	d.b.WriteString("/>\n")
}

func (d *svgDoc) line(x1, y1, x2, y2 float64, stroke, extra string) {
	d.b.WriteString(`<line x1="` + num(x1) + `" y1="` + num(y1) + `" x2="` + num(x2) + `" y2="` + num(y2) + `" stroke="` + stroke + `"`)
	if extra != "" {
		d.b.WriteString(" " + extra)
	}
	d.b.WriteString("/>\n")
}

// text writes escaped text; extra holds further attributes (trusted).
func (d *svgDoc) text(x, y float64, s, extra string) {
	d.b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `"`)
	if extra != "" {
		d.b.WriteString(" " + extra)
	}
	d.b.WriteString(">" + Escape(s) + "</text>\n")
}

// Escape makes s safe as SVG/XML text and attribute values.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			// Control characters are not allowed in XML 1.0.
			if r < 0x20 && r != '\t' && r != '\n' {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// num prints a coordinate with at most one decimal, so output is stable.
func num(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	f = math.Round(f*10) / 10
	if f == math.Trunc(f) {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}

// niceStep picks a round axis step (1, 2, 5 × 10^k) so that max spans
// about ticks steps.
func niceStep(max float64, ticks int) float64 {
	if max <= 0 {
		return 1
	}
	raw := max / float64(ticks)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return m * mag
		}
	}
	return 10 * mag
}

// defaultColor is a Bitrix24-like stage colour when the scenario gives none.
func defaultColor(i int, semantics string) string {
	switch semantics {
	case "success":
		return "#7BD500"
	case "failure":
		return "#FF5752"
	}
	palette := [...]string{"#39A8EF", "#2FC6F6", "#55D0E0", "#1EC6FA", "#3BC8F5", "#00A2E8"}
	return palette[i%len(palette)]
}

// safeColor accepts only "#rgb"/"#rrggbb", so a colour from a file can
// never break out of its attribute.
func safeColor(c, fallback string) string {
	if (len(c) == 4 || len(c) == 7) && c[0] == '#' {
		for _, r := range c[1:] {
			if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
				return fallback
			}
		}
		return c
	}
	return fallback
}

// textOn picks dark or white text for a background colour, as Bitrix24
// does on its stage headers.
func textOn(bg string) string {
	bg = safeColor(bg, "#39A8EF")
	hex := bg[1:]
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	v, _ := strconv.ParseUint(hex, 16, 32)
	r, g, b := float64(v>>16&0xff), float64(v>>8&0xff), float64(v&0xff)
	if 0.299*r+0.587*g+0.114*b > 186 {
		return textDark
	}
	return "#ffffff"
}

// toneColor is the colour of a note with a tone.
func toneColor(tone int) string {
	switch {
	case tone > 0:
		return better
	case tone < 0:
		return worse
	}
	return textSoft
}

// truncate shortens a label to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
