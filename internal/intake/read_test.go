package intake

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

func problemsText(s *Submission) string {
	var b strings.Builder
	for _, p := range s.Problems {
		b.WriteString(p.Severity.String() + ": " + p.Error() + "\n")
	}
	return b.String()
}

func TestReadOurForm(t *testing.T) {
	c := loadCatalog(t)
	q1 := period.MustParse("2026-Q1")
	entries := map[string]entry{}
	for i, a := range c.Assignments("KT") {
		entries[a.Task.Code] = entry{status: forms.Statuses[i%4].String(), results: "Đã làm việc " + a.Task.Code, documents: "Kế hoạch số 15/KH-UBND ngày 20/01/2026"}
	}
	path := tempPath(t, "bao-cao.xlsx")
	formBook(c, "KT", q1, entries).write(t, path)
	s := readUnchanged(t, path, c, Options{Period: q1})
	if s.Unit != "KT" || s.Period != q1 {
		t.Errorf("unit %q period %v", s.Unit, s.Period)
	}
	if s.HasErrors() || len(s.Problems) > 0 {
		t.Errorf("problems:\n%s", problemsText(s))
	}
	if len(s.Rows) != len(c.Assignments("KT")) || len(s.Unmatched) != 0 {
		t.Fatalf("%d rows, %d unmatched; want %d", len(s.Rows), len(s.Unmatched), len(c.Assignments("KT")))
	}
	for i, r := range s.Rows {
		a := c.Assignments("KT")[i]
		if r.Task != a.Task.Code || r.Match != "code" || r.Confidence != 1 || r.Role != a.Role {
			t.Errorf("row %d: %+v", i, r)
		}
		if r.Status != forms.Statuses[i%4] || r.Results != "Đã làm việc "+a.Task.Code || r.Sheet != forms.ReportSheet {
			t.Errorf("row %d: %+v", i, r)
		}
	}
}

func TestReadIndicators(t *testing.T) {
	c := loadCatalog(t)
	q1 := period.MustParse("2026-Q1")
	path := tempPath(t, "nh.xlsx")
	formBook(c, "NHCSXH", q1, nil).write(t, path)
	s := readUnchanged(t, path, c, Options{})
	inds := c.IndicatorsOf("NHCSXH")
	if len(s.Indicators) != len(inds) {
		t.Fatalf("indicators %+v\n%s", s.Indicators, problemsText(s))
	}
	for i, v := range s.Indicators {
		if v.Code != inds[i].Code || v.Previous == nil || *v.Previous != float64(1000*(i+1)) || v.Current == nil || *v.Current != fixtureCurrent(inds[i], i) {
			t.Errorf("indicator %d: %+v", i, v)
		}
	}
	_ = catalog.RoleLead
}

// A malformed theme, which excelize refuses, does not stop the reading: the
// theme holds only colours and fonts, and the reader drops it.
func TestBrokenThemeIgnored(t *testing.T) {
	c := loadCatalog(t)
	path := tempPath(t, "KT-2026-Q1.xlsx")
	filled(c).write(t, path)
	rewriteZip(t, path, "xl/theme/theme1.xml", func(b []byte) []byte { return append(b[:len(b)/2:len(b)/2], "<<<"...) })
	if f, err := excelize.OpenFile(path); err == nil {
		f.Close()
		t.Fatal("excelize opens the broken theme: the test no longer tests anything")
	}
	s := readUnchanged(t, path, c, Options{Period: q1})
	if s.HasErrors() || len(s.Rows) != len(c.Assignments("KT")) {
		t.Errorf("%d rows\n%s", len(s.Rows), problemsText(s))
	}
}
