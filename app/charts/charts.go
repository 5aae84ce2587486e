package charts

import (
	"math"
	"strconv"
	"strings"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/format"
)

// Layout shared by the bar charts: labels on the left, bars in the middle,
// numbers on the right.
const (
	chartWidth = 720
	labelRight = 206 // right edge of the labels
	barLeft    = 216
	barRight   = 540
	valueLeft  = 550
	rowHeight  = 38
	topMargin  = 52
)

// Funnel draws one horizontal bar per stage, centred like a funnel: the
// bar's width is its value relative to the largest. Labels (stage names)
// are on the left, the value and the note on the right.
func Funnel(title string, bars []Bar, lang string) string {
	h := topMargin + max(len(bars), 1)*rowHeight + 16
	var d svgDoc
	d.open(chartWidth, h, title, barsDesc(bars, lang))
	if len(bars) == 0 {
		d.text(16, topMargin+24, i18n.T(lang, "whatif.chart.empty"), `fill="`+textSoft+`"`)
		return d.close()
	}
	top := maxValue(bars)
	mid := float64(barLeft+barRight) / 2
	span := float64(barRight - barLeft)
	for i, b := range bars {
		y := float64(topMargin + i*rowHeight)
		w := 0.0
		if top > 0 {
			w = span * b.Value / top
		}
		if b.Value > 0 {
			w = math.Max(w, 4)
		}
		color := safeColor(b.Color, defaultColor(i, ""))
		d.b.WriteString(`<g data-bar="` + strconv.Itoa(i) + `">` + "\n")
		d.text(labelRight, y+rowHeight/2+5, truncate(b.Label, 26), `text-anchor="end"`)
		d.rect(barLeft, y+4, span, rowHeight-8, "#f2f5f7", `rx="3"`)
		d.rect(mid-w/2, y+4, w, rowHeight-8, color, `rx="3"`)
		d.valueText(valueLeft, y+rowHeight/2+5, format.UI(lang).Number(b.Value), b.Note, b.Tone)
		d.b.WriteString("</g>\n")
	}
	return d.close()
}

// Bars draws a plain horizontal bar chart (trigger and robot counts). A
// zero bar is marked "never" in red: a trigger that never fired is what an
// admin looks for first.
func Bars(title string, bars []Bar, lang string) string {
	h := topMargin + max(len(bars), 1)*rowHeight + 16
	var d svgDoc
	d.open(chartWidth, h, title, barsDesc(bars, lang))
	if len(bars) == 0 {
		d.text(16, topMargin+24, i18n.T(lang, "whatif.chart.empty"), `fill="`+textSoft+`"`)
		return d.close()
	}
	top := maxValue(bars)
	span := float64(barRight - barLeft)
	for i, b := range bars {
		y := float64(topMargin + i*rowHeight)
		w := 0.0
		if top > 0 {
			w = span * b.Value / top
		}
		if b.Value > 0 {
			w = math.Max(w, 3)
		}
		d.b.WriteString(`<g data-bar="` + strconv.Itoa(i) + `">` + "\n")
		d.text(labelRight, y+rowHeight/2+5, truncate(b.Label, 26), `text-anchor="end"`)
		d.rect(barLeft, y+6, w, rowHeight-12, safeColor(b.Color, defaultColor(i, "")), `rx="2"`)
		note, tone := b.Note, b.Tone
		if b.Value == 0 && note == "" {
			note, tone = i18n.T(lang, "whatif.chart.never"), -1
		}
		d.valueText(barLeft+w+8, y+rowHeight/2+5, format.UI(lang).Number(b.Value), note, tone)
		d.b.WriteString("</g>\n")
	}
	return d.close()
}

// TriggerCounts is Bars for trigger firings.
func TriggerCounts(title string, bars []Bar, lang string) string { return Bars(title, bars, lang) }

// valueText prints a bold value and, after it, a note in its tone.
func (d *svgDoc) valueText(x, y float64, value, note string, tone int) {
	d.b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `"><tspan font-weight="bold">` + Escape(value) + `</tspan>`)
	if note != "" {
		d.b.WriteString(`<tspan dx="6" fill="` + toneColor(tone) + `">` + Escape(note) + `</tspan>`)
	}
	d.b.WriteString("</text>\n")
}

func maxValue(bars []Bar) float64 {
	top := 0.0
	for _, b := range bars {
		top = math.Max(top, b.Value)
	}
	return top
}

