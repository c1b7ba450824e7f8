package summary

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/officetest"
	"baocao/internal/period"
)

func report(t *testing.T, results string) *consolidate.Report {
	t.Helper()
	c, p, subs := fixture(t, results)
	return consolidate.Build(c, p, subs)
}

// fixture is a catalog, a period and two submissions: the economic office's
// and the bank's.
func fixture(t *testing.T, results string) (*catalog.Catalog, period.Period, []*intake.Submission) {
	t.Helper()
	c, err := catalog.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	p := period.MustParse("2026-Q1")
	v := func(f float64) *float64 { return &f }
	kt := &intake.Submission{Path: "/in/KT.xlsx", Unit: "KT", Period: p, ModTime: time.Date(2026, 3, 16, 8, 30, 0, 0, time.UTC),
		Rows: []intake.Row{
			{Sheet: forms.ReportSheet, Row: 9, Task: "IV.1.a", Match: "code", Status: forms.StatusDone, Results: results, Documents: "-", Proposals: "+84 912 345 678"},
			{Sheet: forms.ReportSheet, Row: 10, Task: "I.2", Match: "code", Status: forms.StatusInProgress, Results: "Đăng 4 tin", Difficulties: "Thiếu kinh phí"},
		},
		Unmatched: []intake.Row{{Sheet: forms.ReportSheet, Row: 30, Text: "=SUM(A1:A3) họp tổng kết"}},
		Problems:  []intake.Problem{{Severity: intake.SeverityWarning, File: "/in/KT.xlsx", Sheet: forms.ReportSheet, Cell: "F10", Message: "tình trạng «xong rồi» được hiểu là Hoàn thành"}},
	}
	nh := &intake.Submission{Path: "/in/NH.xlsx", Unit: "NHCSXH", Period: p, ModTime: time.Now(),
		Indicators: []intake.IndicatorValue{{Code: "TONG-NGUON-VON", Previous: v(100000), Current: v(110000)}, {Code: "VON-NSDP", Previous: v(5000), Current: v(6500)}}}
	return c, p, []*intake.Submission{kt, nh}
}

func TestSummaryContent(t *testing.T) {
	r := report(t, `=HYPERLINK("http://x","bấm")`)
	path := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	warnings, err := Write(r, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Tổng hợp|Đơn vị|Chỉ tiêu|Kiến nghị|Chưa khớp|Kiểm tra|Biểu đồ" {
		t.Errorf("sheets: %s", got)
	}
	// Every task is on the summary, under its section.
	rows, _ := f.GetRows(SheetTasks)
	var codes []string
	for _, row := range rows[2:] {
		codes = append(codes, row[0])
	}
	if len(codes) != 6+1+23 || codes[11] != "IV.1" {
		t.Errorf("task sheet has %d rows, want 30 (6 sections, the IV.1 heading, 23 tasks): %v", len(codes), codes)
	}
	// Units' text stays text: no formula, whatever it looks like.
	for sheet, cells := range map[string][]string{SheetTasks: {"E15", "F15", "H15"}, SheetUnmatched: {"E3"}} {
		for _, cell := range cells {
			formula, _ := f.GetCellFormula(sheet, cell)
			if formula != "" {
				t.Errorf("%s!%s became a formula: %q", sheet, cell, formula)
			}
		}
	}
	cellOf := func(sheet, cell string) string { v, _ := f.GetCellValue(sheet, cell); return v }
	// The group heading IV.1 is above its items.
	if got := cellOf(SheetTasks, "A14") + " " + cellOf(SheetTasks, "B14"); !strings.HasPrefix(got, "IV.1 Tập trung các nguồn vốn") {
		t.Errorf("row 14 = %q, want the IV.1 heading", got)
	}
	if got := cellOf(SheetTasks, "A15"); got != "IV.1.a" {
		t.Fatalf("A15 = %q, want the IV.1.a row", got)
	}
	if got := cellOf(SheetTasks, "E15"); !strings.Contains(got, `=HYPERLINK("http://x","bấm")`) {
		t.Errorf("results: %q", got)
	}
	if got := cellOf(SheetTasks, "H15"); got != "Phòng Kinh tế: +84 912 345 678" {
		t.Errorf("proposals: %q", got)
	}
	// Wrapped text gets a row tall enough to show it: the IV.1.a row
	// holds a long task content.
	if h, _ := f.GetRowHeight(SheetTasks, 15); h < 60 {
		t.Errorf("row 15 is %.0f pt high: its wrapped text would be cut", h)
	}
	// Units: KT and NHCSXH sent, eight did not.
	unitRows, _ := f.GetRows(SheetUnits)
	sent, missing := 0, 0
	for _, row := range unitRows[2:] {
		switch last := row[len(row)-1]; {
		case strings.HasPrefix(last, "Đã gửi"):
			sent++
		case last == "Chưa gửi":
			missing++
		}
	}
	if sent != 2 || missing != 8 {
		t.Errorf("units sheet: %d sent, %d missing", sent, missing)
	}
	if got := cellOf(SheetFigures, "E4"); got != "6500" && got != "6.500" && got != "6,500" {
		t.Errorf("VON-NSDP now: %q", got)
	}
	if got := cellOf(SheetProblems, "E3"); !strings.Contains(got, "xong rồi") {
		t.Errorf("problems: %q", got)
	}
	// Print settings on every sheet.
	for _, sheet := range f.GetSheetList() {
		lay, err := f.GetPageLayout(sheet)
		if err != nil || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.Size == nil || *lay.Size != 9 || lay.FitToWidth == nil || *lay.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v %v", sheet, lay, err)
		}
		dn := f.GetDefinedName()
		found := false
		for _, d := range dn {
			if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no repeated header rows", sheet)
		}
	}
	if !hasChart(t, path) {
		t.Error("no chart in the workbook")
	}
}

