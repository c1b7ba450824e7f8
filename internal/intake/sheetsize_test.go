package intake

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/forms"
	"baocao/internal/officetest"
)

// TestLibreOfficeRowEdits: a filled form in which LibreOffice Calc itself
// inserted a row under a task, typed into it and deleted a row, then saved:
// Calc writes an empty row 1048576 after a deletion, which must cost
// nothing. Every task row is read, the inserted row adds to its task.
func TestLibreOfficeRowEdits(t *testing.T) {
	c := loadCatalog(t)
	src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
	realForm(t, c, "KT", src)
	edited := officetest.Edit(t, src, "KT-2026-Q1.xlsx",
		officetest.Insert(forms.ReportSheet, 12, 1), // under I.2 (row 11)
		officetest.Type(forms.ReportSheet, "G12", "Bổ sung: phát 200 tờ rơi"),
		officetest.Delete(forms.ReportSheet, 3, 1), // the empty row under the header block
	)
	if !sheetHasRow(t, edited, "xl/worksheets/sheet1.xml", 1048576) {
		t.Fatal("LibreOffice no longer writes row 1048576 after deleting a row: this test no longer tests that case")
	}
	s := readUnchanged(t, edited, c, Options{Period: q1})
	if s.HasErrors() || hasProblem(s, SeverityError, "dòng có dữ liệu") {
		t.Fatalf("errors on a form edited in LibreOffice:\n%s", problemsText(s))
	}
	if len(s.Rows) != len(c.Assignments("KT")) || len(s.Unmatched) != 0 {
		t.Fatalf("%d rows, %d unmatched; want %d\n%s", len(s.Rows), len(s.Unmatched), len(c.Assignments("KT")), problemsText(s))
	}
	for i, r := range s.Rows {
		a := c.Assignments("KT")[i]
		if r.Task != a.Task.Code || r.Status != forms.Statuses[i%len(forms.Statuses)] {
			t.Errorf("row %d: %+v", i, r)
		}
		if r.Task == "I.2" && (r.Results != "Kết quả của I.2\nBổ sung: phát 200 tờ rơi" || r.Row != 10) {
			t.Errorf("I.2 after the edits: row %d, results %q", r.Row, r.Results)
		}
	}
}

// sheetHasRow tells whether a sheet part of an .xlsx has a <row r="n">.
func sheetHasRow(t *testing.T, path, part string, n int) bool {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != part {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		return bytes.Contains(b, []byte(fmt.Sprintf(`<row r="%d"`, n)))
	}
	t.Fatalf("%s has no %s", path, part)
	return false
}

// TestSheetSize: rows without a value cost nothing, whatever their style
// and however far down; more rows holding a value than the limit are
// still refused, at the first row not read.
func TestSheetSize(t *testing.T) {
	c := loadCatalog(t)
	t.Run("style-only rows", func(t *testing.T) {
		path := tempPath(t, "KT-2026-Q1.xlsx")
		filled(c).write(t, path)
		rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
			var rows strings.Builder
			for r := 100; r <= 60000; r++ {
				fmt.Fprintf(&rows, `<row r="%d" s="1" customFormat="1" ht="15"><c r="A%d" s="1"/><c r="K%d" s="1"/></row>`, r, r, r)
			}
			rows.WriteString(`<row r="1048576" customFormat="false" ht="12.8" hidden="false"></row>`)
			return bytes.Replace(b, []byte("</sheetData>"), []byte(rows.String()+"</sheetData>"), 1)
		})
		s := readUnchanged(t, path, c, Options{Period: q1})
		if s.HasErrors() || len(s.Rows) != len(c.Assignments("KT")) {
			t.Errorf("%d rows\n%s", len(s.Rows), problemsText(s))
		}
	})
	t.Run("a value far down", func(t *testing.T) {
		path := tempPath(t, "KT-2026-Q1.xlsx")
		filled(c).write(t, path)
		rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
			row := `<row r="1048576"><c r="G1048576" t="inlineStr"><is><t>Ghi thêm ở cuối trang</t></is></c></row>`
			return bytes.Replace(b, []byte("</sheetData>"), []byte(row+"</sheetData>"), 1)
		})
		s := readUnchanged(t, path, c, Options{Period: q1})
		if hasProblem(s, SeverityError, "dòng có dữ liệu") || len(s.Rows) != len(c.Assignments("KT")) {
			t.Errorf("%d rows\n%s", len(s.Rows), problemsText(s))
		}
		// The far row is kept, with its own row number: never dropped.
		found := false
		for _, r := range append(append([]Row{}, s.Rows...), s.Unmatched...) {
			found = found || r.Row == 1048576 || strings.Contains(r.Results, "Ghi thêm ở cuối trang")
		}
		if !found {
			t.Errorf("the row at 1048576 was lost\n%s", problemsText(s))
		}
	})
	t.Run("too many rows with values", func(t *testing.T) {
		path := tempPath(t, "KT-2026-Q1.xlsx")
		b := filled(c)
		var rows [][]any
		for r := 0; r < 2*maxRows+10; r++ {
			if r%2 == 1 { // every other row holds a value
				rows = append(rows, []any{r})
			} else {
				rows = append(rows, nil)
			}
		}
		b.sheets = append(b.sheets, sheet{name: "Nháp", rows: rows})
		b.write(t, path)
		s := readUnchanged(t, path, c, Options{Period: q1})
		want := RowPos(2 * (maxRows + 1)) // the 20001st value
		var found bool
		for _, p := range s.Problems {
			if p.Severity == SeverityError && strings.Contains(p.Message, "hơn 20000 dòng có dữ liệu") {
				found = true
				if p.Pos != want || p.Sheet != "Nháp" {
					t.Errorf("place %q %v, want «Nháp» %v", p.Sheet, p.Pos, want)
				}
			}
		}
		if !found {
			t.Errorf("no error for %d rows with values\n%s", maxRows+5, problemsText(s))
		}
		if len(s.Rows) != len(c.Assignments("KT")) {
			t.Errorf("the report sheet: %d rows", len(s.Rows))
		}
	})
}
