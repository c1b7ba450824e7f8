package intake

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/forms"
	"baocao/internal/vntext"
)

func TestResolveCode(t *testing.T) {
	c := loadCatalog(t)
	tests := []struct {
		written string
		ctx     codeContext
		want    string
		full    bool
	}{
		{"IV.1.a", codeContext{}, "IV.1.a", true},
		{"IV.1a", codeContext{}, "IV.1.a", true},
		{"4.1.a", codeContext{}, "IV.1.a", true},
		{"IV-1-a", codeContext{}, "IV.1.a", true},
		{"iv.1.a.", codeContext{}, "IV.1.a", true},
		{"IV 1 a", codeContext{}, "IV.1.a", true},
		{"IV1a", codeContext{}, "IV.1.a", true},
		{"a", codeContext{section: "IV", parent: "IV.1"}, "IV.1.a", false},
		{"a)", codeContext{section: "IV", parent: "IV.1"}, "IV.1.a", false},
		{"1", codeContext{section: "II"}, "II.1", false},
		{"3.", codeContext{section: "V"}, "V.3", false},
		{"1.b", codeContext{section: "IV"}, "IV.1.b", false},
		{"V.8", codeContext{}, "V.8", true},
		{"VI", codeContext{}, "VI", true},
		{"1", codeContext{}, "", false},
		{"a", codeContext{section: "II"}, "", false},
		{"Tuyên truyền", codeContext{}, "", false},
		{"", codeContext{}, "", false},
	}
	for _, tt := range tests {
		res := resolveCode(c, tt.written, tt.ctx)
		if res.code != tt.want || (tt.want != "" && res.full != tt.full) {
			t.Errorf("resolveCode(%q, %+v) = %+v, want %q full=%v", tt.written, tt.ctx, res, tt.want, tt.full)
		}
	}
	if res := resolveCode(c, "IV.9", codeContext{}); !res.notFound || res.tried != "IV.9" {
		t.Errorf("IV.9: %+v", res)
	}
}

