package forms

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/outfile"
	"baocao/internal/period"
)

var q1 = period.MustParse("2026-Q1")

func loadCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func build(t testing.TB, c *catalog.Catalog, unit string) *excelize.File {
	t.Helper()
	f, err := Build(c, unit, q1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// reportRows reads the report sheet as text, one slice per row (1-based
// index i+1), cut to the table's width.
func reportRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func TestReportRowsAreTheUnitsTasks(t *testing.T) {
	c := loadCatalog(t)
	for _, u := range c.ReportingUnits() {
		t.Run(u.Code, func(t *testing.T) {
			f := build(t, c, u.Code)
			rows := reportRows(t, f, ReportSheet)

			var headers []string
			for _, col := range Columns {
				headers = append(headers, col.Header)
			}
			if got := rows[headerRow-1]; !slices.Equal(got, headers) {
				t.Fatalf("header row %d = %q, want %q", headerRow, got, headers)
			}

			type task struct{ code, role string }
			var got, want []task
			var sections, wantSections []string
			heading := false
			for _, row := range rows[headerRow:] {
				code := at(row, 0)
				switch tk := c.Task(code); {
				case tk != nil && !tk.Heading:
					got = append(got, task{code, at(row, 2)})
					if at(row, 1) != tk.Content || at(row, 3) != tk.Product || at(row, 4) != tk.Timing {
						t.Errorf("task %s: plan columns %q differ from the catalog", code, row[:5])
					}
					for i := 5; i < len(row); i++ {
						if row[i] != "" {
							t.Errorf("task %s: fill-in column %d is not empty: %q", code, i, row[i])
						}
					}
				case tk != nil && tk.Heading:
					heading = true
					if at(row, 1) != tk.Content {
						t.Errorf("heading %s: %q", code, at(row, 1))
					}
				case c.Section(code) != nil:
					sections = append(sections, code)
					if at(row, 1) != c.Section(code).Title {
						t.Errorf("section %s: title %q", code, at(row, 1))
					}
				}
			}
			wantHeading := false
			for _, a := range c.Assignments(u.Code) {
				want = append(want, task{a.Task.Code, a.Role.String()})
				if !slices.Contains(wantSections, a.Task.Section) {
					wantSections = append(wantSections, a.Task.Section)
				}
				wantHeading = wantHeading || a.Task.Parent != ""
			}
			if !slices.Equal(got, want) {
				t.Errorf("task rows\n got %v\nwant %v", got, want)
			}
			if !slices.Equal(sections, wantSections) {
				t.Errorf("section rows %v, want %v", sections, wantSections)
			}
			if heading != wantHeading {
				t.Errorf("IV.1 heading row present %v, want %v", heading, wantHeading)
			}
		})
	}
}

func TestTitleBlock(t *testing.T) {
	c := loadCatalog(t)
	f := build(t, c, "KT")
	var text []string
	for _, row := range reportRows(t, f, ReportSheet)[:headerRow-1] {
		text = append(text, strings.Join(row, " "))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN XÃ XỐP",
		"PHÒNG KINH TẾ",
		"BIỂU BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ I NĂM 2026",
		c.Plan.Reference(),
		"từ ngày 15/12/2025 đến ngày 14/03/2026",
		"chậm nhất ngày 16/03/2026",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("title block lacks %q:\n%s", want, all)
		}
	}
	if got := Deadline(c, q1); period.ShortDate(got) != "16/03/2026" {
		t.Errorf("deadline %s", period.ShortDate(got))
	}
}

func TestValidationsAndProtection(t *testing.T) {
	c := loadCatalog(t)
	f := build(t, c, "NHCSXH")

	dvs, err := f.GetDataValidations(ReportSheet)
	if err != nil {
		t.Fatal(err)
	}
	byColumn := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		byColumn[strings.TrimRight(dv.Sqref[:1], "0123456789")] = dv
	}
	for i, col := range Columns {
		dv := byColumn[string(rune('A'+i))]
		if !col.Fill {
			if dv != nil {
				t.Errorf("locked column %s has a validation", col.Key)
			}
			continue
		}
		if dv == nil || !dv.ShowInputMessage || dv.Prompt == nil || *dv.Prompt != col.Prompt {
			t.Errorf("column %s: no input message %q", col.Key, col.Prompt)
			continue
		}
		if !dv.AllowBlank {
			t.Errorf("column %s does not allow blanks", col.Key)
		}
	}
	status := byColumn["F"]
	if status.Type != "list" || status.Formula1 != "'_danhmuc'!$A$1:$A$4" {
		t.Errorf("status drop-down: type %q formula %q", status.Type, status.Formula1)
	}
	if !status.ShowErrorMessage || status.ErrorStyle == nil || *status.ErrorStyle != "stop" || !strings.Contains(*status.Error, "Không phát sinh trong kỳ") {
		t.Errorf("status validation does not reject other values: %+v", status)
	}
	lists, _ := f.GetRows(ListsSheet)
	var words []string
	for _, r := range lists {
		words = append(words, at(r, 0))
	}
	if want := []string{"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Không phát sinh trong kỳ"}; !slices.Equal(words, want) {
		t.Errorf("status list %q", words)
	}

	// Plan columns locked, fill-in columns unlocked, on every task row.
	rows := reportRows(t, f, ReportSheet)
	for r, row := range rows {
		if tk := c.Task(at(row, 0)); tk == nil || tk.Heading {
			continue
		}
		for i, col := range Columns {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+1)
			id, err := f.GetCellStyle(ReportSheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			st, _ := f.GetStyle(id)
			locked := st.Protection == nil || st.Protection.Locked
			if locked == col.Fill {
				t.Errorf("%s (%s): locked=%v", cell, col.Key, locked)
			}
		}
	}

	// Indicators: non-negative numbers, decimals for money.
	dvs, _ = f.GetDataValidations(IndicatorsSheet)
	if len(dvs) != len(c.IndicatorsOf("NHCSXH")) {
		t.Errorf("%d indicator validations", len(dvs))
	}
	for _, dv := range dvs {
		if (dv.Type != "decimal" && dv.Type != "whole") || dv.Operator != "between" || dv.Formula1 != "0" || !dv.ShowErrorMessage {
			t.Errorf("indicator validation %s: %s %s %s", dv.Sqref, dv.Type, dv.Operator, dv.Formula1)
		}
	}

	// Every sheet is protected without a password; select, resize and
	// insert rows allowed (an inserted row adds to the task above).
	raw := workbookXML(t, f)
	for name, xml := range raw {
		if !strings.HasPrefix(name, "xl/worksheets/sheet") {
			continue
		}
		p := between(xml, "<sheetProtection", ">")
		if p == "" || !strings.Contains(p, `sheet="true"`) {
			t.Errorf("%s is not protected", name)
		}
		if !strings.Contains(p, `insertRows="false"`) {
			t.Errorf("%s: inserting rows is not allowed: %s", name, p)
		}
		for _, bad := range []string{"password", "hashValue", `selectLockedCells="true"`, `selectUnlockedCells="true"`, `formatRows="true"`, `deleteRows="false"`} {
			if strings.Contains(p, bad) {
				t.Errorf("%s: protection has %s: %s", name, bad, p)
			}
		}
	}
}

