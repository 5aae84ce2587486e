package share

import (
	"bytes"
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Stored blocks (the browser build's fallback without CompressionStream)
// open with Decode at every block boundary, and Encode's limit applies to
// them as to any link.
func TestStoredBlocksOpen(t *testing.T) {
	for _, n := range []int{0, 1, 65534, 65535, 65536, 65535*2 + 7} {
		data := bytes.Repeat([]byte("{}"), n/2+1)[:n]
		frag := Prefix + base64.RawURLEncoding.EncodeToString(stored(data))
		got, err := Decode(frag)
		require.NoError(t, err, "%d bytes", n)
		assert.Equal(t, len(data), len(got), "%d bytes", n)
		assert.True(t, bytes.Equal(data, got), "%d bytes", n)
	}
}
