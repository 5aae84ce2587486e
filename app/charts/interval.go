package charts

import (
	"math"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/format"
)

// Charts of replicated runs: every value is a mean with its 95 %
// confidence interval, drawn as a whisker (a bar chart) or a band (a
// sweep), so that a reader sees how far the number can be trusted.

// Interval is one mean with its interval, labelled; Ref, when not NaN, is
// a reference value drawn as a diamond (the observed value of a fit).
type Interval struct {
	Label           string
	Mean, Low, High float64
	Ref             float64
	// Color fills the bar; empty picks a default.
	Color string
}

// IntervalBars draws one horizontal bar per row at its mean, with a
// whisker from Low to High, and the reference value as a diamond; kind
// says how the values read.
func IntervalBars(title string, rows []Interval, kind format.Kind, lang string) string {
	f := format.UI(lang)
	value := func(v float64) string { return f.Value(kind, v) }
	h := topMargin + max(len(rows), 1)*rowHeight + 34
	var d svgDoc
	parts := make([]string, 0, len(rows))
	for _, r := range rows {
		s := r.Label + ": " + value(r.Mean) + " [" + value(r.Low) + "; " + value(r.High) + "]"
		if !math.IsNaN(r.Ref) {
			s += ", " + i18n.T(lang, "lab.chart.observed") + " " + value(r.Ref)
		}
		parts = append(parts, s)
	}
	d.open(chartWidth, h, title, strings.Join(parts, "; "))
	if len(rows) == 0 {
		d.text(16, topMargin+24, i18n.T(lang, "whatif.chart.empty"), `fill="`+textSoft+`"`)
		return d.close()
	}
	top := 0.0
	for _, r := range rows {
		top = math.Max(top, math.Max(r.High, r.Mean))
		if !math.IsNaN(r.Ref) {
			top = math.Max(top, r.Ref)
		}
	}
	span := float64(barRight - barLeft)
	x := func(v float64) float64 {
		if top <= 0 {
			return barLeft
		}
		return barLeft + span*math.Max(v, 0)/top
	}
	for i, r := range rows {
		y := float64(topMargin + i*rowHeight)
		mid := y + rowHeight/2
		d.b.WriteString(`<g data-interval="` + strconv.Itoa(i) + `">` + "\n")
		d.text(labelRight, mid+5, truncate(r.Label, 26), `text-anchor="end"`)
		d.rect(barLeft, y+8, x(r.Mean)-barLeft, rowHeight-16, safeColor(r.Color, defaultColor(i, "")), `rx="2" fill-opacity="0.75"`)
		if r.High > r.Low {
			d.line(x(r.Low), mid, x(r.High), mid, textDark, `stroke-width="2" data-whisker="1"`)
			d.line(x(r.Low), mid-7, x(r.Low), mid+7, textDark, `stroke-width="2"`)
			d.line(x(r.High), mid-7, x(r.High), mid+7, textDark, `stroke-width="2"`)
		}
		if !math.IsNaN(r.Ref) {
			rx := x(r.Ref)
			d.b.WriteString(`<path d="M` + num(rx) + " " + num(mid-7) + " L" + num(rx+7) + " " + num(mid) + " L" + num(rx) + " " + num(mid+7) + " L" + num(rx-7) + " " + num(mid) + ` Z" fill="#ffffff" stroke="` + worse + `" stroke-width="2" data-ref="1"/>` + "\n")
		}
		note := ""
		if r.High > r.Low {
			note = "± " + value(r.High-r.Mean)
		}
		d.valueText(math.Max(x(r.High), x(r.Mean))+10, mid+5, value(r.Mean), note, 0)
		d.b.WriteString("</g>\n")
	}
	ly := float64(topMargin+len(rows)*rowHeight) + 20
	var legend string
	if hasWhisker(rows) {
		legend = i18n.T(lang, "lab.chart.whisker")
	}
	if hasRef(rows) {
		if legend != "" {
			legend += " · "
		}
		legend += i18n.T(lang, "lab.chart.diamond")
	}
	d.text(16, ly, legend, `fill="`+textSoft+`" font-size="12"`)
	return d.close()
}

func hasWhisker(rows []Interval) bool {
	for _, r := range rows {
		if r.High > r.Low {
			return true
		}
	}
	return false
}

func hasRef(rows []Interval) bool {
	for _, r := range rows {
		if !math.IsNaN(r.Ref) {
			return true
		}
	}
	return false
}

