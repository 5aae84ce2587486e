package whatif_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/whatif"
)

// TestWireRoundTrip checks that KPIs read back from the wire equal the
// ones written, the reasons behind the texts included: the page words a
// worker's run in another language exactly as a run of its own.
func TestWireRoundTrip(t *testing.T) {
	k := run(t, readScenario(t, exampleA), whatif.Options{Days: 30, Lang: "ru"})
	require.NotEmpty(t, k.NoMove.Reasons, "the example should have events that moved nothing")
	data, err := whatif.EncodeWire(k)
	require.NoError(t, err)
	back, err := whatif.DecodeWire(data)
	require.NoError(t, err)
	assert.Equal(t, k, back)
	for i, rc := range back.NoMove.Reasons {
		assert.Equal(t, k.NoMove.Reasons[i].TextIn("en"), rc.TextIn("en"))
		assert.NotEqual(t, rc.Text, rc.TextIn("en"), "reason %d should be worded anew in English", i)
	}
}

func TestWireRefusesBadInput(t *testing.T) {
	for name, in := range map[string]string{
		"not JSON":         `{`,
		"no KPIs":          `{"noMove":[],"errors":[]}`,
		"reasons missing":  `{"kpis":{"noMove":{"reasons":[{"code":"x"}]}},"noMove":[],"errors":[]}`,
		"wrong field type": `{"kpis":{"items":"many"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := whatif.DecodeWire([]byte(in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "decode KPIs")
		})
	}
}
