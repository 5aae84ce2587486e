package home_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/app/home"
	"github.com/triggersim/triggersim/app/session"
	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/tabstore"
	"github.com/triggersim/triggersim/engine"
)

func TestValidateReportsEveryProblemWithItsPath(t *testing.T) {
	tests := []struct {
		name string
		data string
		want []home.Problem
	}{
		{
			name: "empty",
			data: "  \n",
			want: []home.Problem{{Msg: "import: the file is empty"}},
		},
		{
			name: "two unknown keys",
			data: `{"format":"triggersim/scenario","version":1,"entities":[{"type":"DEAL"}],"titel":"x","triggers":[{"id":"t1","alowBackwards":true}]}`,
		},
		{
			name: "duplicate ids",
			data: `{"format":"triggersim/scenario","version":1,"entities":[{"type":"DEAL"}],"items":[{"id":1,"entity":"DEAL","stage":"NEW"},{"id":1,"entity":"DEAL","stage":"NEW"}]}`,
		},
		{
			name: "deep nesting",
			data: `{"format":"triggersim/scenario","version":1,"entities":[{"type":"DEAL"}],"description":` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := home.Validate([]byte(tt.data))
			require.Error(t, err)
			assert.Nil(t, sc)
			ps := home.Problems(err)
			require.NotEmpty(t, ps)
			if tt.want != nil {
				assert.Equal(t, tt.want, ps)
			}
			for _, p := range ps {
				assert.NotEmpty(t, p.Msg)
			}
			t.Logf("%+v", ps)
		})
	}
}

func TestValidateTwoErrorsBothListed(t *testing.T) {
	_, err := home.Validate([]byte(`{"format":"triggersim/scenario","version":1,"entities":[{"type":"DEAL"}],"titel":"x","items":[{"id":1,"entity":"DEAL","stage":"NEW","bogus":1}]}`))
	ps := home.Problems(err)
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	assert.Contains(t, paths, "titel")
	assert.Contains(t, paths, "items[0].bogus")
}

func TestValidateItemLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format":"triggersim/scenario","version":1,"entities":[{"type":"DEAL"}],"items":[`)
	for i := 1; i <= home.MaxItems+1; i++ {
		if i > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"entity":"DEAL","stage":"NEW"}`, i)
	}
	b.WriteString(`]}`)
	_, err := home.Validate([]byte(b.String()))
	require.ErrorIs(t, err, home.ErrTooManyItems)
	ps := home.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "items", ps[0].Path)
	assert.Contains(t, ps[0].Msg, "10001 items, more than the 10000")
	assert.Equal(t, ps[0].Msg, ps[0].Text("en"))
	assert.Contains(t, ps[0].Text("ru"), "элементов: 10001, а сценарий в браузере может начинаться не более чем с 10000")
}

// Import problems read in the interface's language and keep where they
// are: a broken JSON file's line and column, a key's path.
func TestProblemsInTheInterfaceLanguage(t *testing.T) {
	_, err := home.Validate([]byte("{\n  \"format\": \"triggersim/scenario\",\n  \"version\": 1,\n}"))
	require.Error(t, err)
	ps := home.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "invalid JSON at line 4, column 1: unexpected character '}', expected a quoted object key", ps[0].Text("en"))
	assert.Equal(t, "неверный JSON в строке 4, столбце 1: встретился символ '}', а ожидался ключ объекта в кавычках", ps[0].Text("ru"))

	_, err = home.Validate([]byte(`{"format": "triggersim/scenario", "version": 1, "colour": "red"}`))
	ps = home.Problems(err)
	require.NotEmpty(t, ps)
	assert.Equal(t, "colour", ps[0].Path)
	assert.Equal(t, "неизвестный ключ", ps[0].Text("ru"))
	assert.Equal(t, "unknown key", ps[0].Text("en"))

	plain := home.Problems(errors.New("disk full"))
	assert.Equal(t, "disk full", plain[0].Text("ru"), "an error without a text of its own reads as given")
}

// The Bitrix24 import's problems read in the interface language too, one
// per record at fault.
func TestBitrix24ProblemsInTheInterfaceLanguage(t *testing.T) {
	_, err := b24import.Scenario(nil, []byte(`[{"ID": "7", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "SORT": true}]`), "B24", "ru")
	require.Error(t, err)
	ps := home.Problems(err)
	require.Len(t, ps, 1)
	assert.Equal(t, "crm.status.list[0] (ID 7): SORT: expected an integer, got a boolean", ps[0].Text("en"))
	assert.Equal(t, "crm.status.list[0] (ID 7): SORT: ожидалось целое число, а в файле: логическое значение", ps[0].Text("ru"))
}

func TestValidateAndSummarize(t *testing.T) {
	for _, ex := range home.Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			data, ok := ex.Data()
			require.True(t, ok, "the listed example's file exists")
			sc, err := home.Validate(data)
			require.NoError(t, err)
			s := home.Summarize(sc)
			assert.Equal(t, ex.Title, s.Title)
			assert.NotZero(t, s.Entities)
			assert.NotZero(t, s.Pipelines)
		})
	}
}

func TestExamplesAndGroups(t *testing.T) {
	all := home.Examples()
	require.NotEmpty(t, all)
	for _, ex := range all {
		assert.NotEmpty(t, ex.Title, ex.Name)
		assert.NotEmpty(t, ex.Description, ex.Name)
		assert.Contains(t, []string{"ru", "en"}, ex.Locale)
	}
	ru := home.ExampleGroups(all, "ru")
	require.Len(t, ru, 2)
	assert.Equal(t, "ru", ru[0][0].Locale)
	assert.Equal(t, "en", ru[1][0].Locale)
	en := home.ExampleGroups(all, "en")
	assert.Equal(t, "en", en[0][0].Locale)
}

func TestSortRecent(t *testing.T) {
	t0 := time.Date(2026, 1, 12, 9, 0, 0, 0, time.UTC)
	in := []storage.Meta{
		{ID: "a", Title: "B", Updated: t0},
		{ID: "b", Title: "A", Updated: t0.Add(time.Hour)},
		{ID: "c", Title: "A", Updated: t0},
	}
	got := home.SortRecent(in)
	assert.Equal(t, []string{"b", "c", "a"}, []string{got[0].ID, got[1].ID, got[2].ID})
	assert.Equal(t, "a", in[0].ID, "the input is not changed")
}

func TestCount(t *testing.T) {
	tests := []struct {
		lang, key string
		n         int
		want      string
	}{
		{"ru", "scenario", 1, "1 сценарий"},
		{"ru", "scenario", 3, "3 сценария"},
		{"ru", "scenario", 11, "11 сценариев"},
		{"ru", "scenario", 21, "21 сценарий"},
		{"ru", "count.trigger", 2, "2 триггера"},
		{"ru", "count.robot", 5, "5 роботов"},
		{"ru", "count.error", 22, "22 ошибки"},
		{"en", "count.item", 1, "1 item"},
		{"en", "count.item", 3, "3 items"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, home.Count(tt.lang, tt.n, tt.key))
	}
}

func TestFormatUpdated(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	now := time.Date(2026, 1, 12, 15, 0, 0, 0, msk)
	tests := []struct {
		t          time.Time
		lang, want string
	}{
		{time.Date(2026, 1, 12, 11, 5, 0, 0, time.UTC), "ru", "сегодня в 14:05"},
		{time.Date(2026, 1, 11, 6, 30, 0, 0, time.UTC), "ru", "вчера в 09:30"},
		{time.Date(2025, 12, 31, 7, 0, 0, 0, time.UTC), "ru", "31 декабря 2025 в 10:00"},
		{time.Date(2025, 12, 31, 7, 0, 0, 0, time.UTC), "en", "31 December 2025 at 10:00"},
		{time.Date(2026, 1, 12, 11, 5, 0, 0, time.UTC), "en", "today at 14:05"},
		{time.Time{}, "ru", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, home.FormatUpdated(tt.t, now, tt.lang))
	}
}

func TestFormatBytes(t *testing.T) {
	assert.Equal(t, "850 Б", home.FormatBytes(850, "ru"))
	assert.Equal(t, "12,4 КБ", home.FormatBytes(12_400, "ru"))
	assert.Equal(t, "3.1 MB", home.FormatBytes(3_100_000, "en"))
	assert.Equal(t, "250 GB", home.FormatBytes(250_000_000_000, "en"))
}

func TestCopyTitle(t *testing.T) {
	assert.Equal(t, "Оплата (копия)", home.CopyTitle("Оплата ", "ru"))
	assert.Equal(t, "Payment (copy)", home.CopyTitle("Payment", "en"))
}

func TestBitrix24ScenarioFile(t *testing.T) {
	cats := []byte(`{"result":{"categories":[{"id":0,"name":"Общая","sort":100,"entityTypeId":2},{"id":3,"name":"Опт","sort":200,"entityTypeId":2}]}}`)
	sts := []byte(`{"result":[
		{"ENTITY_ID":"DEAL_STAGE","STATUS_ID":"NEW","NAME":"Новая","SORT":10,"SEMANTICS":null},
		{"ENTITY_ID":"DEAL_STAGE","STATUS_ID":"WON","NAME":"Успех","SORT":20,"SEMANTICS":"S"},
		{"ENTITY_ID":"DEAL_STAGE","STATUS_ID":"LOSE","NAME":"Провал","SORT":30,"SEMANTICS":"F"},
		{"ENTITY_ID":"DEAL_STAGE_3","STATUS_ID":"C3:NEW","NAME":"Заявка","SORT":10,"SEMANTICS":null},
		{"ENTITY_ID":"DEAL_STAGE_3","STATUS_ID":"C3:WON","NAME":"Отгружено","SORT":20,"SEMANTICS":"S"},
		{"ENTITY_ID":"DEAL_STAGE_3","STATUS_ID":"C3:LOSE","NAME":"Отказ","SORT":30,"SEMANTICS":"F"}
	]}`)
	data, err := b24import.Scenario(cats, sts, "Портал", "ru")
	require.NoError(t, err, "%v", home.Problems(err))
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err)
	assert.Equal(t, "Портал", sc.Title)
	require.Len(t, sc.Entities, 1)
	assert.Len(t, sc.Entities[0].Pipelines, 2)

	_, err = b24import.Scenario([]byte(`[]`), []byte(`nope`), "x", "ru")
	assert.Error(t, err)
}

func TestBlankIsValid(t *testing.T) {
	_, err := home.Validate(session.Blank("Новый сценарий", "ru"))
	require.NoError(t, err)
}

func TestImportBitrix24(t *testing.T) {
	ctx := context.Background()
	cats := []byte(`{"result":{"categories":[{"id":0,"name":"Общая","sort":100,"entityTypeId":2},{"id":3,"name":"Опт","sort":200,"entityTypeId":2}]}}`)
	sts := []byte(`{"result":[
		{"ENTITY_ID":"DEAL_STAGE","STATUS_ID":"NEW","NAME":"Новая","SORT":10,"SEMANTICS":null},
		{"ENTITY_ID":"DEAL_STAGE","STATUS_ID":"WON","NAME":"Успех","SORT":20,"SEMANTICS":"S"},
		{"ENTITY_ID":"DEAL_STAGE","STATUS_ID":"LOSE","NAME":"Провал","SORT":30,"SEMANTICS":"F"},
		{"ENTITY_ID":"DEAL_STAGE_3","STATUS_ID":"C3:NEW","NAME":"Заявка","SORT":10,"SEMANTICS":null},
		{"ENTITY_ID":"DEAL_STAGE_3","STATUS_ID":"C3:WON","NAME":"Отгружено","SORT":20,"SEMANTICS":"S"},
		{"ENTITY_ID":"DEAL_STAGE_3","STATUS_ID":"C3:LOSE","NAME":"Отказ","SORT":30,"SEMANTICS":"F"}
	]}`)
	sess := session.New(tabstore.Local(memory.New()), nil, nil)

	// Into the open scenario: it keeps its title, gets the portal's
	// pipelines, and the change can be undone.
	_, err := sess.Create(ctx, session.Blank("Мой", "ru"))
	require.NoError(t, err)
	imported, err := b24import.Scenario(cats, sts, "не нужен", "ru")
	require.NoError(t, err)
	title, err := home.ImportBitrix24(ctx, sess, imported, true)
	require.NoError(t, err)
	assert.Equal(t, "Мой", title)
	require.Len(t, sess.Scenario().Entities, 1)
	assert.Len(t, sess.Scenario().Entities[0].Pipelines, 2)
	assert.True(t, sess.CanUndo())

	// A new scenario.
	imported, err = b24import.Scenario(cats, sts, "Портал", "ru")
	require.NoError(t, err)
	title, err = home.ImportBitrix24(ctx, sess, imported, false)
	require.NoError(t, err)
	assert.Equal(t, "Портал", title)
	assert.Equal(t, "Портал", sess.Scenario().Title)
	list, err := sess.List(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 2)

	// A broken file stores nothing.
	_, err = home.ImportBitrix24(ctx, sess, []byte(`{"format": "triggersim/scenario"`), false)
	require.Error(t, err)
	list, err = sess.List(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 2)
	_, err = home.ImportBitrix24(ctx, session.New(tabstore.Local(memory.New()), nil, nil), imported, true)
	assert.ErrorIs(t, err, session.ErrNoScenario, "merging needs an open scenario")
}

func TestNewTitleNumbersNewScenarios(t *testing.T) {
	metas := func(titles ...string) []storage.Meta {
		var out []storage.Meta
		for i, title := range titles {
			out = append(out, storage.Meta{ID: strconv.Itoa(i), Title: title})
		}
		return out
	}
	tests := []struct {
		name   string
		stored []storage.Meta
		want   string
	}{
		{"none stored", nil, "Новый сценарий"},
		{"others only", metas("Оплата", "Новый сценарий (копия)"), "Новый сценарий"},
		{"the first exists", metas("Новый сценарий"), "Новый сценарий 2"},
		{"two exist", metas("Новый сценарий 2", "Новый сценарий"), "Новый сценарий 3"},
		{"a gap is reused", metas("Новый сценарий", "Новый сценарий 3"), "Новый сценарий 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, home.NewTitle("Новый сценарий", tt.stored))
		})
	}
}