// TestOwnLayout reads a unit's own table: header lower down, columns in
// another order, codes written every which way, rows matched by content.
func TestOwnLayout(t *testing.T) {
	c := loadCatalog(t)
	content := func(code string) string { return c.Task(code).Content }
	firstWords := func(code string, n int) string {
		w := strings.Fields(content(code))
		return strings.Join(w[:min(n, len(w))], " ")
	}
	b := book{sheets: []sheet{
		{name: "Ghi chú", rows: [][]any{{"Bảng kèm theo ở trang sau"}}},
		{name: "BC quý 1", rows: [][]any{
			{"", "PHÒNG KINH TẾ"},
			{"", "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH 6 THÁNG ĐẦU NĂM 2026"},
			{},
			{"Kết quả thực hiện", "Tình trạng", "STT", "Nội dung nhiệm vụ", "Ghi chú", "Khó khăn, vướng mắc"},
			{"(1)", "(2)", "(3)", "(4)", "(5)", "(6)"},
			{"", "", "I", "TĂNG CƯỜNG CÔNG TÁC TUYÊN TRUYỀN"},
			{"Đã làm 1", "Hoàn thành", "1", firstWords("I.1", 12)},
			{},
			{"Đã làm 2", "đang triển khai", "2", ""},
			{"", "", "IV", c.Section("IV").Title},
			{"", "", "1", c.Task("IV.1").Content},
			{"Đã làm 4a", "đã xong", "a", ""},
			{"Đã làm 4b", "chưa", "IV.1b", ""},
			{"Đã làm 4c", "Hoàn thành 100%", "4-1-c", ""},
			{"Đã làm V2", "Hoàn thành", "", strings.ToUpper(content("V.2"))},
			{"Đã làm V3", "Hoàn thành", "", norm.NFD.String(content("V.3"))},
			{"Đã làm V4", "Hoàn thành", "", strings.ToLower(vntext.Fold(content("V.4")))},
			{"Việc riêng", "Hoàn thành", "", "Hỗ trợ xây nhà văn hóa thôn"},
			{"", "", "", "Người lập biểu", "", "Thủ trưởng đơn vị"},
		}},
	}}
	path := tempPath(t, "bc-phong-kinh-te.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{})
	if s.Unit != "KT" || s.Period.String() != "2026-H1" || s.Sheet != "BC quý 1" {
		t.Errorf("unit %q period %v sheet %q", s.Unit, s.Period, s.Sheet)
	}
	want := []struct {
		row     int
		task    string
		match   string
		status  forms.Status
		results string
	}{
		{7, "I.1", "code", forms.StatusDone, "Đã làm 1"},
		{9, "I.2", "code", forms.StatusInProgress, "Đã làm 2"},
		{12, "IV.1.a", "code", forms.StatusDone, "Đã làm 4a"},
		{13, "IV.1.b", "code", forms.StatusNotStarted, "Đã làm 4b"},
		{14, "IV.1.c", "code", forms.StatusDone, "Đã làm 4c"},
		{15, "V.2", "content", forms.StatusDone, "Đã làm V2"},
		{16, "V.3", "content", forms.StatusDone, "Đã làm V3"},
		{17, "V.4", "content", forms.StatusDone, "Đã làm V4"},
	}
	if len(s.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v\n%s", len(s.Rows), len(want), s.Rows, problemsText(s))
	}
	for i, w := range want {
		r := s.Rows[i]
		if r.Row != w.row || r.Task != w.task || r.Match != w.match || r.Status != w.status || r.Results != w.results || r.Sheet != "BC quý 1" {
			t.Errorf("row %d: got %+v, want %+v", i, r, w)
		}
		if w.match == "content" && (r.Confidence < contentAccept || r.Confidence > 1) {
			t.Errorf("row %d: confidence %v", i, r.Confidence)
		}
	}
	if len(s.Unmatched) != 1 || s.Unmatched[0].Row != 18 || !strings.Contains(s.Unmatched[0].Text, "nhà văn hóa") {
		t.Errorf("unmatched: %+v", s.Unmatched)
	}
	if !hasProblem(s, SeverityWarning, "đã đọc bảng báo cáo ở trang tính «BC quý 1»") {
		t.Errorf("the sheet read is not named:\n%s", problemsText(s))
	}
}

// An STT column that only counts rows is not read as codes: "2" after a row
// placed by its content is not task 2 of that row's section.
func TestSequenceNumbers(t *testing.T) {
	c := loadCatalog(t)
	b := book{sheets: []sheet{{name: "Sheet1", rows: [][]any{
		{"HỘI CỰU CHIẾN BINH XÃ"},
		{"BÁO CÁO KẾT QUẢ QUÝ I NĂM 2026"},
		{"STT", "Nội dung", "Tình trạng", "Kết quả"},
		{"1", c.Task("III.1").Content, "Hoàn thành", "Đã làm III.1"},
		{"2", c.Task("I.2").Content, "Hoàn thành", "Đã làm I.2"},
		{"3", "Tổ chức gặp mặt kỷ niệm ngày thành lập Hội", "Hoàn thành", "Gặp mặt"},
	}}}}
	path := tempPath(t, "hccb.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{})
	if len(s.Rows) != 2 || s.Rows[0].Task != "III.1" || s.Rows[1].Task != "I.2" || s.Rows[1].Match != "content" {
		t.Fatalf("rows %+v\n%s", s.Rows, problemsText(s))
	}
	if len(s.Unmatched) != 1 || s.Unmatched[0].Row != 6 {
		t.Errorf("unmatched %+v", s.Unmatched)
	}
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "«2»") || strings.Contains(p.Message, "«3»") {
			t.Errorf("a row count read as a code: %s", p.Message)
		}
	}
}

func TestContentThresholds(t *testing.T) {
	c := loadCatalog(t)
	for _, task := range c.Tasks() {
		ranked := rankContent(c, task.Content, "")
		if ranked[0].task != task || ranked[0].score != 1 {
			t.Errorf("%s: its own content ranks %s %.2f", task.Code, ranked[0].task.Code, ranked[0].score)
		}
		if ranked[1].score >= contentAccept {
			t.Logf("%s: runner-up %s at %.2f", task.Code, ranked[1].task.Code, ranked[1].score)
		}
	}
	if r := rankContent(c, "Hỗ trợ xây nhà văn hóa thôn", ""); r[0].score >= contentAccept {
		t.Errorf("unrelated text matched %s at %.2f", r[0].task.Code, r[0].score)
	}
}

