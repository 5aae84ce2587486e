package format_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/format"
)

func TestValue(t *testing.T) {
	tests := []struct {
		name string
		p    format.Printer
		kind format.Kind
		v    float64
		want string
	}{
		{"text count", format.Text("ru"), format.Count, 1214, "1214"},
		{"text mean", format.Text("en"), format.Count, 2.005001, "2.01"},
		{"text negative mean", format.Text("en"), format.Count, -2.5, "-2.5"},
		{"text tiny negative is zero", format.Text("en"), format.Count, -0.0001, "0"},
		{"ui count ru", format.UI("ru"), format.Count, 1234567, "1\u202f234\u202f567"},
		{"ui count en", format.UI("en"), format.Count, -1234, "−1,234"},
		{"ui mean ru", format.UI("ru"), format.Count, 12.34, "12,3"},
		{"ui mean en", format.UI("en"), format.Count, 12.96, "13"},
		{"text share", format.Text("ru"), format.Share, 1, "100.0 %"},
		{"text negative share", format.Text("en"), format.Share, -0.015, "-1.5 %"},
		{"ui share ru", format.UI("ru"), format.Share, 0.363, "36,3\u00a0%"},
		{"ui share en", format.UI("en"), format.Share, 0, "0.0%"},
		{"text duration", format.Text("en"), format.Duration, 3*86400 + 4*3600 + 5*60, "3d 4h"},
		{"text minutes", format.Text("ru"), format.Duration, 35 * 60, "35мин"},
		{"text under a minute", format.Text("en"), format.Duration, 59, "<1m"},
		{"text zero", format.Text("en"), format.Duration, 0, "0"},
		{"text negative", format.Text("ru"), format.Duration, -7200, "-2ч"},
		{"ui negative", format.UI("ru"), format.Duration, -7200, "−2\u00a0ч"},
		{"ui rounds a mean", format.UI("en"), format.Duration, 3599.6, "1h"},
		{"date", format.UI("ru"), format.Date, 1768210200, "12.01.2026 09:30"},
		{"unknown kind reads as a count", format.UI("en"), format.Kind("?"), 1000, "1,000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.p.Value(tt.kind, tt.v))
		})
	}
}

func TestDelta(t *testing.T) {
	tests := []struct {
		name string
		p    format.Printer
		kind format.Kind
		d    float64
		want string
	}{
		{"count up", format.Text("en"), format.Count, 3, "+3"},
		{"count down", format.UI("en"), format.Count, -1500, "−1,500"},
		{"count zero", format.UI("ru"), format.Count, 0, "0"},
		{"share points ru text", format.Text("ru"), format.Share, 0.015, "+1.5 п. п."},
		{"share points en ui", format.UI("en"), format.Share, -0.2, "−20.0\u00a0pp"},
		{"share rounds to zero", format.UI("en"), format.Share, 0.0001, "0.0\u00a0pp"},
		{"duration down", format.Text("ru"), format.Duration, -90000, "-1д 1ч"},
		{"duration up", format.UI("ru"), format.Duration, 1800, "+30\u00a0мин"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.p.Delta(tt.kind, tt.d))
		})
	}
}

func TestElapsed(t *testing.T) {
	assert.Equal(t, "2,4\u00a0с", format.UI("ru").Elapsed(2400*time.Millisecond))
	assert.Equal(t, "0.1 s", format.UI("en").Elapsed(50*time.Millisecond))
	assert.Equal(t, "2.4 с", format.Text("ru").Elapsed(2400*time.Millisecond))
}

func TestNumberEdges(t *testing.T) {
	p := format.UI("en")
	assert.Equal(t, "0", p.Number(-0.01))
	assert.NotPanics(t, func() { p.Number(math.MaxFloat64) })
	assert.NotPanics(t, func() { p.Number(math.NaN()) })
}

func TestKindJSON(t *testing.T) {
	b, err := json.Marshal(struct{ Kind format.Kind }{format.Share})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Kind": "share"}`, string(b))
	for _, k := range format.Kinds {
		assert.True(t, k.Valid(), k)
	}
	assert.False(t, format.Kind("Sec").Valid())
}
