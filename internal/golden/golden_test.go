package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a require.TestingT that records a failure instead of
// stopping the test.
type recorder struct{ failed bool }

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) FailNow()              { r.failed = true; panic(r) }

func check(path string, got []byte) (failed bool) {
	r := &recorder{}
	defer func() {
		if p := recover(); p != nil && p != any(r) {
			panic(fmt.Sprint(p))
		}
		failed = r.failed
	}()
	Check(r, path, got)
	return
}

func TestCheck(t *testing.T) {
	saved := *update
	t.Cleanup(func() { *update = saved })
	*update = false
	path := filepath.Join(t.TempDir(), "a", "out.golden")
	assert.True(t, check(path, []byte("x")), "a missing golden file fails")

	*update = true
	assert.False(t, check(path, []byte("x")), "-update writes the file")
	*update = false
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "x", string(data))

	assert.False(t, check(path, []byte("x")))
	assert.True(t, check(path, []byte("y")), "different output fails")
}