func TestIsCleanAgreesWithRepair(t *testing.T) {
	for _, s := range []string{"Phòng Kinh tế", "Hoàn thành", "abc", " a", "a  b", "a\nb", "Đã tổ chức hội nghị",
		vntext.EncodeTCVN3("Phòng Kinh tế"), vntext.EncodeVNI("Phòng Kinh tế"), vntext.EncodeTCVN3("Đã xong"), vntext.EncodeVNI("Ủy ban"),
		norm.NFD.String("Phòng Kinh tế"), "Café", "a – b", "a\u2003b", "a\u200bb", "1.234,5", "x\u00a0y", "Tổ chức 3 hội nghị"} {
		if isClean(s) {
			if fixed, enc := vntext.Repair(s); fixed != s || enc != vntext.Unicode {
				t.Errorf("isClean(%q) but Repair gives %q (%v)", s, fixed, enc)
			}
		}
	}
}

func TestIsCleanLines(t *testing.T) {
	for _, s := range []string{"a\nb", "a\n\nb", "a\n\n\nb", "a \nb", "a\n b", "a\n", "\na", "Tăng cường\n- Đào tạo"} {
		if isClean(s) && vntext.Clean(s) != s {
			t.Errorf("isClean(%q) but Clean gives %q", s, vntext.Clean(s))
		}
	}
	if !isClean("Tăng cường\n- Đào tạo") || !isClean("a\n\nb") {
		t.Error("clean multi-line text is not recognised")
	}
}

// A row inserted under a task, with no code and no content, adds to that
// task; under a heading or an unmatched row it stays unmatched.
func TestContinuationRows(t *testing.T) {
	c := loadCatalog(t)
	b := formBook(c, "KT", q1, map[string]entry{"I.2": {status: "Hoàn thành", results: "Đăng 4 tin"}})
	var rows [][]any
	for _, r := range b.sheets[0].rows {
		rows = append(rows, r)
		switch {
		case len(r) > 1 && r[0] == "I.1": // left empty, written on the row below
			rows = append(rows, []any{"", "", "", "", "", "đang triển khai", "Đã phổ biến ở 3 thôn"})
		case len(r) > 1 && r[0] == "I.2":
			rows = append(rows, []any{}, []any{"", "", "", "", "", "", "Phát 200 tờ rơi", "Công văn số 5/UBND"})
		case len(r) > 1 && r[0] == "II": // under a section heading: no task above
			rows = append(rows, []any{"", "", "", "", "", "", "Việc không rõ thuộc nhiệm vụ nào"})
		}
	}
	// Under the signature block a row adds to no task either.
	rows = append(rows, []any{"", "", "", "", "", "", "Người lập biểu", "", "", "Thủ trưởng đơn vị"},
		[]any{"", "", "", "", "", "", "Số liệu tính đến ngày 14/03/2026 theo báo cáo của các thôn, chưa đối chiếu với ngân hàng"})
	b.sheets[0].rows = rows
	path := tempPath(t, "KT-2026-Q1.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{Period: q1})
	byTask := map[string]Row{}
	for _, r := range s.Rows {
		byTask[r.Task] = r
	}
	if r := byTask["I.1"]; r.Status != forms.StatusInProgress || r.Results != "Đã phổ biến ở 3 thôn" {
		t.Errorf("I.1: %+v", r)
	}
	if r := byTask["I.2"]; r.Status != forms.StatusDone || r.Results != "Đăng 4 tin\nPhát 200 tờ rơi" || r.Documents != "Công văn số 5/UBND" {
		t.Errorf("I.2: %+v", r)
	}
	if len(s.Unmatched) != 2 || s.Unmatched[0].Text != "Việc không rõ thuộc nhiệm vụ nào" || !strings.HasPrefix(s.Unmatched[1].Text, "Số liệu tính đến") {
		t.Errorf("unmatched: %+v", s.Unmatched)
	}
	if !hasProblem(s, SeverityWarning, "được gộp vào nhiệm vụ I.2 ở dòng") || !hasProblem(s, SeverityWarning, "được gộp vào nhiệm vụ I.1 ở dòng") {
		t.Errorf("no merge warnings:\n%s", problemsText(s))
	}
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "chưa được điền") && strings.Contains(p.Message, " I.1 (dòng") {
			t.Errorf("I.1 listed as not filled: %s", p.Message)
		}
	}
}
