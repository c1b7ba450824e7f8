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
	const (
		noTable   = "không tìm thấy bảng báo cáo"
		converted = "đã dùng LibreOffice chuyển một bản sao tạm"
	)
	listed := map[string]bool{"SOURCES.md": true}
	defer func() {
		files, _ := filepath.Glob(filepath.Join("testdata", "real", "*"))
		for _, path := range files {
			if !listed[filepath.Base(path)] {
				t.Errorf("%s: in the corpus but not checked here", filepath.Base(path))
			}
		}
	}()
	for _, tt := range []struct {
		file  string
		code  int
		want  string
		libre bool   // converted by LibreOffice
		not   string // a wrong verdict the file once got
	}{
		{"excelize-Book1.xlsx", ExitProblems, noTable, false, ""},
		{"excelize-BadWorkbook.xlsx", ExitProblems, "sổ Excel không có trang tính nào", false, ""},
		{"excelize-CalcChain.xlsx", ExitProblems, noTable, false, ""},
		{"excelize-MergeCell.xlsx", ExitProblems, noTable, false, ""},
		{"excelize-OverflowNumericCell.xlsx", ExitProblems, noTable, false, ""},
		{"excelize-SharedStrings.xlsx", ExitProblems, noTable, false, ""},
		{"excelize-encryptAES.xlsx", ExitProblems, "tệp có mật khẩu", false, ""},
		{"excelize-encryptSHA1.xlsx", ExitProblems, "tệp có mật khẩu", false, ""},
		{"tealeg-googleDocsTest.xlsx", ExitProblems, noTable, false, ""},
		{"tealeg-macNumbersTest.xlsx", ExitProblems, noTable, false, ""},
		{"tealeg-wpsBlankLineTest.xlsx", ExitProblems, noTable, false, ""},
		{"tealeg-testchartsheet.xlsx", ExitProblems, noTable, false, "bị hỏng"},
		{"tealeg-badfile_noWorkbookRels.xlsx", ExitProblems, "tệp bị hỏng: sổ có trang tính này nhưng thiếu phần dữ liệu", false, "trang biểu đồ"},
		{"tealeg-badfile_noWorksheets.xlsx", ExitProblems, "sổ Excel không có trang tính nào (tệp hỏng)", false, ""},
		{"tealeg-inlineStrings.xlsx", ExitProblems, noTable, false, ""},
		{"tealeg-max_sheet_name_length.xlsx", ExitProblems, noTable, false, ""},
		{"tealeg-testrels.xlsx", ExitProblems, noTable, false, ""},
		{"xlsxreader-test-bold.xlsx", ExitProblems, noTable, false, ""},
		{"xlsxreader-test-deleted-sheet.xlsx", ExitProblems, noTable, false, ""},
		{"xlsxreader-test-no-shared-strings.xlsx", ExitProblems, "các trang tính đều trống", false, ""},
		{"xlsxreader-test-xl-relationship-prefix.xlsx", ExitProblems, "có chữ ở sau cột AN", false, ""},
		{"openxlsx-ColorTabs3.xlsx", ExitProblems, noTable, false, ""},
		{"openxlsx-inlineStr.xlsx", ExitProblems, noTable, false, ""},
		{"openxlsx-loadPivotTables.xlsx", ExitProblems, noTable, false, ""},
		{"openxlsx-loadThreadComment.xlsx", ExitProblems, noTable, false, ""},
		{"openxlsx-namedRegions3.xlsx", ExitProblems, noTable, false, ""},
		{"openxlsx-read_failure_test.xlsx", ExitProblems, noTable, false, ""},
		{"readxl-clippy.xlsx", ExitProblems, noTable, false, ""},
		{"readxl-type-me.xlsx", ExitProblems, noTable, false, ""},
		{"libreoffice-KT-2026-Q1.xlsm", ExitOK, "Phòng Kinh tế (KT), quý I năm 2026 — 22 dòng khớp nhiệm vụ", false, ""},
		{"libreoffice-KT-2026-Q1-mat-khau.ods", ExitProblems, "tệp LibreOffice (.ods) có mật khẩu", false, ""},
		{"nguyenthenguyen-TestDocument.docx", ExitProblems, "đơn vị gửi tệp Word (.docx), không phải biểu mẫu Excel", false, ""},
		{"go-docx-simple.docx", ExitProblems, "đơn vị gửi tệp Word (.docx), không phải biểu mẫu Excel", false, ""},
		{"libreoffice-TestDocument.docm", ExitProblems, "đơn vị gửi tệp Word (.docm), không phải biểu mẫu Excel", false, ""},
		{"officecrypto-TestDocument-mat-khau.docx", ExitProblems, "đơn vị gửi tệp Word (.docx), không phải biểu mẫu Excel", false, ""},
		{"mscfb-test.xls", ExitProblems, converted, true, ""},
		{"libreoffice-cl-test.ods", ExitProblems, converted, true, ""},
		{"libreoffice-KT-2026-Q1.xls", ExitOK, "Phòng Kinh tế (KT), quý I năm 2026 — 22 dòng khớp nhiệm vụ", true, ""},
		{"libreoffice-KT-2026-Q1.ods", ExitOK, "Phòng Kinh tế (KT), quý I năm 2026 — 22 dòng khớp nhiệm vụ", true, ""},
		{"libreoffice-KT-2026-Q1.fods", ExitOK, "Phòng Kinh tế (KT), quý I năm 2026 — 22 dòng khớp nhiệm vụ", true, ""},
		{"libreoffice-KT-2026-Q1-mat-khau.xls", ExitProblems, "tệp Excel 97-2003 (.xls) có mật khẩu", true, ""},
		{"readxl-clippy.xls", ExitProblems, converted, true, ""},
		{"readxl-type-me.xls", ExitProblems, converted, true, ""},
		{"readxl-geometry.xls", ExitProblems, converted, true, ""},
		{"extrame-Table.xls", ExitProblems, converted, true, ""},
		{"xlrd-namesdemo.xls", ExitProblems, converted, true, ""},
		{"parseexcel-Test95.xls", ExitProblems, converted, true, ""},
		{"parseexcel-Test95J.xls", ExitProblems, converted, true, ""},
		{"parseexcel-AuthorK95.xls", ExitProblems, converted, true, ""},
		{"parseexcel-Test97.xls", ExitProblems, converted, true, ""},
		{"parseexcel-Test97J.xls", ExitProblems, converted, true, ""},
		{"parseexcel-Rich.xls", ExitProblems, converted, true, ""},
	} {
		listed[tt.file] = true
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
			// The verdict is located: it comes under the file's name.
			if !strings.Contains(out, tt.file+": ") {
				t.Errorf("no verdict under the file's name:\n%s", out)
			}
			if tt.not != "" && strings.Contains(out, tt.not) {
				t.Errorf("wrong verdict %q:\n%s", tt.not, out)
			}
			if m := english.FindString(out + errOut); m != "" {
				t.Errorf("library text %q reached the clerk:\n%s", m, out)
			}
		})
	}
}

