package main

import (
	"archive/zip"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// The zip holds the program and the guide; the Windows guide has CRLF and
// a byte-order mark for Notepad, the Linux one plain LF.
func TestWriteZip(t *testing.T) {
	for _, tg := range targets {
		t.Run(tg.goos, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.zip")
			if err := writeZip(path, tg, []byte("program")); err != nil {
				t.Fatal(err)
			}
			zr, err := zip.OpenReader(path)
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			files := map[string]string{}
			for _, f := range zr.File {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				files[f.Name] = string(b)
			}
			if files[tg.program] != "program" || len(files) != 2 {
				t.Fatalf("zip holds %v", len(files))
			}
			g := files["HUONG-DAN.txt"]
			if !strings.Contains(g, "Bấm đúp vào baocao.exe") || !strings.Contains(g, "PDF") {
				t.Error("the guide lacks what to do after a double-click or how to get a PDF")
			}
			crlf := strings.HasPrefix(g, "\ufeff") && strings.Count(g, "\r\n") == strings.Count(g, "\n")
			if crlf != (tg.goos == "windows") {
				t.Errorf("%s guide: BOM and CRLF = %v", tg.goos, crlf)
			}
		})
	}
}
