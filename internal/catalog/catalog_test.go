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
		{"date not a date", PlanFile, `date: ""`, "date: 31/9/2025", `date: ""`, "ngày «31/9/2025» không đọc được"},
		{"date in words not a date", PlanFile, `date: ""`, "date: ngày 12 tháng 13 năm 2025", `date: ""`, "không đọc được: ghi dd/mm/yyyy"},
		{"date in words against month", PlanFile, `date: ""`, "date: ngày 12 tháng 10 năm 2025", `date: ""`, "không khớp với month: 9"},
		{"lead named but no unit", TasksFile, "lead: [CA]", "lead: [Trưởng các thôn]", "lead: [CA]", "đơn vị chủ trì phải là đơn vị báo cáo"},
		{"unit named instead of its code", TasksFile, "lead: [CA]", "lead: [Công an xã]", "lead: [CA]", "ghi mã CA thay cho tên"},
		{"date against month", PlanFile, `date: ""`, "date: 05/10/2025", `date: ""`, "không khớp với month: 9"},
		{"unknown local kind", PlanFile, "local_kind: xã", "local_kind: huyện", "local_kind: xã", "local_kind «huyện» không hợp lệ"},
		{"name of another kind", PlanFile, "commune_name: xã Xốp", "commune_name: phường Xốp", "commune_name: xã Xốp", "phải bắt đầu bằng loại đơn vị hành chính «xã»"},
		{"unknown collector", PlanFile, "collector: VP", "collector: VPX", "collector: VP", "collector (đơn vị thu nhận báo cáo) «VPX»"},
		{"lead_text names another unit", TasksFile, "lead_text: Công an xã", "lead_text: Công an xã, Phòng Kinh tế", "lead_text: Công an xã", "nêu KT, nhưng lead chỉ ghi [CA]"},
		{"lead_text names no unit", TasksFile, "lead_text: Công an xã", "lead_text: Công an phường", "lead_text: Công an xã", "không nêu đơn vị hay nhóm nào"},
		{"support_text leaves a code out", TasksFile, "support_text: UBMTTQVN; các tổ chức chính trị - xã hội xã", "support_text: UBMTTQVN", "support_text: UBMTTQVN; các tổ chức", "support ghi CTXH, nhưng support_text «UBMTTQVN» không nêu"},
		{"item without its heading", TasksFile, "code: IV.1\n        heading: true", "code: IV.9\n        heading: true", "code: IV.1.a", "IV.1.a là mục con của IV.1, nhưng phần IV không có tiêu đề nhóm IV.1 ở trước nó"},
		{"heading without items", TasksFile, "code: IV.1\n        heading: true", "code: IV.9\n        heading: true", "code: IV.1\n", "IV.9 là tiêu đề nhóm (heading: true) nhưng không có mục con nào"},
		{"bad task code", TasksFile, "code: V.4", "code: V..4", "code: V.4", "mã nhiệm vụ «V..4» không hợp lệ"},
		{"unknown target kind", IndicatorsFile, "kind: growth_share", "kind: growth", "kind: growth_share", "kind «growth» không hợp lệ"},
		{"target of unknown indicator", IndicatorsFile, "part: NO-QUA-HAN", "part: NO-QH", "part: NO-QUA-HAN", "chỉ tiêu «NO-QH» chưa khai báo"},
		{"target of unknown task", IndicatorsFile, "task: IV.1.a\n    part: VON-NSDP\n    whole: TONG-DU-NO", "task: IV.1.d\n    part: VON-NSDP\n    whole: TONG-DU-NO", "task: IV.1.a\n    part: VON-NSDP\n    whole: TONG-DU-NO", "nhiệm vụ «IV.1.d» không có"},
		{"member twice", UnitsFile, "members: [VP, KT, VHXH, CA]", "members: [VP, KT, VHXH, KT]", "members: [VP, KT, VHXH, CA]", "ghi thành viên «KT» hai lần"},
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

