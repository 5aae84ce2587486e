// Package sitegen holds the file work around go-app's static website
// generator: making its HTML byte-for-byte reproducible and copying the web
// directory. It uses the standard library only, so it builds (and is tested)
// for the host and for js/wasm alike.
package sitegen

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CanonicalizeFiles rewrites every .html file under dir with
// SortAttributes, so the committed index.html can be compared with a fresh
// build.
func CanonicalizeFiles(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".html") {
			return nil
		}
		doc, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sorted, err := SortAttributes(doc)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return os.WriteFile(path, sorted, 0o644)
	})
}

// CopyDir copies the regular files of src into dst, keeping the layout.
func CopyDir(dst, src string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(target, path)
	})
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