// SweepPoint is one value of a swept parameter and the KPI there.
type SweepPoint struct {
	X               float64
	Mean, Low, High float64
}

// SweepLine draws the KPI against the parameter: the means as a line, the
// 95 % intervals as a band, the best point ringed.
func SweepLine(title, xLabel, yLabel string, pts []SweepPoint, best int, kind format.Kind, lang string) string {
	f := format.UI(lang)
	value := func(v float64) string { return f.Value(kind, v) }
	const (
		left, right = 90.0, 690.0
		top, bottom = 60.0, 300.0
		h           = 350
	)
	var d svgDoc
	parts := make([]string, 0, len(pts))
	for _, p := range pts {
		parts = append(parts, strconv.FormatFloat(p.X, 'f', -1, 64)+": "+value(p.Mean)+" ["+value(p.Low)+"; "+value(p.High)+"]")
	}
	d.open(chartWidth, h, title, yLabel+" — "+xLabel+": "+strings.Join(parts, "; "))
	if len(pts) == 0 {
		d.text(16, top+24, i18n.T(lang, "whatif.chart.empty"), `fill="`+textSoft+`"`)
		return d.close()
	}
	x0, x1 := pts[0].X, pts[len(pts)-1].X
	y0, y1 := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		y0, y1 = math.Min(y0, p.Low), math.Max(y1, p.High)
	}
	if y1-y0 < 1e-9 {
		y0, y1 = y0-1, y1+1
	}
	pad := (y1 - y0) * 0.08
	y0, y1 = y0-pad, y1+pad
	if y0 < 0 && pts[0].Low >= 0 {
		y0 = 0
	}
	px := func(v float64) float64 {
		if x1 == x0 {
			return (left + right) / 2
		}
		return left + (right-left)*(v-x0)/(x1-x0)
	}
	py := func(v float64) float64 { return bottom - (bottom-top)*(v-y0)/(y1-y0) }
	// grid and axis labels
	step := niceStep(y1-y0, 4)
	for v := math.Ceil(y0/step) * step; v <= y1; v += step {
		d.line(left, py(v), right, py(v), gridLine, "")
		d.text(left-8, py(v)+4, value(v), `text-anchor="end" font-size="12" fill="`+textSoft+`"`)
	}
	for _, p := range pts {
		d.text(px(p.X), bottom+18, strconv.FormatFloat(p.X, 'f', -1, 64), `text-anchor="middle" font-size="12" fill="`+textSoft+`"`)
	}
	d.text((left+right)/2, bottom+40, truncate(xLabel, 70), `text-anchor="middle" font-size="13"`)
	d.text(16, top-14, truncate(yLabel, 70), `font-size="13" fill="`+textSoft+`"`)
	// band
	var band strings.Builder
	for i, p := range pts {
		if i == 0 {
			band.WriteString("M")
		} else {
			band.WriteString(" L")
		}
		band.WriteString(num(px(p.X)) + " " + num(py(p.High)))
	}
	for i := len(pts) - 1; i >= 0; i-- {
		band.WriteString(" L" + num(px(pts[i].X)) + " " + num(py(pts[i].Low)))
	}
	d.b.WriteString(`<path d="` + band.String() + ` Z" fill="#2fc6f6" fill-opacity="0.25" stroke="none" data-band="1"/>` + "\n")
	var line strings.Builder
	for i, p := range pts {
		if i == 0 {
			line.WriteString("M")
		} else {
			line.WriteString(" L")
		}
		line.WriteString(num(px(p.X)) + " " + num(py(p.Mean)))
	}
	d.b.WriteString(`<path d="` + line.String() + `" fill="none" stroke="#0b66c3" stroke-width="2"/>` + "\n")
	for i, p := range pts {
		r, fill := "3.5", "#0b66c3"
		extra := ""
		if i == best {
			r, fill, extra = "7", better, ` data-best="1"`
		}
		d.b.WriteString(`<circle cx="` + num(px(p.X)) + `" cy="` + num(py(p.Mean)) + `" r="` + r + `" fill="` + fill + `"` + extra + "/>\n")
	}
	if best >= 0 && best < len(pts) {
		b := pts[best]
		d.text(px(b.X), py(b.High)-10, i18n.T(lang, "lab.chart.best")+": "+value(b.Mean), `text-anchor="middle" font-weight="bold" fill="`+better+`"`)
	}
	return d.close()
}
