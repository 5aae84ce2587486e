package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileCase is one crafted file of testdata/hostile run through the
// command line: its exit status, a message it must print (with its JSON
// path), and a bound on how much it may print, so that a runaway shows up
// as a failure without any timing.
type hostileCase struct {
	file     string
	args     []string // extra flags
	code     int
	want     []string // substrings of stdout+stderr
	notWant  []string
	maxBytes int // bound on stdout+stderr
}

func runHostile(t *testing.T, tests []hostileCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			args := append([]string{"run", filepath.Join("testdata", "hostile", tt.file)}, tt.args...)
			var out, errOut bytes.Buffer
			code := run(args, &out, &errOut)
			all := out.String() + errOut.String()
			require.Equal(t, tt.code, code, "exit %d, want %d; output:\n%.2000s", code, tt.code, all)
			for _, w := range tt.want {
				assert.Contains(t, all, w, "output lacks %q:\n%.2000s", w, all)
			}
			for _, w := range tt.notWant {
				assert.NotContains(t, all, w, "output has %q:\n%.2000s", w, all)
			}
			assert.False(t, len(all) > tt.maxBytes, "printed %d bytes, want at most %d", len(all), tt.maxBytes)
		})
	}
}

// TestHostileTimes: every duration and instant of a file is range-checked
// where it is read; nothing wraps into a small or negative value.
func TestHostileTimes(t *testing.T) {
	runHostile(t, []hostileCase{
		{"time_offset_wraps.json", nil, 2, []string{`events[0].at: expected an offset of at most 3660 days (about 10 years), got "+100000d2562047h"`}, nil, 400},
		{"time_offset_hours.json", nil, 2, []string{`events[0].at: expected an offset of at most 3660 days (about 10 years), got "+2562048h"`}, nil, 400},
		{"time_delay_days.json", nil, 2, []string{`robots[0].delay.value: expected a delay of at most 3660 days (about 10 years), got 2147483647 days`}, nil, 400},
		{"time_delay_minutes.json", nil, 2, []string{`robots[0].delay.value: expected a delay of at most 5270400 minutes (3660 days, about 10 years), got 5270401 minutes`}, nil, 400},
		{"time_until_past_calendar.json", nil, 2, []string{`until: the offset "+365d" from the start lands after 9999-12-30, the end of the calendar`}, nil, 400},
		{"time_start_year_zero.json", nil, 2, []string{`start: expected an instant from 0001-01-02 to 9999-12-30 (UTC), got "0000-12-31T09:00:00Z"`}, nil, 400},
		{"time_event_last_day.json", nil, 2, []string{`events[0].at: expected an instant from 0001-01-02 to 9999-12-30 (UTC), got "9999-12-31T23:00:00+03:00"`}, nil, 400},
		{"time_expect_at.json", nil, 2, []string{`expect[0].at: expected an offset of at most 3660 days (about 10 years), got "+3661d"`}, nil, 400},
		// A robot due after the calendar's end: never runs, and the result
		// has only RFC 3339 times.
		{"../../../../engine_test/testdata/scenarios/138_robot_due_past_calendar.json", []string{"--json"}, 0,
			[]string{`"end": "9999-12-29T12:00:00+03:00"`, "робот r-far должен был бы выполниться после 9999-12-30"},
			[]string{`"10000-`, `"0001-01-01`}, 20000},
	})
}

// TestHostileLimits: limits have a ceiling, and a run at the ceiling
// keeps a bounded log whatever it does.
func TestHostileLimits(t *testing.T) {
	runHostile(t, []hostileCase{
		{"limits_steps_max.json", nil, 2, []string{`limits.steps: expected an integer from 1 to 1000000, got 2147483647`}, nil, 400},
		{"limits_cascade_max.json", nil, 2, []string{`limits.cascade: expected an integer from 1 to 10000, got 10001`}, nil, 400},
		// 150 000 steps would log about 450 000 entries (150 MB of JSON);
		// the result keeps 20 000 of them, a marker and the loop entries.
		{"log_flood.json", []string{"--json", "--lang", "en"}, 0, []string{`log entries omitted. The log keeps its first 20000 entries`, `"type": "loop"`, `"ok": true`}, nil, 7 << 20},
		{"log_flood.json", nil, 0, []string{`пропущено записей журнала`}, nil, 5 << 20},
	})
}

