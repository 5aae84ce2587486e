package home_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/home"
)

// Files finish in any order; a later success leaves an earlier file's
// errors in place.
func TestBatchKeepsEveryFilesOutcome(t *testing.T) {
	b := home.NewBatch([]string{"bad.json", "good.json", "broken.json"})
	done, imported, total := b.Counts()
	assert.Equal(t, [3]int{0, 0, 3}, [3]int{done, imported, total})

	_, err := home.Validate([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}], "triggers": [{"id": "t", "entity": "DEAL", "stage": "NOPE", "code": "CALL"}]}`))
	require.Error(t, err)
	b.Finish(0, "", err)
	b.Finish(2, "", errors.New("unexpected end of JSON input"))
	b.Finish(1, "Хороший", nil)
	b.Finish(7, "late", nil) // ignored

	require.Len(t, b.Files, 3)
	assert.True(t, b.Files[0].Failed())
	assert.Equal(t, "triggers[0].stage", b.Files[0].Problems[0].Path)
	assert.Equal(t, home.FileOutcome{Name: "good.json", Done: true, Title: "Хороший"}, b.Files[1])
	assert.Equal(t, []home.Problem{{Msg: "unexpected end of JSON input"}}, b.Files[2].Problems)
	done, imported, total = b.Counts()
	assert.Equal(t, [3]int{3, 1, 3}, [3]int{done, imported, total})
}
