package consolidate

import (
	"slices"
	"strings"
	"testing"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/period"
)

func loadCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var q1 = period.MustParse("2026-Q1")

func num(v float64) *float64 { return &v }

// sub builds a submission of unit with one row per task code given.
func sub(unit string, p period.Period, mod time.Time, rows ...intake.Row) *intake.Submission {
	return &intake.Submission{Path: "/in/" + unit + "-" + p.String() + ".xlsx", Unit: unit, Period: p, ModTime: mod, Sheet: forms.ReportSheet, Rows: rows}
}

func row(task string, st forms.Status, results string) intake.Row {
	return intake.Row{Sheet: forms.ReportSheet, Row: 10, Task: task, Match: "code", Confidence: 1, Status: st, StatusText: st.String(), Results: results}
}

func task(r *Report, code string) TaskResult {
	for _, s := range r.Sections {
		for _, t := range s.Tasks {
			if t.Task.Code == code {
				return t
			}
		}
	}
	panic(code)
}

func TestBuildContributionsAndStatus(t *testing.T) {
	c := loadCatalog(t)
	jan := time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)
	kt := sub("KT", q1, jan,
		row("IV.1.a", forms.StatusDone, "Đã trình UBND xã bố trí 500 triệu đồng ủy thác."),
		row("I.2", forms.StatusInProgress, "Đăng 4 tin trên loa truyền thanh."),
	)
	kt.Rows[0].Documents = "Tờ trình số 12/TTr-KT ngày 10/02/2026"
	kt.Rows[0].Difficulties = "Ngân sách xã còn hạn hẹp."
	vhxh := sub("VHXH", q1, jan, row("IV.1.a", forms.StatusInProgress, "Rà soát hộ nghèo."))
	nh := sub("NHCSXH", q1, jan, row("IV.1.a", forms.StatusDone, "Phối hợp tiếp nhận vốn ủy thác."))
	nh.Rows[0].Proposals = "Đề nghị bổ sung vốn ủy thác."
	// A unit reporting on a task that is not its own.
	hnd := sub("HND", q1, jan, row("V.4", forms.StatusDone, "Tuyên truyền nước sạch."))
	hnd.Unmatched = []intake.Row{{Sheet: "Sheet1", Row: 22, Text: "Tổ chức hội nghị tổng kết"}}

	r := Build(c, q1, []*intake.Submission{kt, vhxh, nh, hnd})

	a := task(r, "IV.1.a")
	if got := units(a.Lead); !slices.Equal(got, []string{"KT", "VHXH"}) {
		t.Errorf("IV.1.a lead contributions: %v", got)
	}
	if got := units(a.Support); !slices.Equal(got, []string{"NHCSXH"}) {
		t.Errorf("IV.1.a support contributions: %v", got)
	}
	if a.Status != forms.StatusInProgress || !a.Disagreement {
		t.Errorf("IV.1.a status %v disagreement %v: want in progress, flagged", a.Status, a.Disagreement)
	}
	if len(a.Documents) != 1 || a.Documents[0].UnitName != "Phòng Kinh tế" {
		t.Errorf("documents: %+v", a.Documents)
	}
	if i2 := task(r, "I.2"); i2.Status != forms.StatusInProgress || i2.Disagreement {
		t.Errorf("I.2: %v %v", i2.Status, i2.Disagreement)
	}
	if v4 := task(r, "V.4"); len(v4.Others) != 1 || v4.Others[0].Unit != "HND" {
		t.Errorf("V.4 others: %+v", v4.Others)
	}
	if len(r.Difficulties) != 1 || r.Difficulties[0].Unit != "KT" || r.Difficulties[0].Task != "IV.1.a" {
		t.Errorf("difficulties: %+v", r.Difficulties)
	}
	if len(r.Proposals) != 1 || r.Proposals[0].Unit != "NHCSXH" {
		t.Errorf("proposals: %+v", r.Proposals)
	}
	if len(r.Unmatched) != 1 || r.Unmatched[0].Row != 22 || r.Unmatched[0].Text != "Tổ chức hội nghị tổng kết" {
		t.Errorf("unmatched: %+v", r.Unmatched)
	}
	// Who is missing: 10 expected units, 4 sent.
	var missing []string
	for _, u := range r.Missing() {
		missing = append(missing, u.Unit.Code)
	}
	if want := []string{"VP", "CA", "MTTQ", "HPN", "HCCB", "DTN"}; !slices.Equal(missing, want) {
		t.Errorf("missing %v, want %v", missing, want)
	}
	if r.Reported() != 4 {
		t.Errorf("reported %d", r.Reported())
	}
	covered, total := r.TasksCovered()
	if covered != 3 || total != 23 {
		t.Errorf("covered %d/%d", covered, total)
	}
	if len(r.Unreported()) != 20 {
		t.Errorf("unreported %d", len(r.Unreported()))
	}
	for _, u := range r.Units {
		if u.Unit.Code == "KT" && (u.Tasks != 2 || u.Expected != 22) {
			t.Errorf("KT: %d of %d tasks", u.Tasks, u.Expected)
		}
	}
}

