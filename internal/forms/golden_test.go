package forms

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden compares a readable dump of two forms (cells, merges,
// validations, sheet states) with testdata/*.golden. After a deliberate
// change: go test ./internal/forms -run TestGolden -update, and read the diff.
func TestGolden(t *testing.T) {
	c := loadCatalog(t)
	for _, unit := range []string{"HND", "NHCSXH"} {
		t.Run(unit, func(t *testing.T) {
			got := dump(t, build(t, c, unit))
			golden := filepath.Join("testdata", unit+"-2026-Q1.golden")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < max(len(gl), len(wl)); i++ {
					if i >= len(gl) || i >= len(wl) || gl[i] != wl[i] {
						t.Fatalf("%s differs from line %d:\n got %q\nwant %q\n(run with -update after a deliberate change)",
							golden, i+1, at(gl, i), at(wl, i))
					}
				}
			}
		})
	}
}

func dump(t *testing.T, f *excelize.File) string {
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		visible, _ := f.GetSheetVisible(sheet)
		fmt.Fprintf(&b, "== %s (visible %v)\n", sheet, visible)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					name, _ := excelize.CoordinatesToCellName(c+1, r+1)
					fmt.Fprintf(&b, "%s: %s\n", name, strings.ReplaceAll(v, "\n", "⏎"))
				}
			}
		}
		merges, _ := f.GetMergeCells(sheet)
		for _, m := range merges {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		dvs, _ := f.GetDataValidations(sheet)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "validation %s %s %s %s\n", dv.Sqref, dv.Type, dv.Operator, dv.Formula1)
		}
	}
	return b.String()
}
