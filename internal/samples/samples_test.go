package samples

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/period"
)

// The committed samples are what the generator writes with today's forms:
// when the forms change, run go run ./cmd/gensamples.
func TestCommittedSamplesAreCurrent(t *testing.T) {
	c, err := catalog.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	p := period.MustParse(Period)
	fresh := t.TempDir()
	if err := Generate(c, p, fresh); err != nil {
		t.Fatal(err)
	}
	committed := filepath.Join("../../data/samples", p.String())
	want, got := names(t, fresh), names(t, committed)
	if !slices.Equal(want, got) {
		t.Fatalf("data/samples/%s holds %v, the generator writes %v: run go run ./cmd/gensamples", p, got, want)
	}
	for _, name := range want {
		if a, b := dump(t, filepath.Join(fresh, name)), dump(t, filepath.Join(committed, name)); !slices.Equal(a, b) {
			t.Errorf("%s differs from what the generator writes: run go run ./cmd/gensamples", name)
		}
	}
	if slices.Contains(want, missingUnit+"-"+p.String()+".xlsx") {
		t.Errorf("unit %s should be missing from the samples", missingUnit)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// dump lists every non-empty cell of a workbook as "sheet!cell=value".
func dump(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col, v := range row {
				if v != "" {
					name, _ := excelize.CoordinatesToCellName(col+1, r+1)
					out = append(out, sheet+"!"+name+"="+v)
				}
			}
		}
	}
	return out
}
