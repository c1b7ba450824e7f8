package intake

import (
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/forms"
	"baocao/internal/officetest"
	"baocao/internal/period"
)

// quarterSheets is KT's own workbook with one sheet per quarter, each with
// a result naming its quarter; the last is hidden.
func quarterSheets(title string) book {
	head := []any{"STT", "Nội dung", "Tình trạng", "Kết quả thực hiện"}
	sheetOf := func(name, result string, hidden bool) sheet {
		rows := [][]any{{title}, head, {"I.1", "", "Hoàn thành", result}, {"I.2", "", "Đang thực hiện", result}}
		return sheet{name: name, rows: rows, hidden: hidden}
	}
	return book{sheets: []sheet{
		sheetOf("Quý I", "Kết quả quý I", false),
		sheetOf("Quý II", "Kết quả quý II", false),
		sheetOf("Quý IV-2025", "Kết quả quý IV năm 2025", true),
	}}
}

// TestSheetPerPeriod: of a workbook with a sheet per period, the sheet of
// the period asked is read and no other; where the period is not known,
// or no sheet is of it, an error names the sheets.
func TestSheetPerPeriod(t *testing.T) {
	c := loadCatalog(t)
	for _, tt := range []struct {
		name, file string
		opt        Options
		result     string // every row's result; "" when none is read
		err        string
	}{
		{"Q1 asked", "KT.xlsx", Options{Period: q1}, "Kết quả quý I", ""},
		{"Q2 asked", "KT.xlsx", Options{Period: period.MustParse("2026-Q2")}, "Kết quả quý II", ""},
		{"Q1 by the file name", "KT-2026-Q1.xlsx", Options{}, "Kết quả quý I", ""},
		{"Q4 of 2025 asked", "KT.xlsx", Options{Period: period.MustParse("2025-Q4")}, "Kết quả quý IV năm 2025", ""},
		{"no period known", "KT.xlsx", Options{}, "", "tệp không cho biết là báo cáo kỳ nào nên không đọc trang nào"},
		{"no sheet of Q3", "KT.xlsx", Options{Period: period.MustParse("2026-Q3")}, "", "không trang nào là của quý III năm 2026"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			quarterSheets("Phòng Kinh tế").write(t, path)
			s := readUnchanged(t, path, c, tt.opt)
			if tt.err != "" {
				if len(s.Rows) != 0 || !hasProblem(s, SeverityError, tt.err) {
					t.Fatalf("%d rows\n%s", len(s.Rows), problemsText(s))
				}
				for _, name := range []string{"«Quý I» (quý I)", "«Quý II» (quý II)", "«Quý IV-2025» (trang ẩn, quý IV năm 2025)"} {
					if !hasProblem(s, SeverityError, name) {
						t.Errorf("the error does not name %s:\n%s", name, problemsText(s))
					}
				}
				return
			}
			if len(s.Rows) != 2 {
				t.Fatalf("%d rows\n%s", len(s.Rows), problemsText(s))
			}
			for _, r := range s.Rows {
				if r.Results != tt.result {
					t.Errorf("%s: %q from sheet %q, want %q", r.Task, r.Results, r.Sheet, tt.result)
				}
			}
			if n := strings.Count(problemsText(s), "nên không được đọc; chỉ đọc trang"); n != 2 {
				t.Errorf("%d sheets named as not read, want 2:\n%s", n, problemsText(s))
			}
		})
	}
}

// TestSheetPerPeriodLibreOffice: a form in which LibreOffice copied the
// report sheet as a hidden "Quý IV-2025" (a unit keeping the last quarter
// in the same workbook): only the form's own period is read.
func TestSheetPerPeriodLibreOffice(t *testing.T) {
	c := loadCatalog(t)
	src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
	realForm(t, c, "KT", src)
	edited := officetest.Edit(t, src, "KT-2026-Q1.xlsx",
		officetest.CopySheet(forms.ReportSheet, "Quý IV-2025"),
		officetest.Type("Quý IV-2025", "G10", "Kết quả cũ của quý IV"),
		officetest.Hide("Quý IV-2025"),
	)
	s := readUnchanged(t, edited, c, Options{})
	if s.HasErrors() || s.Period != q1 || len(s.Rows) != len(c.Assignments("KT")) {
		t.Fatalf("period %v, %d rows\n%s", s.Period, len(s.Rows), problemsText(s))
	}
	for _, r := range s.Rows {
		if r.Sheet != forms.ReportSheet || strings.Contains(r.Results, "quý IV") {
			t.Errorf("%s read from %q: %q", r.Task, r.Sheet, r.Results)
		}
	}
	if !hasProblem(s, SeverityWarning, "trang tính «Quý IV-2025» (trang ẩn) là của quý IV năm 2025, không phải quý I năm 2026, nên không được đọc") {
		t.Errorf("no warning naming the hidden sheet:\n%s", problemsText(s))
	}
}
