package cycle

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/officetest"
	"baocao/internal/period"
)

// summaryPagesBefore is what the sample quarter's summary printed on when
// fitting to the page width shrank its text to about 5 pt (10 pages, commit
// 28fedb3). At 9 pt or more the same text takes more paper: 16 pages with
// LibreOffice 7.4 and Liberation Serif; maxSummaryPages leaves some room
// and catches rows grown far taller than their text.
const (
	summaryPagesBefore = 10
	maxSummaryPages    = 18
)

// TestSummaryPrintsReadable converts the sample quarter's summary to PDF
// with LibreOffice and reads the printed words: every page A4 landscape,
// no text smaller than 9 pt, numbers written the Vietnamese way.
func TestSummaryPrintsReadable(t *testing.T) {
	officetest.Binary(t)
	src := testSources(t)
	q1 := period.MustParse("2026-Q1")
	out := t.TempDir()
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	if _, err := src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	perPoint := boxHeightPerPoint(t)
	var pdf string
	for _, name := range []string{"kiem-tra-2026-Q1.xlsx", "tong-hop-2026-Q1.xlsx"} {
		pdf = officetest.Convert(t, filepath.Join(Dir(out, q1), name), "pdf")
		pages := officetest.PDFWords(t, pdf)
		smallest, where := math.Inf(1), ""
		for n, p := range pages {
			if math.Abs(p.Width-841.9) > 1 || math.Abs(p.Height-595.3) > 1 {
				t.Errorf("%s: page %d is %.1f × %.1f pt, not A4 landscape (841.9 × 595.3)", name, n+1, p.Width, p.Height)
			}
			for _, w := range p.Words {
				if size := (w.YMax - w.YMin) / perPoint; size < smallest {
					smallest, where = size, fmt.Sprintf("page %d, «%s»", n+1, w.Text)
				}
			}
		}
		// the two workbooks together hold what the one summary held
		t.Logf("%s prints on %d pages (the one summary: %d before), its smallest text at %.1f pt (%s)", name, len(pages), summaryPagesBefore, smallest, where)
		if smallest < 9 {
			t.Errorf("%s: text printed at %.1f pt (%s), smaller than 9 pt", name, smallest, where)
		}
		if len(pages) > maxSummaryPages {
			t.Errorf("%s prints on %d pages, more than %d", name, len(pages), maxSummaryPages)
		}
	}

	// Numbers: a dot for thousands, a comma for decimals, nothing after an
	// integer.
	text := officetest.PDFText(t, pdf)
	for _, want := range []string{"98.450", "101.230,5", "2.780,5"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary does not print %s", want)
		}
	}
	if !regexp.MustCompile(`tổ +38 +38 +0 +0 `).MatchString(norm.NFC.String(text)) {
		t.Errorf("the row of Tổ Tiết kiệm và vay vốn does not print as 38, 38, 0, 0: %q", regexp.MustCompile(`Tổ Tiết kiệm.*`).FindString(norm.NFC.String(text)))
	}
}

// boxHeightPerPoint: see officetest.BoxHeightPerPoint.
func boxHeightPerPoint(t *testing.T) float64 { return officetest.BoxHeightPerPoint(t) }

// The same received files give the same bytes in every output, so that a
// re-run can be checked by comparing files.
func TestRerunGivesSameBytes(t *testing.T) {
	src := testSources(t)
	q1 := period.MustParse("2026-Q1")
	var runs [2]map[string][]byte
	for i := range runs {
		out := t.TempDir()
		req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
		res, err := src.BuildReport(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		runs[i] = map[string][]byte{}
		for _, path := range res.Files {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			runs[i][filepath.Base(path)] = data
		}
	}
	if len(runs[0]) != 4 {
		t.Errorf("the sample quarter gave %d files, want the report, the attachment, the office's workbook and the reminder", len(runs[0]))
	}
	for name, data := range runs[0] {
		if !bytes.Equal(data, runs[1][name]) {
			t.Errorf("two runs on the same files wrote two different %s", name)
		}
	}
}
