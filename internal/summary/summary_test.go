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
		Problems:  []intake.Problem{{Severity: intake.SeverityWarning, File: "/in/KT.xlsx", Sheet: forms.ReportSheet, Pos: intake.Pos{Row: 10, Col: 6}, Message: "tình trạng «xong rồi» được hiểu là Hoàn thành"}},
	}
	nh := &intake.Submission{Path: "/in/NH.xlsx", Unit: "NHCSXH", Period: p, ModTime: time.Now(),
		Indicators: []intake.IndicatorValue{{Code: "TONG-NGUON-VON", Previous: v(100000), Current: v(110000)}, {Code: "VON-NSDP", Previous: v(5000), Current: v(6500)}}}
	return c, p, []*intake.Submission{kt, nh}
}

// pageSettings checks the print settings of every sheet but the hidden
// data sheet.
func pageSettings(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		if sheet == SheetData {
			continue
		}
		lay, err := f.GetPageLayout(sheet)
		if err != nil || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.Size == nil || *lay.Size != 9 || lay.FitToWidth == nil || *lay.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v %v", sheet, lay, err)
		}
		found := false
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no repeated header rows", sheet)
		}
	}
}

// The attachment holds what goes to the province: the tasks as the
// report's appendix has them, the figures, and nothing internal.
func TestAttachmentContent(t *testing.T) {
	r := report(t, `=HYPERLINK("http://x","bấm")`)
	path := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	warnings, err := Write(r, Options{Date: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}, path)
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
	if got := strings.Join(f.GetSheetList(), "|"); got != "Phụ lục|Chỉ tiêu|_du_lieu" {
		t.Errorf("sheets: %s", got)
	}
	if visible, _ := f.GetSheetVisible(SheetData); visible {
		t.Error("the data sheet is visible")
	}
	cellOf := func(sheet, cell string) string { v, _ := f.GetCellValue(sheet, cell); return v }
	for _, sheet := range []string{SheetTasks, SheetFigures} {
		if got := cellOf(sheet, "A2"); got != "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 3 năm 2026 của Ủy ban nhân dân xã Xốp)" {
			t.Errorf("%s: A2 = %q", sheet, got)
		}
	}
	// Every task is on the sheet, under its section.
	rows, _ := f.GetRows(SheetTasks)
	var codes []string
	for _, row := range rows[3:] {
		codes = append(codes, row[0])
	}
	if len(codes) != 6+1+23 || codes[11] != "IV.1" {
		t.Errorf("task sheet has %d rows, want 30 (6 sections, the IV.1 heading, 23 tasks): %v", len(codes), codes)
	}
	// Units' text stays text: no formula, whatever it looks like.
	if formula, _ := f.GetCellFormula(SheetTasks, "D16"); formula != "" {
		t.Errorf("D16 became a formula: %q", formula)
	}
	if got := cellOf(SheetTasks, "A15") + " " + cellOf(SheetTasks, "B15"); !strings.HasPrefix(got, "IV.1 Tập trung các nguồn vốn") {
		t.Errorf("row 15 = %q, want the IV.1 heading", got)
	}
	if got := cellOf(SheetTasks, "A16"); got != "IV.1.a" {
		t.Fatalf("A16 = %q, want the IV.1.a row", got)
	}
	if got := cellOf(SheetTasks, "D16"); got != `Phòng Kinh tế: =HYPERLINK("http://x","bấm")` {
		t.Errorf("results: %q", got)
	}
	if got := cellOf(SheetTasks, "F16"); got != "Hoàn thành" {
		t.Errorf("status: %q", got)
	}
	// Indicators by name, one figure a cell, with dates and source.
	fig, _ := f.GetRows(SheetFigures)
	if got := fig[4]; got[0] != "Nguồn vốn ngân sách địa phương ủy thác" || got[3] != "6,500" && got[3] != "6500" ||
		got[6] != "Số dư đến 14/3/2026; kỳ trước đến 14/12/2025" || got[7] != "Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei" {
		t.Errorf("VON-NSDP row: %q", got)
	}
	// Nothing internal: no file, no check, no code of an indicator.
	for _, sheet := range []string{SheetTasks, SheetFigures} {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for _, v := range row {
				for _, bad := range []string{".xlsx", "/in/", "xong rồi", "TONG-NGUON-VON", "VON-NSDP", " | ", "(phối hợp)"} {
					if strings.Contains(v, bad) {
						t.Errorf("%s shows %q: %q", sheet, bad, v)
					}
				}
			}
		}
	}
	pageSettings(t, f)
}

