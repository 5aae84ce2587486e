//go:build !(js && wasm)

package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// TestLogReaders: LogLen, LogAt, LogRange and LogBackward read the log
// that Log returns, entry for entry, over many chunks, with the texts
// LogAt renders equal to Log's; rendering one entry early changes nothing.
func TestLogReaders(t *testing.T) {
	sc := readHostile(t, "log_flood.json")
	s, err := engine.New(sc, engine.Options{Lang: "en"})
	require.NoError(t, err)
	s.Run()
	early := s.LogAt(7) // rendered before Log renders the rest
	n := s.LogLen()
	require.Greater(t, n, engine.MaxLogEntries)

	r, err := engine.New(sc, engine.Options{Lang: "en"})
	require.NoError(t, err)
	r.Run()
	log := r.Log()
	require.Len(t, log, n)
	require.Equal(t, log[7], early)
	for i := 0; i < n; i += 97 {
		require.Equal(t, log[i], s.LogAt(i), "entry %d", i)
	}
	require.Equal(t, log[engine.MaxLogEntries], s.LogAt(engine.MaxLogEntries), "the omitted marker")
	seen := 0
	for i, e := range s.LogRange(100, n) {
		require.Equal(t, log[i].Seq, e.Seq)
		require.Equal(t, log[i].Type, e.Type)
		require.Equal(t, log[i].Target, e.Target)
		seen++
	}
	require.Equal(t, n-100, seen)
	next := n - 1
	for i, e := range s.LogBackward(0, n) {
		require.Equal(t, next, i)
		require.Equal(t, log[i].Seq, e.Seq)
		next--
		if next < n-3*512 {
			break
		}
	}
	require.Equal(t, log, s.Log())
}
