package province_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/officetest"
	"baocao/internal/province"
	"baocao/internal/province/gen"
)

// The workbook holds the roll-up: the per-commune table with the totals,
// the flat sheet one row a commune and indicator; the same inputs give
// the same bytes.
func TestWorkbook(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := smallFolder(t, c)
	r := province.Roll(d, q1, province.Read(d, q1, dir))
	b, err := province.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	again, err := province.Workbook(province.Roll(d, q1, province.Read(d, q1, dir)))
	if err != nil || !bytes.Equal(b, again) {
		t.Errorf("two builds differ (%v)", err)

	}
	if zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
		t.Fatal(err)
	} else {
		charts := 0
		for _, z := range zr.File {
			if strings.HasPrefix(z.Name, "xl/charts/chart") {
				charts++
			}
		}
		if charts != 1 {
			t.Errorf("%d charts, want the shares' one", charts)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// every sheet prints on A4 landscape, fit to the page's width but
	// «Các xã», too wide to fit readably: it prints at 85%, band by band
	for _, sheet := range f.GetSheetList() {
		props, err := f.GetSheetProps(sheet)
		lay, _ := f.GetPageLayout(sheet)
		if sheet == province.SheetCommunes || sheet == province.SheetFlat {
			if props.FitToPage == nil || *props.FitToPage || lay.AdjustTo == nil || *lay.AdjustTo != 85 || lay.Orientation == nil || *lay.Orientation != "landscape" {
				t.Errorf("%s: props %+v, layout %+v", sheet, props, lay)
			}
			continue
		}
		if err != nil || props.FitToPage == nil || !*props.FitToPage || lay.FitToWidth == nil || *lay.FitToWidth != 1 || lay.Orientation == nil || *lay.Orientation != "landscape" {
			t.Errorf("%s: not fit to width on A4 landscape (%v)", sheet, err)
		}
	}
	if got := strings.Join(f.GetSheetList(), "|"); got != "Các xã|Toàn tỉnh|Xếp hạng|Kiến nghị|Dữ liệu|Tệp nhận về" {
		t.Errorf("sheets: %s", got)
	}
	cell := func(sheet, axis string) string {
		v, err := f.GetCellValue(sheet, axis)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// «Các xã»: VON-NSDP is the second indicator, columns H, I, J.
	for _, tt := range []struct{ sheet, axis, want string }{
		{province.SheetCommunes, "C6", "xã Xốp"},
		{province.SheetCommunes, "D6", "Đã gửi"},
		{province.SheetCommunes, "H4", "Nguồn vốn ngân sách địa phương ủy thác (triệu đồng)"},
		{province.SheetCommunes, "H5", "14/12/2025"},
		{province.SheetCommunes, "I5", "14/3/2026"},
		{province.SheetCommunes, "C9", "xã Đăk Pék"},
		{province.SheetCommunes, "D9", "Chưa gửi"},
		{province.SheetCommunes, "C10", "Toàn tỉnh"},
		{province.SheetCommunes, "D10", "3/4"},
		{province.SheetProvince, "B6", "Nguồn vốn ngân sách địa phương ủy thác"},
		{province.SheetRanking, "C5", "phường Trần Phú"},
		{province.SheetFlat, "A1", "period"},
		{province.SheetFlat, "C9", "xã Xốp"}, {province.SheetFlat, "C10", "phường Trần Phú"},
	} {
		if got := cell(tt.sheet, tt.axis); got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.axis, got, tt.want)
		}
	}
	raw := func(sheet, axis string) string {
		v, _ := f.GetCellValue(sheet, axis, excelize.Options{RawCellValue: true})
		return v
	}
	for _, tt := range []struct{ sheet, axis, want string }{
		{province.SheetCommunes, "H6", "5000"}, {province.SheetCommunes, "I6", "6500"}, {province.SheetCommunes, "J6", "1500"},
		{province.SheetCommunes, "H10", "16000"}, {province.SheetCommunes, "I10", "20000"}, {province.SheetCommunes, "J10", "4000"},
		{province.SheetCommunes, "I9", ""}, // not sent: blank, not 0
		{province.SheetProvince, "E6", "20000"},
	} {
		if got := raw(tt.sheet, tt.axis); got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.axis, got, tt.want)
		}
	}
	rows, _ := f.GetRows(province.SheetFlat)
	if len(rows) != 1+4*8 {
		t.Fatalf("flat sheet: %d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	// Trần Phú's VON-NSDP: after the header and Xốp's eight rows
	tp := rows[1+8+1]
	if tp[col["commune_code"]] != "21199" || tp[col["indicator"]] != "VON-NSDP" || tp[col["previous_to"]] != "2025-12-14" ||
		tp[col["current"]] != "12000" || tp[col["sent"]] != "1" {
		t.Errorf("flat row: %v", tp)
	}
	if dp := rows[1+3*8]; dp[col["commune"]] != "xã Đăk Pék" || dp[col["sent"]] != "0" {
		t.Errorf("flat row of a commune that did not send: %v", dp)
	}
	// files are named below the folder read, never with its folders
	if got := tp[col["file"]]; got != "zalo/file (1).xlsx" {
		t.Errorf("flat row's file: %q", got)
	}
	if bytes.Contains(b, []byte(filepath.ToSlash(dir))) || bytes.Contains(b, []byte(dir)) {
		t.Error("the workbook names the folder read")
	}
	// the print version: the same without the flat sheet
	pb, err := province.PrintWorkbook(r)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := excelize.OpenReader(bytes.NewReader(pb))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(pf.GetSheetList(), "|"); got != "Các xã|Toàn tỉnh|Xếp hạng|Kiến nghị|Tệp nhận về" {
		t.Errorf("print version's sheets: %s", got)
	}
}

// A commune that sent without figures is said on its row and once above
// the province's figures, which are the sums of the others.
func TestWorkbookWithoutFigures(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := t.TempDir()
	write(t, c, q1, small[0], filepath.Join(dir, "xop.xlsx"), saved)
	bare := small[1]
	bare.Figures = nil
	write(t, c, q1, bare, filepath.Join(dir, "tran-phu.xlsx"), saved)
	b, err := province.Workbook(province.Roll(d, q1, province.Read(d, q1, dir)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ sheet, axis, want string }{
		{province.SheetCommunes, "D7", "Đã gửi, chưa có số liệu"},
		{province.SheetProvince, "A3", "Số liệu toàn tỉnh là tổng của 1/2 xã, phường, đặc khu đã gửi có số liệu; chưa có số liệu của phường Trần Phú (bảng tổng hợp gửi về không có số liệu kỳ này)"},
		{province.SheetProvince, "E5", "110,000"}, // Xốp alone (excelize formats the English way)
		{province.SheetProvince, "I5", ""},        // said once above, not on each row
	} {
		if got, _ := f.GetCellValue(tt.sheet, tt.axis); got != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.axis, got, tt.want)
		}
	}
}

