package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"baocao/internal/soffice"
)

// TestRealCorpus runs «baocao check» on each spreadsheet of
// testdata/real (written by other programs; sources and licences in
// SOURCES.md), each within a time and memory budget: the verdict is said
// in Vietnamese, no library text in English reaches the clerk, and nothing
// takes long. The .xls and .ods go through LibreOffice (a real client):
// -short skips them.
func TestRealCorpus(t *testing.T) {
	english := regexp.MustCompile(`(?i)\b(EOF|syntax error|does not exist|unexpected|invalid|zip: |xml: |panic|goroutine)\b`)
	for _, tt := range []struct {
		file  string
		code  int
		want  string
		libre bool // converted by LibreOffice
	}{
		{"excelize-Book1.xlsx", ExitProblems, "không tìm thấy bảng báo cáo", false},
		{"excelize-BadWorkbook.xlsx", ExitProblems, "sổ Excel không có trang tính nào", false},
		{"excelize-CalcChain.xlsx", ExitProblems, "không tìm thấy bảng báo cáo", false},
		{"excelize-MergeCell.xlsx", ExitProblems, "không tìm thấy bảng báo cáo", false},
		{"excelize-OverflowNumericCell.xlsx", ExitProblems, "không tìm thấy bảng báo cáo", false},
		{"excelize-SharedStrings.xlsx", ExitProblems, "không tìm thấy bảng báo cáo", false},
		{"excelize-encryptAES.xlsx", ExitProblems, "tệp có mật khẩu", false},
		{"excelize-encryptSHA1.xlsx", ExitProblems, "tệp có mật khẩu", false},
		{"mscfb-test.xls", ExitProblems, "đã dùng LibreOffice chuyển một bản sao tạm", true},
		{"libreoffice-cl-test.ods", ExitProblems, "đã dùng LibreOffice chuyển một bản sao tạm", true},
		{"libreoffice-KT-2026-Q1.xls", ExitOK, "Phòng Kinh tế (KT), quý I năm 2026 — 22 dòng khớp nhiệm vụ", true},
		{"libreoffice-KT-2026-Q1.ods", ExitOK, "Phòng Kinh tế (KT), quý I năm 2026 — 22 dòng khớp nhiệm vụ", true},
	} {
		t.Run(tt.file, func(t *testing.T) {
			budget := 5 * time.Second
			if tt.libre {
				if testing.Short() {
					t.Skip("-short: LibreOffice is a real client")
				}
				if _, err := soffice.Find(""); err != nil {
					if os.Getenv("BAOCAO_REQUIRE_LIBREOFFICE") == "1" {
						t.Fatal("LibreOffice is not installed (BAOCAO_REQUIRE_LIBREOFFICE=1 forbids skipping)")
					}
					t.Skip("LibreOffice is not installed")
				}
				budget = 60 * time.Second // a fresh LibreOffice on a busy 2-core machine
			}
			path := filepath.Join("testdata", "real", tt.file)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			code, out, errOut := run(t, "check", "--period", "2026-Q1", path)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("%s: %v, %d MB allocated", tt.file, took.Round(time.Millisecond), allocated>>20)
			if took > budget {
				t.Errorf("took %v, budget %v", took, budget)
			}
			if allocated > 256<<20 {
				t.Errorf("allocated %d MB, budget 256 MB", allocated>>20)
			}
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d (want %d), no %q:\n%s%s", code, tt.code, tt.want, out, errOut)
			}
			if m := english.FindString(out + errOut); m != "" {
				t.Errorf("library text %q reached the clerk:\n%s", m, out)
			}
		})
	}
}

// Each real spreadsheet given where a Word template goes is refused at
// once, before any file is read, in the clerk's words: exit 2, nothing
// written, no library text.
func TestRealCorpusAsTemplate(t *testing.T) {
	english := regexp.MustCompile(`(?i)\b(EOF|syntax error|does not exist|unexpected|invalid|zip: |xml: |panic|goroutine)\b`)
	files, err := filepath.Glob(filepath.Join("testdata", "real", "*.*s*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("corpus: %v %v", files, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			out := t.TempDir()
			start := time.Now()
			code, stdout, stderr := run(t, "report", "--period", "2026-Q1", "--in", t.TempDir(), "--out", out, "--template", path)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v, budget 5s", took)
			}
			if code != ExitUsage || !strings.Contains(stderr, "mẫu") {
				t.Errorf("exit %d (want %d):\n%s%s", code, ExitUsage, stdout, stderr)
			}
			if m := english.FindString(stdout + stderr); m != "" {
				t.Errorf("library text %q reached the clerk:\n%s", m, stderr)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("a refused template wrote %d entries", len(entries))
			}
		})
	}
}
