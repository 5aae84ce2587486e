package engine

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Reason says in words why something did not happen (a trigger filter did
// not match, a condition was false). It is language-neutral data: Code
// selects a sentence, Args fill its %s placeholders, and Text renders it in
// Russian or English when the log is shown, so one run serves both locales.
type Reason struct {
	Code string
	Args []string
	// Parts are nested reasons (one per condition block, or the failing
	// sub-condition of a trigger setting). Their texts, joined with the
	// code's separator, become one more argument after Args.
	Parts []Reason
}

// IsZero reports whether r carries no reason.
func (r Reason) IsZero() bool { return r.Code == "" && len(r.Args) == 0 && len(r.Parts) == 0 }

// Text renders the reason in lang ("ru" by default, or "en") from the
// catalog Texts: Args fill the code's declared parameters in order, the
// texts of Parts (joined with the code's "<code>.sep" text, "; " by
// default) one more. An unknown code prints as the code followed by its
// arguments, so nothing is lost.
func (r Reason) Text(lang string) string {
	args := r.Args
	copied := false
	for i, a := range args {
		if l := localizeNumbers(a, lang); l != a {
			if !copied {
				args, copied = slices.Clone(args), true
			}
			args[i] = l
		}
	}
	if len(r.Parts) > 0 {
		sep, ok := Texts.Format(lang, r.Code+".sep")
		if !ok {
			sep = "; "
		}
		parts := make([]string, len(r.Parts))
		for i, p := range r.Parts {
			parts[i] = p.Text(lang)
		}
		args = append(args[:len(args):len(args)], strings.Join(parts, sep))
	}
	if s, ok := Texts.Format(lang, r.Code, args...); ok {
		return s
	}
	if code, ok := strings.CutPrefix(r.Code, triggerNamePrefix); ok && len(args) == 0 {
		return TriggerName(code, lang)
	}
	if len(args) == 0 {
		return r.Code
	}
	return r.Code + ": " + strings.Join(args, ", ")
}

// emptyShown is how an empty value prints in explanations; a dash reads the
// same in both languages.
const emptyShown = "—"

// FormatValue prints a field value for an explanation: numbers and money
// with space thousands separators ("50 000", "1 250.5"), money with its
// currency ("100 RUB" for "100|RUB"), booleans as Y/N as Bitrix24 stores
// them, lists comma-separated, empty values as "—".
func FormatValue(fieldType string, v any) string {
	return formatValue(fieldType, v, FormatNumber)
}

// FormatValueLang is FormatValue with numbers written the way lang writes
// them: "50 000" in Russian, "50,000" in English.
func FormatValueLang(lang, fieldType string, v any) string {
	return formatValue(fieldType, v, func(f float64) string { return FormatNumberLang(lang, f) })
}

// valueArg is FormatValue for a Reason argument: its numbers stay marked
// and raw, and Reason.Text writes them in the language it renders.
func valueArg(fieldType string, v any) string {
	return formatValue(fieldType, v, markNumber)
}

func formatValue(fieldType string, v any, number func(float64) string) string {
	switch x := v.(type) {
	case nil:
		return emptyShown
	case []any:
		if len(x) == 0 {
			return emptyShown
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = formatValue(fieldType, e, number)
		}
		return strings.Join(parts, ", ")
	case bool:
		if x {
			return "Y"
		}
		return "N"
	case time.Time:
		if fieldType == FieldDate {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.RFC3339)
	}
	f, isNum := jsonNumber(v)
	switch fieldType {
	case FieldNumber, FieldMoney:
		if isNum {
			return number(f)
		}
		if s, ok := v.(string); ok {
			if s == "" {
				return emptyShown
			}
			amount, currency, hasCur := strings.Cut(s, "|")
			if n, ok := parseNumber(amount); ok {
				if hasCur && currency != "" {
					return number(n) + " " + currency
				}
				return number(n)
			}
			return s
		}
	case FieldUser:
		if isNum {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
	case "":
		if isNum {
			return number(f)
		}
	}
	if isNum {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	if s, ok := v.(string); ok {
		if s == "" {
			return emptyShown
		}
		return s
	}
	return fmt.Sprint(v)
}

// FormatNumber prints f with a space between thousands and a decimal point:
// 50000 → "50 000", 1250.5 → "1 250.5", -1234567 → "-1 234 567".
func FormatNumber(f float64) string { return groupNumber(f, ' ') }

// FormatNumberLang prints f the way lang writes numbers: "50 000" in
// Russian (FormatNumber), "50,000" and "1,250.5" in English.
func FormatNumberLang(lang string, f float64) string {
	if lang == "en" {
		return groupNumber(f, ',')
	}
	return groupNumber(f, ' ')
}

// plainNumber is strconv.FormatFloat(f, 'f', -1, 64). An integer below
// 2^53 in magnitude (a deal's amount, nearly always) is written by
// strconv.FormatInt, which gives the same digits (every such integer is
// exact, and no shorter decimal reads back as it) without the shortest-
// float search: in wasm that search's 128-bit products are emulated, and
// the board formats every card's amount as it is drawn.
func plainNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 && !(f == 0 && math.Signbit(f)) {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func groupNumber(f float64, sep byte) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	s := plainNumber(f)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// A number inside a Reason argument is kept raw between numOpen and
// numClose (private-use characters, never shown), so one reason renders
// "1 000" in Russian and "1,000" in English.
const (
	numOpen  = "\ue000"
	numClose = "\ue001"
)

// clipArg is Clip for a valueArg: it measures the text as shown. A value
// too long to show whole is clipped as Russian writes it.
func clipArg(s string) string {
	shown := localizeNumbers(s, "ru")
	if shown == s || Clip(shown) == shown {
		return s
	}
	return Clip(shown)
}

func markNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return numOpen + strconv.FormatFloat(f, 'f', -1, 64) + numClose
}

// localizeNumbers writes the marked numbers of s in lang. A marker cut off
// by Clip is dropped with the raw digits kept.
func localizeNumbers(s, lang string) string {
	if !strings.Contains(s, numOpen) && !strings.Contains(s, numClose) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, numOpen)
		if i < 0 {
			break
		}
		b.WriteString(strings.ReplaceAll(s[:i], numClose, ""))
		rest := s[i+len(numOpen):]
		j := strings.Index(rest, numClose)
		if j < 0 {
			s = rest
			continue
		}
		raw := rest[:j]
		if f, err := strconv.ParseFloat(raw, 64); err == nil {
			b.WriteString(FormatNumberLang(lang, f))
		} else {
			b.WriteString(raw)
		}
		s = rest[j+len(numClose):]
	}
	b.WriteString(strings.ReplaceAll(s, numClose, ""))
	return b.String()
}
