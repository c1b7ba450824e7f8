package intake

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// TestValues: dates as serials, numbers as numbers or Vietnamese text,
// merged cells, a two-row header, a whole layout typed in TCVN3.
func TestValues(t *testing.T) {
	c := loadCatalog(t)
	path := tempPath(t, "NHCSXH-2026-Q1.xlsx")
	f := excelize.NewFile()
	sh := "Sheet1"
	rows := [][]any{
		{vntext.EncodeTCVN3("Phòng giao dịch NHCSXH Đăk Glei")},
		{vntext.EncodeTCVN3("Báo cáo quý I năm 2026")},
		{vntext.EncodeTCVN3("Mã nhiệm vụ"), vntext.EncodeTCVN3("Nội dung"), vntext.EncodeTCVN3("Kết quả thực hiện"), "", ""},
		{"", "", vntext.EncodeTCVN3("Tình trạng"), vntext.EncodeTCVN3("Văn bản đã ban hành"), vntext.EncodeTCVN3("Ghi chú")},
		{"V.1", "", vntext.EncodeTCVN3("Hoàn thành"), 46042, 1234.5},
		{"", "", "", "", ""},
		{"VI.1", "", vntext.EncodeTCVN3("Đang thực hiện"), "Kế hoạch 2/KH", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(sh, cell, &r)
	}
	f.MergeCell(sh, "A3", "A4")
	f.MergeCell(sh, "B3", "B4")
	f.MergeCell(sh, "C3", "E3")
	f.MergeCell(sh, "A5", "A6") // V.1 spans two rows, the second adds a result
	f.SetCellStr(sh, "E6", "Thêm ghi chú")
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle(sh, "D5", "D5", date)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()

	s := readUnchanged(t, path, c, Options{})
	if s.Unit != "NHCSXH" || s.Period != q1 {
		t.Fatalf("unit %q period %v\n%s", s.Unit, s.Period, problemsText(s))
	}
	if len(s.Rows) != 3 {
		t.Fatalf("rows %+v\n%s", s.Rows, problemsText(s))
	}
	r := s.Rows[0]
	if r.Task != "V.1" || r.Status != forms.StatusDone || r.Documents != "20/01/2026" || r.Notes != "1.234,5" {
		t.Errorf("row 5: %+v", r)
	}
	if r2 := s.Rows[1]; r2.Task != "V.1" || r2.Row != 6 || r2.Notes != "Thêm ghi chú" {
		t.Errorf("row 6 (merged code): %+v", r2)
	}
	if r3 := s.Rows[2]; r3.Task != "VI.1" || r3.Status != forms.StatusInProgress || r3.Documents != "Kế hoạch 2/KH" {
		t.Errorf("row 7: %+v", r3)
	}
	if !hasProblem(s, SeverityWarning, "bảng mã TCVN3 (ABC)") {
		t.Errorf("no legacy warning:\n%s", problemsText(s))
	}
	if hasProblem(s, SeverityWarning, "đã có ở dòng") {
		t.Errorf("a merged code is no duplicate:\n%s", problemsText(s))
	}
}

func TestIndicatorText(t *testing.T) {
	c := loadCatalog(t)
	b := formBook(c, "NHCSXH", q1, nil)
	ind := b.sheets[1].rows
	ind[3][3], ind[3][4] = "1.234,5", "2.000" // Vietnamese text
	ind[4][0] = ""                            // no code: matched by name
	ind[5][4] = "1234.5"                      // a number typed as text, English style
	path := tempPath(t, "nh.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{})
	if len(s.Indicators) < 3 {
		t.Fatalf("%+v\n%s", s.Indicators, problemsText(s))
	}
	if v := s.Indicators[0]; *v.Previous != 1234.5 || *v.Current != 2000 {
		t.Errorf("text numbers: %v %v", *v.Previous, *v.Current)
	}
	if v := s.Indicators[1]; v.Code != c.IndicatorsOf("NHCSXH")[1].Code {
		t.Errorf("by name: %+v", v)
	}
	if v := s.Indicators[2]; *v.Current != 1234.5 {
		t.Errorf("1234.5 as text: %v", *v.Current)
	}
}

// TestDuplicates: the same unit sends two files for a period; the newer is
// used and both say so.
func TestDuplicates(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	old, newer := filepath.Join(dir, "a-KT.xlsx"), filepath.Join(dir, "b-KT-sua.xlsx")
	filled(c).write(t, old)
	filled(c).write(t, newer)
	now := time.Now()
	os.Chtimes(old, now.Add(-2*time.Hour), now.Add(-2*time.Hour))
	os.Chtimes(newer, now.Add(-time.Hour), now.Add(-time.Hour))
	subs := ReadAll([]string{newer, old}, c, Options{Period: q1})
	if len(subs) != 2 || subs[0].Path != newer || subs[1].Path != old {
		t.Fatalf("order: %v", subs)
	}
	if subs[1].SupersededBy != newer || subs[0].SupersededBy != "" {
		t.Errorf("superseded: %q %q", subs[0].SupersededBy, subs[1].SupersededBy)
	}
	// the files' times say when they came onto this machine (received on
	// the page, or saved or copied here), not that they were edited then
	if !hasProblem(subs[1], SeverityWarning, "không dùng tệp này (có trên máy lúc") || !hasProblem(subs[0], SeverityWarning, "dùng tệp này vì mới nhất (có trên máy lúc") ||
		!hasProblem(subs[0], SeverityWarning, "theo thời gian của tệp trên máy này (lúc nhận trên trang, hoặc lúc tệp được sửa hay chép vào máy)") || hasProblem(subs[0], SeverityWarning, "sửa tệp") {
		t.Errorf("%s---\n%s", problemsText(subs[0]), problemsText(subs[1]))
	}
	// A newer file with errors (the blank form sent again) does not push
	// aside the usable one; it says which file is used instead.
	blank := filepath.Join(dir, "c-KT-trong.xlsx")
	formBook(c, "KT", q1, nil).write(t, blank)
	subs = ReadAll([]string{old, blank}, c, Options{Period: q1})
	if subs[0].SupersededBy != "" || !subs[1].HasErrors() || !hasProblem(subs[1], SeverityWarning, "vì tệp này có lỗi, báo cáo dùng tệp "+filepath.Base(old)+" ") {
		t.Errorf("blank resend: %q\n%s---\n%s", subs[0].SupersededBy, problemsText(subs[0]), problemsText(subs[1]))
	}
	os.Remove(blank)
	// A folder is expanded; the lock file gets a note.
	os.WriteFile(filepath.Join(dir, "~$a-KT.xlsx"), []byte{1}, 0o644)
	os.WriteFile(filepath.Join(dir, "ghi-chu.txt"), []byte("x"), 0o644)
	// Nothing goes unmentioned: the text file gets a note too.
	if subs := ReadAll([]string{dir}, c, Options{Period: q1}); len(subs) != 4 || !hasProblem(subs[2], SeverityWarning, "tệp không phải tệp Excel nên không được đọc") {
		t.Errorf("folder: %d submissions", len(subs))
	}
}

func TestSameFileTwice(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	filled(c).write(t, a)
	data, _ := os.ReadFile(a)
	os.WriteFile(b, data, 0o644)
	when := time.Now().Add(-time.Hour)
	os.Chtimes(a, when, when)
	os.Chtimes(b, when, when)
	subs := ReadAll([]string{a, b, a}, c, Options{})
	if len(subs) != 3 || subs[0].SupersededBy != b || !hasProblem(subs[0], SeverityWarning, "có trên máy cùng lúc") {
		t.Errorf("%+v\n%s", subs[0], problemsText(subs[0]))
	}
	if !hasProblem(subs[2], SeverityWarning, "đã có ở trên trong danh sách") || len(subs[2].Rows) != 0 {
		t.Errorf("the same path twice:\n%s", problemsText(subs[2]))
	}
}

func TestSameFileName(t *testing.T) {
	nfd := norm.NFD.String("Báo cáo Hội ND.xlsx")
	tests := []struct {
		name, path string
		want       bool
	}{
		{"Báo cáo Hội ND.xlsx", filepath.Join("nhan-ve", nfd), true},
		{"BÁO CÁO HỘI ND.XLSX", "Báo cáo Hội ND.xlsx", true},
		{filepath.Join("a", "kt.xlsx"), filepath.Join("b", "KT.xlsx"), true},
		{"Bao cao Hoi ND.xlsx", "Báo cáo Hội ND.xlsx", false},
		{"kt.xlsx", "kt.xls", false},
	}
	for _, tt := range tests {
		if got := SameFileName(tt.name, tt.path); got != tt.want {
			t.Errorf("SameFileName(%q, %q) = %v", tt.name, tt.path, got)
		}
	}
}
