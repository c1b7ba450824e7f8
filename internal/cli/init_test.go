package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// init writes editable copies, never overwrites, and the copies it wrote
// are what the other commands use when run in that folder.
func TestInit(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := []string{"data/plan.yaml", "data/tasks.yaml", "data/units.yaml", "data/indicators.yaml",
		"templates/bao-cao.docx", "templates/don-doc.docx"}
	for _, f := range want {
		path := filepath.Join(dir, filepath.FromSlash(f))
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s not written: %v", f, err)
			continue
		}
		orig, _ := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(f)))
		if !bytes.Equal(got, orig) {
			t.Errorf("%s differs from the repository's copy", f)
		}
		if !strings.Contains(out, path) {
			t.Errorf("output does not list %s:\n%s", path, out)
		}
	}
	if !strings.Contains(out, "plan.yaml") || !strings.Contains(out, "người ký") {
		t.Errorf("output should say what to edit first:\n%s", out)
	}

	// An edited copy survives a second init, which says it kept it.
	plan := filepath.Join(dir, "data", "tasks.yaml")
	b, _ := os.ReadFile(plan)
	edited := strings.Replace(string(b), "Đăk Glei", "Thạch Bình", 1)
	if edited == string(b) {
		t.Fatal("tasks.yaml has no «Đăk Glei» to edit")
	}
	os.WriteFile(plan, []byte(edited), 0o644)
	code, out, _ = run(t, "init", dir)
	if code != 0 || !strings.Contains(out, "giữ nguyên") || strings.Contains(out, "Đã ghi") {
		t.Errorf("second init: exit %d\n%s", code, out)
	}
	if b, _ := os.ReadFile(plan); string(b) != edited {
		t.Error("init overwrote an edited tasks.yaml")
	}

	// Run in that folder, the edited copy is used, with no built-in note.
	t.Chdir(dir)
	code, out, errOut = run(t, "catalog", "--json")
	if code != 0 || strings.Contains(errOut, "có sẵn trong chương trình") {
		t.Fatalf("catalog in the folder: exit %d, %s", code, errOut)
	}
	if !strings.Contains(out, "Thạch Bình") {
		t.Error("catalog in the init folder does not use the edited tasks.yaml")
	}
}

func TestInitCannotWrite(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(blocked, []byte("x"), 0o644)
	code, _, errOut := run(t, "init", blocked)
	if code != 2 || !strings.Contains(errOut, blocked) {
		t.Errorf("init into a file: exit %d, %s", code, errOut)
	}
	if b, _ := os.ReadFile(blocked); string(b) != "x" {
		t.Error("the file in the way was changed")
	}
}

// init --tinh writes the province's sample data, which loads, and keeps
// an edited copy.
func TestInitProvince(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, "init", "--tinh", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, f := range []string{"data/tinh.yaml", "data/xa.csv", "data/indicators.yaml", "templates/bao-cao-tinh.docx"} {
		path := filepath.Join(dir, filepath.FromSlash(f))
		got, err := os.ReadFile(path)
		orig, _ := os.ReadFile(filepath.Join("..", "..", filepath.Dir(filepath.FromSlash(f)), "tinh", filepath.Base(f)))
		if err != nil || !bytes.Equal(got, orig) || !strings.Contains(out, path) {
			t.Errorf("%s: %v, same as %s: %v", path, err, f, bytes.Equal(got, orig))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "plan.yaml")); err == nil {
		t.Error("init --tinh wrote the commune's plan.yaml")
	}
	if !strings.Contains(out, `baocao serve --workspace "`+dir+`"`) {
		t.Errorf("init --tinh does not say how to open the province's page:\n%s", out)
	}
	code, out, _ = run(t, "init", "--tinh", dir)
	if code != 0 || !strings.Contains(out, "giữ nguyên") || strings.Contains(out, "Đã ghi") {
		t.Errorf("second init --tinh: exit %d\n%s", code, out)
	}
}
