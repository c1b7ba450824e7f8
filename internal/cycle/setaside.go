package cycle

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"baocao/internal/outfile"
	"baocao/internal/period"
)

// SetAsideFolder holds, per period, the received files the office set
// aside: P/bo-qua/. They are never deleted and never read; the office can
// put them back.
const SetAsideFolder = "bo-qua"

// SetAsideDir is Root/P/bo-qua.
func (w *Workspace) SetAsideDir(p period.Period) string {
	return filepath.Join(w.PeriodDir(p), SetAsideFolder)
}

// sameFile finds in dir a received file (not hidden, not a zip) whose
// bytes equal data: its name and its time; "" when there is none.
func sameFile(dir string, data []byte) (string, time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", time.Time{}
	}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(n, ".") || strings.EqualFold(filepath.Ext(n), ".zip") {
			continue
		}
		fi, err := e.Info()
		if err != nil || fi.Size() != int64(len(data)) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err == nil && bytes.Equal(b, data) {
			return n, fi.ModTime()
		}
	}
	return "", time.Time{}
}

// SetAsideFile is a file the office set aside.
type SetAsideFile struct {
	Name    string
	Folder  period.Period // the period whose bo-qua holds it
	Path    string
	ModTime time.Time
}

// SetAsideFiles lists the files set aside in every folder that counts for p.
func (w *Workspace) SetAsideFiles(p period.Period) []SetAsideFile {
	var out []SetAsideFile
	for _, f := range w.Folders(p) {
		dir := w.SetAsideDir(f)
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			fi, err := e.Info()
			if err != nil || !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			out = append(out, SetAsideFile{Name: e.Name(), Folder: f, Path: filepath.Join(dir, e.Name()), ModTime: fi.ModTime()})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ModTime.After(out[j].ModTime) })
	return out
}

// SetAside moves the received file name of folder p's nhan-ve to its
// bo-qua, under a new name if one is taken there: the account, the report
// and the workbooks no longer read it. It returns the name it has there.
func (w *Workspace) SetAside(p period.Period, name string) (string, error) {
	w.files.Lock()
	defer w.files.Unlock()
	unlock, err := outfile.Lock(w.Root) // another program on the workspace waits
	if err != nil {
		return "", receiveErr(w.Root, err)
	}
	defer unlock()
	return moveAssigned(w.ReceivedDir(p), w.SetAsideDir(p), name, p)
}

// AlreadyReceivedError is a file set aside whose bytes are those of a file
// received (Same, at Since): it is not put back, and need not be. Nothing
// is wrong; the page says so as a notice.
type AlreadyReceivedError struct {
	Name, Same string
	Since      time.Time
}

func (e *AlreadyReceivedError) Error() string {
	return fmt.Sprintf("«%s» giống hệt tệp «%s» đã nhận lúc %s nên không cần đưa lại; tệp vẫn ở thư mục %s.", e.Name, e.Same, e.Since.Local().Format("15:04 02/01/2006"), SetAsideFolder)
}

// Restore puts a file set aside back among folder p's received files and
// returns the name it has there.
// A file whose bytes are already among the received files stays where it
// is: an *AlreadyReceivedError names the file received.
func (w *Workspace) Restore(p period.Period, name string) (string, error) {
	w.files.Lock()
	defer w.files.Unlock()
	unlock, err := outfile.Lock(w.Root)
	if err != nil {
		return "", receiveErr(w.Root, err)
	}
	defer unlock()
	if name == filepath.Base(name) && !strings.HasPrefix(name, ".") {
		if data, err := os.ReadFile(filepath.Join(w.SetAsideDir(p), name)); err == nil {
			if same, since := sameFile(w.ReceivedDir(p), data); same != "" {
				return "", &AlreadyReceivedError{Name: name, Same: same, Since: since}
			}
		}
	}
	return moveAssigned(w.SetAsideDir(p), w.ReceivedDir(p), name, p)
}

// moveAssigned is moveFile with the unit the office gave the file, which
// follows it under the name it gets (a file set aside, then put back as
// «name (2)» because another «name» came meanwhile, is still its unit's;
// and that other file does not take it). Should the record not be
// written, the file goes back where it was.
func moveAssigned(from, to, name string, p period.Period) (string, error) {
	src := readAssignments(from) // before the move, which drops its entry
	got, err := moveFile(from, to, name, p)
	if err != nil {
		return "", err
	}
	unit, ok := src[name]
	if !ok {
		return got, nil
	}
	dst := readAssignments(to)
	delete(src, name)
	dst[got] = unit
	if err := outfile.WriteAll(assignmentsFile(from, src), assignmentsFile(to, dst)); err != nil {
		// The name is still free: the caller holds the workspace's locks.
		os.Rename(filepath.Join(to, got), filepath.Join(from, name))
		return "", receiveErr(to, err)
	}
	return got, nil
}

// moveFile moves from/name into to, never over a file there: "name (2)"…
func moveFile(from, to, name string, p period.Period) (string, error) {
	if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") {
		return "", inputErr("tên tệp «%s» không hợp lệ.", name)
	}
	src := filepath.Join(from, name)
	if fi, err := os.Stat(src); err != nil || !fi.Mode().IsRegular() {
		return "", inputErr("không có tệp «%s» trong thư mục %s của %s: có thể tệp đã được chuyển đi; tải lại trang.", name, filepath.Base(from), p.Name())
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return "", receiveErr(to, err)
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= maxCopies; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s (%d)%s", stem, i, ext)
		}
		dst := filepath.Join(to, n)
		if _, err := os.Lstat(dst); err == nil {
			continue
		}
		// A hard link never replaces a file that appeared meanwhile;
		// where links are refused, a rename after the check.
		err := os.Link(src, dst)
		switch {
		case errors.Is(err, fs.ErrExist):
			continue
		case err == nil:
			if err := os.Remove(src); err != nil {
				os.Remove(dst)
				return "", receiveErr(from, err)
			}
		default:
			if err := os.Rename(src, dst); err != nil {
				return "", receiveErr(to, err)
			}
		}
		return n, nil
	}
	return "", inputErr("thư mục %s đã có quá nhiều tệp tên «%s».", to, name)
}
