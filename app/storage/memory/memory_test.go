package memory_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/storage"
	"github.com/triggersim/triggersim/app/storage/memory"
	"github.com/triggersim/triggersim/app/storage/storagetest"
)

func TestConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store { return memory.New() })
}

func TestHistoryConformance(t *testing.T) {
	storagetest.RunHistory(t, func(t *testing.T) storagetest.HistoryStore { return memory.New() })
}

func TestSimStateConformance(t *testing.T) {
	storagetest.RunSimState(t, func(t *testing.T) storagetest.SimStateStore { return memory.New() })
}

func Example() {
	ctx := context.Background()
	s := memory.New()
	rec := storage.Record{Meta: storage.Meta{ID: "deal", Title: "Сделки"}, Data: []byte(`{}`)}
	if err := s.PutScenario(ctx, rec); err != nil {
		fmt.Println(err)
	}
	// Saving the same revision again loses the race: someone saved first.
	err := s.PutScenario(ctx, rec)
	fmt.Println(err)
	got, _ := s.GetScenario(ctx, "deal")
	fmt.Println(got.Title, got.Revision)
	// Output:
	// put scenario "deal": revision 0, stored 1: revision conflict
	// Сделки 1
}

func BenchmarkPutGet(b *testing.B) {
	ctx := context.Background()
	s := memory.New()
	data := make([]byte, 64<<10)
	rev := 0
	for b.Loop() {
		rec := storage.Record{Meta: storage.Meta{ID: "a", Revision: rev}, Data: data}
		err := s.PutScenario(ctx, rec)
		require.NoError(b, err)
		rev++
		_, err = s.GetScenario(ctx, "a")
		require.NoError(b, err)
	}
}
