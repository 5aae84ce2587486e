//go:build !js

package share

import (
	"bytes"
	"compress/flate"
)

// deflate compresses a scenario file for a link with Go's DEFLATE at its
// best compression. The browser build uses the browser's compressor
// instead (deflate_js.go); Decode inflates either.
func deflate(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return nil, err // only for a bad level
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