// The office's workbook: units, checks, unmatched rows, proposals, chart.
func TestOfficeContent(t *testing.T) {
	r := report(t, "Đăng 4 tin")
	path := filepath.Join(t.TempDir(), "kiem-tra.xlsx")
	if _, err := WriteOffice(r, Options{}, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Đơn vị|Kiểm tra|Chưa khớp|Kiến nghị|Biểu đồ" {
		t.Errorf("sheets: %s", got)
	}
	cellOf := func(sheet, cell string) string { v, _ := f.GetCellValue(sheet, cell); return v }
	// Units: KT and NHCSXH sent, eight did not.
	unitRows, _ := f.GetRows(SheetUnits)
	if got := unitRows[1][3]; got != "Thời gian lưu trong tệp" {
		t.Errorf("D2 = %q: from a folder only the time saved in the file is known", got)
	}
	sent, missing := 0, 0
	letters := map[string]string{}
	for _, row := range unitRows[2:12] {
		switch state := row[8]; {
		case strings.HasPrefix(state, "Đã gửi"):
			sent++
		case state == "Chưa gửi":
			missing++
		}
		if len(row) > 9 {
			letters[row[0]] = row[9]
		}
	}
	if sent != 2 || missing != 8 {
		t.Errorf("units sheet: %d sent, %d missing", sent, missing)
	}
	if !strings.HasPrefix(letters["HND"], "Có: ") || !strings.HasPrefix(letters["VP"], "Không. ") {
		t.Errorf("who the letter goes to: %q", letters)
	}
	if got := cellOf(SheetProblems, "F3"); !strings.Contains(got, "xong rồi") {
		t.Errorf("problems: %q", got)
	}
	// The place of a problem at F10: row 10 as a number (it sorts), column F.
	if row, col := cellOf(SheetProblems, "D3"), cellOf(SheetProblems, "E3"); row != "10" || col != "F" {
		t.Errorf("problems' place: row %q, column %q, want 10, F", row, col)
	}
	// (a number cell has no type attribute: excelize says unset)
	if typ, err := f.GetCellType(SheetProblems, "D3"); err != nil || typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("problems' row is no number: %v %v", typ, err)
	}
	if got := cellOf(SheetProblems, "B3"); got != "KT.xlsx" {
		t.Errorf("problems' file: %q", got)
	}
	// a proposal stays text, never a formula or a number
	props, _ := f.GetRows(SheetProposals)
	found := false
	for _, row := range props {
		found = found || len(row) > 2 && row[2] == "+84 912 345 678"
	}
	if !found {
		t.Errorf("proposal +84… not on the sheet: %q", props)
	}
	pageSettings(t, f)
	if !hasChart(t, path) {
		t.Error("no chart in the workbook")
	}

	// Through the page: the time received is kept, and said to be that.
	kt := r.Units[1]
	if kt.Unit.Code != "KT" {
		t.Fatalf("units' order: %s", kt.Unit.Code)
	}
	g, _, err := BuildOffice(r, Options{FromPage: true})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if h, _ := g.GetCellValue(SheetUnits, "D2"); h != "Thời gian nhận (trang làm việc)" {
		t.Errorf("D2 = %q", h)
	}
	if v, _ := g.GetCellValue(SheetUnits, "D4"); v != "16/03/2026 08:30" {
		t.Errorf("KT received %q", v)
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
	warnings, err := Write(r, Options{}, path)
	if err != nil {
		t.Fatal(err)
	}
	// the task sheet's cell, and the hidden sheet's? No: that one holds no
	// unit's text.
	if len(warnings) != 1 || !strings.Contains(warnings[0], "ô D16") || !strings.Contains(warnings[0], "32767") {
		t.Errorf("warnings: %v", warnings)
	}
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	v, _ := f.GetCellValue(SheetTasks, "D16")
	if !strings.HasSuffix(v, "xem toàn văn trong tệp của đơn vị)") || len([]rune(v)) > maxCell {
		t.Errorf("cut text ends %q (%d runes)", v[len(v)-60:], len([]rune(v)))
	}
}

func TestWriteIsAtomic(t *testing.T) {
	r := report(t, "x")
	dir := t.TempDir()
	path := filepath.Join(dir, "khong-co", "tong-hop.xlsx")
	if _, err := Write(r, Options{}, path); err != nil {
		t.Errorf("a missing output folder is created: %v", err)
	}
	if _, err := Write(r, Options{}, filepath.Join(path, "x.xlsx")); err == nil || !strings.Contains(err.Error(), "không tạo được thư mục") {
		t.Errorf("missing folder: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "khong-co"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestSummaryOpensInLibreOffice(t *testing.T) {
	r := report(t, "Đã trình bố trí 500 triệu đồng")
	dir := t.TempDir()
	path := filepath.Join(dir, "tong-hop-2026-Q1.xlsx")
	if _, err := Write(r, Options{}, path); err != nil {
		t.Fatal(err)
	}
	office := filepath.Join(dir, "kiem-tra-2026-Q1.xlsx")
	if _, err := WriteOffice(r, Options{}, office); err != nil {
		t.Fatal(err)
	}
	for file, wants := range map[string][]string{
		path:   {"PHỤ LỤC", "Kèm theo Báo cáo số", "IV.1.a", "Phòng Kinh tế", "Tổng nguồn vốn"},
		office: {"Chưa gửi", "CÁC DÒNG CHƯA KHỚP", "KẾT QUẢ KIỂM TRA"},
	} {
		text := strings.Join(strings.Fields(officetest.PDFText(t, officetest.Convert(t, file, "pdf"))), " ")
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s: PDF text lacks %q", filepath.Base(file), want)
			}
		}
		// the hidden data sheet is not printed
		if strings.Contains(text, "baocao/tong-hop") {
			t.Errorf("%s: the hidden sheet is printed", filepath.Base(file))
		}
	}
}

