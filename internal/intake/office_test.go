package intake

import (
	"os"
	"path/filepath"
	"testing"

	"baocao/internal/officetest"
)

// TestLibreOfficeRoundTrip: a form filled with excelize and re-saved by
// LibreOffice (as a unit using Calc would send it back) reads the same.
func TestLibreOfficeRoundTrip(t *testing.T) {
	c := loadCatalog(t)
	e := map[string]entry{}
	for i, a := range c.Assignments("NHCSXH") {
		e[a.Task.Code] = entry{status: []string{"Hoàn thành", "Đang thực hiện", "chưa", ""}[i%4], results: "Giải ngân 1.234,5 triệu đồng\nTổ chức 3 hội nghị", documents: "Kế hoạch số 15/KH-UBND ngày 20/01/2026"}
	}
	src := filepath.Join(t.TempDir(), "NHCSXH-2026-Q1.xlsx")
	formBook(c, "NHCSXH", q1, e).write(t, src)
	saved := officetest.Convert(t, src, "xlsx:Calc MS Excel 2007 XML")

	a := readUnchanged(t, src, c, Options{Period: q1})
	b := readUnchanged(t, saved, c, Options{Period: q1})
	if b.Unit != "NHCSXH" || b.Period != q1 {
		t.Errorf("after LibreOffice: unit %q period %v\n%s", b.Unit, b.Period, problemsText(b))
	}
	if len(a.Rows) == 0 || len(a.Rows) != len(b.Rows) || len(b.Unmatched) != 0 {
		t.Fatalf("rows: excelize %d, LibreOffice %d (unmatched %d)\n%s", len(a.Rows), len(b.Rows), len(b.Unmatched), problemsText(b))
	}
	for i := range a.Rows {
		if a.Rows[i] != b.Rows[i] {
			t.Errorf("row %d differs:\nexcelize    %+v\nLibreOffice %+v", i, a.Rows[i], b.Rows[i])
		}
	}
	if len(a.Indicators) != len(b.Indicators) {
		t.Fatalf("indicators: %d vs %d", len(a.Indicators), len(b.Indicators))
	}
	for i := range a.Indicators {
		x, y := a.Indicators[i], b.Indicators[i]
		if x.Code != y.Code || *x.Current != *y.Current || *x.Previous != *y.Previous {
			t.Errorf("indicator %d: %+v vs %+v", i, x, y)
		}
	}
	if len(a.Problems) != len(b.Problems) {
		t.Errorf("problems differ:\n%s---\n%s", problemsText(a), problemsText(b))
	}
}

// TestXLSConverted: with LibreOffice, an old .xls is read from a converted
// temporary copy, with a warning, and the file itself is left alone.
func TestXLSConverted(t *testing.T) {
	officetest.Binary(t)
	c := loadCatalog(t)
	dir := t.TempDir()
	xls := filepath.Join(dir, "KT-2026-Q1.xls")
	b, err := os.ReadFile(filepath.Join(corpusDir, "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(xls, b, 0o444)
	s := readUnchanged(t, xls, c, Options{Period: q1})
	if s.HasErrors() || s.Unit != "KT" || len(s.Rows) != len(c.Assignments("KT")) {
		t.Errorf("unit %q, %d rows\n%s", s.Unit, len(s.Rows), problemsText(s))
	}
	if !hasProblem(s, SeverityWarning, "đã dùng LibreOffice chuyển một bản sao tạm sang .xlsx") {
		t.Errorf("no conversion warning:\n%s", problemsText(s))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder of the .xls changed: %v", entries)
	}
}