func TestNotes(t *testing.T) {
	c := loadData(t)
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0].Msg, "nhóm DT-UT có đúng các thành viên của nhóm CTXH") ||
		c.Notes[0].Line != lineOf(t, UnitsFile, "code: DT-UT") {
		t.Errorf("notes: %v", c.Notes)
	}
}

func TestPlanFacts(t *testing.T) {
	c := loadData(t)
	if c.Plan.LocalKind != "xã" || c.Plan.Collector != "VP" || c.CollectorName() != "Văn phòng HĐND và UBND xã" {
		t.Errorf("plan: kind %q, collector %q (%q)", c.Plan.LocalKind, c.Plan.Collector, c.CollectorName())
	}
	if got := c.ExampleTask(); got != "IV.1.a" {
		t.Errorf("example task %q", got)
	}
	if ind := c.Indicator("TONG-NGUON-VON"); ind.Decimals != 2 {
		t.Errorf("decimals %d", ind.Decimals)
	}
	if ind := c.Indicator("KHACH-HANG"); ind.Decimals != 0 {
		t.Errorf("decimals %d", ind.Decimals)
	}
	if len(c.Targets) != 3 || c.Targets[0].Kind != TargetCapitalShare || c.Targets[2].Kind != TargetRatio {
		t.Errorf("targets %+v", c.Targets)
	}

	// A day given: the reference cites it as Decree 30/2020 writes dates,
	// and a kind left out is read from commune_name.
	dir := copyData(t, PlanFile, `date: ""`, "date: 05/09/2025")
	edit(t, filepath.Join(dir, PlanFile), "local_kind: xã", "# local_kind: xã")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Plan.Reference(); got != "Kế hoạch số      /KH-UBND ngày 05 tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp" {
		t.Errorf("reference %q", got)
	}
	if c.Plan.LocalKind != "xã" {
		t.Errorf("kind %q", c.Plan.LocalKind)
	}
}

// writeData writes a data folder from the four files' texts.
func writeData(t *testing.T, plan, tasks, units, indicators string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{PlanFile: plan, TasksFile: tasks, UnitsFile: units, IndicatorsFile: indicators} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	smallPlan = `issuer: ỦY BAN NHÂN DÂN
commune: PHƯỜNG AN HẢI
commune_name: phường An Hải
local_kind: phường
place: An Hải
collector: VH
plan: {kind: Kế hoạch, suffix: KH-UBND, date: 20/10/2025, issuer: Ủy ban nhân dân phường An Hải, title: Kế hoạch triển khai Quyết định số 1560/QĐ-TTg}
`
	smallUnits = `units:
  - {code: VH, name: Phòng Văn hóa - Xã hội}
  - {code: KT, name: "Phòng Kinh tế, Hạ tầng và Đô thị"}
`
	smallIndicators = "indicators: []\n"
)

func TestDeepCodes(t *testing.T) {
	tasks := `sections:
  - code: II
    title: Nguồn vốn
    tasks:
      - {code: II.1, content: Nhiệm vụ một, lead: [VH]}
      - {code: II.3, heading: true, content: Nhóm ba}
      - {code: II.3.a, content: Mục a, lead: [KT]}
      - {code: II.3.b, heading: true, content: Nhóm b}
      - {code: II.3.b.1, content: Mục b.1, lead: [KT], lead_text: "Phòng Kinh tế, Hạ tầng và Đô thị"}
      - {code: II.3.b.2, content: Mục b.2, lead: [VH]}
      - {code: II.4, content: Nhiệm vụ bốn, lead: [VH]}
`
	c, err := Load(writeData(t, smallPlan, tasks, smallUnits, smallIndicators))
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, task := range c.Tasks() {
		codes = append(codes, task.Code)
	}
	if want := []string{"II.1", "II.3.a", "II.3.b.1", "II.3.b.2", "II.4"}; !slices.Equal(codes, want) {
		t.Errorf("leaves %v", codes)
	}
	var heads []string
	for _, h := range c.Headings(c.Task("II.3.b.2")) {
		heads = append(heads, h.Code)
	}
	if !slices.Equal(heads, []string{"II.3", "II.3.b"}) {
		t.Errorf("headings of II.3.b.2: %v", heads)
	}
	if len(c.Headings(c.Task("II.4"))) != 0 || c.Task("II.3.a").Parent != "II.3" {
		t.Error("parents")
	}
	if got := c.ExampleTask(); got != "II.3.b.1" {
		t.Errorf("example %q", got)
	}
	if c.CollectorName() != "Phòng Văn hóa - Xã hội" || c.Plan.LocalKind != "phường" || c.Plan.Month != 10 || c.Plan.Year != 2025 {
		t.Errorf("plan %+v", c.Plan)
	}

	// A heading dropped between II.3 and II.3.b.1 is a mistake.
	_, err = Load(writeData(t, smallPlan, strings.Replace(tasks, "      - {code: II.3.b, heading: true, content: Nhóm b}\n", "", 1), smallUnits, smallIndicators))
	if err == nil || !strings.Contains(err.Error(), "tasks.yaml, dòng 8: nhiệm vụ II.3.b.1 là mục con của II.3.b, nhưng phần II không có tiêu đề nhóm II.3.b") {
		t.Errorf("got %v", err)
	}
}