func units(cs []Contribution) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Unit)
	}
	return out
}

func TestDeriveStatus(t *testing.T) {
	D, P, N, X, U := forms.StatusDone, forms.StatusInProgress, forms.StatusNotStarted, forms.StatusNotApplicable, forms.StatusUnknown
	tests := []struct {
		in       []forms.Status
		want     forms.Status
		disagree bool
	}{
		{nil, U, false},
		{[]forms.Status{D}, D, false},
		{[]forms.Status{D, D}, D, false},
		{[]forms.Status{D, P}, P, true},
		{[]forms.Status{P, N, D}, N, true},
		{[]forms.Status{X, D}, D, true},
		{[]forms.Status{X, X}, X, false},
		{[]forms.Status{U, D}, D, false},
	}
	for _, tt := range tests {
		var cs []Contribution
		for _, s := range tt.in {
			cs = append(cs, Contribution{Status: s})
		}
		got, dis := deriveStatus(cs)
		if got != tt.want || dis != tt.disagree {
			t.Errorf("deriveStatus(%v) = %v,%v want %v,%v", tt.in, got, dis, tt.want, tt.disagree)
		}
	}
	// A lead whose own words could not be read as a status ("chưa xong",
	// "ko hoàn thành") keeps the task from being Hoàn thành on another
	// lead's word; a less advanced status stands.
	unclear := Contribution{Status: U, StatusText: "ko hoàn thành", StatusWords: "ko hoàn thành"}
	for _, tt := range []struct {
		others   []forms.Status
		want     forms.Status
		disagree bool
	}{
		{[]forms.Status{D}, U, true},
		{[]forms.Status{D, D}, U, true},
		{[]forms.Status{X}, U, true},
		{[]forms.Status{D, P}, P, true},
		{[]forms.Status{N}, N, false},
		{nil, U, false},
	} {
		cs := []Contribution{unclear}
		for _, s := range tt.others {
			cs = append(cs, Contribution{Status: s})
		}
		if got, dis := deriveStatus(cs); got != tt.want || dis != tt.disagree {
			t.Errorf("deriveStatus(unclear words + %v) = %v,%v want %v,%v", tt.others, got, dis, tt.want, tt.disagree)
		}
	}
}

func TestFilesLeftOut(t *testing.T) {
	c := loadCatalog(t)
	old := sub("KT", q1, time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), row("I.2", forms.StatusNotStarted, "bản cũ"))
	newer := sub("KT", q1, time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC), row("I.2", forms.StatusDone, "bản mới"))
	broken := sub("CA", q1, time.Now(), row("V.6", forms.StatusDone, "x"))
	broken.Problems = []intake.Problem{{Severity: intake.SeverityError, File: broken.Path, Sheet: "Báo cáo", Pos: intake.Pos{Row: 12, Col: 6}, Message: "tình trạng không hợp lệ"}}
	other := sub("VHXH", period.MustParse("2026-Q2"), time.Now(), row("V.2", forms.StatusDone, "x"))

	r := Build(c, q1, []*intake.Submission{old, newer, broken, other})
	if got := task(r, "I.2").Lead; len(got) != 1 || got[0].Results != "bản mới" {
		t.Errorf("the newer file should win: %+v", got)
	}
	if task(r, "V.6").Reported() {
		t.Error("a file with errors must be left out")
	}
	if task(r, "V.2").Reported() {
		t.Error("a file of another period must be left out")
	}
	if r.UsedFiles != 1 || r.ExcludedFiles != 3 {
		t.Errorf("used %d excluded %d", r.UsedFiles, r.ExcludedFiles)
	}
	var ca UnitStatus
	for _, u := range r.Units {
		if u.Unit.Code == "CA" {
			ca = u
		}
	}
	if !ca.Excluded || ca.Sent() || ca.Errors != 1 {
		t.Errorf("CA status: %+v", ca)
	}
	found := false
	for _, p := range r.Problems {
		if strings.Contains(p.Message, "quý II năm 2026") && p.Fix.Kind == intake.FixPeriod && strings.Contains(p.Text(intake.CommandLine), "--period 2026-Q2") {
			found = true
		}
	}
	if !found || r.Errors != 2 {
		t.Errorf("problems %d errors: %+v", r.Errors, r.Problems)
	}
}

