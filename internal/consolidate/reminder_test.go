package consolidate

import (
	"strings"
	"testing"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/intake"
)

// filled is a submission of unit with every task it is assigned filled in,
// except those given.
func filled(c *catalog.Catalog, unit string, blank ...string) *intake.Submission {
	var rows []intake.Row
	for _, a := range c.Assignments(unit) {
		skip := false
		for _, b := range blank {
			skip = skip || a.Task.Code == b
		}
		if !skip {
			rows = append(rows, row(a.Task.Code, forms.StatusDone, "Đã thực hiện."))
		}
	}
	return sub(unit, q1, time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), rows...)
}

// firstOf returns the first task unit has in role.
func firstOf(t *testing.T, c *catalog.Catalog, unit string, role catalog.Role) *catalog.Task {
	t.Helper()
	for _, a := range c.Assignments(unit) {
		if a.Role == role {
			return a.Task
		}
	}
	t.Fatalf("%s has no task in role %v", unit, role)
	return nil
}

// The letter writes to the units the commune directs whose reports are
// not in, one plain sentence each; never to the office that collects the
// reports, nor to the bank's office, nor for coordinating tasks alone.
func TestUrged(t *testing.T) {
	c := loadCatalog(t)
	ktSupport := firstOf(t, c, "KT", catalog.RoleSupport)
	vhxhLead := firstOf(t, c, "VHXH", catalog.RoleLead)
	broken := filled(c, "CA")
	broken.Problems = []intake.Problem{{Severity: intake.SeverityError, File: broken.Path, Sheet: "Báo cáo", Pos: intake.Pos{Row: 12, Col: 6}, Message: "tình trạng không hợp lệ"}}
	subs := []*intake.Submission{
		filled(c, "KT", ktSupport.Code),  // a coordinating task blank: no reason alone
		filled(c, "VHXH", vhxhLead.Code), // a task it leads blank
		broken,
		filled(c, "MTTQ"), filled(c, "HPN"), filled(c, "HCCB"), filled(c, "DTN"),
		// VP (the collector), HND and NHCSXH (outside) sent nothing
	}
	r := Build(c, q1, subs)
	got := map[string]string{}
	for _, g := range r.Urged() {
		got[g.Unit.Unit.Code] = g.Sentence
	}
	want := map[string]string{
		"VHXH": "chưa báo cáo kết quả 01 nhiệm vụ do đơn vị chủ trì («" + strings.TrimRight(vhxhLead.Title(), ".:;") + "»).",
		"CA":   "đã gửi báo cáo nhưng biểu mẫu có lỗi nên chưa tổng hợp được; đề nghị liên hệ Văn phòng HĐND và UBND xã để sửa và gửi lại.",
		"HND":  "chưa gửi báo cáo.",
	}
	if len(got) != len(want) {
		t.Errorf("urged %v, want %v", got, want)
	}
	for code, s := range want {
		if got[code] != s {
			t.Errorf("%s: %q, want %q", code, got[code], s)
		}
	}
	not := map[string]string{}
	for _, n := range r.NotUrged() {
		not[n.Unit.Unit.Code] = n.Why
	}
	for _, code := range []string{"VP", "NHCSXH", "KT"} {
		if not[code] == "" {
			t.Errorf("%s: no reason given for leaving it out of the letter: %v", code, not)
		}
	}
	// the letter's fields: the units it urges, the last with a full stop
	d := r.ReminderData(time.Date(2026, 3, 19, 9, 0, 0, 0, time.UTC))
	units := d["don_vi"].([]map[string]any)
	if len(units) != 3 || units[0]["dau"] != ";" || units[2]["dau"] != "." || d["mot_don_vi"] != false {
		t.Errorf("don_vi %v", units)
	}
	if s := d["trich_yeu"].(string); s != "đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số      /KH-UBND, quý I năm 2026" {
		t.Errorf("trich_yeu %q", s)
	}
	for _, u := range units {
		for _, bad := range []string{".xlsx", "trang tính", "ô F", "«Báo cáo»", "tệp"} {
			if strings.Contains(u["noi_dung"].(string), bad) {
				t.Errorf("%s: the sentence names a file, sheet or cell (%q): %s", u["ten"], bad, u["noi_dung"])
			}
		}
	}
}

// Several lead tasks blank: counted, listed by code past two, coordinating
// ones counted beside them.
func TestUrgeSentenceManyTasks(t *testing.T) {
	c := loadCatalog(t)
	var lead, support []string
	for _, a := range c.Assignments("KT") {
		if a.Role == catalog.RoleLead && len(lead) < 3 {
			lead = append(lead, a.Task.Code)
		}
		if a.Role == catalog.RoleSupport && len(support) < 2 {
			support = append(support, a.Task.Code)
		}
	}
	r := Build(c, q1, []*intake.Submission{filled(c, "KT", append(lead, support...)...)})
	for _, g := range r.Urged() {
		if g.Unit.Unit.Code != "KT" {
			continue
		}
		want := "chưa báo cáo kết quả 03 nhiệm vụ do đơn vị chủ trì (nhiệm vụ " + strings.Join(lead, ", ") + ") và 02 nhiệm vụ phối hợp."
		if g.Sentence != want {
			t.Errorf("%q\nwant %q", g.Sentence, want)
		}
		return
	}
	t.Error("KT not urged")
}

func TestReminderDeadline(t *testing.T) {
	c := loadCatalog(t)
	r := Build(c, q1, nil)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		letter   time.Time
		deadline time.Time // report --deadline
		want     time.Time
	}{
		// Thursday + 5 working days: the next Thursday, the weekend skipped
		{"working days", day(2026, 3, 19), time.Time{}, day(2026, 3, 26)},
		{"over a weekend", day(2026, 3, 20), time.Time{}, day(2026, 3, 27)},
		// early: the plan's own deadline (14/03 + 2 days) is later
		{"the plan's later", day(2026, 3, 2), time.Time{}, day(2026, 3, 16)},
		{"--deadline", day(2026, 3, 19), day(2026, 3, 31), day(2026, 3, 31)},
		{"--deadline the letter's day", day(2026, 3, 19), day(2026, 3, 19), day(2026, 3, 19)},
		// a past date is never written: the working days instead
		{"--deadline past", day(2026, 3, 19), day(2026, 3, 10), day(2026, 3, 26)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r.Deadline = tt.deadline
			now := tt.letter.Add(15 * time.Hour)
			got := r.ReminderDeadline(now)
			if !got.Equal(tt.want) {
				t.Errorf("%v, want %v", got, tt.want)
			}
			if got.Before(tt.letter) {
				t.Errorf("a deadline already past: %v", got)
			}
			if d := r.ReminderData(now)["han_gui"].(time.Time); !d.Equal(got) {
				t.Errorf("han_gui %v", d)
			}
		})
	}
}
