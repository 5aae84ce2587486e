package calibrate_test

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/calibrate"
)

func input(g generated) calibrate.Input {
	in := calibrate.Input{Categories: calibrate.File{Name: "C.json", Data: g.categories}, Statuses: calibrate.File{Name: "S.json", Data: g.statuses}, Locale: "ru"}
	for i, p := range g.pages {
		in.Histories = append(in.Histories, calibrate.File{Name: fmt.Sprintf("H%d.json", i), Data: p})
	}
	if g.deals != nil {
		in.Deals = []calibrate.File{{Name: "D.json", Data: g.deals}}
	}
	return in
}

// TestRecoversKnownProcesses generates a history from each known process,
// calibrates a scenario from it and runs the scenario: arrivals within
// ±10 %, the shares of final stages within ±5 points, and the median time
// in every busy stage within ±20 % of the history.
func TestRecoversKnownProcesses(t *testing.T) {
	for i, p := range processes {
		t.Run(p.name, func(t *testing.T) {
			g := p.generate(uint64(100 + i))
			c, err := calibrate.Build(input(g))
			require.NoError(t, err)
			require.Equal(t, g.records, c.Records, "every record once, duplicates dropped")
			rep, err := c.Fit(context.Background(), 5, 0)
			require.NoError(t, err)
			for _, a := range rep.Arrivals {
				require.InDelta(t, 0, a.Diff, 0.10, "arrivals of %s: history %d, model %.1f", a.Entity, a.Observed, a.Simulated.Mean)
			}
			require.NotEmpty(t, rep.Finals)
			for _, f := range rep.Finals {
				require.InDelta(t, f.Observed, f.Simulated, 0.05, "share ending in %s", f.Stage)
			}
			busy := 0
			for _, s := range rep.Stages {
				if s.ObservedN < 50 {
					continue
				}
				busy++
				rel := float64(s.SimulatedMed)/float64(s.ObservedMed) - 1
				require.InDelta(t, 0, rel, 0.20, "median in %s: history %ds, model %ds", s.Stage, s.ObservedMed, s.SimulatedMed)
			}
			require.GreaterOrEqual(t, busy, 2)
			require.Less(t, rep.TransitionDiff, 0.15)
			require.False(t, math.IsNaN(rep.CycleEMDSec))
			require.Less(t, rep.CycleEMDSec, 0.25*rep.CycleMeanSec, "cycle-time EMD relative to the mean cycle time")
			t.Logf("arrivals %+v, transition diff %.3f, cycle EMD %.0fs of mean %.0fs, arrival EMD %.1fh",
				rep.Arrivals[0], rep.TransitionDiff, rep.CycleEMDSec, rep.CycleMeanSec, rep.ArrivalEMDHours)
		})
	}
}