func TestPrintSettings(t *testing.T) {
	c := loadCatalog(t)
	f := build(t, c, "KT")
	pl, err := f.GetPageLayout(ReportSheet)
	if err != nil {
		t.Fatal(err)
	}
	if *pl.Size != 9 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("page layout: size %d %s fit %dx%d", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
	}
	props, _ := f.GetSheetProps(ReportSheet)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("fit to page is off")
	}
	found := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == ReportSheet && dn.RefersTo == "'Báo cáo'!$8:$8" {
			found = true
		}
	}
	if !found {
		t.Errorf("no print titles: %+v", f.GetDefinedName())
	}
	panes, _ := f.GetPanes(ReportSheet)
	if !panes.Freeze || panes.YSplit != headerRow {
		t.Errorf("panes %+v", panes)
	}
	if f.GetActiveSheetIndex() != 0 || f.GetSheetList()[0] != ReportSheet {
		t.Errorf("active sheet %d, sheets %v", f.GetActiveSheetIndex(), f.GetSheetList())
	}
	for _, xml := range []string{between(workbookXML(t, f)["xl/styles.xml"], "<fonts", "</fonts>")} {
		if strings.Count(xml, `val="Times New Roman"`) < strings.Count(xml, "<font>") {
			t.Errorf("a font is not Times New Roman: %s", xml)
		}
	}
}

