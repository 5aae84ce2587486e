//go:build !js

package share_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/share"
	"github.com/triggersim/triggersim/engine"
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

func hostile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "hostile", name))
	require.NoError(t, err)
	return data
}

// TestHostileLinks opens crafted links (testdata/hostile/*.txt): each past
// a limit is refused with a LimitError that names the limit and points to
// sharing a file, after allocating a bounded number of bytes (the
// decompressor stops at MaxDecoded), never the 20 MB it would inflate to.
func TestHostileLinks(t *testing.T) {
	tests := []struct {
		file      string
		what      string // LimitError.What; "" = accepted
		count     int
		want      string
		maxAllocs uint64
	}{
		{"events-444k.txt", "size", 0, "the link unpacks to more than 1.0 MB", 8 << 20},
		{"spaces-20mb.txt", "size", 0, "the link unpacks to more than 1.0 MB", 8 << 20},
		{"events-1001.txt", "events", 1001, "it has 1001 events, more than the 1000 a link may carry", 1 << 20},
		{"items-1001.txt", "items", 1001, "it has 1001 items, more than the 1000 a link may carry", 1 << 20},
		{"triggers-501.txt", "triggers", 501, "it has 501 triggers, more than the 500", 1 << 20},
		{"robots-501.txt", "robots", 501, "it has 501 robots, more than the 500", 1 << 20},
		{"not-json-1mb.txt", "", 0, "", 8 << 20},
		{"at-the-limits.txt", "", 0, "", 8 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			link := strings.TrimSpace(string(hostile(t, tt.file)))
			var data []byte
			var err error
			used := allocated(func() { data, err = share.Decode(link) })
			assert.LessOrEqual(t, used, tt.maxAllocs, "allocated %d bytes", used)
			if tt.what == "" {
				require.NoError(t, err)
				assert.LessOrEqual(t, len(data), share.MaxDecoded)
				return
			}
			require.Error(t, err)
			assert.Nil(t, data)
			var le *share.LimitError
			require.True(t, errors.As(err, &le), "%T", err)
			assert.Equal(t, tt.what, le.What)
			assert.False(t, le.Making)
			if tt.count > 0 {
				assert.Equal(t, tt.count, le.Count)
			}
			assert.ErrorIs(t, err, share.ErrTooLarge)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), "export the scenario as a file")
		})
	}
}

// TestAtTheLimitsIsAScenario: the largest link the limits allow is a real
// scenario, so the limits refuse nothing a link could honestly carry.
func TestAtTheLimitsIsAScenario(t *testing.T) {
	data := hostile(t, "at-the-limits.json")
	frag, err := share.Encode(data)
	require.NoError(t, err)
	got, err := share.Decode(frag)
	require.NoError(t, err)
	sc, err := engine.ReadScenario(got)
	require.NoError(t, err)
	assert.Len(t, sc.Items, share.MaxItems)
	assert.Len(t, sc.Events, share.MaxEvents)
	assert.Len(t, sc.Triggers, share.MaxTriggers)
	assert.Len(t, sc.Robots, share.MaxRobots)
}

// TestEncodeRefusesPastLimits: a link is never made past a limit that
// Decode would refuse (the creating side checks the same counts and size).
func TestEncodeRefusesPastLimits(t *testing.T) {
	_, err := share.Encode(hostile(t, "events-1001.json"))
	var le *share.LimitError
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "events", le.What)
	assert.True(t, le.Making)
	assert.Contains(t, err.Error(), "export the scenario as a file")

	big := []byte(`{"title":"` + strings.Repeat("a", share.MaxDecoded) + `"}`)
	_, err = share.Encode(big)
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "size", le.What)
	assert.True(t, le.Making)
	assert.Contains(t, err.Error(), "more than the 1.0 MB a link may carry")
}
