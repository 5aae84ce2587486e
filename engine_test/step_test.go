//go:build !(js && wasm)

package engine_test

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/engine"
)

// stepFiles are the scenarios a budgeted step is checked on: every case of
// this suite and every example.
func stepFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{filepath.Join("testdata", "scenarios", "*.json"), filepath.Join("..", "examples", "*.json")} {
		found, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, found...)
	}
	require.NotEmpty(t, files)
	return files
}

// resultJSON is the result of a run as the CLI writes it.
func resultJSON(t testing.TB, s *engine.Sim) string {
	t.Helper()
	out, err := engine.MarshalResult(s.Result())
	require.NoError(t, err)
	return string(out)
}

// runBudgets runs a scenario to its end with StepBudget, the budget of each
// call taken in turn from budgets.
func runBudgets(t testing.TB, sc *engine.Scenario, budgets []int) string {
	t.Helper()
	s, err := engine.New(sc, engine.Options{})
	require.NoError(t, err)
	for i := 0; ; i++ {
		budget := budgets[i%len(budgets)]
		used, done := s.StepBudget(budget)
		require.Equal(t, !done, s.Pending())
		require.LessOrEqual(t, used, max(budget, 1))
		if used == 0 {
			break
		}
	}
	s.Run() // nothing is left: the clock goes to the end, as Run's does
	return resultJSON(t, s)
}

// TestStepBudgetSameResult: a run in budgeted steps gives the bytes of a
// run in whole steps, whatever the budget.
func TestStepBudgetSameResult(t *testing.T) {
	for _, file := range stepFiles(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		sc := readScenario(t, file)
		_, want := runScenario(t, sc)
		for _, budget := range []int{1, 7, 1000, math.MaxInt} {
			t.Run(name+"/"+strconv.Itoa(budget), func(t *testing.T) {
				require.Equal(t, string(want), runBudgets(t, sc, []int{budget}))
			})
		}
	}
}

// FuzzStepBudget varies the budget from one call to the next.
func FuzzStepBudget(f *testing.F) {
	f.Add([]byte{0}, uint8(0))
	f.Add([]byte{0, 6, 255, 1}, uint8(3))
	f.Add([]byte{2, 3}, uint8(200))
	files := stepFiles(f)
	scs := make([]*engine.Scenario, len(files))
	want := make([]string, len(files))
	for i, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		sc, err := engine.ReadScenario(data)
		require.NoError(f, err)
		s, err := engine.New(sc, engine.Options{})
		require.NoError(f, err)
		s.Run()
		scs[i], want[i] = sc, resultJSON(f, s)
	}
	f.Fuzz(func(t *testing.T, raw []byte, pick uint8) {
		if len(raw) == 0 {
			raw = []byte{0}
		}
		budgets := make([]int, len(raw))
		for i, b := range raw {
			budgets[i] = int(b) + 1
		}
		i := int(pick) % len(scs)
		require.Equal(t, want[i], runBudgets(t, scs[i], budgets), files[i])
	})
}