func hasChart(t *testing.T, path string) bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	f.Pkg.Range(func(k, _ any) bool {
		if strings.HasPrefix(k.(string), "xl/charts/chart") {
			found = true
		}
		return true
	})
	return found
}

func TestLongTextIsCutWithAWord(t *testing.T) {
	long := strings.Repeat("Tuyên truyền về tín dụng chính sách. ", 1000) // 37.000 characters
	r := report(t, long)
	path := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	warnings, err := Write(r, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "ô E15") || !strings.Contains(warnings[0], "32767") {
		t.Errorf("warnings: %v", warnings)
	}
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	v, _ := f.GetCellValue(SheetTasks, "E15")
	if !strings.HasSuffix(v, "xem toàn văn trong tệp của đơn vị)") || len([]rune(v)) > maxCell {
		t.Errorf("cut text ends %q (%d runes)", v[len(v)-60:], len([]rune(v)))
	}
}

func TestWriteIsAtomic(t *testing.T) {
	r := report(t, "x")
	dir := t.TempDir()
	path := filepath.Join(dir, "khong-co", "tong-hop.xlsx")
	if _, err := Write(r, path); err != nil {
		t.Errorf("a missing output folder is created: %v", err)
	}
	if _, err := Write(r, filepath.Join(path, "x.xlsx")); err == nil || !strings.Contains(err.Error(), "không tạo được thư mục") {
		t.Errorf("missing folder: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "khong-co"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestSummaryOpensInLibreOffice(t *testing.T) {
	r := report(t, "Đã trình bố trí 500 triệu đồng")
	path := filepath.Join(t.TempDir(), "tong-hop-2026-Q1.xlsx")
	if _, err := Write(r, path); err != nil {
		t.Fatal(err)
	}
	pdf := officetest.Convert(t, path, "pdf")
	text := officetest.PDFText(t, pdf)
	for _, want := range []string{"TỔNG HỢP KẾT QUẢ", "IV.1.a", "Phòng Kinh tế", "Chưa gửi", "Tổng nguồn vốn", "CÁC DÒNG CHƯA KHỚP"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// Units with nothing in the period share one line, after those that did
// something, whatever their role.
func TestSummaryIdleUnitsOnOneLine(t *testing.T) {
	c, p, subs := fixture(t, "Bố trí 300 triệu đồng")
	idle := func(unit string) *intake.Submission {
		return &intake.Submission{Path: "/in/" + unit + ".xlsx", Unit: unit, Period: p, ModTime: time.Now(),
			Rows: []intake.Row{{Sheet: forms.ReportSheet, Row: 9, Task: "I.2", Match: "code", Status: forms.StatusNotApplicable}}}
	}
	r := consolidate.Build(c, p, append(subs, idle("MTTQ"), idle("HND")))
	f, _, err := Build(r)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetTasks)
	for _, row := range rows {
		if row[0] != "I.2" {
			continue
		}
		want := "Phòng Kinh tế (chủ trì), đang thực hiện: Đăng 4 tin\nKhông phát sinh trong kỳ: " +
			c.Unit("MTTQ").Name + ", " + c.Unit("HND").Name
		if row[4] != want {
			t.Errorf("I.2 results:\n%s\nwant:\n%s", row[4], want)
		}
		return
	}
	t.Fatal("no I.2 row")
}

// Numbers show as vntext.FormatAuto writes them: no decimals for an
// integer (never "38." as "#,##0.##" shows in Excel), else one or two.
// excelize renders with English separators; LibreOffice prints "1.234,5"
// for the Vietnamese tag (the cycle package's print test reads the PDF).
func TestNumberFormats(t *testing.T) {
	b := &builder{f: excelize.NewFile(), widths: map[string][]float64{}}
	defer b.f.Close()
	if err := b.styles(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		v          float64
		want, code string
	}{
		{38, "38", "[$-42A]#,##0"},
		{12500, "12,500", "[$-42A]#,##0"},
		{1234.5, "1,234.5", "[$-42A]#,##0.0"},
		{2.8249, "2.82", "[$-42A]#,##0.00"},
		{3.999, "4", "[$-42A]#,##0"},
		{-16.5, "-16.5", "[$-42A]#,##0.0"},
		{0, "0", "[$-42A]#,##0"},
	}
	for i, tt := range tests {
		cell := fmt.Sprintf("A%d", i+1)
		b.setNumber("Sheet1", cell, tt.v)
		got, err := b.f.GetCellValue("Sheet1", cell)
		if err != nil || got != tt.want {
			t.Errorf("%v shows %q (%v), want %q", tt.v, got, err, tt.want)
		}
		id, _ := b.f.GetCellStyle("Sheet1", cell)
		style, err := b.f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		code := ""
		if style.CustomNumFmt != nil {
			code = *style.CustomNumFmt
		}
		if code != tt.code {
			t.Errorf("%v has the number format %q, want %q", tt.v, code, tt.code)
		}
	}
}

// Every sheet is at most maxWidth wide, so that fitted to the width of A4
// landscape its 11 pt text prints at 9 pt or more.
func TestSheetsFitThePageWidth(t *testing.T) {
	f, _, err := Build(report(t, "x"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		var total float64
		for i := range rows[1] { // the header row
			col, _ := excelize.ColumnNumberToName(i + 1)
			w, _ := f.GetColWidth(sheet, col)
			total += w
		}
		if total > maxWidth {
			t.Errorf("%s is %.0f characters wide, more than %d: it prints below 9 pt", sheet, total, maxWidth)
		}
		if total < 40 {
			t.Errorf("%s is %.0f characters wide: its columns were not set", sheet, total)
		}
	}
}

// The same report gives the same bytes, so that a re-run can be checked
// by comparing files: excelize adds content types in map order, which
// Build sorts.
func TestSameReportSameBytes(t *testing.T) {
	r := report(t, "Đã trình bố trí 500 triệu đồng")
	first, _, err := Bytes(r)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		again, _, err := Bytes(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("the same report gave two different summaries")
		}
	}
}

// TestSummaryNamesZipFiles: a file that came in a zip is named with the
// zip on the units, problems and unmatched sheets, as the clerk can find
// it in the folder; a plain file by its name.
func TestSummaryNamesZipFiles(t *testing.T) {
	c, p, subs := fixture(t, "Tổ chức 2 hội nghị")
	zip := filepath.Join("/in", "Hoi doan the gui.zip")
	kt := subs[0]
	kt.Path = filepath.Join(zip, "KT-2026-Q1.xlsx")
	for i := range kt.Problems {
		kt.Problems[i].File = kt.Path
	}
	ca := &intake.Submission{Path: filepath.Join(zip, "Bao cao", "CA.xlsx"), Unit: "CA", Period: p, ModTime: time.Now(), Sheet: forms.ReportSheet,
		Problems: []intake.Problem{{Severity: intake.SeverityError, File: filepath.Join(zip, "Bao cao", "CA.xlsx"), Sheet: forms.ReportSheet, Cell: "F9", Message: "tình trạng không hợp lệ"}}}
	f, _, err := Build(consolidate.Build(c, p, append(subs, ca)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{
		"KT":     "Hoi doan the gui.zip/KT-2026-Q1.xlsx",
		"CA":     "Hoi doan the gui.zip/Bao cao/CA.xlsx",
		"NHCSXH": "NH.xlsx",
	}
	for code := range want {
		want[code] = filepath.FromSlash(want[code])
	}
	rows, _ := f.GetRows(SheetUnits)
	for _, row := range rows[2:] {
		if w, ok := want[row[0]]; ok && row[2] != w {
			t.Errorf("units sheet, %s: file %q, want %q", row[0], row[2], w)
		}
	}
	files := map[string]bool{}
	for _, sheet := range []string{SheetProblems, SheetUnmatched} {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows[2:] {
			files[sheet+": "+row[1]] = true
		}
	}
	for _, w := range []string{SheetProblems + ": " + want["KT"], SheetProblems + ": " + want["CA"], SheetUnmatched + ": " + want["KT"]} {
		if !files[w] {
			t.Errorf("no row for %s; rows: %v", w, files)
		}
	}
}

// The «Chỉ tiêu» sheet says why a figure is not given: a figure missing
// is «chưa đủ số liệu», a change in percent from zero cannot be computed.
func TestFiguresSayWhyNot(t *testing.T) {
	c, p, subs := fixture(t, "")
	zero, ten := 0.0, 10.0
	subs[1].Indicators = append(subs[1].Indicators, intake.IndicatorValue{Code: "NO-QUA-HAN", Previous: &zero, Current: &ten})
	r := consolidate.Build(c, p, subs)
	path := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	if _, err := Write(r, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetFigures)
	found := map[string][]string{}
	for _, row := range rows {
		if len(row) > 0 {
			found[row[0]] = row
		}
	}
	if row := found["NO-QUA-HAN"]; len(row) < 7 || row[6] != "không tính được (kỳ trước bằng 0)" {
		t.Errorf("NO-QUA-HAN: %q", row)
	}
	if row := found["TONG-DU-NO"]; len(row) < 7 || row[3] != "chưa đủ số liệu" || row[6] != "chưa đủ số liệu" {
		t.Errorf("TONG-DU-NO: %q", row)
	}
}

// The sentence under the «Đơn vị» table, on which quarterly forms a long
// period uses, spans the sheet and wraps: one long cell would shrink the
// printed page.
func TestPartsNoteWraps(t *testing.T) {
	c, _, subs := fixture(t, "")
	r := consolidate.Build(c, period.MustParse("2026"), subs)
	if r.PartsNote == "" {
		t.Fatal("no parts note for a year built from quarter I")
	}
	f, _, err := Build(r)
	if err != nil {
		t.Fatal(err)
	}
	merges, _ := f.GetMergeCells(SheetUnits)
	found := false
	for _, m := range merges {
		if v := m.GetCellValue(); v == r.PartsNote && strings.HasPrefix(m.GetStartAxis(), "A") && !strings.HasPrefix(m.GetEndAxis(), "A") {
			found = true
		}
	}
	if !found {
		t.Errorf("the parts note is not merged across the sheet: %v", merges)
	}
}
