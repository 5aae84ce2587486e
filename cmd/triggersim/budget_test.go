package main

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWhatIfBudget runs what-if models that cannot finish
// (whatif/testdata/hostile): each is refused before it runs, with exit 2
// and a message that says how big the run would be and what to lower, in
// the report's language. The work bound is counted, not timed: a refusal
// allocates a few megabytes (the scenario read and the estimate), never
// the gigabytes the run would take, and prints no KPIs.
func TestWhatIfBudget(t *testing.T) {
	const dir = "../../whatif/testdata/hostile/"
	const ex = "../../examples/11-whatif-schet-7dney.json"
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"10⁶ arrivals a day", []string{"whatif", dir + "arrivals-1e6-a-day.json"}, 2, []string{
			"прогон слишком велик: около 90\u00a0000\u00a0001 элементов за 90 дн. (1\u00a0000\u00a0000 в день)",
			"в одном прогоне может быть не больше 50\u00a0000 элементов",
			"Уменьшите период (days), поток (arrivals[].perDay)"}},
		{"1000 a day for 10 years", []string{"whatif", dir + "arrivals-1000-a-day-10-years.json", "--lang", "en"}, 2, []string{
			"the run is too big: about 3,650,001 items over 3650 days (1,000 a day)",
			"one run may hold at most 50,000 items",
			"Lower the horizon (days), the arrivals (arrivals[].perDay)"}},
		{"1440 events a day per item", []string{"whatif", dir + "events-1440-a-day.json", "--lang", "en"}, 2, []string{
			"about 36,501 items over 3650 days (10 a day) and about 1,051,451,456 model events",
			"items and events together may be at most 2,000,000",
			"the events' rates (events[].perDay)"}},
		{"--days on the command line", []string{"whatif", ex, "--days", "3650", "--lang", "en"}, 2, []string{
			"about 146,001 items over 3650 days (40 a day)"}},
		{"1000 runs", []string{"whatif", ex, "--runs", "1000", "--lang", "en"}, 2, []string{
			"1000 runs: about 3,601 items over 90 days", "over all runs",
			"Lower the number of runs or points"}},
		{"A/B of 1000 a day for 10 years", []string{"whatif", dir + "arrivals-1000-a-day-10-years.json", "--compare", ex}, 2, []string{
			"прогон слишком велик"}},
		{"a model within the budget runs", []string{"whatif", ex, "--days", "7", "--lang", "en"}, 0, []string{
			"Conversion (from a stage"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			var code int
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			code = run(tt.args, &out, &errOut)
			runtime.ReadMemStats(&after)
			require.Equal(t, tt.code, code, "exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			for _, w := range tt.want {
				assert.Contains(t, out.String()+errOut.String(), w, "output lacks %q:\n%s%s", w, out.String(), errOut.String())
			}
			if tt.code == 0 {
				return
			}
			assert.EqualValues(t, 0, out.Len(), "a refused run printed KPIs:\n%s", out.String())
			used := after.TotalAlloc - before.TotalAlloc
			assert.False(t, used > 32<<20, "the refusal allocated %d bytes: it ran instead of estimating", used)
		})
	}
}
