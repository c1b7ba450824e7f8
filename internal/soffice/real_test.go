package soffice

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// These tests run the real LibreOffice and poppler-utils. Where either is
// missing they are skipped with the reason, unless
// BAOCAO_REQUIRE_LIBREOFFICE=1 (set by CI), under which they fail.
// (internal/officetest does the same for other packages; it imports this
// one, so it cannot be used here.)

func missing(t *testing.T, reason string) {
	t.Helper()
	if os.Getenv("BAOCAO_REQUIRE_LIBREOFFICE") == "1" {
		t.Fatal(reason + " (BAOCAO_REQUIRE_LIBREOFFICE=1 forbids skipping)")
	}
	t.Skip(reason)
}

// realSoffice returns the installed LibreOffice.
func realSoffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: LibreOffice is a real client, its tests are skipped")
	}
	bin, err := Find("")
	if err != nil {
		missing(t, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui ("+err.Error()+")")
	}
	return bin
}

// poppler runs a poppler-utils program with args, where "{}" stands for a
// file holding pdf.
func poppler(t *testing.T, name string, pdf []byte, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not installed: apt-get install poppler-utils")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args = slices.Clone(args)
	for i := range args {
		if args[i] == "{}" {
			args[i] = p
		}
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("%s %q: %v", name, args, err)
	}
	return string(out)
}

// checkPDF checks that pdf holds every one of texts, embeds every font and
// uses a serif one, has pages and is PDF 1.4 or later: what an official
// document needs.
func checkPDF(t *testing.T, pdf []byte, texts ...string) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 20)])
	}
	text := strings.Join(strings.Fields(norm.NFC.String(poppler(t, "pdftotext", pdf, "-enc", "UTF-8", "{}", "-"))), " ")
	text = strings.TrimSuffix(text, "-")
	for _, want := range texts {
		if !strings.Contains(text, norm.NFC.String(want)) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}

	fonts := strings.Split(strings.TrimSpace(poppler(t, "pdffonts", pdf, "{}")), "\n")
	if len(fonts) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", strings.Join(fonts, "\n"))
	}
	serif := false
	for _, line := range fonts[2:] {
		f := strings.Fields(line)
		// name type... encoding emb sub uni object generation
		if len(f) < 7 {
			t.Fatalf("pdffonts line %q", line)
		}
		if f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
		if name := strings.ReplaceAll(f[0], " ", ""); strings.Contains(name, "LiberationSerif") || strings.Contains(name, "TimesNewRoman") {
			serif = true
		}
	}
	if !serif {
		t.Errorf("no Liberation Serif or Times New Roman among the fonts:\n%s", strings.Join(fonts, "\n"))
	}

	var pages int
	var major, minor int
	for _, line := range strings.Split(poppler(t, "pdfinfo", pdf, "{}"), "\n") {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			fmt.Sscan(strings.TrimSpace(rest), &pages)
		}
		if rest, ok := strings.CutPrefix(line, "PDF version:"); ok {
			fmt.Sscanf(strings.TrimSpace(rest), "%d.%d", &major, &minor)
		}
	}
	if pages < 1 {
		t.Errorf("%d pages", pages)
	}
	if major < 1 || major == 1 && minor < 4 {
		t.Errorf("PDF version %d.%d, want 1.4 or later", major, minor)
	}
	t.Logf("%d pages, PDF %d.%d, fonts:\n%s", pages, major, minor, strings.Join(fonts[2:], "\n"))
}

// template is the Word template of the report: Vietnamese text in Times New
// Roman, as the report itself.
func template(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "templates", "bao-cao.docx"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const xaXop = "Ủy ban nhân dân xã Xốp"

// workbook is a small .xlsx with Vietnamese text in Times New Roman, as the
// summary.
func workbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 13, Bold: true}})
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{xaXop},
		{"Tổng hợp kết quả thực hiện nhiệm vụ quý I năm 2026"},
		{"Đơn vị", "Số nhiệm vụ", "Hoàn thành"},
		{"Văn phòng HĐND và UBND", 12, 9},
		{"Phòng Kinh tế", 8, 5},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellStyle("Sheet1", "A1", "C5", style); err != nil {
		t.Fatal(err)
	}
	f.SetColWidth("Sheet1", "A", "A", 40)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestToPDFReal(t *testing.T) {
	bin := realSoffice(t)
	tests := []struct {
		name  string
		data  []byte
		ext   string
		texts []string
	}{
		{"report template", template(t), ".docx", []string{
			"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
			"báo cáo kết quả thực hiện {ky} (số liệu từ ngày", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
		}},
		{"summary workbook", workbook(t), ".xlsx", []string{
			xaXop, "Tổng hợp kết quả thực hiện nhiệm vụ quý I năm 2026", "Văn phòng HĐND và UBND",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := ToPDF(context.Background(), bin, tt.data, tt.ext)
			if err != nil {
				t.Fatalf("%v\n%v", err, errors.Unwrap(err))
			}
			checkPDF(t, pdf, tt.texts...)
		})
	}
}

