package b24import_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/b24import"
)

// allocated returns the bytes f allocates: the work bound of the hostile
// tests, counted instead of timed.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileREST feeds the import hostile REST output
// (testdata/hostile). Each is read in one pass: the memory it allocates is
// a small multiple of its size (the old reader re-parsed every nesting
// level: 64 KB of nested arrays took 2.7 GB), and a refusal names where
// and why without echoing the input whole.
func TestHostileREST(t *testing.T) {
	good := read(t, "statuses-deal-bare.json")
	tests := []struct {
		name       string
		cats, stat string // file names under testdata/hostile; "" = none, "good" = a valid status list
		want       string // "" = accepted
	}{
		{"64 KB of nested arrays", "", "nested-arrays-64k.json", "crm.status.list: line 1, column 65: nesting is deeper than 64 levels"},
		{"nested arrays as categories", "nested-arrays-64k.json", "good", "crm.category.list: line 1, column 65: nesting is deeper than 64 levels"},
		{"3000 nested responses", "", "nested-objects.json", "nesting is deeper than 64 levels"},
		{"30 nested responses", "", "responses-nested-30.json", ""},
		{"brackets inside strings", "", "strings-with-brackets.json", ""},
		{"60 000 empty records", "", "wide-empty-records.json", `crm.status.list[0] (ID ): ENTITY_ID: expected a string such as "DEAL_STAGE"`},
		{"a 100 000-digit ID", "", "long-id.json", "(ID 9999999999999999999999999999999999999999…): STATUS_ID"},
		{"1000 categories of no entity type", "categories-bad-type-1000.json", "good", "… and 980 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			load := func(name string) []byte {
				switch name {
				case "":
					return nil
				case "good":
					return good
				}
				data, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
				require.NoError(t, err)
				return data
			}
			cats, stats := load(tt.cats), load(tt.stat)
			var err error
			used := allocated(func() { _, err = b24import.FromREST(cats, stats, "ru") })
			size := uint64(len(cats) + len(stats))
			assert.LessOrEqual(t, used, 64*size+1<<20, "allocated %d bytes for %d bytes of input", used, size)
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.True(t, errors.Is(err, b24import.ErrInvalid))
			assert.Contains(t, err.Error(), tt.want)
			assert.Less(t, len(err.Error()), 8000, "the message echoes the input")
		})
	}
}

// TestRESTTooLarge: an input over MaxInput is refused before it is parsed.
func TestRESTTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte(" "), b24import.MaxInput+1)
	big[0] = '['
	var err error
	used := allocated(func() { _, err = b24import.FromREST(nil, big, "ru") })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than the 50 MB the import reads")
	assert.Less(t, used, uint64(1<<20), "refused without copying the input")
	assert.False(t, strings.Contains(err.Error(), "   "))
}
