package consolidate

import (
	"baocao/internal/catalog"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/render"
)

// The fields given to the reminder are exactly those its committed
// template uses: no template error, no "field never used" warning (the
// report's template is held to compose.Fields by package compose).
func TestTemplateDataFitsTemplates(t *testing.T) {
	c := loadCatalog(t)
	kt := sub("KT", q1, time.Now(), row("IV.1.a", forms.StatusDone, "Đã bố trí 300 triệu đồng."))
	kt.Rows[0].Documents = "Tờ trình số 08/TTr-KT"
	kt.Rows[0].Difficulties = "Ngân sách hạn hẹp"
	kt.Rows[0].Proposals = "Bổ sung vốn"
	nh := sub("NHCSXH", q1, time.Now(), row("IV.1.a", forms.StatusDone, "Phối hợp."))
	nh.Indicators = []intake.IndicatorValue{{Code: "TONG-NGUON-VON", Previous: num(1), Current: num(2)}}
	r := Build(c, q1, []*intake.Submission{kt, nh})
	now := time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)
	for name, data := range map[string]map[string]any{
		"../../templates/don-doc.docx": r.ReminderData(now),
	} {
		tmpl, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		_, warnings, err := render.Render(tmpl, render.Data(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, w := range warnings {
			t.Errorf("%s: %s", name, w)
		}
	}
	if s := r.TemplateData(now)["trich_yeu"].(string); !strings.HasSuffix(s, ", quý I năm 2026") {
		t.Errorf("trich_yeu %q", s)
	}
}

// A status read from the unit's own words reaches the report with them:
// "hoàn thành 80%" is Đang thực hiện, and the report says both.
func TestStatusWordsReachTheReport(t *testing.T) {
	c := loadCatalog(t)
	kt := sub("KT", q1, time.Now(), row("I.2", forms.StatusInProgress, "Đăng 4 tin."), row("I.1", forms.StatusUnknown, "Đã phổ biến."))
	kt.Rows[0].StatusText, kt.Rows[0].StatusWords = "hoàn thành 80%", "hoàn thành 80%"
	kt.Rows[1].StatusText, kt.Rows[1].StatusWords = "cơ bản hoàn thành", "cơ bản hoàn thành"
	r := Build(c, q1, []*intake.Submission{kt})
	data := r.TemplateData(time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC))
	var got []string
	for _, sec := range data["phan"].([]map[string]any) {
		for _, task := range sec["nhiem_vu"].([]map[string]any) {
			if m := task["ma"]; m == "I.1" || m == "I.2" {
				got = append(got, task["tinh_trang"].(string))
			}
		}
	}
	want := []string{"Phòng Kinh tế ghi «cơ bản hoàn thành»", "Đang thực hiện (Phòng Kinh tế ghi «hoàn thành 80%»)"}
	if !slices.Equal(got, want) {
		t.Errorf("report statuses %q, want %q", got, want)
	}
	for _, row := range data["phu_luc"].([]map[string]any) {
		if row["stt"] == "I.2" && row["tinh_trang"] != want[1] {
			t.Errorf("appendix: %q", row["tinh_trang"])
		}
	}
}

// TestOutline: part I numbers the plan's sections 1, 2, ... and what is
// under them 1.1, 1.1.1: no number of the report's own parts I-IV again,
// a group heading numbered once though shown above its first item only.
func TestOutline(t *testing.T) {
	task := func(code, parent string, heading bool) *catalog.Task {
		return &catalog.Task{Code: code, Parent: parent, Heading: heading}
	}
	h3, h3b := task("II.3", "", true), task("II.3.b", "II.3", true)
	tasks := []TaskResult{
		{Task: task("II.1", "", false)},
		{Task: task("II.3.a", "II.3", false), Headings: []*catalog.Task{h3}},
		{Task: task("II.3.b.1", "II.3.b", false), Headings: []*catalog.Task{h3b}},
		{Task: task("II.3.b.2", "II.3.b", false)},
		{Task: task("II.4", "", false)},
	}
	got := outline(2, tasks)
	want := map[string]string{"II.1": "2.1", "II.3": "2.2", "II.3.a": "2.2.1", "II.3.b": "2.2.2", "II.3.b.1": "2.2.2.1", "II.3.b.2": "2.2.2.2", "II.4": "2.3"}
	for code, n := range want {
		if got[code] != n {
			t.Errorf("%s: %q, want %q", code, got[code], n)
		}
	}
}

// A unit's cell says once what it repeats, and nothing else of it changes.
func TestDropRepeats(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Tổ chức 2 hội nghị.", "Tổ chức 2 hội nghị."},
		{"Tổ chức 2 hội nghị.\ntổ chức 2  hội nghị\nPhát 3 tin.", "Tổ chức 2 hội nghị.\nPhát 3 tin."},
		{"- Tiếp tục theo dõi;\n- Tiếp tục theo dõi;\n- Đôn đốc thu nợ.", "- Tiếp tục theo dõi;\n- Đôn đốc thu nợ."},
		{"Rà soát 5 hộ; rà soát 5 hộ; lập danh sách", "Rà soát 5 hộ; lập danh sách"},
		{"Hộ nghèo: 12 hộ;\nHộ cận nghèo: 12 hộ;", "Hộ nghèo: 12 hộ;\nHộ cận nghèo: 12 hộ;"},
		// a long period: each quarter's words are its own
		{"Quý I năm 2026: Họp 1 lần\nKiểm tra tổ\nQuý II năm 2026: Họp 2 lần\nKiểm tra tổ", "Quý I năm 2026: Họp 1 lần\nKiểm tra tổ\nQuý II năm 2026: Họp 2 lần\nKiểm tra tổ"},
	} {
		if got := DropRepeats(tt.in); got != tt.want {
			t.Errorf("DropRepeats(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
