package teach_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/i18n"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/teach"
	lf "github.com/triggersim/triggersim/lesson"
)

// settings is a settings store whose writes can be made to fail.
type settings struct {
	m    map[string]string
	fail error
}

func (s *settings) GetSetting(_ context.Context, k string) (string, error) {
	v, ok := s.m[k]
	if !ok {
		return "", storage.ErrNotExist
	}
	return v, nil
}

func (s *settings) PutSetting(_ context.Context, k, v string) error {
	if s.fail != nil {
		return s.fail
	}
	s.m[k] = v
	return nil
}

func courseFile(t *testing.T, title string, files ...string) []byte {
	t.Helper()
	c := &lf.Course{Title: lf.Text{"en": title}}
	for _, f := range files {
		data, err := os.ReadFile("../../lessons/" + f)
		require.NoError(t, err)
		l, err := lf.Read(data)
		require.NoError(t, err)
		c.Lessons = append(c.Lessons, l)
	}
	data, err := lf.WriteCourse(c)
	require.NoError(t, err)
	return data
}

func TestImportCourse(t *testing.T) {
	ctx := context.Background()
	st := &settings{m: map[string]string{}}
	list, err := teach.LoadCourses(ctx, st)
	require.NoError(t, err)
	assert.Empty(t, list)

	data := courseFile(t, "Sales team", "en/05-invoice-paid.json", "en/01-first-trigger.json")
	c, replaced, err := teach.ImportCourse(ctx, st, data)
	require.NoError(t, err)
	assert.False(t, replaced)
	assert.Equal(t, data, c.File)
	ord := c.Ordered("en")
	require.Len(t, ord, 2)
	assert.Equal(t, 1, ord[0].Number)
	assert.Equal(t, "05-invoice-paid", ord[0].ID, "the course's order, not the files' names")
	assert.Equal(t, "01-first-trigger", ord[1].ID)

	// The same course again replaces it; another one is added after it.
	_, replaced, err = teach.ImportCourse(ctx, st, courseFile(t, "Sales team", "en/01-first-trigger.json"))
	require.NoError(t, err)
	assert.True(t, replaced)
	_, _, err = teach.ImportCourse(ctx, st, courseFile(t, "Support", "en/02-conditions.json"))
	require.NoError(t, err)
	list, err = teach.LoadCourses(ctx, st)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, "Sales team", list[0].Course.Title.In("en"))
	assert.Len(t, list[0].Course.Lessons, 1)
	assert.Equal(t, "Support", list[1].Course.Title.In("en"))

	// A bad file is refused and nothing stored changes.
	before := st.m[teach.CoursesKey]
	bad := strings.Replace(string(data), `"title": {"en": "Sales team"}`, `"title": ["Sales team"]`, 1)
	_, _, err = teach.ImportCourse(ctx, st, []byte(bad))
	require.Error(t, err)
	assert.Equal(t, []string{"title: ожидался объект, а здесь массив"}, teach.Problems(err, "ru"))
	assert.Equal(t, []string{"title: expected an object, got an array"}, teach.Problems(err, "en"))
	assert.Equal(t, before, st.m[teach.CoursesKey])

	// A failed write leaves the stored courses as they were.
	st.fail = errors.New("quota exceeded")
	_, _, err = teach.ImportCourse(ctx, st, courseFile(t, "Third", "en/03-current-and-earlier-stages.json"))
	require.ErrorContains(t, err, "quota exceeded")
	assert.Equal(t, before, st.m[teach.CoursesKey])
	st.fail = nil

	list, err = teach.DeleteCourse(ctx, st, list[0].ID)
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "Support", list[0].Course.Title.In("en"))
}

func TestImportCourseKeepsUnreadableStore(t *testing.T) {
	ctx := context.Background()
	st := &settings{m: map[string]string{teach.CoursesKey: "[{broken"}}
	_, _, err := teach.ImportCourse(ctx, st, courseFile(t, "Sales", "en/01-first-trigger.json"))
	require.ErrorIs(t, err, teach.ErrStoredCourses)
	assert.Equal(t, "[{broken", st.m[teach.CoursesKey])
}

func TestCourseProblems(t *testing.T) {
	for _, c := range []struct{ file, ru, en string }{
		{`{"format": "triggersim/course", "version": 1, "title": {"en": "x"}, "lessons": []}`,
			"lessons: в курсе нужен хотя бы один урок", "lessons: a course needs at least one lesson"},
		{`{"format": "triggersim/course", "version": 1, "lessons": [1]}`,
			"нет обязательного поля «title»", "missing “title”"},
		{"{\n  \"format\": \"triggersim/course\",,\n}",
			"неверный JSON в строке 2, столбце 33", "invalid JSON at line 2, column 33"},
		{`{"format": "triggersim/lesson", "version": 1, "title": {"en": "x"}, "lessons": [{}]}`,
			"format: ожидалось «triggersim/course», а здесь «triggersim/lesson»", "format: expected “triggersim/course”, got “triggersim/lesson”"},
		{`{"format": "triggersim/course", "version": 1, "title": {"en": "x"}, "lessons": [{"idd": 1}]}`,
			"lessons[0].idd: неизвестное поле; допустимы", "lessons[0].idd: unknown key; expected one of"},
	} {
		_, err := lf.ReadCourse([]byte(c.file))
		require.Error(t, err, c.file)
		assert.Contains(t, teach.Problems(err, "ru")[0], c.ru)
		assert.Contains(t, teach.Problems(err, "en")[0], c.en)
	}
}

func TestReaderMessagesInBothLanguages(t *testing.T) {
	for _, k := range teach.ReaderKeys() {
		for _, lang := range i18n.Languages() {
			assert.True(t, i18n.Has(lang, k), "%s: %s", lang, k)
		}
	}
}
