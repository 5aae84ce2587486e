//go:build !js

// The browser build compresses through the browser (deflate_js.go):
// roundtrip_test.go runs there too; these read testdata or pin Go's output.

package share_test

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/triggersim/triggersim/app/share"
	"github.com/triggersim/triggersim/examples"
)

func TestEncodeTooLarge(t *testing.T) {
	// Random bytes do not compress: 30 000 of them need 40 000 characters.
	r := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 30000)
	for i := range data {
		data[i] = byte(r.IntN(256))
	}
	_, err := share.Encode(data)
	require.ErrorIs(t, err, share.ErrTooLarge)
	assert.Contains(t, err.Error(), "file")
	assert.Contains(t, err.Error(), "32000")
}

// deflated compresses data as Encode does, without its size limit.
func deflated(t *testing.T, data []byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	require.NoError(t, err)
	_, err = zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return share.Prefix + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func TestDecodeRefusesBombs(t *testing.T) {
	bomb := deflated(t, bytes.Repeat([]byte{' '}, share.MaxDecoded+1))
	require.Less(t, len(bomb), 50000, "a small link…")
	_, err := share.Decode(bomb)
	require.ErrorIs(t, err, share.ErrTooLarge, "…that inflates past the limit")
	assert.Contains(t, err.Error(), "1.0 MB")

	exact := deflated(t, bytes.Repeat([]byte{' '}, share.MaxDecoded))
	got, err := share.Decode(exact)
	require.NoError(t, err)
	assert.Len(t, got, share.MaxDecoded)

	_, err = share.Decode(share.Prefix + strings.Repeat("A", 2<<20))
	assert.ErrorIs(t, err, share.ErrTooLarge)
}

func TestDecodeErrors(t *testing.T) {
	good, err := share.Encode([]byte(`{"format":"triggersim/scenario","version":1}`))
	require.NoError(t, err)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "does not hold a scenario"},
		{"no prefix", "abc", "does not hold a scenario"},
		{"other site", "https://example.com/#section-2", "does not hold a scenario"},
		{"newer format", "s2.AAAA", "newer version of triggersim (format s2, this one reads s1)"},
		{"bad base64", share.Prefix + "!!!", "damaged"},
		{"padding", good + "==", "damaged"},
		{"cut off", good[:len(good)/2], "damaged"},
		{"not deflate", share.Prefix + base64.RawURLEncoding.EncodeToString([]byte("plain text, not compressed")), "damaged"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := share.Decode(tc.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, share.ErrInvalid)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// FuzzShareDecode: decoding never panics, never returns more than a link
// may carry, and what decodes re-encodes to a link that decodes the same.
// Seeded with the examples' links and the hostile links of testdata/.
func FuzzShareDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "hostile", "*.txt"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(f, err)
		f.Add(strings.TrimSpace(string(data)))
	}
	for _, ex := range examples.All() {
		frag, err := share.Encode(ex.Data)
		require.NoError(f, err)
		f.Add(frag)
	}
	f.Add("")
	f.Add("s1.")
	f.Add("s1.AAAA")
	f.Add("#s1.-_-_")
	f.Add("s9.x")
	f.Fuzz(func(t *testing.T, in string) {
		data, err := share.Decode(in)
		if err != nil {
			require.Nil(t, data, "data with error %v", err)
			return
		}
		require.False(t, len(data) > share.MaxDecoded, "decoded %d bytes", len(data))
		// Whatever decodes re-encodes to a link that decodes the same,
		// unless its link would be too long: Encode checks the same size
		// and counts as Decode.
		frag, err := share.Encode(data)
		var le *share.LimitError
		if errors.As(err, &le) && le.What == "link" {
			return
		}
		require.NoError(t, err, "a decoded scenario does not encode")
		again, err := share.Decode(frag)
		require.False(t, err != nil || !bytes.Equal(again, data), "re-encoding changed the data: %v", err)
	})
}

func Example() {
	frag, err := share.Encode([]byte(`{"format":"triggersim/scenario","version":1,"entities":[{"type":"DEAL"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(frag, "s1."))
	data, err := share.Decode("https://triggersim.example/#" + frag)
	fmt.Println(string(data), err)
	// Output:
	// true
	// {"format":"triggersim/scenario","version":1,"entities":[{"type":"DEAL"}]} <nil>
}
