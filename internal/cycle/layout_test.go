package cycle

import (
	"context"
	"os"
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

// TestReportPrintsShort counts the printed pages of the sample quarter with
// LibreOffice: the report within 60% of what it was, no blank last page,
// the appendix's codes on one line; the reminder to five units on two
// pages, to those units and the archive only.
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

	// Five units to remind: the youth union (nothing), HCCB (tasks left
	// blank), and three more whose files are taken away.
	in := t.TempDir()
	entries, err := os.ReadDir(samples)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "VP-") || strings.HasPrefix(e.Name(), "MTTQ-") || strings.Contains(e.Name(), "Nong dan") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(samples, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out = t.TempDir()
	res, err := src.BuildReminder(context.Background(), ReportRequest{Period: q1, In: []string{in}, OutDir: out, Now: now, PDF: true, Soffice: bin})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Report.ToRemind()); n != 5 {
		t.Fatalf("%d units to remind, want 5", n)
	}
	letter := filepath.Join(Dir(out, q1), "don-doc-2026-Q1.pdf")
	if n := officetest.PDFPages(t, letter); n > 2 {
		t.Errorf("the reminder to 5 units prints on %d pages, want at most 2", n)
	}
	text := norm.NFC.String(officetest.PDFText(t, letter))
	for _, want := range []string{"Như trên", "Lưu: VT", "Hội Nông dân xã", "Xây dựng đội ngũ cán bộ"} {
		if !strings.Contains(text, want) {
			t.Errorf("the reminder lacks %q", want)
		}
	}
	if strings.Contains(text, "UBND tỉnh") {
		t.Error("the reminder goes to the report's recipients (UBND tỉnh)")
	}
}
