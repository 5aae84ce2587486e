// Package format prints the numbers of a simulation — counts, shares,
// durations and dates — in Russian or English, for the CLI's text
// reports, the what-if and calibration reports and the app's pages and
// charts alike.
//
// A metric says what it measures with a Kind; nothing here looks at a
// metric's key, which holds user ids (a trigger called "conversion_share"
// is still a count). A Printer holds the language and the style:
//
//   - Text(lang) is for fixed-width text reports: ASCII digits and signs,
//     no thousands separator, "10.8 %", "1d 23h" / "1д 23ч";
//   - UI(lang) is for the app: grouped thousands, a decimal comma and
//     non-breaking spaces in Russian, a true minus sign: "10\u202f146",
//     "42,5\u00a0%", "1\u00a0д 2\u00a0ч".
//
// The package depends on the standard library only, so the engine's
// neighbours (whatif, calibrate), the CLI and the wasm app can all use it.
package format

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Kind is what a number measures, and so how it is printed and charted.
type Kind string

const (
	// Count is a number of things (items, events, firings); a mean over
	// runs may have decimals.
	Count Kind = "count"
	// Share is a fraction from 0 to 1, printed as a percentage; a
	// difference of shares is printed in percentage points.
	Share Kind = "share"
	// Duration is a number of seconds.
	Duration Kind = "duration"
	// Date is a moment as Unix seconds.
	Date Kind = "date"
)

// Kinds are every kind, in the order above.
var Kinds = []Kind{Count, Share, Duration, Date}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Printer prints numbers in one language and style.
type Printer struct {
	// EN is true for English; anything else prints Russian.
	EN bool
	// Plain selects the text-report style (see the package doc).
	Plain bool
}

// Text is the printer of fixed-width text reports in lang ("en" or
// Russian for anything else).
func Text(lang string) Printer { return Printer{EN: lang == "en", Plain: true} }

// UI is the printer of the app's pages and charts in lang.
func UI(lang string) Printer { return Printer{EN: lang == "en"} }

// words are the units, Russian and English.
var words = map[string][2]string{
	"d":   {"д", "d"},
	"h":   {"ч", "h"},
	"m":   {"мин", "m"},
	"pp":  {"п. п.", "pp"},
	"pct": {"%", "%"},
}

func (p Printer) word(key string) string {
	w := words[key]
	if p.EN {
		return w[1]
	}
	if p.Plain {
		return w[0]
	}
	return strings.ReplaceAll(w[0], " ", "\u00a0")
}

// minus is the sign of a negative number in this style.
func (p Printer) minus() string {
	if p.Plain {
		return "-"
	}
	return "−"
}

// space goes between a number and its unit where the style wants one:
// the UI's Russian "1 д", "42,5 %" (non-breaking); the text report's "42.5 %".
func (p Printer) space() string {
	switch {
	case p.Plain:
		return ""
	case p.EN:
		return ""
	}
	return "\u00a0"
}

