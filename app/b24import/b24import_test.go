package b24import_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/engine"
	"github.com/triggersim/triggersim/examples"
	"github.com/triggersim/triggersim/internal/golden"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// render writes entities as a scenario file, the form a reviewer reads.
func render(t *testing.T, entities []engine.Entity, locale string) string {
	t.Helper()
	out, err := engine.WriteScenario(&engine.Scenario{Locale: locale, Entities: entities})
	require.NoError(t, err)
	return string(out)
}

func TestFromRESTGolden(t *testing.T) {
	entities, err := b24import.FromREST(read(t, "categories.json"), read(t, "statuses.json"), "ru")
	require.NoError(t, err)
	got := render(t, entities, "ru")
	golden.Check(t, filepath.Join("testdata", "portal.golden.json"), []byte(got))

	var types []string
	for _, e := range entities {
		types = append(types, e.Type)
	}
	assert.Equal(t, []string{"LEAD", "DEAL", "QUOTE", "SMART_INVOICE", "DYNAMIC_128"}, types)
	deal := entities[1]
	require.Len(t, deal.Pipelines, 2)
	assert.Equal(t, "Оптовые продажи", deal.Pipelines[1].Name)
	var ids []string
	for _, s := range deal.Pipelines[1].Stages {
		ids = append(ids, s.ID+"/"+s.Semantics)
	}
	assert.Equal(t, []string{"C1:NEW/process", "C1:UC_K2X9QF/process", "C1:WON/success", "C1:LOSE/failure"}, ids, "ordered by SORT")
	dyn := entities[4]
	assert.Equal(t, []int{6, 5}, []int{dyn.Pipelines[0].ID, dyn.Pipelines[1].ID}, "pipelines by category sort")
	assert.Equal(t, "Гарантия", dyn.Pipelines[0].Name)
}

func TestFromRESTBareForms(t *testing.T) {
	cats := `[{"id": 0, "name": "Продажи", "sort": 100, "entityTypeId": 2, "isDefault": "Y"}]`
	entities, err := b24import.FromREST([]byte(cats), read(t, "statuses-deal-bare.json"), "ru")
	require.NoError(t, err)
	require.Len(t, entities, 1)
	pl := entities[0].Pipelines
	require.Len(t, pl, 1)
	assert.Equal(t, "Продажи", pl[0].Name)
	assert.Equal(t, "WON", pl[0].Stages[5].ID)

	// The deal categories response names pipeline 1, whose stages this file lacks.
	_, err = b24import.FromREST(read(t, "categories-deal.json"), read(t, "statuses-deal-bare.json"), "ru")
	assert.ErrorContains(t, err, "filter[ENTITY_ID]=DEAL_STAGE_1")
}

func TestFromRESTWithoutCategories(t *testing.T) {
	for _, locale := range []string{"ru", "en"} {
		entities, err := b24import.FromREST(nil, read(t, "statuses-deal-bare.json"), locale)
		require.NoError(t, err)
		require.Len(t, entities, 1)
		want := map[string]string{"ru": "Общая", "en": "General"}[locale]
		assert.Equal(t, want, entities[0].Pipelines[0].Name)
		assert.Len(t, entities[0].Pipelines[0].Stages, 8)
		assert.Equal(t, "APOLOGY", entities[0].Pipelines[0].Stages[7].ID)
	}
}

// stage is one crm.status.list record for the error cases.
func stage(id int, entity, statusID, sem string, sort int) string {
	semJSON := "null"
	if sem != "" {
		semJSON = fmt.Sprintf("%q", sem)
	}
	return fmt.Sprintf(`{"ID": "%d", "ENTITY_ID": %q, "STATUS_ID": %q, "NAME": "x", "SORT": %d, "COLOR": "#39A8EF", "SEMANTICS": %s}`,
		id, entity, statusID, sort, semJSON)
}

