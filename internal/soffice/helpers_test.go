package soffice

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"baocao/internal/cfb"
	"baocao/internal/cfb/cfbtest"
)

func TestFileURL(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/tmp/baocao-soffice-1/ho-so", "file:///tmp/baocao-soffice-1/ho-so"},
		{"/tmp/thư mục/ho-so", "file:///tmp/th%C6%B0%20m%E1%BB%A5c/ho-so"},
		{"C:/Users/Nguyễn Văn A/AppData/Local/Temp/x/ho-so", "file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n%20A/AppData/Local/Temp/x/ho-so"},
		{"//may-chu/chung/tam", "file://may-chu/chung/tam"},
		{"/tmp/a#b%c", "file:///tmp/a%23b%25c"},
	}
	for _, tt := range tests {
		if got := fileURL(tt.path); got != tt.want {
			t.Errorf("fileURL(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestSeconds(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{2 * time.Minute, "120"},
		{10*time.Second + 400*time.Millisecond, "10"},
		{3 * time.Second, "3"},
		{300 * time.Millisecond, "0,3"},
		{2500 * time.Millisecond, "2,5"},
	}
	for _, tt := range tests {
		if got := seconds(tt.d); got != tt.want {
			t.Errorf("seconds(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ format, ext, name string }{
		{PDF, "pdf", "PDF"},
		{XLSX, "xlsx", ".xlsx"},
		{"xls:MS Excel 97", "xls", ".xls"},
		{"pdf:calc_pdf_Export", "pdf", "PDF"},
	}
	for _, tt := range tests {
		ext, err := formatExt(tt.format)
		if err != nil || ext != tt.ext || targetName(tt.format) != tt.name {
			t.Errorf("%q: ext %q (%v), name %q; want %q, %q", tt.format, ext, err, targetName(tt.format), tt.ext, tt.name)
		}
	}
	for _, bad := range []string{"", ":Calc MS Excel 2007 XML", "../pdf"} {
		if _, err := formatExt(bad); err == nil {
			t.Errorf("formatExt(%q) is no error", bad)
		}
	}
	for in, want := range map[string]string{".DOCX": ".docx", "xlsx": ".xlsx", ".ods": ".ods"} {
		if got, err := cleanExt(in); err != nil || got != want {
			t.Errorf("cleanExt(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", ".", "../x", ".a/b", `.a\b`, ".tar.gz"} {
		if _, err := cleanExt(bad); err == nil {
			t.Errorf("cleanExt(%q) is no error", bad)
		}
	}
}

// zipOf returns a zip holding the named parts, each with content.
func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ole2 returns a compound file with these top-level streams.
func ole2(streams ...string) []byte {
	var es []cfbtest.Entry
	for _, s := range streams {
		es = append(es, cfbtest.Entry{Name: s, Data: []byte{1}})
	}
	return cfbtest.Write(es...)
}

func TestContentNote(t *testing.T) {
	docx, err := os.ReadFile(filepath.Join("..", "..", "templates", "bao-cao.docx"))
	if err != nil {
		t.Fatal(err)
	}
	xlsx := zipOf(t, map[string]string{"[Content_Types].xml": "", "xl/workbook.xml": "", "xl/worksheets/sheet1.xml": ""})
	ods := zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
	odt := zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"})
	tests := []struct {
		name string
		data []byte
		ext  string
		want string
	}{
		{"docx as xls", docx, ".xls", "tệp mang đuôi .xls nhưng thực ra là tài liệu Word (.docx)"},
		{"docx as docx", docx, ".docx", ""},
		{"doc as xls", ole2("WordDocument"), ".xls", "tệp mang đuôi .xls nhưng thực ra là tài liệu Word 97-2003 (.doc)"},
		{"xls as xls", ole2("Workbook"), ".xls", ""},
		{"xls as xlsx", ole2("Workbook"), ".xlsx", "tệp mang đuôi .xlsx nhưng thực ra là sổ Excel 97-2003 (.xls)"},
		{"xls in capitals as xls", ole2("WORKBOOK"), ".xls", ""},
		{"xls embedding a Word object", cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: []byte{1}}, cfbtest.Entry{Name: "MBD0001", Children: []cfbtest.Entry{{Name: "WordDocument", Data: []byte{1}}}}), ".xls", ""},
		{"encrypted", ole2("EncryptionInfo", "EncryptedPackage"), ".xlsx", "tệp là tệp Office có mật khẩu (được mã hóa): cần gỡ mật khẩu rồi lưu lại"},
		{"encrypted xls", cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: cfbtest.BIFF(cfbtest.RecordBOF, make([]byte, 16), cfbtest.RecordFilePass, make([]byte, 54))}), ".xls", "tệp là sổ Excel 97-2003 (.xls) có mật khẩu: cần gỡ mật khẩu rồi lưu lại"},
		{"encrypted ods", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "META-INF/manifest.xml": "<manifest:encryption-data/>"}), ".ods", "tệp là bảng tính OpenDocument (.ods) có mật khẩu: cần gỡ mật khẩu rồi lưu lại"},
		{"damaged ole2", append(append([]byte{}, cfb.Signature...), make([]byte, 600)...), ".xls", "tệp là tệp Office cũ bị hỏng hoặc chưa tải về hết"},
		{"pdf as docx", []byte("%PDF-1.6\n%âãÏÓ\n"), ".docx", "tệp mang đuôi .docx nhưng thực ra là tệp PDF"},
		{"xlsx as xlsx", xlsx, ".xlsx", ""},
		{"xlsx as docx", xlsx, ".docx", "tệp mang đuôi .docx nhưng thực ra là sổ Excel (.xlsx)"},
		{"ods as ods", ods, ".ods", ""},
		{"odt as ods", odt, ".ods", "tệp mang đuôi .ods nhưng thực ra là văn bản OpenDocument (.odt)"},
		{"zip", zipOf(t, map[string]string{"a.txt": "x"}), ".xlsx", "tệp mang đuôi .xlsx nhưng thực ra là tệp nén zip"},
		{"broken zip", []byte("PK\x03\x04 cut short"), ".xlsx", "tệp là tệp nén bị hỏng hoặc chưa tải về hết"},
		{"photo", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), ".xlsx", "tệp mang đuôi .xlsx nhưng thực ra là ảnh JPEG"},
		{"empty", nil, ".docx", "tệp là tệp rỗng (0 byte)"},
		{"text", []byte("Mã,Nội dung\n1,Họp\n"), ".xlsx", ""},
		{"unknown ole2", ole2("Something"), ".xls", ""},
	}
	for _, tt := range tests {
		if got := contentNote(tt.data, tt.ext); got != tt.want {
			t.Errorf("%s: contentNote = %q, want %q", tt.name, got, tt.want)
		}
	}
}
