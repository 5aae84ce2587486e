package examples

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFind(t *testing.T) {
	all := All()
	require.NotEmpty(t, all)
	want := all[0]
	for _, name := range []string{want.Name, strings.TrimSuffix(want.Name, ".json")} {
		got, ok := Find(name)
		require.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	for _, name := range []string{"", "no-such", "no-such.json", "../examples/" + want.Name, "./" + want.Name, `a\b.json`, ".json", "*.json"} {
		_, ok := Find(name)
		assert.False(t, ok, "%q", name)
	}
}