func TestYearFromQuarterlyForms(t *testing.T) {
	c := loadCatalog(t)
	year := period.MustParse("2026")
	q1f := sub("KT", q1, time.Now(), row("I.2", forms.StatusInProgress, "quý I"))
	q2f := sub("KT", period.MustParse("2026-Q2"), time.Now(), row("I.2", forms.StatusDone, "quý II"))
	yearly := sub("CA", year, time.Now(), row("V.6", forms.StatusDone, "cả năm"))
	caQ := sub("CA", q1, time.Now(), row("V.6", forms.StatusInProgress, "quý I của CA"))
	r := Build(c, year, []*intake.Submission{q1f, q2f, yearly, caQ})
	i2 := task(r, "I.2")
	if len(i2.Lead) != 1 || !strings.Contains(i2.Lead[0].Results, "quý I") || !strings.Contains(i2.Lead[0].Results, "quý II") {
		t.Errorf("quarterly forms should both be used: %+v", i2.Lead)
	}
	if v6 := task(r, "V.6"); len(v6.Lead) != 1 || v6.Lead[0].Results != "cả năm" {
		t.Errorf("the yearly form wins over a quarterly one: %+v", v6.Lead)
	}
	if len(r.Notes) == 0 || r.Notes[0] != "Đơn vị chưa gửi biểu năm 2026 được tổng hợp từ biểu quý năm 2026: Phòng Kinh tế (quý I, quý II; thiếu quý III, quý IV)." || r.PartsNote != r.Notes[0] {
		t.Errorf("notes: %q", r.Notes)
	}
}

func TestIndicatorsAndTargets(t *testing.T) {
	c := loadCatalog(t)
	nh := sub("NHCSXH", q1, time.Now())
	nh.Indicators = []intake.IndicatorValue{
		{Code: "TONG-NGUON-VON", Previous: num(100000), Current: num(110000)},
		{Code: "VON-NSDP", Previous: num(5000), Current: num(6500)},
		{Code: "TONG-DU-NO", Previous: num(98000), Current: num(106000)},
		{Code: "NO-QUA-HAN", Current: num(212)},
	}
	r := Build(c, q1, []*intake.Submission{nh})
	var capital, growth, overdue *TargetCheck
	for i := range r.Targets {
		switch {
		case strings.Contains(r.Targets[i].Target, "vào năm 2030"):
			capital = &r.Targets[i]
		case strings.HasPrefix(r.Targets[i].Target, "Tăng trưởng"):
			growth = &r.Targets[i]
		case strings.Contains(r.Targets[i].Target, "nợ quá hạn"):
			overdue = &r.Targets[i]
		}
	}
	// 6.500 / 110.000 = 5,91%; growth 1.500 / 8.000 = 18,75%; overdue 212/106.000 = 0,20%.
	if capital == nil || capital.Actual == nil || capital.Met || !strings.Contains(capital.Verdict, "đạt 5,91%, còn thiếu 9,09 điểm phần trăm") {
		t.Errorf("capital share: %+v", capital)
	}
	if growth == nil || !growth.Met || !strings.Contains(growth.Verdict, "bằng 18,75%, trong khoảng mục tiêu") {
		t.Errorf("growth share: %+v", growth)
	}
	if overdue == nil || overdue.Verdict != "0,20%" {
		t.Errorf("overdue: %+v", overdue)
	}
	line := r.line("VON-NSDP")
	if line.Change == nil || *line.Change != 1500 || line.ChangePercent == nil || *line.ChangePercent != 30 {
		t.Errorf("VON-NSDP change: %+v", line)
	}

	// Without the bank's figures: "not enough data", never a made-up number.
	r = Build(c, q1, nil)
	for _, tc := range r.Targets {
		if tc.Actual != nil || !strings.HasPrefix(tc.Verdict, "chưa đủ số liệu") {
			t.Errorf("target without data: %+v", tc)
		}
	}
	// Every target of indicators.yaml says so, the overdue ratio too.
	if len(r.Targets) != 3 {
		t.Errorf("targets without data: %d", len(r.Targets))
	}
}

