package cli

import (
	"archive/zip"
	"crypto/sha256"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/compose"
	"baocao/internal/officetest"
	"baocao/internal/period"
	"baocao/internal/samples"
	"baocao/internal/summary"
)

// sampleInput writes the sample submissions into a fresh folder, as the
// office would receive them.
func sampleInput(t *testing.T) string {
	t.Helper()
	c, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	if err := samples.Generate(c, period.MustParse("2026-Q1"), in); err != nil {
		t.Fatal(err)
	}
	return in
}

func reportArgs(in, out string, extra ...string) []string {
	return append([]string{"report", "--data", dataDir, "--period", "2026-Q1", "--in", in, "--out", out,
		"--template", "../../templates/bao-cao.docx", "--reminder-template", "../../templates/don-doc.docx", "--date", "16/03/2026"}, extra...)
}

var tag = regexp.MustCompile(`<[^>]+>`)

// docxText is the text of a .docx body, a line per paragraph.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			s := strings.ReplaceAll(string(b), "</w:p>", "\n")
			s = strings.ReplaceAll(s, "<w:br/>", "\n")
			return html.UnescapeString(tag.ReplaceAllString(s, ""))
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

func checksums(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = sha256.Sum256(b)
	}
	return out
}

// End to end: forms -> filled by the units -> report.
func TestReportEndToEnd(t *testing.T) {
	in := sampleInput(t)
	before := checksums(t, in)
	out := t.TempDir()
	code, stdout, stderr := run(t, reportArgs(in, out)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if after := checksums(t, in); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("the input files were changed")
	}
	dir := filepath.Join(out, "2026-Q1")
	docx, xlsx, letter := filepath.Join(dir, "bao-cao-2026-Q1.docx"), filepath.Join(dir, "tong-hop-2026-Q1.xlsx"), filepath.Join(dir, "don-doc-2026-Q1.docx")
	office := filepath.Join(dir, "kiem-tra-2026-Q1.xlsx")
	for _, want := range []string{docx, xlsx, office, letter, "Đơn vị đã gửi: 9/10", "Chưa gửi báo cáo (1): Đoàn Thanh niên Cộng sản Hồ Chí Minh xã."} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	text := docxText(t, docx)
	c, _ := catalog.Load(dataDir)
	for _, task := range c.Tasks() {
		if !strings.Contains(text, task.Code) {
			t.Errorf("report lacks task %s", task.Code)
		}
	}
	for _, want := range []string{
		"BÁO CÁO", "quý I năm 2026", "Xốp, ngày 16 tháng 3 năm 2026",
		// IV.1.a in prose: the unit the subject of its work, abbreviations
		// spelled out, its documents cited after it.
		"Phòng Kinh tế tham mưu Ủy ban nhân dân xã trình Hội đồng nhân dân xã bố trí 300 triệu đồng",
		"Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei",
		"(Tờ trình số 08/TTr-KT ngày 15/01/2026; Quyết định số 21/QĐ-UBND ngày 05/02/2026 của Ủy ban nhân dân xã)",
		// Difficulties as causes.
		"Nguồn thu ngân sách xã hạn chế",
		// A row the culture office inserted under V.7, added to it.
		"xác nhận thêm hồ sơ vay vốn cho 3 sinh viên",
		// Part IV holds the proposal to the province, in the commune's name.
		"Đề nghị Ủy ban nhân dân tỉnh Quảng Ngãi xem xét hỗ trợ bổ sung nguồn vốn ủy thác",
		// A proposal to the commune itself is for it to consider, in part III.
		"Ủy ban nhân dân xã xem xét bố trí phòng làm việc cho Điểm giao dịch",
		// Indicators and the IV.1.a targets: 5.000 / 101.230,5 = 4,94%.
		"Tổng nguồn vốn", "101.230,5", "4,94%",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// A proposal to the commune itself is not presented to the province.
	if strings.Contains(text, "Đề nghị UBND xã bố trí phòng làm việc") || strings.Contains(text, "Đề nghị Ủy ban nhân dân xã bố trí phòng làm việc") {
		t.Error("part IV holds a proposal addressed to the commune itself")
	}
	// Who sent what stays off the document that goes up.
	body, _, _ := strings.Cut(text, "PHỤ LỤC")
	for _, book := range []string{"Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "chưa gửi", "đã gửi", "tình trạng:"} {
		if strings.Contains(body, book) {
			t.Errorf("the report's body says %q: the program's bookkeeping reaches the province", book)
		}
	}
	// The row HCCB wrote in its own words reached its task.
	if !strings.Contains(text, "Hội Cựu chiến binh xã quản lý 3 Tổ Tiết kiệm và vay vốn; đôn đốc thu hồi 2 khoản nợ đến hạn.") {
		t.Error("the own-words row of HCCB is not in the report")
	}

	f, err := excelize.OpenFile(office)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Chưa khớp")
	if len(rows) < 3 || !strings.Contains(strings.Join(rows[2], "|"), "Tổ chức gặp mặt kỷ niệm ngày thành lập Hội") {
		t.Errorf("unmatched sheet: %v", rows)
	}
	if props, _ := f.GetRows("Kiến nghị"); !strings.Contains(fmt.Sprint(props), "Đề nghị UBND xã bố trí phòng làm việc cho Điểm giao dịch") {
		t.Errorf("the office's «Kiến nghị» sheet lacks the proposal to the commune: %v", props)
	}
	units, _ := f.GetRows("Đơn vị")
	missing := 0
	for _, r := range units[2:] {
		if len(r) > 8 && r[8] == "Chưa gửi" {
			missing++
			if r[0] != "DTN" {
				t.Errorf("unexpected missing unit %v", r)
			}
		}
	}
	if missing != 1 {
		t.Errorf("missing units on the office's workbook: %d", missing)
	}
	// The attachment reads back for the province.
	data, err := summary.ReadDataFile(xlsx)
	if err != nil || data.Period != "2026-Q1" || len(data.Tasks) != len(c.Tasks()) || len(data.Units) != 10 {
		t.Errorf("the attachment's data: %+v %v", data, err)
	}
	letterText := docxText(t, letter)
	// HCCB left only coordinating tasks blank: not a reason to remind it;
	// the youth union sent nothing.
	for _, want := range []string{"Kính gửi: Đoàn Thanh niên Cộng sản Hồ Chí Minh xã.", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã: chưa gửi báo cáo.", "quý I năm 2026", "- Như trên;", "- Lưu: VT, Văn phòng."} {
		if !strings.Contains(letterText, want) {
			t.Errorf("reminder lacks %q", want)
		}
	}
	if strings.Contains(letterText, "Hội Cựu chiến binh") {
		t.Error("the reminder goes to a unit whose only gap is coordinating tasks")
	}

	// A real client opens all four.
	for _, path := range []string{docx, xlsx, office, letter} {
		pdf := officetest.Convert(t, path, "pdf")
		if txt := officetest.PDFText(t, pdf); !strings.Contains(txt, "2026") {
			t.Errorf("%s: PDF text lacks the year", filepath.Base(path))
		}
	}
}

func TestReportExitCodes(t *testing.T) {
	empty := t.TempDir()
	out := t.TempDir()
	blocked := filepath.Join(t.TempDir(), "ket-qua")
	os.WriteFile(blocked, []byte("x"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no period", []string{"report", "--data", dataDir, "--in", empty}, 2, "thiếu --period"},
		{"bad period", []string{"report", "--data", dataDir, "--period", "2026-Q5", "--in", empty}, 2, "«2026-Q5» không hợp lệ"},
		{"missing folder", reportArgs(filepath.Join(empty, "khong-co"), out), 2, "không tìm thấy thư mục"},
		{"nothing usable", reportArgs(empty, out), 1, "Không có tệp nào dùng được"},
		{"bad template", reportArgs(empty, out, "--template", "../../README.md"), 2, "README.md"},
		{"missing template", reportArgs(empty, out, "--template", "khong-co.docx"), 2, "không tìm thấy mẫu khong-co.docx (tùy chọn --template)"},
		{"template is a folder", reportArgs(empty, out, "--reminder-template", empty), 2, empty + " là thư mục, không phải tệp mẫu Word (tùy chọn --reminder-template)"},
		{"output is a file", reportArgs(sampleInput(t), blocked), 2, "«" + blocked + "» là một tệp chứ không phải thư mục"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, stdout, stderr)
			}
			if !strings.Contains(stdout+stderr, tt.want) {
				t.Errorf("output lacks %q:\n%s%s", tt.want, stdout, stderr)
			}
		})
	}
	// Nothing usable came in: no report, no attachment; the reminder is
	// written, since that is when it is needed most (the command-line
	// contract), and the office's workbook, which lists what was wrong.
	written, _ := filepath.Glob(filepath.Join(out, "*", "[^.]*"))
	if want := []string{filepath.Join(out, "2026-Q1", "don-doc-2026-Q1.docx"), filepath.Join(out, "2026-Q1", "kiem-tra-2026-Q1.xlsx")}; !slices.Equal(written, want) {
		t.Errorf("with nothing usable the reminder and the office's workbook are written, got %v", written)
	}
}

