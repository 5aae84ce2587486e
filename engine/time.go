package engine

import (
	"strconv"
	"strings"
	"time"
)

// Time is a scenario time: either an absolute RFC 3339 time or an offset
// from the scenario start ("+90m", "+3d", "+1d4h"). Raw keeps the text as
// written so that writing a scenario back gives the same file.
type Time struct {
	Raw      string
	Relative bool
	Offset   time.Duration // when Relative
	Abs      time.Time     // when !Relative
}

// Resolve returns the absolute time, given the scenario start.
func (t Time) Resolve(start time.Time) time.Time {
	if t.Relative {
		return start.Add(t.Offset)
	}
	return t.Abs
}

// ParseTime reads a scenario time: an offset within MaxDuration, or an
// absolute time within the calendar (InCalendar).
func ParseTime(s string) (Time, error) {
	if strings.HasPrefix(s, "+") {
		d, err := ParseDuration(s[1:])
		if err != nil {
			if wellFormedOffset(s[1:]) {
				return Time{}, errCode("time.offsetOf", durationWanted, Quote(s))
			}
			return Time{}, errCode("time.offsetSyntax", Quote(s))
		}
		return Time{Raw: s, Relative: true, Offset: d}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return Time{}, errCode("time.syntax", Quote(s))
	}
	if !InCalendar(t) {
		return Time{}, errCode("read.expected", calendarWanted, Quote(s))
	}
	return Time{Raw: s, Abs: t}, nil
}

// ParseDuration reads a Go duration that may also use "d" for days
// ("3d", "1d4h", "90m"). Negative durations and durations longer than
// MaxDuration are refused; nothing wraps.
func ParseDuration(s string) (time.Duration, error) {
	bad := func() (time.Duration, error) {
		return 0, errCode("time.durationSyntax", Quote(s))
	}
	tooLong := func() (time.Duration, error) {
		return 0, errCode("time.durationOf", durationWanted, Quote(s))
	}
	if s == "" {
		return bad()
	}
	rest := s
	var total time.Duration
	// Peel off a leading "<n>d".
	if i := strings.IndexByte(rest, 'd'); i >= 0 {
		digits := rest[:i]
		if digits == "" || strings.TrimLeft(digits, "0123456789") != "" {
			return bad()
		}
		n, err := strconv.ParseInt(digits, 10, 64)
		if err != nil {
			return tooLong() // only digits, so the number is too big
		}
		var ok bool
		if total, ok = mulDuration(n, 24*time.Hour); !ok {
			return tooLong()
		}
		rest = rest[i+1:]
	}
	if rest != "" {
		if rest[0] == '-' || rest[0] == '+' {
			return bad()
		}
		d, err := time.ParseDuration(rest)
		if err != nil {
			if wellFormedDuration(rest) {
				return tooLong() // well formed, but past what a time.Duration holds
			}
			return bad()
		}
		var ok bool
		if total, ok = addDuration(total, d); !ok {
			return tooLong()
		}
	}
	if total > MaxDuration {
		return tooLong()
	}
	return total, nil
}

// wellFormedDuration reports whether s would parse as a Go duration if its
// numbers were small: then a parse error means the value overflowed.
func wellFormedDuration(s string) bool {
	var b strings.Builder
	inDigits := false
	for _, c := range s {
		if c >= '0' && c <= '9' {
			if !inDigits {
				b.WriteByte('1')
			}
			inDigits = true
			continue
		}
		inDigits = false
		b.WriteRune(c)
	}
	_, err := time.ParseDuration(b.String())
	return err == nil
}

// wellFormedOffset reports whether s is a duration in form ("<n>d" and/or
// a Go duration), whatever its size.
func wellFormedOffset(s string) bool {
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		if i == 0 || strings.TrimLeft(s[:i], "0123456789") != "" {
			return false
		}
		s = s[i+1:]
	}
	return s == "" || s[0] != '-' && s[0] != '+' && wellFormedDuration(s)
}