// TestConvertRealXLSX: a workbook saved as .ods by LibreOffice comes back as
// an .xlsx that excelize reads, as intake does with old formats.
func TestConvertRealXLSX(t *testing.T) {
	bin := realSoffice(t)
	ods, err := Convert(context.Background(), bin, workbook(t), ".xlsx", "ods")
	if err != nil {
		t.Fatalf("%v\n%v", err, errors.Unwrap(err))
	}
	xlsx, err := Convert(context.Background(), bin, ods, ".ods", XLSX)
	if err != nil {
		t.Fatalf("%v\n%v", err, errors.Unwrap(err))
	}
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(f.GetSheetName(0), "A1"); norm.NFC.String(v) != xaXop {
		t.Errorf("A1 = %q, want %q", v, xaXop)
	}
}

// TestConvertRealMismatch: a Word document named .xls cannot become an
// .xlsx; LibreOffice aborts with a crash dump, and the user reads one line
// saying the file is a Word document.
func TestConvertRealMismatch(t *testing.T) {
	bin := realSoffice(t)
	_, err := Convert(context.Background(), bin, template(t), ".xls", XLSX)
	if err == nil {
		t.Fatal("a Word document converted to .xlsx")
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "không chuyển được tệp .xls sang .xlsx: ") ||
		!strings.Contains(msg, "tệp mang đuôi .xls nhưng thực ra là tài liệu Word (.docx)") ||
		strings.ContainsAny(msg, "\n\r") || strings.Contains(msg, "Fatal") || strings.Contains(msg, "javaldx") {
		t.Errorf("message %q", msg)
	}
	t.Logf("%s\n-- wrapped:\n%v", msg, errors.Unwrap(err))
}

// TestConvertRealConcurrent: two conversions at once, each with its own
// folder and profile, both succeed (Convert serialises them inside one
// process; convert does not, as two processes would not).
func TestConvertRealConcurrent(t *testing.T) {
	bin := realSoffice(t)
	inputs := []struct {
		data []byte
		ext  string
	}{{template(t), ".docx"}, {workbook(t), ".xlsx"}}
	var wg sync.WaitGroup
	pdfs := make([][]byte, len(inputs))
	errs := make([]error, len(inputs))
	for i, in := range inputs {
		wg.Go(func() { pdfs[i], errs[i] = convert(context.Background(), bin, in.data, in.ext, PDF) })
	}
	wg.Wait()
	for i := range inputs {
		if errs[i] != nil {
			t.Errorf("%s: %v\n%v", inputs[i].ext, errs[i], errors.Unwrap(errs[i]))
		} else if !bytes.HasPrefix(pdfs[i], []byte("%PDF-")) {
			t.Errorf("%s: no PDF", inputs[i].ext)
		}
	}
}

// TestConvertRealOddTemp: a temporary folder whose path has spaces and
// Vietnamese letters (a Windows user "Nguyễn Văn A") still works: the
// profile is passed as a well-formed file URL.
func TestConvertRealOddTemp(t *testing.T) {
	bin := realSoffice(t)
	root := t.TempDir()
	tmp := filepath.Join(root, "Nguyễn Văn A", "thư mục tạm #1")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp)
	t.Setenv("TEMP", tmp)
	t.Setenv("TMP", tmp)
	pdf, err := ToPDF(context.Background(), bin, workbook(t), ".xlsx")
	if err != nil {
		t.Fatalf("%v\n%v", err, errors.Unwrap(err))
	}
	checkPDF(t, pdf, xaXop)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
	// A profile URL read wrongly would have made LibreOffice create a
	// folder such as "Nguy%E1%BB%85n%20V%C4%83n%20A" beside ours.
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("LibreOffice wrote outside the temporary folder: %v", entries)
	}
}

// The documents that prime a warm LibreOffice are ones it converts: a
// Word document and a workbook, their Vietnamese text in the PDFs.
func TestPrimeDocsReal(t *testing.T) {
	bin := realSoffice(t)
	res := ConvertAll(context.Background(), bin, primeDocs(), PDF, nil)
	for i, want := range []string{"Cộng hòa xã hội chủ nghĩa Việt Nam", "Ủy ban nhân dân xã"} {
		if res[i].Err != nil {
			t.Fatalf("%d: %v", i, res[i].Err)
		}
		checkPDF(t, res[i].Data, want)
	}
}
