package engine

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var msk = time.FixedZone("MSK", 3*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, msk)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCalendarNextWorking(t *testing.T) {
	cal, err := newCalendar(WorkTime{Holidays: []string{"2026-01-19"}}, msk)
	require.NoError(t, err)
	for _, tc := range []struct{ in, want string }{
		{"2026-01-12 10:00", "2026-01-12 10:00"}, // Monday, inside hours
		{"2026-01-12 08:30", "2026-01-12 09:00"}, // before opening
		{"2026-01-12 18:00", "2026-01-13 09:00"}, // closing time is not working time
		{"2026-01-16 19:30", "2026-01-20 09:00"}, // Friday evening → Monday is a holiday → Tuesday
		{"2026-01-17 12:00", "2026-01-20 09:00"}, // Saturday
	} {
		got := cal.nextWorking(at(tc.in))
		assert.True(t, got.Equal(at(tc.want)), "nextWorking(%s) = %s, want %s", tc.in, got.Format("2006-01-02 15:04"), tc.want)
	}
}

func TestCalendarPrevWorking(t *testing.T) {
	cal, err := newCalendar(WorkTime{}, msk)
	require.NoError(t, err)
	for _, tc := range []struct{ in, want string }{
		{"2026-01-14 11:00", "2026-01-14 11:00"}, // inside hours
		{"2026-01-18 11:00", "2026-01-16 11:00"}, // Sunday → Friday, same time
		{"2026-01-18 20:00", "2026-01-16 09:00"}, // Sunday evening → Friday opening
		{"2026-01-14 19:00", "2026-01-14 09:00"}, // after closing → that day's opening
		{"2026-01-14 07:00", "2026-01-14 09:00"}, // before opening → that day's opening
		{"2026-01-19 00:00", "2026-01-19 09:00"}, // a date-only basis on a working day stays on it
	} {
		got := cal.prevWorking(at(tc.in))
		assert.True(t, got.Equal(at(tc.want)), "prevWorking(%s) = %s, want %s", tc.in, got.Format("2006-01-02 15:04"), tc.want)
	}
}

func TestCalendarErrors(t *testing.T) {
	for _, tc := range []struct {
		w    WorkTime
		want string
	}{
		{WorkTime{Timezone: "Mars/Olympus"}, `unknown time zone "Mars/Olympus"`},
		{WorkTime{From: "9:00"}, `expected a time of day "HH:MM", got "9:00"`},
		{WorkTime{From: "18:00", To: "09:00"}, "working hours end 09:00 is not after their start 18:00"},
	} {
		_, err := newCalendar(tc.w, msk)
		assert.False(t, err == nil || err.Error() != tc.want, "newCalendar(%+v) error = %v, want %q", tc.w, err, tc.want)
	}
}

func TestCycleOf(t *testing.T) {
	for _, tc := range []struct {
		trail []string
		want  string
	}{
		{[]string{"robot r1", "trigger t1", "robot r2", "trigger t2", "robot r1", "trigger t1", "robot r2", "trigger t2"}, "robot r1 → trigger t1 → robot r2 → trigger t2 → robot r1"},
		{[]string{"trigger t9", "robot r1", "robot r1"}, "robot r1 → robot r1"},
		{[]string{"a", "b", "c"}, "a → b → c → a"},
	} {
		got := cycleText(cycleOf(tc.trail))
		assert.Equal(t, tc.want, got, "cycleOf(%v) = %q, want %q", tc.trail, got, tc.want)
	}
}

func TestFieldWatchable(t *testing.T) {
	for f, want := range map[string]bool{
		"COMMENTS": true, "UF_CRM_BUDGET": true, "TITLE": true, "SOURCE_ID": true,
		"STAGE_ID": false, "OPPORTUNITY": false, "CURRENCY_ID": false, "ASSIGNED_BY_ID": false,
		"DATE_MODIFY": false, "PHONE": false, "EMAIL_WORK": false, "UF_X.Y": false, "TITLE_PRINTABLE": false,
	} {
		got := FieldWatchable(f, "DEAL")
		assert.Equal(t, want, got, "FieldWatchable(%s) = %v, want %v", f, got, want)
	}
	assert.False(t, FieldWatchable("UF_CRM_X", "ORDER"), "UF_ fields of orders are not selectable")
}

func TestParseClock(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // -1: refused
	}{
		{"00:00", 0}, {"09:30", 570}, {"23:59", 1439}, {"24:00", 1440},
		{"24:01", -1}, {"25:00", -1}, {"12:60", -1},
		{"9:00", -1}, {"09:0", -1}, {"09-00", -1}, {"", -1},
		{" 9:00", -1}, {"+9:00", -1}, {"-1:00", -1}, {"09:+5", -1}, {"0x:00", -1}, {"٠٩:٠٠", -1},
	} {
		got, err := parseClock(c.in)
		if c.want < 0 {
			assert.Error(t, err, "%q", c.in)
			continue
		}
		require.NoError(t, err, "%q", c.in)
		assert.Equal(t, c.want, got, "%q", c.in)
	}
}

// FuzzParseClock checks parseClock against the fmt.Sscanf reading it
// replaced, on every clock the reader lets through (validClock), that it
// takes nothing but two digits, a colon and two digits, and validClock
// against the strconv.Atoi reading it replaced.
func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"09:00", "24:00", "23:59", " 9:00", "+9:00", "-1:00", "9:00", "12:60"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseClock(s)
		if err == nil {
			require.Len(t, s, 5)
			for i, c := range []byte(s) {
				if i == 2 {
					require.Equal(t, byte(':'), c, "%q", s)
				} else {
					require.True(t, c >= '0' && c <= '9', "%q", s)
				}
			}
		}
		h1, err1 := -1, error(nil)
		m1, err2 := -1, error(nil)
		if len(s) == 5 && s[2] == ':' {
			h1, err1 = strconv.Atoi(s[:2])
			m1, err2 = strconv.Atoi(s[3:])
		}
		atoi := len(s) == 5 && s[2] == ':' && err1 == nil && err2 == nil && s[0] != '+' && s[0] != '-' &&
			s[3] != '+' && s[3] != '-' && h1 >= 0 && h1 <= 23 && m1 >= 0 && m1 <= 59
		require.Equal(t, atoi, validClock(s), "%q", s)
		if !validClock(s) {
			return
		}
		var h, m int
		_, scanErr := fmt.Sscanf(s, "%02d:%02d", &h, &m)
		require.NoError(t, scanErr, "%q", s)
		require.NoError(t, err, "%q", s)
		assert.Equal(t, h*60+m, got, "%q", s)
	})
}
