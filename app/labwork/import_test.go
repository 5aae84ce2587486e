package labwork

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/b24import"
	"github.com/triggersim/triggersim/engine"
)

// TestWorkerImports checks that an import made in the worker gives the
// page the scenario file that b24import gives directly.
func TestWorkerImports(t *testing.T) {
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("..", "b24import", "testdata", name))
		require.NoError(t, err)
		return data
	}
	cats, stats := read("categories.json"), read("statuses.json")
	msgs := handle(t, &Worker{}, wire(t, ImportRequest(cats, stats, "Воронки портала", "ru")))
	require.Len(t, msgs, 1)
	doc, err := msgs[0].Imported()
	require.NoError(t, err)
	assert.Equal(t, "Воронки портала", msgs[0].Title)

	want, err := b24import.Scenario(cats, stats, "Воронки портала", "ru")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(doc))
	sc, err := engine.ReadScenario(doc)
	require.NoError(t, err)
	assert.Equal(t, "Воронки портала", sc.Title)
	assert.NotEmpty(t, sc.Entities)
}

// TestWorkerImportErrors checks that REST output the import refuses comes
// back as one error whose lines name the record at fault in every
// language of the interface, and that a request without both files is
// refused.
func TestWorkerImportErrors(t *testing.T) {
	stats := []byte(`{"result": [{"ID": "7", "ENTITY_ID": "DEAL_STAGE", "STATUS_ID": "NEW", "SORT": true}]}`)
	msgs := handle(t, &Worker{}, wire(t, ImportRequest([]byte(`{"result": {"categories": []}}`), stats, "x", "ru")))
	require.Len(t, msgs, 1)
	assert.Equal(t, KindError, msgs[0].Kind)
	_, err := msgs[0].Imported()
	var ie *ImportError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, []string{"crm.status.list[0] (ID 7): SORT: ожидалось целое число, а в файле: логическое значение"}, ie.Lines("ru"))
	assert.Equal(t, []string{"crm.status.list[0] (ID 7): SORT: expected an integer, got a boolean"}, ie.Lines("en"))
	assert.Contains(t, err.Error(), "SORT: ожидалось целое число", "in the request's language")

	req := ImportRequest(nil, stats, "x", "en")
	req.Files = req.Files[1:]
	msgs = handle(t, &Worker{}, wire(t, req))
	_, err = msgs[0].Imported()
	require.Error(t, err)
	assert.NotErrorAs(t, err, &ie)
	assert.Contains(t, err.Error(), "1 files for an import of 2")
}
