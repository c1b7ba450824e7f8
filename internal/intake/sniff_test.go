package intake

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"baocao/internal/cfb/cfbtest"
	"baocao/internal/officetest"
)

// xlsGlobals is the start of an .xls's workbook stream: BOF, a record,
// FILEPASS when encrypted, EOF.
func xlsGlobals(encrypted bool) []byte {
	b := cfbtest.BIFF(cfbtest.RecordBOF, make([]byte, 16), 0x00E1, []byte{0xB0, 0x04})
	if encrypted {
		b = append(b, cfbtest.BIFF(cfbtest.RecordFilePass, make([]byte, 54))...)
	}
	return append(b, cfbtest.BIFF(cfbtest.RecordEOF, []byte{})...)
}

func odsManifest(encrypted bool) string {
	entry := `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">`
	if encrypted {
		entry += `<manifest:encryption-data manifest:checksum-type="SHA1/1K"><manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data>`
	}
	return `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">` + entry + `</manifest:file-entry></manifest:manifest>`
}

// zipOfT is a zip of name, content pairs, without a test to fail.
func zipOfT(parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, _ := zw.Create(parts[i])
		w.Write([]byte(parts[i+1]))
	}
	zw.Close()
	return buf.Bytes()
}

// TestWordNamedXLS: a Word 97-2003 file named .xls (made by LibreOffice)
// is told for what it is, in one Vietnamese line, with LibreOffice at
// hand; never LibreOffice's output.
func TestWordNamedXLS(t *testing.T) {
	officetest.Binary(t)
	c := loadCatalog(t)
	src := filepath.Join(t.TempDir(), "bao-cao.txt")
	os.WriteFile(src, []byte("Báo cáo quý I năm 2026 của Phòng Kinh tế\n"), 0o644)
	doc := officetest.Convert(t, src, "doc:MS Word 97")
	xls := filepath.Join(t.TempDir(), "KT-2026-Q1.xls")
	copyFile(t, doc, xls)
	s := readUnchanged(t, xls, c, Options{Period: q1})
	if len(s.Problems) != 1 || !hasProblem(s, SeverityError, "đây là tệp Word 97-2003 (.doc), không phải sổ Excel") {
		t.Errorf("want one line saying it is a Word file; got:\n%s", problemsText(s))
	}
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "\n") || strings.Contains(p.Message, "soffice") || strings.Contains(p.Message, "exit status") {
			t.Errorf("LibreOffice's output reached the clerk: %q", p.Message)
		}
	}
}

// TestConversionCrashOneLine: when LibreOffice crashes converting an
// .xls, the clerk gets one line saying what the file seems to be and what
// to do, never the crash dump.
func TestConversionCrashOneLine(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in for LibreOffice is a shell script")
	}
	c := loadCatalog(t)
	crash := filepath.Join(t.TempDir(), "soffice")
	os.WriteFile(crash, []byte("#!/bin/sh\necho 'Fatal exception: Signal 6' >&2\necho 'Stack:\n#0 /usr/lib/libreoffice/program/libuno_sal.so.3' >&2\nexit 134\n"), 0o755)
	saved := officeBinary
	officeBinary = func() string { return crash }
	defer func() { officeBinary = saved }()
	s := readUnchanged(t, filepath.Join(corpusDir, "cu.xls"), c, Options{Period: q1})
	if len(s.Problems) != 1 || !hasProblem(s, SeverityError, "tệp ở định dạng Excel 97-2003 (.xls); không chuyển được tệp .xls sang .xlsx: LibreOffice dừng đột ngột") {
		t.Fatalf("want the one-line message:\n%s", problemsText(s))
	}
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "\n") || strings.Contains(p.Message, "Signal") || strings.Contains(p.Message, "exit status") {
			t.Errorf("LibreOffice's output reached the clerk: %q", p.Message)
		}
	}
}