// barsDesc is the text alternative of a bar chart: every label and value.
func barsDesc(bars []Bar, lang string) string {
	parts := make([]string, 0, len(bars))
	for _, b := range bars {
		s := b.Label + ": " + format.UI(lang).Number(b.Value)
		if b.Note != "" {
			s += " (" + b.Note + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// Series is one stage of a cumulative flow diagram: the items in the stage
// at each day boundary (whatif.StageKPI.Daily).
type Series struct {
	Label  string
	Color  string
	Values []int
}

// CumulativeFlow stacks the series as areas over the days, the first
// series at the bottom (callers put finished stages first, as a
// cumulative flow diagram does, so the done work grows from the floor).
func CumulativeFlow(title string, series []Series, lang string) string {
	const (
		h      = 430
		left   = 70
		right  = chartWidth - 20
		top    = 50
		bottom = 320
	)
	days := 0
	for _, s := range series {
		days = max(days, len(s.Values)-1)
	}
	totals := make([]int, days+1)
	for _, s := range series {
		for i, v := range s.Values {
			totals[i] += v
		}
	}
	maxTotal := 0
	for _, t := range totals {
		maxTotal = max(maxTotal, t)
	}
	desc := make([]string, 0, len(series))
	for _, s := range series {
		last := 0
		if len(s.Values) > 0 {
			last = s.Values[len(s.Values)-1]
		}
		desc = append(desc, s.Label+": "+format.UI(lang).Int(int64(last)))
	}
	var d svgDoc
	d.open(chartWidth, h, title, i18n.T(lang, "whatif.chart.flowDesc")+" "+strings.Join(desc, "; "))
	if days == 0 || maxTotal == 0 {
		d.text(16, top+24, i18n.T(lang, "whatif.chart.empty"), `fill="`+textSoft+`"`)
		return d.close()
	}
	ystep := niceStep(float64(maxTotal), 5)
	ymax := math.Ceil(float64(maxTotal)/ystep) * ystep
	xOf := func(day int) float64 { return left + float64(right-left)*float64(day)/float64(days) }
	yOf := func(v float64) float64 { return bottom - float64(bottom-top)*v/ymax }
	// grid and y axis
	for v := 0.0; v <= ymax+ystep/2; v += ystep {
		y := yOf(v)
		d.line(left, y, right, y, gridLine, "")
		d.text(left-8, y+5, format.UI(lang).Number(v), `text-anchor="end" fill="`+textSoft+`" font-size="13"`)
	}
	// stacked areas, bottom series first
	base := make([]int, days+1)
	for si, s := range series {
		var pts strings.Builder
		for day := 0; day <= days; day++ {
			v := base[day] + at(s.Values, day)
			pts.WriteString(num(xOf(day)) + "," + num(yOf(float64(v))) + " ")
		}
		for day := days; day >= 0; day-- {
			pts.WriteString(num(xOf(day)) + "," + num(yOf(float64(base[day]))))
			if day > 0 {
				pts.WriteString(" ")
			}
		}
		for day := 0; day <= days; day++ {
			base[day] += at(s.Values, day)
		}
		color := safeColor(s.Color, defaultColor(si, ""))
		d.b.WriteString(`<polygon data-series="` + strconv.Itoa(si) + `" points="` + pts.String() + `" fill="` + color + `" fill-opacity="0.9" stroke="#ffffff" stroke-width="0.6"><title>` + Escape(s.Label) + `</title></polygon>` + "\n")
	}
	// x axis
	d.line(left, bottom, right, bottom, textSoft, "")
	xstep := int(niceStep(float64(days), 6))
	for day := 0; day <= days; day += max(xstep, 1) {
		x := xOf(day)
		d.line(x, bottom, x, bottom+5, textSoft, "")
		d.text(x, bottom+20, strconv.Itoa(day), `text-anchor="middle" fill="`+textSoft+`" font-size="13"`)
	}
	d.text((left+right)/2, bottom+40, i18n.T(lang, "whatif.axis.day"), `text-anchor="middle" fill="`+textSoft+`" font-size="13"`)
	d.text(18, (top+bottom)/2, i18n.T(lang, "whatif.axis.items"), `text-anchor="middle" fill="`+textSoft+`" font-size="13" transform="rotate(-90 18 `+num((top+bottom)/2)+`)"`)
	// legend, in rows of four
	for i, s := range series {
		x := float64(left + (i%4)*160)
		y := float64(bottom + 58 + (i/4)*22)
		d.rect(x, y-11, 14, 14, safeColor(s.Color, defaultColor(i, "")), `rx="2"`)
		d.text(x+20, y+1, truncate(s.Label, 18), `font-size="13"`)
	}
	return d.close()
}

func at(v []int, i int) int {
	if i < len(v) {
		return v[i]
	}
	return 0
}

// Span is one stage's time in stage: the median and the 90th percentile
// of the stays that ended, in seconds.
type Span struct {
	Label  string
	Color  string
	Median int64
	P90    int64
	// Stays is how many stays ended (the sample size).
	Stays int
}

// TimeInStage draws, per stage, the 90th percentile as a light bar with
// the median as a solid bar inside it, on a common axis in hours or days.
func TimeInStage(title string, spans []Span, lang string) string {
	h := topMargin + 26 + max(len(spans), 1)*rowHeight + 40
	desc := make([]string, 0, len(spans))
	for _, s := range spans {
		desc = append(desc, s.Label+": "+i18n.T(lang, "whatif.legend.median")+" "+format.UI(lang).Duration(s.Median)+", "+i18n.T(lang, "whatif.legend.p90")+" "+format.UI(lang).Duration(s.P90))
	}
	var d svgDoc
	d.open(chartWidth, h, title, strings.Join(desc, "; "))
	var top int64
	for _, s := range spans {
		top = max(top, s.P90, s.Median)
	}
	if len(spans) == 0 || top == 0 {
		d.text(16, topMargin+24, i18n.T(lang, "whatif.chart.empty"), `fill="`+textSoft+`"`)
		return d.close()
	}
	// legend
	ly := float64(topMargin + 8)
	d.rect(barLeft, ly-11, 14, 14, "#39A8EF", `rx="2"`)
	d.text(barLeft+20, ly+1, i18n.T(lang, "whatif.legend.median"), `font-size="13"`)
	d.rect(barLeft+150, ly-11, 14, 14, "#39A8EF", `rx="2" fill-opacity="0.35"`)
	d.text(barLeft+170, ly+1, i18n.T(lang, "whatif.legend.p90"), `font-size="13"`)
	unit, unitKey := int64(3600), "whatif.axis.hours"
	if top >= 2*86400 {
		unit, unitKey = 86400, "whatif.axis.days"
	}
	span := float64(barRight - barLeft)
	step := niceStep(float64(top)/float64(unit), 5)
	axisMax := math.Ceil(float64(top)/float64(unit)/step) * step
	xOf := func(sec int64) float64 { return barLeft + span*float64(sec)/float64(unit)/axisMax }
	y0 := float64(topMargin + 26)
	y1 := y0 + float64(len(spans)*rowHeight)
	for v := 0.0; v <= axisMax+step/2; v += step {
		x := barLeft + span*v/axisMax
		d.line(x, y0, x, y1, gridLine, "")
		d.text(x, y1+18, strconv.FormatFloat(v, 'f', -1, 64), `text-anchor="middle" fill="`+textSoft+`" font-size="13"`)
	}
	d.text((barLeft+barRight)/2, y1+36, i18n.T(lang, unitKey), `text-anchor="middle" fill="`+textSoft+`" font-size="13"`)
	for i, s := range spans {
		y := y0 + float64(i*rowHeight)
		color := safeColor(s.Color, defaultColor(i, ""))
		d.b.WriteString(`<g data-bar="` + strconv.Itoa(i) + `">` + "\n")
		d.text(labelRight, y+rowHeight/2+5, truncate(s.Label, 26), `text-anchor="end"`)
		d.rect(barLeft, y+6, xOf(s.P90)-barLeft, rowHeight-12, color, `rx="2" fill-opacity="0.35"`)
		d.rect(barLeft, y+6, xOf(s.Median)-barLeft, rowHeight-12, color, `rx="2"`)
		val := format.UI(lang).Duration(s.Median) + " / " + format.UI(lang).Duration(s.P90)
		if s.Stays == 0 {
			val = "—"
		}
		d.text(valueLeft, y+rowHeight/2+5, val, `font-size="13"`)
		d.b.WriteString("</g>\n")
	}
	return d.close()
}
