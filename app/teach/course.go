package teach

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/lesson"
)

// CoursesKey is the setting holding the imported courses: a JSON array of
// {"id", "file"}, the course files as written by lesson.WriteCourse, in
// the order they were imported. One setting, written in one put, so an
// import either lands whole or leaves the stored courses as they were.
const CoursesKey = "lessons.courses"

// Course is an imported course.
type Course struct {
	// ID names the course in the store: a slug of its title.
	ID     string
	Course *lesson.Course
	// File is the course file, for export.
	File []byte
}

type storedCourse struct {
	ID   string `json:"id"`
	File string `json:"file"`
}

// ErrStoredCourses is returned when the stored courses cannot be read:
// an import then refuses to write over them.
var ErrStoredCourses = errors.New("the stored courses cannot be read")

// LoadCourses reads the imported courses; none stored is none.
func LoadCourses(ctx context.Context, st Settings) ([]Course, error) {
	s, err := st.GetSetting(ctx, CoursesKey)
	if errors.Is(err, storage.ErrNotExist) || err == nil && s == "" {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the courses: %w", err)
	}
	var list []storedCourse
	if err := json.Unmarshal([]byte(s), &list); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrStoredCourses, err)
	}
	out := make([]Course, 0, len(list))
	for _, sc := range list {
		c, err := lesson.ReadCourse([]byte(sc.File))
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrStoredCourses, sc.ID, err)
		}
		out = append(out, Course{ID: sc.ID, Course: c, File: []byte(sc.File)})
	}
	return out, nil
}

func saveCourses(ctx context.Context, st Settings, list []Course) error {
	stored := make([]storedCourse, len(list))
	for i, c := range list {
		stored[i] = storedCourse{ID: c.ID, File: string(c.File)}
	}
	b, err := json.Marshal(stored)
	if err != nil {
		return err
	}
	if err := st.PutSetting(ctx, CoursesKey, string(b)); err != nil {
		return fmt.Errorf("save the courses: %w", err)
	}
	return nil
}

// CourseID is the store's name of a course: a slug of its title in both
// languages, so a course imported again (a corrected file) replaces the
// earlier copy.
func CourseID(c *lesson.Course) string { return Slug(c.Title["ru"] + "\n" + c.Title["en"]) }

// ImportCourse checks a course file and stores it, replacing a stored
// course of the same title (replaced is then true). A file with errors is
// refused with the reader's error (see Problems) and nothing is written;
// so is any file when the stored courses cannot be read.
func ImportCourse(ctx context.Context, st Settings, data []byte) (c Course, replaced bool, err error) {
	parsed, err := lesson.ReadCourse(data)
	if err != nil {
		return Course{}, false, err
	}
	file, err := lesson.WriteCourse(parsed)
	if err != nil {
		return Course{}, false, err
	}
	list, err := LoadCourses(ctx, st)
	if err != nil {
		return Course{}, false, err
	}
	c = Course{ID: CourseID(parsed), Course: parsed, File: file}
	for i := range list {
		if list[i].ID == c.ID {
			list[i], replaced = c, true
		}
	}
	if !replaced {
		list = append(list, c)
	}
	if err := saveCourses(ctx, st, list); err != nil {
		return Course{}, false, err
	}
	return c, replaced, nil
}

// DeleteCourse removes a stored course.
func DeleteCourse(ctx context.Context, st Settings, id string) ([]Course, error) {
	list, err := LoadCourses(ctx, st)
	if err != nil {
		return nil, err
	}
	out := list[:0]
	for _, c := range list {
		if c.ID != id {
			out = append(out, c)
		}
	}
	if err := saveCourses(ctx, st, out); err != nil {
		return list, err
	}
	return out, nil
}

// Problems renders a lesson, course or result reader's error as short
// lines "path: message" in lang: the JSON path as in the file, the
// message translated when it is one of the reader's common ones (the
// others, rarer, stay in English).
func Problems(err error, lang string) []string {
	var es engine.Errors
	if !errors.As(err, &es) {
		var e1 *engine.Error
		if !errors.As(err, &e1) {
			return []string{err.Error()}
		}
		es = engine.Errors{e1}
	}
	out := make([]string, 0, len(es))
	for _, e := range es {
		msg, ok := translate(e.Msg, lang)
		if !ok && e.Code != "" {
			msg = e.Message(i18n.Normalize(lang)) // a coded error reads in lang
		}
		if e.Path != "" {
			msg = e.Path + ": " + msg
		}
		out = append(out, msg)
	}
	return out
}

