//go:build js && wasm

package idb

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
)

// bigScenario returns a scenario file with n deals, shaped like the files
// the app writes (two-space indentation, one item per few lines).
func bigScenario(n int) string {
	var b strings.Builder
	b.WriteString(`{
  "format": "triggersim/scenario",
  "version": 1,
  "title": "Нагрузка: много сделок",
  "entities": [{"type": "DEAL"}],
  "items": [
`)
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `    {"id": %d, "entity": "DEAL", "stage": "NEW", "fields": {"TITLE": "Сделка №%d", "OPPORTUNITY": %d, "ASSIGNED_BY_ID": 1}}`, i, i, 1000+i*7)
	}
	b.WriteString("\n  ]\n}\n")
	return b.String()
}

// bigState is a stand-in for the simulator's state of n items with a log:
// the store treats it as opaque bytes, only its size matters.
func bigState(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"clock":"2026-01-12T12:00:00+03:00","items":[`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `{"target":"DEAL_%d","stage":"PREPARATION","fields":{"TITLE":"Сделка №%d"}},`, i, i)
	}
	b.WriteString(`{}],"log":[`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `{"seq":%d,"type":"trigger","target":"DEAL_%d","from":"NEW","to":"PREPARATION","trigger":"t1"},`, i, i)
	}
	b.WriteString(`{}]}`)
	return b.Bytes()
}

// BenchmarkSave10000Items measures what one autosave costs with a scenario
// of 10 000 items: the scenario (with its history entry) and the
// simulation state, each in its own transaction.
func BenchmarkSave10000Items(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	data, state := []byte(bigScenario(10000)), bigState(10000)
	b.SetBytes(int64(len(data) + len(state)))
	rev := 0
	for b.Loop() {
		rec := storage.Record{Meta: storage.Meta{ID: "big", Title: "big", Revision: rev}, Data: data}
		err := s.PutScenario(ctx, rec)
		require.NoError(b, err)
		rev++
		err = s.PutSimState(ctx, "big", state)
		require.NoError(b, err)
	}
}

// BenchmarkLoad10000Items measures a reload: the scenario and its
// simulation state.
func BenchmarkLoad10000Items(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	data, state := []byte(bigScenario(10000)), bigState(10000)
	b.SetBytes(int64(len(data) + len(state)))
	err := s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: "big", Title: "big"}, Data: data})
	require.NoError(b, err)
	err = s.PutSimState(ctx, "big", state)
	require.NoError(b, err)
	for b.Loop() {
		rec, err := s.GetScenario(ctx, "big")
		require.NoError(b, err)
		got, err := s.GetSimState(ctx, "big")
		require.NoError(b, err)
		require.False(b, len(rec.Data) != len(data) || len(got) != len(state), "short read")
	}
}

// BenchmarkList100 lists 100 scenarios of 10 000 items: only the metadata
// is read.
func BenchmarkList100(b *testing.B) {
	ctx := context.Background()
	s := newStore(b)
	data := []byte(bigScenario(10000))
	for i := 0; i < 100; i++ {
		err := s.PutScenario(ctx, storage.Record{Meta: storage.Meta{ID: fmt.Sprintf("s%03d", i)}, Data: data})
		require.NoError(b, err)
	}
	for b.Loop() {
		metas, err := s.ListScenarios(ctx)
		require.NoError(b, err)
		require.Len(b, metas, 100, "%v", len(metas))
	}
}
