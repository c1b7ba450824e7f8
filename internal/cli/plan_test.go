package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/planimport"
	"baocao/internal/planimport/appendixtest"
)

var seedAppendix = appendixtest.SeedPath()

// writeSeedDocx writes the seed appendix as the Word table the office has.
func writeSeedDocx(t *testing.T) string {
	t.Helper()
	d, err := appendixtest.Seed(seedAppendix)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "Phụ lục nhiệm vụ.docx")
	if err := os.WriteFile(path, appendixtest.Docx(d), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fillForms fills in, as the units would, the forms that baocao forms wrote
// for p under outDir, and copies them into a fresh folder as received: every
// reporting unit but those in skip, a result on every task, the bank's
// figures on every indicator.
func fillForms(t *testing.T, data, outDir string, p period.Period, skip ...string) string {
	t.Helper()
	c, err := catalog.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	for _, u := range c.ReportingUnits() {
		if contains(skip, u.Code) {
			continue
		}
		f, err := excelize.OpenFile(forms.Path(outDir, p, u.Code))
		if err != nil {
			t.Fatalf("form of %s: %v", u.Code, err)
		}
		for i, a := range c.Assignments(u.Code) {
			status := forms.StatusDone
			if i%3 == 1 {
				status = forms.StatusInProgress
			}
			if err := forms.FillRow(f, a.Task.Code, map[string]string{
				forms.ColStatus:  status.String(),
				forms.ColResults: fmt.Sprintf("%s đã thực hiện nhiệm vụ %s trong %s.", u.Name, a.Task.Code, p.Name()),
			}); err != nil {
				t.Fatal(err)
			}
		}
		for i, ind := range c.IndicatorsOf(u.Code) {
			if err := forms.FillIndicator(f, ind.Code, float64(1000*(i+1)), float64(1100*(i+1))); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SaveAs(filepath.Join(in, u.Code+"-"+p.String()+".xlsx")); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return in
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestPlanImport(t *testing.T) {
	src := writeSeedDocx(t)
	dir := filepath.Join(t.TempDir(), "du lieu")
	code, out, errOut := run(t, "plan", "import", src, "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"Đã đọc phụ lục Phụ lục nhiệm vụ.docx: 6 phần, 23 nhiệm vụ, 1 tiêu đề nhóm; 10 đơn vị, 3 nhóm đơn vị.",
		filepath.Join(dir, "tasks.yaml"), filepath.Join(dir, planimport.ReviewFile),
		"KIỂM TRA DỮ LIỆU NHẬP TỪ PHỤ LỤC",
		"bảng 1, hàng 18: hàng không có STT được nối vào nhiệm vụ IV.1.c",
		`baocao --data "` + dir + `" catalog`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	review, _ := os.ReadFile(filepath.Join(dir, planimport.ReviewFile))
	if !strings.Contains(strings.ReplaceAll(string(review), "\r\n", "\n"), "nhiệm vụ V.8 để trống «Thời gian thực hiện»") {
		t.Errorf("review file:\n%s", review)
	}

	// The data work at once.
	code, out, errOut = run(t, "--data", dir, "catalog")
	if code != 0 || !strings.Contains(out, "Phụ lục nhiệm vụ: 6 phần, 23 nhiệm vụ.") {
		t.Fatalf("catalog: exit %d\n%s%s", code, out, errOut)
	}

	// Again into the same folder: nothing is overwritten.
	before := checksums(t, dir)
	code, out, errOut = run(t, "plan", "import", src, "--out", dir)
	if code != 2 || !strings.Contains(errOut, "không ghi đè, không ghi gì") {
		t.Errorf("second import: exit %d\n%s%s", code, out, errOut)
	}
	if after := checksums(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("the second import changed the folder")
	}
}

func TestPlanImportExitCodes(t *testing.T) {
	tmp := t.TempDir()
	pdf := filepath.Join(tmp, "phu-luc.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4"), 0o644)
	noTable := filepath.Join(tmp, "trong.docx")
	os.WriteFile(noTable, appendixtest.Docx(appendixtest.Doc{Before: []string{"Kế hoạch"}}), 0o644)
	broken := filepath.Join(tmp, "hong.xlsx")
	os.WriteFile(broken, []byte("PK\x03\x04 không phải"), 0o644)
	seed := writeSeedDocx(t)
	blocker := filepath.Join(tmp, "tep")
	os.WriteFile(blocker, []byte("x"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no file", []string{"plan", "import", "--out", tmp}, 2, "cần đúng một tệp phụ lục"},
		{"two files", []string{"plan", "import", seed, pdf, "--out", tmp}, 2, "cần đúng một tệp phụ lục"},
		{"no --out", []string{"plan", "import", seed}, 2, "thiếu --out"},
		{"missing file", []string{"plan", "import", filepath.Join(tmp, "khong-co.docx"), "--out", tmp}, 2, "không tìm thấy tệp"},
		{"pdf", []string{"plan", "import", pdf, "--out", tmp}, 2, "tệp PDF không nhập được"},
		{"no table", []string{"plan", "import", noTable, "--out", filepath.Join(tmp, "a")}, 1, "không thấy bảng phụ lục nhiệm vụ"},
		{"broken", []string{"plan", "import", broken, "--out", filepath.Join(tmp, "b")}, 1, "không đọc được nội dung tệp"},
		{"out is a file", []string{"plan", "import", seed, "--out", filepath.Join(blocker, "du-lieu")}, 2, "là một tệp chứ không phải thư mục"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, want %d with %q\n%s%s", code, tt.code, tt.want, out, errOut)
			}
		})
	}
	for _, d := range []string{"a", "b"} {
		if _, err := os.Stat(filepath.Join(tmp, d)); err == nil {
			t.Errorf("%s was written although nothing could be read", d)
		}
	}
}

// The whole cycle on an imported appendix: forms, the units' files, check,
// report.
func TestImportedPlanCycle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "du-lieu")
	if code, out, errOut := run(t, "plan", "import", writeSeedDocx(t), "--out", dir); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	out := t.TempDir()
	p := period.MustParse("2026-Q1")
	if code, stdout, errOut := run(t, "--data", dir, "forms", "--period", "2026-Q1", "--out", out); code != 0 {
		t.Fatalf("forms: exit %d\n%s%s", code, stdout, errOut)
	}
	in := fillForms(t, dir, out, p, "DTN")
	files, _ := filepath.Glob(filepath.Join(in, "*.xlsx"))
	code, stdout, errOut := run(t, append([]string{"--data", dir, "check", "--period", "2026-Q1"}, files...)...)
	if code != 0 || !strings.Contains(stdout, fmt.Sprintf("Tổng cộng: %d tệp; %d tệp không có lỗi", len(files), len(files))) {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, errOut)
	}
	code, stdout, errOut = run(t, "--data", dir, "report", "--period", "2026-Q1", "--in", in, "--out", out, "--date", "16/03/2026")
	if code != 0 || !strings.Contains(stdout, "Đơn vị đã gửi: 9/10. Nhiệm vụ có báo cáo: 23/23.") {
		t.Fatalf("report: exit %d\n%s%s", code, stdout, errOut)
	}
	text := docxText(t, filepath.Join(out, "2026-Q1", "bao-cao-2026-Q1.docx"))
	if !strings.Contains(text, "IV.1.c") || !strings.Contains(text, "Phòng Kinh tế đã thực hiện nhiệm vụ IV.1.a") {
		t.Errorf("report text:\n%s", text)
	}
}
