package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/forms"
)

func TestFormsAllUnits(t *testing.T) {
	out := t.TempDir()
	code, stdout, errOut := run(t, "forms", "--data", dataDir, "--period", "2026-q1", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	dir := filepath.Join(out, "2026-Q1", "mau-bieu")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"CA-2026-Q1.xlsx", "DTN-2026-Q1.xlsx", "HCCB-2026-Q1.xlsx", "HND-2026-Q1.xlsx", "HPN-2026-Q1.xlsx",
		"KT-2026-Q1.xlsx", "MTTQ-2026-Q1.xlsx", "NHCSXH-2026-Q1.xlsx", "VHXH-2026-Q1.xlsx", "VP-2026-Q1.xlsx"}
	if !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	for _, s := range []string{"Biểu mẫu quý I năm 2026", "hạn gửi 16/03/2026", "KT       Phòng Kinh tế: chủ trì 12, phối hợp 10", "8 chỉ tiêu", "Đã tạo 10 biểu mẫu."} {
		if !strings.Contains(stdout, s) {
			t.Errorf("output lacks %q:\n%s", s, stdout)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "MTTQ-2026-Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if m, ok := forms.ReadMeta(f); !ok || m.Unit != "MTTQ" || m.Period != "2026-Q1" {
		t.Errorf("metadata %+v", m)
	}
}

func TestFormsSomeUnits(t *testing.T) {
	out := t.TempDir()
	code, _, errOut := run(t, "forms", "--data", dataDir, "--period", "2026-H1", "--out", out,
		"--unit", "KT", "--unit", "nhcsxh", "--unit", "Phòng kinh tế")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	entries, _ := os.ReadDir(filepath.Join(out, "2026-H1", "mau-bieu"))
	if len(entries) != 2 || entries[0].Name() != "KT-2026-H1.xlsx" || entries[1].Name() != "NHCSXH-2026-H1.xlsx" {
		t.Errorf("files %v", entries)
	}
}

func TestFormsErrors(t *testing.T) {
	blocked := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(blocked, []byte("x"), 0o644)
	tests := []struct {
		name    string
		args    []string
		wantErr []string
	}{
		{"no period", []string{"forms"}, []string{"thiếu tùy chọn --period", "2026-Q1"}},
		{"bad period", []string{"forms", "--period", "2026-Q5"}, []string{"kỳ báo cáo «2026-Q5» không hợp lệ", "NĂM-H1"}},
		{"unknown unit", []string{"forms", "--period", "2026-Q1", "--unit", "XYZ"}, []string{"không có đơn vị mã «XYZ»", "VP, KT, VHXH"}},
		{"output is a file", []string{"forms", "--period", "2026-Q1", "--unit", "KT", "--out", blocked}, []string{"không tạo được thư mục", "«" + blocked + "» là một tệp chứ không phải thư mục"}},
		{"extra argument", []string{"forms", "--period", "2026-Q1", "KT"}, []string{"không có lệnh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--data", dataDir}, tt.args...)
			code, _, errOut := run(t, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (%s)", code, errOut)
			}
			if !strings.HasPrefix(errOut, "Lỗi: ") {
				t.Errorf("stderr should start with «Lỗi: »: %q", errOut)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr %q does not say %q", errOut, want)
				}
			}
		})
	}
}

func TestFormsHelpIsVietnamese(t *testing.T) {
	code, out, _ := run(t, "forms", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, english := range []string{"Usage:", "Flags:", "help for", "(default", "[flags]"} {
		if strings.Contains(out, english) {
			t.Errorf("help still says %q", english)
		}
	}
	if !strings.Contains(out, "Trạng thái thoát") {
		t.Error("help does not name the exit statuses")
	}
}
