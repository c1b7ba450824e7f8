package intake

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

// The test fixtures: workbooks written with excelize following the
// vocabulary of forms/spec.go (until forms.Build is merged, these stand in
// for real forms), and the units' own layouts.

var testCatalog *catalog.Catalog

func loadCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	if testCatalog == nil {
		c, err := catalog.Load("../../data")
		if err != nil {
			t.Fatal(err)
		}
		testCatalog = c
	}
	return testCatalog
}

// book is a workbook to write: sheets in order, each a grid of cells.
type book struct {
	sheets []sheet
	meta   *forms.Meta
	// metaWays selects where the metadata goes: "props", "sheet", "names";
	// empty means all three.
	metaWays []string
	// saved is the save time written in the document properties
	// (dcterms:modified, "2026-03-20T08:15:00Z"); "" keeps excelize's.
	saved string
}

type sheet struct {
	name   string
	rows   [][]any // cells: string, float64, int, nil
	merges [][2]string
	hidden bool
}

// entry is what a unit writes for one task.
type entry struct {
	status, results, documents, difficulties, proposals, notes string
}

// formBook builds our form for unit and period, filled with entries (by
// task code; tasks without an entry are left empty).
func formBook(c *catalog.Catalog, unit string, p period.Period, entries map[string]entry) book {
	u := c.Unit(unit)
	rows := [][]any{
		{"ỦY BAN NHÂN DÂN XÃ XỐP"},
		{"BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 1560/QĐ-TTg"},
		{"Đơn vị: " + u.Name},
		{"Kỳ báo cáo: " + p.Name()},
		{},
	}
	var head []any
	for _, col := range forms.Columns {
		head = append(head, col.Header)
	}
	rows = append(rows, head)
	lastSection, lastParent := "", ""
	for _, a := range c.Assignments(unit) {
		t := a.Task
		if t.Section != lastSection {
			rows = append(rows, []any{t.Section, c.Section(t.Section).Title})
			lastSection = t.Section
		}
		if t.Parent != "" && t.Parent != lastParent {
			rows = append(rows, []any{t.Parent, c.Task(t.Parent).Content})
			lastParent = t.Parent
		}
		e := entries[t.Code]
		rows = append(rows, []any{t.Code, t.Content, a.Role.String(), t.Product, t.Timing,
			e.status, e.results, e.documents, e.difficulties, e.proposals, e.notes})
	}
	b := book{
		sheets: []sheet{{name: forms.ReportSheet, rows: rows, merges: [][2]string{{"A2", "K2"}}}},
		meta:   &forms.Meta{Unit: unit, Period: p.String(), Fingerprint: c.Fingerprint, Version: forms.Version},
	}
	if inds := c.IndicatorsOf(unit); len(inds) > 0 {
		irows := [][]any{{"CHỈ TIÊU TÍN DỤNG CHÍNH SÁCH XÃ HỘI"}, {}}
		var ih []any
		for _, h := range forms.IndicatorColumns {
			ih = append(ih, h)
		}
		irows = append(irows, ih)
		for i, ind := range inds {
			irows = append(irows, []any{ind.Code, ind.Name, ind.Measure, float64(1000 * (i + 1)), fixtureCurrent(ind, i), ""})
		}
		b.sheets = append(b.sheets, sheet{name: forms.IndicatorsSheet, rows: irows})
	}
	b.sheets = append(b.sheets, sheet{name: forms.InstructionsSheet, rows: [][]any{{"Hướng dẫn điền biểu mẫu"}}})
	return b
}

// write saves b at path.
func (b book) write(t testing.TB, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			if err := sw.MergeCell(m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if m := b.meta; m != nil {
		ways := map[string]bool{}
		for _, w := range b.metaWays {
			ways[w] = true
		}
		all := len(ways) == 0
		kv := [][2]string{{forms.MetaUnit, m.Unit}, {forms.MetaPeriod, m.Period}, {forms.MetaFingerprint, m.Fingerprint}, {forms.MetaVersion, m.Version}}
		if all || ways["props"] {
			for _, p := range kv {
				if err := f.SetCustomProps(excelize.CustomProperty{Name: p[0], Value: p[1]}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if all || ways["sheet"] {
			f.NewSheet(forms.MetaSheet)
			for i, p := range kv {
				f.SetCellStr(forms.MetaSheet, "A"+strconv.Itoa(i+1), p[0])
				f.SetCellStr(forms.MetaSheet, "B"+strconv.Itoa(i+1), p[1])
			}
			f.SetSheetVisible(forms.MetaSheet, false, true)
		}
		if all || ways["names"] {
			for _, p := range kv {
				if err := f.SetDefinedName(&excelize.DefinedName{Name: p[0], RefersTo: `"` + p[1] + `"`}); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, s := range b.sheets {
		if s.hidden {
			f.SetSheetVisible(s.name, false)
		}
	}
	if b.saved != "" {
		if err := f.SetDocProps(&excelize.DocProperties{Modified: b.saved, Creator: "Microsoft Excel"}); err != nil {
			t.Fatal(err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// checksum returns the SHA-256 of a file, to prove it was not changed.
func checksum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// readUnchanged reads path and fails the test if the file changed.
func readUnchanged(t testing.TB, path string, c *catalog.Catalog, opt Options) *Submission {
	t.Helper()
	before := checksum(t, path)
	st0, _ := os.Stat(path)
	s := Read(path, c, opt)
	if after := checksum(t, path); after != before {
		t.Fatalf("%s changed while being read", path)
	}
	if st1, _ := os.Stat(path); !st1.ModTime().Equal(st0.ModTime()) {
		t.Fatalf("%s: modification time changed", path)
	}
	return s
}

func tempPath(t testing.TB, name string) string {
	return filepath.Join(t.TempDir(), name)
}

// fixtureCurrent is the "cuối kỳ này" value the fixtures give the i-th
// indicator of a unit: with a fraction for money, whole for counts.
func fixtureCurrent(ind *catalog.Indicator, i int) float64 {
	if measureOf(ind).count() {
		return float64(1100 * (i + 1))
	}
	return float64(1100*(i+1)) + 0.5
}

// fixtureFilled is the "cuối kỳ này" value realForm gives the i-th
// indicator.
func fixtureFilled(ind *catalog.Indicator, i int) float64 {
	if measureOf(ind).count() {
		return 1234 * float64(i+1)
	}
	return 1234.5 * float64(i+1)
}
