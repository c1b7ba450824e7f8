package cli

import (
	"archive/zip"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/period"
)

// A second commune's plan, written for the tests and shaped unlike Xốp's.
const otherPlan = "testdata/thach-binh"

// zipText is the text of every XML part of a .docx or .xlsx: the body,
// headers, document properties.
func zipText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var b strings.Builder
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		b.WriteString(html.UnescapeString(tag.ReplaceAllString(strings.ReplaceAll(string(data), "</w:p>", "\n"), " ")))
		b.WriteByte('\n')
	}
	return b.String()
}

// xlsxCells is every cell of every sheet of a workbook, a line each.
func xlsxCells(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, r := range rows {
			b.WriteString(strings.Join(r, " | "))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// xopMarks are what must not leak from Xốp's plan into another commune's
// outputs: its names, its decision, and the task codes it has that the
// other plan does not.
func xopMarks(t *testing.T, other *catalog.Catalog) []*regexp.Regexp {
	xop, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	marks := []*regexp.Regexp{regexp.MustCompile(`(?i)Xốp`), regexp.MustCompile(`(?i)Đăk Glei`), regexp.MustCompile(`1560`)}
	for _, s := range xop.Sections {
		for _, it := range s.Items {
			if other.Task(it.Code) == nil {
				// the code as a whole word: not a part of a longer code
				marks = append(marks, regexp.MustCompile(`(?:^|[^\pL\pN.])`+regexp.QuoteMeta(it.Code)+`(?:$|[^\pL\pN.]|\.(?:$|[^\pL\pN]))`))
			}
		}
	}
	return marks
}

// TestAnotherCommuneEndToEnd runs the whole cycle on a second commune's
// plan: catalog, forms, the units' files, check, report; no output says
// anything of Xốp's.
func TestAnotherCommuneEndToEnd(t *testing.T) {
	c, err := catalog.Load(otherPlan)
	if err != nil {
		t.Fatal(err)
	}
	var texts []struct{ what, text string }
	keep := func(what, text string) { texts = append(texts, struct{ what, text string }{what, text}) }
	runOK := func(args ...string) string {
		t.Helper()
		code, out, errOut := run(t, append([]string{"--data", otherPlan}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		keep(strings.Join(args, " "), out+errOut)
		return out
	}

	out := runOK("catalog")
	if !strings.Contains(out, "Phụ lục nhiệm vụ: 7 phần, 13 nhiệm vụ.") || !strings.Contains(out, "\n  II.3.b.1  Trình HĐND xã") || !strings.Contains(out, "\n  II.3.a    Đưa nguồn vốn") {
		t.Errorf("catalog:\n%s", out)
	}
	runOK("catalog", "--json")
	help := runOK("forms", "--help")
	if !strings.Contains(help, "--unit VPUB --unit PKT") {
		t.Errorf("the help's examples are not this plan's units:\n%s", help)
	}
	if root := runOK("--help"); !strings.Contains(strings.Join(strings.Fields(root), " "), "của Ủy ban nhân dân xã Thạch Bình về kết quả thực hiện kế hoạch triển khai Chỉ thị") {
		t.Errorf("the help does not name this plan:\n%s", root)
	}
	if rh := runOK("report", "--help"); !strings.Contains(rh, "  THƯ_MỤC_RA/KỲ/bao-cao-KỲ.docx   dự thảo báo cáo của Ủy ban nhân dân xã Thạch Bình (theo mẫu\n                                  Word --template);") {
		t.Errorf("the report's help lost its layout:\n%s", rh)
	}

	dir := t.TempDir()
	p := period.MustParse("2026-Q2")
	runOK("forms", "--period", p.String(), "--out", dir)
	forms, _ := filepath.Glob(filepath.Join(dir, p.String(), "mau-bieu", "*.xlsx"))
	if len(forms) != 12 {
		t.Fatalf("%d forms: %v", len(forms), forms)
	}
	for _, f := range forms {
		keep(filepath.Base(f), xlsxCells(t, f)+zipText(t, f))
	}
	pkt := xlsxCells(t, filepath.Join(dir, p.String(), "mau-bieu", "PKT-2026-Q2.xlsx"))
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN XÃ THẠCH BÌNH",
		// both headings above the first item, in order
		"II.3 | Nguồn vốn từ ngân sách xã:\nII.3.a | Đưa nguồn vốn",
		"II.3.b | Nguồn vốn ủy thác năm 2026:\nII.3.b.1 | Trình HĐND xã",
		"cho Phòng Văn hóa - Xã hội; đồng thời in trang",
		"liên hệ Phòng Văn hóa - Xã hội.",
	} {
		if !strings.Contains(pkt, want) {
			t.Errorf("the economic office's form lacks %q:\n%s", want, pkt)
		}
	}
	// The rate in % takes decimals, the households do not.
	f, err := excelize.OpenFile(filepath.Join(dir, p.String(), "mau-bieu", "NHTH-2026-Q2.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	dvs, _ := f.GetDataValidations("Chỉ tiêu")
	f.Close()
	kinds := map[string]string{}
	for _, dv := range dvs {
		kinds[dv.Sqref] = dv.Type
	}
	if kinds["D8:E8"] != "decimal" || kinds["D9:E9"] != "whole" {
		t.Errorf("validations of the indicators: %v", kinds)
	}

	in := fillForms(t, otherPlan, dir, p, "BCHQS")
	files, _ := filepath.Glob(filepath.Join(in, "*.xlsx"))
	out = runOK(append([]string{"check", "--period", p.String()}, files...)...)
	if !strings.Contains(out, "Tổng cộng: 11 tệp; 11 tệp không có lỗi") || !strings.Contains(out, "Phòng Kinh tế (PKT), quý II năm 2026 — 6 dòng khớp nhiệm vụ, 0 dòng không khớp") {
		t.Errorf("check:\n%s", out)
	}
	out = runOK("report", "--period", p.String(), "--in", in, "--out", dir, "--date", "17/06/2026")
	if !strings.Contains(out, "Đơn vị đã gửi: 11/12. Nhiệm vụ có báo cáo: 13/13.") || strings.Contains(out, "Ghi chú khi lập tệp") {
		t.Errorf("report:\n%s", out)
	}
	outDir := filepath.Join(dir, p.String())
	report := zipText(t, filepath.Join(outDir, "bao-cao-2026-Q2.docx"))
	reminder := zipText(t, filepath.Join(outDir, "don-doc-2026-Q2.docx"))
	summary := xlsxCells(t, filepath.Join(outDir, "tong-hop-2026-Q2.xlsx"))
	keep("bao-cao", report)
	keep("don-doc", reminder)
	keep("tong-hop", summary+zipText(t, filepath.Join(outDir, "tong-hop-2026-Q2.xlsx")))
	for _, tc := range []struct{ what, text, want string }{
		{"report", report, "Kết quả thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư"},
		{"report", report, "Thạch Bình, ngày 17 tháng 6 năm 2026"},
		{"report", report, "Ủy ban nhân dân xã Thạch Bình báo cáo kết quả thực hiện quý II năm 2026"},
		// part I by the plan's own sections, the units' sentences as written
		{"report", report, "2. Nguồn vốn cho\u00a0vay"},
		{"report", report, "Văn phòng HĐND và UBND xã đã thực hiện nhiệm vụ II.3.b.1 trong quý II năm 2026."},
		// a rate's move in points; a yearly target without the year's
		// start says what it needs
		{"report", report, "tỷ lệ nợ quá hạn 3.300%, tăng 300 điểm phần trăm"},
		{"report", report, "Đối chiếu mục tiêu của Kế hoạch: trong quý (so sánh số liệu trong kỳ với mục tiêu năm), dư nợ nguồn vốn ủy thác của xã tăng 10,00%, so với mức phấn đấu tăng ít nhất 10% mỗi năm của Kế hoạch."},
		{"report", report, "số lượt hộ được vay vốn đạt 4.400 lượt hộ, đã đạt mục tiêu 600 lượt hộ vào năm 2030"},
		{"report", report, "của Ủy ban nhân dân xã Thạch Bình"},
		{"reminder", reminder, "về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội)"},
		{"reminder", reminder, "Ban Chỉ huy Quân sự xã Thạch Bình"},
		{"summary", summary, "II.3.b | Nguồn vốn ủy thác năm 2026:\nII.3.b.1 | Trình HĐND xã"},
		{"summary", summary, "PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ QUÝ II NĂM 2026"},
		{"summary", summary, "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 6 năm 2026 của Ủy ban nhân dân xã Thạch Bình)"},
	} {
		if !strings.Contains(tc.text, tc.want) {
			t.Errorf("%s lacks %q", tc.what, tc.want)
		}
	}
	if strings.Contains(report, "triển khai kế hoạch triển khai") {
		t.Error("the report's title doubles its words")
	}

	// Nothing of Xốp's, anywhere.
	marks := xopMarks(t, c)
	for _, x := range texts {
		for _, m := range marks {
			if loc := m.FindStringIndex(x.text); loc != nil {
				from, to := max(0, loc[0]-60), min(len(x.text), loc[1]+60)
				t.Errorf("%s holds %q of Xốp's plan: …%s…", x.what, m.String(), x.text[from:to])
			}
		}
	}
	if len(texts) < 20 {
		t.Errorf("only %d outputs looked at", len(texts))
	}
}

// The marks find Xốp's codes as whole codes only.
func TestXopMarks(t *testing.T) {
	c, err := catalog.Load(otherPlan)
	if err != nil {
		t.Fatal(err)
	}
	found := func(s string) bool {
		for _, m := range xopMarks(t, c) {
			if m.MatchString(s) {
				return true
			}
		}
		return false
	}
	for s, want := range map[string]bool{
		"nhiệm vụ IV.1.a.": true, "(V.9)": true, "VI.4": true, "xã Xốp": true, "QĐ 1560/QĐ-TTg": true,
		"nhiệm vụ II.3.b.1.": false, "II.3": false, "IV.1, IV.2": false, "Quý II/2026": false,
	} {
		if got := found(s); got != want {
			t.Errorf("%q: found %v, want %v", s, got, want)
		}
	}
}
