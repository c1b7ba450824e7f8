package cycle

import (
	"context"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/officetest"
	"baocao/internal/period"
)

// pagesBefore is what the sample quarter's report printed on before the
// draft was made signable (27 pages, commit cf1da6a, LibreOffice 7.4 with
// Liberation Serif): the draft must print on no more than 60% of it.
const pagesBefore = 27

// pageText is the text of page n of a PDF, laid out as printed.
func pageText(t *testing.T, pdf string, n int) string {
	t.Helper()
	out, err := exec.Command(officetest.Poppler(t, "pdftotext"), "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return norm.NFC.String(string(out))
}

// summaryLines counts the lines of the summary line (trích yếu), between
// «BÁO CÁO» and the blank line under it, on the first page as printed.
func summaryLines(page string) int {
	lines := strings.Split(page, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "BÁO CÁO" {
			continue
		}
		n := 0
		for _, next := range lines[i+1:] {
			if strings.TrimSpace(next) == "" {
				break
			}
			n++
		}
		return n
	}
	return 0
}

// TestReportPrintsShort counts the printed pages of the sample quarter with
// LibreOffice: the report within 60% of what it was, no blank last page,
// the appendix's codes on one line. (The reminder's pages are counted in
// reminder_print_test.go.)
func TestReportPrintsShort(t *testing.T) {
	bin := officetest.Binary(t)
	src := testSources(t)
	q1 := period.MustParse("2026-Q1")
	now := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)

	out := t.TempDir()
	if _, err := src.BuildReport(context.Background(), ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: now, PDF: true, Soffice: bin}); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(Dir(out, q1), "bao-cao-2026-Q1.pdf")
	pages := officetest.PDFPages(t, report)
	t.Logf("the sample quarter's report prints on %d pages (%d before)", pages, pagesBefore)
	if pages*100 > pagesBefore*60 {
		t.Errorf("the report prints on %d pages, more than 60%% of %d", pages, pagesBefore)
	}
	if strings.TrimSpace(strings.Trim(pageText(t, report, pages), "0123456789 \n\f")) == "" {
		t.Errorf("the report's last page (%d) is blank", pages)
	}
	appendix := ""
	for n := 1; n <= pages; n++ {
		if text := pageText(t, report, n); strings.Contains(text, "PHỤ LỤC") || appendix != "" {
			appendix += text
		}
	}
	for _, code := range []string{"IV.1.a", "IV.1.b", "IV.1.c"} {
		if !strings.Contains(appendix, code) {
			t.Errorf("the appendix breaks the code %s across lines", code)
		}
	}
	// The body, to the signature, on at most 6 pages (the report written
	// by hand from the same cells takes 5); the closing sentence on the
	// signature's page; the summary line (trích yếu) on two lines.
	body := 0
	for n := 1; n <= pages && body == 0; n++ {
		if text := pageText(t, report, n); strings.Contains(text, "Nơi nhận:") {
			body = n
			if !strings.Contains(strings.Join(strings.Fields(text), " "), "Trên đây là báo cáo") {
				t.Errorf("the closing sentence is not on the signature's page (%d)", n)
			}
		}
	}
	t.Logf("the body prints on %d pages", body)
	if body == 0 || body > 6 {
		t.Errorf("the body (to the signature) prints on %d pages, want at most 6", body)
	}
	if n := summaryLines(pageText(t, report, 1)); n < 1 || n > 2 {
		t.Errorf("the summary line under «BÁO CÁO» takes %d lines, want at most 2", n)
	}

}

// TestNameBoxFitsLongNames prints the report of communes with long names
// and counts the lines of the issuing body's box on the first page: the
// People's Committee on one, the commune's name on at most two.
func TestNameBoxFitsLongNames(t *testing.T) {
	bin := officetest.Binary(t)
	q1 := period.MustParse("2026-Q1")
	for _, name := range []string{"XÃ XỐP", "PHƯỜNG NGUYỄN THỊ MINH KHAI", "XÃ ĐỒNG BẰNG SÔNG CỬU LONG PHÚ TÂN"} {
		src := testSources(t)
		src.Catalog.Plan.Commune = name
		out := t.TempDir()
		if _, err := src.BuildReport(context.Background(), ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC), PDF: true, Soffice: bin}); err != nil {
			t.Fatal(err)
		}
		lines := nameBoxLines(t, filepath.Join(Dir(out, q1), "bao-cao-2026-Q1.pdf"))
		t.Logf("%s: %q", name, lines)
		if len(lines) < 2 || lines[0] != "ỦY BAN NHÂN DÂN" || len(lines) > 3 {
			t.Errorf("%s: the name box prints %d lines %q, want the People's Committee and at most two for the name", name, len(lines), lines)
			continue
		}
		if got := strings.Join(lines[1:], " "); got != name {
			t.Errorf("the name box prints %q, want %q in full", got, name)
		}
	}
}

// nameBoxLines is the text of the head's left column on the first page,
// line by line, above the "Số:" line.
func nameBoxLines(t *testing.T, pdf string) []string {
	t.Helper()
	var lines []string
	lastY := -1.0
	for _, w := range officetest.PDFWords(t, pdf)[0].Words {
		// The left column ends 85 + 180 pt from the page's edge (margin
		// 1701 twips, column 3600).
		if w.XMax > 85+180 {
			continue
		}
		if strings.HasPrefix(w.Text, "Số") {
			break
		}
		if len(lines) == 0 || w.YMin-lastY > 3 {
			lines = append(lines, w.Text)
			lastY = w.YMin
		} else {
			lines[len(lines)-1] += " " + w.Text
		}
	}
	return lines
}
