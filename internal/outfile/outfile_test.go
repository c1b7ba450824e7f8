package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "x", "a.docx"), filepath.Join(dir, "x", "b.xlsx")
	if err := WriteAll(File{a, []byte("A")}, File{b, []byte("B")}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{a: "A", b: "B"} {
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("%s = %q", path, got)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "x"))
	if len(entries) != 2 {
		t.Errorf("leftovers: %v", entries)
	}
}

func TestWriteAllNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "tep")
	os.WriteFile(blocker, []byte("not a folder"), 0o644)
	good := filepath.Join(dir, "ok", "a.docx")
	err := WriteAll(File{good, []byte("A")}, File{filepath.Join(blocker, "b.xlsx"), []byte("B")})
	var oe *Error
	if !errors.As(err, &oe) || oe.Path != blocker || !strings.Contains(err.Error(), "không tạo được thư mục "+blocker+": «"+blocker+"» là một tệp chứ không phải thư mục") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(good); !os.IsNotExist(err) {
		t.Error("the first file was written although the second failed")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "ok"))
	if len(entries) != 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// A folder where the file should go: the last step fails, the error says
// so, and no temporary file is left.
func TestWriteAllOverAFolder(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "bao-cao.docx")
	os.MkdirAll(filepath.Join(target, "x"), 0o755)
	err := WriteAll(File{target, []byte("A")})
	var oe *Error
	if !errors.As(err, &oe) || oe.Path != target || !strings.Contains(err.Error(), "đã có một thư mục trùng tên với tệp") {
		t.Fatalf("got %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
