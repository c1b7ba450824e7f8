package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

// TestReadFigure: figures as units type them, read into the indicator's
// measure or refused.
func TestReadFigure(t *testing.T) {
	money := &catalog.Indicator{Code: "TONG-DU-NO", Name: "Tổng dư nợ", Measure: "triệu đồng", Kind: "stock"}
	customers := &catalog.Indicator{Code: "KHACH-HANG", Name: "Số khách hàng còn dư nợ", Measure: "khách hàng", Kind: "stock"}
	groups := &catalog.Indicator{Code: "TO-TKVV", Name: "Số Tổ Tiết kiệm và vay vốn", Measure: "tổ", Kind: "stock"}
	ratio := &catalog.Indicator{Code: "TY-LE", Name: "Tỷ lệ nợ quá hạn", Measure: "%", Kind: "stock"}
	tests := []struct {
		in     string
		ind    *catalog.Indicator
		want   float64
		note   bool   // converted: a warning says so
		refuse string // part of the reason it is refused
	}{
		{"1.234,5", money, 1234.5, false, ""},
		{"1234.5", money, 1234.5, false, ""},
		{"2.000", money, 2000, false, ""},
		{"1 234 567", money, 1234567, false, ""},
		{"1.234,5 triệu đồng", money, 1234.5, false, ""},
		{"1.234,5 tr.đ", money, 1234.5, false, ""},
		{"1.234,5 triệu", money, 1234.5, false, ""},
		{"12,5 tỷ", money, 12500, true, ""},
		{"12,5 tỷ đồng", money, 12500, true, ""},
		{"1,1 tỉ", money, 1100, true, ""},
		{"1.250.000.000 đồng", money, 1250, true, ""},
		{"1.250.000.000 đ", money, 1250, true, ""},
		{"1.250.000.000 VNĐ", money, 1250, true, ""},
		{"850 nghìn đồng", money, 0.85, true, ""},
		{"850 ngàn", money, 0.85, true, ""},
		{"1 tỷ 250 triệu", money, 1250, true, ""},
		{"2 tỷ 500 triệu đồng", money, 2500, true, ""},
		{"12,5", money, 12.5, false, ""},
		{"-12", money, -12, false, ""}, // refused by checkFigure
		{"khoảng hai tỷ", money, 0, false, "không phải là số"},
		{"12,5 hộ", money, 0, false, "không đổi được"},
		{"85%", money, 0, false, "tỷ lệ phần trăm"},
		{"250 triệu 1 tỷ", money, 0, false, "không phải là số"},
		{"1 tỷ 250", money, 0, false, "không phải là số"},
		{"chưa có số liệu", money, 0, false, "không phải là số"},
		{"1.234", customers, 1234, false, ""},
		{"1.234 khách hàng", customers, 1234, false, ""},
		{"1.234 KH", customers, 1234, false, ""},
		{"1.234 hộ", customers, 0, false, "không đổi được"},
		{"1 tỷ", customers, 0, false, "không đổi được"},
		{"48 tổ", groups, 48, false, ""},
		{"85%", ratio, 85, false, ""},
		{"0,85", ratio, 0.85, false, ""},
		{"3 triệu", ratio, 0, false, "không đổi được"},
	}
	for _, tt := range tests {
		v, note, bad := readFigure(tt.in, tt.ind)
		switch {
		case tt.refuse != "":
			if !strings.Contains(bad, tt.refuse) {
				t.Errorf("readFigure(%q, %s) = %v, %q, %q; want refused with %q", tt.in, tt.ind.Measure, v, note, bad, tt.refuse)
			}
		case bad != "" || v != tt.want || (note != "") != tt.note:
			t.Errorf("readFigure(%q, %s) = %v, %q, %q; want %v (converted %v)", tt.in, tt.ind.Measure, v, note, bad, tt.want, tt.note)
		}
	}
	// The example of a figure that is no number fits the measure.
	for _, tt := range []struct {
		ind  *catalog.Indicator
		want string
	}{
		{money, "Ghi một số (triệu đồng), ví dụ 1.234,5."},
		{customers, "Ghi một số (khách hàng), ví dụ 1.234."},
		{groups, "Ghi một số (tổ), ví dụ 1.234."},
		{ratio, "Ghi một số (%), ví dụ 0,5."},
	} {
		if _, _, bad := readFigure("chưa có", tt.ind); !strings.HasSuffix(bad, tt.want) {
			t.Errorf("readFigure(«chưa có», %s) = %q; want it to end %q", tt.ind.Measure, bad, tt.want)
		}
	}
	checks := []struct {
		v    float64
		ind  *catalog.Indicator
		want string
	}{
		{-12, money, "số âm"},
		{0, money, ""},
		{12.5, customers, "không phải số nguyên"},
		{12, customers, ""},
		{3.5, groups, "không phải số nguyên"},
		{0.85, ratio, ""},
	}
	for _, tt := range checks {
		if got := checkFigure(tt.v, tt.ind); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("checkFigure(%v, %s) = %q, want %q", tt.v, tt.ind.Code, got, tt.want)
		}
	}
	// A bare figure in đồng where the measure is triệu đồng.
	large := []struct {
		v    float64
		ind  *catalog.Indicator
		want string
	}{
		{1250000000, money, "có phải đơn vị ghi số bằng đồng? Nếu vậy số đúng là 1.250 triệu đồng"},
		{1000001, money, "hơn 1.000 tỷ đồng"},
		{1000000, money, ""},
		{98450, money, ""},
		{1250000000, customers, ""},
		{1250000000, ratio, ""},
	}
	for _, tt := range large {
		if got := implausibleMoney(tt.v, tt.ind); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("implausibleMoney(%v, %s) = %q, want %q", tt.v, tt.ind.Code, got, tt.want)
		}
	}
}

