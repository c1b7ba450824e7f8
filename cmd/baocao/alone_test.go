package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"baocao/internal/officetest"
)

// The program as a clerk gets it: the built file alone in an empty folder
// (whose name has Vietnamese letters and a space), no data/ or templates/
// beside it. forms, check, report --pdf and init all work there.
func TestProgramAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	soffice := officetest.Binary(t)
	dir := filepath.Join(t.TempDir(), "Báo cáo", "Quý I")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "baocao")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	build := exec.Command("go", "build", "-o", exe, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(args ...string) (int, string) {
		t.Helper()
		cmd := exec.Command(exe, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "BAOCAO_SOFFICE="+soffice)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, string(out)
	}

	code, out := run("forms", "--period", "2026-Q1", "--out", "ket qua")
	if code != 0 || !strings.Contains(out, "Đã tạo 10 biểu mẫu") || !strings.Contains(out, "có sẵn trong chương trình") {
		t.Fatalf("forms: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "ket qua", "2026-Q1", "mau-bieu", "KT-2026-Q1.xlsx")); err != nil {
		t.Fatal(err)
	}

	// The units' files arrive in a folder named as the office would.
	in := filepath.Join(dir, "Nhận về")
	os.MkdirAll(in, 0o755)
	samples := filepath.Join("..", "..", "data", "samples", "2026-Q1")
	entries, _ := os.ReadDir(samples)
	for _, e := range entries {
		if b, err := os.ReadFile(filepath.Join(samples, e.Name())); err == nil && strings.HasSuffix(e.Name(), ".xlsx") {
			os.WriteFile(filepath.Join(in, e.Name()), b, 0o644)
		}
	}
	if code, out = run("check", "--period", "2026-Q1", "Nhận về"); code != 0 || !strings.Contains(out, "9 tệp không có lỗi") {
		t.Fatalf("check: exit %d\n%s", code, out)
	}
	code, out = run("report", "--period", "2026-Q1", "--in", "Nhận về", "--out", "ket qua", "--pdf")
	if code != 0 {
		t.Fatalf("report: exit %d\n%s", code, out)
	}
	for _, f := range []string{"bao-cao-2026-Q1.docx", "bao-cao-2026-Q1.pdf", "tong-hop-2026-Q1.xlsx", "tong-hop-2026-Q1.pdf", "don-doc-2026-Q1.pdf"} {
		if fi, err := os.Stat(filepath.Join(dir, "ket qua", "2026-Q1", f)); err != nil || fi.Size() == 0 {
			t.Errorf("report did not write %s: %v\n%s", f, err, out)
		}
	}

	if code, out = run("init"); code != 0 || !strings.Contains(out, "plan.yaml") {
		t.Fatalf("init: exit %d\n%s", code, out)
	}
	// From now on the copies here are used, and nothing says built-in.
	if code, out = run("catalog"); code != 0 || strings.Contains(out, "có sẵn trong chương trình") {
		t.Errorf("catalog after init: exit %d\n%s", code, out)
	}
}
