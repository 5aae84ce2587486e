package lesson

import (
	"bytes"
	"fmt"
	"strconv"
)

// CourseFormat and CourseVersion name the course file format: an ordered
// set of lessons in one file.
const (
	CourseFormat  = "triggersim/course"
	CourseVersion = 1
)

// MaxCourseLessons bounds a course.
const MaxCourseLessons = 100

// Course is a course file: a title and lessons in the order to take them.
type Course struct {
	Title   Text
	Lessons []*Lesson
}

// ReadCourse reads and validates a course file; each lesson is read as a
// lesson file (without its own "format" and "version"), with paths such as
// "lessons[2].goals[0].expect.stage". Lesson ids must be unique.
func ReadCourse(data []byte) (*Course, error) {
	if err := checkDocument(data, "course file"); err != nil {
		return nil, err
	}
	e := &errs{}
	ms, ok := e.object(data, "", []string{"format", "version", "title", "lessons"})
	if !ok || !e.header(ms, CourseFormat, CourseVersion) {
		return nil, e.err()
	}
	c := &Course{}
	if v := get(ms, "title"); v != nil {
		c.Title, _ = e.text(v, "title")
	} else {
		e.addCode("", "lesson.missing", `"title"`)
	}
	v := get(ms, "lessons")
	if v == nil {
		e.addCode("", "lesson.missing", `"lessons"`)
		return nil, e.err()
	}
	list, ok := e.array(v, "lessons")
	if ok && len(list) == 0 {
		e.addCode("lessons", "lesson.courseEmpty")
	}
	if len(list) > MaxCourseLessons {
		e.addCode("lessons", "lesson.courseMax", strconv.Itoa(MaxCourseLessons))
		return nil, e.err()
	}
	ids := map[string]int{}
	for i, raw := range list {
		p := idx("lessons", i)
		lms, ok := e.object(raw, p, nil)
		if !ok {
			continue
		}
		l := readLesson(e, lms, p)
		if j, dup := ids[l.ID]; dup && l.ID != "" {
			e.addCode(p+".id", "lesson.sameID", strconv.Itoa(j), strconv.Quote(l.ID))
		}
		ids[l.ID] = i
		c.Lessons = append(c.Lessons, l)
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// WriteCourse renders a course file as Write renders a lesson.
func WriteCourse(c *Course) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"format\": %s,\n  \"version\": %d,\n  \"title\": %s,\n  \"lessons\": [", jsonString(CourseFormat), CourseVersion, textJSON(c.Title))
	for i, l := range c.Lessons {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		if err := writeLesson(&b, l, "    ", false); err != nil {
			return nil, fmt.Errorf("lessons[%d]: %w", i, err)
		}
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes(), nil
}

// Kind tells a lesson file, a course file and a result sheet apart by
// their "format", so that one import accepts any of them; "" when the
// data is none of those.
func Kind(data []byte) string {
	var e errs
	ms, ok := e.object(data, "", nil)
	if !ok {
		return ""
	}
	f := get(ms, "format")
	if f == nil {
		return ""
	}
	s, _ := e.str(f, "format")
	switch s {
	case Format, CourseFormat, ResultFormat:
		return s
	}
	return ""
}
