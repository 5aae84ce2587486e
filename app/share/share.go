// Package share turns a scenario into the fragment of a share link and
// back, so that a consultant can send a whole simulation as one URL that
// opens offline: https://…/#s1.<data>. The fragment never reaches a server.
//
// <data> is the scenario JSON compressed with DEFLATE (best compression)
// and encoded as unpadded base64url; the "s1." prefix names this encoding so
// that a later one can be told apart. Links are limited to MaxURLFragment
// characters, which every browser and messenger carries; a bigger scenario
// is shared as a file. Decoding refuses anything that would inflate to more
// than MaxDecoded bytes, so a crafted link cannot exhaust memory.
package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Prefix starts every fragment this version writes.
const Prefix = "s1."

// MaxURLFragment is the longest fragment Encode produces, in characters.
const MaxURLFragment = 32000

// MaxDecoded is the largest scenario Decode accepts, in bytes.
const MaxDecoded = 20_000_000

// maxFragment bounds the input Decode looks at: a link longer than this
// did not come from Encode, even allowing for another writer's choices.
const maxFragment = 1 << 20

var (
	// ErrTooLarge means the scenario does not fit into a link (Encode) or
	// the link inflates to more than MaxDecoded bytes (Decode).
	ErrTooLarge = errors.New("too large for a share link")
	// ErrInvalid means the text is not a share link this version can read.
	ErrInvalid = errors.New("not a valid share link")
)

// Encode returns the fragment (without "#") of the share link of a
// scenario file. A scenario whose fragment would exceed MaxURLFragment gives
// an error satisfying errors.Is(err, ErrTooLarge) that suggests sharing the
// file instead.
func Encode(scenarioJSON []byte) (string, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", fmt.Errorf("share: %w", err) // only for a bad level
	}
	if _, err := zw.Write(scenarioJSON); err != nil {
		return "", fmt.Errorf("share: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return "", fmt.Errorf("share: compress: %w", err)
	}
	n := len(Prefix) + base64.RawURLEncoding.EncodedLen(buf.Len())
	if n > MaxURLFragment {
		return "", fmt.Errorf("share: the scenario is %s, its link would be %d characters, over the limit of %d: %w; export the scenario as a file and send the file instead",
			sizeText(len(scenarioJSON)), n, MaxURLFragment, ErrTooLarge)
	}
	return Prefix + base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// Decode returns the scenario file of a share link's fragment. It accepts
// the fragment with or without its leading "#", and a whole URL (the part
// after the first "#" is used). It does not check the scenario itself: pass
// the result to engine.ReadScenario.
func Decode(fragment string) ([]byte, error) {
	if i := strings.IndexByte(fragment, '#'); i >= 0 {
		fragment = fragment[i+1:]
	}
	fragment = strings.TrimSpace(fragment)
	if len(fragment) > maxFragment {
		return nil, fmt.Errorf("share: the link is %d characters long, far more than a share link can be: %w", len(fragment), ErrTooLarge)
	}
	if !strings.HasPrefix(fragment, Prefix) {
		if v, _, ok := strings.Cut(fragment, "."); ok && len(v) >= 2 && v[0] == 's' && isDigits(v[1:]) {
			return nil, fmt.Errorf("share: the link was made by a newer version of triggersim (format %s, this one reads %s): %w", v, strings.TrimSuffix(Prefix, "."), ErrInvalid)
		}
		return nil, fmt.Errorf("share: the link does not hold a scenario (it should end in #%s…): %w", Prefix, ErrInvalid)
	}
	compressed, err := base64.RawURLEncoding.DecodeString(fragment[len(Prefix):])
	if err != nil {
		return nil, fmt.Errorf("share: the link is damaged, perhaps cut off when it was copied (%v): %w", err, ErrInvalid)
	}
	zr := flate.NewReader(bytes.NewReader(compressed))
	defer zr.Close()
	data, err := io.ReadAll(io.LimitReader(zr, MaxDecoded+1))
	if err != nil {
		return nil, fmt.Errorf("share: the link is damaged, perhaps cut off when it was copied (%v): %w", err, ErrInvalid)
	}
	if len(data) > MaxDecoded {
		return nil, fmt.Errorf("share: the link unpacks to more than %s: %w", sizeText(MaxDecoded), ErrTooLarge)
	}
	return data, nil
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sizeText writes a byte count for people: "850 bytes", "12.4 KB", "3.1 MB".
func sizeText(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
	}
}
