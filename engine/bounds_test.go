package engine

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDurationBounds(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"90m", 90 * time.Minute, ""},
		{"1d4h", 28 * time.Hour, ""},
		{"3660d", MaxDuration, ""},
		{"3659d24h", MaxDuration, ""},
		{"3660d1ns", 0, "at most 3660 days"},
		{"3661d", 0, "at most 3660 days"},
		{"100000d2562047h", 0, "at most 3660 days"},
		{"2562048h", 0, "at most 3660 days"},              // past what time.Duration holds
		{"99999999999999999999d", 0, "at most 3660 days"}, // past int64
		{"9223372036854775807ns", 0, "at most 3660 days"}, // fits, but too long
		{"1x", 0, `such as "90m"`},
		{"h5", 0, `such as "90m"`},
		{"d", 0, `such as "90m"`},
		{"-1h", 0, `such as "90m"`},
		{"1d-1h", 0, `such as "90m"`},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			assert.Fail(t, fmt.Sprintf("ParseDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want))
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			assert.Fail(t, fmt.Sprintf("ParseDuration(%q) error = %v; want one containing %q", tt.in, err, tt.err))
		}
	}
}

func TestParseTimeCalendar(t *testing.T) {
	for _, s := range []string{"0001-01-02T00:00:00Z", "9999-12-30T23:59:59Z", "9999-12-31T09:00:00+14:00", "+3660d"} {
		_, err := ParseTime(s)
		assert.NoError(t, err, "ParseTime(%q)", s)
	}
	for _, s := range []string{"0001-01-01T23:59:59Z", "0000-06-01T00:00:00Z", "9999-12-31T00:00:00Z", "9999-12-30T23:00:00-03:00", "+3661d"} {
		_, err := ParseTime(s)
		assert.Error(t, err, "ParseTime(%q) accepted", s)
	}
}

func TestCheckedDurations(t *testing.T) {
	d, ok := mulDuration(3660, 24*time.Hour)
	assert.False(t, !ok || d != MaxDuration, "mulDuration(3660d) = %v, %v", d, ok)
	for _, n := range []int64{3661, 1 << 40, 1<<63 - 1, -1} {
		_, ok := mulDuration(n, 24*time.Hour)
		assert.False(t, ok, "mulDuration(%d days) did not refuse", n)
	}
	_, ok = addDuration(MaxDuration, 1)
	assert.False(t, ok, "addDuration past MaxDuration did not refuse")
	_, ok = addDuration(1<<62, 1<<62)
	assert.False(t, ok, "addDuration wrapped")
	for unit, n := range map[string]int{"m": 5270400, "h": 87840, "d": 3660} {
		got := maxDelayValue(unit)
		assert.Equal(t, n, got, "maxDelayValue(%s) = %d, want %d", unit, got, n)
	}
}

// A scenario built in Go (the app's designer) is checked like a file.
func TestCheckRefusesUnboundedTimes(t *testing.T) {
	sc, err := ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}],
		"robots": [{"id": "r1", "entity": "DEAL", "stage": "NEW", "type": "Notify", "params": {"text": "x"}}],
		"events": [{"at": "+1h", "code": "CALL", "target": "DEAL_1"}]}`))
	require.NoError(t, err)
	sc.Robots[0].Delay = &Delay{Type: DelayAfter, Value: 1 << 40, Unit: "d"}
	sc.Events[0].At = Time{Raw: "+9000d", Relative: true, Offset: 9000 * 24 * time.Hour}
	err = Check(sc)
	require.Error(t, err, "Check accepted a delay and an offset past their bounds")
	for _, want := range []string{"robots[0].delay.value: expected a delay of at most 3660 days", `events[0].at: expected an offset of at most 3660 days (about 10 years), got "+9000d"`} {
		assert.Contains(t, err.Error(), want, "Check: %v\nwant %q", err, want)
	}
}

func TestRunUntilStopsAtCalendarEnd(t *testing.T) {
	sc, err := ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}]}`))
	require.NoError(t, err)
	s, err := New(sc, Options{})
	require.NoError(t, err)
	s.RunUntil(time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC))
	got := s.Result().End
	assert.False(t, strings.HasPrefix(got, "1") || len(got) != len("9999-12-31T02:59:59+03:00"), "end = %q, want an RFC 3339 time on the calendar's last day", got)
}

// Fire hands the run to the outside: a loop across time is then left to
// the step guard, since the next event may end it.
func TestFireKeepsLoopsRunning(t *testing.T) {
	sc, err := ReadScenario([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}],
		"robots": [
			{"id": "a", "entity": "DEAL", "stage": "PREPARATION", "type": "ChangeStage", "params": {"stage": "EXECUTING"}, "delay": {"type": "after", "value": 10, "unit": "m"}},
			{"id": "b", "entity": "DEAL", "stage": "EXECUTING", "type": "ChangeStage", "params": {"stage": "PREPARATION"}, "delay": {"type": "after", "value": 10, "unit": "m"}}],
		"items": [{"id": 1, "entity": "DEAL", "stage": "NEW"}], "limits": {"steps": 500}}`))
	require.NoError(t, err)
	for _, fire := range []bool{false, true} {
		s, err := New(sc, Options{NoLog: true})
		require.NoError(t, err)
		move := Event{Code: CodeMove, Target: "DEAL_1", Data: map[string]any{"stage": "PREPARATION"}}
		if fire {
			s.Fire(move)
		} else {
			s.sc.Events = nil
			s.events = append(s.events, move)
			s.script++
			s.runTask(&task{at: s.now, event: 0})
		}
		s.Run()
		got := s.Stopped()
		assert.Equal(t, fire, got, "fire=%v: stopped by the step guard = %v (steps %d)", fire, got, s.Steps())
	}
}

func TestClipQuote(t *testing.T) {
	long := strings.Repeat("я", 41)
	tests := []struct{ in, clip, quote string }{
		{"", "", `""`},
		{"abc", "abc", `"abc"`},
		{strings.Repeat("я", 40), strings.Repeat("я", 40), `"` + strings.Repeat("я", 40) + `"`},
		{long, strings.Repeat("я", 40) + "…", `"` + strings.Repeat("я", 40) + `…"`},
		{"a\nb", "a\nb", `"a\nb"`},
	}
	for _, tt := range tests {
		got := Clip(tt.in)
		assert.Equal(t, tt.clip, got, "Clip(%q) = %q, want %q", tt.in, got, tt.clip)
		got = Quote(tt.in)
		assert.Equal(t, tt.quote, got, "Quote(%q) = %q, want %q", tt.in, got, tt.quote)
	}
	got := keyPath("triggers[0]", strings.Repeat("k", 100))
	assert.Equal(t, "triggers[0]."+strings.Repeat("k", 40)+"…", got, "keyPath of a long plain key = %q", got)
	got = keyPath("", strings.Repeat("к ", 50))
	assert.Equal(t, `["`+strings.Repeat("к ", 20)+`…"]`, got, "keyPath of a long odd key = %q", got)
}
