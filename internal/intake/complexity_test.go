package intake

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// setPart replaces (or adds) a part of the zip at path.
func setPart(t *testing.T, path, part string, data []byte) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		w, _ := zw.CreateRaw(&f.FileHeader)
		rc, _ := f.OpenRaw()
		buf2 := new(bytes.Buffer)
		buf2.ReadFrom(rc)
		w.Write(buf2.Bytes())
	}
	w, _ := zw.Create(part)
	w.Write(data)
	zw.Close()
	zr.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// withRows adds rows to the report sheet of a filled form, before the
// end of its sheetData: each from row(i) for i in [from, to).
func addSheetRows(t *testing.T, path string, from, to int, row func(i int) string) {
	t.Helper()
	rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
		var extra strings.Builder
		for i := from; i < to; i++ {
			extra.WriteString(row(i))
		}
		return bytes.Replace(b, []byte("</sheetData>"), []byte(extra.String()+"</sheetData>"), 1)
	})
}

// TestBoundedWorkbook: a workbook that would make excelize build too much
// (shared strings, formats, cells far from the table) is refused quickly
// with «tệp quá lớn/phức tạp» and the limit; a row whose only value lies
// past column AN counts against the cap on rows.
func TestBoundedWorkbook(t *testing.T) {
	c := loadCatalog(t)
	tests := []struct {
		name string
		edit func(t *testing.T, path string)
		want string
	}{
		{"shared strings", func(t *testing.T, path string) {
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			for range maxSharedStrings + 1 {
				b.WriteString("<si><t>a</t></si>")
			}
			b.WriteString("</sst>")
			setPart(t, path, "xl/sharedStrings.xml", []byte(b.String()))
		}, "tệp quá lớn/phức tạp: sổ có hơn 100.000 chuỗi chữ dùng chung"},
		{"formats", func(t *testing.T, path string) {
			var b strings.Builder
			b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>`)
			for range maxStyles + 1 {
				b.WriteString(`<xf numFmtId="0"/>`)
			}
			b.WriteString("</cellXfs></styleSheet>")
			setPart(t, path, "xl/styles.xml", []byte(b.String()))
		}, "tệp quá lớn/phức tạp: sổ có hơn 100.000 kiểu định dạng ô"},
		{"a cell in XFD on 50,000 rows", func(t *testing.T, path string) {
			addSheetRows(t, path, 100, 50_100, func(i int) string {
				return fmt.Sprintf(`<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, i, i)
			})
		}, "tệp quá lớn/phức tạp: các trang tính có quá nhiều ô nằm rất xa bảng (như dòng 100 có ô ở cột XFD)"},
		{"20,001 rows valued past column AN only", func(t *testing.T, path string) {
			addSheetRows(t, path, 100, 100+maxRows+1, func(i int) string {
				return fmt.Sprintf(`<row r="%d"><c r="AR%d" t="inlineStr"><is><t>x</t></is></c></row>`, i, i)
			})
		}, "trang tính có hơn 20000 dòng có dữ liệu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tempPath(t, "KT-2026-Q1.xlsx")
			filled(c).write(t, path)
			tt.edit(t, path)
			fi, _ := os.Stat(path)
			start := time.Now()
			s := readUnchanged(t, path, c, Options{Period: q1})
			took := time.Since(start)
			t.Logf("%d KB read in %v", fi.Size()>>10, took)
			if !hasProblem(s, SeverityError, tt.want) {
				t.Errorf("want %q:\n%s", tt.want, problemsText(s))
			}
			if took > 10*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}

// FuzzTooComplex: no package, however broken, makes the raw scan panic.
func FuzzTooComplex(f *testing.F) {
	f.Add(zipOfT("xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="XFD1"/><x:c r="A1"/></row><row><c/></row></sheetData></worksheet>`,
		"xl/sharedStrings.xml", `<sst><si><t>a</t></si><x:si/></sst>`, "xl/styles.xml", `<styleSheet><cellXfs><xf/></cellXfs></styleSheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tooComplex(data)
	})
}
