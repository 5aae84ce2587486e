package charts_test

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/charts"
	"github.com/triggersim/triggersim/format"
)

func TestIntervalBars(t *testing.T) {
	rows := []charts.Interval{
		{Label: "Новая <script>", Mean: 10, Low: 8, High: 12, Ref: math.NaN()},
		{Label: "Успех", Mean: 4, Low: 4, High: 4, Ref: 5},
	}
	a := charts.IntervalBars("Стадии", rows, format.Count, "ru")
	require.Equal(t, a, charts.IntervalBars("Стадии", rows, format.Count, "ru"), "deterministic")
	require.Contains(t, a, "Новая &lt;script&gt;")
	require.NotContains(t, a, "<script>")
	require.Equal(t, 1, strings.Count(a, `data-whisker="1"`), "a zero-width interval has no whisker")
	require.Equal(t, 1, strings.Count(a, `data-ref="1"`))
	require.Contains(t, a, "Новая &lt;script&gt;: 10 [8; 12]; Успех: 4 [4; 4], в истории 5")
	require.Contains(t, a, "± 2")
	empty := charts.IntervalBars("x", nil, format.Count, "en")
	require.Contains(t, empty, "<svg")
}

func TestSweepLine(t *testing.T) {
	pts := []charts.SweepPoint{{X: 1, Mean: 10, Low: 8, High: 12}, {X: 2, Mean: 14, Low: 12, High: 16}, {X: 3, Mean: 13, Low: 11, High: 15}}
	s := charts.SweepLine("KPI & delay", "robots[0].delay.value", "stage/DEAL/WON/items", pts, 1, format.Count, "en")
	require.Contains(t, s, "KPI &amp; delay")
	require.Contains(t, s, `data-band="1"`)
	require.Equal(t, 1, strings.Count(s, `data-best="1"`))
	require.Contains(t, s, "best: 14")
	flat := charts.SweepLine("flat", "x", "y", []charts.SweepPoint{{X: 1, Mean: 5, Low: 5, High: 5}, {X: 2, Mean: 5, Low: 5, High: 5}}, 0, format.Count, "ru")
	require.NotContains(t, flat, "NaN")
}