func TestSheets(t *testing.T) {
	c := loadCatalog(t)
	for unit, want := range map[string][]string{
		"NHCSXH": {ReportSheet, IndicatorsSheet, InstructionsSheet, ListsSheet, MetaSheet},
		"KT":     {ReportSheet, InstructionsSheet, ListsSheet, MetaSheet},
	} {
		f := build(t, c, unit)
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Errorf("%s: sheets %v, want %v", unit, got, want)
		}
		for _, hidden := range []string{ListsSheet, MetaSheet} {
			if v, _ := f.GetSheetVisible(hidden); v {
				t.Errorf("%s: %s is visible", unit, hidden)
			}
		}
		if !strings.Contains(workbookXML(t, f)["xl/workbook.xml"], `name="_baocao" sheetId="5" r:id="rId8" state="veryHidden"`) &&
			!strings.Contains(workbookXML(t, f)["xl/workbook.xml"], `state="veryHidden"`) {
			t.Errorf("%s: metadata sheet is not very hidden", unit)
		}
	}

	f := build(t, c, "NHCSXH")
	rows, _ := f.GetRows(IndicatorsSheet)
	if !slices.Equal(rows[indicatorsHeaderRow-1], IndicatorColumns) {
		t.Errorf("indicators header %q", rows[indicatorsHeaderRow-1])
	}
	var codes []string
	for _, r := range rows[indicatorsHeaderRow:] {
		codes = append(codes, at(r, 0))
	}
	var want []string
	for _, ind := range c.IndicatorsOf("NHCSXH") {
		want = append(want, ind.Code)
	}
	if !slices.Equal(codes, want) {
		t.Errorf("indicator rows %v, want %v", codes, want)
	}
	text, _ := f.GetRows(InstructionsSheet)
	all := ""
	for _, r := range text {
		all += strings.Join(r, " ") + "\n"
	}
	for _, want := range []string{".xlsx", "không lưu thành .xls", "PDF", "nền vàng", "Không phát sinh trong kỳ", "Chỉ tiêu", "16/03/2026"} {
		if !strings.Contains(strings.ToLower(all), strings.ToLower(want)) {
			t.Errorf("instructions do not mention %q", want)
		}
	}
}

func TestMetadataInThreePlaces(t *testing.T) {
	c := loadCatalog(t)
	f := build(t, c, "HPN")
	want := Meta{Unit: "HPN", Period: "2026-Q1", Fingerprint: c.Fingerprint, Version: Version}
	if m, ok := ReadMeta(f); !ok || m != want {
		t.Fatalf("ReadMeta = %+v, %v; want %+v", m, ok, want)
	}
	got := metaPlaces(t, f)
	for place, m := range got {
		if m != want {
			t.Errorf("%s: %+v, want %+v", place, m, want)
		}
	}

	// Each place alone is enough.
	keys := []string{MetaUnit, MetaPeriod, MetaFingerprint, MetaVersion}
	strip := map[string]func(f *excelize.File){
		"properties": func(f *excelize.File) {
			for _, k := range keys {
				f.SetCustomProps(excelize.CustomProperty{Name: k})
			}
		},
		"sheet": func(f *excelize.File) { f.DeleteSheet(MetaSheet) },
		"names": func(f *excelize.File) {
			for _, k := range keys {
				f.DeleteDefinedName(&excelize.DefinedName{Name: k})
			}
		},
	}
	for keep := range strip {
		f := build(t, c, "HPN")
		for other, fn := range strip {
			if other != keep {
				fn(f)
			}
		}
		if m, ok := ReadMeta(f); !ok || m != want {
			t.Errorf("only %s left: ReadMeta = %+v, %v", keep, m, ok)
		}
	}
	f = build(t, c, "HPN")
	for _, fn := range strip {
		fn(f)
	}
	if m, ok := ReadMeta(f); ok {
		t.Errorf("no metadata left, but ReadMeta = %+v, true", m)
	}
}

// metaPlaces reads the metadata from each place separately.
func metaPlaces(t *testing.T, f *excelize.File) map[string]Meta {
	t.Helper()
	out := map[string]Meta{}
	var m Meta
	props, _ := f.GetCustomProps()
	for _, p := range props {
		if s, ok := p.Value.(string); ok {
			m.set(p.Name, s)
		}
	}
	out["custom properties"] = m
	m = Meta{}
	rows, _ := f.GetRows(MetaSheet)
	for _, r := range rows {
		if len(r) >= 2 {
			m.set(r[0], r[1])
		}
	}
	out["sheet "+MetaSheet] = m
	m = Meta{}
	for _, dn := range f.GetDefinedName() {
		m.set(dn.Name, unquote(dn.RefersTo))
	}
	out["defined names"] = m
	return out
}