// nhBook is NHCSXH's form with the indicators' cells set as given, by
// code: [previous, current]; nil leaves the fixture's value.
func nhBook(c *catalog.Catalog, p period.Period, values map[string][2]any) book {
	b := formBook(c, "NHCSXH", p, nil)
	for _, row := range b.sheets[1].rows[3:] {
		if v, ok := values[row[0].(string)]; ok {
			if v[0] != nil {
				row[3] = v[0]
			}
			if v[1] != nil {
				row[4] = v[1]
			}
		}
	}
	return b
}

// indicatorOf returns the value read for code.
func indicatorOf(t *testing.T, s *Submission, code string) IndicatorValue {
	t.Helper()
	for _, v := range s.Indicators {
		if v.Code == code {
			return v
		}
	}
	t.Fatalf("no indicator %s\n%s", code, problemsText(s))
	return IndicatorValue{}
}

func problemAt(s *Submission, sev Severity, cell, want string) bool {
	for _, p := range s.Problems {
		if p.Severity == sev && p.Pos.Ref() == cell && strings.Contains(p.Message, want) {
			return true
		}
	}
	return false
}

// TestIndicatorFigures: in the indicators sheet, figures with units are
// converted with a warning at their cell, impossible ones are errors at
// their cell, and a jump of more than ten times is a warning naming both
// cells.
func TestIndicatorFigures(t *testing.T) {
	c := loadCatalog(t)
	b := nhBook(c, q1, map[string][2]any{
		"TONG-NGUON-VON": {"12 tỷ", "12,5 tỷ"},
		"VON-NSDP":       {"1.250.000.000 đồng", "1 tỷ 300 triệu"},
		"TONG-DU-NO":     {-5.0, "850 nghìn đồng"},
		"KHACH-HANG":     {1200.0, 1234.5},
		"NO-QUA-HAN":     {"12,5 hộ", "không có"},
		"TO-TKVV":        {48.0, 490.0},
		"DS-CHO-VAY":     {100.0, 1500.0},
		"DS-THU-NO":      {1250000000.0, "1.300.000.000"}, // đồng, not triệu
	})
	path := tempPath(t, "NHCSXH-2026-Q1.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{Period: q1})
	if v := indicatorOf(t, s, "TONG-NGUON-VON"); *v.Previous != 12000 || *v.Current != 12500 || v.CurrentCell != (Pos{Row: 4, Col: 5}) || v.PreviousCell != (Pos{Row: 4, Col: 4}) {
		t.Errorf("TONG-NGUON-VON: %+v", v)
	}
	if !problemAt(s, SeverityWarning, "E4", "đã đổi «12,5 tỷ» thành 12.500 triệu đồng") {
		t.Errorf("no conversion warning at E4\n%s", problemsText(s))
	}
	if v := indicatorOf(t, s, "VON-NSDP"); *v.Previous != 1250 || *v.Current != 1300 {
		t.Errorf("VON-NSDP: %v %v", *v.Previous, *v.Current)
	}
	if v := indicatorOf(t, s, "TONG-DU-NO"); v.Previous != nil || *v.Current != 0.85 {
		t.Errorf("TONG-DU-NO: %+v", v)
	}
	for cell, want := range map[string]string{
		"D6":  "số âm (-5)",
		"E7":  "không phải số nguyên",
		"D8":  "không đổi được",
		"E8":  "«không có» không phải là số",
		"D11": "có phải đơn vị ghi số bằng đồng? Nếu vậy số đúng là 1.250 triệu đồng",
		"E11": "số đúng là 1.300 triệu đồng",
	} {
		if !problemAt(s, SeverityError, cell, want) {
			t.Errorf("no error at %s containing %q\n%s", cell, want, problemsText(s))
		}
	}
	if v := indicatorOf(t, s, "DS-THU-NO"); v.Previous != nil || v.Current != nil {
		t.Errorf("a figure in đồng was read as triệu: %+v", v)
	}
	if v := indicatorOf(t, s, "KHACH-HANG"); v.Current != nil {
		t.Errorf("a fraction of customers was read: %v", *v.Current)
	}
	for _, cell := range []string{"E9", "E10"} { // TO-TKVV 48 -> 480, DS-CHO-VAY 100 -> 1500
		found := false
		for _, p := range s.Problems {
			found = found || p.Pos.Ref() == cell && p.Severity == SeverityWarning && strings.Contains(p.Message, "hơn 10 lần") &&
				strings.Contains(p.Message, "ô "+cell) && strings.Contains(p.Message, "ô D"+cell[1:])
		}
		if !found {
			t.Errorf("no jump warning naming %s and D%s\n%s", cell, cell[1:], problemsText(s))
		}
	}
}

// TestPercentCell: a cell formatted as a percentage (0,85 shown as 85%) is
// read as 85 for an indicator counted in %, and refused for money.
func TestPercentCell(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{catalog.PlanFile, "tasks.yaml", "units.yaml", "indicators.yaml"} {
		b, err := os.ReadFile(filepath.Join("../../data", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "indicators.yaml" {
			b = []byte(strings.Replace(string(b), "\n# Targets", "\n  - code: TY-LE-NQH\n    name: Tỷ lệ nợ quá hạn\n    measure: \"%\"\n    unit: NHCSXH\n    kind: stock\n    decimals: 2\n\n# Targets", 1))
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	c, err := catalog.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := tempPath(t, "NHCSXH-2026-Q1.xlsx")
	formBook(c, "NHCSXH", q1, nil).write(t, path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	custom := "0.0%"
	pct2, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	// TY-LE-NQH is the 9th indicator, row 12; TONG-NGUON-VON row 4.
	f.SetCellFloat("Chỉ tiêu", "D12", 0.85, -1, 64)
	f.SetCellFloat("Chỉ tiêu", "E12", 0.9, -1, 64)
	f.SetCellStyle("Chỉ tiêu", "D12", "D12", pct)
	f.SetCellStyle("Chỉ tiêu", "E12", "E12", pct2)
	f.SetCellFloat("Chỉ tiêu", "E4", 0.5, -1, 64)
	f.SetCellStyle("Chỉ tiêu", "E4", "E4", pct)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s := readUnchanged(t, path, c, Options{Period: q1})
	if v := indicatorOf(t, s, "TY-LE-NQH"); v.Previous == nil || *v.Previous != 85 || v.Current == nil || *v.Current != 90 {
		t.Errorf("TY-LE-NQH: %+v\n%s", v, problemsText(s))
	}
	if !problemAt(s, SeverityError, "E4", "định dạng phần trăm") {
		t.Errorf("a percentage in a money cell read:\n%s", problemsText(s))
	}
}

// TestFiguresAgainstPreviousFile: the same unit's file for the quarter
// before, when it is at hand, must end where this one starts.
func TestFiguresAgainstPreviousFile(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	q4 := period.MustParse("2025-Q4")
	prev := filepath.Join(dir, "NHCSXH-2025-Q4.xlsx")
	ends := map[string][2]any{}
	for i, ind := range c.IndicatorsOf("NHCSXH") {
		ends[ind.Code] = [2]any{nil, float64(1000 * (i + 1))} // where Q1's form starts
	}
	ends["TONG-NGUON-VON"] = [2]any{900.0, 1000.0} // Q1 says it started at 1.200
	ends["VON-NSDP"] = [2]any{150.0, 200.0}
	nhBook(c, q4, ends).write(t, prev)
	now := filepath.Join(dir, "NHCSXH-2026-Q1.xlsx")
	b := nhBook(c, q1, map[string][2]any{"TONG-NGUON-VON": {1200.0, 1300.0}, "VON-NSDP": {200.0, 210.0}})
	b.sheets[1].rows[4][3] = nil // VON-NSDP: no previous value, current compared with Q4's
	b.sheets[1].rows[4][4] = 2500.0
	b.write(t, now)
	subs := ReadAll([]string{dir}, c, Options{})
	var s *Submission
	for _, x := range subs {
		if x.Path == now {
			s = x
		}
	}
	if s == nil {
		t.Fatalf("%v", subs)
	}
	if !problemAt(s, SeverityWarning, "D4", "cuối kỳ trước ghi 1.200 triệu đồng (ô D4) nhưng tệp NHCSXH-2025-Q4.xlsx (báo cáo quý IV năm 2025 của cùng đơn vị) ghi cuối kỳ này 1.000 triệu đồng (trang tính «Chỉ tiêu», ô E4)") {
		t.Errorf("no disagreement warning at D4\n%s", problemsText(s))
	}
	if !problemAt(s, SeverityWarning, "E5", "gấp 12,5 lần cuối kỳ này của tệp NHCSXH-2025-Q4.xlsx") {
		t.Errorf("no jump warning at E5\n%s", problemsText(s))
	}
	if problemAt(s, SeverityWarning, "D6", "Hai số phải bằng nhau") {
		t.Errorf("agreeing figures flagged\n%s", problemsText(s))
	}

	// Checking Q1, last quarter's file is kept to compare with: a note,
	// not an error asking the unit to send Q1, which it did.
	for _, x := range ReadAll([]string{dir}, c, Options{Period: q1}) {
		if x.Path != prev {
			continue
		}
		if x.HasErrors() || x.ComparedWith != now || !hasProblem(x, SeverityWarning, "tệp là báo cáo quý IV năm 2025, kỳ trước quý I năm 2026: chỉ dùng để đối chiếu số liệu chỉ tiêu với tệp NHCSXH-2026-Q1.xlsx") {
			t.Errorf("last quarter's file, checking Q1: compared with %q\n%s", x.ComparedWith, problemsText(x))
		}
	}
}

// TestPercentCellInTable: a percentage cell in the task table reads as
// it shows: a status of 80% is Đang thực hiện, with "80%" kept; a result
// of 85% is "85%", not "0,85".
func TestPercentCellInTable(t *testing.T) {
	c := loadCatalog(t)
	path := tempPath(t, "KT-2026-Q1.xlsx")
	filled(c).write(t, path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	f.SetCellFloat("Báo cáo", "F8", 0.8, -1, 64)
	f.SetCellFloat("Báo cáo", "G8", 0.85, -1, 64)
	f.SetCellStyle("Báo cáo", "F8", "G8", pct)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s := readUnchanged(t, path, c, Options{Period: q1})
	r := rowOf(t, s, "I.1")
	if r.Status != forms.StatusInProgress || r.StatusWords != "80%" || r.Results != "85%" {
		t.Errorf("I.1: %+v\n%s", r, problemsText(s))
	}
}

// A large figure written with its unit says what it means: converted, with
// its warning, and never refused as if written in đồng.
func TestLargeFigureWithItsUnit(t *testing.T) {
	c := loadCatalog(t)
	b := nhBook(c, q1, map[string][2]any{"TONG-NGUON-VON": {"1.400 tỷ", "1.500 tỷ"}})
	path := tempPath(t, "NHCSXH-2026-Q1.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{Period: q1})
	if v := indicatorOf(t, s, "TONG-NGUON-VON"); v.Current == nil || *v.Current != 1500000 {
		t.Errorf("TONG-NGUON-VON: %+v\n%s", v, problemsText(s))
	}
	if problemAt(s, SeverityError, "E4", "") || !problemAt(s, SeverityWarning, "E4", "đã đổi «1.500 tỷ» thành 1.500.000 triệu đồng") {
		t.Errorf("want the conversion's warning alone at E4\n%s", problemsText(s))
	}
}
