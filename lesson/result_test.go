package lesson_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/lesson"
)

func TestCourseRoundTrip(t *testing.T) {
	a := read(t, "../lessons/ru/01-first-trigger.json")
	b := read(t, "../lessons/en/05-invoice-paid.json")
	c := &lesson.Course{Title: lesson.Text{"ru": "Курс для отдела продаж"}, Lessons: []*lesson.Lesson{b, a}}
	data, err := lesson.WriteCourse(c)
	require.NoError(t, err)
	assert.Equal(t, lesson.CourseFormat, lesson.Kind(data))
	back, err := lesson.ReadCourse(data)
	require.NoError(t, err)
	assert.Equal(t, c, back)
	again, err := lesson.WriteCourse(back)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again))

	// Paths inside a course name the lesson; ids are unique.
	bad := strings.Replace(string(data), `"id": "01-first-trigger"`, `"id": "05-invoice-paid"`, 1)
	_, err = lesson.ReadCourse([]byte(bad))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `lessons[1].id: lessons[0] has the same id "05-invoice-paid"`)
	bad = strings.Replace(string(data), `"stage": "DT31_0:P"}}`, `"stage": "NOPE"}}`, 1)
	_, err = lesson.ReadCourse([]byte(bad))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "lessons[0].goals[0].expect.stage:")
	_, err = lesson.ReadCourse([]byte(`{"format": "triggersim/course", "version": 1, "title": {"en": "x"}, "lessons": []}`))
	assert.ErrorContains(t, err, "lessons: a course needs at least one lesson")
}

func TestKind(t *testing.T) {
	data, err := os.ReadFile("../lessons/en/01-first-trigger.json")
	require.NoError(t, err)
	assert.Equal(t, lesson.Format, lesson.Kind(data))
	assert.Equal(t, "", lesson.Kind([]byte(`{"format": "triggersim/scenario"}`)))
	assert.Equal(t, "", lesson.Kind([]byte(`[1]`)))
}

func TestResultSheet(t *testing.T) {
	l, sol := first(t)
	rep := l.Check(sol, "ru")
	start := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	r, err := lesson.NewResult(l, "ru", "  Анна Петрова ", rep, 1, 3, start, start.Add(9*time.Minute+500*time.Millisecond))
	require.NoError(t, err)
	assert.Equal(t, "Анна Петрова", r.Trainee)
	assert.Equal(t, 540, r.Seconds)
	assert.True(t, r.Done())
	data := lesson.WriteResult(r)
	assert.Equal(t, lesson.ResultFormat, lesson.Kind(data))
	back, err := lesson.ReadResult(data)
	require.NoError(t, err)
	assert.Equal(t, r, back)
	assert.Equal(t, string(data), string(lesson.WriteResult(back)))

	_, err = lesson.NewResult(l, "ru", "   ", rep, 0, 0, start, start)
	assert.EqualError(t, err, "введите своё имя")
	_, err = lesson.NewResult(l, "en", strings.Repeat("я", 101), rep, 0, 0, start, start)
	assert.EqualError(t, err, "the name is longer than 100 characters")

	for _, c := range []struct{ from, to, want string }{
		{`"hints": 1`, `"hints": -1`, "hints: expected an integer from 0 to 20"},
		{`"pass": true`, `"pass": "yes"`, "goals[0].pass: expected true or false"},
		{`"format": "triggersim/lesson-result"`, `"format": "triggersim/lesson"`, `format: expected "triggersim/lesson-result"`},
		{`"submitted": "2026-12-02T09:09:00Z"`, `"submitted": "yesterday"`, "submitted: expected a time"},
	} {
		bad := strings.Replace(string(data), c.from, c.to, 1)
		require.NotEqual(t, string(data), bad, c.from)
		_, err := lesson.ReadResult([]byte(bad))
		assert.ErrorContains(t, err, c.want)
	}
}

func TestCollect(t *testing.T) {
	at := func(m int) time.Time { return time.Date(2026, 12, 2, 9, m, 0, 0, time.UTC) }
	rs := []*lesson.Result{
		{Lesson: "b", Trainee: "Иван", Submitted: at(1), Goals: []lesson.GoalMark{{Name: "x", Pass: false}}},
		{Lesson: "a", Trainee: "Олег", Submitted: at(2)},
		{Lesson: "b", Trainee: "иван", Submitted: at(5), Hints: 2, Goals: []lesson.GoalMark{{Name: "x", Pass: true}}},
		{Lesson: "b", Trainee: "Анна", Submitted: at(3)},
	}
	s := lesson.Collect(rs)
	require.Len(t, s.Rows, 3)
	assert.Equal(t, 1, s.Replaced)
	assert.Equal(t, "Олег", s.Rows[0].Trainee)
	assert.Equal(t, "Анна", s.Rows[1].Trainee)
	assert.Equal(t, "иван", s.Rows[2].Trainee, "the later sheet wins")
	assert.Equal(t, 2, s.Rows[2].Submissions)
	assert.True(t, s.Rows[2].Done())
}