func TestFromRESTErrors(t *testing.T) {
	good := stage(1, "DEAL_STAGE", "NEW", "", 10) + "," + stage(2, "DEAL_STAGE", "WON", "S", 20)
	tests := []struct {
		name, cats, stats, want string
	}{
		{"not JSON", "", "{", "expected {\"result\": [...]}"},
		{"empty statuses", "", "", "output is empty"},
		{"REST error", "", `{"error": "expired_token", "error_description": "The access token provided has expired."}`, "expired_token"},
		{"categories REST error", `{"error": "insufficient_scope"}`, `[` + good + `]`, "insufficient_scope"},
		{"only other dictionaries", "", `{"result": [{"ID": "1", "ENTITY_ID": "SOURCE", "STATUS_ID": "CALL", "NAME": "Звонок", "SORT": "10"}]}`, "holds no stages"},
		{"wrong SORT type", "", `[{"ID": "7", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "SORT": true}]`, "crm.status.list[0] (ID 7): SORT: expected an integer, got a boolean"},
		{"missing STATUS_ID", "", `[{"ID": "7", "ENTITY_ID": "DEAL_STAGE"}]`, "(ID 7): STATUS_ID"},
		{"bad semantics", "", `[` + good + "," + stage(3, "DEAL_STAGE", "LOSE", "X", 30) + `]`,
			`crm.status.list record ID 3 (ENTITY_ID DEAL_STAGE, STATUS_ID LOSE): SEMANTICS "X"`},
		{"two successes", "", `[` + good + "," + stage(3, "DEAL_STAGE", "WON2", "S", 30) + `]`,
			"crm.status.list record ID 3 (ENTITY_ID DEAL_STAGE, STATUS_ID WON2): a pipeline has exactly one success stage"},
		{"no success", "", `[` + stage(1, "DEAL_STAGE_3", "C3:NEW", "", 10) + `]`,
			"DEAL pipeline 3 «Воронка 3» (crm.status.list ENTITY_ID DEAL_STAGE_3): expected exactly one success stage"},
		{"bad stage id", "", `[` + good + "," + stage(3, "DEAL_STAGE", "НОВАЯ", "", 5) + `]`,
			"crm.status.list record ID 3 (ENTITY_ID DEAL_STAGE, STATUS_ID НОВАЯ): expected a stage id"},
		{"duplicate stage id", "", `[` + good + "," + stage(3, "DEAL_STAGE_1", "NEW", "", 10) + "," + stage(4, "DEAL_STAGE_1", "C1:WON", "S", 20) + `]`,
			"crm.status.list record ID 3 (ENTITY_ID DEAL_STAGE_1, STATUS_ID NEW): duplicate stage id"},
		{"bad colour", "", `[{"ID": "1", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "SORT": 10, "COLOR": "blue"},` + stage(2, "DEAL_STAGE", "WON", "S", 20) + `]`,
			`record ID 1 (ENTITY_ID DEAL_STAGE, STATUS_ID NEW): COLOR "blue"`},
		{"category without stages", `{"result": {"categories": [{"id": 4, "name": "Опт", "sort": 100, "entityTypeId": 2, "isDefault": "N"}]}}`, `[` + good + `]`,
			"category 4 «Опт» of DEAL has no stages in the crm.status.list output: also save crm.status.list with filter[ENTITY_ID]=DEAL_STAGE_4"},
		{"contact category", `{"result": {"categories": [{"id": 0, "name": "Клиенты", "sort": 100, "entityTypeId": 3, "isDefault": "Y"}]}}`, `[` + good + `]`,
			"entityTypeId 3 is not an entity type with stages"},
		{"category id missing", `{"categories": [{"name": "x", "entityTypeId": 2}]}`, `[` + good + `]`, "crm.category.list result.categories[0]: id: missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := b24import.FromREST([]byte(tc.cats), []byte(tc.stats), "ru")
			require.Error(t, err)
			assert.ErrorIs(t, err, b24import.ErrInvalid)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestColoursAndAliases(t *testing.T) {
	stats := `{"result": [
	  {"ID": 1, "ENTITY_ID": "DYNAMIC_31_STAGE_0", "STATUS_ID": "DT31_0:N", "NAME": "Новый", "SORT": 10, "COLOR": "#abc", "SEMANTICS": "P"},
	  {"ID": 2, "ENTITY_ID": "DYNAMIC_31_STAGE_0", "STATUS_ID": "DT31_0:P", "NAME": "Оплачен", "SORT": 20, "COLOR": "", "EXTRA": {"SEMANTICS": "S", "COLOR": "#7BD500"}},
	  {"ID": 3, "ENTITY_ID": "DYNAMIC_1032_STAGE_0", "STATUS_ID": "DT1032_0:NEW", "NAME": "A", "SORT": 10, "SEMANTICS": ""},
	  {"ID": 4, "ENTITY_ID": "DYNAMIC_1032_STAGE_0", "STATUS_ID": "DT1032_0:SUCCESS", "NAME": "B", "SORT": 20, "SEMANTICS": "S"}]}`
	entities, err := b24import.FromREST(nil, []byte(stats), "en")
	require.NoError(t, err)
	require.Len(t, entities, 2)
	assert.Equal(t, "SMART_INVOICE", entities[0].Type)
	assert.Equal(t, "#AABBCC", entities[0].Pipelines[0].Stages[0].Color)
	assert.Equal(t, engine.Success, entities[0].Pipelines[0].Stages[1].Semantics, "semantics from EXTRA")
	assert.Equal(t, "#7BD500", entities[0].Pipelines[0].Stages[1].Color)
	assert.Equal(t, "DYNAMIC_1032", entities[1].Type)
}

func TestMerge(t *testing.T) {
	var data []byte
	for _, ex := range examples.All() {
		if ex.Name == "01-oplata-scheta.json" {
			data = ex.Data
		}
	}
	require.NotNil(t, data)
	sc, err := engine.ReadScenario(data)
	require.NoError(t, err)
	before := len(sc.Entities)
	imported, err := b24import.FromREST(read(t, "categories.json"), read(t, "statuses.json"), "ru")
	require.NoError(t, err)
	b24import.Merge(sc, imported)

	byType := map[string]engine.Entity{}
	for _, e := range sc.Entities {
		byType[e.Type] = e
	}
	for _, imp := range imported {
		got, ok := byType[imp.Type]
		require.True(t, ok, imp.Type)
		assert.Equal(t, imp.Pipelines, got.Pipelines)
		assert.False(t, got.PipelinesDefaulted)
	}
	assert.GreaterOrEqual(t, len(sc.Entities), before)
	assert.LessOrEqual(t, len(sc.Entities), before+len(imported))

	// The scenario owns its copy.
	imported[1].Pipelines[0].Stages[0].Name = "changed"
	assert.NotEqual(t, "changed", byType["DEAL"].Pipelines[0].Stages[0].Name)
}

// FuzzB24Import: the REST import never panics, whatever it accepts is a
// valid scenario, and it is seeded with every file under testdata/
// (the portal's real output and the hostile files).
func FuzzB24Import(f *testing.F) {
	f.Add(read(f, "categories.json"), read(f, "statuses.json"))
	f.Add([]byte(""), read(f, "statuses-deal-bare.json"))
	f.Add([]byte(`[]`), []byte(`{"result": []}`))
	hostile, _ := filepath.Glob(filepath.Join("testdata", "hostile", "*.json"))
	for _, file := range hostile {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		if strings.HasPrefix(filepath.Base(file), "categories") {
			f.Add(data, read(f, "statuses-deal-bare.json"))
		} else {
			f.Add([]byte(nil), data)
		}
	}
	f.Fuzz(func(t *testing.T, cats, stats []byte) {
		entities, err := b24import.FromREST(cats, stats, "ru")
		if err != nil {
			return
		}
		// Whatever is accepted is a valid scenario.
		out, err := engine.WriteScenario(&engine.Scenario{Locale: "ru", Entities: entities})
		require.NoError(t, err)
		_, err = engine.ReadScenario(out)
		require.NoError(t, err, "accepted entities do not read back")
	})
}

func ExampleFromREST() {
	categories := []byte(`{"result": {"categories": [{"id": 0, "name": "Продажи", "sort": 100, "entityTypeId": 2, "isDefault": "Y"}]}}`)
	statuses := []byte(`{"result": [
	  {"ID": "12", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "WON", "NAME": "Сделка успешна", "SORT": "60", "COLOR": "#7BD500", "SEMANTICS": "S", "CATEGORY_ID": "0"},
	  {"ID": "7", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "NAME": "Новая", "SORT": "10", "COLOR": "#39A8EF", "SEMANTICS": null, "CATEGORY_ID": "0"},
	  {"ID": "13", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "LOSE", "NAME": "Сделка провалена", "SORT": "70", "COLOR": "#FF5752", "SEMANTICS": "F", "CATEGORY_ID": "0"}]}`)
	entities, err := b24import.FromREST(categories, statuses, "ru")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range entities {
		for _, p := range e.Pipelines {
			fmt.Println(e.Type, p.ID, p.Name)
			for _, s := range p.Stages {
				fmt.Println(" ", s.ID, s.Semantics, s.Name)
			}
		}
	}
	// Output:
	// DEAL 0 Продажи
	//   NEW process Новая
	//   WON success Сделка успешна
	//   LOSE failure Сделка провалена
}

// TestScenario: the new scenario file holds exactly the imported entity
// types, under its title, in a locale of the interface.
func TestScenario(t *testing.T) {
	cats, stats := read(t, "categories.json"), read(t, "statuses.json")
	for _, tc := range []struct{ locale, want string }{{"ru", "ru"}, {"en", "en"}, {"de", "ru"}, {"", "ru"}} {
		entities, err := b24import.FromREST(cats, stats, tc.locale)
		require.NoError(t, err, tc.locale)
		doc, err := b24import.Scenario(cats, stats, "Воронки портала", tc.locale)
		require.NoError(t, err, tc.locale)
		sc, err := engine.ReadScenario(doc)
		require.NoError(t, err, tc.locale)
		assert.Equal(t, "Воронки портала", sc.Title, tc.locale)
		assert.Equal(t, tc.want, sc.Locale, tc.locale)
		assert.Equal(t, render(t, entities, "ru"), render(t, sc.Entities, "ru"), tc.locale)
		assert.Empty(t, sc.Items, tc.locale)
	}
}
