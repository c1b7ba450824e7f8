package cycle

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"baocao"
	"baocao/internal/forms"
	"baocao/internal/officetest"
	"baocao/internal/period"
)

// Every kind of file the program writes opens clean in Word and Excel: the
// Open XML SDK's validator finds no error in each unit's form, the report,
// the summary, the reminder and both templates, nor do our own checks of
// what it misses (overlapping merges, long inline lists, characters XML
// forbids).
func TestOutputsOpenClean(t *testing.T) {
	src := testSources(t)
	dir := t.TempDir()
	var files []string
	c := src.Catalog.Catalog
	for _, p := range []string{"2026-Q1", "2026"} {
		for _, u := range c.ReportingUnits() {
			path := forms.Path(dir, period.MustParse(p), u.Code)
			if err := forms.Write(c, u.Code, period.MustParse(p), path); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
		}
	}
	res, err := src.BuildReport(context.Background(), ReportRequest{
		Period: period.MustParse("2026-Q1"), In: []string{samples}, OutDir: dir, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, res.Files...)
	for _, name := range []string{"tong-hop-2026-Q1.xlsx", "kiem-tra-2026-Q1.xlsx", "don-doc-2026-Q1.docx", "bao-cao-2026-Q1.docx"} {
		if !slices.ContainsFunc(files, func(f string) bool { return filepath.Base(f) == name }) {
			t.Errorf("%s is not among the files checked", name)
		}
	}
	for _, name := range []string{ReportTemplate, ReminderTemplate} {
		b, err := fs.ReadFile(baocao.Templates(), name)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "mau-"+name)
		os.WriteFile(path, b, 0o644)
		files = append(files, path)
	}
	if len(files) < 24 {
		t.Fatalf("only %d files to check", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var problems []string
		if strings.HasSuffix(f, ".xlsx") {
			problems = officetest.CheckWorkbook(b)
		} else {
			problems = officetest.CheckXML(b)
		}
		for _, p := range problems {
			t.Errorf("%s: %s", filepath.Base(f), p)
		}
	}
	for f, errs := range officetest.Validate(t, files...) {
		for _, e := range errs {
			t.Errorf("%s: %s", filepath.Base(f), e)
		}
	}
}