// decimal prints v with the given decimals ('f' -1 for the shortest
// form), with a decimal comma in the Russian UI.
func (p Printer) decimal(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if !p.Plain && !p.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Int prints a whole number: "10146" in a text report, "10 146" (a
// narrow non-breaking space) or "10,146" in the app.
func (p Printer) Int(n int64) string {
	if n < 0 {
		return p.minus() + p.Int(-n)
	}
	s := strconv.FormatInt(n, 10)
	if p.Plain {
		return s
	}
	sep := "\u202f"
	if p.EN {
		sep = ","
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Number prints a count that may have decimals (a mean over runs):
// rounded to two decimals in a text report, one in the app, whole
// numbers as Int does.
func (p Printer) Number(v float64) string {
	decimals := 1.0
	if p.Plain {
		decimals = 2
	}
	scale := math.Pow(10, decimals)
	r := math.Round(v*scale) / scale
	if r == 0 {
		return "0" // no "-0"
	}
	if r == math.Trunc(r) && math.Abs(r) < 1e15 {
		return p.Int(int64(r))
	}
	if r < 0 {
		return p.minus() + p.Number(-v)
	}
	if p.Plain {
		return p.decimal(r, -1)
	}
	return p.decimal(r, int(decimals))
}

// Percent prints a share (0…1) with one decimal: "42.5 %" in a text
// report, "42,5 %" or "42.5%" in the app.
func (p Printer) Percent(share float64) string {
	s := p.decimal(math.Abs(share)*100, 1)
	if share < 0 && s != p.decimal(0, 1) {
		s = p.minus() + s
	}
	if p.Plain {
		return s + " %"
	}
	return s + p.space() + p.word("pct")
}

// Points prints a difference of two shares in percentage points, with
// its sign: "+1.5 п. п.", "−12,5 п. п.", "+1.5pp"; no sign for zero.
func (p Printer) Points(diff float64) string {
	s := p.decimal(math.Abs(diff)*100, 1)
	switch {
	case s == p.decimal(0, 1):
	case diff < 0:
		s = p.minus() + s
	default:
		s = "+" + s
	}
	sp := " "
	if !p.Plain {
		sp = "\u00a0"
	}
	return s + sp + p.word("pp")
}

// Duration prints seconds as days and hours, or hours and minutes: "2d
// 4h", "35m", "<1m"; "2д 4ч" in a Russian text report, "2 д 4 ч" in the
// Russian app. Zero is "0".
func (p Printer) Duration(sec int64) string {
	if sec < 0 {
		return p.minus() + p.Duration(-sec)
	}
	d, h, m := sec/86400, sec%86400/3600, sec%3600/60
	sp := p.space()
	var parts []string
	if d > 0 {
		parts = append(parts, strconv.FormatInt(d, 10)+sp+p.word("d"))
	}
	if h > 0 {
		parts = append(parts, strconv.FormatInt(h, 10)+sp+p.word("h"))
	}
	if m > 0 && d == 0 {
		parts = append(parts, strconv.FormatInt(m, 10)+sp+p.word("m"))
	}
	if len(parts) == 0 {
		if sec > 0 {
			return "<1" + sp + p.word("m")
		}
		return "0"
	}
	return strings.Join(parts, " ")
}

// Seconds prints a number of seconds that may have a fraction (a mean)
// as a duration, rounded to the second.
func (p Printer) Seconds(sec float64) string { return p.Duration(int64(math.Round(sec))) }

// Elapsed prints a wall-clock time (a run's duration, the time left)
// in seconds with one decimal: "2.4 s", "2,4 с" in Russian.
func (p Printer) Elapsed(d time.Duration) string {
	s := p.decimal(d.Seconds(), 1)
	if p.EN {
		return s + " s"
	}
	if p.Plain {
		return s + " с"
	}
	return s + "\u00a0с"
}

// Date prints the day of t: "12.01.2026" in Russian, "2026-01-12" in
// English.
func (p Printer) Date(t time.Time) string { return t.Format(p.DateLayout()) }

// DateLayout is the time layout of Date.
func (p Printer) DateLayout() string {
	if p.EN {
		return "2006-01-02"
	}
	return "02.01.2006"
}

// DateTime prints the day and the minute of t on the 24-hour clock:
// "12.01.2026 09:30" in Russian, "2026-01-12 09:30" in English.
func (p Printer) DateTime(t time.Time) string { return t.Format(p.DateTimeLayout()) }

// DateTimeLayout is the time layout of DateTime.
func (p Printer) DateTimeLayout() string { return p.DateLayout() + " 15:04" }

// Value prints a value of kind k: a count as Number, a share as Percent,
// seconds as Duration, Unix seconds as DateTime (in UTC). An unknown kind
// prints as a count.
func (p Printer) Value(k Kind, v float64) string {
	switch k {
	case Share:
		return p.Percent(v)
	case Duration:
		return p.Seconds(v)
	case Date:
		return p.DateTime(time.Unix(int64(math.Round(v)), 0).UTC())
	}
	return p.Number(v)
}

// Delta prints a difference of two values of kind k with its sign ("+3",
// "−2 ч", "+1.5 п. п."); shares differ in percentage points, dates by a
// duration. Zero has no sign.
func (p Printer) Delta(k Kind, d float64) string {
	if k == Share {
		return p.Points(d)
	}
	var s string
	if k == Duration || k == Date {
		s = p.Seconds(math.Abs(d))
	} else {
		s = p.Number(math.Abs(d))
	}
	switch {
	case s == "0":
		return s
	case d < 0:
		return p.minus() + s
	}
	return "+" + s
}