func TestMissingFolder(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none"))
	if err == nil || !strings.Contains(err.Error(), "không tìm thấy thư mục dữ liệu") {
		t.Fatalf("got %v", err)
	}
}

// Targets written the old way (a mapping of two kinds) are read as the
// list they stand for, with a note; so is the overdue ratio that the
// earlier version gave in code.
func TestOldTargets(t *testing.T) {
	inds := `indicators:
  - {code: TONG-DU-NO, name: Tổng dư nợ, measure: triệu đồng, unit: VH, kind: stock, decimals: 2}
  - {code: NO-QUA-HAN, name: Nợ quá hạn, measure: triệu đồng, unit: VH, kind: stock, decimals: 2}
  - {code: VON-NSDP, name: Vốn ủy thác, measure: triệu đồng, unit: VH, kind: stock, decimals: 2}
targets:
  capital_share:
    task: I.1
    part: VON-NSDP
    whole: TONG-DU-NO
    percent: 15
    by_year: 2030
  growth_share:
    part: VON-NSDP
    whole: TONG-DU-NO
    min_percent: 15
`
	tasks := "sections:\n  - code: I\n    title: Một\n    tasks:\n      - {code: I.1, content: Việc, lead: [VH]}\n"
	c, err := Load(writeData(t, smallPlan, tasks, smallUnits, inds))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, tg := range c.Targets {
		kinds = append(kinds, tg.Kind)
	}
	if !slices.Equal(kinds, []string{TargetCapitalShare, TargetGrowthShare, TargetRatio}) || c.Targets[0].Percent != 15 || c.Targets[0].Task != "I.1" || c.Targets[1].MinPercent != 15 {
		t.Errorf("targets %v %+v", kinds, c.Targets[0])
	}
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0].Error(), "indicators.yaml, dòng 5: targets viết theo dạng của phiên bản trước") {
		t.Errorf("notes %v", c.Notes)
	}

	// A misspelt key stays a mistake in the old form too.
	_, err = Load(writeData(t, smallPlan, tasks, smallUnits, strings.Replace(inds, "percent: 15\n    by_year", "percnt: 15\n    by_year", 1)))
	if err == nil || !strings.Contains(err.Error(), "khóa «percnt» không có") {
		t.Errorf("got %v", err)
	}
}

// The data of the earlier version, as committed then, load unchanged.
func TestEarlierVersionData(t *testing.T) {
	c, err := Load("testdata/earlier")
	if err != nil {
		t.Fatal(err)
	}
	if ind := c.Indicator("KHACH-HANG"); ind == nil || ind.Decimals != 0 {
		t.Errorf("KHACH-HANG %+v", ind)
	}
	if ind := c.Indicator("TONG-DU-NO"); ind == nil || ind.Decimals != 2 {
		t.Errorf("TONG-DU-NO %+v", ind)
	}
	if len(c.Targets) != 3 || len(c.Tasks()) != 23 {
		t.Errorf("%d targets, %d tasks", len(c.Targets), len(c.Tasks()))
	}
	notes := c.Notes.Error()
	if !strings.Contains(notes, "chỉ tiêu KHACH-HANG chưa ghi decimals (số chữ số thập phân): lấy 0 theo đơn vị tính «khách hàng» (số đếm)") ||
		!strings.Contains(notes, "chỉ tiêu TONG-DU-NO chưa ghi decimals (số chữ số thập phân): lấy 2 theo đơn vị tính «triệu đồng» (tiền)") {
		t.Errorf("notes:\n%s", notes)
	}
}

