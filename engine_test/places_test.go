//go:build !(js && wasm)

package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// TestPlacesBetweenSteps: the board reads where every item is after each
// event, and the engine keeps the items' order between such reads. Reading
// after every step, with a reused buffer, must neither change the run's
// result nor miss an item created meanwhile: each read lists the same
// places as the items' states, and the end is the result of a run that
// never looked.
func TestPlacesBetweenSteps(t *testing.T) {
	for _, file := range stepFiles(t) {
		t.Run(file, func(t *testing.T) {
			sc := readScenario(t, file)
			ref, err := engine.Run(sc, engine.Options{})
			require.NoError(t, err)
			wantJSON, err := engine.MarshalResult(ref)
			require.NoError(t, err)
			want := string(wantJSON)
			s, err := engine.New(sc, engine.Options{})
			require.NoError(t, err)
			var buf []engine.ItemPlace
			for {
				buf = s.AppendPlaces(buf[:0])
				items := s.Items()
				require.Len(t, buf, len(items))
				for i, it := range items {
					require.Equal(t, engine.ItemPlace{Target: it.Target, Entity: it.Entity, Pipeline: it.Pipeline, Stage: it.Stage}, buf[i])
				}
				require.Equal(t, buf, s.Places())
				if !s.Step() {
					break
				}
			}
			s.Run()
			require.Equal(t, want, resultJSON(t, s))
		})
	}
}
