package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/home"
)

// render mounts a component in a test engine and returns its HTML.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
	return app.HTMLString(c)
}

func TestHomePageEmpty(t *testing.T) {
	p := &HomePage{Tab: testTab(), Lang: "en"}
	p.loaded = true
	html := render(t, p)
	assert.Contains(t, html, "0 scenarios")
	assert.Contains(t, html, "No scenarios yet.")
}

func TestImportErrorsListEveryPath(t *testing.T) {
	c := &HomeImportReport{Lang: "ru", Files: []home.FileOutcome{{Name: "bad.json", Done: true, Problems: []home.Problem{
		{Path: "items[1].id", Msg: "duplicate item DEAL_1"},
		{Path: "", Msg: "import: the file is empty"},
		{Path: "title", Msg: "<b>x</b>"},
	}}}}
	html := render(t, c)
	assert.Contains(t, html, "«bad.json» не импортирован, ничего не изменилось. 3 ошибки:")
	assert.Contains(t, html, "items[1].id")
	assert.Contains(t, html, "весь файл")
	assert.Contains(t, html, "&lt;b&gt;x&lt;/b&gt;")
	assert.Contains(t, html, `role="alert"`)
}

func TestImportReportOfABatch(t *testing.T) {
	c := &HomeImportReport{Lang: "en", Batch: true, Files: []home.FileOutcome{
		{Name: "a.json", Done: true, Title: "Deals"},
		{Name: "b.json", Done: true, Problems: []home.Problem{{Path: "triggers[0].stage", Msg: "unknown stage"}}},
		{Name: "c.json"},
	}}
	html := render(t, c)
	assert.Contains(t, html, `data-testid="import-results"`)
	assert.Contains(t, html, `data-done="0"`)
	assert.Contains(t, html, `data-state="imported"`)
	assert.Contains(t, html, `data-state="failed"`)
	assert.Contains(t, html, `data-state="reading"`)
	assert.Contains(t, html, "triggers[0].stage")
	assert.NotContains(t, html, `role="alert"`)
}

func TestSaveIndicator(t *testing.T) {
	tests := []struct{ state, reason, want string }{
		{"saved", "", "Сохранено"},
		{"saving", "", "Сохранение…"},
		{"failed", "сценарий изменён в другой вкладке", "Не сохранено: сценарий изменён в другой вкладке"},
	}
	for _, tt := range tests {
		html := render(t, &SaveIndicator{Lang: "ru", State: tt.state, Reason: tt.reason})
		assert.Contains(t, html, tt.want)
		assert.Contains(t, html, `data-state="`+tt.state+`"`)
	}
}

func TestHeaderNavigation(t *testing.T) {
	h := &Header{Tab: testTab(), Lang: "ru"}
	h.path = "/design"
	html := render(t, h)
	for _, s := range []string{"Главная", "Дизайнер", "Симуляция", "Уроки", "Режим презентации", `aria-current="page"`} {
		assert.Contains(t, html, s)
	}
	assert.Contains(t, html, `href="/lessons"`)
}

func TestSharedDialogCounts(t *testing.T) {
	html := render(t, &HomeSharedDialog{Lang: "ru", Title: "Оплата", Pipelines: 1, Triggers: 2, Robots: 5, Items: 21, Events: 3})
	for _, s := range []string{"1 воронка", "2 триггера", "5 роботов", "21 элемент", "3 события", "Добавить в мои сценарии"} {
		assert.Contains(t, html, s)
	}
	html = render(t, &HomeSharedDialog{Lang: "en", Err: "damaged"})
	assert.Contains(t, html, "The link cannot be opened: damaged")
}

func TestScenarioRowRename(t *testing.T) {
	var got []string
	r := &HomeScenarioRow{Lang: "en", ID: "a", Title: "Old", OnRename: func(_ app.Context, id, title string) {
		got = append(got, id, title)
	}}
	render(t, r)
	r.onStartRename(app.Context{})
	assert.True(t, r.editing)
	r.draft = "  New  "
	r.onCommit(app.Context{})
	assert.Equal(t, []string{"a", "New"}, got)
	assert.False(t, r.editing)

	// An empty or unchanged title is not a rename.
	r.onStartRename(app.Context{})
	r.draft = " "
	r.onCommit(app.Context{})
	assert.Len(t, got, 2)
}
