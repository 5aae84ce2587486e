package engine

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// The bounds of everything a scenario file can make the engine compute with
// (docs/limits.md). They are checked where a value is read, so that a run
// never does arithmetic that could wrap: a time.Duration holds about 292
// years, and a year past 9999 has no RFC 3339 form.

// MaxDurationDays is the longest duration a scenario may give, in days
// (about ten years): a "+…" offset, a robot delay, a what-if window.
const MaxDurationDays = 3660

// MaxDuration is MaxDurationDays as a time.Duration.
const MaxDuration = MaxDurationDays * 24 * time.Hour

// The calendar a run lives in, as Unix seconds: 0001-01-02T00:00:00Z to
// 9999-12-30T23:59:59Z. It stays a day inside the four-digit years so that
// an instant written in any time zone keeps an RFC 3339 form.
const (
	minInstantUnix = -62135510400
	maxInstantUnix = 253402214399
)

// MinInstant and MaxInstant are the first and last instants of a run's
// calendar.
func MinInstant() time.Time { return time.Unix(minInstantUnix, 0).UTC() }
func MaxInstant() time.Time { return time.Unix(maxInstantUnix, 0).UTC() }

// InCalendar reports whether t lies within MinInstant…MaxInstant.
func InCalendar(t time.Time) bool {
	u := t.Unix()
	return u >= minInstantUnix && u <= maxInstantUnix
}

// calendarWanted names the calendar in messages.
const calendarWanted = "an instant from 0001-01-02 to 9999-12-30 (UTC)"

// durationWanted names the duration bound in messages.
const durationWanted = "at most 3660 days (about 10 years)"

// addDuration adds two non-negative durations, reporting overflow past
// MaxDuration (and so never wrapping).
func addDuration(a, b time.Duration) (time.Duration, bool) {
	if a < 0 || b < 0 || a > MaxDuration || b > MaxDuration-a {
		return 0, false
	}
	return a + b, true
}

// mulDuration multiplies a count by a unit, reporting a product past
// MaxDuration (and so never wrapping).
func mulDuration(n int64, unit time.Duration) (time.Duration, bool) {
	if n < 0 || unit <= 0 || n > int64(MaxDuration/unit) {
		return 0, false
	}
	return time.Duration(n) * unit, true
}

// maxDelayValue is the largest delay value for a unit ("m", "h", "d").
func maxDelayValue(unit string) int { return int(MaxDuration / unitDuration(unit)) }

// delayWanted names the longest delay in a unit: "at most 87840 hours
// (3660 days, about 10 years)".
func delayWanted(unit string) string {
	if unit == "d" {
		return durationWanted
	}
	return fmt.Sprintf("at most %d %s (%d days, about 10 years)", maxDelayValue(unit), unitName(unit), MaxDurationDays)
}

// delayError says that a delay of value units is too long.
func delayError(unit string, value int) error {
	if unit == "d" {
		return errCode("xref.delayDays", durationWanted, strconv.Itoa(value))
	}
	return errCode("xref.delay", strconv.Itoa(maxDelayValue(unit)), unitName(unit), strconv.Itoa(MaxDurationDays), strconv.Itoa(value))
}

// maxQuoted is how many characters of the user's input a message quotes.
const maxQuoted = 40

// Clip cuts s to its first 40 characters, followed by "…" when longer:
// a message that echoes a key or a value of the user's input must stay
// short whatever the input holds.
func Clip(s string) string {
	if len(s) <= maxQuoted || utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	n, i := 0, 0
	for i = range s {
		if n == maxQuoted {
			break
		}
		n++
	}
	return s[:i] + "…"
}

// Quote is the one way messages quote the user's input: Clip, then a Go
// string literal (so control characters stay visible).
func Quote(s string) string { return strconv.Quote(Clip(s)) }

// checkTimes checks the instants of a scenario built in Go, which the
// reader has not seen: the start, the end and every script event must lie
// in the calendar, and offsets within MaxDuration.
func checkTimes(sc *Scenario, errs *errList) {
	if !InCalendar(sc.Start) {
		errs.addCode("start", "read.expected", calendarWanted, sc.Start.Format(time.RFC3339))
		return
	}
	check := func(path string, t Time) {
		switch {
		case !t.Relative && t.Abs.IsZero():
			// The zero Time of a Go-built event: due at once.
		case t.Relative && (t.Offset < 0 || t.Offset > MaxDuration):
			errs.addCode(path, "time.offsetOf", durationWanted, Quote(t.Raw))
		case !InCalendar(t.Resolve(sc.Start)):
			errs.addCode(path, "read.expected", calendarWanted, Quote(t.Raw))
		}
	}
	if sc.Until != nil {
		check("until", *sc.Until)
	}
	for i := range sc.Events {
		check(fmt.Sprintf("events[%d].at", i), sc.Events[i].At)
	}
}
