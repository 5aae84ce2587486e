package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzReadScenario checks that reading never panics or hangs and that any
// input that reads without error is stable under write → read → write.
func FuzzReadScenario(f *testing.F) {
	// Seeds: every valid scenario and the black-box suite's invalid and
	// command-line files.
	seeds := rdScenarioFiles(f)
	for _, dir := range []string{"invalid", "cli"} {
		m, err := filepath.Glob(filepath.Join("..", "engine_test", "testdata", dir, "*.json"))
		require.NoError(f, err)
		seeds = append(seeds, m...)
	}
	for _, file := range seeds {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(rdDoc(rdTriggers(rdOKTrigger), rdItems(`{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"A": [1, "x", null]}}`))))
	f.Add([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DYNAMIC_130"}]}`))
	f.Add([]byte(`[[[[{"a": "\ud83d\ude00"}]]]]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadScenario(data)
		if err != nil {
			require.Nil(t, s, "a scenario and an error")
			require.False(t, len(strings.Split(err.Error(), "\n")) > MaxErrors+1, "more than %d errors", MaxErrors+1)
			return
		}
		w1, err := WriteScenario(s)
		require.NoError(t, err, "write")
		s2, err := ReadScenario(w1)
		require.NoError(t, err, "reading the written file: %v\n%s", err, w1)
		w2, err := WriteScenario(s2)
		require.NoError(t, err, "second write")
		require.Equal(t, w2, w1, "write → read → write differs:\n%s\n---\n%s", w1, w2)
	})
}

// readBenchData builds a scenario with n items of a few fields each.
func readBenchData(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DEAL"}], "items": [`)
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": %d, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "Сделка %d", "OPPORTUNITY": %d.5, "UF_CRM_TAGS": ["a", "b"]}, "contact": %d}`, i, i, i*10, i%100+1)
	}
	b.WriteString(`], "events": [{"at": "+1h", "code": "MOVE", "target": "DEAL_1", "data": {"stage": "WON"}}]}`)
	return []byte(b.String())
}

func BenchmarkReadScenario10000Items(b *testing.B) {
	data := readBenchData(10000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		_, err := ReadScenario(data)
		require.NoError(b, err)
	}
}

func BenchmarkWriteScenario10000Items(b *testing.B) {
	s, err := ReadScenario(readBenchData(10000))
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_, err := WriteScenario(s)
		require.NoError(b, err)
	}
}

// BenchmarkReadScenario50MB reads a file of about 50 MB, the size the
// reader must handle in seconds.
func BenchmarkReadScenario50MB(b *testing.B) {
	data := readBenchData(400000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		_, err := ReadScenario(data)
		require.NoError(b, err)
	}
}