// Units with nothing written have no line of their own in the results:
// no empty «(phối hợp)» line, no status alone.
func TestAttachmentOnlyUnitsThatWrote(t *testing.T) {
	c, p, subs := fixture(t, "Bố trí 300 triệu đồng")
	idle := func(unit string) *intake.Submission {
		return &intake.Submission{Path: "/in/" + unit + ".xlsx", Unit: unit, Period: p, ModTime: time.Now(),
			Rows: []intake.Row{{Sheet: forms.ReportSheet, Row: 9, Task: "I.2", Match: "code", Status: forms.StatusNotApplicable}}}
	}
	r := consolidate.Build(c, p, append(subs, idle("MTTQ"), idle("HND")))
	f, _, err := Build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetTasks)
	for _, row := range rows {
		if row[0] != "I.2" {
			continue
		}
		if want := "Phòng Kinh tế: Đăng 4 tin"; row[3] != want {
			t.Errorf("I.2 results:\n%s\nwant:\n%s", row[3], want)
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
	r := report(t, "x")
	f, _, err := Build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, _, err := BuildOffice(r, Options{FromPage: true})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	check(t, f)
	check(t, g)
}

func check(t *testing.T, f *excelize.File) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		if sheet == SheetData {
			continue
		}
		rows, _ := f.GetRows(sheet)
		header := rows[1]
		if sheet == SheetTasks || sheet == SheetFigures {
			header = rows[2] // under two title rows
		}
		var total float64
		for i := range header {
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
	for name, build := range map[string]func() ([]byte, []string, error){
		"attachment": func() ([]byte, []string, error) { return Bytes(r, Options{}) },
		"office":     func() ([]byte, []string, error) { return OfficeBytes(r, Options{}) },
	} {
		first, _, err := build()
		if err != nil {
			t.Fatal(err)
		}
		for range 3 {
			again, _, err := build()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, again) {
				t.Fatalf("the same report gave two different %s workbooks", name)
			}
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
		Problems: []intake.Problem{{Severity: intake.SeverityError, File: filepath.Join(zip, "Bao cao", "CA.xlsx"), Sheet: forms.ReportSheet, Pos: intake.Pos{Row: 9, Col: 6}, Message: "tình trạng không hợp lệ"}}}
	f, _, err := BuildOffice(consolidate.Build(c, p, append(subs, ca)), Options{})
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
		if len(row) == 0 {
			continue
		}
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
	if _, err := Write(r, Options{}, path); err != nil {
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
	if row := found["Nợ quá hạn"]; len(row) < 6 || row[5] != "không tính được (kỳ trước bằng 0)" {
		t.Errorf("Nợ quá hạn: %q", row)
	}
	if row := found["Tổng dư nợ"]; len(row) < 6 || row[2] != "chưa đủ số liệu" || row[5] != "chưa đủ số liệu" {
		t.Errorf("Tổng dư nợ: %q", row)
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
	f, _, err := BuildOffice(r, Options{})
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

// The office's workbook names files relative to the folder they were
// read from, never with a path of this machine.
func TestOfficeNamesFilesRelative(t *testing.T) {
	c, p, subs := fixture(t, "Tổ chức 2 hội nghị")
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "Bao cao"), 0o755)
	kt := subs[0]
	kt.Path = filepath.Join(root, "Bao cao", "KT.xlsx")
	for i := range kt.Problems {
		kt.Problems[i].File = kt.Path
	}
	r := consolidate.Build(c, p, subs)
	data, _, err := OfficeBytes(r, Options{Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, row := range rows {
			for _, v := range row {
				if strings.Contains(v, root) {
					t.Errorf("%s holds the path %s: %q", sheet, root, v)
				}
			}
		}
	}
	if got, _ := f.GetCellValue(SheetProblems, "B3"); got != filepath.Join("Bao cao", "KT.xlsx") {
		t.Errorf("problems' file: %q", got)
	}
}
