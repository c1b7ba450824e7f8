package intake

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/officetest"
)

// realForm builds the form of forms.Build for unit and fills every task
// and indicator with forms.FillRow and forms.FillIndicator, as a unit would.
func realForm(t testing.TB, c *catalog.Catalog, unit, path string) {
	t.Helper()
	f, err := forms.Build(c, unit, q1)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, a := range c.Assignments(unit) {
		err := forms.FillRow(f, a.Task.Code, map[string]string{
			forms.ColStatus:       forms.Statuses[i%len(forms.Statuses)].String(),
			forms.ColResults:      "Kết quả của " + a.Task.Code,
			forms.ColDocuments:    "Kế hoạch số 15/KH-UBND ngày 20/01/2026",
			forms.ColDifficulties: "Không",
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for i, ind := range c.IndicatorsOf(unit) {
		if err := forms.FillIndicator(f, ind.Code, float64(1000*(i+1)), fixtureFilled(ind, i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestRealForms reads the forms of forms.Build, filled, for every unit, as
// written by excelize and as re-saved by LibreOffice Calc.
func TestRealForms(t *testing.T) {
	c := loadCatalog(t)
	for _, u := range c.ReportingUnits() {
		t.Run(u.Code, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), u.Code+"-2026-Q1.xlsx")
			realForm(t, c, u.Code, path)
			s := readUnchanged(t, path, c, Options{Period: q1})
			checkRealForm(t, c, u.Code, s)
		})
	}
	t.Run("LibreOffice", func(t *testing.T) {
		src := filepath.Join(t.TempDir(), "NHCSXH.xlsx")
		realForm(t, c, "NHCSXH", src)
		saved := officetest.Convert(t, src, "xlsx:Calc MS Excel 2007 XML")
		a := readUnchanged(t, src, c, Options{Period: q1})
		b := readUnchanged(t, saved, c, Options{Period: q1})
		checkRealForm(t, c, "NHCSXH", b)
		if len(a.Rows) != len(b.Rows) || len(a.Indicators) != len(b.Indicators) {
			t.Fatalf("excelize %d rows %d indicators; LibreOffice %d, %d", len(a.Rows), len(a.Indicators), len(b.Rows), len(b.Indicators))
		}
		for i := range a.Rows {
			if a.Rows[i] != b.Rows[i] {
				t.Errorf("row %d:\nexcelize    %+v\nLibreOffice %+v", i, a.Rows[i], b.Rows[i])
			}
		}
		for i := range a.Indicators {
			if *a.Indicators[i].Current != *b.Indicators[i].Current {
				t.Errorf("indicator %d: %v vs %v", i, *a.Indicators[i].Current, *b.Indicators[i].Current)
			}
		}
	})
}

// TestInsertedRowLibreOffice: a row inserted under a task is added to it,
// in the form as written and as re-saved by LibreOffice Calc.
func TestInsertedRowLibreOffice(t *testing.T) {
	c := loadCatalog(t)
	src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
	realForm(t, c, "KT", src)
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := forms.InsertBelow(f, "I.2", map[string]string{forms.ColResults: "Bổ sung: phát 200 tờ rơi"}); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	saved := officetest.Convert(t, src, "xlsx:Calc MS Excel 2007 XML")
	for _, path := range []string{src, saved} {
		s := readUnchanged(t, path, c, Options{Period: q1})
		var got string
		for _, r := range s.Rows {
			if r.Task == "I.2" {
				got = r.Results
			}
		}
		if got != "Kết quả của I.2\nBổ sung: phát 200 tờ rơi" || len(s.Unmatched) > 0 || len(s.Rows) != len(c.Assignments("KT")) {
			t.Errorf("%s: I.2 results %q, %d rows, %d unmatched\n%s", path, got, len(s.Rows), len(s.Unmatched), problemsText(s))
		}
	}
}

func checkRealForm(t *testing.T, c *catalog.Catalog, unit string, s *Submission) {
	t.Helper()
	if s.Unit != unit || s.Period != q1 || s.Sheet != forms.ReportSheet {
		t.Errorf("unit %q period %v sheet %q", s.Unit, s.Period, s.Sheet)
	}
	if len(s.Problems) > 0 {
		t.Errorf("problems on a correctly filled form:\n%s", problemsText(s))
	}
	as := c.Assignments(unit)
	if len(s.Rows) != len(as) || len(s.Unmatched) > 0 {
		t.Fatalf("%d rows (%d unmatched), want %d", len(s.Rows), len(s.Unmatched), len(as))
	}
	for i, r := range s.Rows {
		want := forms.Statuses[i%len(forms.Statuses)]
		if r.Task != as[i].Task.Code || r.Role != as[i].Role || r.Status != want || r.Results != "Kết quả của "+r.Task || r.Match != "code" {
			t.Errorf("row %d: %+v", i, r)
		}
	}
	inds := c.IndicatorsOf(unit)
	if len(s.Indicators) != len(inds) {
		t.Fatalf("indicators %+v", s.Indicators)
	}
	for i, v := range s.Indicators {
		if v.Code != inds[i].Code || v.Current == nil || *v.Current != fixtureFilled(inds[i], i) || *v.Previous != float64(1000*(i+1)) {
			t.Errorf("indicator %d: %+v", i, v)
		}
	}
}
