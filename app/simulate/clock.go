package simulate

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/triggersim/triggersim/format"
)

// Speed is one choice of the clock bar's speed: how much virtual time
// passes per second of play.
type Speed struct {
	Per time.Duration
	// Key is the i18n key of its label.
	Key string
}

// Speeds are the play speeds, slowest first.
func Speeds() []Speed {
	return []Speed{
		{time.Minute, "board.speed.1m"},
		{10 * time.Minute, "board.speed.10m"},
		{time.Hour, "board.speed.1h"},
		{6 * time.Hour, "board.speed.6h"},
		{24 * time.Hour, "board.speed.1d"},
	}
}

// DefaultSpeed is the index into Speeds the clock bar starts with.
const DefaultSpeed = 2

var (
	ruWeekdays = [...]string{"вс", "пн", "вт", "ср", "чт", "пт", "сб"}
	enWeekdays = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}
	ruMonths   = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ruShort    = [...]string{"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}
)

// FormatClock is the clock bar's time: "пн, 12 января 2026, 09:30" or
// "Mon, 12 January 2026, 09:30", in the time's own zone (the scenario's).
func FormatClock(t time.Time, lang string) string {
	if lang == "en" {
		return fmt.Sprintf("%s, %d %s %d, %02d:%02d", enWeekdays[t.Weekday()], t.Day(), t.Month(), t.Year(), t.Hour(), t.Minute())
	}
	return fmt.Sprintf("%s, %d %s %d, %02d:%02d", ruWeekdays[t.Weekday()], t.Day(), ruMonths[t.Month()-1], t.Year(), t.Hour(), t.Minute())
}

// FormatShort is a compact time for cards and logs: "пн 12 янв, 09:30".
func FormatShort(t time.Time, lang string) string {
	if lang == "en" {
		return fmt.Sprintf("%s %d %s, %02d:%02d", enWeekdays[t.Weekday()], t.Day(), t.Month().String()[:3], t.Hour(), t.Minute())
	}
	return fmt.Sprintf("%s %d %s, %02d:%02d", ruWeekdays[t.Weekday()], t.Day(), ruShort[t.Month()-1], t.Hour(), t.Minute())
}

// LocalInput formats t for an <input type="datetime-local">.
func LocalInput(t time.Time) string { return t.Format("2006-01-02T15:04") }

// ParseLocalInput reads an <input type="datetime-local"> value in the
// zone of ref (the scenario's clock).
func ParseLocalInput(s string, ref time.Time) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, ref.Location()); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("expected a date and time such as 2026-01-12T09:30, got %q", s)
}

// ErrJumpInput is returned by ParseJumpInput for a text that is not a
// date and time; the board says so in words, with an example.
var ErrJumpInput = errors.New("not a date and time")

// JumpLayout is how the clock bar's «Перейти к» field shows a time:
// "12.01.2026 09:30" in Russian, "2026-01-12 09:30" in English, always
// on the 24-hour clock. A datetime-local input would show the browser's
// locale instead (01/12/2026, 09:30 AM), whatever the interface language.
func JumpLayout(lang string) string { return format.UI(lang).DateTimeLayout() }

// JumpInput formats t for the clock bar's «Перейти к» field.
func JumpInput(t time.Time, lang string) string { return t.Format(JumpLayout(lang)) }

// jumpLayouts are the forms ParseJumpInput reads, whatever the language:
// a person may paste either form, and single-digit days, months and
// hours are fine.
var jumpLayouts = []string{
	"2.1.2006 15:04",
	"2006-1-2 15:04",
	"2006-1-2T15:04",
	"2006-1-2T15:04:05",
	"2.1.2006, 15:04",
}

// ParseJumpInput reads a time typed into the «Перейти к» field in the
// zone of ref (the scenario's clock): "ДД.ММ.ГГГГ ЧЧ:ММ", "ГГГГ-ММ-ДД
// ЧЧ:ММ" (with a space or a T), or a bare "ЧЧ:ММ", which means that time
// on ref's day. Anything else is ErrJumpInput.
func ParseJumpInput(s string, ref time.Time) (time.Time, error) {
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range jumpLayouts {
		if t, err := time.ParseInLocation(layout, s, ref.Location()); err == nil {
			return t, nil
		}
	}
	if t, err := time.ParseInLocation("15:04", s, ref.Location()); err == nil {
		y, m, d := ref.Date()
		return time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, ref.Location()), nil
	}
	return time.Time{}, fmt.Errorf("%w: %q", ErrJumpInput, s)
}

// End is where "play to the end" stops: the scenario's until, else the
// last script event or the last pending robot, whichever is later, else
// the current time.
func (c *Controller) End() time.Time {
	end := c.sim.Now()
	if c.sc.Until != nil {
		return c.sc.Until.Resolve(c.sc.Start)
	}
	for _, ev := range c.sc.Events {
		if t := ev.At.Resolve(c.sc.Start); t.After(end) {
			end = t
		}
	}
	if due, ok := c.sim.LastDue(); ok && due.After(end) {
		end = due
	}
	return end
}
