package static

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// BrotliQuality is the brotli level used by Precompress. 11 is the maximum;
// it is slow in pure Go on a 7 MB wasm, but it runs once per build and every
// visitor downloads fewer bytes.
const BrotliQuality = 11

// BrotliWindow is the log2 of brotli's sliding window. 24 (16 MiB) is the
// largest standard window (not the large-window extension), so every browser
// decodes it; against the default 22 it finds repeats across the whole wasm
// and saves about 25 KB over the wire.
const BrotliWindow = 24

// ErrNotDir is returned by Precompress when its argument is not a directory.
var ErrNotDir = errors.New("not a directory")

// minPrecompressSize skips files too small to gain from compression.
const minPrecompressSize = 1024

// Precompress writes name.gz and name.br beside every compressible file of
// dir larger than 1 KiB. The output is deterministic (no timestamps or names
// in the gzip header), so rebuilding an unchanged site gives the same bytes.
func Precompress(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("precompress: %w", err)
	}
	if !info.IsDir() {
		return fmt.Errorf("precompress %s: %w", dir, ErrNotDir)
	}
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || !compressible(path) {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("precompress: %w", err)
		}
		if len(raw) < minPrecompressSize {
			return nil
		}
		gz, err := Gzip(raw)
		if err != nil {
			return fmt.Errorf("precompress %s: %w", path, err)
		}
		br, err := Brotli(raw)
		if err != nil {
			return fmt.Errorf("precompress %s: %w", path, err)
		}
		if err := os.WriteFile(path+".gz", gz, 0o644); err != nil {
			return fmt.Errorf("precompress: %w", err)
		}
		if err := os.WriteFile(path+".br", br, 0o644); err != nil {
			return fmt.Errorf("precompress: %w", err)
		}
		return nil
	})
}

// Gzip compresses b at the best gzip level, with an empty header.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Brotli compresses b at BrotliQuality with a window of 2^BrotliWindow.
func Brotli(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	bw := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: BrotliQuality, LGWin: BrotliWindow})
	if _, err := bw.Write(b); err != nil {
		return nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
