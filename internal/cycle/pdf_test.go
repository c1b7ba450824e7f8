package cycle

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/officetest"
	"baocao/internal/period"
)

// report --pdf: each output gets a PDF beside it, whose text is the
// report's Vietnamese, whose fonts are all embedded serif faces, and which
// pages as the document does.
func TestReportPDF(t *testing.T) {
	bin := officetest.Binary(t)
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	var mu sync.Mutex
	var stages []string
	ctx := WithProgress(context.Background(), func(s string) {
		mu.Lock()
		stages = append(stages, s)
		mu.Unlock()
	})
	res, err := src.BuildReport(ctx, ReportRequest{
		Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC),
		PDF: true, Soffice: bin,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.PDFNote != "" {
		t.Fatalf("PDF note: %s", res.PDFNote)
	}
	// The stages, as the page shows them; LibreOffice announces each
	// document as it takes it up.
	if want := []string{"Đọc tệp", "Lập tệp Word", "Lập PDF", "Lập PDF 1/3", "Lập PDF 2/3", "Lập PDF 3/3"}; !slices.Equal(stages, want) {
		t.Errorf("stages %q, want %q", stages, want)
	}
	dir := Dir(out, q1)
	// the office's own workbook is written, and is not one to print or sign
	if !contains(res.Files, filepath.Join(dir, "kiem-tra-2026-Q1.xlsx")) || contains(res.Files, filepath.Join(dir, "kiem-tra-2026-Q1.pdf")) {
		t.Errorf("files written: %v", res.Files)
	}
	for _, name := range []string{"bao-cao-2026-Q1", "tong-hop-2026-Q1", "don-doc-2026-Q1"} {
		pdf := filepath.Join(dir, name+".pdf")
		if !contains(res.Files, pdf) {
			t.Errorf("%s is not among the files written: %v", pdf, res.Files)
			continue
		}
		text := strings.Join(strings.Fields(norm.NFC.String(officetest.PDFText(t, pdf))), " ")
		for _, want := range map[string][]string{
			"bao-cao-2026-Q1":  {"BÁO CÁO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phòng Kinh tế", "quý I năm 2026"},
			"tong-hop-2026-Q1": {"Kèm theo Báo cáo số", "Tổng nguồn vốn", "Phòng Kinh tế"},
			"don-doc-2026-Q1":  {"Đoàn Thanh niên Cộng sản Hồ Chí Minh"},
		}[name] {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the text lacks %q", name, want)
			}
		}
		if n := officetest.PDFPages(t, pdf); n < 1 {
			t.Errorf("%s: %d pages", name, n)
		}
		fonts, err := exec.Command(officetest.Poppler(t, "pdffonts"), pdf).Output()
		if err != nil {
			t.Fatal(err)
		}
		checkFonts(t, name, string(fonts))
	}
	// The Word report's PDF has the pages LibreOffice gives the .docx
	// itself: the conversion added or lost nothing.
	docx := officetest.Convert(t, filepath.Join(dir, "bao-cao-2026-Q1.docx"), "pdf")
	if a, b := officetest.PDFPages(t, docx), officetest.PDFPages(t, filepath.Join(dir, "bao-cao-2026-Q1.pdf")); a != b {
		t.Errorf("the report's PDF has %d pages, the .docx converted by hand %d", b, a)
	}

	// The tester's case: a re-run without PDF leaves no PDF of the earlier
	// figures under the current name.
	res, err = src.BuildReport(context.Background(), ReportRequest{
		Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bao-cao-2026-Q1", "tong-hop-2026-Q1", "don-doc-2026-Q1"} {
		if _, err := os.Stat(filepath.Join(dir, name+".pdf")); err == nil {
			t.Errorf("%s.pdf of the first run is still there beside the new %s", name, name)
		}
		if kept, _ := filepath.Glob(filepath.Join(dir, name+" (bản cũ *).pdf")); len(kept) != 1 {
			t.Errorf("%s: PDFs kept aside %v", name, kept)
		}
	}
	if len(res.SetAside) != 3 {
		t.Errorf("set aside %q", res.SetAside)
	}
}

// checkFonts reads pdffonts' table: every font embedded, and serif faces
// metric-compatible with Times New Roman (Times New Roman itself, or
// Liberation Serif where it is missing).
func checkFonts(t *testing.T, name, table string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) < 3 {
		t.Errorf("%s: no fonts listed:\n%s", name, table)
		return
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 5 {
			continue
		}
		// name type encoding emb sub uni object ID: emb is the 4th from the end but 3
		if emb := f[len(f)-5]; emb != "yes" {
			t.Errorf("%s: font not embedded: %s", name, l)
		}
		if !strings.Contains(f[0], "LiberationSerif") && !strings.Contains(f[0], "TimesNewRoman") {
			t.Errorf("%s: font %s is not Times New Roman or Liberation Serif", name, f[0])
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Without LibreOffice the documents are written all the same and the note
// says how to get the PDF.
func TestReportWithoutLibreOffice(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("BAOCAO_SOFFICE", "")
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	res, err := src.BuildReport(context.Background(), ReportRequest{Period: q1, In: []string{samples}, OutDir: out, PDF: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.PDFNote, "LibreOffice") || !strings.Contains(res.PDFNote, "Lưu thành") {
		t.Errorf("the note should say how to get a PDF: %q", res.PDFNote)
	}
	for _, f := range res.Files {
		if strings.HasSuffix(f, ".pdf") {
			t.Errorf("a PDF was written without LibreOffice: %s", f)
		}
	}
	if _, err := os.Stat(filepath.Join(Dir(out, q1), "bao-cao-2026-Q1.docx")); err != nil {
		t.Error("the report was not written")
	}
}

// One LibreOffice process makes every PDF of a build; a document it fails
// on is named in the note with its own line, its PDF is not written, and
// the other PDFs and every document are.
func TestReportPDFOneProcess(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake soffice is a shell script")
	}
	log := filepath.Join(t.TempDir(), "log")
	bin := filepath.Join(t.TempDir(), "soffice")
	// $8 is the output folder, the inputs follow; the summary fails.
	script := `#!/bin/sh
out="$8"; shift 8
echo "$#" >> "` + log + `"
mkdir -p "$out"
for f in "$@"; do
	b=$(basename "$f"); b=${b%.*}
	case "$f" in *.xlsx) continue;; esac
	echo "%PDF-1.6" > "$out/$b.pdf"
done
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	res, err := src.BuildReport(context.Background(), ReportRequest{
		Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC),
		PDF: true, Soffice: bin,
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != "3" {
		t.Errorf("LibreOffice calls (files each): %q, want one call with 3 files", got)
	}
	want := "Chưa xuất được PDF của tong-hop-2026-Q1.xlsx: không chuyển được tệp .xlsx sang PDF: LibreOffice chạy xong nhưng không tạo ra tệp PDF. "
	if !strings.HasPrefix(res.PDFNote, want) {
		t.Errorf("note %q, want it to begin %q", res.PDFNote, want)
	}
	dir := Dir(out, q1)
	for name, want := range map[string]bool{"bao-cao-2026-Q1.pdf": true, "don-doc-2026-Q1.pdf": true, "tong-hop-2026-Q1.pdf": false, "tong-hop-2026-Q1.xlsx": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != want {
			t.Errorf("%s written: %v, want %v", name, err == nil, want)
		}
	}
}