// TestNextTasks: part III holds the units' plans task by task, the same
// plan from several units once with all their names, bullets and stops
// as the report's own; a long period keeps the last part's plan; an
// unfinished task nobody planned for is named by its short title.
func TestNextTasks(t *testing.T) {
	c := loadCatalog(t)
	plan := func(r intake.Row, text string) intake.Row { r.NextTasks = text; return r }
	r := Build(c, q1, []*intake.Submission{
		sub("HND", q1, time.Now(), plan(row("III.2", forms.StatusDone, "x"), "- củng cố tổ vay vốn yếu.")),
		sub("HPN", q1, time.Now(), plan(row("III.2", forms.StatusDone, "y"), "củng cố  tổ vay vốn yếu")),
		sub("KT", q1, time.Now(), row("I.2", forms.StatusInProgress, "z"), row("V.4", forms.StatusDone, "w")),
	})
	var got []string
	for _, item := range r.nextTasks() {
		got = append(got, item["noi_dung"].(string))
	}
	want := "Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã: Củng cố tổ vay vốn yếu (nhiệm vụ III.2)."
	if !slices.Contains(got, want) {
		t.Errorf("one plan from two units: want %q in\n%s", want, strings.Join(got, "\n"))
	}
	i2 := "Phòng Kinh tế: tiếp tục thực hiện các nhiệm vụ I.2 «" + c.Task("I.2").ShortTitle + "»; "
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, i2) }) {
		t.Errorf("an unfinished task without a plan: want %q in\n%s", i2, strings.Join(got, "\n"))
	}
	for _, g := range got {
		if strings.Contains(g, "V.4") || strings.Contains(g, "…") || !strings.HasSuffix(g, ".") {
			t.Errorf("part III item %q: a done task, a cut, or no full stop", g)
		}
	}

	// Over the year, the plan of its last quarter: an earlier quarter's is
	// for a quarter already past.
	year := period.MustParse("2026")
	r = Build(c, year, []*intake.Submission{
		sub("KT", q1, time.Now(), plan(row("I.2", forms.StatusInProgress, "a"), "kế hoạch viết ở quý I")),
		sub("KT", period.MustParse("2026-Q4"), time.Now(), plan(row("I.2", forms.StatusInProgress, "b"), "kế hoạch viết ở quý IV")),
	})
	if n := task(r, "I.2").NextTasks; len(n) != 1 || n[0].Text != "kế hoạch viết ở quý IV" {
		t.Errorf("the year's plan for I.2: %+v", n)
	}
	r = Build(c, year, []*intake.Submission{
		sub("KT", q1, time.Now(), plan(row("I.2", forms.StatusInProgress, "a"), "kế hoạch viết ở quý I")),
		sub("KT", period.MustParse("2026-Q2"), time.Now(), row("I.2", forms.StatusDone, "")),
	})
	if n := task(r, "I.2").NextTasks; len(n) != 0 {
		t.Errorf("quarter I's plan is past for the year: %+v", n)
	}
	if res := task(r, "I.2").Lead; len(res) != 1 || !strings.Contains(res[0].Results, "Quý II năm 2026: Hoàn thành.") {
		t.Errorf("quarter II's status alone is not said in its quarter's line: %+v", res)
	}
}

