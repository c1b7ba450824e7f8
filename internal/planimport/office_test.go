package planimport

import (
	"os"
	"path/filepath"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/officetest"
)

// TestSavedByLibreOffice reads the appendices once LibreOffice has opened
// and saved them: its own XML (merges, list items, runs) and its own
// workbook give the same data files.
func TestSavedByLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversions are slow")
	}
	for _, tc := range []struct {
		name, format string
		data         []byte
	}{
		{"phu-luc.docx", "docx:MS Word 2007 XML", nil},
		{"phu-luc-2.docx", "docx:MS Word 2007 XML", secondDocx()},
		{"phu-luc-2.xlsx", "xlsx:Calc MS Excel 2007 XML", secondXlsx()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if data == nil {
				data = seedDocxBytes(t)
			}
			direct := mustImport(t, tc.name, data)
			src := filepath.Join(t.TempDir(), tc.name)
			if err := os.WriteFile(src, data, 0o644); err != nil {
				t.Fatal(err)
			}
			saved, err := Import(officetest.Convert(t, src, tc.format))
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range []string{catalog.TasksFile, catalog.UnitsFile, catalog.PlanFile} {
				if got, want := file(saved, name), file(direct, name); got != want {
					t.Errorf("%s differs once saved by LibreOffice:\n--- saved\n%s\n--- direct\n%s", name, got, want)
				}
			}
		})
	}
}
