package engine

import (
	"fmt"
	"math"
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

// reasonText is the sentence of one reason code in both languages. sep
// joins the texts of Parts ("; or " for condition blocks).
type reasonText struct {
	ru, en       string
	ruSep, enSep string
}

// reasonTables lists every code → sentence table, searched in order. Each
// file that defines reason codes owns one table; add a new table here.
func reasonTables() []map[string]reasonText {
	return []map[string]reasonText{catalogReasonTexts, conditionReasonTexts, engineReasonTexts, lintReasonTexts}
}

// lookupReason finds the sentence of a code.
func lookupReason(code string) (reasonText, bool) {
	for _, t := range reasonTables() {
		if rt, ok := t[code]; ok {
			return rt, true
		}
	}
	return reasonText{}, false
}

// Text renders the reason in lang ("ru" by default, or "en"). An unknown
// code prints as the code followed by its arguments, so nothing is lost.
func (r Reason) Text(lang string) string {
	args := r.Args
	rt, known := lookupReason(r.Code)
	sep := "; "
	if known {
		if lang == "en" {
			if rt.enSep != "" {
				sep = rt.enSep
			}
		} else if rt.ruSep != "" {
			sep = rt.ruSep
		}
	}
	if len(r.Parts) > 0 {
		parts := make([]string, len(r.Parts))
		for i, p := range r.Parts {
			parts[i] = p.Text(lang)
		}
		args = append(args[:len(args):len(args)], strings.Join(parts, sep))
	}
	if !known {
		if len(args) == 0 {
			return r.Code
		}
		return r.Code + ": " + strings.Join(args, ", ")
	}
	format := rt.ru
	if lang == "en" {
		format = rt.en
	}
	n := strings.Count(format, "%s")
	vals := make([]any, n)
	for i := range vals {
		if i < len(args) {
			vals[i] = args[i]
		} else {
			vals[i] = "?"
		}
	}
	return fmt.Sprintf(format, vals...)
}

// emptyShown is how an empty value prints in explanations; a dash reads the
// same in both languages.
const emptyShown = "—"

// FormatValue prints a field value for an explanation: numbers and money
// with space thousands separators ("50 000", "1 250.5"), money with its
// currency ("100 RUB" for "100|RUB"), booleans as Y/N as Bitrix24 stores
// them, lists comma-separated, empty values as "—".
func FormatValue(fieldType string, v any) string {
	switch x := v.(type) {
	case nil:
		return emptyShown
	case []any:
		if len(x) == 0 {
			return emptyShown
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = FormatValue(fieldType, e)
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
			return FormatNumber(f)
		}
		if s, ok := v.(string); ok {
			if s == "" {
				return emptyShown
			}
			amount, currency, hasCur := strings.Cut(s, "|")
			if n, ok := parseNumber(amount); ok {
				if hasCur && currency != "" {
					return FormatNumber(n) + " " + currency
				}
				return FormatNumber(n)
			}
			return s
		}
	case FieldUser:
		if isNum {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
	case "":
		if isNum {
			return FormatNumber(f)
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
func FormatNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