// TestSentence: a unit's text as the report prints it, its layout kept
// where it has several lines, never a second bullet, the last stop left to
// the caller.
func TestSentence(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Phát 12 tin bài.", "Phát 12 tin bài"},
		{"- tiếp tục triển khai;", "Tiếp tục triển khai"},
		{"• Tiếp tục triển khai", "Tiếp tục triển khai"},
		{"- Đã ban hành Kế hoạch năm 2026.\n- Đang theo dõi, đôn đốc.", "\n- Đã ban hành Kế hoạch năm 2026.\n- Đang theo dõi, đôn đốc"},
		{"- a\n- b", "\n- A;\n- B"},
		{"Đã giải ngân cho các hộ:\n- Hộ nghèo: 12 hộ;\n- Hộ cận nghèo: 8 hộ.", "Đã giải ngân cho các hộ:\n- Hộ nghèo: 12 hộ;\n- Hộ cận nghèo: 8 hộ"},
		{"Kết quả:\n- Cho vay 12 hộ\n+ hộ nghèo 8\n+ hộ cận nghèo 4\n- Thu nợ 3 hộ", "Kết quả:\n- Cho vay 12 hộ;\n+ Hộ nghèo 8;\n+ Hộ cận nghèo 4;\n- Thu nợ 3 hộ"},
		{"Quý I: tổ chức hội nghị\nQuý II: kiểm tra 3 thôn.", "Quý I: tổ chức hội nghị.\nQuý II: kiểm tra 3 thôn"},
		{"Dòng một\n\n  \nDòng hai.", "Dòng một.\nDòng hai"},
		{"  \n", ""},
		{"a:\n:", "A"},
		{"Tổ chức tập huấn cho cán bộ,\nhội viên tại các thôn", "Tổ chức tập huấn cho cán bộ, hội viên tại các thôn"},
		{"Tổ chức tập huấn cho cán bộ\nhội viên tại các thôn.\nPhát 200 tờ rơi", "Tổ chức tập huấn cho cán bộ hội viên tại các thôn.\nPhát 200 tờ rơi"},
	} {
		if got := sentence(tt.in); got != tt.want {
			t.Errorf("sentence(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// TestDocuments: each document of a cell is an item of its own, once,
// with every unit that named it; numbering and bullets are the report's.
func TestDocuments(t *testing.T) {
	name := func(code string) string {
		return map[string]string{"KT": "Phòng Kinh tế", "VP": "Văn phòng"}[code]
	}
	got := documents([]Attributed{
		{Unit: "KT", Task: "I.1", Text: "1. Kế hoạch số 12/KH-UBND ngày 20/01/2026; 2. Công văn số 25/UBND ngày 05/02/2026."},
		{Unit: "VP", Task: "I.1", Text: "- Kế hoạch số 12/KH-UBND ngày 20/01/2026\n3) Thông báo số 7/TB-UBND"},
	}, name)
	want := []string{
		"Phòng Kinh tế, Văn phòng: Kế hoạch số 12/KH-UBND ngày 20/01/2026",
		"Phòng Kinh tế: Công văn số 25/UBND ngày 05/02/2026",
		"Văn phòng: Thông báo số 7/TB-UBND",
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, g := range got {
		if s := g["don_vi"].(string) + ": " + g["noi_dung"].(string); s != want[i] {
			t.Errorf("item %d: got %q, want %q", i, s, want[i])
		}
	}
}

// TestNotOver: a report made before its period's last data day says its
// figures are an estimate; after it, nothing.
func TestNotOver(t *testing.T) {
	r := &Report{Period: period.MustParse("2026")}
	for _, tt := range []struct {
		day  time.Time
		want string
	}{
		{time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local), "Kỳ năm 2026 chưa kết thúc: số liệu tính đến ngày 14/12/2026, báo cáo lập ngày 03/12/2026 nên là số ước thực hiện."},
		{time.Date(2026, 12, 14, 17, 0, 0, 0, time.Local), "chưa kết thúc"},
		{time.Date(2026, 12, 15, 8, 0, 0, 0, time.Local), ""},
		{time.Date(2027, 1, 5, 8, 0, 0, 0, time.Local), ""},
	} {
		got := r.NotOver(tt.day)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("NotOver(%s) = %q, want %q", tt.day.Format("02/01/2006"), got, tt.want)
		}
	}
}

// A quarter's report whose form leaves out a figure does not build it
// from the previous quarter's form kept to compare with: the figure is
// missing, never «thiếu quý I» of a quarter that was sent.
func TestEarlierFormsAreNoParts(t *testing.T) {
	c := loadCatalog(t)
	q1, q4 := period.MustParse("2026-Q1"), period.MustParse("2025-Q4")
	v := func(f float64) *float64 { return &f }
	now := &intake.Submission{Path: "NHCSXH-2026-Q1.xlsx", Unit: "NHCSXH", Period: q1,
		Indicators: []intake.IndicatorValue{{Code: "TONG-NGUON-VON", Previous: v(100), Current: v(110)}}}
	before := &intake.Submission{Path: "NHCSXH-2025-Q4.xlsx", Unit: "NHCSXH", Period: q4, ComparedWith: now.Path,
		Indicators: []intake.IndicatorValue{{Code: "VON-NSDP", Previous: v(40), Current: v(50)}}}
	r := Build(c, q1, []*intake.Submission{now, before})
	for _, l := range r.Indicators {
		if l.Indicator.Code == "VON-NSDP" && (l.Previous != nil || l.Current != nil || strings.Contains(l.CurrentNote, "thiếu")) {
			t.Errorf("VON-NSDP built from the earlier form: %+v", l)
		}
	}
}
