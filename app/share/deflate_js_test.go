//go:build js

package share_test

import (
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/share"
)

// A browser without CompressionStream still makes a link that opens: its
// file in stored blocks, uncompressed.
func TestEncodeWithoutCompressionStream(t *testing.T) {
	g := js.Global()
	saved := g.Get("CompressionStream")
	g.Set("CompressionStream", js.Undefined())
	defer g.Set("CompressionStream", saved)

	data := []byte(`{"title":"Оплата счёта","items":[]}`)
	frag, err := share.Encode(data)
	require.NoError(t, err)
	got, err := share.Decode(frag)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(got))

	g.Set("CompressionStream", saved)
	compressed, err := share.Encode(data)
	require.NoError(t, err)
	assert.NotEqual(t, frag, compressed, "with the stream back, the link is compressed")
}
