package whatif_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/whatif"
)

// TestPaceKeepsTheKPIs runs the same variants at the batch pace and at the
// browser lab's (16 steps, a turn before the KPIs): the KPIs and the A/B
// difference are the same; only how often progress is reported and when
// BeforeKPIs is called differ.
func TestPaceKeepsTheKPIs(t *testing.T) {
	opt := whatif.Options{Days: 30}
	ctx := context.Background()
	turns, reports := 0, 0
	pace := whatif.Pace{Steps: 16, BeforeKPIs: func() { turns++ }}
	progress := func(done, total time.Duration) { reports++ }

	batch, err := whatif.Run(ctx, readScenario(t, exampleA), opt, nil)
	require.NoError(t, err)
	paced, err := whatif.RunPaced(ctx, readScenario(t, exampleA), opt, pace, progress)
	require.NoError(t, err)
	assert.Equal(t, kpiJSON(t, batch), kpiJSON(t, paced))
	assert.Equal(t, 1, turns, "one turn, before the KPIs")
	assert.Greater(t, reports, 100, "progress every 16 steps")

	ka, kb, diff, err := whatif.RunAB(ctx, readScenario(t, exampleA), readScenario(t, exampleB), opt, nil)
	require.NoError(t, err)
	pa, pb, pdiff, err := whatif.RunABPaced(ctx, readScenario(t, exampleA), readScenario(t, exampleB), opt, pace, progress)
	require.NoError(t, err)
	assert.Equal(t, kpiJSON(t, ka), kpiJSON(t, pa))
	assert.Equal(t, kpiJSON(t, kb), kpiJSON(t, pb))
	assert.Equal(t, diff, pdiff)
	assert.Equal(t, 3, turns, "one more turn before each variant's KPIs")
}