func TestSniffContent(t *testing.T) {
	tests := []struct {
		data []byte
		want kind
	}{
		{[]byte("%PDF-1.7\n..."), kindPDF},
		{[]byte{0xFF, 0xD8, 0xFF, 0xE1, 0, 0}, kindPicture},
		{[]byte("\x89PNG\r\n\x1a\n\x00\x00"), kindPicture},
		{[]byte(`{\rtf1\ansi Báo cáo}`), kindRTF},
		// compound files whose directory cannot be read: the names' bytes,
		// in any case, a workbook first
		{append(append([]byte{}, ole2Signature...), utf16("WordDocument")...), kindWordDoc},
		{append(append([]byte{}, ole2Signature...), utf16("Workbook")...), kindXLS},
		{append(append([]byte{}, ole2Signature...), utf16("WORKBOOK")...), kindXLS},
		{append(append(append([]byte{}, ole2Signature...), utf16("WordDocument")...), utf16("Workbook")...), kindXLS},
		{append(append([]byte{}, ole2Signature...), utf16("PowerPoint Document")...), kindPowerPoint},
		{append(append([]byte{}, ole2Signature...), utf16("__substg1.0_0037001F")...), kindOLE},
		{append(append([]byte{}, ole2Signature...), utf16("EncryptedPackage")...), kindEncrypted},
		// compound files read by their top-level streams
		{cfbtest.Write(cfbtest.Entry{Name: "WORKBOOK", Data: xlsGlobals(false)}), kindXLS},
		{cfbtest.Write(cfbtest.Entry{Name: "workbook", Data: xlsGlobals(false)}), kindXLS},
		{cfbtest.Write(cfbtest.Entry{Name: "Book", Data: xlsGlobals(false)}), kindXLS},
		{cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: xlsGlobals(false)}, cfbtest.Entry{Name: "MBD00012345", Children: []cfbtest.Entry{{Name: "WordDocument", Data: []byte{0xEC, 0xA5}}}}), kindXLS},
		{cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: xlsGlobals(true)}), kindXLSEncrypted},
		{cfbtest.Write(cfbtest.Entry{Name: "WordDocument", Data: []byte{0xEC, 0xA5}}), kindWordDoc},
		{cfbtest.Write(cfbtest.Entry{Name: "EncryptionInfo", Data: []byte{4, 0, 4, 0}}, cfbtest.Entry{Name: "EncryptedPackage", Data: []byte{1}}), kindEncrypted},
		{zipOfT("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "META-INF/manifest.xml", odsManifest(true)), kindODSEncrypted},
		{zipOfT("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "META-INF/manifest.xml", odsManifest(false)), kindODS},
	}
	for _, tt := range tests {
		if got := sniff(tt.data); got != tt.want {
			t.Errorf("sniff(%q) = %v, want %v", tt.data[:min(12, len(tt.data))], got, tt.want)
		}
	}
}

// TestInvisibleControls: a right-to-left override and other invisible
// controls in a unit's text are removed before the report, with a warning
// at the first cell.
func TestInvisibleControls(t *testing.T) {
	c := loadCatalog(t)
	b := filled(c)
	b.sheets[0].rows[7][6] = "Đã tổ chức \u202Ehội nghị\u202C quán triệt"
	b.sheets[0].rows[8][6] = "Phát\u200b tờ rơi\u2066"
	path := tempPath(t, "KT-2026-Q1.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{Period: q1})
	if r := rowOf(t, s, "I.1"); r.Results != "Đã tổ chức hội nghị quán triệt" {
		t.Errorf("I.1 results %q", r.Results)
	}
	if r := rowOf(t, s, "I.2"); r.Results != "Phát tờ rơi" {
		t.Errorf("I.2 results %q", r.Results)
	}
	if !problemAt(s, SeverityWarning, "G8", "2 ô có ký tự điều khiển ẩn, có ký tự đảo chiều chữ (như U+202E)") {
		t.Errorf("no warning at G8:\n%s", problemsText(s))
	}
}

// TestPasswordEveryFormat: a password-protected .xlsx, .xls and .ods are
// each told «có mật khẩu» with what to do, with or without LibreOffice
// (which reads Excel's default password, not another one); never as
// damaged or as a Word file.
func TestPasswordEveryFormat(t *testing.T) {
	c := loadCatalog(t)
	failing := filepath.Join(t.TempDir(), "soffice")
	os.WriteFile(failing, []byte("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n"), 0o755)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"KT-2026-Q1.xlsx", cfbtest.Write(cfbtest.Entry{Name: "EncryptionInfo", Data: []byte{4, 0, 4, 0}}, cfbtest.Entry{Name: "EncryptedPackage", Data: []byte{1}}), "tệp có mật khẩu (được mã hóa) nên không đọc được. Đề nghị đơn vị gỡ mật khẩu"},
		{"KT-2026-Q1.xls", cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: xlsGlobals(true)}), "tệp Excel 97-2003 (.xls) có mật khẩu nên không đọc được. Đề nghị đơn vị mở tệp bằng Excel, gỡ mật khẩu"},
		{"KT-2026-Q1.ods", zipOfT("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "META-INF/manifest.xml", odsManifest(true), "content.xml", "\x01\x02"), "tệp LibreOffice (.ods) có mật khẩu nên không đọc được. Đề nghị đơn vị mở tệp bằng LibreOffice Calc"},
	}
	saved := officeBinary
	defer func() { officeBinary = saved }()
	for _, office := range []string{"", failing} {
		if office != "" && runtime.GOOS == "windows" {
			continue
		}
		officeBinary = func() string { return office }
		for _, tt := range tests {
			path := filepath.Join(t.TempDir(), tt.name)
			os.WriteFile(path, tt.data, 0o644)
			s := readUnchanged(t, path, c, Options{Period: q1})
			if len(s.Problems) != 1 || !hasProblem(s, SeverityError, tt.want) || s.Unit != "KT" {
				t.Errorf("%s (LibreOffice %q): unit %q\n%s", tt.name, office, s.Unit, problemsText(s))
			}
		}
	}
}

// TestRealXLSNamedByStreams: genuine .xls files written by LibreOffice are
// read as workbooks though «WordDocument» appears in their bytes (a
// unit's text, stored in UTF-16 as an embedded object's name would be)
// and though another program wrote the stream's name in capitals.
func TestRealXLSNamedByStreams(t *testing.T) {
	officetest.Binary(t)
	c := loadCatalog(t)
	b := filled(c)
	b.sheets[0].rows[7][6] = "Đính kèm WordDocument của đơn vị"
	src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
	b.write(t, src)
	xls, err := os.ReadFile(officetest.Convert(t, src, "xls:MS Excel 97"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(xls, utf16("WordDocument")) {
		t.Fatal("the text is not stored in UTF-16: this test no longer tests that case")
	}
	upper := bytes.ReplaceAll(xls, utf16("Workbook"), utf16("WORKBOOK"))
	for name, data := range map[string][]byte{"word-in-bytes": xls, "capitals": upper} {
		path := filepath.Join(t.TempDir(), "KT-2026-Q1.xls")
		os.WriteFile(path, data, 0o644)
		s := readUnchanged(t, path, c, Options{Period: q1})
		if s.HasErrors() || len(s.Rows) != len(c.Assignments("KT")) || hasProblem(s, SeverityError, "Word") {
			t.Errorf("%s: %d rows\n%s", name, len(s.Rows), problemsText(s))
		}
	}
}

// Real files of other programs (internal/cli's corpus, sources in its
// SOURCES.md) are told by their content: the password-protected .xls and
// .ods LibreOffice wrote, Office's encrypted .xlsx, Excel 95's BIFF5, a
// flat .fods, an .xlsm.
func TestSniffRealFiles(t *testing.T) {
	for _, tt := range []struct {
		file string
		want kind
	}{
		{"libreoffice-KT-2026-Q1-mat-khau.xls", kindXLSEncrypted},
		{"libreoffice-KT-2026-Q1-mat-khau.ods", kindODSEncrypted},
		{"excelize-encryptAES.xlsx", kindEncrypted},
		{"officecrypto-TestDocument-mat-khau.docx", kindEncrypted},
		{"parseexcel-Test95.xls", kindXLS},
		{"parseexcel-Test97.xls", kindXLS},
		{"libreoffice-KT-2026-Q1.xls", kindXLS},
		{"libreoffice-KT-2026-Q1.ods", kindODS},
		{"libreoffice-KT-2026-Q1.fods", kindFODS},
		{"libreoffice-KT-2026-Q1.xlsm", kindXLSX},
		{"tealeg-googleDocsTest.xlsx", kindXLSX},
		{"nguyenthenguyen-TestDocument.docx", kindDOCX},
	} {
		data, err := os.ReadFile(filepath.Join("..", "cli", "testdata", "real", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if got := sniff(data); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.file, got, tt.want)
		}
	}
}