// readerMessages are the reader's common messages as patterns, with the
// i18n key of their translation, whose parameter list names the pattern's
// groups in order ("reader.integer(min, max, value) = …"). The patterns are
// compiled on first use (readerPatterns), not when the wasm starts: only a
// course file with errors needs them.
var readerMessages = []struct {
	pattern string
	key     string
}{
	{`^missing "([^"]*)": this is not a (.*) file$`, "reader.notFormat"},
	{`^missing "([^"]*)"$`, "reader.missing"},
	{`^expected an object, got (.*)$`, "reader.object"},
	{`^expected an array, got (.*)$`, "reader.array"},
	{`^expected a string, got (.*)$`, "reader.string"},
	{`^expected an integer from (-?\d+) to (-?\d+), got (.*)$`, "reader.integer"},
	{`^unknown key; expected one of (.*)$`, "reader.unknownKey"},
	{`^duplicate key$`, "reader.duplicateKey"},
	{`^must not be empty$`, "reader.empty"},
	{`^expected "([^"]*)", got "([^"]*)"$`, "reader.format"},
	{`^version (\d+) is not supported; this triggersim reads version (\d+)$`, "reader.version"},
	{`^needs a text in "ru" or "en"$`, "reader.text"},
	{`^a course needs at least one lesson$`, "reader.courseEmpty"},
	{`^at most (\d+) lessons$`, "reader.courseMax"},
	{`^lessons\[(\d+)\] has the same id "([^"]*)"$`, "reader.courseSameID"},
	{`^a lesson needs at least one goal$`, "reader.noGoal"},
}

// readerPatterns are readerMessages' patterns, compiled once when first
// needed.
var readerPatterns = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(readerMessages))
	for i, m := range readerMessages {
		out[i] = regexp.MustCompile(m.pattern)
	}
	return out
})

// translate renders msg in lang when one of readerMessages matches it; ok
// is false (and msg returned as is) otherwise.
func translate(msg, lang string) (string, bool) {
	res := readerPatterns()
	for i, m := range readerMessages {
		g := res[i].FindStringSubmatch(msg)
		if g == nil {
			continue
		}
		args := g[1:]
		for i, a := range args {
			// "an object", "a string" … are the kinds of JSON value.
			kind := strings.TrimPrefix(strings.TrimPrefix(a, "an "), "a ")
			if k := "reader.kind." + kind; i18n.Has(lang, k) {
				args[i] = i18n.T(lang, k)
			}
		}
		if s, ok := i18n.Texts.Format(i18n.Normalize(lang), m.key, args...); ok {
			return s, true
		}
		return msg, false
	}
	return msg, false
}

// ReaderKeys lists the i18n keys of the reader's translated messages, for
// the test that both languages have them.
func ReaderKeys() []string {
	out := make([]string, len(readerMessages))
	for i, m := range readerMessages {
		out[i] = m.key
	}
	for _, k := range []string{"nothing", "object", "array", "string", "boolean", "null", "number"} {
		out = append(out, "reader.kind."+k)
	}
	return out
}

// Ordered returns "lessons 1–N" style data for a course page: the lessons
// in the course's order with their number (from 1) and their title in
// lang.
func (c Course) Ordered(lang string) []CourseLesson {
	out := make([]CourseLesson, len(c.Course.Lessons))
	for i, l := range c.Course.Lessons {
		out[i] = CourseLesson{Number: i + 1, ID: l.ID, Title: l.Title.In(lang), Goals: len(l.Goals), Lesson: l}
	}
	return out
}

// CourseLesson is one lesson of a course, as listed.
type CourseLesson struct {
	Number int
	ID     string
	Title  string
	Goals  int
	Lesson *lesson.Lesson
}

// LessonFile writes one lesson of a course as a lesson file of its own,
// for the trainee's page.
func LessonFile(l *lesson.Lesson) ([]byte, error) { return lesson.Write(l) }

// BuiltinCourse makes a course file of the built-in lessons of a
// language (titled in it), so a trainer can start a course from them.
func BuiltinCourse(lang, title string, ls []*lesson.Lesson) ([]byte, error) {
	if strings.TrimSpace(title) == "" || len(ls) == 0 {
		return nil, errors.New("a course needs a title and lessons")
	}
	return lesson.WriteCourse(&lesson.Course{Title: lesson.Text{lang: title}, Lessons: ls})
}