// A file that does not say whose it is is left out of the report, with a
// message naming the option that assigns it; with that option it counts.
func TestReportUnitOption(t *testing.T) {
	in := sampleInput(t)
	f := excelize.NewFile()
	rows := [][]any{{"BÁO CÁO KẾT QUẢ QUÝ I NĂM 2026"}, {"STT", "Nội dung nhiệm vụ", "Tình trạng", "Kết quả thực hiện"},
		{"I.2", "", "Hoàn thành", "Tuyên truyền qua 3 buổi sinh hoạt chi đoàn"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	if err := f.SaveAs(filepath.Join(in, "bao cao quy 1.xlsx")); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, stdout, stderr := run(t, reportArgs(in, t.TempDir())...)
	if code != 0 || !strings.Contains(stdout, "Đơn vị đã gửi: 9/10") || !strings.Contains(stdout, `--unit "bao cao quy 1.xlsx=MÃ"`) {
		t.Errorf("without --unit: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, reportArgs(in, t.TempDir(), "--unit", "bao cao quy 1.xlsx=DTN")...)
	// Every unit has sent; the reminder still asks the two whose forms
	// leave tasks blank for those tasks.
	if code != 0 || !strings.Contains(stdout, "Đơn vị đã gửi: 10/10") || !strings.Contains(stdout, "Đã gửi, chưa đủ (2)") {
		t.Errorf("with --unit: exit %d\n%s%s", code, stdout, stderr)
	}

	out := t.TempDir()
	for _, tt := range []struct{ unit, want string }{
		{"DTN", `lệnh report đọc cả thư mục nên cần nêu tệp nào của đơn vị nào, dạng --unit "tên tệp.xlsx=DTN"`},
		{"khong-co.xlsx=DTN", "--unit nêu tệp không có trong các tệp đã đọc: «khong-co.xlsx»"},
	} {
		code, stdout, stderr = run(t, reportArgs(in, out, "--unit", tt.unit)...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("--unit %s: exit %d\n%s%s", tt.unit, code, stdout, stderr)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a usage error must write nothing: %v", entries)
	}
}

// The workbooks that report writes, left in the input folder (here because
// --out is inside --in), are skipped on the next run, not read as a unit's
// report; so are the report and the reminder (4 files).
func TestReportSkipsItsOwnSummary(t *testing.T) {
	in := sampleInput(t)
	out := filepath.Join(in, "ket-qua")
	first, stdout, stderr := run(t, reportArgs(in, out)...)
	if first != 0 {
		t.Fatalf("exit %d\n%s%s", first, stdout, stderr)
	}
	code, second, stderr := run(t, reportArgs(in, out)...)
	if code != 0 || !strings.Contains(second, "Đơn vị đã gửi: 9/10") || !strings.Contains(second, "Lỗi: 0.") ||
		!strings.Contains(second, "4 tệp được bỏ qua vì không phải báo cáo của đơn vị") || strings.Contains(second, "không được đưa vào báo cáo") {
		t.Errorf("second run: exit %d\n%s%s", code, second, stderr)
	}
	for _, name := range []string{"tong-hop-2026-Q1.xlsx", "kiem-tra-2026-Q1.xlsx"} {
		code, checked, _ := run(t, "check", "--data", dataDir, filepath.Join(out, "2026-Q1", name))
		if code != 0 || !strings.Contains(checked, "bỏ qua: đây là bảng tổng hợp quý I năm 2026 do baocao lập") || !strings.Contains(checked, "0 dòng khớp nhiệm vụ") {
			t.Errorf("check of %s: exit %d\n%s", name, code, checked)
		}
	}
}

// report --pdf, then report without --pdf into the same folder: the PDF of
// the first run does not stay beside the new report; the console says
// where it went.
func TestReportMovesStalePDFAside(t *testing.T) {
	in := sampleInput(t)
	out := t.TempDir()
	if code, stdout, stderr := run(t, reportArgs(in, out)...); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	// What «--pdf» would have left (LibreOffice is not needed to move it).
	dir := filepath.Join(out, "2026-Q1")
	pdf := filepath.Join(dir, "bao-cao-2026-Q1.pdf")
	old := []byte("%PDF-1.7 the first run's figures")
	os.WriteFile(pdf, old, 0o644)
	when := time.Date(2026, 3, 16, 8, 30, 0, 0, time.Local)
	os.Chtimes(pdf, when, when)

	code, stdout, stderr := run(t, reportArgs(in, out)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	line := "  bao-cao-2026-Q1.pdf là bản PDF của lần lập trước, không khớp với bao-cao-2026-Q1.docx vừa lập: chuyển thành bao-cao-2026-Q1 (bản cũ 16-03-2026 08h30).pdf.\n"
	if !strings.Contains(stdout, line) {
		t.Errorf("stdout lacks %q:\n%s", line, stdout)
	}
	if _, err := os.Stat(pdf); err == nil {
		t.Error("the first run's PDF is still there under the current name")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "bao-cao-2026-Q1 (bản cũ 16-03-2026 08h30).pdf")); err != nil || string(b) != string(old) {
		t.Errorf("the first run's PDF was not kept aside: %v", err)
	}
}

// The command line names plan.yaml's lines only when the data folder is
// the office's own; on the built-in data there is no plan.yaml to edit,
// and it says what the page says.
func TestPlanNoteByDataFolder(t *testing.T) {
	all := []compose.PlanBlank{compose.PlanNumber, compose.PlanDate, compose.PlanSigner}
	own := planNote(all, false)
	if !strings.Contains(own, "dòng «number» trong plan.yaml") || !strings.Contains(own, "dòng «name» dưới «signer»") {
		t.Errorf("own data: %q", own)
	}
	builtin := planNote(all, true)
	if strings.Contains(builtin, "plan.yaml") || builtin != compose.PlanBlanksInWord(all) {
		t.Errorf("built-in data: %q", builtin)
	}
	if planNote(nil, false) != "" {
		t.Error("a note with nothing blank")
	}
}

// A unit's file with errors sent before its good one is replaced, not in
// error: the command line counts and lists the errors as the workbook does.
func TestReportReplacedIsNoError(t *testing.T) {
	in := sampleInput(t)
	good := filepath.Join(in, "NHCSXH-2026-Q1.xlsx")
	f, err := excelize.OpenFile(good)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Chỉ tiêu", "E9", "khoảng 2150")
	broken := filepath.Join(in, "NHCSXH ban dau.xlsx")
	if err := f.SaveAs(broken); err != nil {
		t.Fatal(err)
	}
	f.Close()
	old := time.Now().Add(-time.Hour)
	os.Chtimes(broken, old, old) // sent before the good one
	code, stdout, stderr := run(t, reportArgs(in, t.TempDir())...)
	if code != 0 || !strings.Contains(stdout, "Lỗi: 0.") || strings.Contains(stdout, "NHCSXH ban dau.xlsx\n") ||
		!strings.Contains(stdout, "1 tệp không được đưa vào báo cáo: 1 tệp đã thay bằng tệp mới;") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}
