// Package outfile writes output files whole or not at all: each file goes to
// a temporary name in its own folder and is renamed into place only when
// every file of the set has been written, so that a failure never leaves a
// half-written report beside a complete summary.
package outfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// File is one output: where it goes and what it holds.
type File struct {
	Path string
	Data []byte
}

// WriteAll writes every file, creating their folders. On any error nothing
// new is left behind and the error names the file or folder in Vietnamese.
func WriteAll(files ...File) error {
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		dir := filepath.Dir(f.Path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			cleanup()
			return fmt.Errorf("không tạo được thư mục %s: %w", dir, err)
		}
		tmp, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(f.Path)+"-*")
		if err != nil {
			cleanup()
			return fmt.Errorf("không ghi được vào thư mục %s: %w", dir, err)
		}
		temps = append(temps, tmp.Name())
		// CreateTemp makes the file private; outputs are ordinary documents.
		err = tmp.Chmod(0o644)
		if err == nil {
			_, err = tmp.Write(f.Data)
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			cleanup()
			return fmt.Errorf("không ghi được tệp %s: %w", f.Path, err)
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], f.Path); err != nil {
			cleanup()
			return fmt.Errorf("không ghi được tệp %s (tệp có đang mở trong Word hoặc Excel không?): %w", f.Path, err)
		}
	}
	return nil
}