// Each real file given where the report's Word template goes: every
// spreadsheet, and the Word files that are no usable template, is refused
// at once, before any file is read, named for what it is: exit 2, nothing
// written, no library text. A plain Word document of another program is a
// template (with no fields).
func TestRealCorpusAsTemplate(t *testing.T) {
	english := regexp.MustCompile(`(?i)\b(EOF|syntax error|does not exist|unexpected|invalid|zip: |xml: |panic|goroutine)\b`)
	files, err := filepath.Glob(filepath.Join("testdata", "real", "*.*"))
	if err != nil || len(files) < 40 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		var want string
		switch ext := filepath.Ext(name); {
		case name == "SOURCES.md":
			continue
		case name == "nguyenthenguyen-TestDocument.docx":
			want = "mẫu không có trường nào" // a plain document would come out as itself
		case strings.Contains(name, "mat-khau") && ext == ".docx":
			want = "có mật khẩu nên không đọc được: mở tệp bằng Word"
		case name == "go-docx-simple.docx":
			want = "chỗ như vậy" // thousands of «{1}», said once per place
		case ext == ".docm":
			want = "tệp có macro"
		case ext == ".xls":
			want = "là sổ Excel 97-2003 (.xls), không phải văn bản Word"
		case strings.HasPrefix(name, "excelize-encrypt"):
			want = "là sổ Excel (có mật khẩu), không phải văn bản Word"
		case ext == ".xlsx" || ext == ".xlsm":
			want = "đây là bảng tính Excel, không phải văn bản Word"
		case ext == ".ods" || ext == ".fods":
			want = "đây là bảng tính LibreOffice Calc (.ods), không phải văn bản Word"
		default:
			t.Errorf("%s: no expected verdict", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			start := time.Now()
			code, stdout, stderr := run(t, "report", "--period", "2026-Q1", "--in", t.TempDir(), "--out", out, "--template", path)
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("took %v, budget 5s", took)
			}
			if m := english.FindString(stdout + stderr); m != "" {
				t.Errorf("library text %q reached the clerk:\n%s", m, stderr)
			}
			if code != ExitUsage || !strings.Contains(stderr, "mẫu "+path) || !strings.Contains(stderr, want) {
				t.Errorf("exit %d (want %d), no %q:\n%s%s", code, ExitUsage, want, stdout, stderr)
			}
			if n := strings.Count(stderr, "\n"); n > 40 {
				t.Errorf("%d lines of mistakes", n)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("a refused template wrote %d entries", len(entries))
			}
		})
	}
}

// Every file of the corpus is in SOURCES.md, with its licence.
func TestRealCorpusSources(t *testing.T) {
	sources, err := os.ReadFile(filepath.Join("testdata", "real", "SOURCES.md"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "real", "*.*"))
	for _, path := range files {
		name := filepath.Base(path)
		if name == "SOURCES.md" {
			continue
		}
		// Its line in the table and its SHA-256.
		if strings.Count(string(sources), name) < 2 {
			t.Errorf("%s: not in SOURCES.md (table and SHA-256)", name)
		}
	}
}