// Every task of the shipped plan has a short title for part III of the
// report and the reminder: present, one line, about 15 words (Vietnamese
// counts syllables, so up to 20), and no ellipsis standing for a cut.
func TestShortTitles(t *testing.T) {
	c := loadData(t)
	for _, task := range c.Tasks() {
		title := task.ShortTitle
		n := len(strings.Fields(title))
		switch {
		case title == "":
			t.Errorf("%s has no short_title in tasks.yaml", task.Code)
		case n > 20:
			t.Errorf("%s: short title of %d words, want about 15: %q", task.Code, n, title)
		case strings.ContainsAny(title, "\n…") || strings.Contains(title, "..."):
			t.Errorf("%s: short title must be one line and whole: %q", task.Code, title)
		case task.Title() != title:
			t.Errorf("%s: Title() = %q, want the short title", task.Code, task.Title())
		}
	}
	if h := c.Task("IV.1"); h.Title() != h.Content {
		t.Errorf("a task without a short title is named by its whole content, got %q", h.Title())
	}
}

// TestLetterheads checks the two header lines of each unit's form: the
// governing body from units.yaml (absent: the People's Committee; "":
// none) and the name completed with the commune's.
func TestLetterheads(t *testing.T) {
	c := loadData(t)
	for _, tc := range []struct{ code, body, name string }{
		{"VP", "ỦY BAN NHÂN DÂN XÃ XỐP", "VĂN PHÒNG HĐND VÀ UBND XÃ XỐP"},
		{"KT", "ỦY BAN NHÂN DÂN XÃ XỐP", "PHÒNG KINH TẾ"},
		{"CA", "CÔNG AN TỈNH QUẢNG NGÃI", "CÔNG AN XÃ XỐP"},
		{"MTTQ", "", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ XỐP"},
		{"HND", "", "HỘI NÔNG DÂN XÃ XỐP"},
		{"DTN", "", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH XÃ XỐP"},
		{"NHCSXH", "CHI NHÁNH NHCSXH TỈNH QUẢNG NGÃI", "PHÒNG GIAO DỊCH NGÂN HÀNG CHÍNH SÁCH XÃ HỘI ĐĂK GLEI"},
	} {
		u := c.Unit(tc.code)
		if u == nil {
			t.Fatalf("no unit %s", tc.code)
		}
		if u.GoverningBody != tc.body || c.HeaderName(u) != tc.name {
			t.Errorf("%s: got %q / %q, want %q / %q", tc.code, u.GoverningBody, c.HeaderName(u), tc.body, tc.name)
		}
	}

	// Other communes: the name is completed only where it ends with the
	// local body's kind, as a whole word.
	ward := &Catalog{Plan: Plan{LocalKind: "phường", Commune: "PHƯỜNG THẠCH BÌNH"}}
	for _, tc := range []struct{ name, want string }{
		{"Công an phường", "CÔNG AN PHƯỜNG THẠCH BÌNH"},
		{"Hội Cựu chiến binh phường", "HỘI CỰU CHIẾN BINH PHƯỜNG THẠCH BÌNH"},
		{"Công an xã", "CÔNG AN XÃ"},
		{"Tổ dân phố số 3", "TỔ DÂN PHỐ SỐ 3"},
		{"Phường", "PHƯỜNG"},
	} {
		if got := ward.HeaderName(&Unit{Name: tc.name}); got != tc.want {
			t.Errorf("HeaderName(%q): got %q, want %q", tc.name, got, tc.want)
		}
	}
}
