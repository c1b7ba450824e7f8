package intake

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// FuzzRead feeds arbitrary bytes to the reader, seeded with real forms and
// the bad-input corpus. It calls readData without Read's recover, so that a
// panic fails the fuzz run instead of becoming a message.
func FuzzRead(f *testing.F) {
	c := loadCatalog(f)
	saved := officeBinary
	officeBinary = func() string { return "" } // no LibreOffice inside the fuzz loop
	f.Cleanup(func() { officeBinary = saved })
	entries, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
	for _, e := range entries {
		if b, err := os.ReadFile(e); err == nil {
			f.Add(b)
		}
	}
	dir := f.TempDir()
	q := period.MustParse("2026-Q1")
	for i, unit := range []string{"KT", "NHCSXH", "MTTQ"} {
		path := filepath.Join(dir, unit+".xlsx")
		e := map[string]entry{}
		for j, a := range c.Assignments(unit) {
			e[a.Task.Code] = entry{status: "Hoàn thành", results: "Kết quả", documents: "Kế hoạch số 1/KH-UBND ngày 02/01/2026", notes: string(rune('a' + (i+j)%26))}
		}
		formBook(c, unit, q, e).write(f, path)
		b, _ := os.ReadFile(path)
		f.Add(b)
		real := filepath.Join(dir, "real-"+unit+".xlsx")
		realForm(f, c, unit, real)
		b, _ = os.ReadFile(real)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s := &Submission{Path: "fuzz.xlsx"}
		readData(s, data, c, Options{})
		for _, r := range s.Rows {
			if r.Task == "" || c.Task(r.Task) == nil {
				t.Fatalf("matched row without a task: %+v", r)
			}
		}
		for _, p := range s.Problems {
			if p.Message == "" {
				t.Fatalf("problem without a message: %+v", p)
			}
		}
	})
}

// FuzzResolveCode checks that any written code resolves to a code of the
// plan or to nothing, and never panics.
func FuzzResolveCode(f *testing.F) {
	c := loadCatalog(f)
	for _, s := range []string{"IV.1.a", "IV.1a", "4.1.a", "IV-1-a", "a", "1", "VI", "iv1a", "1.b", "Nhiệm vụ V.8", "", "IIII.9.z", "..", "1.2.3.4"} {
		f.Add(s, "IV", "IV.1")
	}
	f.Fuzz(func(t *testing.T, written, section, parent string) {
		res := resolveCode(c, written, codeContext{section: section, parent: parent})
		if res.code != "" && c.Task(res.code) == nil && c.Section(res.code) == nil {
			t.Fatalf("%q resolved to %q, not in the plan", written, res.code)
		}
		readStatusText(written)
		findPeriod(written)
	})
}

// FuzzStatus: any status text reads without panicking; a negated
// completion is never Hoàn thành; the unit's words are kept whenever the
// status is Unknown.
func FuzzStatus(f *testing.F) {
	for _, s := range []string{"Hoàn thành", "đã xong", "hoàn thành 80%", "Không hoàn thành", "chưa hoàn thành (đạt 80%)", "cơ bản hoàn thành", "x", "đang thực hiện, dự kiến xong tháng 6", "không", "100%", "ko hoàn thành", "hoàn thành 1/2", "hoàn thành ngày 15/3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rd := readStatusText(s)
		if rd.status == forms.StatusUnknown && rd.how != statusUnclear && vntext.Fold(s) != "" {
			t.Fatalf("%q: Unknown but read as %d", s, rd.how)
		}
		if rd.status == forms.StatusDone {
			folded := " " + vntext.Fold(s) + " "
			for _, neg := range []string{" khong hoan thanh ", " chua hoan thanh ", " khong dat ", " chua dat ", " chua xong ", " khong xong ", " ko hoan thanh ", " k hoan thanh ", " ko xong ", " k xong "} {
				if strings.Contains(folded, neg) {
					t.Fatalf("%q has %q and reads as Hoàn thành", s, neg)
				}
			}
		}
	})
}

// FuzzFormDate: the date line a unit writes above the signatures, which
// tells the latest of two files: any text reads without panicking, and a
// date found is a real day of a plausible year.
func FuzzFormDate(f *testing.F) {
	for _, s := range []string{"Xốp, ngày 20 tháng 3 năm 2026", "Ngày 20/03/2026", "ngày 31 tháng 2 năm 2026", "Kế hoạch số 15/KH-UBND ngày 02/01/2026", "ngày ..... tháng ..... năm 2026", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := formDate([]string{s})
		if ok && (d.Year() < 2000 || d.Year() > 2100) {
			t.Fatalf("%q: date %v", s, d)
		}
		isStatusMark(s)
	})
}

// FuzzFigure: any text in an indicator cell reads as a finite value in the
// indicator's measure or is refused with a reason, never both.
func FuzzFigure(f *testing.F) {
	c := loadCatalog(f)
	for _, s := range []string{"12,5 tỷ", "1.250.000.000 đồng", "850 nghìn đồng", "1 tỷ 250 triệu", "85%", "1.234 khách hàng", "-5", "khoảng hai tỷ", "1.234,5"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, which int) {
		inds := c.Indicators
		ind := inds[(which%len(inds)+len(inds))%len(inds)]
		v, note, bad := readFigure(s, ind)
		switch {
		case bad != "" && (v != 0 || note != ""):
			t.Fatalf("%q: refused (%s) yet %v %q", s, bad, v, note)
		case bad == "" && (math.IsNaN(v) || math.IsInf(v, 0)):
			t.Fatalf("%q: %v", s, v)
		}
		checkFigure(v, ind)
	})
}

// FuzzReadZip: any bytes as a zip of workbooks read without panicking and
// without writing anything, each submission with a message or rows.
func FuzzReadZip(f *testing.F) {
	c := loadCatalog(f)
	saved := officeBinary
	officeBinary = func() string { return "" }
	f.Cleanup(func() { officeBinary = saved })
	if b, err := os.ReadFile(filepath.Join(corpusDir, "thu-dien-tu.zip")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, s := range readZipData("thu.zip", data, time.Time{}, c, Options{}) {
			if len(s.Problems) == 0 && len(s.Rows)+len(s.Unmatched)+len(s.Indicators) == 0 {
				t.Fatalf("%s: neither read nor mentioned", s.Path)
			}
			if !strings.HasPrefix(s.Path, "thu.zip") {
				t.Fatalf("a submission named %q, outside the zip", s.Path)
			}
		}
	})
}
