package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const dataDir = "../../data"

func loadData(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load(dataDir)
	if err != nil {
		t.Fatalf("Load(%s): %v", dataDir, err)
	}
	return c
}

func TestLoadShape(t *testing.T) {
	c := loadData(t)
	if len(c.Sections) != 6 {
		t.Errorf("sections: got %d, want 6", len(c.Sections))
	}
	var codes []string
	for _, task := range c.Tasks() {
		codes = append(codes, task.Code)
	}
	want := []string{"I.1", "I.2", "II.1", "II.2", "II.3", "III.1", "III.2", "IV.1.a", "IV.1.b", "IV.1.c",
		"V.1", "V.2", "V.3", "V.4", "V.5", "V.6", "V.7", "V.8", "V.9", "VI.1", "VI.2", "VI.3", "VI.4"}
	if !slices.Equal(codes, want) {
		t.Errorf("leaf tasks:\n got %v\nwant %v", codes, want)
	}
	h := c.Task("IV.1")
	if h == nil || !h.Heading {
		t.Fatalf("IV.1 should be a group heading, got %+v", h)
	}
	if p := c.Task("IV.1.b").Parent; p != "IV.1" {
		t.Errorf("IV.1.b parent: got %q, want IV.1", p)
	}
	if v8 := c.Task("V.8"); !v8.TimingMissing || v8.Timing != "" {
		t.Errorf("V.8 timing must stay empty and flagged missing, got %q missing=%v", v8.Timing, v8.TimingMissing)
	}
	if n := strings.Count(c.Task("VI.4").Content, "\n") + 1; n != 3 {
		t.Errorf("VI.4 should be three paragraphs, got %d", n)
	}
	if !strings.HasSuffix(c.Task("IV.1.c").Content, "tín dụng chính sách xã hội tại địa phương.") {
		t.Errorf("IV.1.c content should carry its page-break continuation: %q", c.Task("IV.1.c").Content)
	}
	if len(c.Fingerprint) != 12 {
		t.Errorf("fingerprint %q", c.Fingerprint)
	}
	if got := c.Plan.Reference(); got != "Kế hoạch số      /KH-UBND ngày      tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp" {
		t.Errorf("plan reference %q", got)
	}
}

func TestAssignments(t *testing.T) {
	c := loadData(t)
	tests := []struct {
		unit       string
		lead, supp []string
	}{
		// The economic office leads I.2, IV.1.a-b, V.3-4 by name, and I.1,
		// II.1-3, III.1, V.9, VI.3 through "Các phòng, đơn vị liên quan";
		// it coordinates everything that group coordinates.
		{"KT",
			[]string{"I.1", "I.2", "II.1", "II.2", "II.3", "III.1", "IV.1.a", "IV.1.b", "V.3", "V.4", "V.9", "VI.3"},
			[]string{"IV.1.c", "V.1", "V.2", "V.5", "V.6", "V.7", "V.8", "VI.1", "VI.2", "VI.4"}},
		{"CA",
			[]string{"I.1", "II.1", "II.2", "II.3", "III.1", "V.6", "V.9", "VI.3"},
			[]string{"I.2", "IV.1.a", "IV.1.b", "IV.1.c", "V.1", "V.2", "V.3", "V.4", "V.5", "V.7", "V.8", "VI.1", "VI.2", "VI.4"}},
		{"NHCSXH",
			[]string{"IV.1.c", "V.1", "V.8", "VI.1", "VI.2", "VI.4"},
			[]string{"III.2", "IV.1.a", "IV.1.b", "V.2", "V.3", "V.4", "V.9"}},
		{"MTTQ",
			[]string{"IV.1.c"},
			[]string{"I.2", "II.1", "II.3", "III.1", "III.2", "V.1", "VI.1", "VI.3", "VI.4"}},
		{"HND",
			[]string{"III.2"},
			[]string{"I.2", "II.1", "II.3", "III.1", "V.1", "VI.1", "VI.3", "VI.4"}},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			var lead, supp []string
			for _, a := range c.Assignments(tt.unit) {
				if a.Role == RoleLead {
					lead = append(lead, a.Task.Code)
				} else {
					supp = append(supp, a.Task.Code)
				}
			}
			if !slices.Equal(lead, tt.lead) {
				t.Errorf("leads:\n got %v\nwant %v", lead, tt.lead)
			}
			if !slices.Equal(supp, tt.supp) {
				t.Errorf("coordinates:\n got %v\nwant %v", supp, tt.supp)
			}
		})
	}
	if n := len(c.ReportingUnits()); n != 10 {
		t.Errorf("reporting units: got %d, want all 10", n)
	}
}

