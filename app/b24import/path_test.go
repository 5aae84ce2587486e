package b24import

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// pathIndex takes only name[digits] at the start of a reader's path: any
// other index leaves the error without a REST place (never an index out
// of range).
func TestPathIndex(t *testing.T) {
	for _, c := range []struct {
		path, name string
		n          int
		rest       string
		ok         bool
	}{
		{"entities[0].pipelines[2].stages[1].name", "entities", 0, ".pipelines[2].stages[1].name", true},
		{".pipelines[12]", ".pipelines", 12, "", true},
		{"entities[01]", "entities", 1, "", true},
		{"entities[-1].x", "entities", 0, "", false},
		{"entities[+1].x", "entities", 0, "", false},
		{"entities[].x", "entities", 0, "", false},
		{"entities[1", "entities", 0, "", false},
		{"entities[ 1]", "entities", 0, "", false},
		{"entities[99999999999999999999999]", "entities", 0, "", false},
		{"items[0]", "entities", 0, "", false},
	} {
		n, rest, ok := pathIndex(c.path, c.name)
		assert.Equal(t, c.ok, ok, "%q", c.path)
		assert.Equal(t, c.n, n, "%q", c.path)
		assert.Equal(t, c.rest, rest, "%q", c.path)
	}
}
