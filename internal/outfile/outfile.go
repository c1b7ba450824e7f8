// Package outfile writes output files whole or not at all: each file goes to
// a temporary name in its own folder, is flushed to disk, and is renamed
// into place only when every file of the set has been written, so that a
// failure never leaves a half-written file behind.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// File is one output: where it goes and what it holds.
type File struct {
	Path string
	Data []byte
}

// Error is an output that could not be written. Its message is worded for
// the user: it names the folder or file at fault, why, and what to do.
type Error struct {
	Path string // the folder or file at fault
	Err  error
	msg  string
}

func (e *Error) Error() string { return e.msg }
func (e *Error) Unwrap() error { return e.Err }

// WriteAll writes every file, creating their folders. On any error nothing
// new is left behind and the error is an *Error.
func WriteAll(files ...File) error {
	var temps []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	fail := func(path string, err error, format string, args ...any) error {
		cleanup()
		return &Error{Path: path, Err: err, msg: fmt.Sprintf(format, args...)}
	}
	for _, f := range files {
		dir := filepath.Dir(f.Path)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			at := blocking(dir)
			return fail(at, err, "không tạo được thư mục %s: %s", dir, reason(err, at))
		}
		tmp, err := os.CreateTemp(dir, TempPrefix+filepath.Base(f.Path)+"-*")
		if err != nil {
			return fail(dir, err, "không ghi được vào thư mục %s: %s", dir, reason(err, dir))
		}
		temps = append(temps, tmp.Name())
		// CreateTemp makes the file private; outputs are ordinary documents.
		err = tmp.Chmod(0o644)
		if err == nil {
			_, err = tmp.Write(f.Data)
		}
		if err == nil {
			err = tmp.Sync() // on disk before it takes the real name
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fail(f.Path, err, "không ghi được tệp %s: %s", f.Path, reason(err, f.Path))
		}
	}
	// One step that a kill cannot split: journalled in the first file's
	// folder, finished by Recover on the next start.
	moves := make([]Move, len(files))
	for i, f := range files {
		moves[i] = Move{From: temps[i], To: f.Path}
	}
	if len(files) == 0 {
		return nil
	}
	if err := Commit(filepath.Dir(files[0].Path), moves); err != nil {
		if errors.Is(err, ErrCrashed) {
			return err // a test's kill: nothing cleaned
		}
		var me *moveError
		if errors.As(err, &me) {
			return fail(me.to, me.err, "không ghi được tệp %s: %s", me.to, renameReason(me.err))
		}
		dir := filepath.Dir(files[0].Path)
		return fail(dir, err, "không ghi được vào thư mục %s: %s", dir, reason(err, dir))
	}
	return nil
}

// blocking is the part of dir that stops MkdirAll: the first existing
// ancestor that is a file, or dir itself.
func blocking(dir string) string {
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

// reason says in Vietnamese why path could not be written; the system's
// own words, in English, come last for whoever has to help.
func reason(err error, path string) string {
	var why string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		why = "ổ đĩa đã đầy; giải phóng chỗ trống hoặc chọn thư mục khác"
	case errors.Is(err, syscall.EROFS):
		why = "ổ đĩa chỉ cho đọc (ví dụ USB bị khóa ghi); chọn thư mục khác"
	case errors.Is(err, fs.ErrPermission):
		why = "không có quyền ghi; chọn thư mục khác hoặc xin quyền ghi"
	case errors.Is(err, syscall.ENOTDIR), errors.Is(err, fs.ErrExist):
		why = fmt.Sprintf("«%s» là một tệp chứ không phải thư mục; đổi tên tệp đó hoặc chọn thư mục khác", path)
	default:
		why = "lỗi hệ thống"
	}
	return fmt.Sprintf("%s (%v).", why, err)
}

// renameReason is reason for the last step, putting a file in place, which
// fails when the old file is open in Word or Excel (on Windows) or when a
// folder has the file's name.
func renameReason(err error) string {
	switch {
	case errors.Is(err, syscall.EEXIST), errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.ENOTEMPTY):
		return fmt.Sprintf("đã có một thư mục trùng tên với tệp; đổi tên thư mục đó hoặc chọn thư mục khác (%v).", err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("tệp cũ đang mở trong Word hoặc Excel, hoặc không có quyền ghi; đóng tệp rồi chạy lại (%v).", err)
	}
	return fmt.Sprintf("tệp cũ có đang mở trong Word hoặc Excel không? Đóng tệp rồi chạy lại (%v).", err)
}
