package share_test

import (
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/share"
	"github.com/triggersim/triggersim/examples"
)

// These run on the host (Go's compressor) and in the browser (./build.sh
// test runs app/share in headless Chromium, where Encode compresses with
// CompressionStream): a link made either way opens with Decode.

func TestRoundTripExamples(t *testing.T) {
	all := examples.All()
	require.NotEmpty(t, all)
	for _, ex := range all {
		t.Run(ex.Name, func(t *testing.T) {
			frag, err := share.Encode(ex.Data)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(frag, share.Prefix))
			assert.LessOrEqual(t, len(frag), share.MaxURLFragment)
			for _, c := range frag {
				assert.Truef(t, c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z',
					"character %q needs escaping in a URL", c)
			}
			got, err := share.Decode(frag)
			require.NoError(t, err)
			assert.Equal(t, string(ex.Data), string(got))
			t.Logf("%d bytes → %d characters", len(ex.Data), len(frag))
		})
	}
}

func TestDecodeAcceptsURLForms(t *testing.T) {
	frag, err := share.Encode([]byte(`{"title":"x"}`))
	require.NoError(t, err)
	for _, in := range []string{frag, "#" + frag, "https://triggersim.example/#" + frag, "  " + frag + "\n"} {
		got, err := share.Decode(in)
		require.NoError(t, err, in)
		assert.Equal(t, `{"title":"x"}`, string(got))
	}
}

func TestEncodeEmpty(t *testing.T) {
	frag, err := share.Encode(nil)
	require.NoError(t, err)
	got, err := share.Decode(frag)
	require.NoError(t, err)
	assert.Empty(t, got)
}

// TestEncodeMeasuresTheCompressedLink gives Encode a file that does not
// compress: the link's length is what it measures against the limit,
// whichever compressor made it.
func TestEncodeMeasuresTheCompressedLink(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	raw := make([]byte, 30_000)
	for i := range raw {
		raw[i] = byte(rnd.Uint32())
	}
	data := []byte(`{"title":"` + base64.StdEncoding.EncodeToString(raw) + `"}`)
	_, err := share.Encode(data)
	var lim *share.LimitError
	require.True(t, errors.As(err, &lim), "%v", err)
	assert.Equal(t, "link", lim.What)
	assert.Greater(t, lim.Count, share.MaxURLFragment)
	assert.True(t, lim.Making)

	frag, err := share.Encode(data[:20_000])
	require.NoError(t, err, "20 KB of base64 compresses to a link under the limit")
	got, err := share.Decode(frag)
	require.NoError(t, err)
	assert.Equal(t, string(data[:20_000]), string(got))
	assert.True(t, strings.HasPrefix(frag, share.Prefix))
}
