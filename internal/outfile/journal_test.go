package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// A set killed half-way through its renames is all new after Recover;
// one killed before its journal leaves all old, and no temporary file.
func TestRecoverAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	paths := []string{filepath.Join(dir, "a.docx"), filepath.Join(dir, "b.xlsx"), filepath.Join(dir, "c.pdf")}
	for _, p := range paths {
		os.WriteFile(p, []byte("cũ"), 0o644)
	}
	var files []File
	for _, p := range paths {
		files = append(files, File{Path: p, Data: []byte("mới")})
	}
	CrashAfter = 1
	err := WriteAll(files...)
	CrashAfter = -1
	if !errors.Is(err, ErrCrashed) {
		t.Fatalf("the crash: %v", err)
	}
	// What a kill leaves: one new file, two old ones, their new versions
	// under temporary names, and the journal.
	if b, _ := os.ReadFile(paths[1]); string(b) != "cũ" {
		t.Fatalf("b before recovery: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, JournalName)); err != nil {
		t.Fatal("no journal left")
	}
	done, err := Recover(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 2 {
		t.Errorf("recovered %v", done)
	}
	for _, p := range paths {
		if b, _ := os.ReadFile(p); string(b) != "mới" {
			t.Errorf("%s after recovery: %q", filepath.Base(p), b)
		}
	}
	if got := names(t, dir); len(got) != 3 {
		t.Errorf("left in the folder: %v", got)
	}

	// Killed before the journal: temporary files only, removed; the old
	// files stay.
	os.WriteFile(filepath.Join(dir, TempPrefix+"a.docx-123"), []byte("nửa"), 0o600)
	os.Mkdir(filepath.Join(dir, TempPrefix+"giai-nen"), 0o755)
	if _, err := Recover(dir); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); len(got) != 3 {
		t.Errorf("left in the folder: %v", got)
	}
}

// Moves of new files never replace one made meanwhile.
func TestCommitNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, TempPrefix+"x")
	os.WriteFile(from, []byte("mới"), 0o644)
	to := filepath.Join(dir, "KT.xlsx")
	os.WriteFile(to, []byte("của người khác"), 0o644)
	if err := Commit(dir, []Move{{From: from, To: to, New: true}}); err == nil {
		t.Error("replaced a file made meanwhile")
	}
	if b, _ := os.ReadFile(to); string(b) != "của người khác" {
		t.Errorf("the other file: %q", b)
	}
}
