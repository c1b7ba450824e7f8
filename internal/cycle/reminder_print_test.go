package cycle

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/officetest"
	"baocao/internal/period"
)

// lateQuarter copies the sample quarter into a new folder, leaving out the
// files named by drop, blanking the first n tasks each unit of blank
// leads, and writing a PDF in place of each unit of pdf: a quarter where
// units are late in every way the letter words.
func lateQuarter(t *testing.T, c *catalog.Catalog, drop []string, blank map[string]int, pdf []string) string {
	t.Helper()
	in := t.TempDir()
	entries, err := os.ReadDir(samples)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		skip := false
		for _, d := range drop {
			skip = skip || strings.Contains(name, d)
		}
		for _, u := range pdf {
			skip = skip || strings.HasPrefix(name, u+"-")
		}
		if skip {
			continue
		}
		unit := strings.SplitN(name, "-", 2)[0]
		data, err := os.ReadFile(filepath.Join(samples, name))
		if err != nil {
			t.Fatal(err)
		}
		if n := blank[unit]; n > 0 {
			f, err := excelize.OpenFile(filepath.Join(samples, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range c.Assignments(unit) {
				if a.Role != catalog.RoleLead || n == 0 {
					continue
				}
				n--
				if err := forms.FillRow(f, a.Task.Code, map[string]string{forms.ColStatus: "", forms.ColResults: "", forms.ColDocuments: "", forms.ColNextTasks: "", forms.ColNotes: ""}); err != nil {
					t.Fatal(err)
				}
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			data = buf.Bytes()
		}
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range pdf {
		if err := os.WriteFile(filepath.Join(in, u+"-2026-Q1.pdf"), []byte("%PDF-1.4\n% a scan\n%%EOF\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return in
}

// TestReminderPrintsOnOnePage prints the reminder letter with LibreOffice:
// one page for up to five units, at most two for eight (every unit the
// commune directs but the office that collects the reports), addressed to
// those units only, with a new deadline and no file or sheet names.
func TestReminderPrintsOnOnePage(t *testing.T) {
	bin := officetest.Binary(t)
	src := testSources(t)
	c := src.Catalog.Catalog
	q1 := period.MustParse("2026-Q1")
	now := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		name     string
		in       string
		units    int
		maxPages int
	}{
		{"samples", samples, 1, 1},
		{"five units", lateQuarter(t, c, []string{"Nong dan"}, map[string]int{"KT": 3, "VHXH": 2}, []string{"CA"}), 5, 1},
		{"eight units", lateQuarter(t, c, []string{"Nong dan", "HCCB"}, map[string]int{"KT": 3, "VHXH": 2, "HPN": 1}, []string{"CA", "MTTQ"}), 8, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			res, err := src.BuildReminder(context.Background(), ReportRequest{Period: q1, In: []string{tt.in}, OutDir: out, Now: now, PDF: true, Soffice: bin})
			if err != nil {
				t.Fatal(err)
			}
			urged := res.Report.Urged()
			if len(urged) != tt.units {
				for _, g := range urged {
					t.Logf("%s: %s", g.Unit.Unit.Code, g.Sentence)
				}
				t.Fatalf("%d units urged, want %d", len(urged), tt.units)
			}
			letter := filepath.Join(Dir(out, q1), "don-doc-2026-Q1.pdf")
			pages := officetest.PDFPages(t, letter)
			t.Logf("the reminder to %d units prints on %d page(s)", len(urged), pages)
			if keep := os.Getenv("BAOCAO_KEEP_PDF"); keep != "" {
				// BAOCAO_KEEP_PDF=/tmp keeps the letters to look at
				data, err := os.ReadFile(letter)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(keep, "don-doc-"+strings.ReplaceAll(tt.name, " ", "-")+".pdf"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if pages > tt.maxPages {
				t.Errorf("the reminder to %d units prints on %d pages, want at most %d", len(urged), pages, tt.maxPages)
			}
			text := norm.NFC.String(officetest.PDFText(t, letter))
			flat := strings.Join(strings.Fields(text), " ")
			for _, want := range []string{"Kính gửi:", "Như trên", "Lưu: VT, Văn phòng.", "V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số", "quý I năm 2026",
				// five working days after Friday 20/3
				"trước ngày 27 tháng 3 năm 2026"} {
				if !strings.Contains(flat, want) {
					t.Errorf("the reminder lacks %q", want)
				}
			}
			for _, g := range urged {
				if !strings.Contains(flat, g.Unit.Unit.Name+": "+g.Sentence) {
					t.Errorf("the reminder lacks %s's sentence %q", g.Unit.Unit.Code, g.Sentence)
				}
			}
			for _, bad := range []string{"UBND tỉnh", "Phòng giao dịch", ".xlsx", ".pdf", "trang tính", "Văn phòng HĐND và UBND xã:", "đã quá hạn"} {
				if strings.Contains(flat, bad) {
					t.Errorf("the reminder says %q:\n%s", bad, text)
				}
			}
		})
	}
}

// A --deadline already past on the letter's day is never written: the
// letter sets working days from its date, and the office is told.
func TestReminderPastDeadline(t *testing.T) {
	src := testSources(t)
	q1 := period.MustParse("2026-Q1")
	now := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)
	res, err := src.BuildReminder(context.Background(), ReportRequest{Period: q1, In: []string{samples}, OutDir: t.TempDir(), Now: now,
		Deadline: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	want := "Hạn gửi 10/03/2026 (--deadline) đã qua so với ngày công văn 20/03/2026: công văn đôn đốc ghi hạn mới 27/03/2026."
	if !slices.Contains(res.Warnings, want) {
		t.Errorf("warnings %q, want %q", res.Warnings, want)
	}
}
