package forms

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"baocao/internal/catalog"
	"baocao/internal/period"
)

// WriteError is a form that could not be written, worded for the user: it
// names the folder or file at fault.
type WriteError struct {
	Path string // the folder or file
	Err  error
}

func (e *WriteError) Error() string {
	why := "lỗi hệ thống: " + e.Err.Error()
	switch {
	case errors.Is(e.Err, fs.ErrPermission):
		why = "không có quyền ghi"
	case errors.Is(e.Err, fs.ErrExist), errors.Is(e.Err, errNotDir):
		why = "đã có một tệp trùng tên, không phải thư mục"
	}
	return fmt.Sprintf("không ghi được biểu mẫu vào «%s»: %s", e.Path, why)
}

func (e *WriteError) Unwrap() error { return e.Err }

var errNotDir = errors.New("not a directory")

// Write builds the form of unit for p and writes it to path, creating the
// folder. The workbook is written to a temporary file in the same folder and
// renamed, so that no half-written form is ever left under path.
func Write(c *catalog.Catalog, unit string, p period.Period, path string) error {
	f, err := Build(c, unit, p)
	if err != nil {
		return err
	}
	defer f.Close()
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &WriteError{Path: firstMissingOrFile(dir), Err: notDir(err)}
	}
	tmp, err := os.CreateTemp(dir, "."+strings.TrimSuffix(filepath.Base(path), ".xlsx")+"-*.tmp")
	if err != nil {
		return &WriteError{Path: dir, Err: err}
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := f.WriteTo(tmp); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := tmp.Sync(); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := tmp.Close(); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	ok = true
	return nil
}

// notDir marks MkdirAll's failure on a path part that is a file.
func notDir(err error) error {
	if errors.Is(err, fs.ErrExist) || strings.Contains(err.Error(), "not a directory") {
		return fmt.Errorf("%w: %w", errNotDir, err)
	}
	return err
}

// firstMissingOrFile names the part of dir that stops MkdirAll: the first
// existing ancestor that is a file, or dir itself.
func firstMissingOrFile(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if fi, err := os.Stat(d); err == nil {
			if !fi.IsDir() {
				return d
			}
			return dir
		}
		if parent := filepath.Dir(d); parent == d {
			return dir
		}
	}
}