func TestFill(t *testing.T) {
	c := loadCatalog(t)
	f := build(t, c, "NHCSXH")
	v := map[string]string{ColStatus: StatusDone.String(), ColResults: "Giải ngân 1.200 triệu đồng", ColDocuments: "Kế hoạch số 15/KH-NHCS ngày 20/01/2026"}
	if err := FillRow(f, "V.1", v); err != nil {
		t.Fatal(err)
	}
	if err := FillIndicator(f, "TONG-DU-NO", 1234.5, 1300); err != nil {
		t.Fatal(err)
	}
	rows := reportRows(t, f, ReportSheet)
	found := 0
	for _, r := range rows {
		if at(r, 0) == "V.1" {
			found++
			if at(r, 5) != "Hoàn thành" || at(r, 6) != v[ColResults] || at(r, 7) != v[ColDocuments] {
				t.Errorf("V.1 row %q", r)
			}
		}
	}
	raw, _ := f.GetRows(IndicatorsSheet, excelize.Options{RawCellValue: true})
	for _, r := range raw {
		if at(r, 0) == "TONG-DU-NO" {
			found++
		}
		if at(r, 0) == "TONG-DU-NO" && (at(r, 3) != "1234.5" || at(r, 4) != "1300") {
			t.Errorf("indicator row %q", r)
		}
	}
	if found != 2 {
		t.Errorf("found %d of the 2 filled rows", found)
	}
	if err := FillRow(f, "III.9", v); err == nil {
		t.Error("FillRow on a task not on the form: no error")
	}
	if err := FillRow(f, "V.1", map[string]string{"cot-la": "x"}); err == nil {
		t.Error("FillRow with an unknown column key: no error")
	}
	if err := FillIndicator(build(t, c, "KT"), "TONG-DU-NO", 1, 2); err == nil {
		t.Error("FillIndicator on a form without indicators: no error")
	}
}

func TestBuildUnknownUnit(t *testing.T) {
	c := loadCatalog(t)
	_, err := Build(c, "XYZ", q1)
	var ue *UnknownUnitError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "không có đơn vị mã «XYZ». Các mã hợp lệ: VP, KT") {
		t.Errorf("err = %v", err)
	}
}

func TestWrite(t *testing.T) {
	c := loadCatalog(t)
	out := t.TempDir()
	path := Path(out, q1, "KT")
	if want := filepath.Join(out, "2026-Q1", "mau-bieu", "KT-2026-Q1.xlsx"); path != want {
		t.Errorf("Path = %s, want %s", path, want)
	}
	for range 2 { // the second write replaces the first
		if err := Write(c, "KT", q1, path); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 || entries[0].Name() != "KT-2026-Q1.xlsx" {
		t.Errorf("folder holds %v", entries)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if m, ok := ReadMeta(f); !ok || m.Unit != "KT" {
		t.Errorf("written file: meta %+v", m)
	}

	// A file where a folder should be: the error names it, nothing is left.
	blocked := filepath.Join(t.TempDir(), "ket-qua")
	os.WriteFile(blocked, []byte("x"), 0o644)
	err = Write(c, "KT", q1, Path(blocked, q1, "KT"))
	var oe *outfile.Error
	if !errors.As(err, &oe) || oe.Path != blocked || !strings.Contains(err.Error(), "«"+blocked+"» là một tệp chứ không phải thư mục") {
		t.Errorf("err = %v", err)
	}

	// The target is a folder: the rename fails, no temporary file is left.
	dir := t.TempDir()
	target := filepath.Join(dir, "KT.xlsx")
	os.Mkdir(target, 0o755)
	os.WriteFile(filepath.Join(target, "x"), nil, 0o644)
	if err := Write(c, "KT", q1, target); err == nil {
		t.Error("writing over a folder: no error")
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestShort(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"Tình trạng", 32, "Tình trạng"},
		{"Văn bản, sản phẩm đã ban hành (số, ký hiệu, ngày)", 32, "Văn bản, sản phẩm đã ban hành (…"},
		{"abcd", 4, "abcd"},
		{"abcde", 4, "abc…"},
	} {
		if got := short(tt.in, tt.n); got != tt.want {
			t.Errorf("short(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestRanges(t *testing.T) {
	if got := ranges("F", []int{10, 11, 12, 14, 16, 17}); got != "F10:F12 F14 F16:F17" {
		t.Errorf("ranges = %q", got)
	}
}

// workbookXML returns the parts of the written workbook.
func workbookXML(t *testing.T, f *excelize.File) map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[zf.Name] = string(b)
	}
	return out
}

// between returns s from the first start up to and including end, or "".
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		return ""
	}
	return s[i : i+j+len(end)]
}
