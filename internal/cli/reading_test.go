package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/officetest"
	"baocao/internal/period"
)

// filledForm builds unit's form for p and fills every task (status from
// status, results "Kết quả của CODE") and, for the bank, every indicator.
func filledForm(t *testing.T, c *catalog.Catalog, unit string, p period.Period, path string, status func(i int) string, saved string) {
	t.Helper()
	f, err := forms.Build(c, unit, p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, a := range c.Assignments(unit) {
		if err := forms.FillRow(f, a.Task.Code, map[string]string{forms.ColStatus: status(i), forms.ColResults: "Kết quả của " + a.Task.Code}); err != nil {
			t.Fatal(err)
		}
	}
	for i, ind := range c.IndicatorsOf(unit) {
		if err := forms.FillIndicator(f, ind.Code, float64(1000*(i+1)), float64(1100*(i+1))); err != nil {
			t.Fatal(err)
		}
	}
	if saved != "" {
		props, _ := f.GetDocProps()
		props.Modified = saved
		if err := f.SetDocProps(props); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// rowWith returns the sheet row (1-based) whose column A is code.
func rowWith(t *testing.T, path, sheet, code string) int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && r[0] == code {
			return i + 1
		}
	}
	t.Fatalf("%s: no row %s on «%s»", path, code, sheet)
	return 0
}

// sheetsBook writes a workbook of sheets (name, rows, merges, hidden).
type sheetSpec struct {
	name   string
	rows   [][]any
	merges [][2]string
	hidden bool
}

func writeSheets(t *testing.T, path string, sheets ...sheetSpec) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else {
			f.NewSheet(s.name)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			f.MergeCell(s.name, m[0], m[1])
		}
	}
	f.SetActiveSheet(0)
	for _, s := range sheets {
		if s.hidden {
			f.SetSheetVisible(s.name, false)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// TestReadingWhatUnitsSend: check and report on a folder filled the ways
// units really fill it (issue 9): LibreOffice editing rows and typing
// statuses in the unit's own words and figures with units, a PDF, a Word
// file named .xls, a zip, two files of one unit, a sheet per quarter, a
// two-row header with a column per status marked x, a formula returning
// "", a right-to-left override, the previous quarter's file at hand. The
// rows, statuses and figures come out right, with a warning wherever the
// program interpreted.
func TestReadingWhatUnitsSend(t *testing.T) {
	c, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	q1, q4 := period.MustParse("2026-Q1"), period.MustParse("2025-Q4")
	in := t.TempDir()
	exact := func(i int) string { return forms.Statuses[0].String() }

	// KT: filled, then edited in LibreOffice Calc.
	src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
	filledForm(t, c, "KT", q1, src, exact, "")
	i1, i2, ii1 := rowWith(t, src, forms.ReportSheet, "I.1"), rowWith(t, src, forms.ReportSheet, "I.2"), rowWith(t, src, forms.ReportSheet, "II.1")
	ref := func(col string, row int) string { return col + itoa(row) }
	kt := officetest.Edit(t, src, "KT-2026-Q1.xlsx",
		officetest.Type(forms.ReportSheet, ref("F", i1), "đã xong"),
		officetest.Type(forms.ReportSheet, ref("F", i2), "hoàn thành 80%"),
		officetest.Type(forms.ReportSheet, ref("F", ii1), "Không hoàn thành"),
		officetest.Formula(forms.ReportSheet, ref("K", i1), `=IF(G`+itoa(i1)+`="";"Thiếu kết quả";"")`),
		officetest.Insert(forms.ReportSheet, i2+1, 1),
		officetest.Type(forms.ReportSheet, ref("G", i2+1), "Bổ sung: phát 200 tờ rơi"),
		officetest.Delete(forms.ReportSheet, 3, 1),
	)
	copyTo(t, kt, filepath.Join(in, "KT-2026-Q1.xlsx"))

	// NHCSXH: figures typed with their units in LibreOffice; last
	// quarter's file kept in a subfolder.
	src = filepath.Join(t.TempDir(), "NHCSXH-2026-Q1.xlsx")
	filledForm(t, c, "NHCSXH", q1, src, exact, "")
	capital, local, lending := rowWith(t, src, forms.IndicatorsSheet, "TONG-NGUON-VON"), rowWith(t, src, forms.IndicatorsSheet, "VON-NSDP"), rowWith(t, src, forms.IndicatorsSheet, "DS-CHO-VAY")
	nh := officetest.Edit(t, src, "NHCSXH-2026-Q1.xlsx",
		officetest.Type(forms.IndicatorsSheet, ref("D", capital), "12 tỷ"),
		officetest.Type(forms.IndicatorsSheet, ref("E", capital), "12,5 tỷ"),
		officetest.Type(forms.IndicatorsSheet, ref("E", local), "1.300.000.000 đồng"),
		officetest.Number(forms.IndicatorsSheet, ref("D", lending), 100),
		officetest.Number(forms.IndicatorsSheet, ref("E", lending), 1500),
	)
	copyTo(t, nh, filepath.Join(in, "NHCSXH-2026-Q1.xlsx"))
	os.Mkdir(filepath.Join(in, "quy-truoc"), 0o755)
	prev := filepath.Join(in, "quy-truoc", "NHCSXH-2025-Q4.xlsx")
	filledForm(t, c, "NHCSXH", q4, prev, exact, "")
	pf, _ := excelize.OpenFile(prev)
	pf.SetCellFloat(forms.IndicatorsSheet, ref("E", capital), 11800, -1, 64) // Q1 says it started at 12.000
	pf.Save()
	pf.Close()

	// CA: two files; the one saved last reached the folder first.
	caNew, caOld := filepath.Join(in, "CA-2026-Q1 (sua).xlsx"), filepath.Join(in, "CA-2026-Q1.xlsx")
	filledForm(t, c, "CA", q1, caNew, func(i int) string { return "Đang thực hiện" }, "2026-03-20T08:15:00Z")
	filledForm(t, c, "CA", q1, caOld, exact, "2026-03-18T02:05:00Z")
	cf, _ := excelize.OpenFile(caNew)
	caTask := c.Assignments("CA")[0].Task.Code
	cf.SetCellStr(forms.ReportSheet, ref("G", rowWith(t, caNew, forms.ReportSheet, caTask)), "Tuần tra \u202Ebảo vệ\u202C điểm giao dịch")
	cf.Save()
	cf.Close()
	now := time.Now()
	os.Chtimes(caNew, now.Add(-48*time.Hour), now.Add(-48*time.Hour))
	os.Chtimes(caOld, now, now)

	// MTTQ: its form in a zip, as an e-mail attachment.
	mt := filepath.Join(t.TempDir(), "MTTQ-2026-Q1.xlsx")
	filledForm(t, c, "MTTQ", q1, mt, func(i int) string { return "xong" }, "")
	data, _ := os.ReadFile(mt)
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("Gui van phong/MTTQ-2026-Q1.xlsx")
	w.Write(data)
	zw.Close()
	os.WriteFile(filepath.Join(in, "thu-dien-tu.zip"), zbuf.Bytes(), 0o644)

	// HND: a PDF. DTN: a Word file named .xls.
	os.WriteFile(filepath.Join(in, "Bao cao Hoi Nong dan quy 1.pdf"), []byte("%PDF-1.4\n"), 0o644)
	txt := filepath.Join(t.TempDir(), "dtn.txt")
	os.WriteFile(txt, []byte("Báo cáo của Đoàn Thanh niên\n"), 0o644)
	copyTo(t, officetest.Convert(t, txt, "doc:MS Word 97"), filepath.Join(in, "DTN-2026-Q1.xls"))

	// HCCB: a sheet per quarter, last year's hidden.
	hccb := c.Assignments("HCCB")
	quarter := func(name, result string, hidden bool) sheetSpec {
		rows := [][]any{{"HỘI CỰU CHIẾN BINH XÃ XỐP"}, {"STT", "Nội dung", "Tình trạng", "Kết quả thực hiện"}}
		for _, a := range hccb {
			rows = append(rows, []any{a.Task.Code, "", "Hoàn thành", result})
		}
		return sheetSpec{name: name, rows: rows, hidden: hidden}
	}
	writeSheets(t, filepath.Join(in, "HCCB-2026-Q1.xlsx"), quarter("Quý I", "Kết quả quý I của Hội", false), quarter("Quý IV-2025", "Kết quả quý IV cũ", true))

	// HPN: its own table at C12 under a two-row header, a column per
	// status marked x.
	hpn := c.Assignments("HPN")
	rows := make([][]any, 11)
	rows[1] = []any{"", "", "HỘI LIÊN HIỆP PHỤ NỮ XÃ XỐP"}
	rows[4] = []any{"", "", "BÁO CÁO KẾT QUẢ QUÝ I NĂM 2026"}
	rows = append(rows,
		[]any{"", "", "STT", "Nội dung nhiệm vụ", "Tình trạng", "", "", "Kết quả", ""},
		[]any{"", "", "", "", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Đã làm", "Tồn tại"})
	for i, a := range hpn {
		mark := []any{"x", "", ""}
		if i%2 == 1 {
			mark = []any{"", "x", ""}
		}
		rows = append(rows, append(append([]any{"", "", a.Task.Code, a.Task.Content}, mark...), "Hội phụ nữ làm "+a.Task.Code, "Thiếu kinh phí"))
	}
	writeSheets(t, filepath.Join(in, "HPN-2026-Q1.xlsx"), sheetSpec{name: "Sheet1", rows: rows,
		merges: [][2]string{{"C12", "C13"}, {"D12", "D13"}, {"E12", "G12"}, {"H12", "I12"}}})

	if d := os.Getenv("BAOCAO_KEEP_INPUT"); d != "" {
		os.CopyFS(d, os.DirFS(in))
	}
	before := treeSums(t, in)

	// check
	code, stdout, stderr := run(t, "check", "--data", dataDir, "--period", "2026-Q1", "--json", in)
	if code != ExitProblems {
		t.Errorf("check: exit %d, want %d (a PDF and a Word file are errors)\n%s", code, ExitProblems, stderr)
	}
	var doc jsonCheck
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("check --json: %v\n%s", err, stdout)
	}
	files := map[string]jsonCheckFile{}
	for _, f := range doc.Files {
		files[filepath.Base(f.Path)] = f
	}
	// Each problem's "cell" says what its "row" and "col" say.
	for _, f := range doc.Files {
		for _, p := range f.Problems {
			want := ""
			switch {
			case p.Row > 0 && p.Col > 0:
				want, _ = excelize.CoordinatesToCellName(p.Col, p.Row)
			case p.Row > 0:
				want = fmt.Sprintf("dòng %d", p.Row)
			case p.Col > 0:
				name, _ := excelize.ColumnNumberToName(p.Col)
				want = "cột " + name
			}
			if p.Cell != want {
				t.Errorf("%s: cell %q, row %d, col %d", filepath.Base(f.Path), p.Cell, p.Row, p.Col)
			}
		}
	}
	messages := func(name string) string {
		var b strings.Builder
		for _, p := range files[name].Problems {
			b.WriteString(p.Severity + " " + p.Cell + ": " + p.Message + "\n")
		}
		return b.String()
	}
	ktFile := files["KT-2026-Q1.xlsx"]
	if len(ktFile.Rows) != len(c.Assignments("KT")) || strings.Contains(messages("KT-2026-Q1.xlsx"), "error") {
		t.Errorf("KT: %d rows\n%s", len(ktFile.Rows), messages("KT-2026-Q1.xlsx"))
	}
	for _, r := range ktFile.Rows {
		switch r.Task {
		case "I.1":
			if r.Status != "Hoàn thành" || r.StatusText != "đã xong" {
				t.Errorf("KT I.1: %+v", r)
			}
		case "I.2":
			if r.Status != "Đang thực hiện" || r.StatusWords != "hoàn thành 80%" || !strings.HasSuffix(r.Results, "\nBổ sung: phát 200 tờ rơi") {
				t.Errorf("KT I.2: %+v", r)
			}
		case "II.1":
			if r.Status == "Hoàn thành" || r.StatusWords != "Không hoàn thành" {
				t.Errorf("KT II.1, a negation: %+v", r)
			}
		}
	}
	mustContain(t, "KT's messages", messages("KT-2026-Q1.xlsx"),
		"đã hiểu tình trạng «đã xong» của nhiệm vụ I.1 là «Hoàn thành»",
		"tình trạng «hoàn thành 80%» của nhiệm vụ I.2 được xếp vào «Đang thực hiện»",
		"tình trạng «Không hoàn thành» của nhiệm vụ II.1 có từ phủ định",
		"được gộp vào nhiệm vụ I.2")
	if strings.Contains(messages("KT-2026-Q1.xlsx"), "công thức") || strings.Contains(messages("KT-2026-Q1.xlsx"), "dòng có dữ liệu") {
		t.Errorf("KT: a formula returning \"\" or LibreOffice's empty row refused:\n%s", messages("KT-2026-Q1.xlsx"))
	}
	mustContain(t, "NHCSXH's messages", messages("NHCSXH-2026-Q1.xlsx"),
		"đã đổi «12,5 tỷ» thành 12.500 triệu đồng",
		"đã đổi «1.300.000.000 đồng» thành 1.300 triệu đồng",
		"gấp 15 lần cuối kỳ trước 100",
		"cuối kỳ trước ghi 12.000 triệu đồng (ô D"+itoa(capital)+") nhưng tệp NHCSXH-2025-Q4.xlsx (báo cáo quý IV năm 2025 của cùng đơn vị) ghi cuối kỳ này 11.800 triệu đồng")
	if strings.Contains(messages("NHCSXH-2025-Q4.xlsx"), "error") || !strings.Contains(messages("NHCSXH-2025-Q4.xlsx"), "chỉ dùng để đối chiếu số liệu chỉ tiêu với tệp NHCSXH-2026-Q1.xlsx") {
		t.Errorf("last quarter's file, kept to compare with, is not a mere note:\n%s", messages("NHCSXH-2025-Q4.xlsx"))
	}
	mustContain(t, "the PDF's messages", messages("Bao cao Hoi Nong dan quy 1.pdf"), "Hội Nông dân xã gửi tệp PDF: đề nghị Hội Nông dân xã gửi lại tệp Excel")
	if f := files["Bao cao Hoi Nong dan quy 1.pdf"]; f.Unit != "HND" {
		t.Errorf("the PDF is not HND's: %q", f.Unit)
	}
	mustContain(t, "DTN's messages", messages("DTN-2026-Q1.xls"), "đây là tệp Word 97-2003 (.doc), không phải sổ Excel")
	if f := files["DTN-2026-Q1.xls"]; f.Unit != "DTN" {
		t.Errorf("the Word file is not DTN's: %q", f.Unit)
	}
	mustContain(t, "MTTQ's messages", messages("MTTQ-2026-Q1.xlsx"), "đã hiểu tình trạng «xong» là «Hoàn thành» ở "+itoa(len(c.Assignments("MTTQ")))+" ô")
	if f := files["MTTQ-2026-Q1.xlsx"]; f.Unit != "MTTQ" || len(f.Rows) != len(c.Assignments("MTTQ")) || !strings.Contains(f.Path, "thu-dien-tu.zip") {
		t.Errorf("MTTQ in the zip: %+v", f)
	}
	mustContain(t, "the older CA file's messages", messages("CA-2026-Q1.xlsx"), "không dùng tệp này (lưu lúc "+
		time.Date(2026, 3, 18, 2, 5, 0, 0, time.UTC).Local().Format("02/01/2006 15:04")+")", "theo thời gian lưu do Excel, LibreOffice hoặc WPS ghi trong tệp")
	if files["CA-2026-Q1.xlsx"].SupersededBy == "" || files["CA-2026-Q1 (sua).xlsx"].SupersededBy != "" {
		t.Errorf("CA: the file saved last is not the one used")
	}
	mustContain(t, "CA's messages", messages("CA-2026-Q1 (sua).xlsx"), "ký tự đảo chiều chữ (như U+202E)")
	for _, r := range files["HCCB-2026-Q1.xlsx"].Rows {
		if r.Sheet != "Quý I" || r.Results != "Kết quả quý I của Hội" {
			t.Errorf("HCCB: %+v", r)
		}
	}
	hpnFile := files["HPN-2026-Q1.xlsx"]
	if len(hpnFile.Rows) != len(hpn) {
		t.Errorf("HPN: %d rows\n%s", len(hpnFile.Rows), messages("HPN-2026-Q1.xlsx"))
	}
	for i, r := range hpnFile.Rows {
		want := "Hoàn thành"
		if i%2 == 1 {
			want = "Đang thực hiện"
		}
		if r.Status != want || r.Results != "Hội phụ nữ làm "+r.Task {
			t.Errorf("HPN row %d: %+v", i, r)
		}
	}

	// report
	out := t.TempDir()
	code, stdout, stderr = run(t, reportArgs(in, out)...)
	if code != 0 {
		t.Fatalf("report: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if after := treeSums(t, in); after != before {
		t.Errorf("the input folder changed:\n%s\n---\n%s", before, after)
	}
	dir := filepath.Join(out, "2026-Q1")
	text := docxText(t, filepath.Join(dir, "bao-cao-2026-Q1.docx"))
	mustContain(t, "the report", text,
		"Phòng Kinh tế ghi «hoàn thành 80%»",
		"Phòng Kinh tế ghi «Không hoàn thành»",
		"Bổ sung: phát 200 tờ rơi",
		"12.500", // Tổng nguồn vốn, from "12,5 tỷ"
		"Kết quả quý I của Hội",
		"Hội phụ nữ làm "+hpn[0].Task.Code,
		"Kết quả của "+c.Assignments("MTTQ")[0].Task.Code,
		"Tuần tra bảo vệ điểm giao dịch",
	)
	for _, bad := range []string{"Kết quả quý IV cũ", "\u202E", "12,5 tỷ"} {
		if strings.Contains(text, bad) {
			t.Errorf("the report has %q", bad)
		}
	}
	letter := docxText(t, filepath.Join(dir, "don-doc-2026-Q1.docx"))
	mustContain(t, "the reminder", letter, "Hội Nông dân xã", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã")
	f, err := excelize.OpenFile(filepath.Join(dir, "kiem-tra-2026-Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	units, _ := f.GetRows("Đơn vị")
	found := false
	for _, r := range units {
		if len(r) > 8 && r[0] == "HND" {
			found = true
			if r[2] != "Bao cao Hoi Nong dan quy 1.pdf" || !strings.HasPrefix(r[8], "Gửi tệp không đọc được (Bao cao Hoi Nong dan quy 1.pdf)") {
				t.Errorf("HND on the office's workbook: %v", r)
			}
		}
	}
	if !found {
		t.Error("HND is not on the office's workbook")
	}
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int) string {
	var b []byte
	if n == 0 {
		return "0"
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// treeSums lists every file under dir with its checksum.
func treeSums(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			data, _ := os.ReadFile(p)
			fmt.Fprintf(&b, "%s %x\n", p, sha256.Sum256(data))
		}
		return nil
	})
	return b.String()
}
