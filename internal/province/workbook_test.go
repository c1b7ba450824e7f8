package province_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/province"
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
	// every sheet prints on A4 landscape, fit to the page's width
	for _, sheet := range f.GetSheetList() {
		props, err := f.GetSheetProps(sheet)
		lay, _ := f.GetPageLayout(sheet)
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
}