// The workbook prints readable through LibreOffice: every page A4
// landscape, no text under 9 pt; «Các xã», too wide for one page, prints
// band by band, each page with the communes' names (the key columns
// repeated), and numbers the Vietnamese way.
func TestWorkbookPrintsReadable(t *testing.T) {
	officetest.Binary(t)
	c := commune(t)
	const n = 40
	d := gen.Province(c, "Quảng Ngãi", 23, n)
	dir := t.TempDir()
	if _, err := gen.Write(c, "Quảng Ngãi", q1, 23, n-3, dir); err != nil { // three have not sent
		t.Fatal(err)
	}
	r := province.Roll(d, q1, province.Read(d, q1, dir))
	book, err := province.PrintWorkbook(r) // as Build makes the PDF
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), province.WorkbookName(q1))
	os.WriteFile(path, book, 0o644)
	perPoint := officetest.BoxHeightPerPoint(t)
	pdf := officetest.Convert(t, path, "pdf")
	pages := officetest.PDFWords(t, pdf)
	if keep := os.Getenv("BAOCAO_KEEP_PDF"); keep != "" {
		b, _ := os.ReadFile(pdf)
		os.WriteFile(filepath.Join(keep, "doc-duoc-"+filepath.Base(pdf)), b, 0o644)
		os.WriteFile(filepath.Join(keep, "doc-duoc-"+filepath.Base(path)), book, 0o644)
	}
	smallest, where := math.Inf(1), ""
	communePages, named, lastIndicator := 0, 0, false
	last := strings.Fields(d.Indicators[len(d.Indicators)-1].Name)[0] // «Doanh»
	for i, p := range pages {
		if math.Abs(p.Width-841.9) > 1 || math.Abs(p.Height-595.3) > 1 {
			t.Errorf("page %d is %.1f × %.1f pt, not A4 landscape", i+1, p.Width, p.Height)
		}
		words := map[string]bool{}
		for _, w := range p.Words {
			words[w.Text] = true
			if size := (w.YMax - w.YMin) / perPoint; size < smallest {
				smallest, where = size, fmt.Sprintf("page %d, «%s»", i+1, w.Text)
			}
		}
		if words["Bảng"] && words["STT"] && words["Mã"] { // the header of «Các xã»
			communePages++
			if words["Thử"] && words["Nghiệm"] || words["Toàn"] && words["tỉnh"] { // the last rows: the totals
				named++
			}
			lastIndicator = lastIndicator || words[last]
		}
	}
	t.Logf("%d pages, «%s» on %d, smallest text %.1f pt (%s)", len(pages), province.SheetCommunes, communePages, smallest, where)
	if smallest < 9 {
		t.Errorf("text printed at %.1f pt (%s), under 9 pt", smallest, where)
	}
	if communePages < 2 || named != communePages || !lastIndicator {
		t.Errorf("«%s»: %d pages, %d with the communes' names, the last indicator printed %v", province.SheetCommunes, communePages, named, lastIndicator)
	}
	if text := officetest.PDFText(t, pdf); !regexp.MustCompile(`\d\.\d{3}(,\d+)? `).MatchString(text) || regexp.MustCompile(`\d,\d{3}\.\d\d`).MatchString(text) {
		t.Errorf("numbers are not printed the Vietnamese way (1.234,5)")
	}
	// the flat sheet is for import: not in the PDF, nor the folder read
	if text := officetest.PDFText(t, pdf); strings.Contains(text, "commune_code") || strings.Contains(text, dir) {
		t.Errorf("the PDF prints the flat sheet or the folder read")
	}
}
