package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeUnitLayout writes a unit's own layout: a title naming the unit and the
// period, then STT | Nội dung | Tình trạng | Kết quả.
func writeUnitLayout(t *testing.T, dir, name string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	all := append([][]any{
		{"BÁO CÁO CỦA PHÒNG KINH TẾ"},
		{"Kết quả thực hiện quý I năm 2026"},
		{"STT", "Nội dung nhiệm vụ", "Tình trạng", "Kết quả thực hiện"},
	}, rows...)
	for i, r := range all {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	good := writeUnitLayout(t, dir, "kt.xlsx", [][]any{
		{"I.1", "Tổ chức nghiên cứu, phổ biến, quán triệt Chỉ thị 39", "Hoàn thành", "Tổ chức 2 hội nghị"},
		{"", "Ghi chép riêng của đơn vị", "Đã xong", "Một việc không có trong kế hoạch"},
	})
	code, out, errOut := run(t, "check", "--data", dataDir, "--period", "2026-Q1", good)
	if code != 0 {
		t.Errorf("exit %d, want 0 (an unmatched row is a warning: it is listed, the file is used)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		good + ": Phòng Kinh tế (KT), quý I năm 2026 — 1 dòng khớp nhiệm vụ, 1 dòng không khớp",
		"cảnh báo: trang tính «Sheet1», dòng 5: dòng 5 không khớp với nhiệm vụ nào",
		"Tổng cộng: 1 tệp; 1 tệp không có lỗi, 0 tệp có lỗi",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// A file of another period than the one asked for is an error: exit 1.
	code, out, _ = run(t, "check", "--data", dataDir, "--period", "2026-Q2", good)
	if code != 1 || !strings.Contains(out, "0 tệp không có lỗi, 1 tệp có lỗi") {
		t.Errorf("another period: exit %d\n%s", code, out)
	}

	code, out, _ = run(t, "check", "--data", dataDir, "--json", good)
	if code != 0 {
		t.Errorf("--json: exit %d", code)
	}
	var doc struct {
		Files []struct {
			Path, Unit, UnitName, Period string
			Rows                         []struct {
				Sheet, Task, Status, Results, Match string
				Row                                 int
				Confidence                          float64
			}
			Unmatched []struct {
				Sheet, Text string
				Row         int
			}
			Problems []struct {
				Severity, Sheet, Cell, Message string
				Row, Col                       int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, `"unit_name": "Phòng Kinh tế"`) {
		t.Errorf("unit_name missing:\n%s", out)
	}
	f := doc.Files[0]
	if len(doc.Files) != 1 || f.Unit != "KT" || f.Period != "2026-Q1" || len(f.Rows) != 1 || len(f.Unmatched) != 1 {
		t.Fatalf("%+v", doc)
	}
	if r := f.Rows[0]; r.Task != "I.1" || r.Row != 4 || r.Status != "Hoàn thành" || r.Match != "code" || r.Confidence != 1 || r.Results != "Tổ chức 2 hội nghị" {
		t.Errorf("row %+v", r)
	}
	if u := f.Unmatched[0]; u.Row != 5 || !strings.Contains(u.Text, "Ghi chép riêng") {
		t.Errorf("unmatched %+v", u)
	}
	found := false
	for _, p := range f.Problems {
		found = found || p.Severity == "warning" && p.Cell == "dòng 5" && p.Row == 5 && p.Col == 0 && p.Sheet == "Sheet1" && strings.Contains(p.Message, "không khớp")
	}
	if !found {
		t.Errorf("no warning at dòng 5: %+v", f.Problems)
	}

	ok := writeUnitLayout(t, dir, "kt2.xlsx", [][]any{{"I.1", "", "Hoàn thành", "Tổ chức 2 hội nghị"}})
	if code, out, _ := run(t, "check", "--data", dataDir, ok); code != 0 || !strings.Contains(out, "1 tệp không có lỗi") {
		t.Errorf("good file: exit %d\n%s", code, out)
	}
}

func TestCheckUsage(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "rong.xlsx")
	os.WriteFile(empty, nil, 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no path", []string{"check", "--data", dataDir}, 2, "cần ít nhất 1 tham số"},
		{"bad period", []string{"check", "--data", dataDir, "--period", "2026-Q5", empty}, 2, "kỳ báo cáo «2026-Q5» không hợp lệ"},
		{"bad unit", []string{"check", "--data", dataDir, "--unit", "XYZ", empty}, 2, "không có đơn vị mã «XYZ»"},
		{"bad unit for a file", []string{"check", "--data", dataDir, "--unit", "rong.xlsx=XYZ", empty}, 2, "không có đơn vị mã «XYZ»"},
		{"no file before =", []string{"check", "--data", dataDir, "--unit", "=KT", empty}, 2, "thiếu tên tệp trước dấu «=»"},
		{"two units for all", []string{"check", "--data", dataDir, "--unit", "KT", "--unit", "VP", empty}, 2, "chỉ được nêu một đơn vị cho mọi tệp"},
		{"unknown file", []string{"check", "--data", dataDir, "--unit", "khac.xlsx=KT", empty}, 2, "--unit nêu tệp không có trong các tệp đã đọc: «khac.xlsx»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errOut, tt.code, tt.want)
			}
		})
	}
	code, out, _ := run(t, "check", "--data", dataDir, empty)
	if code != 1 || !strings.Contains(out, "tệp rỗng (0 byte)") {
		t.Errorf("empty file: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "check", "--help")
	if code != 0 || !strings.Contains(out, "Trạng thái thoát") || strings.Contains(out, "Flags:") {
		t.Errorf("help:\n%s", out)
	}
}

func TestCheckOverridesAndFolders(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	rows := [][]any{{"Báo cáo"}, {"STT", "Nội dung", "Tình trạng", "Kết quả thực hiện"}, {"I.1", "", "Hoàn thành", "Tổ chức 2 hội nghị"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(dir, "bao-cao.xlsx")
	f.SaveAs(path)
	f.Close()

	// Neither unit nor period can be told: errors that say how to fix it.
	code, out, _ := run(t, "check", "--data", dataDir, dir)
	if code != 1 || !strings.Contains(out, "không xác định được tệp của đơn vị nào") || !strings.Contains(out, `--unit "bao-cao.xlsx=MÃ"`) || !strings.Contains(out, "--period") {
		t.Errorf("exit %d\n%s", code, out)
	}
	// The options tell them.
	code, out, _ = run(t, "check", "--data", dataDir, "--unit", "Phòng Kinh tế", "--period", "2026-Q1", dir)
	if code != 0 || !strings.Contains(out, "Phòng Kinh tế (KT), quý I năm 2026 — 1 dòng khớp nhiệm vụ") {
		t.Errorf("exit %d\n%s", code, out)
	}
	// Per file, in any case of the name and with a folder, for check and
	// report alike; the error names the option's form with the file.
	for _, unit := range []string{"BAO-CAO.xlsx=HND", filepath.Join("nhan-ve", "bao-cao.xlsx") + "=Hội Nông dân"} {
		code, out, _ = run(t, "check", "--data", dataDir, "--unit", unit, "--period", "2026-Q1", dir)
		if code != 0 || !strings.Contains(out, "Hội Nông dân xã (HND), quý I năm 2026") {
			t.Errorf("--unit %s: exit %d\n%s", unit, code, out)
		}
	}
	// --in, repeatable, names paths as the arguments do (as report's --in
	// names its folder).
	kt := writeUnitLayout(t, t.TempDir(), "kt.xlsx", [][]any{{"I.1", "", "Hoàn thành", "Tổ chức 2 hội nghị"}})
	for _, args := range [][]string{
		{"--in", dir},
		{"--in", dir, "--in", kt},
		{"--in", dir, kt},
	} {
		code, out, errOut := run(t, append([]string{"check", "--data", dataDir, "--unit", "bao-cao.xlsx=HND", "--period", "2026-Q1"}, args...)...)
		if code != 0 || !strings.Contains(out, path+": Hội Nông dân xã (HND), quý I năm 2026") || !strings.Contains(out, "nhiệm vụ có báo cáo") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		if want := len(args) > 2; strings.Contains(out, kt+": Phòng Kinh tế (KT)") != want {
			t.Errorf("%v: kt.xlsx checked %v, want %v\n%s", args, !want, want, out)
		}
	}
	// A file of another period is an error.
	other := writeUnitLayout(t, dir, "kt-q1.xlsx", [][]any{{"I.1", "", "Hoàn thành", "x"}})
	code, out, _ = run(t, "check", "--data", dataDir, "--period", "2026-Q2", other)
	if code != 1 || !strings.Contains(out, "tệp là báo cáo quý I năm 2026 (theo tiêu đề) nhưng đang kiểm tra quý II năm 2026") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// TestCheckPDFBesideWorkbook: a unit's PDF beside its usable workbook is a
// warning, the unit has sent, and check exits 0; the PDF alone is the
// error asking for the form, with exit 1.
func TestCheckPDFBesideWorkbook(t *testing.T) {
	dir := t.TempDir()
	pdf := filepath.Join(dir, "Bao cao KT quy I.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644)
	code, out, errOut := run(t, "check", "--data", dataDir, "--period", "2026-Q1", dir)
	if code != 1 || !strings.Contains(out, "lỗi: Phòng Kinh tế gửi tệp PDF: đề nghị Phòng Kinh tế gửi lại tệp Excel") ||
		!strings.Contains(out, "Gửi tệp không đọc được, cần gửi lại tệp Excel (1): Phòng Kinh tế (tệp Bao cao KT quy I.pdf)") {
		t.Errorf("the PDF alone: exit %d, want 1 and the error asking for the form\n%s%s", code, out, errOut)
	}

	writeUnitLayout(t, dir, "kt.xlsx", [][]any{{"I.1", "", "Hoàn thành", "Tổ chức 2 hội nghị"}})
	code, out, errOut = run(t, "check", "--data", dataDir, "--period", "2026-Q1", dir)
	for _, want := range []string{
		"cảnh báo: Phòng Kinh tế gửi thêm tệp PDF «Bao cao KT quy I.pdf»; đã dùng tệp Excel «kt.xlsx» của đơn vị, tệp PDF không được đọc.",
		"Tổng cộng: 2 tệp; 2 tệp không có lỗi, 0 tệp có lỗi",
		"Đã gửi, chưa đủ (1): Phòng Kinh tế (thiếu nhiệm vụ ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if code != 0 || strings.Contains(out, "lỗi:") || strings.Contains(out, "tệp cũ bị thay") || strings.Contains(out, "Gửi tệp không đọc được") {
		t.Errorf("exit %d, want 0 and no error\n%s%s", code, out, errOut)
	}
}
