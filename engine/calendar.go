package engine

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// calendar answers "is this a working moment" for company working hours or
// a user's own schedule, in the calendar's time zone.
type calendar struct {
	loc       *time.Location
	days      [8]bool // 1 = Monday … 7 = Sunday
	from, to  int     // minutes since midnight
	holidays  map[string]bool
	hoursText string // hours(), written once
}

// parseClock reads a clock, "HH:MM" from 00:00 to 24:00 (the end of a
// working day may be midnight), as minutes since midnight.
func parseClock(s string) (int, error) {
	h, m, ok := clockParts(s)
	if !ok || h > 24 || m > 59 || (h == 24 && m != 0) {
		return 0, errCode("wt.clock", strconv.Quote(s))
	}
	return h*60 + m, nil
}

// clockParts reads the hours and minutes of "HH:MM": two ASCII digits, a
// colon and two digits, nothing else; the reader (validClock) and the
// calendar (parseClock) each bound them. It reads the digits itself
// rather than with fmt.Sscanf: the scanner was 42 KB of every wasm module
// the engine is in.
func clockParts(s string) (h, m int, ok bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, 0, false
	}
	for _, i := range [...]int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, 0, false
		}
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), int(s[3]-'0')*10 + int(s[4]-'0'), true
}

func newCalendar(w WorkTime, startLoc *time.Location) (*calendar, error) {
	c := &calendar{loc: startLoc, holidays: map[string]bool{}}
	if w.Timezone != "" {
		loc, err := time.LoadLocation(w.Timezone)
		if err != nil {
			return nil, errCode("wt.unknownZone", strconv.Quote(w.Timezone))
		}
		c.loc = loc
	}
	days := w.Days
	if days == nil {
		days = []int{1, 2, 3, 4, 5}
	}
	for _, d := range days {
		if d >= 1 && d <= 7 {
			c.days[d] = true
		}
	}
	from, to := w.From, w.To
	if from == "" {
		from = "09:00"
	}
	if to == "" {
		to = "18:00"
	}
	var err error
	if c.from, err = parseClock(from); err != nil {
		return nil, err
	}
	if c.to, err = parseClock(to); err != nil {
		return nil, err
	}
	if c.to <= c.from {
		return nil, errCode("wt.hoursOrder", to, from)
	}
	for _, h := range w.Holidays {
		c.holidays[h] = true
	}
	c.hoursText = fmt.Sprintf("%02d:%02d–%02d:%02d", c.from/60, c.from%60, c.to/60, c.to%60)
	return c, nil
}

func weekday(t time.Time) int {
	d := int(t.Weekday())
	if d == 0 {
		return 7
	}
	return d
}

// workDay reports whether the day of t is a working day. The date is
// written out only when there are holidays to look it up in: robots that
// wait for working time ask this for every day they cross, and formatting
// a time is slow in the browser.
func (c *calendar) workDay(t time.Time) bool {
	t = t.In(c.loc)
	if !c.days[weekday(t)] {
		return false
	}
	return len(c.holidays) == 0 || !c.holidays[t.Format(time.DateOnly)]
}

// hasWorkDays guards loops against a calendar without any working day.
func (c *calendar) hasWorkDays() bool {
	for d := 1; d <= 7; d++ {
		if c.days[d] {
			return true
		}
	}
	return false
}

func (c *calendar) dayAt(t time.Time, minutes int) time.Time {
	t = t.In(c.loc)
	return time.Date(t.Year(), t.Month(), t.Day(), minutes/60, minutes%60, 0, 0, c.loc)
}

// isWorking reports whether t falls inside working hours.
func (c *calendar) isWorking(t time.Time) bool {
	if !c.workDay(t) {
		return false
	}
	lt := t.In(c.loc)
	m := lt.Hour()*60 + lt.Minute()
	return m >= c.from && m < c.to
}

// nextWorking returns t when it is working time, else the start of the next
// working period. Robots that respect working hours wait for it.
func (c *calendar) nextWorking(t time.Time) time.Time {
	if c.isWorking(t) || !c.hasWorkDays() {
		return t
	}
	lt := t.In(c.loc)
	if c.workDay(lt) && lt.Hour()*60+lt.Minute() < c.from {
		return c.dayAt(lt, c.from)
	}
	day := c.dayAt(lt, c.from)
	for i := 0; i < 3660; i++ { // ten years of holidays at most
		day = day.AddDate(0, 0, 1)
		day = c.dayAt(day, c.from) // keep the wall time across DST changes
		if c.workDay(day) {
			return day
		}
	}
	return t
}

// prevWorking is for "before" delays that respect working hours ("N days
// before a date" shifts to the nearest working day, section 3.3): on a
// working day outside hours it is that day's opening; on a day off it is
// the nearest earlier working day, at the same time of day when that falls
// inside working hours and at the opening otherwise.
func (c *calendar) prevWorking(t time.Time) time.Time {
	if c.isWorking(t) || !c.hasWorkDays() {
		return t
	}
	lt := t.In(c.loc)
	m := lt.Hour()*60 + lt.Minute()
	keep := m
	if m < c.from || m >= c.to {
		keep = c.from
	}
	if c.workDay(lt) {
		return c.dayAt(lt, c.from)
	}
	day := lt
	for i := 0; i < 3660; i++ {
		day = day.AddDate(0, 0, -1)
		if c.workDay(day) {
			return c.dayAt(day, keep)
		}
	}
	return t
}

// offParts say why working time moved a robot from was to due: was fell
// outside the working hours of a working day, and the days off (weekends
// of the schedule, holidays) lie on the way, was's own day included.
func (c *calendar) offParts(was, due time.Time) []Reason {
	var parts []Reason
	lw, ld := was.In(c.loc), due.In(c.loc)
	if c.workDay(lw) {
		parts = append(parts, Reason{Code: "delay.off.hours", Args: []string{c.hours()}})
	}
	step := 1
	if ld.Before(lw) {
		step = -1
	}
	var weekend, holidays []string
	// Days are compared as dates and written out only when listed.
	ey, em, ed := ld.Date()
	wy, wm, wd := lw.Date()
	for i := 0; i < 3660; i++ {
		day := time.Date(wy, wm, wd+i*step, 12, 0, 0, 0, c.loc)
		if y, m, d := day.Date(); y == ey && m == em && d == ed {
			break
		}
		if !c.days[weekday(day)] {
			weekend = append(weekend, day.Format(time.DateOnly))
		} else if len(c.holidays) > 0 {
			if date := day.Format(time.DateOnly); c.holidays[date] {
				holidays = append(holidays, date)
			}
		}
	}
	if step < 0 {
		slices.Reverse(weekend)
		slices.Reverse(holidays)
	}
	if len(weekend) > 0 {
		parts = append(parts, Reason{Code: "delay.off.weekend", Args: []string{dateList(weekend)}})
	}
	if len(holidays) > 0 {
		parts = append(parts, Reason{Code: "delay.off.holiday", Args: []string{dateList(holidays)}})
	}
	return parts
}

// dateList joins dates, the first five and the last when there are more.
func dateList(dates []string) string {
	if len(dates) > 6 {
		return strings.Join(dates[:5], ", ") + ", …, " + dates[len(dates)-1]
	}
	return strings.Join(dates, ", ")
}

// hours is the calendar's working hours as "09:00–18:00".
func (c *calendar) hours() string { return c.hoursText }
