package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/summary"
)

// receivedAt is a time a file was received: it depends on the checkout.
var receivedAt = regexp.MustCompile(`\d\d/\d\d/\d{4} \d\d:\d\d`)

// summaryDump is every sheet's cells but the chart's, a row a line.
func summaryDump(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		if sheet == summary.SheetChart {
			continue
		}
		fmt.Fprintf(&b, "== %s\n", sheet)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			fmt.Fprintln(&b, strings.ReplaceAll(strings.Join(r, " | "), "\n", "⏎"))
		}
	}
	return receivedAt.ReplaceAllString(b.String(), "<thời gian nhận>")
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update to write it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s differs from line %d (go test -update after a deliberate change):\n got %q\nwant %q", path, i+1, g, w)
				return
			}
		}
	}
}

// TestReportGolden dumps the report, the summary and the reminder as text,
// on the samples and on a scenario with near-identical results, qualified
// statuses, proposals to the province and to the commune, and plans for
// the next period: what the chairman reads is reviewed as a diff.
func TestReportGolden(t *testing.T) {
	c, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	scenario := sampleInput(t)
	// The youth union, which sent nothing in the samples, now sends a
	// form: near-identical words to the associations', a qualified status,
	// proposals upwards and to the commune, plans with their own bullets.
	q1 := period.MustParse("2026-Q1")
	f, err := forms.Build(c, "DTN", q1)
	if err != nil {
		t.Fatal(err)
	}
	for task, cols := range map[string]map[string]string{
		"III.2": {forms.ColStatus: "hoàn thành 80%", forms.ColResults: "quản lý 2 Tổ Tiết kiệm và vay vốn; đôn đốc thu hồi 2 khoản nợ đến hạn",
			forms.ColProposals: "Đề nghị Chi nhánh NHCSXH tỉnh tập huấn cho tổ trưởng.", forms.ColNextTasks: "- Củng cố, kiện toàn Tổ Tiết kiệm và vay vốn hoạt động yếu."},
		"I.2": {forms.ColStatus: "Đang thực hiện", forms.ColResults: "- Lồng ghép tuyên truyền tại 6 buổi sinh hoạt chi đoàn.",
			forms.ColProposals: "Đề nghị UBND xã hỗ trợ kinh phí in tờ rơi."},
		// A list under a colon, a cell that says there is nothing, and
		// one cell with proposals to the commune and to the province.
		"V.1": {forms.ColStatus: "Đang thực hiện", forms.ColResults: "Phối hợp giải ngân cho các hộ:\n- Hộ nghèo: 12 hộ;\n- Hộ cận nghèo: 8 hộ.",
			forms.ColDifficulties: "Không có khó khăn, vướng mắc.",
			forms.ColProposals:    "Đề nghị UBND xã bố trí kinh phí tập huấn cho cán bộ Đoàn.\nĐề nghị NHCSXH tỉnh bổ sung nguồn vốn cho vay thanh niên khởi nghiệp.",
			forms.ColNextTasks:    "Không"},
	} {
		if err := forms.FillRow(f, task, cols); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(scenario, "DTN-2026-Q1.xlsx")); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// The bank says why a figure moved.
	bank := filepath.Join(scenario, "NHCSXH-2026-Q1.xlsx")
	if f, err = excelize.OpenFile(bank); err != nil {
		t.Fatal(err)
	}
	if err := forms.FillIndicatorNote(f, "DS-THU-NO", "Thu nợ giảm do nhiều khoản vay chưa đến hạn"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	for name, in := range map[string]string{"samples": sampleInput(t), "scenario": scenario} {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			if code, console, stderr := run(t, reportArgs(in, out)...); code != 0 {
				t.Fatalf("report: exit %d\n%s\n%s", code, console, stderr)
			}
			dir := filepath.Join(out, "2026-Q1")
			checkGolden(t, name+"-bao-cao.txt", docxText(t, filepath.Join(dir, "bao-cao-2026-Q1.docx")))
			checkGolden(t, name+"-tong-hop.txt", summaryDump(t, filepath.Join(dir, "tong-hop-2026-Q1.xlsx")))
			checkGolden(t, name+"-kiem-tra.txt", summaryDump(t, filepath.Join(dir, "kiem-tra-2026-Q1.xlsx")))
			letter := filepath.Join(dir, "don-doc-2026-Q1.docx")
			if _, err := os.Stat(letter); err == nil {
				checkGolden(t, name+"-don-doc.txt", docxText(t, letter))
			}
		})
	}
}
