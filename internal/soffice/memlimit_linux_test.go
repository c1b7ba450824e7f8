package soffice

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// LibreOffice converts under MemoryLimit: its address space is bounded
// whatever the file makes it build.
func TestConvertMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	seen := filepath.Join(dir, "limit")
	fake := filepath.Join(dir, "soffice")
	os.WriteFile(fake, []byte("#!/bin/sh\nulimit -v > '"+seen+"'\nexit 1\n"), 0o755)
	Convert(context.Background(), fake, []byte("x"), ".xls", XLSX)
	b, err := os.ReadFile(seen)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != strconv.FormatInt(MemoryLimit>>10, 10) {
		t.Errorf("LibreOffice ran with ulimit -v %s, want %d", got, MemoryLimit>>10)
	}
}

// bombODS is a 1 KB .ods whose one cell is repeated over the whole sheet.
func bombODS(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, body string, method uint16) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zip.Store)
	add("content.xml", `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S"><table:table-column table:number-columns-repeated="1024"/><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="1024" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`, zip.Deflate)
	add("META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`, zip.Deflate)
	zw.Close()
	return buf.Bytes()
}

// The real LibreOffice on a cell repeated a billion times stops at its
// memory limit (here 768 MB, which an ordinary conversion stays far under),
// and the file is called too complex.
func TestConvertRealMemoryLimit(t *testing.T) {
	bin := realSoffice(t)
	privateTemp(t)
	saved := MemoryLimit
	MemoryLimit = 768 << 20
	t.Cleanup(func() { MemoryLimit = saved })
	data := bombODS(t)
	start := time.Now()
	_, err := Convert(context.Background(), bin, data, ".ods", XLSX)
	t.Logf("%d-byte .ods: %v in %v", len(data), err, time.Since(start).Round(time.Millisecond))
	if err == nil || !strings.HasPrefix(err.Error(), "tệp quá lớn/phức tạp: LibreOffice đã dùng tới") {
		t.Errorf("the bomb: %v", err)
	}
}
