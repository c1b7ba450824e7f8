package officetest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rezip rewrites one part of a package with edit.
func rezip(t *testing.T, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == part {
			edited := edit(string(b))
			if edited == string(b) {
				t.Fatalf("the edit changed nothing in %s", part)
			}
			b, found = []byte(edited), true
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	if !found {
		t.Fatalf("no part %s", part)
	}
	return buf.Bytes()
}

// The checks that stand beside the validator find each mistake they are
// for, and nothing in a clean workbook.
func TestCheckWorkbook(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Ủy ban nhân dân")
	f.MergeCell("Sheet1", "A1", "B2")
	f.MergeCell("Sheet1", "D1", "E2")
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "A5"
	dv.SetDropList([]string{"Hoàn thành", "Đang thực hiện"})
	f.AddDataValidation("Sheet1", dv)
	buf, _ := f.WriteToBuffer()
	clean := buf.Bytes()
	if p := CheckWorkbook(clean); len(p) != 0 {
		t.Fatalf("a clean workbook: %v", p)
	}
	sheet := "xl/worksheets/sheet1.xml"
	tests := []struct {
		name, want string
		edit       func(string) string
	}{
		{"overlapping merges", "overlap", func(s string) string { return strings.Replace(s, `ref="D1:E2"`, `ref="B2:C3"`, 1) }},
		{"long inline list", "255", func(s string) string {
			return strings.Replace(s, "Hoàn thành,Đang thực hiện", strings.Repeat("Đang thực hiện,", 20), 1)
		}},
		{"control character", "U+0007", func(s string) string { return strings.Replace(s, "<sheetData>", "<sheetData>\a", 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := CheckWorkbook(rezip(t, clean, sheet, tt.edit))
			if len(p) == 0 || !strings.Contains(strings.Join(p, "\n"), tt.want) {
				t.Errorf("want a problem with %q, got %v", tt.want, p)
			}
		})
	}
}

// The validator itself answers: a document Word would refuse gets errors.
func TestValidateFindsErrors(t *testing.T) {
	f := excelize.NewFile()
	buf, _ := f.WriteToBuffer()
	dir := t.TempDir()
	good := filepath.Join(dir, "tot.xlsx")
	bad := filepath.Join(dir, "hong.xlsx")
	os.WriteFile(good, buf.Bytes(), 0o644)
	// sheetData must come before mergeCells in a worksheet.
	os.WriteFile(bad, rezip(t, buf.Bytes(), "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, "<sheetData></sheetData>", `<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><sheetData></sheetData>`, 1)
	}), 0o644)
	errs := Validate(t, good, bad)
	if len(errs[good]) != 0 {
		t.Errorf("a new workbook: %v", errs[good])
	}
	if len(errs[bad]) == 0 {
		t.Error("the validator found nothing wrong with elements out of schema order")
	}
}
