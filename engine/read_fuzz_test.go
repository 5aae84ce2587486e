package engine

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// FuzzReadScenario checks that reading never panics or hangs and that any
// input that reads without error is stable under write → read → write.
func FuzzReadScenario(f *testing.F) {
	for _, file := range rdScenarioFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(rdDoc(rdTriggers(rdOKTrigger), rdItems(`{"id": 1, "entity": "DEAL", "stage": "NEW", "fields": {"A": [1, "x", null]}}`))))
	f.Add([]byte(`{"format": "triggersim/scenario", "version": 1, "entities": [{"type": "DYNAMIC_130"}]}`))
	f.Add([]byte(`[[[[{"a": "\ud83d\ude00"}]]]]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadScenario(data)
		if err != nil {
			if s != nil {
				t.Fatal("a scenario and an error")
			}
			if len(strings.Split(err.Error(), "\n")) > MaxErrors+1 {
				t.Fatalf("more than %d errors", MaxErrors+1)
			}
			return
		}
		w1, err := WriteScenario(s)
		if err != nil {
			t.Fatalf("write: %v", err)
		}
		s2, err := ReadScenario(w1)
		if err != nil {
			t.Fatalf("reading the written file: %v\n%s", err, w1)
		}
		w2, err := WriteScenario(s2)
		if err != nil {
			t.Fatalf("second write: %v", err)
		}
		if !bytes.Equal(w1, w2) {
			t.Fatalf("write → read → write differs:\n%s\n---\n%s", w1, w2)
		}
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
		if _, err := ReadScenario(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteScenario10000Items(b *testing.B) {
	s, err := ReadScenario(readBenchData(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteScenario(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadScenario50MB reads a file of about 50 MB, the size the
// reader must handle in seconds.
func BenchmarkReadScenario50MB(b *testing.B) {
	data := readBenchData(400000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadScenario(data); err != nil {
			b.Fatal(err)
		}
	}
}
