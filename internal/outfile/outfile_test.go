package outfile

import (
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
	if err == nil || !strings.Contains(err.Error(), "không tạo được thư mục") {
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
