package whatif_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/format"
	"github.com/triggersim/triggersim/whatif"
)

// hostileKPIs name a trigger "conversion_share" and a robot "waitSec":
// keys that end with an id must not read as a share or a duration.
func hostileKPIs(n int) *whatif.KPIs {
	return &whatif.KPIs{
		Stages:     []whatif.StageKPI{{Entity: "DEAL", Stage: "NEW", Items: 10 + n, MedianSec: 7200, ToSuccess: 0.25}},
		Conversion: []whatif.Conversion{{Entity: "DEAL", From: "NEW", To: "WON", Share: 0.5}},
		Triggers:   []whatif.TriggerKPI{{ID: "conversion_share", Fired: 1000 + n}},
		Robots:     []whatif.RobotKPI{{ID: "waitSec", Ran: 7000 + n}},
		Loops:      []whatif.LoopKPI{{Kind: "loop.cascade", Cycle: []string{"conversion_share", "waitSec"}, Count: 7000 + n}},
		NoMove: whatif.NoMove{Share: 0.1, Reasons: []whatif.ReasonCount{
			{Code: "noTrigger", Trigger: "conversion_share", Count: 2 + n}}},
	}
}

func TestMetricKinds(t *testing.T) {
	kinds := map[string]format.Kind{}
	for _, m := range whatif.Metrics(hostileKPIs(0)) {
		require.True(t, m.Kind.Valid(), m.Key)
		kinds[m.Key] = m.Kind
	}
	tests := []struct {
		key  string
		want format.Kind
	}{
		{"trigger/conversion_share/fired", format.Count},
		{"robot/waitSec/ran", format.Count},
		{"loop/loop.cascade/conversion_share/waitSec", format.Count},
		{"noMove/noTrigger/conversion_share", format.Count},
		{"noMove/share", format.Share},
		{"stage/DEAL/NEW/medianSec", format.Duration},
		{"stage/DEAL/NEW/toSuccess", format.Share},
		{"conv/DEAL/NEW/WON", format.Share},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			assert.Equal(t, tt.want, kinds[tt.key])
		})
	}
}

// The text reports print what the kind says, in the report's language.
func TestReportsPrintByKind(t *testing.T) {
	a, b := hostileKPIs(0), hostileKPIs(200)
	b.Stages[0].MedianSec = 10800
	b.NoMove.Share = 0.125
	var out strings.Builder
	whatif.WriteDiff(&out, "A", "B", whatif.Compare(a, b), "ru", false)
	// key → the cells after it (A, B, B − A), compared without the padding
	cells := map[string]string{}
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(strings.TrimPrefix(line, "●"))
		if len(f) > 1 {
			cells[f[0]] = strings.Join(f[1:], " ")
		}
	}
	for key, want := range map[string]string{
		"trigger/conversion_share/fired":             "1000 1200 +200",
		"robot/waitSec/ran":                          "7000 7200 +200",
		"loop/loop.cascade/conversion_share/waitSec": "7000 7200 +200",
		"noMove/noTrigger/conversion_share":          "2 202 +200",
		"noMove/share":                               "10.0 % 12.5 % +2.5 п. п.",
		"stage/DEAL/NEW/medianSec":                   "2ч 3ч +1ч",
	} {
		assert.Equal(t, want, cells[key], key)
	}
	out.Reset()
	whatif.WriteSummary(&out, "A", whatif.Summarize([]*whatif.KPIs{a, b}), "en")
	assert.Contains(t, out.String(), "robot/waitSec/ran")
	assert.NotContains(t, out.String(), "1h 56m", "a robot's run count read as seconds")
}
