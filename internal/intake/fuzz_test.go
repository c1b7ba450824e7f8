package intake

import (
	"os"
	"path/filepath"
	"testing"

	"baocao/internal/period"
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
