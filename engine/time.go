package engine

import (
	"fmt"
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

// ParseTime reads a scenario time.
func ParseTime(s string) (Time, error) {
	if strings.HasPrefix(s, "+") {
		d, err := ParseDuration(s[1:])
		if err != nil {
			return Time{}, err
		}
		return Time{Raw: s, Relative: true, Offset: d}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return Time{}, fmt.Errorf("expected an RFC 3339 time such as \"2026-01-12T10:30:00+03:00\" or an offset such as \"+2h30m\", got %q", s)
	}
	return Time{Raw: s, Abs: t}, nil
}

// ParseDuration reads a Go duration that may also use "d" for days
// ("3d", "1d4h", "90m"). Negative durations are refused.
func ParseDuration(s string) (time.Duration, error) {
	orig := s
	if s == "" {
		return 0, fmt.Errorf("expected a duration such as \"90m\", \"2h30m\" or \"3d\", got %q", orig)
	}
	var total time.Duration
	// Peel off a leading "<n>d".
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.Atoi(s[:i])
		if err != nil || n < 0 || n > 100000 {
			return 0, fmt.Errorf("expected a duration such as \"90m\", \"2h30m\" or \"3d\", got %q", orig)
		}
		total = time.Duration(n) * 24 * time.Hour
		s = s[i+1:]
	}
	if s != "" {
		if s[0] == '-' || s[0] == '+' {
			return 0, fmt.Errorf("expected a duration such as \"90m\", \"2h30m\" or \"3d\", got %q", orig)
		}
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return 0, fmt.Errorf("expected a duration such as \"90m\", \"2h30m\" or \"3d\", got %q", orig)
		}
		total += d
	}
	return total, nil
}