func TestFindUnits(t *testing.T) {
	c := loadData(t)
	tests := []struct {
		text string
		want []string
	}{
		{"Phòng kinh tế, Phòng văn hóa xã hội", []string{"KT", "VHXH"}},
		{"PHÒNG KINH TẾ", []string{"KT"}},
		{"Phòng Kinh tế", []string{"KT"}}, // NFD input
		{"Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội xã. Các phòng, đơn vị liên quan", []string{"MTTQ", "CTXH", "PHONG-LQ"}},
		{"Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei", []string{"NHCSXH"}},
		{"BÁO CÁO CỦA HỘI NÔNG DÂN XÃ XỐP", []string{"HND"}},
		{"không có đơn vị nào", nil},
	}
	for _, tt := range tests {
		if got := c.FindUnits(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("FindUnits(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if u := c.MatchUnit("ubmttqvn"); u == nil || u.Code != "MTTQ" {
		t.Errorf("MatchUnit(ubmttqvn) = %v", u)
	}
}

// copyData makes a writable copy of the data folder with one file edited.
func copyData(t *testing.T, file, old, new string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{PlanFile, TasksFile, UnitsFile, IndicatorsFile} {
		b, err := os.ReadFile(filepath.Join(dataDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == file {
			if !strings.Contains(string(b), old) {
				t.Fatalf("%s does not contain %q", name, old)
			}
			b = []byte(strings.Replace(string(b), old, new, 1))
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(dataDir, file))
	i := strings.Index(string(b), text)
	if i < 0 {
		t.Fatalf("%q not in %s", text, file)
	}
	return strings.Count(string(b[:i]), "\n") + 1
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		old, new  string
		lineOf    string // the line the error must point at
		wantInMsg string
	}{
		{"unknown unit in a task", TasksFile, "lead: [CA]", "lead: [CAX]", "lead: [CA]", "«CAX» không có trong units.yaml"},
		{"duplicate task code", TasksFile, "code: V.4", "code: V.3", "code: V.4", "mã nhiệm vụ «V.3» bị trùng"},
		{"task code outside its section", TasksFile, "code: V.4", "code: VI.9", "code: V.4", "phải bắt đầu bằng mã phần «V.»"},
		{"bad YAML", UnitsFile, "  - code: KT\n", "  - code: KT\n\tname: x\n", "  - code: KT", "lỗi cú pháp YAML"},
		{"misspelt key", TasksFile, "product: Văn bản triển khai\n", "produkt: Văn bản triển khai\n", "", "khóa «produkt» không có"},
		{"duplicate unit code", UnitsFile, "code: HCCB", "code: HND", "code: HCCB", "mã đơn vị «HND» bị trùng"},
		{"alias of two units", UnitsFile, "      - Hội Cựu chiến binh\n", "      - Hội Nông dân\n", "code: HCCB", "trùng với tên của HND"},
		{"group member unknown", UnitsFile, "members: [VP, KT, VHXH, CA]", "members: [VP, KT, VHXH, CAX]", "members: [VP, KT, VHXH, CA]", "«CAX» không phải là mã đơn vị"},
		{"lowercase unit code", UnitsFile, "code: DTN", "code: dtn", "code: DTN", "mã đơn vị «dtn» không hợp lệ"},
		{"indicator of unknown unit", IndicatorsFile, "unit: NHCSXH\n    kind: flow", "unit: NHCSX\n    kind: flow", "unit: NHCSXH\n    kind: flow", "đơn vị «NHCSX»"},
		{"timing missing but given", TasksFile, "timing: \"\"\n        timing_missing: true", "timing: Hằng năm\n        timing_missing: true", "code: V.8", "timing_missing: true nhưng lại ghi"},
		{"wrong type", TasksFile, "heading: true", "heading: có", "heading: true", "không đúng kiểu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyData(t, tt.file, tt.old, tt.new)
			_, err := Load(dir)
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("Load: got %v, want Errors", err)
			}
			var hit *DataError
			for _, e := range errs {
				if strings.Contains(e.Msg, tt.wantInMsg) {
					hit = e
				}
			}
			if hit == nil {
				t.Fatalf("no error says %q; got:\n%v", tt.wantInMsg, err)
			}
			if filepath.Base(hit.File) != tt.file {
				t.Errorf("file: got %s, want %s", hit.File, tt.file)
			}
			if tt.lineOf != "" {
				if want := lineOf(t, tt.file, tt.lineOf); hit.Line != want && hit.Line != want+1 {
					t.Errorf("line: got %d, want %d (%q)", hit.Line, want, tt.lineOf)
				}
			} else if hit.Line == 0 {
				t.Errorf("no line in %v", hit)
			}
			if !strings.Contains(hit.Error(), "dòng") && hit.Line > 0 {
				t.Errorf("message should name the line: %q", hit.Error())
			}
		})
	}
}

func TestLoadReportsAllMistakes(t *testing.T) {
	dir := copyData(t, TasksFile, "lead: [CA]", "lead: [CAX]")
	edit(t, filepath.Join(dir, TasksFile), "support: [NHCSXH]", "support: [ZZ]")
	edit(t, filepath.Join(dir, TasksFile), "code: V.7", "code: V.5")
	_, err := Load(dir)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"«CAX»", "«ZZ»", "«V.5» bị trùng"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %s in:\n%s", want, msg)
		}
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s: cannot replace %q (%v)", path, old, err)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMissingFolder(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none"))
	if err == nil || !strings.Contains(err.Error(), "không tìm thấy thư mục dữ liệu") {
		t.Fatalf("got %v", err)
	}
}