// TestHostileLoops: a loop across time is called early, not run to the
// step guard (which took 100 000 steps and a 65 MB result).
func TestHostileLoops(t *testing.T) {
	runHostile(t, []hostileCase{
		{"loop_ping_pong.json", nil, 0, []string{"DEAL_1 loops across time: every 20m it comes back to the same state", "the lap: r-forth → EXECUTING, r-back → PREPARATION"}, []string{"steps"}, 20000},
		{"loop_ping_pong.json", []string{"--json"}, 0, []string{`"cycle": [`, `"robot r-forth"`, `"end": "2036-01-10T09:00:00+03:00"`}, nil, 60000},
	})
}

// TestHostileMessages: a message quotes at most 40 characters of any key or
// value of the file, however long, and trigger and robot ids are bounded.
func TestHostileMessages(t *testing.T) {
	x40 := strings.Repeat("x", 40)
	runHostile(t, []hostileCase{
		{"msg_long_unknown_key.json", nil, 2, []string{x40 + "…: unknown key"}, nil, 300},
		{"msg_long_odd_key.json", nil, 2, []string{`triggers[0]["ключ ключ ключ ключ ключ ключ ключ ключ …"]: unknown key`}, nil, 300},
		{"msg_long_value.json", nil, 2, []string{`locale: expected "ru" or "en", got "` + strings.Repeat("z", 40) + `…"`}, nil, 300},
		{"msg_long_number.json", nil, 2, []string{`limits.steps: expected an integer from 1 to 1000000, got ` + strings.Repeat("1", 40) + `…`}, nil, 300},
		{"msg_long_ids.json", nil, 2, []string{
			`triggers[0].id: expected a trigger id of at most 50 characters, got "` + strings.Repeat("t", 40) + `…"`,
			`robots[0].id: expected a robot id of at most 50 characters, got "` + strings.Repeat("р", 40) + `…"`}, nil, 500},
		{"msg_long_unknown_ref.json", nil, 2, []string{`expect[0].fired: unknown trigger "` + strings.Repeat("q", 40) + `…"`}, nil, 300},
		{"msg_long_stage.json", nil, 2, []string{`items[0].stage: unknown stage "` + strings.Repeat("S", 40) + `…" in DEAL`}, nil, 300},
		{"msg_long_condition_value.json", nil, 2, []string{`triggers[0].condition: condition[0].value: expected a number for a number field, got "` + strings.Repeat("v", 40) + `…"`}, nil, 300},
	})
}

// TestHostileArgs: the command line's own messages quote arguments short too.
func TestHostileArgs(t *testing.T) {
	long := strings.Repeat("a", 5000)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "x.json", "--lang", long}, `--lang must be ru or en, got "` + strings.Repeat("a", 40) + `…"`},
		{[]string{"run", "x.json", "--" + long}, "unknown flag --" + strings.Repeat("a", 38) + "…"},
		{[]string{long, "x.json"}, `unknown command "` + strings.Repeat("a", 40) + `…"`},
		{[]string{"whatif", "x.json", "--days", long}, `--days expects a whole number from 1 to 3650, got "` + strings.Repeat("a", 40) + `…"`},
		{[]string{"whatif", "x.json", "--" + long}, "unknown flag --" + strings.Repeat("a", 38) + "…"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, &out, &errOut)
		assert.EqualValues(t, 2, code, "%.60s: exit %d, want 2", strings.Join(tt.args, " "), code)
		all := out.String() + errOut.String()
		assert.Contains(t, all, tt.want, "output lacks %q:\n%.500s", tt.want, all)
		assert.NotContains(t, all, strings.Repeat("a", 41), "output echoes the argument whole:\n%.500s", all)
	}
}
